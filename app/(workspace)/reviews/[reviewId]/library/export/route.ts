import { exportItems } from "@/lib/export/export-items";
import { exportFormatSchema } from "@/lib/export/items";
import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { parseLibraryParams } from "@/lib/library/query";

export const dynamic = "force-dynamic";

// 50,000 ids of ~30 characters each, JSON-quoted, with room to spare.
const MAX_EXPORT_FORM_BYTES = 4 * 1024 * 1024;

const BAD_FORMAT = "Unknown export format: use format=ris, bibtex, csl-json or csv.";

/** All items (scope=all) or the library's current filter (scope=filter plus the library's own parameters). */
export const GET = reviewRoute({ params: reviewParams }, async (access, _input, request, { locale, t }) => {
  const search = Object.fromEntries(request.nextUrl.searchParams);
  const format = exportFormatSchema.safeParse(search.format);
  if (!format.success) return new Response(BAD_FORMAT, { status: 400 });
  const scope =
    search.scope === "filter"
      ? ({ kind: "filter", params: parseLibraryParams(search) } as const)
      : ({ kind: "all" } as const);
  return fileResponse(await exportItems(access, { format: format.data, scope }, { locale, t }));
});

/** The ticked items: their ids travel in a form body, which has room for thousands. */
export const POST = reviewRoute(
  { params: reviewParams, body: { form: MAX_EXPORT_FORM_BYTES } },
  async (access, { body: form }, _request, { locale, t }) => {
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
    return fileResponse(
      await exportItems(access, { format: format.data, scope: { kind: "selected", itemIds } }, { locale, t }),
    );
  },
);
