"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { ExportSelected } from "@/components/export/ExportMenu";
import { FormMessage } from "@/components/ui/FormMessage";
import { MissingBadge } from "@/components/ui/MissingBadge";
import type { ActionResult } from "@/lib/errors/action-result";
import { BulkActions, type BulkOptions } from "./BulkActions";

export interface LibraryRow {
  id: string;
  href: string;
  title: string | null;
  otherTitle: string | null;
  authors: string | null;
  journal: string | null;
  type: string;
  year: number | null;
  stage: string;
  screening: string;
  assignees: string[];
  themes: { id: string; name: string; color: string }[];
  missing: string[];
}

export interface SortableColumn {
  key:
    | "colTitle"
    | "colType"
    | "colAuthors"
    | "colJournal"
    | "colYear"
    | "colStage"
    | "colScreening"
    | "colAssignees"
    | "colThemes";
  href?: string;
  sort?: "ascending" | "descending";
}

type BulkAction = (p: ActionResult<{ count: number }> | null, f: FormData) => Promise<ActionResult<{ count: number }>>;

export function LibraryTable({
  rows,
  columns,
  total,
  query,
  reviewId,
  bulk,
}: {
  rows: LibraryRow[];
  columns: SortableColumn[];
  total: number;
  query: string;
  reviewId: string;
  bulk: {
    options: BulkOptions;
    actions: { stage: BulkAction; assign: BulkAction; tag: BulkAction; trash: BulkAction };
  } | null;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const rowIds = rows.map((row) => row.id).join(",");
  // A selection belongs to the rows it was made on: another page or filter starts with none.
  const [selection, setSelection] = useState({ rows: rowIds, ids: new Set<string>(), all: false });
  const selected = selection.rows === rowIds ? selection.ids : new Set<string>();
  const allMatching = selection.rows === rowIds && selection.all;
  const setSelected = (ids: Set<string>) => {
    setNotice(null);
    setSelection({ rows: rowIds, ids, all: false });
  };
  const setAllMatching = (all: boolean) => setSelection({ rows: rowIds, ids: selected, all });
  const [focus, setFocus] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.key === "/" && !target.closest("input, textarea, select")) {
        event.preventDefault();
        document.getElementById("filter-q")?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const moveFocus = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    setFocus(clamped);
    rowRefs.current[clamped]?.focus();
  };
  const onRowKey = (event: React.KeyboardEvent, index: number, row: LibraryRow) => {
    if (
      (event.target as HTMLElement).closest("input, a, button, select") &&
      event.key !== "ArrowDown" &&
      event.key !== "ArrowUp"
    ) {
      return;
    }
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveFocus(index + 1),
      j: () => moveFocus(index + 1),
      ArrowUp: () => moveFocus(index - 1),
      k: () => moveFocus(index - 1),
      " ": () => toggle(row.id),
      x: () => toggle(row.id),
      Enter: () => router.push(row.href),
    };
    const handler = keys[event.key];
    if (handler) {
      event.preventDefault();
      handler();
    }
  };
  const pageAllSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const missing = <MissingBadge label={t("library.missing")} />;

  return (
    <div className="space-y-3">
      {bulk && (selected.size > 0 || allMatching) && (
        <BulkActions
          reviewId={reviewId}
          itemIds={[...selected]}
          allMatching={allMatching}
          query={query}
          total={total}
          pageAllSelected={pageAllSelected}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={() => setSelection({ rows: rowIds, ids: new Set(), all: false })}
          onDone={setNotice}
          options={bulk.options}
          actions={bulk.actions}
        />
      )}
      {bulk && (selected.size > 0 || allMatching) && (
        <ExportSelected reviewId={reviewId} itemIds={[...selected]} allMatching={allMatching} query={query} />
      )}
      {notice && selected.size === 0 && <FormMessage success={notice} />}
      <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full min-w-[960px] text-left text-sm" aria-describedby="library-shortcuts">
          <caption className="sr-only">{t("library.title")}</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
            <tr>
              {bulk && (
                <th scope="col" className="w-10 px-3 py-2.5">
                  <input
                    type="checkbox"
                    aria-label={t("library.selectPage")}
                    checked={pageAllSelected}
                    onChange={() => setSelected(pageAllSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                  />
                </th>
              )}
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={column.sort}
                  className="whitespace-nowrap px-3 py-2.5 font-medium"
                >
                  {column.href ? (
                    <Link href={column.href} className="inline-flex items-center gap-1 hover:text-stone-900">
                      {t(`library.${column.key}`)}
                      <span aria-hidden>
                        {column.sort === "ascending" ? "↑" : column.sort === "descending" ? "↓" : "↕"}
                      </span>
                      <span className="sr-only">{t("library.sortBy", { column: t(`library.${column.key}`) })}</span>
                    </Link>
                  ) : (
                    t(`library.${column.key}`)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((row, index) => (
              <tr
                key={row.id}
                ref={(node) => {
                  rowRefs.current[index] = node;
                }}
                tabIndex={index === focus ? 0 : -1}
                onKeyDown={(event) => onRowKey(event, index, row)}
                onFocus={() => setFocus(index)}
                aria-selected={bulk ? selected.has(row.id) || allMatching : undefined}
                className={`align-top outline-none hover:bg-stone-50 focus:bg-teal-50 focus:ring-2 focus:ring-inset focus:ring-teal-600 ${selected.has(row.id) || allMatching ? "bg-teal-50/60" : ""}`}
              >
                {bulk && (
                  <td className="px-3 py-3">
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={t("library.selectRow", { title: row.title ?? t("item.untitled") })}
                      checked={selected.has(row.id) || allMatching}
                      onChange={() => toggle(row.id)}
                    />
                  </td>
                )}
                <td className="max-w-md px-3 py-3">
                  <Link
                    href={row.href}
                    tabIndex={-1}
                    className="font-medium leading-snug text-teal-800 hover:underline"
                  >
                    {row.title ?? t("item.untitled")}
                  </Link>
                  {row.otherTitle && <p className="mt-0.5 text-xs leading-snug text-stone-500">{row.otherTitle}</p>}
                  {row.missing.length > 0 && (
                    <p className="mt-1.5">
                      <MissingBadge
                        label={t("library.missingCount", { n: row.missing.length })}
                        title={t("library.missingFields", { fields: row.missing.join("、") })}
                      />
                    </p>
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-xs text-stone-600">{row.type}</td>
                <td className="max-w-48 px-3 py-3 text-stone-700">{row.authors ?? missing}</td>
                <td className="px-3 py-3 text-stone-700">{row.journal ?? missing}</td>
                <td className="px-3 py-3 tabular-nums text-stone-700">{row.year ?? missing}</td>
                <td className="whitespace-nowrap px-3 py-3">
                  <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700">{row.stage}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-xs text-stone-600">{row.screening}</td>
                <td className="px-3 py-3 text-xs text-stone-600">{row.assignees.join("、")}</td>
                <td className="px-3 py-3">
                  <ul className="flex flex-wrap gap-1">
                    {row.themes.map((theme) => (
                      <li
                        key={theme.id}
                        className="rounded px-1.5 py-0.5 text-xs text-white"
                        style={{ backgroundColor: theme.color }}
                      >
                        {theme.name}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="library-shortcuts" className="text-xs text-stone-500">
        {t("library.shortcuts")}
      </p>
    </div>
  );
}
