import { reviewParams, reviewRoute } from "@/lib/http/route";
import { importErrorDescription, uploadedFile } from "@/lib/http/upload";
import { csvMappingFromForm } from "@/lib/import/parse-csv";
import { MAX_IMPORT_BYTES } from "@/lib/import/parse-file";
import { previewImport } from "@/lib/import/preview";

export const dynamic = "force-dynamic";

export const POST = reviewRoute(
  { params: reviewParams, body: { form: MAX_IMPORT_BYTES }, describeError: importErrorDescription },
  async (access, { body: form }) =>
    previewImport(access, await uploadedFile(form), { csvMapping: csvMappingFromForm(form.get("csvMapping")) }),
);
