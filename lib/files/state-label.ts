// The words for a file's extraction state, with its page progress once the page count is known.
import type { Translate } from "@/lib/i18n/translate";

export function stateLabel(t: Translate, file: { state: string; pagesDone: number; pageCount: number | null }): string {
  if ((file.state === "EXTRACTING" || file.state === "OCR_RUNNING") && !file.pageCount) {
    return t("files.states.STARTING");
  }
  return t(`files.states.${file.state}` as Parameters<Translate>[0], {
    done: file.pagesDone,
    total: file.pageCount ?? 0,
  });
}
