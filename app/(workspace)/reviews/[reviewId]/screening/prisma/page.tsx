import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { renderPrismaSvg } from "@/lib/screening/prisma-diagram";
import { getPrismaFlow } from "@/lib/screening/prisma-flow";
import { prismaLabels } from "@/lib/screening/prisma-labels";

export default async function PrismaPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/screening/prisma`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const counts = await loadOrNotFound(getPrismaFlow(access));
  const svg = renderPrismaSvg(counts, prismaLabels(locale));
  const rows: [string, number][] = [
    [t("screening.identified"), counts.identified],
    [t("screening.otherMethods"), counts.identifiedByOtherMethods],
    [t("screening.duplicates"), counts.duplicatesRemoved],
    [t("screening.screened"), counts.screened],
    [counts.stoppedByRule ? t("ranking.prismaNotScreened") : t("screening.awaiting"), counts.awaitingScreening],
    [t("screening.excludedAtScreening"), counts.excludedAtScreening],
    [t("screening.assessed"), counts.assessedForEligibility],
    [t("screening.excludedAfterScreening"), counts.excludedAfterScreening],
    [t("screening.includedStudies"), counts.included],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-2xl text-sm text-stone-600">{t("screening.prismaHelp")}</p>
        <a
          href={`/reviews/${reviewId}/screening/prisma.svg?lang=${locale}`}
          download="prisma-flow.svg"
          className={buttonSecondary}
        >
          {t("screening.download")}
        </a>
      </div>
      {/* The SVG is built from escaped text by renderPrismaSvg; it is the same document the download sends. */}
      <div className={`${cardClass} overflow-x-auto p-4`} dangerouslySetInnerHTML={{ __html: svg }} />
      <table className={`${cardClass} w-full max-w-xl text-sm`}>
        <caption className="px-4 pt-3 text-left font-semibold">{t("screening.table")}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{t("screening.stage")}</th>
            <th scope="col">{t("screening.number")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="px-4 py-1.5 text-left font-normal text-stone-700">
                {label}
              </th>
              <td className="px-4 py-1.5 text-right tabular-nums">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
