import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-database";
import {
  changePassword,
  endAllSessions,
  findSessionUser,
  revokeSession,
  SESSION_ABSOLUTE_MAX_MS,
  signUp,
  verifyCredentials,
} from "./accounts";
import * as password from "./password";
import {
  MAX_FAILURES_PER_CLIENT,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_EMAIL_AND_CLIENT,
  MAX_SIGN_UPS_PER_CLIENT,
  signInBlockedForMs,
} from "./rate-limit";

// Counts argon2 verifications, to see that an unknown address costs what a known one does.
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const STRONG = "correct horse battery";
let db: Database;
let clientCounter = 0;
/** A fresh client address per call, so the per-client sign-up limit does not spill between tests. */
const client = () => `198.51.100.${++clientCounter}`;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
});
beforeEach(() => vi.mocked(password.verifyPassword).mockClear());

describe("accounts", () => {
  it("signs up with a hashed password and signs in with it", async () => {
    const user = await signUp({ name: "研究者", email: " Researcher@Example.org ", password: STRONG }, client());
    expect(user.email).toBe("researcher@example.org");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(verifyCredentials({ email: "researcher@example.org", password: STRONG }, "c1")).resolves.toMatchObject(
      { id: user.id },
    );
  });

  it("refuses passwords that are easy to guess, the address or the name itself, and creates nothing", async () => {
    const before = await db.user.count();
    for (const [email, name, weak] of [
      ["weak1@example.org", "Weak", "12345678"],
      ["weak2@example.org", "Weak", "password"],
      ["weak3@example.org", "Weak", "weak3@example.org"],
      ["zhang.wei.lab@example.org", "Zhang Wei", "zhangweilab"],
      ["weak5@example.org", "Librarian Extraordinaire", "Librarian Extraordinaire"],
      ["weak6@example.org", "Weak", "qwertyuiop"],
      ["weak7@example.org", "Weak", "iloveyou2024"],
    ]) {
      await expect(signUp({ name, email, password: weak }, client()), weak).rejects.toMatchObject({
        code: "WEAK_PASSWORD",
        fields: { password: [] },
      });
    }
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a taken address with the generic answer after the same work, and changes nothing", async () => {
    await signUp({ name: "A", email: "dup@example.org", password: STRONG }, client());
    const before = await db.user.count();
    vi.mocked(password.verifyPassword).mockClear();
    await expect(
      signUp({ name: "B", email: "DUP@example.org", password: "another fine passphrase" }, client()),
    ).rejects.toMatchObject({ code: "SIGN_UP_REFUSED" });
    expect(await db.user.count()).toBe(before);
    // A new address is verified against a dummy hash too, so both paths do one hash and one verification.
    expect(password.verifyPassword).toHaveBeenCalledTimes(1);
    vi.mocked(password.verifyPassword).mockClear();
    await signUp({ name: "C", email: "fresh@example.org", password: STRONG }, client());
    expect(password.verifyPassword).toHaveBeenCalledTimes(1);
  });

  it("lets the owner of a taken address 'sign up' with their own password, which signs them in", async () => {
    const owner = await signUp({ name: "Owner", email: "owner-again@example.org", password: STRONG }, client());
    const before = await db.user.count();
    await expect(
      signUp({ name: "Owner", email: "owner-again@example.org", password: STRONG }, client()),
    ).resolves.toMatchObject({ id: owner.id });
    expect(await db.user.count()).toBe(before);
  });

  it("refuses malformed input with field messages", async () => {
    await expect(signUp({ name: "", email: "not-an-email", password: "short" }, client())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { name: expect.any(Array), email: expect.any(Array), password: expect.any(Array) },
    });
  });

  it("rejects a wrong password, and verifies a password even for an address without an account", async () => {
    await signUp({ name: "W", email: "wrong@example.org", password: STRONG }, client());
    vi.mocked(password.verifyPassword).mockClear();
    await expect(verifyCredentials({ email: "wrong@example.org", password: "nope-nope" }, "c2")).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    await expect(
      verifyCredentials({ email: "nobody-here@example.org", password: "nope-nope" }, "c2"),
    ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(password.verifyPassword).toHaveBeenCalledTimes(2);
    const [knownHash, dummyHash] = vi.mocked(password.verifyPassword).mock.calls.map(([hash]) => hash);
    expect(knownHash).toMatch(/^\$argon2id\$/);
    expect(dummyHash).toMatch(/^\$argon2id\$/);
  });

  it("blocks an address from one client after repeated failures, but not its owner elsewhere", async () => {
    await signUp({ name: "R", email: "limited@example.org", password: STRONG }, client());
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL_AND_CLIENT; i++) {
      await expect(
        verifyCredentials({ email: "limited@example.org", password: `guess-${i}` }, "203.0.113.66"),
      ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    // The stranger's address is now blocked, even with the right password...
    await expect(
      verifyCredentials({ email: "limited@example.org", password: STRONG }, "203.0.113.66"),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // ...while the owner, from their own address, still signs in.
    await expect(
      verifyCredentials({ email: "limited@example.org", password: STRONG }, "192.0.2.10"),
    ).resolves.toMatchObject({ email: "limited@example.org" });
  });

  it("blocks one client guessing many addresses", async () => {
    await db.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_CLIENT }, (_, i) => ({
        email: `spray-${i}@example.org`,
        clientKey: "203.0.113.77",
        succeeded: false,
      })),
    });
    await expect(
      verifyCredentials({ email: "someone-else@example.org", password: "whatever-it-is" }, "203.0.113.77"),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("has a slower overall limit per address for guesses from many places", async () => {
    await signUp({ name: "G", email: "global@example.org", password: STRONG }, client());
    await db.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_EMAIL }, (_, i) => ({
        email: "global@example.org",
        clientKey: `10.9.${Math.floor(i / 250)}.${i % 250}`,
        succeeded: false,
      })),
    });
    await expect(
      verifyCredentials({ email: "global@example.org", password: STRONG }, "192.0.2.99"),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The attempts age out of the window: the lock is never indefinite.
    await db.signInAttempt.updateMany({
      where: { email: "global@example.org" },
      data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) },
    });
    await expect(
      verifyCredentials({ email: "global@example.org", password: STRONG }, "192.0.2.99"),
    ).resolves.toMatchObject({ email: "global@example.org" });
  });

  it("says how long the lock really lasts: the pair's 15-minute window, the address's one-hour window", async () => {
    await signUp({ name: "T", email: "wait@example.org", password: STRONG }, client());
    // Five failures from one place ten minutes ago: that place waits the five minutes left of its window.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    await db.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_EMAIL_AND_CLIENT }, () => ({
        email: "wait@example.org",
        clientKey: "203.0.113.90",
        succeeded: false,
        createdAt: tenMinutesAgo,
      })),
    });
    await expect(
      verifyCredentials({ email: "wait@example.org", password: STRONG }, "203.0.113.90"),
    ).rejects.toMatchObject({ code: "RATE_LIMITED", details: { waitMinutes: 5 } });
    // The address's overall limit, reached just now, holds for the hour: that is what everyone is told.
    await db.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_EMAIL }, (_, i) => ({
        email: "wait@example.org",
        clientKey: `10.8.${Math.floor(i / 250)}.${i % 250}`,
        succeeded: false,
      })),
    });
    await expect(
      verifyCredentials({ email: "wait@example.org", password: STRONG }, "192.0.2.98"),
    ).rejects.toMatchObject({ code: "RATE_LIMITED", details: { waitMinutes: 60 } });
    expect(await signInBlockedForMs(db, "wait@example.org", "192.0.2.98")).toBeGreaterThan(59 * 60 * 1000);
    expect(await signInBlockedForMs(db, "someone-else@example.org", "192.0.2.98")).toBe(0);
  });

  it("throttles sign-ups per client", async () => {
    const address = "203.0.113.200";
    for (let i = 0; i < MAX_SIGN_UPS_PER_CLIENT; i++) {
      await signUp({ name: "Bulk", email: `bulk-${i}@example.org`, password: STRONG }, address);
    }
    await expect(
      signUp({ name: "Bulk", email: "bulk-last@example.org", password: STRONG }, address),
    ).rejects.toMatchObject({ code: "SIGN_UP_RATE_LIMITED" });
    expect(await db.user.count({ where: { email: "bulk-last@example.org" } })).toBe(0);
  });
});

describe("sessions", () => {
  it("refuses a signed-out session, an old session version and a session past its absolute lifetime", async () => {
    const user = await signUp({ name: "S", email: "sessions@example.org", password: STRONG }, client());
    const now = Date.now();
    await expect(findSessionUser(user.id, 0, "session-a", now)).resolves.toMatchObject({ id: user.id });
    await expect(findSessionUser(user.id, 0, null, now)).resolves.toBeNull();
    await expect(findSessionUser(user.id, 0, "session-a", now - SESSION_ABSOLUTE_MAX_MS - 1)).resolves.toBeNull();

    await revokeSession(user.id, "session-a", now);
    await expect(findSessionUser(user.id, 0, "session-a", now)).resolves.toBeNull();
    await expect(findSessionUser(user.id, 0, "session-b", now)).resolves.toMatchObject({ id: user.id });

    const version = await endAllSessions(user.id);
    expect(version).toBe(1);
    await expect(findSessionUser(user.id, 0, "session-b", now)).resolves.toBeNull();
    await expect(findSessionUser(user.id, 1, "session-b", now)).resolves.toMatchObject({ id: user.id });
  });

  it("changes the password only with the current one and a strong new one, ending every other session", async () => {
    const user = await signUp({ name: "P", email: "change@example.org", password: STRONG }, client());
    await expect(
      changePassword(user.id, { currentPassword: "not it at all", newPassword: "a whole new passphrase" }),
    ).rejects.toMatchObject({ code: "WRONG_CURRENT_PASSWORD" });
    await expect(
      changePassword(user.id, { currentPassword: STRONG, newPassword: "change@example.org" }),
    ).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);

    const version = await changePassword(user.id, { currentPassword: STRONG, newPassword: "a whole new passphrase" });
    expect(version).toBe(1);
    await expect(findSessionUser(user.id, 0, "old-device", Date.now())).resolves.toBeNull();
    await expect(verifyCredentials({ email: "change@example.org", password: STRONG }, "c9")).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    await expect(
      verifyCredentials({ email: "change@example.org", password: "a whole new passphrase" }, "c9"),
    ).resolves.toMatchObject({ sessionVersion: 1 });
  });
});
