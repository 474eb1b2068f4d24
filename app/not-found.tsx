import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("errors.notFoundBody")}</p>
      <Link href="/reviews" className="mt-6 inline-block text-teal-700 underline">
        {t("errors.backToReviews")}
      </Link>
    </main>
  );
}
