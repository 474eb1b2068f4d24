// The one way a route handler is built, the counterpart of lib/http/endpoint.ts for server actions. Each
// factory, in this order:
// 1. refuses a request from another origin for every method but GET and HEAD (before the session, the body or
//    the domain are touched);
// 2. finds the signed-in person (401 without one) — except publicRoute;
// 3. validates the route's params and query with zod (400, worded in the reader's language);
// 4. resolves the caller's access to the review once (reviewRoute; the domain takes the ReviewAccess, so a
//    handler cannot skip it);
// 5. reads the body as the spec says (JSON validated with zod, or a form read with a byte counter);
// 6. runs the handler and maps AppErrors to localized JSON: 401, 404 (not a member; for GET also a role that may
//    not, as pages do), 403, 413, otherwise 400; anything else is logged and answered 500.
// lib/authz/authorization-matrix-routes.test.ts fails for a route.ts whose handlers were not built here.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { resolveAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translate";
import { formatBytes } from "@/lib/import/limits";
import { localizedFields, parseInput } from "@/lib/validation";
import {
  BodyTooLargeError,
  formDataWithin,
  isBodyTooLarge,
  isUnreadableForm,
  MULTIPART_ENVELOPE_BYTES,
} from "./limited-body";
import { judgeOrigin } from "./same-origin";

const BUILT = Symbol.for("huitong.route");

export interface RouteBuild {
  kind: "review" | "user" | "public";
  /** Whether a request from another origin is refused (every method but GET/HEAD, unless exempted). */
  checksOrigin: boolean;
}

/** How a route handler export was built, or null if not by these factories (for the structure test). */
export function routeBuild(handler: unknown): RouteBuild | null {
  if (typeof handler !== "function") return null;
  return ((handler as { [BUILT]?: RouteBuild })[BUILT] ?? null) as RouteBuild | null;
}

/** An id in a route's path (a cuid, or a token of that size). */
export const routeId = z.string().trim().min(1).max(64);
export const reviewParams = z.object({ reviewId: routeId });

type Body =
  /** A JSON body validated by the schema (an unreadable body is validated as null). */
  | { json: z.ZodType }
  /** A multipart or urlencoded form, read with a byte counter and refused past the limit (413). */
  | { form: number };

type BodyOf<B> = B extends { json: infer S extends z.ZodType }
  ? z.output<S>
  : B extends { form: number }
    ? FormData
    : undefined;

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType | undefined, B extends Body | undefined> {
  params?: P;
  /** Validates the query string, as an object of its first values (handlers needing repeated keys read the URL). */
  query?: Q;
  body?: B;
  /**
   * A message of the route's own for some AppErrors (a rejected file, a refused backup), with its status and any
   * extra fields for the client; undefined falls back to the catalogue's errors.<code>.
   */
  describeError?: (
    error: AppError,
    t: Translate,
  ) => { message: string; status?: number; extra?: Record<string, unknown> } | undefined;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteCaller {
  user: SessionUser;
  locale: Locale;
  t: Translate;
}

// A Response as it is, anything else as JSON.
type Output = Response | object;
type Context = { params: Promise<Record<string, string | string[]>> };
type Handler = ((request: NextRequest, context: Context) => Promise<Response>) & { [BUILT]: RouteBuild };

type Input<P, Q, B> = RouteInput<
  P extends z.ZodType ? z.output<P> : Record<string, never>,
  Q extends z.ZodType ? z.output<Q> : undefined,
  BodyOf<B>
>;

/** A route inside one review: `params` must carry the reviewId; the handler gets the caller's access. */
export function reviewRoute<
  P extends z.ZodType<{ reviewId: string }>,
  Q extends z.ZodType | undefined = undefined,
  B extends Body | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B> & { params: P },
  handler: (access: ReviewAccess, input: Input<P, Q, B>, request: NextRequest, caller: RouteCaller) => Promise<Output>,
): Handler {
  return build("review", true, spec, async (caller, input, request) => {
    const access = await resolveAccess(caller!.user.id, (input.params as { reviewId: string }).reviewId);
    return handler(access, { ...input, body: await readBody(spec.body, request) } as Input<P, Q, B>, request, caller!);
  });
}

/** A route of the signed-in person outside any one review (restoring a backup into a new review). */
export function userRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends Body | undefined = undefined,
>(
  spec: RouteSpec<P & z.ZodType, Q, B>,
  handler: (caller: RouteCaller, input: Input<P, Q, B>, request: NextRequest) => Promise<Output>,
): Handler {
  return build("user", true, spec, async (caller, input, request) =>
    handler(caller!, { ...input, body: await readBody(spec.body, request) } as Input<P, Q, B>, request),
  );
}

/**
 * A route open to anyone (health checks, pdf.js's files). A method other than GET is still refused from another
 * origin unless `crossOrigin` names why it must not be (a mail client's one-click unsubscribe).
 */
export function publicRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends Body | undefined = undefined,
>(
  spec: RouteSpec<P & z.ZodType, Q, B> & { crossOrigin?: { allowedBecause: string } },
  handler: (input: Input<P, Q, B>, request: NextRequest) => Promise<Output>,
): Handler {
  return build("public", !spec.crossOrigin, spec, async (_caller, input, request) =>
    handler({ ...input, body: await readBody(spec.body, request) } as Input<P, Q, B>, request),
  );
}

function build(
  kind: RouteBuild["kind"],
  checksOrigin: boolean,
  spec: RouteSpec<z.ZodType, z.ZodType | undefined, Body | undefined>,
  run: (
    caller: RouteCaller | null,
    input: RouteInput<unknown, unknown, undefined>,
    request: NextRequest,
  ) => Promise<Output>,
): Handler {
  const handler = async (request: NextRequest, context: Context): Promise<Response> => {
    const { t, locale } = await getI18n();
    const safe = request.method === "GET" || request.method === "HEAD";
    if (checksOrigin && !safe && judgeOrigin(request.headers) === "cross-origin") {
      console.warn(`refused a cross-origin ${request.method} ${new URL(request.url).pathname}`);
      return NextResponse.json({ error: t("security.crossOrigin"), code: "CROSS_ORIGIN" }, { status: 403 });
    }
    try {
      let caller: RouteCaller | null = null;
      if (kind !== "public") {
        const user = await getSessionUser();
        if (!user) throw new AppError("UNAUTHENTICATED");
        caller = { user, t, locale };
      }
      const params = spec.params ? parseInput(spec.params, await context.params) : {};
      const query = spec.query
        ? parseInput(spec.query, Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      const output = await run(caller, { params, query, body: undefined }, request);
      return output instanceof Response ? output : NextResponse.json(output);
    } catch (error) {
      return errorResponse(error, request, t, locale, spec.describeError);
    }
  };
  return Object.assign(handler, { [BUILT]: { kind, checksOrigin } });
}

async function readBody(body: Body | undefined, request: NextRequest): Promise<unknown> {
  if (!body) return undefined;
  if ("form" in body) {
    return formDataWithin(request, body.form + MULTIPART_ENVELOPE_BYTES).catch((error: unknown) => {
      // The limit the person is told is the file's, not the file's plus the form's envelope.
      throw isBodyTooLarge(error) ? new BodyTooLargeError(body.form, error.received) : error;
    });
  }
  const raw: unknown = await request.json().catch(() => null);
  return parseInput(body.json, raw);
}

const STATUS: Partial<Record<AppError["code"], number>> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CROSS_ORIGIN: 403,
  IMPORT_TOO_LARGE: 413,
};

/** The values an error's message names (an import's size, line, format…). */
function errorValues(error: AppError, t: Translate): Record<string, string | number> {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const format =
    typeof details.format === "string" ? t(`transfer.formatNames.${details.format}` as Parameters<Translate>[0]) : "";
  return {
    size: typeof details.size === "number" ? formatBytes(details.size) : "",
    limit: typeof details.limit === "number" ? formatBytes(details.limit) : "",
    seen: typeof details.seen === "string" ? details.seen : "",
    line: typeof details.line === "number" ? details.line : "",
    reason: typeof details.reason === "string" ? details.reason : "",
    format,
  };
}

function errorResponse(
  error: unknown,
  request: NextRequest,
  t: Translate,
  locale: Locale,
  describe: RouteSpec<z.ZodType, undefined, undefined>["describeError"],
): Response {
  const where = `${request.method} ${new URL(request.url).pathname}`;
  if (isBodyTooLarge(error)) {
    return NextResponse.json(
      { error: t("limits.bodyTooLarge", { limit: formatBytes(error.limit) }), code: "BODY_TOO_LARGE" },
      { status: 413 },
    );
  }
  if (isUnreadableForm(error)) {
    return NextResponse.json({ error: t("limits.unreadableForm"), code: "UNREADABLE_FORM" }, { status: 400 });
  }
  if (!isAppError(error)) {
    console.error(`${where} failed:`, error);
    return NextResponse.json({ error: t("errors.unexpected"), code: "UNEXPECTED" }, { status: 500 });
  }
  // Outside the review, or (for a read, as pages do) a role that may not: nothing is there to find.
  if (error.code === "NOT_FOUND" || (error.code === "FORBIDDEN" && request.method === "GET")) {
    return NextResponse.json({ error: t("errors.NOT_FOUND"), code: "NOT_FOUND" }, { status: 404 });
  }
  if (error.code === "FORBIDDEN") console.warn(`${where}: ${error.message}`);
  const own = describe?.(error, t);
  return NextResponse.json(
    {
      error: own?.message ?? t(`errors.${error.code}`, errorValues(error, t)),
      code: error.code,
      fields: localizedFields(error, locale),
      ...own?.extra,
    },
    { status: own?.status ?? STATUS[error.code] ?? 400 },
  );
}
