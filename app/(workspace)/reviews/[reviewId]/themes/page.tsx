import Link from "next/link";
import { CodebookImport } from "@/components/themes/CodebookImport";
import { ThemeForm } from "@/components/themes/ThemeForm";
import { ThemeRowActions } from "@/components/themes/ThemeRowActions";
import { RestoreTheme } from "@/components/themes/RestoreTheme";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { CODEBOOK_PALETTE } from "@/lib/themes/codebook-exchange";
import { listCodebook } from "@/lib/themes/queries";
import {
  archiveThemeAction,
  createThemeAction,
  importCodebookAction,
  mergeThemesAction,
  moveThemeAction,
  updateThemeAction,
} from "./actions";

export default async function CodebookPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/themes`);
  const { locale, t } = await getI18n();
  const access = await getPageAccess(user.id, reviewId);
  const codebook = await loadOrNotFound(listCodebook(access));
  const canManage = can(codebook.role, "theme.manage");
  const base = `/reviews/${reviewId}`;
  const name = (theme: { nameZh: string; nameEn: string | null }) => pick(locale, theme.nameZh, theme.nameEn) ?? "";
  const parents = codebook.live.map((theme) => ({ id: theme.id, name: name(theme), depth: theme.depth }));
  const siblingsOf = (parentId: string | null) => codebook.live.filter((theme) => theme.parentId === parentId);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="codebook-heading" className="min-w-0 space-y-4">
        <header>
          <h1 id="codebook-heading" className="text-xl font-semibold">
            {t("coding.codebookTitle")}
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("coding.codebookHelp")}</p>
        </header>
        <ul className={`${cardClass} divide-y divide-stone-100`}>
          {codebook.live.map((theme) => {
            const siblings = siblingsOf(theme.parentId);
            return (
              <li key={theme.id} className="space-y-2 px-4 py-3" style={{ paddingLeft: `${1 + theme.depth * 1.5}rem` }}>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span
                    aria-hidden
                    className="h-3.5 w-3.5 shrink-0 self-center rounded"
                    style={{ backgroundColor: theme.color }}
                  />
                  <Link
                    href={`${base}/themes/${theme.id}`}
                    className="font-medium text-stone-900 hover:text-teal-800 hover:underline"
                  >
                    {theme.nameZh}
                  </Link>
                  {theme.nameEn && <span className="text-sm text-stone-500">{theme.nameEn}</span>}
                  <span className="ml-auto text-xs text-stone-500">
                    {t("coding.counts", { items: theme.itemCount, passages: theme.passageCount })}
                  </span>
                </div>
                {theme.definitionZh || theme.definitionEn ? (
                  <p className="text-sm text-stone-600">{pick(locale, theme.definitionZh, theme.definitionEn)}</p>
                ) : null}
                {canManage && (
                  <>
                    <ThemeRowActions
                      reviewId={reviewId}
                      theme={{ id: theme.id, name: name(theme) }}
                      others={codebook.live
                        .filter((other) => other.id !== theme.id)
                        .map((other) => ({ id: other.id, name: name(other) }))}
                      first={siblings[0]?.id === theme.id}
                      last={siblings.at(-1)?.id === theme.id}
                      actions={{ move: moveThemeAction, archive: archiveThemeAction, merge: mergeThemesAction }}
                    />
                    <details className="rounded-md border border-stone-200">
                      <summary className="cursor-pointer px-3 py-1.5 text-sm text-teal-800">
                        {t("coding.edit", { name: name(theme) })}
                      </summary>
                      <div className="border-t border-stone-200 p-3">
                        <ThemeForm
                          reviewId={reviewId}
                          initial={theme}
                          parents={parents}
                          action={updateThemeAction}
                          submitLabel={t("coding.save")}
                          pendingLabel={t("coding.savingCoding")}
                          doneLabel={t("coding.saved")}
                        />
                      </div>
                    </details>
                  </>
                )}
              </li>
            );
          })}
        </ul>
        {codebook.archived.length > 0 && (
          <section aria-labelledby="archived-heading" className="space-y-2">
            <h2 id="archived-heading" className="text-sm font-semibold text-stone-600">
              {t("coding.archivedTitle")}
            </h2>
            <ul className={`${cardClass} divide-y divide-stone-100 text-sm`}>
              {codebook.archived.map((theme) => (
                <li key={theme.id} className="flex flex-wrap items-center gap-3 px-4 py-2 text-stone-600">
                  <span aria-hidden className="h-3 w-3 rounded opacity-60" style={{ backgroundColor: theme.color }} />
                  <Link href={`${base}/themes/${theme.id}`} className="hover:underline">
                    {name(theme)}
                  </Link>
                  {theme.mergedInto ? (
                    <span className="text-xs">{t("coding.mergedInto", { name: name(theme.mergedInto) })}</span>
                  ) : (
                    canManage && (
                      <RestoreTheme
                        reviewId={reviewId}
                        themeId={theme.id}
                        name={name(theme)}
                        action={archiveThemeAction}
                      />
                    )
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>

      <aside className="space-y-4">
        {canManage && (
          <section aria-labelledby="new-theme-heading" className={`${cardClass} p-4`}>
            <h2 id="new-theme-heading" className="mb-3 font-semibold">
              {t("coding.newTheme")}
            </h2>
            <ThemeForm
              reviewId={reviewId}
              initial={{
                nameZh: "",
                nameEn: null,
                color: CODEBOOK_PALETTE[codebook.live.length % CODEBOOK_PALETTE.length]!,
                definitionZh: null,
                definitionEn: null,
                inclusionNotes: null,
                parentId: null,
              }}
              parents={parents}
              action={createThemeAction}
              submitLabel={t("coding.create")}
              pendingLabel={t("coding.creating")}
              doneLabel={t("coding.created")}
            />
          </section>
        )}
        <section aria-labelledby="exchange-heading" className={`${cardClass} space-y-3 p-4`}>
          <h2 id="exchange-heading" className="font-semibold">
            {t("coding.exchangeTitle")}
          </h2>
          <p className="text-xs text-stone-500">{t("coding.exchangeHelp")}</p>
          <div className="flex flex-wrap gap-2">
            <a href={`${base}/themes/codebook.csv`} className={buttonSecondary} download>
              {t("coding.exportCsv")}
            </a>
            <a href={`${base}/themes/codebook.qdc`} className={buttonSecondary} download>
              {t("coding.exportQdc")}
            </a>
            <a href={`${base}/themes/passages.csv`} className={buttonSecondary} download>
              {t("transfer.exportCodings")}
            </a>
          </div>
          {canManage && <CodebookImport reviewId={reviewId} action={importCodebookAction} />}
        </section>
        <Link href={`${base}/themes/compare`} className="block text-sm text-teal-700 hover:underline">
          {t("coding.compareCoders")} →
        </Link>
        <Link href={`${base}/themes/agreement`} className="block text-sm text-teal-700 hover:underline">
          {t("agreement.openLink")} →
        </Link>
      </aside>
    </div>
  );
}
