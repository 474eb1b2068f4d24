import Link from "next/link";
import { AgreementTables } from "@/components/coding/AgreementTables";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { loadAgreementReport, MAX_AGREEMENT_CODERS } from "@/lib/coding/agreement-report";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { getPageAccess } from "@/lib/authz/request-access";
import { listMembers } from "@/lib/members/queries";

export default async function CodingAgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/themes/agreement`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const search = await searchParams;
  const members = await loadOrNotFound(listMembers(access));
  const coders = members
    .filter((member) => can(member.role, "coding.write"))
    .map((member) => ({ id: member.user.id, name: member.user.name }));
  const asked = search.coder === undefined ? null : [...new Set([search.coder].flat().filter((id) => !!id))];
  const chosen = asked ?? coders.slice(0, 2).map((coder) => coder.id);
  const problem =
    asked && asked.length < 2
      ? t("agreement.chooseAtLeastTwo")
      : asked && asked.length > MAX_AGREEMENT_CODERS
        ? t("agreement.tooMany", { n: MAX_AGREEMENT_CODERS })
        : null;
  const report = asked && !problem ? await loadOrNotFound(loadAgreementReport(access, { coderIds: asked })) : null;
  const base = `/reviews/${reviewId}`;
  const query = new URLSearchParams(chosen.map((id) => ["coder", id])).toString();
  const title = (item: { titleZh: string | null; titleEn: string | null }) =>
    pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled");

  return (
    <section aria-labelledby="agreement-heading" className="mx-auto max-w-6xl space-y-5">
      <p className="flex gap-4 text-sm">
        <Link href={`${base}/themes`} className="text-teal-700 hover:underline">
          ← {t("coding.codebookTitle")}
        </Link>
        <Link href={`${base}/themes/compare`} className="text-teal-700 hover:underline">
          {t("agreement.backToCompare")}
        </Link>
      </p>
      <header>
        <h1 id="agreement-heading" className="text-xl font-semibold">
          {t("agreement.title")}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("agreement.help")}</p>
      </header>
      {coders.length === 0 ? (
        <p className="text-sm text-stone-600">{t("agreement.noCoders")}</p>
      ) : (
        <form method="get" className={`${cardClass} flex flex-wrap items-end gap-4 p-4`}>
          <fieldset>
            <legend className="text-sm font-medium text-stone-700">{t("agreement.coders")}</legend>
            <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
              {coders.map((coder) => (
                <label key={coder.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="coder" value={coder.id} defaultChecked={chosen.includes(coder.id)} />
                  {coder.name}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className={buttonPrimary}>
            {t("agreement.compare")}
          </button>
          {report && (
            <a href={`${base}/themes/agreement.csv?${query}`} className={buttonSecondary} download>
              {t("agreement.downloadCsv")}
            </a>
          )}
        </form>
      )}
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
      {report &&
        (report.itemIds.length === 0 ? (
          <p className="text-sm text-stone-600">{t("agreement.noPapers")}</p>
        ) : (
          <AgreementTables
            coders={report.coders}
            papers={report.itemIds.length}
            unplaced={report.unplaced}
            overall={report.overall}
            themes={report.themes.map((row) => ({
              id: row.themeId,
              name: pick(locale, row.theme.nameZh, row.theme.nameEn) ?? "",
              depth: row.theme.depth,
              figures: row.figures,
            }))}
            cells={report.cells.map((row) => ({
              key: `${row.themeId}/${row.itemId}`,
              theme: pick(locale, row.theme.nameZh, row.theme.nameEn) ?? "",
              paper: title(row.item),
              figures: row.figures,
            }))}
          />
        ))}
    </section>
  );
}
