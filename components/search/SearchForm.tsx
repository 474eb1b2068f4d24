"use client";
// The search page's query and filters. Every change replaces the URL, so the server renders the new results as
// the user types, and the search stays a shareable link.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { shownCount } from "./count";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonSecondary, inlineInputClass, inputClass, labelClass } from "@/components/ui/styles";

export interface SearchFormValues {
  q: string;
  kind: string;
  stage: string;
  theme: string;
  yearFrom: string;
  yearTo: string;
}

const DEBOUNCE_MS = 250;
const KINDS = ["PAPER", "PASSAGE", "SECTION", "COMMENT"] as const;

export function SearchForm({
  initial,
  stages,
  themes,
  counts,
  approximate = false,
}: {
  initial: SearchFormValues;
  /** The counts were estimated (above the counting cap): shown rounded, as "about". */
  approximate?: boolean;
  /** Results per kind for the current query and filters, null before anything is searched. */
  counts: Record<(typeof KINDS)[number], number> | null;
  stages: { id: string; name: string }[];
  themes: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [values, setValues] = useState(initial);
  const [pending, startTransition] = useTransition();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(values)) if (value.trim()) params.set(key, value.trim());
      startTransition(() => router.replace(`${pathname}${params.size ? `?${params}` : ""}`, { scroll: false }));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [values, pathname, router]);

  const set = (key: keyof SearchFormValues) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const filtered = values.stage || values.theme || values.yearFrom || values.yearTo;

  return (
    <form role="search" onSubmit={(event) => event.preventDefault()} className="space-y-3" aria-busy={pending}>
      <div>
        <label htmlFor="search-q" className="sr-only">
          {t("search.label")}
        </label>
        <input
          id="search-q"
          type="search"
          value={values.q}
          onChange={set("q")}
          placeholder={t("search.placeholder")}
          className={`${inputClass} py-2.5 text-base`}
          autoFocus={!initial.q}
          autoComplete="off"
        />
        <p className="mt-1 text-xs text-stone-500">{t("search.help")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="search-stage" className={labelClass}>
            {t("search.stage")}
          </label>
          <select
            id="search-stage"
            value={values.stage}
            onChange={set("stage")}
            className={`${inlineInputClass} mt-1 w-40`}
          >
            <option value="">{t("search.anyStage")}</option>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-theme" className={labelClass}>
            {t("search.theme")}
          </label>
          <select
            id="search-theme"
            value={values.theme}
            onChange={set("theme")}
            className={`${inlineInputClass} mt-1 w-40`}
          >
            <option value="">{t("search.anyTheme")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-year-from" className={labelClass}>
            {t("search.yearFrom")}
          </label>
          <input
            id="search-year-from"
            type="number"
            inputMode="numeric"
            min={1000}
            max={2999}
            value={values.yearFrom}
            onChange={set("yearFrom")}
            className={`${inlineInputClass} mt-1 w-28`}
          />
        </div>
        <div>
          <label htmlFor="search-year-to" className={labelClass}>
            {t("search.yearTo")}
          </label>
          <input
            id="search-year-to"
            type="number"
            inputMode="numeric"
            min={1000}
            max={2999}
            value={values.yearTo}
            onChange={set("yearTo")}
            className={`${inlineInputClass} mt-1 w-28`}
          />
        </div>
        {filtered && (
          <button
            type="button"
            className={buttonSecondary}
            onClick={() => setValues((current) => ({ ...current, stage: "", theme: "", yearFrom: "", yearTo: "" }))}
          >
            {t("search.clear")}
          </button>
        )}
      </div>
      <div role="group" aria-label={t("search.kindFilter")} className="flex flex-wrap gap-1 border-b border-stone-200">
        {(["", ...KINDS] as const).map((kind) => {
          const n = counts ? (kind ? counts[kind] : KINDS.reduce((sum, k) => sum + counts[k], 0)) : null;
          const current = values.kind === kind;
          return (
            <button
              key={kind || "all"}
              type="button"
              aria-pressed={current}
              onClick={() => setValues((v) => ({ ...v, kind }))}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-teal-700 text-teal-800" : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"}`}
            >
              {kind ? t(`search.kinds.${kind}`) : t("search.all")}
              {n !== null && (
                <span className="ml-1.5 rounded-full bg-stone-100 px-1.5 text-xs text-stone-600">
                  {approximate && n >= 100 ? t("search.about", { n: shownCount(n, true) }) : n}
                </span>
              )}
            </button>
          );
        })}
      </div>
      {(values.stage || values.yearFrom || values.yearTo) && (
        <p className="text-xs text-stone-500">{t("search.filtersOnlyItems")}</p>
      )}
    </form>
  );
}
