import { describe, expect, it } from "vitest";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

// The same test runs on SQLite (npx vitest run) and PostgreSQL (npm run test:pg): neither leaves
// out common English words ("the", "and"), so a search for one alone finds what has it.
describe("search for common words", () => {
  it("finds entries by words such as “the” and “and”, alone or in a phrase, on either database", async () => {
    const group = await makeGroup();
    const ada = await makeUser({ name: "Ada" });
    await addMember(group.id, ada.id, "admin");
    const as = callerFor(ada.id).caller;
    const tag = `q${crypto.randomUUID().slice(0, 8)}`;
    const thread = await as.thread.create({ groupId: group.id, title: `The seed library ${tag}`, body: "Swaps and sharing" });
    const found = async (q: string) => (await as.search.query({ q, groupId: group.id })).results.map(({ id }) => id);

    expect(await found("the")).toContain(thread.id);
    expect(await found("and")).toContain(thread.id);
    expect(await found(`"the seed library"`)).toEqual([thread.id]);
    expect(await found(`"a seed library"`)).toEqual([]);
    expect((await as.search.query({ q: "and", groupId: group.id })).results.find(({ id }) => id === thread.id)?.snippet).toBe("Swaps «and» sharing");
  });
});
