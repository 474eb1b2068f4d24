import { isAppError } from "@/lib/errors/app-error";
import { unsubscribe } from "@/lib/notifications/preferences";

export const dynamic = "force-dynamic";

/** RFC 8058 one-click unsubscribe: mail clients POST here from the List-Unsubscribe header. */
export async function POST(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const { kind } = await unsubscribe(query);
    return Response.json({ ok: true, kind });
  } catch (error) {
    if (isAppError(error)) return Response.json({ ok: false, code: error.code }, { status: 400 });
    throw error;
  }
}
