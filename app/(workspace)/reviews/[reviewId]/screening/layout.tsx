import { ScreeningTabs } from "@/components/screening/ScreeningTabs";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { countScreeningConflicts } from "@/lib/screening/queries";

export default async function ScreeningLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ reviewId: string }>;
}) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/screening`);
  const access = await getPageAccess(user.id, reviewId);
  const { t } = await getI18n();
  const conflicts = await loadOrNotFound(countScreeningConflicts(access));
  const base = `/reviews/${reviewId}/screening`;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("screening.title")}</h1>
        <ScreeningTabs
          label={t("screening.subnav")}
          links={[
            { href: base, label: t("screening.desk") },
            {
              href: `${base}/conflicts`,
              label: conflicts ? t("screening.conflictsCount", { n: conflicts }) : t("screening.conflicts"),
            },
            { href: `${base}/prisma`, label: t("screening.prisma") },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
