import type { NextRequest } from "next/server";
import { mutatingRoute } from "@/lib/http/route";
import { exportItems } from "@/lib/export/export-items";
import { exportFormatSchema } from "@/lib/export/items";
import { download } from "@/lib/http/download";
import { getI18n } from "@/lib/i18n/server";
import { parseLibraryParams } from "@/lib/library/query";

export const dynamic = "force-dynamic";

const BAD_FORMAT = "Unknown export format: use format=ris, bibtex, csl-json or csv.";

/** All items (scope=all) or the library's current filter (scope=filter plus the library's own parameters). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const i18n = await getI18n();
  const search = Object.fromEntries(request.nextUrl.searchParams);
  const format = exportFormatSchema.safeParse(search.format);
  if (!format.success) return new Response(BAD_FORMAT, { status: 400 });
  const scope =
    search.scope === "filter"
      ? ({ kind: "filter", params: parseLibraryParams(search) } as const)
      : ({ kind: "all" } as const);
  return download((userId) => exportItems(userId, reviewId, { format: format.data, scope }, i18n));
}

/** The ticked items: their ids travel in a form body, which has room for thousands. */
export const POST = mutatingRoute(
  async (request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) => {
    const { reviewId } = await params;
    const i18n = await getI18n();
    const form = await request.formData();
    const format = exportFormatSchema.safeParse(form.get("format"));
    if (!format.success) return new Response(BAD_FORMAT, { status: 400 });
    let itemIds: string[] = [];
    try {
      const parsed: unknown = JSON.parse(String(form.get("itemIds") ?? "[]"));
      if (Array.isArray(parsed)) itemIds = parsed.map(String).slice(0, 50_000);
    } catch {
      return new Response("itemIds is not a JSON list.", { status: 400 });
    }
    if (itemIds.length === 0) return new Response("No items selected.", { status: 400 });
    return download((userId) =>
      exportItems(userId, reviewId, { format: format.data, scope: { kind: "selected", itemIds } }, i18n),
    );
  },
);
