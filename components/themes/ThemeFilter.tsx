import type { Translate } from "@/lib/i18n/translate";

/** A GET form that narrows a list of items to one theme; the board and My queue share it. */
export function ThemeFilter({
  themes,
  value,
  hidden = {},
  t,
}: {
  themes: { id: string; name: string; depth: number }[];
  value: string | undefined;
  /** Other query parameters of the page that the filter keeps. */
  hidden?: Record<string, string>;
  t: Translate;
}) {
  return (
    <form method="get" className="flex items-center gap-1.5 text-sm">
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <select
        name="theme"
        defaultValue={value ?? ""}
        aria-label={t("board.themeFilter")}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
      >
        <option value="">{t("board.allThemes")}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {"\u3000".repeat(theme.depth)}
            {theme.name}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-50">
        {t("library.apply")}
      </button>
    </form>
  );
}
