import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/server/users/password";

describe("verifyPassword", () => {
  afterEach(() => vi.restoreAllMocks());

  it("works through a full comparison for an account without a password, as for a missing account", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    expect(await verifyPassword("", "")).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
    const [hashForUnclaimed, hashForMissing] = (compare.mock.calls as unknown as [string, string][]).map(([, hash]) => hash);
    // Both compared against the same real hash: the same cost, so the same time.
    expect(hashForUnclaimed).toMatch(/^\$2[aby]\$\d\d\$/);
    expect(hashForUnclaimed).toBe(hashForMissing);
  });
});
