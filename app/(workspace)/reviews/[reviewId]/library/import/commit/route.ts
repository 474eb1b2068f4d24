import { revalidatePath } from "next/cache";
import type { NextRequest } from "next/server";
import { mutatingRoute } from "@/lib/http/route";
import { AppError } from "@/lib/errors/app-error";
import { upload, uploadedFile } from "@/lib/http/upload";
import { commitImport } from "@/lib/import/commit";
import { csvMappingFromForm } from "@/lib/import/parse-csv";
import { MAX_IMPORT_BYTES } from "@/lib/import/parse-file";
import { resolveAccess } from "@/lib/authz/authorize";

export const dynamic = "force-dynamic";

export const POST = mutatingRoute(
  async (request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) => {
    const { reviewId } = await params;
    return upload(request, MAX_IMPORT_BYTES, async (userId, form) => {
      const file = await uploadedFile(form);
      let selected: unknown;
      try {
        selected = JSON.parse(String(form.get("selected") ?? "[]"));
      } catch {
        throw new AppError("IMPORT_SELECTION_INVALID", "selected is not a JSON list");
      }
      const csvMapping = csvMappingFromForm(form.get("csvMapping"));
      const result = await commitImport(
        await resolveAccess(userId, reviewId),
        { reviewId, fileName: file.name || "upload", selected, ...(csvMapping ? { csvMapping } : {}) },
        file.bytes,
      );
      revalidatePath(`/reviews/${reviewId}`, "layout");
      return result;
    });
  },
);
