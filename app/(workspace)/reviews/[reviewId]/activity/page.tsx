import { ActivityFeed } from "@/components/activity/ActivityFeed";
import { listActivity } from "@/lib/activity/queries";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";

export default async function ActivityPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/activity`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const feed = await loadOrNotFound(listActivity(access));
  return (
    <section aria-labelledby="activity-heading" className="max-w-3xl">
      <h1 id="activity-heading" className="mb-4 text-lg font-semibold">
        {t("activity.title")}
      </h1>
      <ActivityFeed feed={feed} reviewId={reviewId} locale={locale} t={t} />
    </section>
  );
}
