import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors/app-error";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { importErrorDescription, uploadedFile } from "@/lib/http/upload";
import { commitImport } from "@/lib/import/commit";
import { csvMappingFromForm } from "@/lib/import/parse-csv";
import { MAX_IMPORT_BYTES } from "@/lib/import/parse-file";

export const dynamic = "force-dynamic";

export const POST = reviewRoute(
  { params: reviewParams, body: { form: MAX_IMPORT_BYTES }, describeError: importErrorDescription },
  async (access, { params: { reviewId }, body: form }) => {
    const file = await uploadedFile(form);
    let selected: unknown;
    try {
      selected = JSON.parse(String(form.get("selected") ?? "[]"));
    } catch {
      throw new AppError("IMPORT_SELECTION_INVALID", "selected is not a JSON list");
    }
    const csvMapping = csvMappingFromForm(form.get("csvMapping"));
    const result = await commitImport(
      access,
      { reviewId, fileName: file.name || "upload", selected, ...(csvMapping ? { csvMapping } : {}) },
      file.bytes,
    );
    revalidatePath(`/reviews/${reviewId}`, "layout");
    return result;
  },
);
