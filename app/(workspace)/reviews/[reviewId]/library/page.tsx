import Link from "next/link";
import { ExportMenu } from "@/components/export/ExportMenu";
import { BulkAttach, FileActivity } from "@/components/files/LibraryFiles";
import { listFileActivity } from "@/lib/files/queries";
import { RestoreItems } from "@/components/items/RestoreItems";
import { FormMessage } from "@/components/ui/FormMessage";
import { LibraryFilters } from "@/components/library/LibraryFilters";
import { LibraryTable, type LibraryRow, type SortableColumn } from "@/components/library/LibraryTable";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { authorList } from "@/lib/items/display";
import { ITEM_TYPES, typeHasField, typeLabelKey } from "@/lib/bibliography/item-types";
import { listTrashedTitles } from "@/lib/items/queries";
import { TRACKED_FIELDS } from "@/lib/items/missing-metadata";
import {
  libraryQueryString,
  listLibraryPage,
  parseLibraryParams,
  SCREENING_STATES,
  type LibraryParams,
} from "@/lib/library/query";
import { listExclusionReasons } from "@/lib/stages/queries";
import { restoreItemsAction } from "../items/actions";
import { bulkAssignAction, bulkStageAction, bulkTagAction, bulkTrashAction } from "./actions";

const SORTABLE: Partial<Record<SortableColumn["key"], LibraryParams["sort"]>> = {
  colTitle: "title",
  colType: "type",
  colJournal: "journal",
  colYear: "year",
  colStage: "stage",
};

export default async function LibraryPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/library`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const search = await searchParams;
  const filter = parseLibraryParams(search);
  const imported = typeof search.imported === "string" ? Number.parseInt(search.imported, 10) || 0 : 0;
  const trashedIds = typeof search.trashed === "string" ? search.trashed.split(",").filter(Boolean) : [];
  const [library, justTrashed] = await loadOrNotFound(
    Promise.all([listLibraryPage(access, filter), listTrashedTitles(access, trashedIds)]),
  );
  const current = library.params;
  const base = `/reviews/${reviewId}/library`;
  const href = (change: Partial<LibraryParams>) => `${base}${libraryQueryString({ ...current, ...change })}`;
  const name = (entry: { nameZh: string; nameEn: string | null }) => pick(locale, entry.nameZh, entry.nameEn) ?? "";
  const canBulk = ["item.changeStage", "item.assign", "theme.tag", "item.delete"].some((action) =>
    can(library.role, action as "item.changeStage"),
  );
  const reasons = canBulk ? await listExclusionReasons(access) : [];
  const canAttach = can(library.role, "item.update");
  // Bulk attach asks for the review's items itself once files are dropped: every item in this page's payload
  // made the library page cost as much as the review is large.
  const fileActivity = await listFileActivity(access);

  const rows: LibraryRow[] = library.items.map((item) => {
    const title = pick(locale, item.titleZh, item.titleEn);
    const otherTitle = locale === "zh" ? item.titleEn : item.titleZh;
    return {
      id: item.id,
      href: `/reviews/${reviewId}/items/${item.id}`,
      title,
      otherTitle: otherTitle && otherTitle !== title ? otherTitle : null,
      authors: item.authors.length ? authorList(locale, item.authors) : null,
      // Where a work appeared: its journal, book or proceedings, or for a thesis or report the institution.
      journal: typeHasField(item.itemType, "container")
        ? pick(locale, item.journalZh, item.journalEn)
        : (item.publisher ?? pick(locale, item.journalZh, item.journalEn)),
      type: t(typeLabelKey(item.itemType)),
      year: item.year,
      stage: name(item.stage),
      screening: t(`screening.states.${item.screeningState}`),
      assignees: item.assignees.map((assignee) => assignee.name),
      themes: item.themes.map((theme) => ({ id: theme.id, color: theme.color, name: name(theme) })),
      missing: item.missing.map((field) => t(`fields.${field}`)),
    };
  });
  const columns: SortableColumn[] = (
    [
      "colTitle",
      "colType",
      "colAuthors",
      "colJournal",
      "colYear",
      "colStage",
      "colScreening",
      "colAssignees",
      "colThemes",
    ] as const
  ).map((key) => {
    const sort = SORTABLE[key];
    if (!sort) return { key };
    const active = current.sort === sort;
    const dir = current.dir ?? "asc";
    return {
      key,
      href: href({ sort, dir: active && dir === "asc" ? "desc" : "asc", page: 1 }),
      sort: active ? (dir === "asc" ? "ascending" : "descending") : undefined,
    };
  });

  const memberOptions = [
    { value: "me", label: t("library.me") },
    { value: "none", label: t("library.unassigned") },
    ...library.assignable.map((member) => ({ value: member.id, label: member.name })),
  ];
  const chips: { label: string; remove: string }[] = [];
  if (current.q) chips.push({ label: `${t("library.search")}: ${current.q}`, remove: href({ q: undefined, page: 1 }) });
  for (const stageId of current.stage) {
    const stage = library.stages.find((s) => s.id === stageId);
    if (stage)
      chips.push({
        label: `${t("library.stage")}: ${name(stage)}`,
        remove: href({ stage: current.stage.filter((s) => s !== stageId), page: 1 }),
      });
  }
  for (const themeId of current.theme) {
    const theme = library.themes.find((s) => s.id === themeId);
    if (theme)
      chips.push({
        label: `${t("library.theme")}: ${name(theme)}`,
        remove: href({ theme: current.theme.filter((s) => s !== themeId), page: 1 }),
      });
  }
  if (current.assignee) {
    const label = memberOptions.find((option) => option.value === current.assignee)?.label ?? current.assignee;
    chips.push({ label: `${t("library.assignee")}: ${label}`, remove: href({ assignee: undefined, page: 1 }) });
  }
  if (current.screening)
    chips.push({
      label: `${t("library.screening")}: ${t(`screening.states.${current.screening}`)}`,
      remove: href({ screening: undefined, page: 1 }),
    });
  if (current.type)
    chips.push({
      label: `${t("itemTypes.label")}: ${t(typeLabelKey(current.type))}`,
      remove: href({ type: undefined, page: 1 }),
    });
  if (current.missing)
    chips.push({
      label: `${t("library.missingField")}: ${t(`fields.${current.missing}`)}`,
      remove: href({ missing: undefined, page: 1 }),
    });
  if (current.yearFrom !== undefined)
    chips.push({
      label: `${t("library.yearFrom")}: ${current.yearFrom}`,
      remove: href({ yearFrom: undefined, page: 1 }),
    });
  if (current.yearTo !== undefined)
    chips.push({ label: `${t("library.yearTo")}: ${current.yearTo}`, remove: href({ yearTo: undefined, page: 1 }) });
  if (current.journal)
    chips.push({ label: `${t("library.journal")}: ${current.journal}`, remove: href({ journal: undefined, page: 1 }) });

  const pages = pageWindow(library.page, library.lastPage);
  return (
    <section aria-labelledby="library-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="library-heading" className="text-xl font-semibold">
          {t("library.title")}
        </h1>
        <div className="flex flex-wrap gap-2">
          <ExportMenu
            reviewId={reviewId}
            total={library.total}
            all={library.all}
            query={libraryQueryString(current).slice(1)}
          />
          {canAttach && <BulkAttach reviewId={reviewId} />}
          {can(library.role, "item.create") && (
            <Link href={`/reviews/${reviewId}/library/import`} className={buttonSecondary}>
              {t("transfer.importButton")}
            </Link>
          )}
          {can(library.role, "item.delete") && (
            <Link href={`/reviews/${reviewId}/trash`} className={buttonSecondary}>
              {t("library.trash")}
            </Link>
          )}
          {can(library.role, "item.create") && (
            <Link href={`/reviews/${reviewId}/items/new`} className={buttonPrimary}>
              {t("library.addItem")}
            </Link>
          )}
        </div>
      </div>
      <FileActivity reviewId={reviewId} initialActivity={fileActivity} />
      {imported > 0 && <FormMessage success={t("transfer.imported", { n: imported })} />}
      {justTrashed.length > 0 && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-stone-300 bg-stone-800 px-4 py-2 text-sm text-white"
        >
          <span>
            {justTrashed.length === 1
              ? t("editing.trashedNotice", {
                  title: pick(locale, justTrashed[0]!.titleZh, justTrashed[0]!.titleEn) ?? t("editing.untitled"),
                })
              : t("editing.trashedNoticeMany", { n: justTrashed.length })}
          </span>
          <RestoreItems
            reviewId={reviewId}
            itemIds={justTrashed.map((item) => item.id)}
            label={t("editing.undoTrash")}
            className="font-semibold text-teal-200 underline hover:text-white"
            action={restoreItemsAction}
          />
        </div>
      )}
      <LibraryFilters
        key={libraryQueryString(current)}
        values={{
          ...current,
          stage: current.stage[0],
          theme: current.theme[0],
        }}
        options={{
          stages: library.stages.map((stage) => ({ value: stage.id, label: name(stage) })),
          themes: library.themes.map((theme) => ({ value: theme.id, label: name(theme) })),
          members: memberOptions,
          screening: SCREENING_STATES.map((state) => ({ value: state, label: t(`screening.states.${state}`) })),
          types: ITEM_TYPES.map((type) => ({ value: type, label: t(typeLabelKey(type)) })),
          missing: TRACKED_FIELDS.map((field) => ({ value: field, label: t(`fields.${field}`) })),
        }}
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <p className="text-stone-600" aria-live="polite">
          {library.total === library.all
            ? t("library.count", { n: library.total })
            : t("library.countFiltered", { n: library.total, all: library.all })}
        </p>
        {chips.map((chip) => (
          <Link
            key={chip.label}
            href={chip.remove}
            aria-label={t("library.removeFilter", { filter: chip.label })}
            className="inline-flex items-center gap-1 rounded-full bg-teal-50 px-2.5 py-0.5 text-teal-900 hover:bg-teal-100"
          >
            {chip.label} <span aria-hidden>×</span>
          </Link>
        ))}
        {chips.length > 1 && (
          <Link href={base} className="text-stone-600 underline hover:text-stone-900">
            {t("library.clearAll")}
          </Link>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-8 text-center text-stone-500">
          {library.all === 0 ? t("library.empty") : t("library.noMatch")}
        </p>
      ) : (
        <LibraryTable
          rows={rows}
          columns={columns}
          total={library.total}
          query={libraryQueryString(current).slice(1)}
          reviewId={reviewId}
          bulk={
            canBulk
              ? {
                  options: {
                    stages: library.stages.map((stage) => ({
                      value: stage.id,
                      label: name(stage),
                      excluded: stage.kind === "EXCLUDED",
                    })),
                    reasons: reasons.map((reason) => ({
                      value: reason.id,
                      label: locale === "zh" ? reason.labelZh : reason.labelEn,
                    })),
                    members: library.assignable.map((member) => ({ value: member.id, label: member.name })),
                    themes: library.themes.map((theme) => ({ value: theme.id, label: name(theme) })),
                    canStage: can(library.role, "item.changeStage"),
                    canAssign: can(library.role, "item.assign"),
                    canTag: can(library.role, "theme.tag"),
                    canTrash: can(library.role, "item.delete"),
                  },
                  actions: {
                    stage: bulkStageAction,
                    assign: bulkAssignAction,
                    tag: bulkTagAction,
                    trash: bulkTrashAction,
                  },
                }
              : null
          }
        />
      )}
      {library.lastPage > 1 && (
        <nav aria-label={t("library.pagination")} className="flex flex-wrap items-center gap-1 text-sm">
          {library.page > 1 && (
            <Link href={href({ page: library.page - 1 })} className="rounded px-2.5 py-1 hover:bg-stone-100">
              ← {t("library.previous")}
            </Link>
          )}
          {pages.map((page, index) =>
            page === null ? (
              <span key={`gap-${index}`} className="px-1 text-stone-500">
                …
              </span>
            ) : (
              <Link
                key={page}
                href={href({ page })}
                aria-label={t("library.pageN", { n: page })}
                aria-current={page === library.page ? "page" : undefined}
                className={`rounded px-2.5 py-1 tabular-nums ${page === library.page ? "bg-teal-700 text-white" : "hover:bg-stone-100"}`}
              >
                {page}
              </Link>
            ),
          )}
          {library.page < library.lastPage && (
            <Link href={href({ page: library.page + 1 })} className="rounded px-2.5 py-1 hover:bg-stone-100">
              {t("library.next")} →
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

/** Page numbers to show: the first, the last, and two either side of the current one, with gaps as null. */
function pageWindow(current: number, last: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let page = 1; page <= last; page++) {
    if (page === 1 || page === last || Math.abs(page - current) <= 2) pages.push(page);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}
