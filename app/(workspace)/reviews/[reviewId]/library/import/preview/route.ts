import type { NextRequest } from "next/server";
import { upload, uploadedFile } from "@/lib/http/upload";
import { csvMappingFromForm } from "@/lib/import/parse-csv";
import { MAX_IMPORT_BYTES } from "@/lib/import/parse-file";
import { previewImport } from "@/lib/import/preview";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  return upload(request, MAX_IMPORT_BYTES, async (userId, form) =>
    previewImport(userId, reviewId, await uploadedFile(form), {
      csvMapping: csvMappingFromForm(form.get("csvMapping")),
    }),
  );
}
