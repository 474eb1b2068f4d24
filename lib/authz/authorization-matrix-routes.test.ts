// The authorization matrix, continued for route handlers: every route.ts under app/ is listed here (a new one
// fails the first test until it is), and each of its methods is called for real — with the session of each
// role of review A, of a member of review B only (the outsider) and of nobody — against a real PostgreSQL.
// Every route handler is built by the factories of lib/http/route.ts (reviewRoute, userRoute, publicRoute), so
// none can skip the Origin check, the input validation or the access resolution; every one that changes
// something refuses a request from another origin (another port or subdomain of the same site) before anything
// is read or written.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { exportBackup } from "@/lib/backup/export-backup";
import type { Database } from "@/lib/db/client";
import { stageUpload } from "@/lib/files/bulk";
import { attachFile } from "@/lib/files/commands";
import { routeBuild } from "@/lib/http/route";
import { openRound } from "@/lib/rounds/rounds";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam, createUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { accessTo } from "@/lib/testing/access";

type Caller = "OWNER" | "EDITOR" | "SUPERVISOR" | "VIEWER" | "OUTSIDER" | "SIGNED_OUT";
const CALLERS: Caller[] = ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER", "OUTSIDER", "SIGNED_OUT"];

// The session and the locale come from the request in the app; here the test decides them.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string } }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () =>
    session.user && { ...session.user, sessionVersion: 0, sessionId: "test", sessionStarted: Date.now() },
  requireUser: async () => {
    if (!session.user) throw Object.assign(new Error("signed out"), { code: "UNAUTHENTICATED" });
    return session.user;
  },
}));
vi.mock("@/lib/i18n/server", async () => {
  const { translator } = await import("@/lib/i18n/translate");
  return {
    LOCALE_COOKIE: "huitong-locale",
    getLocale: async () => "zh",
    getI18n: async () => ({ locale: "zh", t: translator("zh") }),
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const ORIGIN = "http://localhost:3000";
let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
let roundId: string;
let backupText: string;
let fileId: string;
let pdfBytes: Uint8Array;
const stagedTokens = new Map<string, string>();

/** The fixture PDF with a comment after its end, so each upload is a file of its own (another SHA-256). */
function uniquePdf(): Uint8Array {
  const trailer = new TextEncoder().encode(`\n% matrix ${Math.random().toString(36).slice(2)}\n`);
  const bytes = new Uint8Array(pdfBytes.length + trailer.length);
  bytes.set(pdfBytes);
  bytes.set(trailer, pdfBytes.length);
  return bytes;
}

const RIS = "TY  - JOUR\nAU  - 张三\nTI  - 路由矩阵导入的文献\nJO  - 测试学报\nPY  - 2020\nER  - \n";

function fileForm(fields: Record<string, string>, file?: { name: string; text: string; type: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.set("file", new File([file.text], file.name, { type: file.type }));
  return form;
}

interface Call {
  path: string;
  params: Record<string, string>;
  body?: () => FormData | Uint8Array | string;
  headers?: Record<string, string>;
}

interface RouteCase {
  /** Which callers get the route's answer; the others are refused (401 signed out, 403/404 otherwise). */
  allowed: Caller[];
  call: () => Call;
}

const MEMBERS: Caller[] = ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"];
const SIGNED_IN: Caller[] = [...MEMBERS, "OUTSIDER"];

const NEXT_AUTH_ROUTE = "app/api/auth/[...nextauth]/route.ts";

/** Every route handler of the app, by file, with each exported method. */
const ROUTES: Record<string, { exempt?: string; methods?: Record<string, RouteCase> }> = {
  "app/api/auth/[...nextauth]/route.ts": {
    exempt: "next-auth's own endpoints: public, and its POSTs carry next-auth's double-submit CSRF token",
  },
  "app/api/health/route.ts": {
    exempt: "public health check that reads nothing of any review (GET only)",
  },
  "app/api/ready/route.ts": {
    exempt: "public readiness check for a load balancer: reads nothing of any review (GET only)",
  },
  "app/api/unsubscribe/route.ts": {
    exempt:
      "one-click unsubscribe (RFC 8058) posted by mail clients from anywhere: the signed token in the body is the authorization, and it only turns one kind of the token's own person's e-mail off",
  },
  "app/pdfjs/[...path]/route.ts": {
    exempt: "pdf.js's own library files (a fixed whitelist from node_modules), the same for everyone (GET only)",
  },
  "app/api/reviews/[reviewId]/files/route.ts": {
    methods: {
      GET: {
        allowed: MEMBERS,
        call: () => ({ path: `/api/reviews/${a.reviewId}/files`, params: { reviewId: a.reviewId } }),
      },
    },
  },
  "app/api/reviews/[reviewId]/files/[fileId]/route.ts": {
    methods: {
      GET: {
        allowed: MEMBERS,
        call: () => ({ path: `/api/reviews/${a.reviewId}/files/${fileId}`, params: { reviewId: a.reviewId, fileId } }),
      },
    },
  },
  "app/api/reviews/[reviewId]/files/[fileId]/read/route.ts": {
    methods: {
      GET: {
        allowed: MEMBERS,
        call: () => ({
          path: `/api/reviews/${a.reviewId}/files/${fileId}/read`,
          params: { reviewId: a.reviewId, fileId },
        }),
      },
    },
  },
  "app/api/reviews/[reviewId]/items/[itemId]/files/route.ts": {
    methods: {
      GET: {
        allowed: MEMBERS,
        call: () => ({
          path: `/api/reviews/${a.reviewId}/items/${a.itemId}/files`,
          params: { reviewId: a.reviewId, itemId: a.itemId },
        }),
      },
      POST: {
        allowed: ["OWNER", "EDITOR"],
        call: () => ({
          path: `/api/reviews/${a.reviewId}/items/${a.itemId}/files`,
          params: { reviewId: a.reviewId, itemId: a.itemId },
          body: uniquePdf,
          headers: { "x-file-name": "matrix.pdf", "content-type": "application/pdf" },
        }),
      },
    },
  },
  "app/api/reviews/[reviewId]/files/staged/route.ts": {
    methods: {
      POST: {
        allowed: ["OWNER", "EDITOR"],
        call: () => ({
          path: `/api/reviews/${a.reviewId}/files/staged`,
          params: { reviewId: a.reviewId },
          body: uniquePdf,
          headers: { "x-file-name": "matrix.pdf", "content-type": "application/pdf" },
        }),
      },
    },
  },
  "app/api/reviews/[reviewId]/files/bulk/route.ts": {
    methods: {
      // The items a dropped file can be attached to: what any member already sees in the library.
      GET: {
        allowed: MEMBERS,
        call: () => ({ path: `/api/reviews/${a.reviewId}/files/bulk`, params: { reviewId: a.reviewId } }),
      },
      // Each writer confirms a file they staged themselves; the others send a well-formed confirmation too.
      POST: {
        allowed: ["OWNER", "EDITOR"],
        call: () => ({
          path: `/api/reviews/${a.reviewId}/files/bulk`,
          params: { reviewId: a.reviewId },
          body: () =>
            JSON.stringify({
              entries: [
                { kind: "attach", token: stagedTokens.get(session.user?.id ?? "") ?? "0".repeat(32), itemId: a.itemId },
              ],
            }),
          headers: { "content-type": "application/json" },
        }),
      },
    },
  },
  "app/api/reviews/[reviewId]/backup/route.ts": {
    methods: {
      GET: {
        allowed: ["OWNER"],
        call: () => ({ path: `/api/reviews/${a.reviewId}/backup`, params: { reviewId: a.reviewId } }),
      },
    },
  },
  "app/api/reviews/restore/route.ts": {
    methods: {
      // Restoring makes a new review of one's own: any signed-in person may, nobody else.
      POST: {
        allowed: SIGNED_IN,
        call: () => ({
          path: "/api/reviews/restore",
          params: {},
          body: () => fileForm({}, { name: "backup.json", text: backupText, type: "application/json" }),
        }),
      },
    },
  },
  "app/(workspace)/reviews/[reviewId]/screening/prisma.svg/route.ts": {
    methods: { GET: { allowed: MEMBERS, call: () => reviewCall("screening/prisma.svg") } },
  },
  "app/(workspace)/reviews/[reviewId]/library/export/route.ts": {
    methods: {
      GET: { allowed: MEMBERS, call: () => reviewCall("library/export?format=ris") },
      POST: {
        allowed: MEMBERS,
        call: () => ({
          ...reviewCall("library/export"),
          body: () => fileForm({ format: "ris", itemIds: JSON.stringify([a.itemId]) }),
        }),
      },
    },
  },
  "app/(workspace)/reviews/[reviewId]/library/import/preview/route.ts": {
    methods: {
      POST: {
        allowed: ["OWNER", "EDITOR"],
        call: () => ({
          ...reviewCall("library/import/preview"),
          body: () => fileForm({}, { name: "refs.ris", text: RIS, type: "application/x-research-info-systems" }),
        }),
      },
    },
  },
  "app/(workspace)/reviews/[reviewId]/library/import/commit/route.ts": {
    methods: {
      POST: {
        allowed: ["OWNER", "EDITOR"],
        call: () => ({
          ...reviewCall("library/import/commit"),
          body: () =>
            fileForm({ selected: "[0]" }, { name: "refs.ris", text: RIS, type: "application/x-research-info-systems" }),
        }),
      },
    },
  },
  "app/(workspace)/reviews/[reviewId]/search/results/route.ts": {
    methods: { GET: { allowed: MEMBERS, call: () => reviewCall("search/results?q=%E6%B2%BB%E7%90%86") } },
  },
  "app/(workspace)/reviews/[reviewId]/themes/codebook.csv/route.ts": {
    methods: { GET: { allowed: MEMBERS, call: () => reviewCall("themes/codebook.csv") } },
  },
  "app/(workspace)/reviews/[reviewId]/themes/codebook.qdc/route.ts": {
    methods: { GET: { allowed: MEMBERS, call: () => reviewCall("themes/codebook.qdc") } },
  },
  "app/(workspace)/reviews/[reviewId]/themes/agreement.csv/route.ts": {
    methods: {
      GET: {
        allowed: MEMBERS,
        call: () => reviewCall(`themes/agreement.csv?coder=${a.users.OWNER.id}&coder=${a.users.EDITOR.id}`),
      },
    },
  },
  "app/(workspace)/reviews/[reviewId]/themes/passages.csv/route.ts": {
    methods: { GET: { allowed: MEMBERS, call: () => reviewCall("themes/passages.csv") } },
  },
  "app/(workspace)/reviews/[reviewId]/matrix/matrix.csv/route.ts": {
    methods: { GET: { allowed: MEMBERS, call: () => reviewCall("matrix/matrix.csv") } },
  },
  "app/(workspace)/reviews/[reviewId]/synthesis/export/route.ts": {
    methods: { GET: { allowed: MEMBERS, call: () => reviewCall("synthesis/export?format=md") } },
  },
  "app/(workspace)/reviews/[reviewId]/synthesis/[sectionId]/collab-token/route.ts": {
    methods: {
      GET: {
        allowed: MEMBERS,
        call: () => ({
          path: `/reviews/${a.reviewId}/synthesis/${sectionId}/collab-token`,
          params: { reviewId: a.reviewId, sectionId },
        }),
      },
    },
  },
  "app/(workspace)/reviews/[reviewId]/rounds/[roundId]/export/route.ts": {
    methods: {
      GET: {
        allowed: MEMBERS,
        call: () => ({
          path: `/reviews/${a.reviewId}/rounds/${roundId}/export`,
          params: { reviewId: a.reviewId, roundId },
        }),
      },
    },
  },
};

function reviewCall(rest: string): Call {
  return { path: `/reviews/${a.reviewId}/${rest}`, params: { reviewId: a.reviewId } };
}

const root = path.resolve(import.meta.dirname, "../..");

function routeFiles(dir = path.join(root, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(root, full)] : [];
  });
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function handlerOf(file: string, method: string): Promise<Handler> {
  const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, Handler>;
  const handler = routeModule[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  return handler;
}

function signInAs(caller: Caller) {
  session.user =
    caller === "SIGNED_OUT"
      ? null
      : { ...(caller === "OUTSIDER" ? b.users.OWNER : a.users[caller]), name: caller.toLowerCase() };
}

async function send(file: string, method: string, call: Call, headers: Record<string, string> = {}) {
  const handler = await handlerOf(file, method);
  const request = new NextRequest(`${ORIGIN}${call.path}`, {
    method,
    headers: { host: "localhost:3000", ...call.headers, ...headers },
    body: call.body?.() as BodyInit | undefined,
  });
  return handler(request, { params: Promise.resolve(call.params) });
}

async function snapshot() {
  const [reviews, items, memberships, users, activity] = await Promise.all([
    db.review.count(),
    db.reviewItem.count(),
    db.membership.count(),
    db.user.count(),
    db.activityEvent.count(),
  ]);
  return { reviews, items, memberships, users, activity };
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "route-matrix-secret";
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "routes-a");
  b = await createReviewWithTeam(db, "routes-b");
  sectionId = (
    await createSection(await accessTo(a.users.OWNER.id, a.reviewId), { reviewId: a.reviewId, title: "路由" })
  ).sectionId;
  roundId = (
    await openRound(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      title: "第一轮",
      sectionIds: [sectionId],
    })
  ).roundId;
  // A backup of a small review of its own, so restoring it stays quick.
  const small = await createReviewWithTeam(db, "routes-small");
  backupText = JSON.stringify(await exportBackup(await accessTo(small.users.OWNER.id, small.reviewId)));
  await createUser(db, "routes-spare");
  // An attached PDF for the file routes, in a file store of this test's own.
  process.env.HUITONG_FILES_DIR = mkdtempSync(path.join(tmpdir(), "huitong-route-files-"));
  const fixture = path.join(root, "lib/files/fixtures/en-hyphenated.pdf");
  pdfBytes = new Uint8Array(readFileSync(fixture));
  const copy = path.join(process.env.HUITONG_FILES_DIR, "upload.pdf");
  copyFileSync(fixture, copy);
  ({ fileId } = await attachFile(
    await accessTo(a.users.OWNER.id, a.reviewId),
    { reviewId: a.reviewId, itemId: a.itemId, fileName: "a.pdf" },
    copy,
  ));
  for (const role of ["OWNER", "EDITOR"] as const) {
    const staged = path.join(process.env.HUITONG_FILES_DIR, `staged-${role}.pdf`);
    writeFileSync(staged, uniquePdf());
    const { token } = await stageUpload(await accessTo(a.users[role].id, a.reviewId), staged, `${role}.pdf`);
    stagedTokens.set(a.users[role].id, token);
  }
}, 60_000);

afterEach(() => {
  session.user = null;
});

describe("every route handler is in the matrix", () => {
  it("lists each route.ts under app/ exactly once", () => {
    expect(routeFiles().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("builds every exported handler with the route factory; every method but GET checks the Origin", async () => {
    for (const file of routeFiles()) {
      // next-auth's handlers are its own (and its POSTs carry its CSRF token); every other one is built here.
      if (file === NEXT_AUTH_ROUTE) continue;
      const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const exported = Object.keys(routeModule).filter((name) =>
        /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(name),
      );
      expect(exported.length, file).toBeGreaterThan(0);
      const route = ROUTES[file]!;
      if (!route.exempt) expect(exported.sort(), file).toEqual(Object.keys(route.methods ?? {}).sort());
      for (const method of exported) {
        const built = routeBuild(routeModule[method]);
        expect(built, `${method} ${file} is not built by lib/http/route.ts`).not.toBeNull();
        // A route under a review resolves the caller's access to it.
        if (file.includes("[reviewId]")) expect(built!.kind, `${method} ${file}`).toBe("review");
        if (method !== "GET" && method !== "HEAD" && !route.exempt) {
          expect(built!.checksOrigin, `${method} ${file}`).toBe(true);
        }
      }
    }
  });
});

const cases = Object.entries(ROUTES).flatMap(([file, route]) =>
  Object.entries(route.methods ?? {}).map(([method, routeCase]) => ({ file, method, routeCase })),
);

describe.each(cases)("$method $file", ({ file, method, routeCase }) => {
  it.each(CALLERS)("answers %s as the policy says, and a refusal changes nothing", async (caller) => {
    signInAs(caller);
    const before = await snapshot();
    const response = await send(file, method, routeCase.call(), { origin: ORIGIN, "sec-fetch-site": "same-origin" });
    if (routeCase.allowed.includes(caller)) {
      expect(response.status, await response.clone().text()).toBe(200);
      return;
    }
    // A member whose role may not is told so (403) or, for downloads, finds nothing (404); others find nothing.
    const refusals = caller === "SIGNED_OUT" ? [401] : caller === "OUTSIDER" ? [404] : [403, 404];
    expect(refusals).toContain(response.status);
    expect(await snapshot()).toEqual(before);
  });

  if (method !== "GET") {
    it.each([
      ["another port of the same host", { origin: "http://localhost:3001", "sec-fetch-site": "same-site" }],
      ["another subdomain, no Sec-Fetch-Site", { origin: "http://evil.localhost:3000" }],
      ["an opaque origin", { origin: "null", "sec-fetch-site": "cross-site" }],
      ["the right Origin but a same-site fetch", { origin: ORIGIN, "sec-fetch-site": "same-site" }],
    ])("refuses the owner's request from %s before touching anything", async (_label, headers) => {
      signInAs("OWNER");
      const before = await snapshot();
      const response = await send(file, method, routeCase.call(), headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "CROSS_ORIGIN" });
      expect(await snapshot()).toEqual(before);
    });
  }
});
