import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { getPublicCharter, publicLogoUrl, readPublicLogo } from "@/server/charter/public";
import { MAX_CHARTER_LENGTH } from "@/server/charter/schemas";
import { addMember, callerFor, makeGroup, makeGroupWithPeople, makeImage, makeOrganisation, makeUser } from "@/server/test/factories";

const as = (user: { id: string }) => callerFor(user.id).caller;

async function joinOrganisation(userId: string, organisation: { id: string }) {
  await getDb().user.update({ where: { id: userId }, data: { organisationId: organisation.id } });
}

/** A group with a written charter, and its member belonging to an organisation with a logo. */
async function charterWithSigner() {
  const people = await makeGroupWithPeople();
  await as(people.admin).charter.update({ groupId: people.group.id, body: "# Our charter\n\nWe **care**." });
  const organisation = await makeOrganisation();
  const logo = await makeImage(people.admin.id);
  await getDb().organisation.update({ where: { id: organisation.id }, data: { logoId: logo.id } });
  await joinOrganisation(people.member.id, organisation);
  return { ...people, organisation, logo };
}

describe("charter.get and charter.update", () => {
  it("starts empty at version 0, and numbers each changed text as a new version", async () => {
    const { group, admin, member } = await makeGroupWithPeople();
    const empty = await as(member).charter.get({ groupId: group.id });
    expect(empty).toMatchObject({ body: "", bodyHtml: "", isPublic: false, version: 0, versions: [], signatories: [], pending: null });
    expect(empty.viewer).toEqual({ canEdit: false, canDecide: false, canRequestSignature: false, organisation: null, signatureStatus: null });

    await as(admin).charter.update({ groupId: group.id, body: "First **draft**" });
    await as(admin).charter.update({ groupId: group.id, body: "First **draft**", isPublic: true });
    const saved = await as(admin).charter.update({ groupId: group.id, body: "Second _draft_" });

    expect(saved).toMatchObject({ body: "Second _draft_", bodyHtml: "<p>Second <em>draft</em></p>", isPublic: true, version: 2, pending: [] });
    expect(saved.versions.map(({ number, createdBy }) => ({ number, createdBy }))).toEqual([
      { number: 2, createdBy: { id: admin.id, name: admin.name } },
      { number: 1, createdBy: { id: admin.id, name: admin.name } },
    ]);
    const first = await as(member).charter.get({ groupId: group.id, version: 1 });
    expect(first.shownVersion).toMatchObject({ number: 1, body: "First **draft**", bodyHtml: "<p>First <strong>draft</strong></p>" });
    await expect(as(member).charter.get({ groupId: group.id, version: 3 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "The charter has no version 3.",
    });
  });

  it("publishes charter.changed to the group's room only when something changed", async () => {
    const { group, admin } = await makeGroupWithPeople();
    const { caller, published } = callerFor(admin.id);
    await caller.charter.update({ groupId: group.id, body: "Text" });
    await caller.charter.update({ groupId: group.id, body: "Text", isPublic: false });
    expect(published).toEqual([{ name: "charter.changed", room: `group:${group.id}`, payload: { groupId: group.id } }]);
  });

  it("is for admins to write; members read; guests are refused; outsiders and people who left find nothing", async () => {
    const { group, admin, member, guest } = await makeGroupWithPeople();
    const outsider = await makeUser();
    await addMember((await makeGroup()).id, outsider.id, "admin");
    await expect(as(member).charter.update({ groupId: group.id, body: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).charter.get({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).charter.update({ groupId: group.id, isPublic: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider).charter.get({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(outsider).charter.update({ groupId: group.id, body: "Ours" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await as(admin).charter.update({ groupId: group.id, body: "Text" });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: { in: [admin.id, member.id] } } });
    await expect(as(member).charter.get({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(admin).charter.update({ groupId: group.id, body: "Still mine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().charter.findUniqueOrThrow({ where: { groupId: group.id }, select: { body: true } })).toEqual({ body: "Text" });
  });

  it("refuses a text over the limit, or nested too deep, with a sentence", async () => {
    const { group, admin } = await makeGroupWithPeople();
    await expect(as(admin).charter.update({ groupId: group.id, body: "a".repeat(MAX_CHARTER_LENGTH + 1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Keep the charter under 50,000 characters"),
    });
    await expect(as(admin).charter.update({ groupId: group.id, body: ">".repeat(100) + " deep" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().charter.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("gives each of two saves at the same moment its own number, or tells the loser", async () => {
    const { group, admin } = await makeGroupWithPeople();
    await as(admin).charter.update({ groupId: group.id, body: "Start" });
    const results = await Promise.allSettled(["One", "Two"].map((body) => as(admin).charter.update({ groupId: group.id, body })));
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
    }
    const numbers = (await getDb().charterVersion.findMany({ where: { charter: { groupId: group.id } }, select: { number: true } })).map(
      ({ number }) => number,
    );
    expect(numbers.sort()).toEqual([1, 2, 3].slice(0, 1 + results.filter(({ status }) => status === "fulfilled").length));
  });
});

describe("charter.requestSignature", () => {
  it("lets a member ask for their own organisation, once, and shows admins the request", async () => {
    const { group, admin, member, organisation, logo } = await charterWithSigner();
    const before = await as(member).charter.get({ groupId: group.id });
    expect(before.viewer).toMatchObject({ canRequestSignature: true, organisation: { id: organisation.id, name: organisation.name }, signatureStatus: null });

    const { caller, published } = callerFor(member.id);
    const asked = await caller.charter.requestSignature({ groupId: group.id, organisationId: organisation.id });
    expect(asked).toMatchObject({ status: "pending", signedOn: null });
    expect(published.filter(({ name }) => name === "charter.changed")).toEqual([
      { name: "charter.changed", room: `group:${group.id}`, payload: { groupId: group.id } },
    ]);

    const seenByAdmin = await as(admin).charter.get({ groupId: group.id });
    expect(seenByAdmin.pending).toEqual([
      {
        id: asked.id,
        organisation: { id: organisation.id, name: organisation.name, logoUrl: `/api/images/${logo.id}` },
        requestedBy: { id: member.id, name: member.name },
        requestedAt: expect.any(Date),
      },
    ]);
    const seenByMember = await as(member).charter.get({ groupId: group.id });
    expect(seenByMember).toMatchObject({ pending: null, viewer: { canRequestSignature: false, signatureStatus: "pending" } });

    await expect(caller.charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${organisation.name} has already asked to sign this charter. An admin of the group will approve or decline it.`,
    });
    const colleague = await makeUser();
    await addMember(group.id, colleague.id, "member");
    await joinOrganisation(colleague.id, organisation);
    await expect(as(colleague).charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("tells the group's admins once per request, by bell, live and email, leading to the requests on the charter page", async () => {
    const { group, admin, member, other, guest } = await charterWithSigner();
    const secondAdmin = await makeUser();
    await addMember(group.id, secondAdmin.id, "admin");
    const { caller, published } = callerFor(member.id);
    const { id } = await caller.charter.requestSignature({ groupId: group.id });

    const notices = await getDb().notification.findMany({
      where: { kind: "signature_requested", groupId: group.id },
      select: { userId: true, actorId: true, title: true, url: true },
    });
    expect(notices.map(({ userId }) => userId).sort()).toEqual([admin.id, secondAdmin.id].sort());
    for (const notice of notices) {
      expect(notice).toMatchObject({ actorId: member.id, title: group.name, url: `/groups/${group.handle}/charter#requests-heading` });
    }
    expect(published.filter(({ name }) => name === "notification.created").map(({ room }) => room).sort()).toEqual(
      [`user:${admin.id}`, `user:${secondAdmin.id}`].sort(),
    );
    const [bell] = (await as(admin).notification.list({})).items;
    expect(bell).toMatchObject({ kind: "signature_requested", summary: `${member.name} asks to sign the charter of ${group.name}` });
    // "Important" by default: emailed at once.
    expect(await getDb().outboxMessage.count({ where: { to: admin.email, subject: { contains: "asks to sign the charter" } } })).toBe(1);
    for (const person of [member, other, guest]) {
      expect(await getDb().notification.count({ where: { userId: person.id, kind: "signature_requested" } })).toBe(0);
    }

    // Asking again while it is pending (a double click, a colleague) tells nobody again.
    await expect(caller.charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getDb().notification.count({ where: { kind: "signature_requested", groupId: group.id } })).toBe(2);

    // A declined organisation asking again is a new request: the admins hear of it again.
    await as(admin).charter.approveSignature({ signatureId: id, approve: false });
    await caller.charter.requestSignature({ groupId: group.id });
    expect(await getDb().notification.count({ where: { userId: admin.id, kind: "signature_requested" } })).toBe(2);
  });

  it("tells the admins once when two people of one organisation ask at the same moment", async () => {
    const { group, admin, member, organisation } = await charterWithSigner();
    const colleague = await makeUser();
    await addMember(group.id, colleague.id, "member");
    await joinOrganisation(colleague.id, organisation);
    const results = await Promise.allSettled([member, colleague].map((person) => as(person).charter.requestSignature({ groupId: group.id })));
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    expect(await getDb().notification.count({ where: { userId: admin.id, kind: "signature_requested" } })).toBe(1);
  });

  it("refuses someone with no organisation, or asking for an organisation not theirs", async () => {
    const { group, other, organisation } = await charterWithSigner();
    await expect(as(other).charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Your account does not belong to an organisation, so there is none for you to sign for. Choose your organisation on your account page first.",
    });
    const own = await makeOrganisation();
    await joinOrganisation(other.id, own);
    await expect(as(other).charter.requestSignature({ groupId: group.id, organisationId: organisation.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: `You can only ask to sign for your own organisation, ${own.name}.`,
    });
    expect(await getDb().charterSignature.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("refuses guests, outsiders, people who left, and groups with no charter yet", async () => {
    const { group, guest, member, organisation } = await charterWithSigner();
    await joinOrganisation(guest.id, organisation);
    await expect(as(guest).charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await makeUser();
    await addMember((await makeGroup()).id, outsider.id, "member");
    await joinOrganisation(outsider.id, organisation);
    await expect(as(outsider).charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: member.id } });
    await expect(as(member).charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const bare = await makeGroupWithPeople();
    await joinOrganisation(bare.member.id, organisation);
    await expect(as(bare.member).charter.requestSignature({ groupId: bare.group.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This group has no charter to sign yet.",
    });
    expect(await getDb().charterSignature.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(await getDb().notification.count({ where: { kind: "signature_requested", groupId: { in: [group.id, bare.group.id] } } })).toBe(0);
  });
});

describe("charter.approveSignature", () => {
  it("approves once, lists the signatory with its logo and date, and marks the organisation as a signatory", async () => {
    const { group, admin, member, organisation, logo } = await charterWithSigner();
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });
    const signedOn = new Date("2026-03-14T00:00:00Z");

    const approved = await as(admin).charter.approveSignature({ signatureId: id, signedOn });
    expect(approved).toEqual({ id, status: "approved", signedOn });

    const charter = await as(member).charter.get({ groupId: group.id });
    expect(charter.signatories).toEqual([{ organisation: { id: organisation.id, name: organisation.name, logoUrl: `/api/images/${logo.id}` }, signedOn }]);
    expect(charter.viewer).toMatchObject({ canRequestSignature: false, signatureStatus: "approved" });
    expect(await getDb().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { signedCharter: true, charterSignedOn: true } })).toEqual({
      signedCharter: true,
      charterSignedOn: signedOn,
    });
    await expect(as(member).charter.requestSignature({ groupId: group.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${organisation.name} has already signed this charter.`,
    });
  });

  it("of two admins deciding at once, writes one decision and tells the other", async () => {
    const { group, admin, member, organisation } = await charterWithSigner();
    const second = await makeUser();
    await addMember(group.id, second.id, "admin");
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });

    const results = await Promise.allSettled([
      as(admin).charter.approveSignature({ signatureId: id }),
      as(second).charter.approveSignature({ signatureId: id, approve: false }),
    ]);
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    const loser = results.find((result) => result.status === "rejected");
    const stored = await getDb().charterSignature.findUniqueOrThrow({ where: { id }, select: { status: true, decidedById: true } });
    expect(loser?.reason).toMatchObject({ code: "CONFLICT", message: `${organisation.name}'s request has already been ${stored.status}.` });
  });

  it("declines, after which the organisation may ask again", async () => {
    const { group, admin, member, organisation } = await charterWithSigner();
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });
    await expect(as(admin).charter.approveSignature({ signatureId: id, approve: false })).resolves.toEqual({ id, status: "declined", signedOn: null });
    expect((await as(member).charter.get({ groupId: group.id })).viewer).toMatchObject({ canRequestSignature: true, signatureStatus: "declined" });
    expect(await getDb().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { signedCharter: true } })).toEqual({ signedCharter: false });

    await expect(as(member).charter.requestSignature({ groupId: group.id })).resolves.toEqual({ id, status: "pending", signedOn: null });
    expect((await as(admin).charter.get({ groupId: group.id })).pending).toHaveLength(1);
    await as(admin).charter.approveSignature({ signatureId: id });

    const audit = await as(admin).audit.list({ groupId: group.id });
    expect(audit.items.map(({ sentence }) => sentence)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`approved ${organisation.name}'s signature of the charter`),
        expect.stringContaining(`declined ${organisation.name}'s request to sign the charter`),
        expect.stringContaining("saved version 1 of the charter"),
      ]),
    );
  });

  it("refuses members, guests, admins of another group, and a date in the future", async () => {
    const { group, admin, member, guest } = await charterWithSigner();
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });
    const otherAdmin = await makeUser();
    await addMember((await makeGroup()).id, otherAdmin.id, "admin");

    await expect(as(member).charter.approveSignature({ signatureId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).charter.approveSignature({ signatureId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(otherAdmin).charter.approveSignature({ signatureId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That signature request does not exist, or you cannot see it.",
    });
    await expect(as(admin).charter.approveSignature({ signatureId: id, signedOn: new Date(Date.now() + 3 * 86_400_000) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The organisation cannot have signed on a future date.",
    });
    expect(await getDb().charterSignature.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "pending" });
  });
});

describe("the public page", () => {
  it("has nothing for a group that did not opt in, nor for an unknown group", async () => {
    const { group, admin, member } = await charterWithSigner();
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });
    await as(admin).charter.approveSignature({ signatureId: id });

    expect(await getPublicCharter(getDb(), group.handle)).toBeNull();
    expect(await getPublicCharter(getDb(), "no-such-group")).toBeNull();
  });

  it("shows only the text and the signatories once public, and nothing again once private", async () => {
    const { group, admin, member, organisation, logo } = await charterWithSigner();
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });
    const signedOn = new Date("2026-01-02T00:00:00Z");
    await as(admin).charter.approveSignature({ signatureId: id, signedOn });
    await as(admin).charter.update({ groupId: group.id, isPublic: true });

    const page = await getPublicCharter(getDb(), group.handle.toUpperCase());
    expect(page).toEqual({
      bodyHtml: "<h1>Our charter</h1>\n<p>We <strong>care</strong>.</p>",
      signatories: [{ organisation: { id: organisation.id, name: organisation.name, logoUrl: publicLogoUrl(group.handle, logo.id) }, signedOn }],
    });
    expect(await readPublicLogo(getDb(), group.handle, logo.id)).toMatchObject({ contentType: "image/png" });

    await as(admin).charter.update({ groupId: group.id, isPublic: false });
    expect(await getPublicCharter(getDb(), group.handle)).toBeNull();
    expect(await readPublicLogo(getDb(), group.handle, logo.id)).toBeNull();
  });

  it("serves only the logos of approved signatories of that public charter", async () => {
    const { group, admin, member, logo } = await charterWithSigner();
    await as(admin).charter.update({ groupId: group.id, isPublic: true });
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });
    expect(await readPublicLogo(getDb(), group.handle, logo.id)).toBeNull();

    const avatar = await makeImage(member.id);
    await as(admin).charter.approveSignature({ signatureId: id });
    expect(await readPublicLogo(getDb(), group.handle, avatar.id)).toBeNull();
    const elsewhere = await makeGroupWithPeople();
    await as(elsewhere.admin).charter.update({ groupId: elsewhere.group.id, body: "Theirs", isPublic: true });
    expect(await readPublicLogo(getDb(), elsewhere.group.handle, logo.id)).toBeNull();
    expect(await readPublicLogo(getDb(), group.handle, logo.id)).not.toBeNull();
  });
});

describe("GET /charter/<handle>/logos/<imageId>", () => {
  const get = async (handle: string, imageId: string) => {
    const { GET } = await import("@/app/charter/[handle]/logos/[imageId]/route");
    return GET(new Request(`http://localhost/charter/${handle}/logos/${imageId}`), { params: Promise.resolve({ handle, imageId }) });
  };

  it("answers the logo of a signatory of a public charter to anyone, and 404 for anything else", async () => {
    const { group, admin, member, logo } = await charterWithSigner();
    const { id } = await as(member).charter.requestSignature({ groupId: group.id });
    await as(admin).charter.approveSignature({ signatureId: id });
    expect((await get(group.handle, logo.id)).status).toBe(404);

    await as(admin).charter.update({ groupId: group.id, isPublic: true });
    const answer = await get(group.handle, logo.id);
    expect(answer.status).toBe(200);
    expect(Object.fromEntries(answer.headers)).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff" });
    expect((await get(group.handle, (await makeImage(member.id)).id)).status).toBe(404);
    expect((await get("x".repeat(5_000), logo.id)).status).toBe(404);
  });
});
