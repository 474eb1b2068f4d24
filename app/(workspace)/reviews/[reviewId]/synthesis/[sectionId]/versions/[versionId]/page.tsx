import Link from "next/link";
import { DocumentComparison } from "@/components/synthesis/DocumentComparison";
import { comparisonLabels as comparisonWords } from "@/components/synthesis/comparison-labels";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { formatDateTime } from "@/lib/i18n/format-time";
import { getI18n } from "@/lib/i18n/server";
import { getSectionForEditor, getSectionVersion } from "@/lib/synthesis/queries";
import { comparisonLabels } from "@/lib/synthesis/compare-labels";
import { EMPTY_DOCUMENT } from "@/lib/synthesis/document-model";
import { changeBlocks, compareDocumentStructure, hasChanges } from "@/lib/synthesis/document-compare";

export default async function SectionVersionPage({
  params,
}: {
  params: Promise<{ reviewId: string; sectionId: string; versionId: string }>;
}) {
  const { reviewId, sectionId, versionId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/synthesis/${sectionId}/versions/${versionId}`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const [{ section }, { version, current }] = await Promise.all([
    loadOrNotFound(getSectionForEditor(access, sectionId)),
    loadOrNotFound(getSectionVersion(access, sectionId, versionId)),
  ]);
  const now = current?.content ?? EMPTY_DOCUMENT;
  const label = await comparisonLabels(access, sectionId, now, [version.content], locale === "zh" ? "zh-CN" : "en-US");
  const changes = compareDocumentStructure(version.content, now, label);
  const unchanged = !hasChanges(changes);
  const name = version.name ?? t(`synthesis.versionKinds.${version.kind}`);
  const editorHref = `/reviews/${reviewId}/synthesis/${sectionId}`;
  return (
    <div className="space-y-4">
      <Link href={editorHref} className="text-sm text-teal-700 hover:underline">
        ← {t("synthesis.backToEditor")} · {section.title}
      </Link>
      <header>
        <h1 className="text-xl font-semibold text-stone-900">{t("synthesis.versionTitle", { name })}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t(`synthesis.versionKinds.${version.kind}`)} ·{" "}
          {t("synthesis.versionBy", {
            who: version.createdBy?.name ?? "—",
            time: formatDateTime(locale, version.createdAt),
          })}
        </p>
      </header>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="compare-heading" className={`${cardClass} p-5`}>
          <h2 id="compare-heading" className="text-sm font-semibold text-stone-900">
            {t("synthesis.compareTitle")}
          </h2>
          <p className="mb-3 mt-1 text-xs text-stone-500">{t("synthesis.compareHelp")}</p>
          {unchanged ? (
            <p className="text-sm text-stone-600">{t("synthesis.noDifferences")}</p>
          ) : (
            <DocumentComparison blocks={changeBlocks(changes)} labels={comparisonWords(t)} />
          )}
        </section>
        <section aria-labelledby="version-text-heading" className={`${cardClass} p-5`}>
          <h2 id="version-text-heading" className="mb-3 text-sm font-semibold text-stone-900">
            {t("synthesis.versionText")}
          </h2>
          <div lang="zh-CN" className="whitespace-pre-wrap text-[15px] leading-8 text-stone-800">
            {version.text}
          </div>
        </section>
      </div>
    </div>
  );
}
