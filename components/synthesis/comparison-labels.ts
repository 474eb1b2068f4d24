import type { Translate } from "@/lib/i18n/translate";
import type { ComparisonLabels } from "./DocumentComparison";

/** The words a structured comparison shows, in the reader's language. */
export function comparisonLabels(t: Translate): ComparisonLabels {
  return {
    inserted: t("synthesis.inserted"),
    deleted: t("synthesis.deleted"),
    note: t("reviewTools.compare.note"),
    blockKind: (block, level) =>
      block === "heading" ? t("reviewTools.compare.heading", { level: level ?? 2 }) : t(`reviewTools.compare.${block}`),
    retyped: (from, to) => t("reviewTools.compare.retyped", { from, to }),
  };
}
