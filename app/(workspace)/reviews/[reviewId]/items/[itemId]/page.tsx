import Link from "next/link";
import { CodedText, type ReaderCoding } from "@/components/coding/CodedText";
import { ItemThemes } from "@/components/coding/ItemThemes";
import { RestoreItems } from "@/components/items/RestoreItems";
import { TrashItemDialog } from "@/components/items/TrashItemDialog";
import { MissingBadge } from "@/components/ui/MissingBadge";
import { WorkflowPanel } from "@/components/workflow/WorkflowPanel";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { volumeIssue } from "@/lib/items/display";
import {
  fieldLabelKey,
  ITEM_TYPE_SPECS,
  needLabelKey,
  roleLabelKey,
  typeLabelKey,
  type TypeField,
} from "@/lib/bibliography/item-types";
import { listItemCodings, listRecentThemeIds } from "@/lib/coding/queries";
import type { PassageFieldName } from "@/lib/coding/passage-field";
import { getItem, listDuplicateCandidates } from "@/lib/items/queries";
import { getItemWorkflow } from "@/lib/workflow/queries";
import { listItemReferences } from "@/lib/references/queries";
import { ReferenceEntry } from "@/components/references/ReferenceEntry";
import { FullTextViews } from "@/components/pdf/FullTextViews";
import { getItemPdf } from "@/lib/pdf-pages/queries";
import { getHighlightTerms } from "@/lib/screening/queries";
import { pdfReadUrl } from "@/lib/pdf-pages/assets";
import { addCitedReferenceAction } from "../../references/actions";
import { ItemFiles } from "@/components/files/ItemFiles";
import { listItemFiles } from "@/lib/files/queries";
import { fileAction } from "./file-actions";
import { restoreItemsAction, trashItemsAction } from "../actions";
import {
  assignItemAction,
  changeStageAction,
  codePassageAction,
  createThemeInReaderAction,
  deleteCodingAction,
  tagItemAction,
  undoStageChangeAction,
  updateCodingAction,
} from "./actions";

type Dates = { received?: string | null; published?: string | null; online?: string | null };
type Identifier = { type: string; value: string };

export default async function ItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string; itemId: string }>;
  searchParams: Promise<{ view?: string; page?: string }>;
}) {
  const { reviewId, itemId } = await params;
  const { view, page: pageParam } = await searchParams;
  const user = await requirePageUser(`/reviews/${reviewId}/items/${itemId}`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const { item, role } = await loadOrNotFound(getItem(access, itemId));
  const trashed = item.deletedAt !== null;
  // A trashed item shows what it holds and how to restore it; its workflow stays frozen until then.
  const [workflow, candidates] = trashed
    ? [null, []]
    : await loadOrNotFound(
        Promise.all([
          getItemWorkflow(access, itemId),
          can(role, "item.delete") ? listDuplicateCandidates(access, itemId) : [],
        ]),
      );
  const title = pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled");
  const canCode = !trashed && can(role, "coding.write");
  const [coding, references, pdf, files, recentThemes, keywords] = await loadOrNotFound(
    Promise.all([
      listItemCodings(access, itemId),
      listItemReferences(access, itemId),
      getItemPdf(access, itemId),
      listItemFiles(access, itemId),
      canCode ? listRecentThemeIds(access) : [],
      getHighlightTerms(access),
    ]),
  );
  const themeOptions = coding.themes.map((theme) => ({
    id: theme.id,
    name: pick(locale, theme.nameZh, theme.nameEn) ?? "",
    color: theme.color,
    depth: theme.depth,
  }));
  const canManageThemes = canCode && can(role, "theme.manage");
  const codingsOf = (field: PassageFieldName): ReaderCoding[] =>
    coding.codings
      .filter((entry) => entry.field === field)
      .map((entry) => ({
        id: entry.id,
        start: entry.start,
        end: entry.end,
        quote: entry.quote,
        memo: entry.memo,
        status: entry.status,
        createdBy: entry.createdBy?.name ?? null,
        createdById: entry.createdBy?.id ?? null,
        createdAt: entry.createdAt.toISOString(),
        page: entry.page,
        themes: entry.themes.map((theme) => ({
          id: theme.id,
          name: pick(locale, theme.nameZh, theme.nameEn) ?? "",
          color: theme.color,
        })),
      }));
  const reader = (field: PassageFieldName, text: string, fieldLabel: string, lang: string, className: string) => (
    <CodedText
      reviewId={reviewId}
      itemId={itemId}
      field={field}
      fieldLabel={fieldLabel}
      text={text}
      lang={lang}
      codings={codingsOf(field)}
      themes={themeOptions}
      recentThemes={recentThemes}
      canCode={canCode}
      actions={{ code: codePassageAction, update: updateCodingAction, remove: deleteCodingAction }}
      createTheme={canManageThemes ? createThemeInReaderAction : undefined}
      className={className}
    />
  );
  const dateFormat = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const missing = <MissingBadge label={t("item.missing")} />;
  const dates = (item.dates ?? {}) as Dates;
  const identifiers = (Array.isArray(item.identifiers) ? item.identifiers : []) as Identifier[];
  const type = item.itemType;
  const typeFields = ITEM_TYPE_SPECS[type].fields;
  const has = (field: TypeField) => typeFields.includes(field);
  const typeLabel = (field: TypeField) => t(fieldLabelKey(type, field));
  // The type's own fields beyond container, volume, issue and pages, in the type's order.
  const detailFields = typeFields.filter(
    (field): field is Exclude<TypeField, "container" | "volume" | "issue" | "pages" | "url"> =>
      !["container", "volume", "issue", "pages", "url"].includes(field),
  );
  const editHref = `/reviews/${reviewId}/items/${itemId}/edit`;

  return (
    <article className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href={`/reviews/${reviewId}/library`} className="text-sm text-teal-700 hover:underline">
            ← {t("item.back")}
          </Link>
          {!trashed && (
            <div className="flex gap-2">
              {can(role, "item.update") && (
                <Link href={editHref} className={buttonSecondary}>
                  {t("editing.edit")}
                </Link>
              )}
              {can(role, "item.delete") && (
                <TrashItemDialog
                  reviewId={reviewId}
                  itemId={itemId}
                  title={title}
                  action={trashItemsAction}
                  candidates={candidates.map((candidate) => ({
                    id: candidate.id,
                    title: pick(locale, candidate.titleZh, candidate.titleEn) ?? t("editing.untitled"),
                    year: candidate.year,
                    likely: candidate.likely,
                  }))}
                />
              )}
            </div>
          )}
        </div>
        {trashed && (
          <div
            role="status"
            className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
          >
            <p>
              {t("editing.trashedBanner", {
                who: item.deletedBy?.name ?? t("activity.someone"),
                time: dateFormat.format(item.deletedAt!),
              })}
            </p>
            {item.duplicateOf && (
              <p>
                {t("editing.duplicateBanner")}{" "}
                <Link href={`/reviews/${reviewId}/items/${item.duplicateOf.id}`} className="text-teal-800 underline">
                  {pick(locale, item.duplicateOf.titleZh, item.duplicateOf.titleEn) ?? t("editing.untitled")}
                </Link>
              </p>
            )}
            {can(role, "item.delete") && (
              <RestoreItems
                reviewId={reviewId}
                itemIds={[itemId]}
                label={t("editing.restore")}
                className={buttonPrimary}
                action={restoreItemsAction}
              />
            )}
          </div>
        )}
        <header className="space-y-2">
          {/* The heading is the title the item has, Chinese first; an absent language is marked, not hidden. */}
          <h1
            className="text-2xl font-semibold leading-snug"
            lang={item.titleZh ? "zh-CN" : item.titleEn ? "en" : undefined}
          >
            {item.titleZh ?? item.titleEn ?? (
              <span className="text-stone-500">
                {t("item.titleZh")} {missing}
              </span>
            )}
          </h1>
          {item.titleZh && (
            <p className="text-lg leading-snug text-stone-600" lang="en">
              {item.titleEn ?? (
                <span className="text-base text-stone-500">
                  {t("item.titleEn")} {missing}
                </span>
              )}
            </p>
          )}
          {!item.titleZh && item.titleEn && (
            <p className="text-base text-stone-500">
              {t("item.titleZh")} {missing}
            </p>
          )}
        </header>

        {!trashed && item.missingForCitation.length > 0 && (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("itemTypes.incomplete", {
              fields: item.missingForCitation.map((need) => t(needLabelKey(need))).join(locale === "zh" ? "、" : ", "),
            })}
            {can(role, "item.update") && (
              <>
                {" "}
                <Link href={editHref} className="font-medium text-teal-800 underline">
                  {t("itemTypes.fix")}
                </Link>
              </>
            )}
          </p>
        )}

        <section aria-labelledby="authors-heading" className={`${cardClass} p-4`}>
          <h2 id="authors-heading" className="mb-2 text-sm font-semibold text-stone-500">
            {type === "PATENT" || type === "STANDARD" ? t(roleLabelKey(type, "AUTHOR")) : t("fields.authors")}
          </h2>
          {item.authors.length === 0 ? (
            missing
          ) : (
            <ol className="space-y-2">
              {item.authors.map((author) => (
                <li key={author.id}>
                  <span className="font-medium">{author.nameZh ?? author.nameEn}</span>
                  {author.nameZh && author.nameEn && <span className="ml-2 text-stone-500">{author.nameEn}</span>}
                  {author.corresponding && (
                    <span className="ml-2 text-xs text-teal-700">✉ {t("fields.corresponding")}</span>
                  )}
                  {author.affiliations.length > 0 && (
                    <p className="text-sm text-stone-600">{author.affiliations.join("；")}</p>
                  )}
                  {author.bio && <p className="text-xs text-stone-500">{author.bio}</p>}
                </li>
              ))}
            </ol>
          )}
          {item.contributors.length > 0 && (
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-t border-stone-100 pt-3 text-sm">
              {item.contributors.map((contributor) => (
                <div key={contributor.id} className="contents">
                  <dt className="text-stone-500">{t(roleLabelKey(type, contributor.role))}</dt>
                  <dd>
                    <span className="font-medium">{contributor.nameZh ?? contributor.nameEn}</span>
                    {contributor.nameZh && contributor.nameEn && (
                      <span className="ml-2 text-stone-500">{contributor.nameEn}</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>

        <section aria-labelledby="abstract-heading" className={`${cardClass} space-y-4 p-4`}>
          <h2 id="abstract-heading" className="text-sm font-semibold text-stone-500">
            {t("fields.abstract")}
          </h2>
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-stone-500">{t("item.abstractZh")}</h3>
            {item.abstractZh
              ? reader("ABSTRACT_ZH", item.abstractZh, t("item.abstractZh"), "zh-CN", "prose-cjk")
              : missing}
          </div>
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-stone-500">{t("item.abstractEn")}</h3>
            {item.abstractEn
              ? reader("ABSTRACT_EN", item.abstractEn, t("item.abstractEn"), "en", "leading-relaxed")
              : missing}
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <KeywordList label={t("item.keywordsZh")} keywords={item.keywordsZh} missing={missing} lang="zh-CN" />
            <KeywordList label={t("item.keywordsEn")} keywords={item.keywordsEn} missing={missing} lang="en" />
          </div>
        </section>

        <ItemFiles
          reviewId={reviewId}
          itemId={itemId}
          initialFiles={files}
          canEdit={!trashed && can(role, "item.update")}
          currentFullText={item.fullText}
          action={fileAction}
        />

        <section aria-labelledby="fulltext-heading" className={`${cardClass} p-4 sm:p-6`}>
          <h2
            id="fulltext-heading"
            className="mb-3 flex items-baseline justify-between text-sm font-semibold text-stone-500"
          >
            <span>{t("fields.fullText")}</span>
            {item.fullText && <span className="font-normal">{t("item.characters", { n: item.fullText.length })}</span>}
          </h2>
          {pdf.pending && <p className="mb-3 text-sm text-stone-600">{t("pdfView.extracting")}</p>}
          {item.fullText && pdf.file ? (
            <FullTextViews
              initialView={view === "pdf" ? "pdf" : "text"}
              initialPage={Number(pageParam) > 0 ? Math.floor(Number(pageParam)) : undefined}
              textView={reader(
                "FULL_TEXT",
                item.fullText,
                t("fields.fullText"),
                "zh-CN",
                "prose-cjk mx-auto max-w-[42em] font-serif text-[1.05rem] text-stone-800",
              )}
              pdf={{
                reviewId,
                itemId,
                fileUrl: pdfReadUrl(reviewId, pdf.file.id),
                fileName: pdf.file.fileName,
                // Usually the full text itself: not sent twice.
                extractedText: pdf.file.extractedText === item.fullText ? null : pdf.file.extractedText,
                pageStarts: pdf.file.pageStarts,
                fullText: item.fullText,
                codings: codingsOf("FULL_TEXT"),
                themes: themeOptions,
                recentThemes,
                keywords,
                canCode,
                codeAction: codePassageAction,
                codingActions: { update: updateCodingAction, remove: deleteCodingAction },
                createTheme: canManageThemes ? createThemeInReaderAction : undefined,
              }}
            />
          ) : item.fullText ? (
            reader(
              "FULL_TEXT",
              item.fullText,
              t("fields.fullText"),
              "zh-CN",
              "prose-cjk mx-auto max-w-[42em] font-serif text-[1.05rem] text-stone-800",
            )
          ) : (
            <p className="flex items-center gap-2 text-sm text-stone-600">
              {missing} {item.sourceFile ? t("item.fullTextMissing") : t("item.fullTextNotAdded")}
            </p>
          )}
        </section>

        {item.fullText && (
          <section aria-labelledby="references-heading" className={`${cardClass} p-4 sm:p-6`}>
            <h2
              id="references-heading"
              className="flex items-baseline justify-between text-sm font-semibold text-stone-500"
            >
              <span>{t("references.title")}</span>
              {references.length > 0 && (
                <span className="font-normal">{t("references.count", { n: references.length })}</span>
              )}
            </h2>
            {references.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t("references.none")}</p>
            ) : (
              <>
                <p className="mt-1 text-xs text-stone-500">{t("references.help")}</p>
                <ol className="mt-2 divide-y divide-stone-100" aria-labelledby="references-heading">
                  {references.map((reference) => (
                    <ReferenceEntry
                      key={reference.id}
                      locale={locale}
                      t={t}
                      reviewId={reviewId}
                      referenceId={reference.id}
                      reference={reference.parsed}
                      citedBy={reference.citedBy}
                      currentItemId={itemId}
                      inReview={reference.inReview}
                      canAdd={!trashed && can(role, "item.create")}
                      action={addCitedReferenceAction}
                    />
                  ))}
                </ol>
              </>
            )}
          </section>
        )}
      </div>

      <aside className="space-y-4" aria-label={t("item.metadata")}>
        <section className={`${cardClass} p-4`}>
          <h2 className="mb-3 text-sm font-semibold text-stone-500">{t("item.metadata")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
            <Field label={t("itemTypes.label")} value={t(typeLabelKey(type))} missing={missing} />
            {has("container") && (
              <>
                <Field
                  label={t("itemTypes.inZh", { field: typeLabel("container") })}
                  value={item.journalZh}
                  missing={missing}
                />
                <Field
                  label={t("itemTypes.inEn", { field: typeLabel("container") })}
                  value={item.journalEn}
                  missing={missing}
                />
              </>
            )}
            <Field label={t("fields.year")} value={item.year?.toString() ?? null} missing={missing} />
            {(has("volume") || has("issue")) && (
              <Field label={t("fields.volumeIssue")} value={volumeIssue(item.volume, item.issue)} missing={missing} />
            )}
            {has("pages") && <Field label={t("fields.pages")} value={item.pages} missing={missing} />}
            {detailFields.map((field) => (
              <Field key={field} label={typeLabel(field)} value={item[field]} missing={missing} />
            ))}
            {has("url") && (
              <>
                <dt className="text-stone-500">{typeLabel("url")}</dt>
                <dd className="min-w-0 break-all">
                  {item.url ? (
                    <a href={item.url} className="text-teal-800 underline" rel="noreferrer noopener" target="_blank">
                      {item.url}
                    </a>
                  ) : (
                    missing
                  )}
                </dd>
              </>
            )}
            <Field label={t("fields.doi")} value={item.doi} missing={missing} />
            {item.language && <Field label={t("itemTypes.fields.language")} value={item.language} missing={missing} />}
            <Field label={t("fields.funding")} value={item.funding} missing={missing} />
            <Field
              label={t("fields.identifiers")}
              value={identifiers.length ? identifiers.map((id) => `${id.type}: ${id.value}`).join("\n") : null}
              missing={missing}
            />
            <Field label={t("item.received")} value={dates.received ?? null} missing={missing} />
            <Field label={t("item.published")} value={dates.published ?? null} missing={missing} />
            <Field label={t("item.online")} value={dates.online ?? null} missing={missing} />
            <Field
              label={t("fields.source")}
              value={[t(`source.${item.sourceKind}`), item.sourceName].filter(Boolean).join(" · ")}
              missing={missing}
            />
            {item.sourceFile && <Field label={t("item.sourceFile")} value={item.sourceFile} missing={missing} />}
          </dl>
          {item.sourceNote && (
            <p className="mt-3 border-t border-stone-100 pt-2 text-xs leading-relaxed text-stone-500">
              <span className="font-medium">{t("item.sourceNote")}:</span> {item.sourceNote}
            </p>
          )}
        </section>

        <section className={`${cardClass} p-4`} aria-labelledby="themes-heading">
          <h2 id="themes-heading" className="mb-2 text-sm font-semibold text-stone-500">
            {t("item.themes")}
          </h2>
          <ItemThemes
            reviewId={reviewId}
            itemId={itemId}
            tagged={item.themes.map((theme) => ({
              id: theme.id,
              name: pick(locale, theme.nameZh, theme.nameEn) ?? "",
              color: theme.color,
            }))}
            themes={themeOptions}
            canTag={!trashed && can(role, "theme.tag")}
            action={tagItemAction}
          />
        </section>

        {workflow && (
          <WorkflowPanel
            locale={locale}
            userId={user.id}
            reviewId={reviewId}
            workflow={workflow}
            actions={{ changeStage: changeStageAction, undo: undoStageChangeAction, assign: assignItemAction }}
          />
        )}
      </aside>
    </article>
  );
}

function Field({ label, value, missing }: { label: string; value: string | null; missing: React.ReactNode }) {
  return (
    <>
      <dt className="text-stone-500">{label}</dt>
      <dd className="min-w-0 whitespace-pre-line break-words">{value ?? missing}</dd>
    </>
  );
}

function KeywordList({
  label,
  keywords,
  missing,
  lang,
}: {
  label: string;
  keywords: string[];
  missing: React.ReactNode;
  lang: string;
}) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-stone-500">{label}</h3>
      {keywords.length === 0 ? (
        missing
      ) : (
        <ul className="flex flex-wrap gap-1.5" lang={lang}>
          {keywords.map((keyword) => (
            <li key={keyword} className="rounded-full bg-teal-50 px-2 py-0.5 text-xs text-teal-900">
              {keyword}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
