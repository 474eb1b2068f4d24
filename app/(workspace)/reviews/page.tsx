import Link from "next/link";
import { formatDate } from "@/lib/i18n/format-time";
import { RestoreBackupForm } from "@/components/backup/RestoreBackupForm";
import { CreateReviewForm } from "@/components/reviews/CreateReviewForm";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { listMyReviews } from "@/lib/reviews/queries";
import { createReviewAction } from "./actions";

export default async function ReviewsPage() {
  const user = await requirePageUser("/reviews");
  const { locale, t } = await getI18n();
  const reviews = await listMyReviews(user.id);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold">{t("reviews.title")}</h1>
      {reviews.length === 0 ? (
        <p className="mt-4 text-stone-600">{t("reviews.empty")}</p>
      ) : (
        <ul className="mt-6 grid gap-3">
          {reviews.map((review) => (
            <li key={review.id} className={`${cardClass} p-4`}>
              <Link
                href={`/reviews/${review.id}/dashboard`}
                className="text-lg font-medium text-teal-800 hover:underline"
              >
                {pick(locale, review.titleZh, review.titleEn)}
              </Link>
              {review.titleZh && review.titleEn && (
                <p className="text-sm text-stone-500" lang={locale === "zh" ? "en" : "zh-CN"}>
                  {locale === "zh" ? review.titleEn : review.titleZh}
                </p>
              )}
              <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-stone-600">
                <span>{t("reviews.items", { n: review._count.items })}</span>
                <span>{t("reviews.members", { n: review._count.memberships })}</span>
                {/* Tells apart copies restored from a backup, which keep the original's title. */}
                <span>{t("reviews.created", { date: formatDate(locale, review.createdAt) })}</span>
                <span>
                  {t("reviews.yourRole")}: {t(`roles.${review.role}`)}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <section className={`${cardClass} mt-8 p-4`}>
        <h2 className="mb-3 font-medium">{t("reviews.create")}</h2>
        <CreateReviewForm action={createReviewAction} />
      </section>
      <section className={`${cardClass} mt-4 p-4`} aria-labelledby="restore-heading">
        <h2 id="restore-heading" className="font-medium">
          {t("backup.restoreTitle")}
        </h2>
        <p className="mb-3 mt-1 text-sm text-stone-600">{t("backup.restoreHelp")}</p>
        <RestoreBackupForm />
      </section>
    </div>
  );
}
