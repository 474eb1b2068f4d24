// The one wrapper for route handlers that change something (uploads, imports, restores, exports by POST):
// the Origin check comes first, before the session, the body or the domain are touched. Every non-GET route
// handler is written as `export const POST = mutatingRoute(...)`; lib/authz/authorization-matrix-routes.test.ts
// fails for one that is not.
import { NextResponse } from "next/server";
import { getI18n } from "@/lib/i18n/server";
import { judgeOrigin } from "./same-origin";

const WRAPPED = Symbol.for("huitong.mutatingRoute");

export function mutatingRoute<Incoming extends Request, Context>(
  handler: (request: Incoming, context: Context) => Promise<Response>,
): ((request: Incoming, context: Context) => Promise<Response>) & { [WRAPPED]: true } {
  const wrapped = async (request: Incoming, context: Context): Promise<Response> => {
    if (judgeOrigin(request.headers) === "cross-origin") {
      console.warn(`refused a cross-origin ${request.method} ${new URL(request.url).pathname}`);
      const { t } = await getI18n();
      return NextResponse.json({ error: t("security.crossOrigin"), code: "CROSS_ORIGIN" }, { status: 403 });
    }
    return handler(request, context);
  };
  return Object.assign(wrapped, { [WRAPPED]: true as const });
}

/** Whether a route handler export went through mutatingRoute (for the test that checks every route). */
export function isMutatingRoute(handler: unknown): boolean {
  return typeof handler === "function" && (handler as { [WRAPPED]?: unknown })[WRAPPED] === true;
}
