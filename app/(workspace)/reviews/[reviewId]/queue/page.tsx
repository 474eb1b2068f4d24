import Link from "next/link";
import { ThemeFilter } from "@/components/themes/ThemeFilter";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { authorList } from "@/lib/items/display";
import { listThemeOptions } from "@/lib/coding/queries";
import { listMyQueue } from "@/lib/workflow/queries";

export default async function MyQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<{ theme?: string }>;
}) {
  const { reviewId } = await params;
  const { theme } = await searchParams;
  const user = await requirePageUser(`/reviews/${reviewId}/queue`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const themeFilter = typeof theme === "string" && theme.length <= 64 && theme ? theme : undefined;
  const groups = await loadOrNotFound(listMyQueue(access, { theme: themeFilter }));
  const themes = await listThemeOptions(access);
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-xl font-semibold">{t("workflow.queueTitle")}</h1>
          <ThemeFilter
            themes={themes.map((entry) => ({
              id: entry.id,
              name: pick(locale, entry.nameZh, entry.nameEn) ?? "",
              depth: entry.depth,
            }))}
            value={themeFilter}
            t={t}
          />
        </div>
        <p className="mt-1 text-sm text-stone-600">
          {total === 0
            ? themeFilter
              ? t("library.noMatch")
              : t("workflow.queueEmpty")
            : `${t("workflow.queueHelp")} ${t("workflow.queueCount", { n: total })}`}
        </p>
      </header>
      {total > 0 && (
        <div className="space-y-4">
          {groups.map(({ stage, items }) => {
            const stageName = locale === "zh" ? stage.nameZh : stage.nameEn;
            return (
              <section key={stage.id} aria-labelledby={`queue-${stage.id}`} className={`${cardClass} overflow-hidden`}>
                <h2
                  id={`queue-${stage.id}`}
                  className="flex items-baseline justify-between border-b border-stone-100 bg-stone-50 px-4 py-2 text-sm font-semibold"
                >
                  <span>{stageName}</span>
                  <span className="font-normal tabular-nums text-stone-500">{items.length}</span>
                </h2>
                {items.length === 0 ? (
                  <p className="px-4 py-3 text-sm text-stone-500">{t("workflow.queueStageEmpty")}</p>
                ) : (
                  <ul className="divide-y divide-stone-100">
                    {items.map((item) => {
                      const title = pick(locale, item.titleZh, item.titleEn) ?? t("item.untitled");
                      const meta = [
                        item.authors.length ? authorList(locale, item.authors) : null,
                        pick(locale, item.journalZh, item.journalEn),
                        item.year,
                      ].filter(Boolean);
                      return (
                        <li key={item.id} className="px-4 py-2.5">
                          <Link
                            href={`/reviews/${reviewId}/items/${item.id}`}
                            className="font-medium text-stone-900 hover:text-teal-800 hover:underline"
                          >
                            {title}
                          </Link>
                          {meta.length > 0 && <p className="text-xs text-stone-500">{meta.join(" · ")}</p>}
                          {item.themes.length > 0 && (
                            <ul className="mt-1 flex flex-wrap gap-1">
                              {item.themes.map(({ theme: tag }) => (
                                <li
                                  key={tag.id}
                                  className="rounded px-1.5 text-[11px] text-white"
                                  style={{ backgroundColor: tag.color }}
                                >
                                  {pick(locale, tag.nameZh, tag.nameEn)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
