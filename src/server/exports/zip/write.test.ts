import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { requireGroupExport } from "@/server/exports/access";
import { exportScene, INJECTION } from "@/server/exports/test-scene";
import { csvRecords, readZip, type ReadZip } from "@/server/exports/test-zip";
import { writeGroupZip } from "@/server/exports/zip/write";

let scene: Awaited<ReturnType<typeof exportScene>>;
let zip: ReadZip;

beforeAll(async () => {
  scene = await exportScene();
  const scope = await requireGroupExport(getDb(), scene.admin.id, scene.group.handle);
  zip = await readZip(writeGroupZip(getDb(), scope, { storage: scene.storage }));
});

const records = (name: string) => csvRecords(zip.text(name));

describe("a group's ZIP download", () => {
  it("holds the JSON export, every CSV, the documents and the stored files", () => {
    expect(zip.names).toEqual(
      expect.arrayContaining([
        "README.txt",
        "group.json",
        ...["threads", "comments", "polls", "votes", "outcomes", "decisions", "tasks", "members", "resources", "meetings", "files"].map((name) => `${name}.csv`),
        ...["charter_signatures", "initiatives", "stakeholders", "stakeholder_links", "amendments", "suggestions"].map((name) => `${name}.csv`),
        "charter.md",
        `charter-${scene.mine.handle}.md`,
        "documents/our-vision/current.md",
        "documents/our-vision/version-1.md",
        "documents/our-vision/version-2.md",
        "documents/our-vision/versions.csv",
        "documents/our-vision-2/current.md",
        "documents/our-vision-2/version-1.md",
        `files/${scene.files.minutes.sha256}`,
        "missing-files.txt",
      ]),
    );
    expect(zip.names.filter((name) => name.startsWith("files/"))).toEqual([`files/${scene.files.minutes.sha256}`]);
    expect(zip.bytes(`files/${scene.files.minutes.sha256}`).equals(scene.files.minutes.bytes)).toBe(true);
    expect(zip.text("missing-files.txt")).toContain(scene.files.lost.sha256);
    expect(records("files.csv")).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: `files/${scene.files.minutes.sha256}`, name: "Minutes March.pdf" })]),
    );
    expect(records("resources.csv")).toEqual([expect.objectContaining({ title: "Minutes, March", file: `files/${scene.files.minutes.sha256}` })]);
  });

  it("writes group.json in Hearth's format, with the group it was asked for at the top", () => {
    const [header, ...lines] = zip.text("group.json").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(header).toMatchObject({ group: { id: scene.group.id, handle: scene.group.handle } });
    expect(lines.length).toBeGreaterThan(0);
  });

  it("takes subgroups only where the downloader is an admin, and nothing below a subgroup left out", () => {
    const titles = records("threads.csv").map((row) => row.title);
    expect(titles).toEqual(expect.arrayContaining(["Budget, 2026", "Working notes"]));
    expect(titles).not.toContain("Not for the parent's admins");
    expect(titles).not.toContain("Audit findings");
    for (const name of zip.names.filter((entry) => !entry.startsWith("files/"))) {
      expect(zip.text(name), name).not.toContain("Not for the parent's admins");
      expect(zip.text(name), name).not.toContain("Audit findings");
      expect(zip.text(name), name).not.toContain(scene.theirs.handle);
    }
    expect(records("members.csv").map((row) => row.group)).toEqual(expect.arrayContaining([scene.group.handle, scene.mine.handle]));
  });

  it("writes RFC 4180 CSV with CRLF records, and defuses formulas", () => {
    const threads = zip.text("threads.csv");
    expect(threads.startsWith("group,thread_id,title,")).toBe(true);
    expect(threads.endsWith("\r\n")).toBe(true);
    expect(threads).toContain(`,'${INJECTION}\r\n`);
    expect(records("threads.csv").find((row) => row.thread_id === scene.thread.id)).toMatchObject({ title: "Budget, 2026", body: `'${INJECTION}` });
    expect(zip.text("comments.csv")).toContain('"Tea, ""cake""\nand more"');
    expect(records("comments.csv").find((row) => row.comment_id === scene.comment.id)).toMatchObject({ body: 'Tea, "cake"\nand more', number: "1" });
  });

  it("names no voter and gives no time in anonymous polls, and holds no ballot of an open anonymous poll", () => {
    const votes = records("votes.csv");
    const secret = votes.filter((row) => row.poll_id === scene.polls.secret.id);
    expect(secret).toHaveLength(2);
    for (const row of secret) expect(row).toMatchObject({ voter_id: "", voter: "", cast_at: "" });
    expect(secret.map((row) => row.option).sort()).toEqual(["Agree", "Disagree"]);
    const secretText = zip.text("votes.csv").split("\r\n").filter((line) => line.includes(scene.polls.secret.id)).join("\n");
    for (const identity of [scene.alice.id, scene.alice.name, scene.bob.id, scene.bob.name]) expect(secretText).not.toContain(identity);

    expect(votes.filter((row) => row.poll_id === scene.polls.stillOpen.id)).toEqual([]);
    expect(zip.text("votes.csv")).not.toContain("Open reason");
    expect(records("polls.csv").find((row) => row.poll_id === scene.polls.stillOpen.id)).toMatchObject({ voters: "1", votes_in_export: "no" });

    expect(votes.find((row) => row.poll_id === scene.polls.named.id)).toMatchObject({
      voter_id: scene.alice.id,
      voter: scene.alice.name,
      option: "Agree",
      reason: "Fair, and balanced",
      cast_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(records("outcomes.csv")).toEqual([expect.objectContaining({ poll_id: scene.polls.named.id, statement: "Adopted as written", option: "Agree" })]);
  });

  it("gives each poll's voting rules, and the decisions and tasks with their links, formulas defused", () => {
    expect(records("polls.csv").find((row) => row.poll_id === scene.polls.named.id)).toMatchObject({
      opens_at: "",
      quorum: "50%",
      threshold: "60%",
      threshold_of: "eligible",
      reasons_required_for: "disagree; block",
    });
    expect(records("polls.csv").find((row) => row.poll_id === scene.polls.secret.id)).toMatchObject({ quorum: "", threshold: "", threshold_of: "", reasons_required_for: "" });

    const decisions = records("decisions.csv");
    expect(decisions).toHaveLength(2);
    expect(decisions.find((row) => row.decision_id === scene.decisions.budget.id)).toEqual(
      expect.objectContaining({
        group: scene.group.handle,
        question: "Adopt the budget",
        result: "Adopted as written",
        verdict: "Passed: 1 of 3 eligible voted",
        decided_at: "2026-03-09T00:00:00.000Z",
        owner_id: scene.alice.id,
        owner: scene.alice.name,
        status: "in_progress",
        review_on: "2026-09-01T00:00:00.000Z",
        poll_id: scene.polls.named.id,
        links: "Poll: Adopt the budget; Thread: Budget, 2026",
        superseded_by: "",
      }),
    );
    expect(decisions.find((row) => row.decision_id === scene.decisions.earlier.id)).toMatchObject({
      question: `'${INJECTION}`,
      status: "superseded",
      superseded_by_id: scene.decisions.budget.id,
      superseded_by: "Adopt the budget",
    });

    expect(records("tasks.csv")).toEqual([
      expect.objectContaining({
        group: scene.group.handle,
        task_id: scene.task.id,
        title: "Book the room",
        assignee_ids: [scene.alice, scene.bob].sort((a, b) => a.name.localeCompare(b.name)).map(({ id }) => id).join("; "),
        assignees: [scene.alice.name, scene.bob.name].sort().join("; "),
        due_on: "2026-12-10T00:00:00.000Z",
        done_at: "",
        created_by: scene.bob.name,
        where: "Comment 1 in thread: Budget, 2026",
        thread_id: scene.thread.id,
        decision_id: scene.decisions.budget.id,
      }),
    ]);
  });

  it("gives the charter as it reads now, its signatures, the initiatives and the stakeholder map", () => {
    expect(zip.text("charter.md")).toBe("# Our charter\n\nWe care for one another.\n");
    expect(zip.text(`charter-${scene.mine.handle}.md`)).toBe("The working group's charter\n");
    expect(zip.names).not.toContain(`charter-${scene.theirs.handle}.md`);
    const { organisation, initiative, council, charity, link } = scene.community;
    expect(records("charter_signatures.csv")).toEqual([
      expect.objectContaining({
        group: scene.group.handle,
        organisation_id: organisation.id,
        organisation: organisation.name,
        status: "approved",
        signed_on: "2026-04-01T00:00:00.000Z",
        note: `'${INJECTION}`,
        requested_by_id: scene.alice.id,
        requested_by: scene.alice.name,
        decided_by: scene.admin.name,
      }),
    ]);
    // The thread of a subgroup left out of the download is not named.
    expect(records("initiatives.csv")).toEqual([
      expect.objectContaining({
        group: scene.group.handle,
        initiative_id: initiative.id,
        name: "Befriending",
        organisation: organisation.name,
        area: "North ward",
        tags: "loneliness; older people",
        thread_ids: scene.thread.id,
        threads: "Budget, 2026",
        created_by: scene.alice.name,
      }),
    ]);
    expect(records("stakeholders.csv").map((row) => [row.stakeholder_id, row.name, row.kind, row.organisation, row.initiative, row.sector, row.relationship, row.x, row.y]).sort()).toEqual(
      [
        [council.id, "Town council", "organisation", "", "", "council", "supporter", "12.5", "-3"],
        [charity.id, "Age Concern", "organisation", organisation.name, "Befriending", "third_sector", "core", "0", "0"],
      ].sort(),
    );
    expect(records("stakeholder_links.csv")).toEqual([
      expect.objectContaining({ group: scene.group.handle, link_id: link.id, from_id: council.id, from: "Town council", kind: "funds", to_id: charity.id, to: "Age Concern" }),
    ]);
  });

  it("lists the documents' amendments and suggestions, with what the open ones change, formulas defused", () => {
    const { vision, amendment, openSuggestion, acceptedSuggestion } = scene.suggesting;
    expect(zip.text("amendments.csv").startsWith("group,document_id,document,amendment_id,number,")).toBe(true);
    expect(records("amendments.csv")).toEqual([
      expect.objectContaining({
        group: scene.group.handle,
        document_id: vision.id,
        document: "Our vision",
        amendment_id: amendment.id,
        number: "1",
        proposed_by: scene.alice.name,
        passage: `'${INJECTION}`,
        replacement: "Second, better draft",
        alternative_to: "",
        status: "adopted",
        result: "Passed: 1 of 3 eligible voted",
        poll_id: scene.polls.named.id,
        poll: "Adopt the budget",
        decided_at: "2026-03-10T00:00:00.000Z",
      }),
    ]);
    const suggestions = records("suggestions.csv");
    expect(suggestions.map((row) => [row.suggestion_id, row.author, row.status, row.inserts, row.deletes, row.amendment, row.decided_by, row.replies]).sort()).toEqual(
      [
        [openSuggestion.id, scene.alice.name, "open", "green ", "", "", "", "2"],
        [acceptedSuggestion.id, scene.bob.name, "accepted", "", "", "1", scene.admin.name, "0"],
      ].sort(),
    );
    expect(suggestions.find((row) => row.suggestion_id === openSuggestion.id)).toMatchObject({ document: "Our vision", created_at: "2026-03-01T00:00:00.000Z", decided_at: "" });
  });

  it("writes each document's versions as Markdown, oldest first, with an index", () => {
    // The agreed text, and beside it the open suggestion as a tracked change (CriticMarkup), as in a "with suggestions" export.
    expect(zip.text("documents/our-vision/current.md")).toBe("# Our vision\n\n# Now\n\nSecond draft of the vision (current)\n");
    expect(zip.text("documents/our-vision/current-with-suggestions.md")).toBe("# Our vision\n\n# Now\n\n{++green ++}Second draft of the vision (current)\n");
    expect(zip.names).not.toContain("documents/our-vision-2/current-with-suggestions.md");
    expect(zip.text("documents/our-vision/version-1.md")).toBe("# Our vision\n\nFirst draft of the vision\n");
    expect(zip.text("documents/our-vision/version-2.md")).toContain("Second draft of the vision");
    expect(csvRecords(zip.text("documents/our-vision/versions.csv"))).toEqual([
      expect.objectContaining({ file: "version-1.md", name: "Version 1", saved_by: scene.alice.name, authors: scene.alice.name }),
      expect.objectContaining({ file: "version-2.md", name: "Version 2" }),
    ]);
    expect(zip.text("documents/our-vision-2/version-1.md")).toContain("Another document, same title");
  });

  it("lists members with their roles and emails, for the admins who download it", () => {
    const members = records("members.csv").filter((row) => row.group === scene.group.handle);
    expect(members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_id: scene.admin.id, role: "admin", email: scene.admin.email }),
        expect.objectContaining({ user_id: scene.guest.id, role: "guest" }),
      ]),
    );
    expect(zip.text("members.csv")).not.toMatch(/passwordHash|\$2[aby]\$/);
  });
});
