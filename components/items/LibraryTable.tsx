"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { MissingBadge } from "@/components/ui/MissingBadge";
import { inputClass } from "@/components/ui/styles";

export interface LibraryRow {
  id: string;
  href: string;
  title: string | null;
  otherTitle: string | null;
  authors: string | null;
  journal: string | null;
  year: number | null;
  stage: string;
  themes: { id: string; name: string; color: string }[];
  missing: string[];
  searchText: string;
}

const COLUMNS = ["colTitle", "colAuthors", "colJournal", "colYear", "colStage", "colThemes"] as const;

export function LibraryTable({ rows }: { rows: LibraryRow[] }) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const visible = useMemo(() => {
    const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return terms.length ? rows.filter((row) => terms.every((term) => row.searchText.includes(term))) : rows;
  }, [rows, query]);
  const missing = <MissingBadge label={t("library.missing")} />;

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="w-full max-w-md">
          <label htmlFor="library-filter" className="sr-only">
            {t("library.filter")}
          </label>
          <input
            id="library-filter"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("library.filterPlaceholder")}
            className={inputClass}
          />
        </div>
        <p className="text-sm text-stone-600" aria-live="polite">
          {t("library.count", { n: visible.length })}
        </p>
      </div>
      {visible.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-8 text-center text-stone-500">
          {rows.length === 0 ? t("library.empty") : t("library.noMatch")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[760px] text-left text-sm">
            <caption className="sr-only">{t("library.title")}</caption>
            <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-4 py-2.5 font-medium">
                    {t(`library.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {visible.map((row) => (
                <tr key={row.id} className="align-top hover:bg-stone-50">
                  <td className="max-w-md px-4 py-3">
                    <Link href={row.href} className="font-medium leading-snug text-teal-800 hover:underline">
                      {row.title ?? t("item.untitled")}
                    </Link>
                    {row.otherTitle && <p className="mt-0.5 text-xs leading-snug text-stone-500">{row.otherTitle}</p>}
                    {row.missing.length > 0 && (
                      <p className="mt-1.5">
                        <MissingBadge
                          label={t("library.missingCount", { n: row.missing.length })}
                          title={t("library.missingFields", { fields: row.missing.join(", ") })}
                        />
                        <span className="sr-only">
                          {t("library.missingFields", { fields: row.missing.join(", ") })}
                        </span>
                      </p>
                    )}
                  </td>
                  <td className="px-4 py-3 text-stone-700">{row.authors ?? missing}</td>
                  <td className="px-4 py-3 text-stone-700">{row.journal ?? missing}</td>
                  <td className="px-4 py-3 tabular-nums text-stone-700">{row.year ?? missing}</td>
                  <td className="px-4 py-3">
                    <span className="whitespace-nowrap rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700">
                      {row.stage}
                    </span>
                  </td>
                  <td className="px-4 py-3">
                    <ul className="flex flex-wrap gap-1">
                      {row.themes.map((theme) => (
                        <li
                          key={theme.id}
                          className="whitespace-nowrap rounded px-1.5 py-0.5 text-xs text-white"
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
      )}
    </div>
  );
}
