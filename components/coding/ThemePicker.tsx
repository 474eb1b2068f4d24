"use client";
import { useCombobox } from "downshift";
import { useId, useMemo, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { inputClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ThemeOption } from "./ThemeChecklist";

export type CreateThemeInReader = (input: {
  reviewId: string;
  name: string;
  color: string;
}) => Promise<ActionResult<{ themeId: string }>>;

/** Colours a theme created from the reader gets, the first one the codebook does not use yet. */
const PALETTE = ["#0f766e", "#b45309", "#7c3aed", "#be123c", "#1d4ed8", "#4d7c0f", "#c2410c", "#0e7490", "#a21caf"];

/** At most this many recently used themes are listed first (the server sends the member's own, newest first). */
const RECENT_LIMIT = 6;

type Entry = { kind: "theme"; theme: ThemeOption; indent: boolean } | { kind: "create"; name: string };

/**
 * The codebook as a combobox (Downshift's useCombobox): a field that filters an always-open list of themes, where
 * ↑/↓ move, Enter or a click chooses or unchooses the highlighted theme, and the list says which are chosen
 * (aria-selected, a tick). Recently used themes come first; a name that matches no theme is offered as a last
 * option that creates it (and chooses it). The choice is submitted as hidden `name` fields, so a chosen theme
 * hidden by the filter still counts.
 */
export function ThemePicker({
  reviewId,
  themes,
  recent = [],
  name,
  chosen,
  onChosenChange,
  createTheme,
  legend,
}: {
  reviewId: string;
  themes: ThemeOption[];
  /** Theme ids, most recent first. */
  recent?: string[];
  name: string;
  chosen: string[];
  onChosenChange: (chosen: string[]) => void;
  /** Absent where the person may code but the picker should not grow the codebook. */
  createTheme?: CreateThemeInReader;
  legend: string;
}) {
  const { t } = useI18n();
  const baseId = useId();
  const [query, setQuery] = useState("");
  const [created, setCreated] = useState<ThemeOption[]>([]);
  const [createError, setCreateError] = useState<string | null>(null);
  const [createdName, setCreatedName] = useState<string | null>(null);
  const [creating, startCreating] = useTransition();

  // Themes created here show at once; the page's own list catches up after it revalidates.
  const all = useMemo(() => {
    const known = new Set(themes.map((theme) => theme.id));
    return [...themes, ...created.filter((theme) => !known.has(theme.id))];
  }, [themes, created]);
  const needle = query.trim().toLocaleLowerCase();
  const recentThemes = useMemo(
    () =>
      recent
        .map((id) => all.find((theme) => theme.id === id))
        .filter((theme): theme is ThemeOption => theme !== undefined)
        .slice(0, RECENT_LIMIT),
    [recent, all],
  );
  const matches = needle ? all.filter((theme) => theme.name.toLocaleLowerCase().includes(needle)) : null;
  const exact = needle !== "" && all.some((theme) => theme.name.toLocaleLowerCase() === needle);
  const canCreate = !!createTheme && needle !== "" && !exact;

  // The options in list order: the matches (and "create" last), or the recent themes and then the rest.
  const recentEntries: Entry[] = matches ? [] : recentThemes.map((theme) => ({ kind: "theme", theme, indent: false }));
  const restEntries: Entry[] = matches
    ? [
        ...matches.map((theme): Entry => ({ kind: "theme", theme, indent: false })),
        ...(canCreate ? [{ kind: "create", name: query.trim() } as const] : []),
      ]
    : all.filter((theme) => !recentThemes.includes(theme)).map((theme) => ({ kind: "theme", theme, indent: true }));
  const items = [...recentEntries, ...restEntries];

  const toggle = (themeId: string, on: boolean) =>
    onChosenChange(on ? [...new Set([...chosen, themeId])] : chosen.filter((id) => id !== themeId));

  const create = () => {
    const themeName = query.trim();
    if (!createTheme || !themeName || exact) return;
    const used = new Set(all.map((theme) => theme.color.toLowerCase()));
    const color = PALETTE.find((candidate) => !used.has(candidate)) ?? PALETTE[all.length % PALETTE.length]!;
    setCreateError(null);
    startCreating(async () => {
      const result = await createTheme({ reviewId, name: themeName, color });
      if (!result.ok) {
        setCreateError(result.error);
        return;
      }
      setCreated((previous) => [...previous, { id: result.data.themeId, name: themeName, color, depth: 0 }]);
      onChosenChange([...new Set([...chosen, result.data.themeId])]);
      setCreatedName(themeName);
      setQuery("");
    });
  };

  const choose = (entry: Entry) => {
    if (entry.kind === "create") return create();
    toggle(entry.theme.id, !chosen.includes(entry.theme.id));
    // While filtering, a choice clears the filter for the next theme.
    if (needle) setQuery("");
  };

  const { getInputProps, getMenuProps, getItemProps, getLabelProps, highlightedIndex } = useCombobox<Entry>({
    id: baseId,
    items,
    isOpen: true,
    inputValue: query,
    selectedItem: null,
    itemToString: (entry) => (entry ? (entry.kind === "theme" ? entry.theme.name : entry.name) : ""),
    itemToKey: (entry) => (entry ? (entry.kind === "theme" ? entry.theme.id : `create:${entry.name}`) : null),
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      setQuery(inputValue);
      setCreatedName(null);
    },
    stateReducer: (_state, { type, changes }) => {
      switch (type) {
        case useCombobox.stateChangeTypes.InputChange:
          // Typing highlights the first match, so Enter takes it (or creates the typed theme).
          return { ...changes, highlightedIndex: changes.inputValue?.trim() ? 0 : -1 };
        default:
          return changes;
      }
    },
  });

  // A click chooses here too (not through Downshift's selection, whose callback can hold an older choice).
  const clicked = (entry: Entry) => (event: React.MouseEvent) => {
    (event.nativeEvent as MouseEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
    choose(entry);
  };

  const option = (entry: Entry, index: number) => {
    const highlighted = highlightedIndex === index;
    if (entry.kind === "create") {
      return (
        <div
          key={`create:${entry.name}`}
          {...getItemProps({
            item: entry,
            index,
            "aria-selected": false,
            "aria-disabled": creating || undefined,
            onClick: clicked(entry),
          })}
          className={`cursor-pointer rounded px-1 py-0.5 text-sm font-medium text-teal-700 ${highlighted ? "bg-teal-50 underline" : ""}`}
        >
          {creating ? t("coding.creatingTheme") : t("coding.createThemeNamed", { name: entry.name })}
        </div>
      );
    }
    const { theme } = entry;
    const on = chosen.includes(theme.id);
    return (
      <div
        key={theme.id}
        {...getItemProps({ item: entry, index, "aria-selected": on, onClick: clicked(entry) })}
        className={`flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm ${highlighted ? "bg-teal-50 text-teal-900" : "hover:bg-stone-50"}`}
        style={entry.indent ? { paddingLeft: `${theme.depth * 1.25 + 0.25}rem` } : undefined}
      >
        <span
          aria-hidden
          className={`flex h-4 w-4 shrink-0 items-center justify-center rounded border text-[10px] leading-none ${on ? "border-teal-700 bg-teal-700 text-white" : "border-stone-400 bg-white"}`}
        >
          {on ? "✓" : ""}
        </span>
        <span aria-hidden className="h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: theme.color }} />
        {theme.name}
      </div>
    );
  };

  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-sm font-medium text-stone-700">
        {legend}
        {chosen.length > 0 && (
          <span className="ml-2 text-xs font-normal text-stone-500">
            {t("coding.chosenThemes", { n: chosen.length })}
          </span>
        )}
      </legend>
      {chosen.map((themeId) => (
        <input key={themeId} type="hidden" name={name} value={themeId} />
      ))}
      <label {...getLabelProps()} className="sr-only">
        {t("coding.filterThemes")}
      </label>
      <input
        {...getInputProps({
          onKeyDown: (event) => {
            if (event.key !== "Enter") return;
            // Enter chooses (or unchooses) the highlighted theme here, with this render's choice in hand, and never
            // submits the coding half-done.
            event.preventDefault();
            (event.nativeEvent as KeyboardEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
            const entry = items[highlightedIndex];
            if (entry) choose(entry);
          },
        })}
        type="text"
        autoComplete="off"
        placeholder={t("coding.filterThemes")}
        className={`${inputClass} py-1.5`}
      />
      <div
        {...getMenuProps({ "aria-label": legend, "aria-multiselectable": true })}
        className="max-h-52 space-y-0.5 overflow-y-auto pr-1"
      >
        {matches ? (
          restEntries.map((entry, index) => option(entry, index))
        ) : (
          <>
            {recentEntries.length > 0 && (
              <div role="group" aria-label={t("coding.recentThemes")} className="border-b border-stone-100 pb-1">
                <p aria-hidden className="px-1 text-xs font-medium text-stone-500">
                  {t("coding.recentThemes")}
                </p>
                {recentEntries.map((entry, index) => option(entry, index))}
              </div>
            )}
            <div role="group" aria-label={t("coding.allThemes")}>
              {recentEntries.length > 0 && (
                <p aria-hidden className="px-1 text-xs font-medium text-stone-500">
                  {t("coding.allThemes")}
                </p>
              )}
              {restEntries.map((entry, index) => option(entry, recentEntries.length + index))}
            </div>
          </>
        )}
      </div>
      {matches?.length === 0 && <p className="px-1 text-sm text-stone-500">{t("coding.noThemeMatches")}</p>}
      {createError && <FormMessage error={createError} />}
      {createdName && (
        <p role="status" className="text-xs text-teal-800">
          {t("coding.themeCreated", { name: createdName })}
        </p>
      )}
    </fieldset>
  );
}
