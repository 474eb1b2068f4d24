import Link from "next/link";
import type { ActionResult } from "@/lib/errors/action-result";
import type { Locale } from "@/lib/i18n/messages";
import { pick, type Translate } from "@/lib/i18n/translate";
import type { ParsedReference } from "@/lib/references/parse-reference";
import type { ItemLink } from "@/lib/references/queries";
import { AddReferenceButton } from "./AddReferenceButton";

type AddAction = (
  previous: ActionResult<{ itemId: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ itemId: string }>>;

/** One cited reference: its number, type, fields as parsed, who else cites it, and the snowballing action. */
export function ReferenceEntry({
  locale,
  t,
  reviewId,
  referenceId,
  reference,
  citedBy,
  currentItemId,
  inReview,
  canAdd,
  action,
}: {
  locale: Locale;
  t: Translate;
  reviewId: string;
  referenceId: string;
  reference: ParsedReference;
  citedBy: ItemLink[];
  currentItemId: string | null;
  inReview: ItemLink | null;
  canAdd: boolean;
  action: AddAction;
}) {
  const lang = reference.language === "zh" ? "zh-CN" : "en";
  const title = reference.title ?? t("references.untitled");
  const titleOf = (item: ItemLink) => pick(locale, item.titleZh, item.titleEn) ?? t("references.untitled");
  const parsed = reference.type !== "unknown";
  const authors =
    reference.authors.join(reference.language === "zh" ? "，" : ", ") +
    (reference.etAl ? (reference.language === "zh" ? "，等" : ", et al.") : "");
  const where = [
    reference.container,
    reference.editors.length ? `${t("references.editors")}: ${reference.editors.join(", ")}` : null,
    [reference.place, reference.publisher].filter(Boolean).join(": ") || null,
    reference.edition,
    reference.year?.toString() ?? null,
    reference.volume || reference.issue
      ? `${reference.volume ?? ""}${reference.issue ? `(${reference.issue})` : ""}`
      : null,
    reference.pages,
    reference.date && reference.date !== reference.year?.toString() ? reference.date : null,
    reference.accessed ? t("references.accessed", { date: reference.accessed }) : null,
  ].filter((part): part is string => Boolean(part));

  return (
    <li className="flex gap-3 py-3">
      <span className="w-8 shrink-0 pt-0.5 text-right font-mono text-xs text-stone-500">
        {reference.number !== null ? `[${reference.number}]` : "•"}
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-1.5">
          <span
            className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${
              parsed ? "bg-stone-100 text-stone-600" : "bg-amber-50 text-amber-800"
            }`}
          >
            {parsed ? t(`references.types.${reference.type}`) : t("references.unparsed")}
          </span>
          {citedBy.length >= 2 && (
            <span className="rounded-full bg-violet-50 px-2 py-0.5 text-[11px] font-medium text-violet-800">
              {t("references.citedBy", { n: citedBy.length })}
            </span>
          )}
        </div>
        {parsed ? (
          <div lang={lang} className="text-sm leading-relaxed text-stone-800">
            {authors && <span className="text-stone-600">{authors}. </span>}
            <span className="font-medium">{title}</span>
            {where.length > 0 && <span className="text-stone-600"> · {where.join(" · ")}</span>}
            {reference.doi && (
              <span className="ml-1 text-stone-500">
                · DOI{" "}
                <a
                  href={`https://doi.org/${reference.doi}`}
                  className="text-teal-800 hover:underline"
                  target="_blank"
                  rel="noreferrer"
                >
                  {reference.doi}
                </a>
              </span>
            )}
            {reference.url && (
              <span className="ml-1 break-all text-stone-500">
                ·{" "}
                <a href={reference.url} className="text-teal-800 hover:underline" target="_blank" rel="noreferrer">
                  {reference.url}
                </a>
              </span>
            )}
          </div>
        ) : (
          <p lang={lang} className="text-sm leading-relaxed text-stone-700">
            {reference.raw}
          </p>
        )}
        {citedBy.length >= 2 && (
          <p className="text-xs text-stone-500">
            {t("references.citingItems")}:{" "}
            {citedBy.map((item, index) => (
              <span key={item.id}>
                {index > 0 && "；"}
                {item.id === currentItemId ? (
                  <span>
                    {titleOf(item)} {t("references.thisItem")}
                  </span>
                ) : (
                  <Link href={`/reviews/${reviewId}/items/${item.id}`} className="text-teal-800 hover:underline">
                    {titleOf(item)}
                  </Link>
                )}
              </span>
            ))}
          </p>
        )}
        <div className="pt-0.5">
          {inReview ? (
            <p className="flex flex-wrap items-center gap-2 text-xs">
              <span className="rounded-full bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">
                ✓ {t("references.inReview")}
              </span>
              <Link href={`/reviews/${reviewId}/items/${inReview.id}`} className="text-teal-800 hover:underline">
                {t("references.openInReview", { title: titleOf(inReview) })}
              </Link>
            </p>
          ) : (
            canAdd &&
            reference.title && (
              <AddReferenceButton reviewId={reviewId} referenceId={referenceId} title={title} action={action} />
            )
          )}
        </div>
      </div>
    </li>
  );
}
