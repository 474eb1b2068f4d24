import Link from "next/link";
import { Board, type BoardColumn } from "@/components/board/Board";
import { ThemeFilter } from "@/components/themes/ThemeFilter";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { getBoard } from "@/lib/board/queries";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { authorName } from "@/lib/items/display";
import { listExclusionReasons } from "@/lib/stages/queries";
import { listThemeOptions } from "@/lib/coding/queries";
import { moveCardAction, tagCardAction } from "./actions";

export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<{ mine?: string; more?: string; theme?: string }>;
}) {
  const { reviewId } = await params;
  const { mine, more, theme } = await searchParams;
  const user = await requirePageUser(`/reviews/${reviewId}/board`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const onlyMine = mine === "1";
  const expanded = typeof more === "string" ? more.split(",").slice(0, 20) : [];
  const themeFilter = typeof theme === "string" && theme.length <= 64 ? theme : undefined;
  const board = await loadOrNotFound(getBoard(access, { mine: onlyMine, expanded, theme: themeFilter }));
  const canMove = can(board.role, "item.changeStage");
  const themes = (await listThemeOptions(access)).map((entry) => ({
    id: entry.id,
    name: pick(locale, entry.nameZh, entry.nameEn) ?? "",
    color: entry.color,
    depth: entry.depth,
  }));
  const reasons = canMove ? await listExclusionReasons(access) : [];
  const base = `/reviews/${reviewId}/board`;
  const link = (change: { mine?: boolean; more?: string[] }) => {
    const search = new URLSearchParams();
    if (change.mine ?? onlyMine) search.set("mine", "1");
    if (themeFilter) search.set("theme", themeFilter);
    const expand = change.more ?? expanded;
    if (expand.length) search.set("more", expand.join(","));
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };
  const columns: BoardColumn[] = board.columns.map(({ stage, count, cards }) => ({
    id: stage.id,
    name: locale === "zh" ? stage.nameZh : stage.nameEn,
    excluded: stage.kind === "EXCLUDED",
    count,
    moreHref: expanded.includes(stage.id) ? null : link({ more: [...expanded, stage.id] }),
    cards: cards.map((card) => ({
      id: card.id,
      href: `/reviews/${reviewId}/items/${card.id}`,
      title: pick(locale, card.titleZh, card.titleEn) ?? t("board.untitled"),
      author: card.authors[0] ? authorName(locale, card.authors[0]) : null,
      year: card.year,
      assignees: card.assignments.map((assignment) => assignment.user.name),
      themes: card.themes.map(({ theme }) => ({
        id: theme.id,
        color: theme.color,
        name: pick(locale, theme.nameZh, theme.nameEn) ?? "",
      })),
    })),
  }));
  return (
    <section aria-labelledby="board-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 id="board-heading" className="text-xl font-semibold">
            {t("board.title")}
          </h1>
          <p className="text-sm text-stone-600">
            {canMove ? t("board.help") : t("board.readOnly", { role: t(`roles.${board.role}`) })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ThemeFilter themes={themes} value={themeFilter} hidden={onlyMine ? { mine: "1" } : {}} t={t} />
          {canMove && (
            <Link
              href={link({ mine: !onlyMine })}
              role="switch"
              aria-checked={onlyMine}
              className={`rounded-full border px-3 py-1 text-sm ${onlyMine ? "border-teal-700 bg-teal-700 text-white" : "border-stone-300 bg-white text-stone-700 hover:bg-stone-50"}`}
            >
              {t("board.onlyMine")}
            </Link>
          )}
        </div>
      </div>
      <Board
        key={`${onlyMine}-${expanded.join(",")}-${themeFilter ?? ""}`}
        reviewId={reviewId}
        columns={columns}
        reasons={reasons.map((reason) => ({ id: reason.id, label: locale === "zh" ? reason.labelZh : reason.labelEn }))}
        canMove={canMove}
        move={moveCardAction}
        themes={can(board.role, "theme.tag") ? themes : []}
        tag={tagCardAction}
      />
    </section>
  );
}
