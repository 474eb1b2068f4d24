// The route factory's order of checks, without a database: the Origin first (the handler never runs for another
// origin), then the session, then params/query/body validated with zod, then the access, and AppErrors mapped
// to localized JSON. lib/authz/authorization-matrix-routes.test.ts runs every real route through it.
import { NextRequest } from "next/server";
import { z } from "zod";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { publicRoute, reviewParams, reviewRoute, routeBuild, userRoute } from "./route";

const session = vi.hoisted(() => ({ user: null as null | { id: string } }));
const resolved = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user && { ...session.user, email: "a@example.org", name: "A", sessionVersion: 0 },
}));
vi.mock("@/lib/authz/authorize", () => ({
  resolveAccess: async (userId: string, reviewId: string) => {
    resolved.calls.push(`${userId}:${reviewId}`);
    if (reviewId === "elsewhere") throw new AppError("NOT_FOUND");
    return { userId, reviewId };
  },
}));
vi.mock("@/lib/i18n/server", async () => {
  const { translator } = await import("@/lib/i18n/translate");
  return { getI18n: async () => ({ locale: "zh", t: translator("zh") }) };
});

afterEach(() => {
  session.user = null;
  resolved.calls.length = 0;
});

function call(
  handler: ReturnType<typeof reviewRoute>,
  method: string,
  params: Record<string, string>,
  init: { headers?: Record<string, string>; body?: string; query?: string } = {},
) {
  const request = new NextRequest(`http://localhost:3000/x${init.query ?? ""}`, {
    method,
    headers: { host: "localhost:3000", ...init.headers },
    body: init.body,
  });
  return handler(request, { params: Promise.resolve(params) });
}
const sameOrigin = { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" };

describe("the route factory", () => {
  const work = vi.fn(async (access: unknown, input: unknown) => ({ access, input }));
  const post = reviewRoute({ params: reviewParams, body: { json: z.object({ n: z.number().int() }) } }, work);

  it("refuses another origin before the session, the input or the handler", async () => {
    session.user = { id: "u1" };
    const response = await call(post, "POST", { reviewId: "r1" }, { headers: { origin: "http://localhost:3001" } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.stringContaining("其他网站或端口"), code: "CROSS_ORIGIN" });
    expect(work).not.toHaveBeenCalled();
    expect(resolved.calls).toEqual([]);
    expect(routeBuild(post)).toEqual({ kind: "review", checksOrigin: true });
  });

  it("answers 401 without a session, 400 for bad params or body, 404 outside the review", async () => {
    expect((await call(post, "POST", { reviewId: "r1" }, { headers: sameOrigin, body: '{"n":1}' })).status).toBe(401);
    session.user = { id: "u1" };
    const badParams = await call(post, "POST", { reviewId: "x".repeat(80) }, { headers: sameOrigin, body: '{"n":1}' });
    expect(badParams.status).toBe(400);
    expect(await badParams.json()).toMatchObject({ code: "INVALID_INPUT", fields: { reviewId: [expect.any(String)] } });
    const badBody = await call(post, "POST", { reviewId: "r1" }, { headers: sameOrigin, body: '{"n":"one"}' });
    expect(await badBody.json()).toMatchObject({ code: "INVALID_INPUT", error: "输入有误，请检查标出的字段。" });
    const outside = await call(post, "POST", { reviewId: "elsewhere" }, { headers: sameOrigin, body: '{"n":1}' });
    expect(outside.status).toBe(404);
    expect(work).not.toHaveBeenCalled();
    const ok = await call(post, "POST", { reviewId: "r1" }, { headers: sameOrigin, body: '{"n":1}' });
    expect(await ok.json()).toEqual({
      access: { userId: "u1", reviewId: "r1" },
      input: { params: { reviewId: "r1" }, body: { n: 1 } },
    });
  });

  it("maps domain errors: a role that may not is 403 on a change and 404 on a read; the unexpected is 500", async () => {
    session.user = { id: "u1" };
    const forbidden = reviewRoute({ params: reviewParams }, async () => {
      throw new AppError("FORBIDDEN");
    });
    expect((await call(forbidden, "POST", { reviewId: "r1" }, { headers: sameOrigin })).status).toBe(403);
    expect((await call(forbidden, "GET", { reviewId: "r1" })).status).toBe(404);
    const broken = reviewRoute({ params: reviewParams }, async () => {
      throw new Error("database password is hunter2");
    });
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    const response = await call(broken, "GET", { reviewId: "r1" });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("hunter2");
  });

  it("does not check the Origin of a GET, and validates its query", async () => {
    session.user = { id: "u1" };
    const get = reviewRoute(
      { params: reviewParams, query: z.object({ format: z.enum(["md", "docx"]) }) },
      async (_access, { query }) => ({ format: query.format }),
    );
    const ok = await call(
      get,
      "GET",
      { reviewId: "r1" },
      { headers: { origin: "http://evil.example" }, query: "?format=md" },
    );
    expect(await ok.json()).toEqual({ format: "md" });
    expect((await call(get, "GET", { reviewId: "r1" }, { query: "?format=pdf" })).status).toBe(400);
  });

  it("lets a public route take another origin only when it says why", async () => {
    const open = publicRoute({ crossOrigin: { allowedBecause: "mail clients post from anywhere" } }, async () => ({
      ok: true,
    }));
    const closed = publicRoute({}, async () => ({ ok: true }));
    const user = userRoute({}, async ({ user }) => ({ id: user.id }));
    const foreign = { headers: { origin: "http://elsewhere.example" } };
    expect((await call(open, "POST", {}, foreign)).status).toBe(200);
    expect((await call(closed, "POST", {}, foreign)).status).toBe(403);
    expect((await call(user, "POST", {}, foreign)).status).toBe(403);
    expect(routeBuild(open)).toEqual({ kind: "public", checksOrigin: false });
    expect(routeBuild(async () => new Response())).toBeNull();
  });
});
