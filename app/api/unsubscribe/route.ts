import { isAppError } from "@/lib/errors/app-error";
import { publicRoute } from "@/lib/http/route";
import { unsubscribe } from "@/lib/notifications/preferences";

export const dynamic = "force-dynamic";

/** RFC 8058 one-click unsubscribe: mail clients POST here from the List-Unsubscribe header. */
export const POST = publicRoute(
  {
    crossOrigin: {
      allowedBecause:
        "mail clients post here from anywhere; the signed token in the query is the authorization, and it only turns one kind of the token's own person's e-mail off",
    },
  },
  async (_input, request) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    try {
      const { kind } = await unsubscribe(query);
      return Response.json({ ok: true, kind });
    } catch (error) {
      if (isAppError(error)) return Response.json({ ok: false, code: error.code }, { status: 400 });
      throw error;
    }
  },
);
