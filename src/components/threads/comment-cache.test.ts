import { describe, expect, it } from "vitest";
import {
  firstUnreadId,
  reviveComment,
  setCommentReactions,
  stablePageParam,
  upsertComment,
  type CommentDto,
  type CommentPage,
  type CommentPages,
} from "@/components/threads/comment-cache";

function comment(seq: number, extra: Partial<CommentDto> = {}): CommentDto {
  return {
    id: `c${seq}`,
    threadId: "t1",
    seq,
    parentId: null,
    author: { id: "u1", name: "Priya Shah", avatarUrl: null },
    body: `comment ${seq}`,
    bodyHtml: `<p>comment ${seq}</p>`,
    deleted: false,
    createdAt: new Date(2026, 0, 1),
    editedAt: null,
    reactions: [],
    ...extra,
  };
}

function pages(...list: CommentPage[]): CommentPages {
  return { pages: list, pageParams: list.map(() => ({ direction: "after" as const })) };
}

const page = (items: CommentPage["items"], afterCursor: string | null = null): CommentPage => ({ items, beforeCursor: null, afterCursor });
const ids = (data: CommentPages | undefined) => data?.pages.flatMap((p) => p.items.map((item) => [item.id, ...item.replies.map((r) => r.id)].join(">")));

describe("upsertComment", () => {
  it("appends a new top-level comment when the newest page is loaded, once however often it arrives", () => {
    const data = pages(page([{ ...comment(1), replies: [] }]));
    const once = upsertComment(data, comment(2));
    expect(ids(once)).toEqual(["c1", "c2"]);
    expect(ids(upsertComment(once, comment(2)))).toEqual(["c1", "c2"]);
  });

  it("leaves a new comment to 'Load more' when later pages are not loaded yet", () => {
    const data = pages(page([{ ...comment(1), replies: [] }], "1"));
    expect(upsertComment(data, comment(9))).toBe(data);
  });

  it("puts a reply under its parent in order, and ignores replies to parents not loaded", () => {
    const data = pages(page([{ ...comment(1), replies: [comment(3, { parentId: "c1" })] }, { ...comment(2), replies: [] }]));
    const replied = upsertComment(data, comment(4, { parentId: "c1" }));
    expect(ids(replied)).toEqual(["c1>c3>c4", "c2"]);
    expect(ids(upsertComment(replied, comment(5, { parentId: "elsewhere" })))).toEqual(["c1>c3>c4", "c2"]);
  });

  it("replaces an edited or deleted comment in place and keeps its replies", () => {
    const data = pages(page([{ ...comment(1), replies: [comment(2, { parentId: "c1" })] }]));
    const deleted = upsertComment(data, comment(1, { deleted: true, body: "" }));
    expect(deleted?.pages[0]?.items[0]).toMatchObject({ deleted: true, replies: [{ id: "c2" }] });
    const edited = upsertComment(data, comment(2, { parentId: "c1", body: "better" }));
    expect(edited?.pages[0]?.items[0]?.replies[0]?.body).toBe("better");
  });
});

describe("setCommentReactions", () => {
  it("updates a top-level comment or a reply", () => {
    const data = pages(page([{ ...comment(1), replies: [comment(2, { parentId: "c1" })] }]));
    const reactions = [{ emoji: "👍", count: 1, people: [{ id: "u2", name: "Sam" }] }];
    expect(setCommentReactions(data, "c1", reactions)?.pages[0]?.items[0]?.reactions).toEqual(reactions);
    expect(setCommentReactions(data, "c2", reactions)?.pages[0]?.items[0]?.replies[0]?.reactions).toEqual(reactions);
  });
});

describe("firstUnreadId", () => {
  const items = [
    { ...comment(1), replies: [comment(4, { parentId: "c1" })] },
    { ...comment(2), replies: [] },
    { ...comment(3), replies: [] },
  ];

  it("finds the first unread in reading order, replies included", () => {
    expect(firstUnreadId(items, 1)).toBe("c4");
    expect(firstUnreadId(items, 0)).toBe("c1");
    expect(firstUnreadId(items, 4)).toBeNull();
  });
});

describe("stablePageParam", () => {
  it("starts just before the first loaded comment, or at the start of an empty thread", () => {
    expect(stablePageParam(page([{ ...comment(7), replies: [] }]))).toEqual({ cursor: "6", direction: "after" });
    expect(stablePageParam(page([]))).toEqual({ direction: "after" });
  });
});

describe("reviveComment", () => {
  it("turns the ISO strings of a socket payload back into dates", () => {
    const wire = JSON.parse(JSON.stringify(comment(1, { editedAt: new Date(2026, 0, 2) }))) as CommentDto;
    const revived = reviveComment(wire);
    expect(revived.createdAt).toEqual(new Date(2026, 0, 1));
    expect(revived.editedAt).toEqual(new Date(2026, 0, 2));
    expect(reviveComment(comment(2)).editedAt).toBeNull();
  });
});
