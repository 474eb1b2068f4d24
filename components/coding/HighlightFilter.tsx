"use client";
// Narrowing a text's highlights to one coder or one theme: one filter and one bar, used by the text view and the
// PDF page alike, so the two views filter the same codings the same way.
import { useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { inlineInputClass } from "@/components/ui/styles";

/** What the filter needs of a coding: who coded it and with which themes. */
export interface FilterableCoding {
  createdBy: string | null;
  /** Who coded it, to filter by coder (names may repeat; ids do not). */
  createdById?: string | null;
  themes: { id: string; name: string }[];
}

/** Which codings' highlights show: everyone's and every theme's unless the reader narrows it. */
export interface HighlightFilter {
  coder: string;
  theme: string;
}

const EVERYTHING: HighlightFilter = { coder: "", theme: "" };

export function filterCodings<T extends FilterableCoding>(codings: T[], filter: HighlightFilter): T[] {
  if (!filter.coder && !filter.theme) return codings;
  return codings.filter(
    (coding) =>
      (!filter.coder || coderKey(coding) === filter.coder) &&
      (!filter.theme || coding.themes.some((theme) => theme.id === filter.theme)),
  );
}

const coderKey = (coding: Pick<FilterableCoding, "createdById" | "createdBy">) =>
  coding.createdById ?? coding.createdBy ?? "";

/** The filter's state and the codings it lets through, with the bar that changes it. */
export function useHighlightFilter<T extends FilterableCoding>(codings: T[]) {
  const [filter, setFilter] = useState<HighlightFilter>(EVERYTHING);
  const visible = useMemo(() => filterCodings(codings, filter), [codings, filter]);
  const bar = <HighlightFilterBar codings={codings} filter={filter} onChange={setFilter} shown={visible.length} />;
  return { filter, setFilter, visible, bar };
}

/** The coder and theme filter over a text's highlights; hidden while there is nothing to filter. */
export function HighlightFilterBar({
  codings,
  filter,
  onChange,
  shown,
}: {
  codings: FilterableCoding[];
  filter: HighlightFilter;
  onChange: (filter: HighlightFilter) => void;
  shown: number;
}) {
  const { t } = useI18n();
  const coders = useMemo(() => {
    const seen = new Map<string, string>();
    for (const coding of codings) seen.set(coderKey(coding), coding.createdBy ?? t("activity.someone"));
    return [...seen];
  }, [codings, t]);
  const themes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const coding of codings) for (const theme of coding.themes) seen.set(theme.id, theme.name);
    return [...seen];
  }, [codings]);
  if (codings.length === 0) return null;
  const filtering = filter.coder !== "" || filter.theme !== "";
  return (
    <div role="group" aria-label={t("coding.filterHighlights")} className="flex flex-wrap items-center gap-2 text-xs">
      <select
        aria-label={t("coding.filterByCoder")}
        value={filter.coder}
        onChange={(event) => onChange({ ...filter, coder: event.target.value })}
        className={`${inlineInputClass} w-36 py-1 text-xs`}
      >
        <option value="">{t("coding.everyCoder")}</option>
        {coders.map(([key, name]) => (
          <option key={key} value={key}>
            {name}
          </option>
        ))}
      </select>
      <select
        aria-label={t("coding.filterByTheme")}
        value={filter.theme}
        onChange={(event) => onChange({ ...filter, theme: event.target.value })}
        className={`${inlineInputClass} w-36 py-1 text-xs`}
      >
        <option value="">{t("coding.everyTheme")}</option>
        {themes.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      {filtering && (
        <span role="status" className="text-stone-600">
          {t("coding.filteredOut", { shown, n: codings.length })}
        </span>
      )}
    </div>
  );
}
