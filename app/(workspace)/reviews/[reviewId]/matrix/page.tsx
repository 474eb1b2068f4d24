import Link from "next/link";
import { Passage } from "@/components/coding/Passage";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { orderMatrix, parseMatrixOrder } from "@/lib/coding/matrix-order";
import { getMatrix, listThemePassages } from "@/lib/coding/queries";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { citationLabel } from "@/lib/items/display";

export default async function MatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/matrix`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const search = await searchParams;
  const order = parseMatrixOrder(search);
  const showExcluded = search.excluded === "1";
  const matrix = await loadOrNotFound(getMatrix(access, { showExcluded }));
  const { themes, items } = orderMatrix(matrix, order);
  const base = `/reviews/${reviewId}`;
  const query = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const values: Record<string, string | undefined> = {
      papers: order.papers,
      themes: order.themes,
      cell: undefined,
      excluded: undefined,
      ...change,
    };
    if (values.papers && values.papers !== "year") next.set("papers", values.papers);
    if (values.themes && values.themes !== "codebook") next.set("themes", values.themes);
    if (values.cell) next.set("cell", values.cell);
    if ((values.excluded ?? (showExcluded ? "1" : undefined)) === "1") next.set("excluded", "1");
    const text = next.toString();
    return text ? `?${text}` : "";
  };
  const name = (theme: { nameZh: string; nameEn: string | null }) => pick(locale, theme.nameZh, theme.nameEn) ?? "";
  const title = (item: { titleZh: string | null; titleEn: string | null }) =>
    pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled");
  const [cellTheme, cellItem] = typeof search.cell === "string" ? search.cell.split(":") : [];
  const openTheme = themes.find((theme) => theme.id === cellTheme);
  const openItem = items.find((item) => item.id === cellItem);
  const passages = openTheme && openItem ? await listThemePassages(access, openTheme.id, openItem.id) : null;

  return (
    <section aria-labelledby="matrix-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="matrix-heading" className="text-xl font-semibold">
            {t("coding.matrixTitle")}
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("coding.matrixHelp")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {(showExcluded || matrix.hiddenExcluded > 0) && (
            <Link
              href={`${base}/matrix${query({ excluded: showExcluded ? "0" : "1" })}`}
              role="switch"
              aria-checked={showExcluded}
              className={`rounded-full border px-3 py-1 text-sm ${showExcluded ? "border-teal-700 bg-teal-700 text-white" : "border-stone-300 bg-white text-stone-700 hover:bg-stone-50"}`}
            >
              {showExcluded
                ? t("screening.matrixHideExcluded")
                : t("screening.matrixShowExcluded", { n: matrix.hiddenExcluded })}
            </Link>
          )}
          <a href={`${base}/matrix/matrix.csv${query({})}`} className={buttonSecondary} download>
            {t("coding.exportMatrix")}
          </a>
        </div>
      </header>
      {themes.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-8 text-center text-stone-500">
          <Link href={`${base}/themes`} className="text-teal-700 hover:underline">
            {t("coding.noThemesYet")}
          </Link>
        </p>
      ) : (
        <>
          <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
            {showExcluded && <input type="hidden" name="excluded" value="1" />}
            <label className="flex flex-col gap-1">
              <span className="font-medium text-stone-700">{t("coding.sortPapers")}</span>
              <select
                name="papers"
                defaultValue={order.papers}
                className="rounded-md border border-stone-300 px-2 py-1.5"
              >
                <option value="year">{t("coding.sortByYear")}</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {t("coding.sortByTheme", { name: name(theme) })}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium text-stone-700">{t("coding.sortThemes")}</span>
              <select
                name="themes"
                defaultValue={order.themes}
                className="rounded-md border border-stone-300 px-2 py-1.5"
              >
                <option value="codebook">{t("coding.sortByCodebook")}</option>
                <option value="total">{t("coding.sortByTotal")}</option>
              </select>
            </label>
            <button type="submit" className={buttonSecondary}>
              {t("coding.applyOrder")}
            </button>
          </form>
          <div className={`${cardClass} overflow-x-auto`}>
            <table className="min-w-full border-collapse text-sm">
              <caption className="sr-only">{t("coding.matrixTitle")}</caption>
              <thead>
                <tr className="border-b border-stone-200 bg-stone-50">
                  <th
                    scope="col"
                    className="sticky left-0 z-10 bg-stone-50 px-3 py-2 text-left font-medium text-stone-600"
                  >
                    {t("coding.theme")}
                  </th>
                  {items.map((item) => (
                    <th
                      key={item.id}
                      scope="col"
                      className={`min-w-[7rem] max-w-[10rem] px-2 py-2 text-left align-bottom font-normal ${item.excluded ? "bg-rose-50/60" : ""}`}
                    >
                      {item.excluded && (
                        <span className="mb-1 inline-block rounded bg-rose-100 px-1.5 text-[11px] font-semibold text-rose-900">
                          {t("screening.matrixExcludedMark")}
                        </span>
                      )}
                      <Link
                        href={`${base}/items/${item.id}`}
                        className="line-clamp-3 text-xs text-stone-800 hover:text-teal-800 hover:underline"
                      >
                        {title(item)}
                      </Link>
                      <span className="block text-[11px] text-stone-500">
                        {citationLabel(locale, item.authors, item.year)}
                      </span>
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 text-right font-medium text-stone-600">
                    {t("coding.total")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {themes.map((theme) => {
                  const total = items.reduce((sum, item) => sum + matrix.cell(theme.id, item.id).count, 0);
                  return (
                    <tr key={theme.id}>
                      <th
                        scope="row"
                        className="sticky left-0 z-10 whitespace-nowrap bg-white px-3 py-2 text-left font-medium"
                      >
                        <span
                          aria-hidden
                          className="mr-2 inline-block h-2.5 w-2.5 rounded-sm"
                          style={{ backgroundColor: theme.color }}
                        />
                        <Link href={`${base}/themes/${theme.id}`} className="hover:underline">
                          {name(theme)}
                        </Link>
                      </th>
                      {items.map((item) => {
                        const cell = matrix.cell(theme.id, item.id);
                        const open = openTheme?.id === theme.id && openItem?.id === item.id;
                        const label = t("coding.matrixCell", {
                          theme: name(theme),
                          paper: title(item),
                          n: cell.count,
                          tagged: cell.tagged ? t("coding.taggedSuffix") : "",
                        });
                        return (
                          <td key={item.id} className="px-2 py-1.5 text-center">
                            {cell.count > 0 || cell.tagged ? (
                              <Link
                                href={`${base}/matrix${query({ cell: `${theme.id}:${item.id}` })}#cell-passages`}
                                aria-label={label}
                                aria-current={open ? "true" : undefined}
                                className={`inline-flex min-w-[2.5rem] items-center justify-center gap-1 rounded px-2 py-1 tabular-nums ${open ? "ring-2 ring-teal-600" : ""}`}
                                style={{
                                  backgroundColor: cell.count
                                    ? `${theme.color}${cell.count > 4 ? "66" : cell.count > 1 ? "40" : "22"}`
                                    : undefined,
                                }}
                              >
                                {cell.count > 0 ? cell.count : ""}
                                {cell.tagged && (
                                  <span aria-hidden className="text-[10px]" style={{ color: theme.color }}>
                                    ●
                                  </span>
                                )}
                              </Link>
                            ) : (
                              <span className="text-stone-500">
                                <span aria-hidden>·</span>
                                <span className="sr-only">{label}</span>
                              </span>
                            )}
                          </td>
                        );
                      })}
                      <td className="px-3 py-1.5 text-right tabular-nums font-medium">{total}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {passages && openTheme && openItem && (
        <section id="cell-passages" aria-labelledby="cell-heading" className={`${cardClass} space-y-3 p-4`}>
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="cell-heading" className="font-semibold">
              {t("coding.cellPassages", { theme: name(openTheme), paper: title(openItem) })}
            </h2>
            <Link href={`${base}/matrix${query({})}`} className="text-sm text-stone-600 hover:underline">
              {t("coding.closeCell")}
            </Link>
          </div>
          {passages.total === 0 ? (
            <p className="text-sm text-stone-500">{t("coding.noPassages")}</p>
          ) : (
            <ol className="space-y-3">
              {passages.papers.flatMap((paper) =>
                paper.passages.map((passage) => (
                  <Passage
                    key={passage.id}
                    quote={passage.quote}
                    memo={passage.memo}
                    orphaned={passage.orphaned}
                    coder={passage.createdBy?.name ?? null}
                    href={`${base}/items/${openItem.id}#passage-${passage.id}`}
                    linkLabel={t("coding.openInText")}
                    orphanedLabel={t("coding.statusOrphaned")}
                    page={
                      passage.page && {
                        label: t("pdfView.locator", { page: passage.page.locator }),
                        href: `${base}/items/${openItem.id}?view=pdf&page=${passage.page.pdfPage}`,
                        linkLabel: t("pdfView.openInPdf", { page: passage.page.locator }),
                      }
                    }
                  />
                )),
              )}
            </ol>
          )}
        </section>
      )}
    </section>
  );
}
