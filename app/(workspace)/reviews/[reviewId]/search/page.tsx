import { SearchForm } from "@/components/search/SearchForm";
import { SearchHitView } from "@/components/search/SearchHitView";
import { shownCount } from "@/components/search/count";
import { SearchHelp, SearchNotes } from "@/components/search/SearchNotes";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import {
  parseSearchParams,
  searchFilterOptions,
  searchQueryString,
  searchReview,
  type SearchParams,
} from "@/lib/search/search";

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/search`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const current = parseSearchParams(await searchParams);
  const [options, result] = await loadOrNotFound(
    Promise.all([searchFilterOptions(access), searchReview(access, current)]),
  );
  const name = (entry: { nameZh: string; nameEn: string | null }) => pick(locale, entry.nameZh, entry.nameEn) ?? "";
  const stageNames = new Map(options.stages.map((stage) => [stage.id, name(stage)]));
  const searched = result.query.include.length > 0 || result.query.notes.length > 0;
  const href = (change: Partial<SearchParams>) =>
    `/reviews/${reviewId}/search${searchQueryString({ ...current, ...change })}`;

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <h1 className="text-xl font-semibold text-stone-900">{t("search.title")}</h1>
      <SearchForm
        initial={{
          q: current.q,
          kind: current.kind[0] ?? "",
          stage: current.stage[0] ?? "",
          theme: current.theme[0] ?? "",
          yearFrom: current.yearFrom?.toString() ?? "",
          yearTo: current.yearTo?.toString() ?? "",
        }}
        stages={options.stages.map((stage) => ({ id: stage.id, name: name(stage) }))}
        themes={options.themes.map((theme) => ({ id: theme.id, name: name(theme) }))}
        counts={searched ? result.counts : null}
        approximate={result.approximate}
      />
      <SearchHelp t={t} />
      <section aria-label={t("search.results")} className="space-y-3">
        {searched && <SearchNotes result={result} t={t} searchHref={(q) => href({ q, page: 1 })} />}
        {!searched ? (
          <p className="text-sm text-stone-500">{t("search.typeToSearch")}</p>
        ) : result.total === 0 ? (
          <p className="text-sm text-stone-500">{t("search.none", { q: current.q })}</p>
        ) : (
          <>
            <p className="text-sm text-stone-600" role="status">
              {result.approximate
                ? t("search.countAbout", { n: shownCount(result.total, true) })
                : t("search.count", { n: result.total })}
            </p>
            <ol className="space-y-2">
              {result.hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`}>
                  <a
                    href={hit.href}
                    className={`${cardClass} block px-4 py-3 hover:border-teal-300 hover:bg-teal-50/30`}
                  >
                    <SearchHitView
                      hit={hit}
                      locale={locale}
                      t={t}
                      stageName={hit.stageId ? stageNames.get(hit.stageId) : null}
                    />
                  </a>
                </li>
              ))}
            </ol>
            {result.pageCount > 1 && (
              <nav aria-label={t("search.pages")} className="flex items-center justify-between text-sm">
                {result.page > 1 ? (
                  <a className={buttonSecondary} href={href({ page: result.page - 1 })}>
                    ← {t("search.previous")}
                  </a>
                ) : (
                  <span />
                )}
                <span className="text-stone-600">
                  {t("search.page", { page: result.page, pages: result.pageCount })}
                </span>
                {result.page < result.pageCount ? (
                  <a className={buttonSecondary} href={href({ page: result.page + 1 })}>
                    {t("search.next")} →
                  </a>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
