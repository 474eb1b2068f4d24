"use client";
// The change an answer points to ("addressed"), folded under the answer: how the section's text changed
// between the comment and the answer.
import { useI18n } from "@/components/i18n/I18nProvider";
import type { TextChange } from "@/lib/synthesis/text-compare";
import { TextComparison } from "./TextComparison";

export function AnsweredChange({ changes }: { changes: TextChange[] | null }) {
  const { t } = useI18n();
  if (!changes) return null;
  const unchanged = changes.every((change) => change.kind === "equal");
  if (unchanged) return <p className="mt-1 text-xs text-stone-500">{t("comments.answeredNoChange")}</p>;
  return (
    <details className="mt-1 rounded border border-sky-100 bg-sky-50/50 px-2 py-1">
      <summary className="cursor-pointer text-xs font-medium text-sky-800">{t("comments.answeredChange")}</summary>
      <div className="mt-1 text-sm">
        <TextComparison
          changes={changes}
          labels={{ inserted: t("synthesis.inserted"), deleted: t("synthesis.deleted") }}
        />
      </div>
    </details>
  );
}
