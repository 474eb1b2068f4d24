import { ReviewNav } from "@/components/shell/ReviewNav";
import { ReviewSwitcher } from "@/components/shell/ReviewSwitcher";
import { SearchBox } from "@/components/search/SearchBox";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { getReview, listMyReviews } from "@/lib/reviews/queries";

export default async function ReviewLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ reviewId: string }>;
}) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/dashboard`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const [review, reviews] = await Promise.all([loadOrNotFound(getReview(access)), listMyReviews(user.id)]);
  const base = `/reviews/${reviewId}`;
  const links = [
    { href: `${base}/dashboard`, label: t("nav.dashboard") },
    { href: `${base}/library`, label: t("nav.library") },
    { href: `${base}/board`, label: t("nav.board") },
    { href: `${base}/screening`, label: t("nav.screening") },
    { href: `${base}/themes`, label: t("coding.navThemes") },
    { href: `${base}/matrix`, label: t("coding.navMatrix") },
    { href: `${base}/references`, label: t("references.sharedNav") },
    { href: `${base}/synthesis`, label: t("synthesis.nav") },
    { href: `${base}/rounds`, label: t("rounds.nav") },
    ...(can(review.role, "item.changeStage") ? [{ href: `${base}/queue`, label: t("nav.queue") }] : []),
    { href: `${base}/activity`, label: t("nav.activity") },
    { href: `${base}/search`, label: t("search.nav") },
    ...(can(review.role, "members.read") ? [{ href: `${base}/members`, label: t("nav.members") }] : []),
    { href: `${base}/settings`, label: t("nav.settings") },
  ];
  return (
    <>
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-7xl px-4 pt-4 sm:px-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <ReviewSwitcher
              label={t("nav.switchReview")}
              current={pick(locale, review.titleZh, review.titleEn) ?? ""}
              reviews={reviews.map((r) => ({
                id: r.id,
                title: pick(locale, r.titleZh, r.titleEn) ?? "",
                role: t(`roles.${r.role}`),
              }))}
            />
            <span className="flex items-center gap-3">
              <SearchBox reviewId={reviewId} />
              <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs text-stone-600">
                {t("reviews.yourRole")}: {t(`roles.${review.role}`)}
              </span>
            </span>
          </div>
          <div className="mt-3">
            <ReviewNav label={t("nav.mainNavigation")} links={links} />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</div>
    </>
  );
}
