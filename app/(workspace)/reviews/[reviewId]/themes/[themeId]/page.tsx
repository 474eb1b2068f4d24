import Link from "next/link";
import { Passage } from "@/components/coding/Passage";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { listThemePassages } from "@/lib/coding/queries";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { citationLabel } from "@/lib/items/display";

export default async function ThemePage({ params }: { params: Promise<{ reviewId: string; themeId: string }> }) {
  const { reviewId, themeId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/themes/${themeId}`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const { theme, total, papers } = await loadOrNotFound(listThemePassages(access, themeId));
  const base = `/reviews/${reviewId}`;
  const name = (entry: { nameZh: string; nameEn: string | null }) => pick(locale, entry.nameZh, entry.nameEn) ?? "";
  const definition = pick(locale, theme.definitionZh, theme.definitionEn);
  return (
    <article className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link href={`${base}/themes`} className="text-sm text-teal-700 hover:underline">
          ← {t("coding.codebookTitle")}
        </Link>
      </p>
      <header className="space-y-2">
        <div className="flex items-center gap-3">
          <span aria-hidden className="h-5 w-5 rounded" style={{ backgroundColor: theme.color }} />
          <h1 className="text-2xl font-semibold">{theme.nameZh}</h1>
          {theme.nameEn && <span className="text-lg text-stone-500">{theme.nameEn}</span>}
        </div>
        {theme.parent && (
          <p className="text-sm text-stone-600">
            {t("coding.parent")}:{" "}
            <Link href={`${base}/themes/${theme.parent.id}`} className="text-teal-700 hover:underline">
              {name(theme.parent)}
            </Link>
          </p>
        )}
        {theme.mergedInto && (
          <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <Link href={`${base}/themes/${theme.mergedInto.id}`} className="underline">
              {t("coding.mergedInto", { name: name(theme.mergedInto) })}
            </Link>
          </p>
        )}
      </header>

      <section aria-labelledby="definition-heading" className={`${cardClass} space-y-3 p-4`}>
        <h2 id="definition-heading" className="text-sm font-semibold text-stone-500">
          {t("coding.themeDefinition")}
        </h2>
        <p className="leading-relaxed">
          {definition ?? <span className="text-stone-500">{t("coding.noDefinition")}</span>}
        </p>
        {theme.definitionZh && theme.definitionEn && (
          <p className="text-sm leading-relaxed text-stone-600" lang={locale === "zh" ? "en" : "zh-CN"}>
            {locale === "zh" ? theme.definitionEn : theme.definitionZh}
          </p>
        )}
        {theme.inclusionNotes && (
          <>
            <h3 className="text-sm font-semibold text-stone-500">{t("coding.themeInclusion")}</h3>
            <p className="text-sm leading-relaxed">{theme.inclusionNotes}</p>
          </>
        )}
        {theme.children.length > 0 && (
          <p className="text-sm">
            {t("coding.subThemes")}:{" "}
            {theme.children.map((child, index) => (
              <span key={child.id}>
                {index > 0 && "、"}
                <Link href={`${base}/themes/${child.id}`} className="text-teal-700 hover:underline">
                  {name(child)}
                </Link>
              </span>
            ))}
          </p>
        )}
        <p className="text-xs text-stone-500">
          <Link href={`${base}/library?theme=${theme.id}`} className="hover:underline">
            {t("coding.taggedItems", { n: theme._count.items })}
          </Link>
          {" · "}
          <Link href={`${base}/themes/compare?theme=${theme.id}`} className="hover:underline">
            {t("coding.compareCoders")}
          </Link>
          {" · "}
          <Link href={`${base}/synthesis/coverage#coverage-${theme.id}`} className="hover:underline">
            {t("synthesis.coverage")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="passages-heading" className="space-y-4">
        <h2 id="passages-heading" className="font-semibold">
          {t("coding.passagesTitle", { n: total })}
        </h2>
        {papers.length === 0 && <p className="text-sm text-stone-500">{t("coding.noPassages")}</p>}
        {papers.map(({ item, passages }) => {
          const title = pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled");
          return (
            <section key={item.id} aria-label={title} className={`${cardClass} p-4`}>
              <h3 className="mb-3">
                <Link
                  href={`${base}/items/${item.id}`}
                  className="font-medium text-stone-900 hover:text-teal-800 hover:underline"
                >
                  {title}
                </Link>
                <span className="ml-2 text-sm text-stone-500">{citationLabel(locale, item.authors, item.year)}</span>
              </h3>
              <ol className="space-y-3">
                {passages.map((passage) => (
                  <Passage
                    key={passage.id}
                    quote={passage.quote}
                    memo={passage.memo}
                    orphaned={passage.orphaned}
                    coder={passage.createdBy?.name ?? null}
                    href={`${base}/items/${item.id}#passage-${passage.id}`}
                    linkLabel={t("coding.openInText")}
                    orphanedLabel={t("coding.statusOrphaned")}
                    page={
                      passage.page && {
                        label: t("pdfView.locator", { page: passage.page.locator }),
                        href: `${base}/items/${item.id}?view=pdf&page=${passage.page.pdfPage}`,
                        linkLabel: t("pdfView.openInPdf", { page: passage.page.locator }),
                      }
                    }
                  />
                ))}
              </ol>
            </section>
          );
        })}
      </section>
    </article>
  );
}
