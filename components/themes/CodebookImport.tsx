"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FilePicker } from "@/components/ui/FilePicker";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { CodebookProblem } from "@/lib/themes/codebook-exchange";

type ImportResult = ActionResult<{ created: number; updated: number }>;

/** Uploads a .csv or .qdc codebook; a refused file lists every problem with its line. */
export function CodebookImport({
  reviewId,
  action,
}: {
  reviewId: string;
  action: (previous: ImportResult | null, form: FormData) => Promise<ImportResult>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const describe = (problem: CodebookProblem) => t(`coding.problems.${problem.kind}`, { detail: problem.detail ?? "" });
  const problems =
    state && !state.ok ? ((state.details as { problems?: CodebookProblem[] } | undefined)?.problems ?? []) : [];
  const fileProblem = state && !state.ok ? state.fields?.file?.[0] : undefined;
  const fileMessage =
    fileProblem === "tooLarge"
      ? t("coding.fileTooLarge")
      : fileProblem === "unknownFormat"
        ? t("coding.unknownFormat")
        : fileProblem === "empty"
          ? t("coding.emptyFile")
          : null;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <FilePicker
        id="codebook-file"
        name="file"
        label={t("coding.importFile")}
        accept=".csv,.qdc,.xml,text/csv,application/xml"
        required
      />
      <button type="submit" className={buttonSecondary} disabled={pending}>
        {pending ? t("coding.importing") : t("coding.import")}
      </button>
      {state?.ok && <FormMessage success={t("coding.imported", state.data)} />}
      {state && !state.ok && <FormMessage error={fileMessage ?? state.error} />}
      {problems.length > 0 && (
        <ul className="max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5 text-xs text-red-800">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.line !== null
                ? t("coding.importProblem", { line: problem.line, message: describe(problem) })
                : t("coding.importProblemNoLine", { message: describe(problem) })}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
