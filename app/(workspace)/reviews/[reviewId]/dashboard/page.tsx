import Link from "next/link";
import { ActivityFeed } from "@/components/activity/ActivityFeed";
import { StageBar, stageColor } from "@/components/dashboard/StageBar";
import { StoppingPanel } from "@/components/screening/StoppingPanel";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import { listActivity } from "@/lib/activity/queries";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { getDashboard, getWritingProgress } from "@/lib/dashboard/queries";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { libraryQueryString, parseLibraryParams } from "@/lib/library/query";
import { getStoppingStatus } from "@/lib/screening/ranking/stopping";
import { recordScreeningStopAction, updateStoppingRuleAction } from "../screening/actions";

const RECENT_EVENTS = 12;

const SECTION_COLOR = {
  DRAFTING: "#a8a29e",
  READY_FOR_REVIEW: "#0284c7",
  REVISED: "#d97706",
  APPROVED: "#059669",
} as const;

export default async function DashboardPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/dashboard`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const [dashboard, feed, stopping, writing] = await loadOrNotFound(
    Promise.all([
      getDashboard(access),
      listActivity(access, RECENT_EVENTS),
      getStoppingStatus(access),
      getWritingProgress(access),
    ]),
  );
  const base = `/reviews/${reviewId}`;
  const library = (filter: Record<string, string>) =>
    `${base}/library${libraryQueryString(parseLibraryParams(filter))}`;
  const name = (entry: { nameZh: string; nameEn: string | null }) => pick(locale, entry.nameZh, entry.nameEn) ?? "";
  const percent = (n: number) => (dashboard.total ? Math.round((n / dashboard.total) * 100) : 0);
  const stageSegments = dashboard.stages.map((stage, index) => ({
    id: stage.id,
    label: name(stage),
    count: stage.count,
    color: stageColor(index, stage.kind),
  }));
  const largestTheme = Math.max(1, ...dashboard.themes.map((theme) => theme.items));
  const { screening } = dashboard;
  const formatDate = (date: Date) =>
    new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium" }).format(date);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-sm text-stone-600">
          {t("dashboard.itemsTotal", { n: dashboard.total })}
          {dashboard.trashed > 0 && (
            <>
              {" · "}
              <Link href={`${base}/trash`} className="text-teal-700 hover:underline">
                {t("dashboard.trashed", { n: dashboard.trashed })}
              </Link>
            </>
          )}
        </p>
      </header>

      <section aria-labelledby="stages-heading" className={`${cardClass} p-5`}>
        <h2 id="stages-heading" className="mb-3 font-semibold">
          {t("dashboard.stagesTitle")}
        </h2>
        <StageBar
          segments={stageSegments}
          label={`${t("dashboard.stagesChart")}: ${stageSegments.map((segment) => `${segment.label} ${segment.count}`).join(locale === "zh" ? "，" : ", ")}`}
          height="h-4"
        />
        <ul className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {stageSegments.map((segment) => (
            <li key={segment.id}>
              <Link
                href={library({ stage: segment.id })}
                aria-label={`${t("dashboard.stageRow", { stage: segment.label, n: segment.count, pct: percent(segment.count) })} — ${t("dashboard.showInLibrary", { name: segment.label })}`}
                className="group flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-stone-50"
              >
                <span aria-hidden className="h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: segment.color }} />
                <span className="flex-1 group-hover:underline">{segment.label}</span>
                <span className="tabular-nums font-medium">{segment.count}</span>
                <span className="w-10 text-right tabular-nums text-stone-500">{percent(segment.count)}%</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="screening-heading" className={`${cardClass} min-w-0 p-5`}>
          <h2 id="screening-heading" className="mb-3 font-semibold">
            {t("dashboard.screeningTitle")}
          </h2>
          <div
            className={`flex flex-wrap items-center justify-between gap-3 rounded-md px-3 py-2 ${screening.conflicts ? "bg-amber-50 text-amber-950" : "bg-stone-50 text-stone-600"}`}
          >
            <p className="font-medium">
              {screening.conflicts
                ? t("dashboard.conflictsWaiting", { n: screening.conflicts })
                : t("dashboard.noConflicts")}
            </p>
            {screening.conflicts > 0 && can(dashboard.role, "screening.resolve") && (
              <Link href={`${base}/screening/conflicts`} className={buttonPrimary}>
                {t("dashboard.resolveConflicts")}
              </Link>
            )}
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {(
              [
                ["unscreened", screening.unscreened],
                ["inProgress", screening.inProgress],
                ["included", screening.included],
                ["excluded", screening.excluded],
              ] as const
            ).map(([key, n]) => (
              <div key={key} className="rounded-md border border-stone-200 px-3 py-2">
                <dt className="text-xs text-stone-500">{t(`dashboard.${key}`)}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{n}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4 flex flex-wrap gap-2">
            {can(dashboard.role, "screening.vote") && (
              <Link href={`${base}/screening`} className={buttonSecondary}>
                {t("dashboard.goScreening")}
              </Link>
            )}
            <Link href={`${base}/screening/prisma`} className={buttonSecondary}>
              {t("dashboard.prisma")}
            </Link>
          </div>
          <div className="mt-5 border-t border-stone-100 pt-4">
            <StoppingPanel
              reviewId={reviewId}
              role={dashboard.role}
              status={stopping.status}
              stops={stopping.stops}
              updateRule={updateStoppingRuleAction}
              recordStop={recordScreeningStopAction}
            />
          </div>
        </section>

        <section aria-labelledby="writing-heading" className={`${cardClass} min-w-0 space-y-5 p-5`}>
          <div>
            <h2 id="writing-heading" className="mb-3 font-semibold">
              {t("dashboard.writingTitle")}
            </h2>
            {writing.sectionTotal === 0 ? (
              <p className="text-sm text-stone-500">{t("dashboard.noSections")}</p>
            ) : (
              <>
                <StageBar
                  segments={writing.sections.map((row) => ({
                    id: row.status,
                    label: t(`synthesis.statuses.${row.status}`),
                    count: row.count,
                    color: SECTION_COLOR[row.status],
                  }))}
                  label={`${t("dashboard.writingChart")}: ${writing.sections.map((row) => `${t(`synthesis.statuses.${row.status}`)} ${row.count}`).join(locale === "zh" ? "，" : ", ")}`}
                  height="h-3"
                />
                <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
                  {writing.sections.map((row) => (
                    <div key={row.status} className="rounded-md border border-stone-200 px-3 py-2">
                      <dt className="flex items-center gap-1.5 text-xs text-stone-500">
                        <span
                          aria-hidden
                          className="size-2.5 rounded-sm"
                          style={{ backgroundColor: SECTION_COLOR[row.status] }}
                        />
                        {t(`synthesis.statuses.${row.status}`)}
                      </dt>
                      <dd className="text-2xl font-semibold tabular-nums">{row.count}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
            <Link href={`${base}/synthesis`} className={`${buttonSecondary} mt-4`}>
              {t("dashboard.goWriting")}
            </Link>
          </div>
          <div className="border-t border-stone-100 pt-4">
            <h3 className="mb-2 text-sm font-semibold">{t("dashboard.roundsTitle")}</h3>
            {writing.rounds.length === 0 ? (
              <p className="text-sm text-stone-500">{t("dashboard.noOpenRounds")}</p>
            ) : (
              <ul className="space-y-2">
                {writing.rounds.map((round) => (
                  <li key={round.id} className="rounded-md border border-stone-200 px-3 py-2 text-sm">
                    <Link href={`${base}/rounds/${round.id}`} className="font-medium text-teal-800 hover:underline">
                      {t("dashboard.roundName", { n: round.number, title: round.title })}
                    </Link>
                    <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-stone-600">
                      <span>{t("dashboard.roundSections", { n: round.sections })}</span>
                      <span className={round.openComments ? "font-medium text-amber-900" : undefined}>
                        {t("dashboard.roundOpenComments", { n: round.openComments })}
                      </span>
                      <span className={round.pendingSuggestions ? "font-medium text-amber-900" : undefined}>
                        {t("dashboard.roundPendingSuggestions", { n: round.pendingSuggestions })}
                      </span>
                      {round.dueAt && <span>{t("dashboard.roundDue", { date: formatDate(round.dueAt) })}</span>}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
      </div>

      <div className="grid gap-6">
        <section aria-labelledby="themes-heading" className={`${cardClass} min-w-0 p-5`}>
          <h2 id="themes-heading" className="font-semibold">
            {t("dashboard.themesTitle")}
          </h2>
          <p className="mb-3 text-xs text-stone-500">{t("dashboard.themesHelp")}</p>
          {dashboard.themes.length === 0 ? (
            <p className="text-sm text-stone-500">{t("dashboard.noThemes")}</p>
          ) : (
            <ul className="space-y-2">
              {dashboard.themes.map((theme) => (
                <li key={theme.id}>
                  <Link
                    href={library({ theme: theme.id })}
                    aria-label={`${t("dashboard.themeRow", { theme: name(theme), n: theme.items })} — ${t("dashboard.showInLibrary", { name: name(theme) })}`}
                    className="group grid grid-cols-[minmax(0,10rem)_1fr_2.5rem] items-center gap-3 text-sm"
                  >
                    <span className="truncate group-hover:underline">{name(theme)}</span>
                    <span className="h-2.5 overflow-hidden rounded-full bg-stone-100" aria-hidden>
                      <span
                        className="block h-full rounded-full"
                        style={{ width: `${(theme.items / largestTheme) * 100}%`, backgroundColor: theme.color }}
                      />
                    </span>
                    <span className="text-right tabular-nums">{theme.items}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="members-heading" className={`${cardClass} p-5`}>
        <h2 id="members-heading" className="font-semibold">
          {t("dashboard.membersTitle")}
        </h2>
        <p className="mb-3 text-xs text-stone-500">{t("dashboard.membersHelp", { days: dashboard.recentDays })}</p>
        <ul className="divide-y divide-stone-100">
          {dashboard.members.map((member) => {
            const segments = member.assignedByStage.map((entry) => {
              const index = dashboard.stages.findIndex((stage) => stage.id === entry.stageId);
              const stage = dashboard.stages[index]!;
              return { id: stage.id, label: name(stage), count: entry.count, color: stageColor(index, stage.kind) };
            });
            const detail = segments
              .filter((segment) => segment.count > 0)
              .map((segment) => `${segment.label} ${segment.count}`)
              .join(locale === "zh" ? "，" : ", ");
            return (
              <li key={member.id} className="grid gap-2 py-3 sm:grid-cols-[12rem_1fr_auto] sm:items-center">
                <div>
                  <Link
                    href={library({ assignee: member.id })}
                    className="font-medium text-stone-900 hover:text-teal-800 hover:underline"
                  >
                    {member.name}
                  </Link>
                  <span className="ml-2 text-xs text-stone-500">{t(`roles.${member.role}`)}</span>
                </div>
                {member.assigned > 0 ? (
                  <StageBar
                    segments={segments}
                    label={t("dashboard.memberChart", { name: member.name, detail })}
                    height="h-2.5"
                  />
                ) : (
                  <span className="text-sm text-stone-500">{t("dashboard.noAssignments")}</span>
                )}
                <p className="flex flex-wrap gap-x-3 text-xs text-stone-600 sm:justify-end">
                  <span>{t("dashboard.memberAssigned", { n: member.assigned })}</span>
                  <span>{t("dashboard.memberVotes", { n: member.votes })}</span>
                  <span>{t("dashboard.memberChanges", { n: member.recentChanges, days: dashboard.recentDays })}</span>
                </p>
              </li>
            );
          })}
        </ul>
        {dashboard.unassigned > 0 && (
          <p className="mt-2 text-sm">
            <Link href={library({ assignee: "none" })} className="text-teal-700 hover:underline">
              {t("dashboard.unassigned", { n: dashboard.unassigned })}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="activity-heading" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="activity-heading" className="font-semibold">
            {t("dashboard.activityTitle")}
          </h2>
          <Link href={`${base}/activity`} className="text-sm text-teal-700 hover:underline">
            {t("dashboard.allActivity")} →
          </Link>
        </div>
        <ActivityFeed feed={feed} reviewId={reviewId} locale={locale} t={t} />
      </section>
    </div>
  );
}
