import Link from "next/link";
import {
  CitationStyleForm,
  NewSectionForm,
  RestoreSectionButton,
  SectionRowActions,
} from "@/components/synthesis/SectionForms";
import { BibliographyList } from "@/components/bibliography/BibliographyList";
import { ExportWithWarning } from "@/components/bibliography/ExportWithWarning";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { formatDateTime } from "@/lib/i18n/format-time";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { renderSynthesisCitations } from "@/lib/synthesis/bibliography";
import { listSections } from "@/lib/synthesis/queries";
import { createSectionAction, moveSectionAction, setCitationStyleAction, trashSectionAction } from "./actions";

const STATUS_TONE: Record<string, string> = {
  DRAFTING: "bg-stone-100 text-stone-700",
  READY_FOR_REVIEW: "bg-amber-50 text-amber-800",
  REVISED: "bg-sky-50 text-sky-800",
  APPROVED: "bg-emerald-50 text-emerald-800",
};

export default async function SynthesisPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/synthesis`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const [synthesis, citations] = await Promise.all([
    loadOrNotFound(listSections(access)),
    loadOrNotFound(renderSynthesisCitations(access, { locale: locale === "en" ? "en-US" : "zh-CN" })),
  ]);
  const base = `/reviews/${reviewId}/synthesis`;
  const themeChoices = synthesis.themes.map((theme) => ({
    id: theme.id,
    label: pick(locale, theme.nameZh, theme.nameEn) ?? "",
  }));
  const count = synthesis.sections.length;
  const incomplete = citations.bibliography.filter((entry) => entry.missing.length > 0).length;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="synthesis-heading" className="min-w-0 space-y-4">
        <header className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 id="synthesis-heading" className="text-xl font-semibold">
              {t("synthesis.title")}
            </h1>
            <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("synthesis.help")}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/coverage`} className={buttonSecondary}>
              {t("synthesis.coverage")}
            </Link>
            {count > 0 && (
              <>
                <ExportWithWarning
                  href={`${base}/export?format=docx`}
                  label={t("synthesis.exportDocx")}
                  incomplete={incomplete}
                  fixHref="#bibliography-heading"
                />
                <ExportWithWarning
                  href={`${base}/export?format=md`}
                  label={t("synthesis.exportMarkdown")}
                  incomplete={incomplete}
                  fixHref="#bibliography-heading"
                />
              </>
            )}
          </div>
        </header>
        {synthesis.canWrite && (
          <div className={`${cardClass} p-4`}>
            <h2 className="mb-2 text-sm font-semibold text-stone-900">{t("synthesis.newSection")}</h2>
            <NewSectionForm reviewId={reviewId} themes={themeChoices} action={createSectionAction} />
          </div>
        )}
        {count === 0 ? (
          <p className={`${cardClass} p-6 text-sm text-stone-600`}>{t("synthesis.noSections")}</p>
        ) : (
          <ol aria-label={t("synthesis.sections")} className={`${cardClass} divide-y divide-stone-100`}>
            {synthesis.sections.map((section, index) => (
              <li key={section.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
                <span className="w-6 text-right text-sm tabular-nums text-stone-500">{index + 1}</span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`${base}/${section.id}`}
                      className="font-medium text-stone-900 hover:text-teal-800 hover:underline"
                    >
                      {section.title}
                    </Link>
                    <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_TONE[section.status]}`}>
                      {t(`synthesis.statuses.${section.status}`)}
                    </span>
                    {section.theme && (
                      <span className="inline-flex items-center gap-1 text-xs text-stone-600">
                        <span
                          aria-hidden
                          className="h-2.5 w-2.5 rounded-full"
                          style={{ backgroundColor: section.theme.color }}
                        />
                        {pick(locale, section.theme.nameZh, section.theme.nameEn)}
                      </span>
                    )}
                  </div>
                  <p className="mt-0.5 text-xs text-stone-500">
                    {[
                      section.owner ? `${t("synthesis.owner")}: ${section.owner.name}` : null,
                      t("synthesis.characters", { n: section.characters }),
                      t("synthesis.cited", { n: section.citedCount }),
                      section.lastEdit
                        ? t("synthesis.lastEdit", {
                            who: section.lastEdit.by?.name ?? "—",
                            time: formatDateTime(locale, section.lastEdit.at),
                          })
                        : t("synthesis.neverEdited"),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
                {synthesis.canWrite && (
                  <SectionRowActions
                    reviewId={reviewId}
                    section={section}
                    first={index === 0}
                    last={index === count - 1}
                    move={moveSectionAction}
                    trash={trashSectionAction}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
        {synthesis.trashed.length > 0 && (
          <section aria-labelledby="section-trash-heading" className={`${cardClass} p-4`}>
            <h2 id="section-trash-heading" className="text-sm font-semibold text-stone-900">
              {t("synthesis.trashTitle")}
            </h2>
            <ul className="mt-2 divide-y divide-stone-100">
              {synthesis.trashed.map((section) => (
                <li key={section.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link href={`${base}/${section.id}`} className="text-stone-800 hover:underline">
                      {section.title}
                    </Link>
                    <span className="ml-2 text-xs text-stone-500">
                      {t("synthesis.deletedBy", {
                        who: section.deletedBy?.name ?? "—",
                        time: section.deletedAt ? formatDateTime(locale, section.deletedAt) : "",
                      })}
                    </span>
                  </span>
                  {synthesis.canWrite && (
                    <RestoreSectionButton reviewId={reviewId} section={section} action={trashSectionAction} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>
      <aside className="space-y-4">
        <div className={`${cardClass} p-4`}>
          <CitationStyleForm
            reviewId={reviewId}
            style={synthesis.citationStyle}
            canWrite={synthesis.canWrite}
            action={setCitationStyleAction}
          />
        </div>
        <section aria-labelledby="bibliography-heading" className={`${cardClass} p-4`}>
          <h2 id="bibliography-heading" className="text-sm font-semibold text-stone-900">
            {t("synthesis.bibliography")}
          </h2>
          {citations.bibliography.length === 0 ? (
            <p className="mt-2 text-sm text-stone-500">{t("synthesis.noBibliography")}</p>
          ) : (
            <BibliographyList
              reviewId={reviewId}
              entries={citations.bibliography}
              canEdit={synthesis.canEditItems}
              label={t("synthesis.bibliography")}
            />
          )}
        </section>
      </aside>
    </div>
  );
}
