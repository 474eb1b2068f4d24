"use client";
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

/**
 * The codebook as a filterable list of checkboxes: typing narrows it, recently used themes come first, and a
 * name that matches no theme can be created on the spot (and is chosen at once). The choice is submitted as
 * hidden `name` fields, so a chosen theme hidden by the filter still counts.
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
  const filterId = useId();
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

  const box = (theme: ThemeOption, indent: boolean) => (
    <label
      key={theme.id}
      className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-stone-50"
      style={indent ? { paddingLeft: `${theme.depth * 1.25 + 0.25}rem` } : undefined}
    >
      <input
        type="checkbox"
        checked={chosen.includes(theme.id)}
        onChange={(event) => toggle(theme.id, event.target.checked)}
        className="h-4 w-4"
      />
      <span aria-hidden className="h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: theme.color }} />
      {theme.name}
    </label>
  );

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
      <label htmlFor={filterId} className="sr-only">
        {t("coding.filterThemes")}
      </label>
      <input
        id={filterId}
        type="search"
        autoComplete="off"
        value={query}
        placeholder={t("coding.filterThemes")}
        onChange={(event) => {
          setQuery(event.target.value);
          setCreatedName(null);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          // Enter chooses the only match, or creates the typed theme; it never submits the coding half-done.
          event.preventDefault();
          if (matches?.length === 1) {
            toggle(matches[0]!.id, true);
            setQuery("");
          } else if (matches?.length === 0) create();
        }}
        className={`${inputClass} py-1.5`}
      />
      <div className="max-h-52 space-y-0.5 overflow-y-auto pr-1">
        {matches ? (
          <>
            {matches.map((theme) => box(theme, false))}
            {matches.length === 0 && <p className="px-1 text-sm text-stone-500">{t("coding.noThemeMatches")}</p>}
          </>
        ) : (
          <>
            {recentThemes.length > 0 && (
              <div role="group" aria-label={t("coding.recentThemes")} className="border-b border-stone-100 pb-1">
                <p aria-hidden className="px-1 text-xs font-medium text-stone-500">
                  {t("coding.recentThemes")}
                </p>
                {recentThemes.map((theme) => box(theme, false))}
              </div>
            )}
            <div role="group" aria-label={t("coding.allThemes")}>
              {recentThemes.length > 0 && (
                <p aria-hidden className="px-1 text-xs font-medium text-stone-500">
                  {t("coding.allThemes")}
                </p>
              )}
              {all.filter((theme) => !recentThemes.includes(theme)).map((theme) => box(theme, true))}
            </div>
          </>
        )}
      </div>
      {createTheme && needle !== "" && !exact && (
        <button
          type="button"
          onClick={create}
          disabled={creating}
          className="text-sm font-medium text-teal-700 hover:underline disabled:opacity-60"
        >
          {creating ? t("coding.creatingTheme") : t("coding.createThemeNamed", { name: query.trim() })}
        </button>
      )}
      {createError && <FormMessage error={createError} />}
      {createdName && (
        <p role="status" className="text-xs text-teal-800">
          {t("coding.themeCreated", { name: createdName })}
        </p>
      )}
    </fieldset>
  );
}
