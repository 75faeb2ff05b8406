import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { storeImage } from "@/server/images/service";
import { callerFor, makeUser, TEST_PASSWORD } from "@/server/test/factories";
import { verifyCredentials } from "@/server/users/service";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe("user.updateProfile", () => {
  it("saves name, bio and an avatar the caller uploaded, and removes it with null", async () => {
    const user = await makeUser();
    const image = await storeImage(getDb(), user.id, PNG);
    const { caller } = callerFor(user.id);

    const updated = await caller.user.updateProfile({ name: "  Rosa Park ", bio: " Grows tomatoes. ", avatarId: image.id });
    expect(updated).toMatchObject({ name: "Rosa Park", bio: "Grows tomatoes.", avatarUrl: `/api/images/${image.id}` });
    await expect(caller.user.me()).resolves.toEqual(updated);

    await expect(caller.user.updateProfile({ name: "Rosa Park", bio: "" })).resolves.toMatchObject({ avatarUrl: `/api/images/${image.id}` });
    await expect(caller.user.updateProfile({ name: "Rosa Park", bio: "", avatarId: null })).resolves.toMatchObject({ avatarUrl: null });
  });

  it("refuses someone else's image, an over-long bio and an empty name, changing nothing", async () => {
    const [user, other] = [await makeUser({ name: "Kept" }), await makeUser()];
    const theirs = await storeImage(getDb(), other.id, PNG);
    const { caller } = callerFor(user.id);
    await expect(caller.user.updateProfile({ name: "New", bio: "", avatarId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.user.updateProfile({ name: "New", bio: "x".repeat(1_001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("1,000 characters"),
    });
    await expect(caller.user.updateProfile({ name: " ", bio: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.user.me()).resolves.toMatchObject({ name: "Kept", bio: "", avatarUrl: null });
    await expect(callerFor(null).caller.user.updateProfile({ name: "X", bio: "" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("user.changePassword", () => {
  it("changes the password when the current one is right, and retires open reset links", async () => {
    const user = await makeUser();
    await callerFor(null).caller.passwordReset.request({ email: user.email });
    await callerFor(user.id).caller.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    await expect(verifyCredentials(getDb(), { email: user.email, password: "a brand new password" })).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials(getDb(), { email: user.email, password: TEST_PASSWORD })).resolves.toBeNull();
    expect(await getDb().passwordReset.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });

  it("refuses a wrong current password or a short new one, keeping the old password", async () => {
    const user = await makeUser();
    const { caller } = callerFor(user.id);
    await expect(caller.user.changePassword({ currentPassword: "not my password", newPassword: "a brand new password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Your current password is not right.",
    });
    await expect(caller.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(verifyCredentials(getDb(), { email: user.email, password: TEST_PASSWORD })).resolves.toMatchObject({ id: user.id });
    await expect(callerFor(null).caller.user.changePassword({ currentPassword: "x", newPassword: "a brand new password" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
