import type { NextRequest } from "next/server";
import { mutatingRoute } from "@/lib/http/route";
import { upload, uploadedFile } from "@/lib/http/upload";
import { csvMappingFromForm } from "@/lib/import/parse-csv";
import { MAX_IMPORT_BYTES } from "@/lib/import/parse-file";
import { previewImport } from "@/lib/import/preview";
import { resolveAccess } from "@/lib/authz/authorize";

export const dynamic = "force-dynamic";

export const POST = mutatingRoute(
  async (request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) => {
    const { reviewId } = await params;
    return upload(request, MAX_IMPORT_BYTES, async (userId, form) =>
      previewImport(await resolveAccess(userId, reviewId), await uploadedFile(form), {
        csvMapping: csvMappingFromForm(form.get("csvMapping")),
      }),
    );
  },
);
