import Link from "next/link";
import { ImportWizard } from "@/components/import/ImportWizard";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { formatBytes, MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { getReview } from "@/lib/reviews/queries";

export default async function ImportPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/library/import`);
  const access = await getPageAccess(user.id, reviewId);
  const { t } = await getI18n();
  const review = await loadOrNotFound(getReview(access));
  const library = `/reviews/${reviewId}/library`;
  return (
    <div className="space-y-4">
      <p>
        <Link href={library} className="text-sm text-teal-700 hover:underline">
          ← {t("editing.backToLibrary")}
        </Link>
      </p>
      <header className="max-w-3xl">
        <h1 className="text-xl font-semibold">{t("transfer.importTitle")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("transfer.importIntro")}</p>
        <p className="mt-1 text-xs text-stone-500">{t("transfer.formats", { limit: formatBytes(MAX_IMPORT_BYTES) })}</p>
      </header>
      {can(review.role, "item.create") ? (
        <ImportWizard reviewId={reviewId} maxBytes={MAX_IMPORT_BYTES} />
      ) : (
        <p role="status" className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">
          {t("item.readOnly", { role: t(`roles.${review.role}`) })}
        </p>
      )}
    </div>
  );
}
