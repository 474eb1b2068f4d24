import type { Locale } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translate";
import type { PrismaLabels } from "./prisma-diagram";

/** The diagram's wording in one language; the same labels serve the page and the downloaded file. */
export function prismaLabels(locale: Locale): PrismaLabels {
  const t = translator(locale);
  return {
    title: t("screening.prismaTitle"),
    identification: t("screening.phaseIdentification"),
    screening: t("screening.phaseScreening"),
    included: t("screening.phaseIncluded"),
    identified: t("screening.identified"),
    otherMethods: t("screening.otherMethods"),
    duplicates: t("screening.duplicates"),
    screened: t("screening.screened"),
    awaiting: t("screening.awaiting"),
    notScreened: t("ranking.prismaNotScreened"),
    excludedAtScreening: t("screening.excludedAtScreening"),
    assessed: t("screening.assessed"),
    excludedAfterScreening: t("screening.excludedAfterScreening"),
    includedStudies: t("screening.includedStudies"),
    count: (n) => t("screening.count", { n }),
    source: (source) => t(`source.${source as "MANUAL"}`),
    reason: (reason) => (locale === "zh" ? reason.labelZh : reason.labelEn),
  };
}
