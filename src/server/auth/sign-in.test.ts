import { describe, expect, it } from "vitest";
import { authorizeSignIn, clientAddress, signInThrottle } from "@/server/auth/sign-in";
import { getDb } from "@/server/db";
import { RedisSignInThrottle, SignInThrottle, type SignInLimiter } from "@/server/rate-limit";
import { callerFor, makeUser, TEST_PASSWORD } from "@/server/test/factories";
import { testRedis } from "@/server/test/redis";

const signIn = (throttle: SignInLimiter, email: string, password: string, address: string | null = "203.0.113.5") =>
  authorizeSignIn(getDb(), throttle, { email, password }, address);

describe("signing in", () => {
  it("puts the account's credential version into the session identity", async () => {
    const user = await makeUser();
    await getDb().user.update({ where: { id: user.id }, data: { credentialVersion: 3 } });
    await expect(signIn(new SignInThrottle(), user.email, TEST_PASSWORD)).resolves.toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      credentialVersion: 3,
    });
  });

  it("after a run of wrong passwords the account must wait, right password or not, and is told how long", async () => {
    const throttle = new SignInThrottle();
    const user = await makeUser();
    for (let attempt = 0; attempt < 6; attempt++) await expect(signIn(throttle, user.email, "guess " + attempt)).resolves.toBeNull();

    await expect(signIn(throttle, user.email, "one more guess")).rejects.toThrow("Too many attempts. Try again in 1 minute.");
    await expect(signIn(throttle, user.email, TEST_PASSWORD, "198.51.100.1")).rejects.toThrow("Too many attempts. Try again in 1 minute.");
    const other = await makeUser();
    await expect(signIn(throttle, other.email, TEST_PASSWORD)).resolves.toMatchObject({ id: other.id });
  });

  it("guesses sent all at once are counted before any password is checked", async () => {
    const throttle = new SignInThrottle();
    const user = await makeUser();
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, n) => signIn(throttle, user.email, `parallel ${n}`)));
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(6);
  });

  it("with several instances, wrong passwords sent through each count together", async () => {
    const [a, b] = [new RedisSignInThrottle(await testRedis()), new RedisSignInThrottle(await testRedis())];
    const user = await makeUser();
    for (let attempt = 0; attempt < 6; attempt++) await expect(signIn([a, b][attempt % 2]!, user.email, "guess " + attempt)).resolves.toBeNull();

    await expect(signIn(a, user.email, TEST_PASSWORD)).rejects.toThrow("Too many attempts. Try again in 1 minute.");
    await expect(signIn(b, user.email, TEST_PASSWORD)).rejects.toThrow("Too many attempts. Try again in 1 minute.");
  });

  it("a password reset lifts the account's wait", async () => {
    const user = await makeUser();
    for (let attempt = 0; attempt < 7; attempt++) await signIn(signInThrottle(), user.email, "guess " + attempt).catch(() => null);
    await expect(signIn(signInThrottle(), user.email, TEST_PASSWORD)).rejects.toThrow(/Too many attempts/);

    const { caller } = callerFor(null);
    await caller.passwordReset.request({ email: user.email });
    const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { to: user.email } });
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    await caller.passwordReset.complete({ token, password: "my fresh password" });

    await expect(signIn(signInThrottle(), user.email, "my fresh password")).resolves.toMatchObject({ id: user.id });
  });

  it("takes the address the nearest proxy saw", () => {
    expect(clientAddress({ "x-forwarded-for": "10.0.0.1, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "::1" })).toBe("::1");
    expect(clientAddress({})).toBeNull();
    expect(clientAddress(undefined)).toBeNull();
  });
});
