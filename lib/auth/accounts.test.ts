import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-database";
import { signUp, verifyCredentials } from "./accounts";
import { MAX_FAILURES_PER_EMAIL } from "./rate-limit";

let db: Database;
beforeAll(async () => {
  ({ db } = await createTestDatabase());
});

describe("accounts", () => {
  it("signs up with a hashed password and signs in with it", async () => {
    const user = await signUp({ name: "研究者", email: " Researcher@Example.org ", password: "correct horse" });
    expect(user.email).toBe("researcher@example.org");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(
      verifyCredentials({ email: "researcher@example.org", password: "correct horse" }, "c1"),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a duplicate email and changes nothing", async () => {
    await signUp({ name: "A", email: "dup@example.org", password: "password-1" });
    const before = await db.user.count();
    await expect(signUp({ name: "B", email: "DUP@example.org", password: "password-2" })).rejects.toMatchObject({
      code: "EMAIL_TAKEN",
    });
    expect(await db.user.count()).toBe(before);
  });

  it("refuses malformed input with field messages", async () => {
    await expect(signUp({ name: "", email: "not-an-email", password: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { name: expect.any(Array), email: expect.any(Array), password: expect.any(Array) },
    });
  });

  it("rejects a wrong password", async () => {
    await signUp({ name: "W", email: "wrong@example.org", password: "the-password" });
    await expect(verifyCredentials({ email: "wrong@example.org", password: "nope-nope" }, "c2")).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
  });

  it("blocks an email after repeated failures, even with the right password", async () => {
    await signUp({ name: "R", email: "limited@example.org", password: "the-password" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await expect(
        verifyCredentials({ email: "limited@example.org", password: `guess-${i}` }, `c-${i}`),
      ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    await expect(
      verifyCredentials({ email: "limited@example.org", password: "the-password" }, "c-new"),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
