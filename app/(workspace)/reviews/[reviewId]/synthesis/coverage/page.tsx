import Link from "next/link";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { citationLabel } from "@/lib/items/display";
import { getCoverage, type PassageUse } from "@/lib/synthesis/coverage";

const USE_TONE: Record<PassageUse, string> = {
  unused: "bg-amber-50 text-amber-900 ring-amber-200",
  cited: "bg-sky-50 text-sky-900 ring-sky-200",
  quoted: "bg-emerald-50 text-emerald-900 ring-emerald-200",
};
const BAR_TONE: Record<PassageUse, string> = { quoted: "bg-emerald-500", cited: "bg-sky-400", unused: "bg-amber-300" };

export default async function CoveragePage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/synthesis/coverage`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const coverage = await loadOrNotFound(getCoverage(access));
  const base = `/reviews/${reviewId}`;
  return (
    <div className="space-y-5">
      <Link href={`${base}/synthesis`} className="text-sm text-teal-700 hover:underline">
        ← {t("synthesis.title")}
      </Link>
      <header>
        <h1 className="text-xl font-semibold">{t("synthesis.coverageTitle")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("synthesis.coverageHelp")}</p>
        {coverage.sectionCount === 0 && <p className="mt-2 text-sm text-amber-800">{t("synthesis.noSectionsYet")}</p>}
      </header>
      {coverage.themes.map(({ theme, total, quoted, cited, unused, passages }) => {
        const name = pick(locale, theme.nameZh, theme.nameEn) ?? "";
        return (
          <section key={theme.id} aria-labelledby={`coverage-${theme.id}`} className={`${cardClass} p-4`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`coverage-${theme.id}`} className="flex items-center gap-2 font-semibold text-stone-900">
                <span aria-hidden className="h-3 w-3 rounded-full" style={{ backgroundColor: theme.color }} />
                <Link href={`${base}/themes/${theme.id}`} className="hover:underline">
                  {name}
                </Link>
              </h2>
              <p className="text-xs text-stone-600">
                {t("synthesis.coverageCounts", { total, quoted, cited, unused })}
              </p>
            </div>
            {total > 0 && (
              <div
                role="img"
                aria-label={t("synthesis.coverageBar", { theme: name, quoted, cited, unused })}
                className="mt-2 flex h-2 overflow-hidden rounded-full bg-stone-100"
              >
                {(["quoted", "cited", "unused"] as const).map((use) => {
                  const n = { quoted, cited, unused }[use];
                  return n ? (
                    <span key={use} className={BAR_TONE[use]} style={{ width: `${(100 * n) / total}%` }} />
                  ) : null;
                })}
              </div>
            )}
            {total === 0 ? (
              <p className="mt-2 text-sm text-stone-500">{t("synthesis.noCodedPassages")}</p>
            ) : (
              <ul className="mt-3 space-y-2">
                {passages.map((passage) => (
                  <li key={passage.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
                    <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs ring-1 ${USE_TONE[passage.use]}`}>
                      {t(`synthesis.uses.${passage.use}`)}
                    </span>
                    <span className="min-w-0 flex-1">
                      <q lang="zh-CN" className="line-clamp-2 text-stone-800">
                        {passage.quote}
                      </q>
                      <span className="mt-0.5 block text-xs text-stone-500">
                        {citationLabel(locale, passage.item.authors, passage.item.year)}
                        {passage.sections.length > 0 &&
                          ` · ${t("synthesis.usedIn", { sections: passage.sections.map((section) => section.title).join("、") })}`}
                        {" · "}
                        <Link
                          href={`${base}/items/${passage.item.id}#passage-${passage.id}`}
                          className="text-teal-700 hover:underline"
                        >
                          {t("synthesis.readInPaper")}
                        </Link>
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
