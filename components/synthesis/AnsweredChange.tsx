"use client";
// The change an answer points to ("addressed"), folded under the answer: how the section changed between the
// comment and the answer, read as documents (citations as their labels, e.g. +[5], notes, quotes, headings,
// formatting) like versions and the round summary; plain text for threads kept before documents were.
import { useI18n } from "@/components/i18n/I18nProvider";
import type { AnsweredChangeView } from "@/lib/comments/queries";
import { DocumentComparison } from "./DocumentComparison";
import { TextComparison } from "./TextComparison";
import { comparisonLabels } from "./comparison-labels";

export function AnsweredChange({ change }: { change: AnsweredChangeView | null }) {
  const { t } = useI18n();
  if (!change) return null;
  if (change.kind === "unchanged")
    return <p className="mt-1 text-xs text-stone-500">{t("comments.answeredNoChange")}</p>;
  return (
    <details className="mt-1 rounded border border-sky-100 bg-sky-50/50 px-2 py-1">
      <summary className="cursor-pointer text-xs font-medium text-sky-800">{t("comments.answeredChange")}</summary>
      <div className="mt-1 text-sm">
        {change.kind === "document" ? (
          <DocumentComparison blocks={change.blocks} labels={comparisonLabels(t)} />
        ) : (
          <TextComparison
            changes={change.changes}
            labels={{ inserted: t("synthesis.inserted"), deleted: t("synthesis.deleted") }}
          />
        )}
      </div>
    </details>
  );
}
