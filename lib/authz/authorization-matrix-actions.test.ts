// The authorization matrix, continued for server actions: every "use server" file under app/ is found here, and
// every function it exports must have been built by a factory of lib/http/endpoint.ts (which checks the Origin,
// validates the review id, resolves the caller's access once and maps errors). Each is then called from another
// origin with an owner's session and must refuse before anything is read or written; and the review factory is
// tried by every role, an outsider and nobody, against a real PostgreSQL.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { isReviewAccess, type ReviewAccess } from "@/lib/authz/authorize";
import type { Database } from "@/lib/db/client";
import { isBuiltEndpoint, reviewAction } from "@/lib/http/endpoint";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// The session, the request's headers and the locale come from the request in the app; here the test decides them.
const request = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name?: string },
  headers: new Headers(),
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () =>
    request.user && { ...request.user, sessionVersion: 0, sessionId: "test", sessionStarted: Date.now() },
  requireUser: async () => {
    const { AppError } = await import("@/lib/errors/app-error");
    if (!request.user) throw new AppError("UNAUTHENTICATED");
    return { ...request.user, sessionVersion: 0, sessionId: "test", sessionStarted: Date.now() };
  },
  requirePageUser: async () => {
    if (!request.user) throw new Error("redirect to sign in");
    return request.user;
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock("@/lib/i18n/server", async () => {
  const { translator } = await import("@/lib/i18n/translate");
  return {
    LOCALE_COOKIE: "huitong-locale",
    getLocale: async () => "zh",
    getI18n: async () => ({ locale: "zh", t: translator("zh") }),
  };
});
vi.mock("@/lib/auth/config", () => ({
  auth: async () => null,
  signIn: async () => {
    throw new Error("signIn is not reached from another origin");
  },
  signOut: async () => {},
  unstable_update: async () => null,
  clientKeyOf: () => "test",
  sessionRefreshProof: () => "proof",
}));
vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const HOST = "localhost:3000";
const SAME_ORIGIN = () => new Headers({ host: HOST, origin: `http://${HOST}`, "sec-fetch-site": "same-origin" });
const CROSS_ORIGIN = () => new Headers({ host: HOST, origin: "http://localhost:3001", "sec-fetch-site": "same-site" });

const root = path.resolve(__dirname, "../..");

/** Every file under app/ that starts with "use server": its exports are the app's server actions. */
function serverActionFiles(dir = path.join(root, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [path.relative(root, full)] : [];
  });
}

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "a");
  b = await createReviewWithTeam(db, "b");
});

/** Row counts of every table and the fields actions update in place. */
async function snapshot() {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  const counts = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
      return `${name}:${row!.n}`;
    }),
  );
  const updated = await Promise.all([
    db.reviewItem.findMany({
      select: { id: true, version: true, stageId: true, deletedAt: true },
      orderBy: { id: "asc" },
    }),
    db.membership.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
    db.review.findMany({ select: { id: true, titleZh: true, titleEn: true }, orderBy: { id: "asc" } }),
  ]);
  return { counts, updated };
}

describe("every server action goes through a factory of lib/http/endpoint.ts", () => {
  const files = serverActionFiles();

  it("finds the server action files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s: every export is built by a factory", async (file) => {
    const actions = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const exports = Object.entries(actions);
    expect(exports.length, file).toBeGreaterThan(0);
    const built = exports.filter(([, action]) => isBuiltEndpoint(action)).map(([name]) => name);
    expect(built, file).toEqual(exports.map(([name]) => name));
  });

  it.each(files)("%s: every export refuses a request from another origin and changes nothing", async (file) => {
    const actions = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    request.user = a.users.OWNER;
    request.headers = CROSS_ORIGIN();
    const before = await snapshot();
    for (const [name, action] of Object.entries(actions)) {
      const form = new FormData();
      form.set("reviewId", a.reviewId);
      form.set("itemId", a.itemId);
      const outcome = await (action as (...args: unknown[]) => Promise<unknown>)(null, form).then(
        (result) => result,
        (error: unknown) => ({ thrown: (error as { code?: unknown }).code }),
      );
      expect(outcome, `${file}: ${name}`).toMatchObject(
        (outcome as { thrown?: unknown }).thrown !== undefined ? { thrown: "CROSS_ORIGIN" } : { code: "CROSS_ORIGIN" },
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("reviewAction", () => {
  const seen: ReviewAccess[] = [];
  const probe = reviewAction("probe", async (access, _previous: unknown, _form: FormData) => {
    seen.push(access);
    return access.role;
  });
  const form = (reviewId: string | null) => {
    const data = new FormData();
    if (reviewId !== null) data.set("reviewId", reviewId);
    return data;
  };

  it("hands every member their own resolved access, and no one else any", async () => {
    request.headers = SAME_ORIGIN();
    for (const role of ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const) {
      request.user = a.users[role];
      expect(await probe(null, form(a.reviewId))).toMatchObject({ ok: true, data: role });
      const access = seen.at(-1)!;
      expect(isReviewAccess(access)).toBe(true);
      expect(access).toMatchObject({ userId: a.users[role].id, reviewId: a.reviewId, role });
    }
    const calls = seen.length;
    request.user = b.users.OWNER;
    expect(await probe(null, form(a.reviewId))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    request.user = null;
    expect(await probe(null, form(a.reviewId))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(seen.length).toBe(calls);
  });

  it("validates the review id before anything is read", async () => {
    request.headers = SAME_ORIGIN();
    request.user = a.users.OWNER;
    const calls = seen.length;
    expect(await probe(null, form(null))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await probe(null, form("x".repeat(200)))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(seen.length).toBe(calls);
  });

  it("refuses another origin before the session or the review is looked at", async () => {
    request.headers = CROSS_ORIGIN();
    request.user = a.users.OWNER;
    const calls = seen.length;
    expect(await probe(null, form(a.reviewId))).toMatchObject({ ok: false, code: "CROSS_ORIGIN" });
    expect(seen.length).toBe(calls);
  });
});
