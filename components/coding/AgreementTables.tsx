// The agreement report: the summary for all themes (kappa and alpha side by side), then the tables by theme
// and by theme and paper. A server component: nothing here is interactive.
import { cardClass } from "@/components/ui/styles";
import type { AgreementFigures } from "@/lib/coding/character-agreement";
import { kappaBand } from "@/lib/coding/kappa";
import { getI18n } from "@/lib/i18n/server";

export interface AgreementTablesProps {
  coders: { id: string; name: string }[];
  papers: number;
  unplaced: number;
  overall: { agreement: number | null; kappa: number | null; alpha: number | null };
  themes: { id: string; name: string; depth: number; figures: AgreementFigures }[];
  cells: { key: string; theme: string; paper: string; figures: AgreementFigures }[];
}

export async function AgreementTables(props: AgreementTablesProps) {
  const { t, locale } = await getI18n();
  const pair = props.coders.length === 2;
  const percent = (value: number | null) =>
    value === null
      ? "—"
      : new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", {
          style: "percent",
          maximumFractionDigits: 1,
        }).format(value);
  const coefficient = (value: number | null) => (value === null ? "—" : value.toFixed(3));
  const count = (value: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US").format(value);
  const header = (first: string[]) => (
    <thead className="bg-stone-50 text-left text-xs text-stone-600">
      <tr>
        {[
          ...first,
          t("agreement.columns.characters"),
          ...props.coders.map((coder) => t("agreement.columns.codedBy", { name: coder.name })),
          ...(pair ? [t("agreement.columns.both"), t("agreement.columns.neither")] : []),
          t("agreement.columns.agreement"),
          t("agreement.columns.kappa"),
          t("agreement.columns.alpha"),
        ].map((label) => (
          <th key={label} scope="col" className="px-3 py-2 font-medium">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
  const figures = (row: AgreementFigures) => (
    <>
      <td className="px-3 py-2 tabular-nums">{count(row.characters)}</td>
      {row.coded.map((value, index) => (
        <td key={props.coders[index]!.id} className="px-3 py-2 tabular-nums">
          {count(value)}
        </td>
      ))}
      {pair && (
        <>
          <td className="px-3 py-2 tabular-nums">{count(row.table?.both ?? 0)}</td>
          <td className="px-3 py-2 tabular-nums">{count(row.table?.neither ?? 0)}</td>
        </>
      )}
      <td className="px-3 py-2 tabular-nums">{percent(row.agreement)}</td>
      <td className="px-3 py-2 tabular-nums">{coefficient(row.kappa)}</td>
      <td className="px-3 py-2 tabular-nums">{coefficient(row.alpha)}</td>
    </>
  );
  const summary: { id: string; label: string; value: string; band: string | null; help: string | null }[] = [
    {
      id: "agreement",
      label: t("agreement.agreement"),
      value: percent(props.overall.agreement),
      band: null,
      help: null,
    },
    {
      id: "kappa",
      label: pair ? t("agreement.kappaTwo") : t("agreement.kappaMany"),
      value: coefficient(props.overall.kappa),
      // Banded as shown: a kappa printed as 0.400 is "fair", whatever its last binary digit.
      band:
        props.overall.kappa === null
          ? null
          : t(`coding.kappaBand.${kappaBand(Number(props.overall.kappa.toFixed(3)))}`),
      help: pair ? t("agreement.kappaTwoHelp") : t("agreement.kappaManyHelp"),
    },
    {
      id: "alpha",
      label: t("agreement.alpha"),
      value: coefficient(props.overall.alpha),
      band: null,
      help: t("agreement.alphaHelp"),
    },
  ];

  return (
    <div className="space-y-5">
      <section aria-labelledby="agreement-summary" className={`${cardClass} p-4`}>
        <h2 id="agreement-summary" className="text-sm font-semibold text-stone-500">
          {t("agreement.summary")}
        </h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          {summary.map((entry) => (
            <div key={entry.id}>
              <dt className="text-sm text-stone-600">{entry.label}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">
                {entry.value === "—" ? t("agreement.notComputable") : entry.value}
                {entry.band && <span className="ml-2 text-base font-normal text-stone-600">({entry.band})</span>}
              </dd>
              {entry.help && <dd className="mt-1 text-xs text-stone-500">{entry.help}</dd>}
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-stone-600">{t("agreement.papersCompared", { n: props.papers })}</p>
        {props.unplaced > 0 && (
          <p className="mt-1 text-sm text-amber-800">{t("agreement.unplaced", { n: props.unplaced })}</p>
        )}
      </section>
      <section aria-labelledby="agreement-by-theme" className={`${cardClass} overflow-x-auto`}>
        <h2 id="agreement-by-theme" className="px-4 pt-4 font-semibold">
          {t("agreement.byTheme")}
        </h2>
        <table className="mt-2 w-full text-sm" aria-labelledby="agreement-by-theme">
          {header([t("agreement.columns.theme")])}
          <tbody className="divide-y divide-stone-100">
            {props.themes.map((theme) => (
              <tr key={theme.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {"\u3000".repeat(theme.depth)}
                  {theme.name}
                </th>
                {figures(theme.figures)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="agreement-by-paper" className={`${cardClass} overflow-x-auto`}>
        <h2 id="agreement-by-paper" className="px-4 pt-4 font-semibold">
          {t("agreement.byThemeAndPaper")}
        </h2>
        <p className="px-4 text-xs text-stone-500">{t("agreement.byThemeAndPaperHelp")}</p>
        <table className="mt-2 w-full text-sm" aria-labelledby="agreement-by-paper">
          {header([t("agreement.columns.theme"), t("agreement.columns.paper")])}
          <tbody className="divide-y divide-stone-100">
            {props.cells.map((cell) => (
              <tr key={cell.key}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {cell.theme}
                </th>
                <td className="max-w-xs px-3 py-2">{cell.paper}</td>
                {figures(cell.figures)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
