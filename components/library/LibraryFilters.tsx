"use client";
import { useRef } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonSecondary, inlineInputClass, labelClass } from "@/components/ui/styles";

interface Option {
  value: string;
  label: string;
}

export interface FilterValues {
  q?: string;
  stage?: string;
  theme?: string;
  assignee?: string;
  screening?: string;
  type?: string;
  missing?: string;
  yearFrom?: number;
  yearTo?: number;
  journal?: string;
  sort: string;
  dir?: string;
  size: number;
}

/** A plain GET form: every filter lives in the URL, so views can be bookmarked and shared. Selects apply at once. */
export function LibraryFilters({
  values,
  options,
}: {
  values: FilterValues;
  options: {
    stages: Option[];
    themes: Option[];
    members: Option[];
    screening: Option[];
    types: Option[];
    missing: Option[];
  };
}) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const select = (name: keyof FilterValues, label: string, choices: Option[], value?: string | number) => (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value === undefined ? "" : String(value)}
        onChange={submit}
        className={`mt-1 ${inlineInputClass} w-32 py-1.5`}
      >
        <option value="">{t("library.any")}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      ref={form}
      method="get"
      role="search"
      aria-label={t("library.filter")}
      className="space-y-3"
      onSubmit={(event) => {
        // Empty fields stay out of the URL, so a shared link shows only the filters that matter.
        for (const element of Array.from(event.currentTarget.elements) as HTMLInputElement[]) {
          if (element.name && element.value === "") element.disabled = true;
        }
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-72 flex-1">
          <label htmlFor="filter-q" className={labelClass}>
            {t("library.search")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={values.q ?? ""}
            placeholder={t("library.searchPlaceholder")}
            className={`mt-1 ${inlineInputClass} w-full py-1.5`}
            aria-keyshortcuts="/"
          />
        </div>
        {select("stage", t("library.stage"), options.stages, values.stage)}
        {select("theme", t("library.theme"), options.themes, values.theme)}
        {select("assignee", t("library.assignee"), options.members, values.assignee)}
        {select("screening", t("library.screening"), options.screening, values.screening)}
        {select("type", t("itemTypes.label"), options.types, values.type)}
        {select("missing", t("library.missingField"), options.missing, values.missing)}
        <div>
          <label htmlFor="filter-yearFrom" className={labelClass}>
            {t("library.yearFrom")}
          </label>
          <input
            id="filter-yearFrom"
            name="yearFrom"
            type="number"
            min={1000}
            max={2999}
            defaultValue={values.yearFrom ?? ""}
            className={`mt-1 ${inlineInputClass} w-20 py-1.5`}
          />
        </div>
        <div>
          <label htmlFor="filter-yearTo" className={labelClass}>
            {t("library.yearTo")}
          </label>
          <input
            id="filter-yearTo"
            name="yearTo"
            type="number"
            min={1000}
            max={2999}
            defaultValue={values.yearTo ?? ""}
            className={`mt-1 ${inlineInputClass} w-20 py-1.5`}
          />
        </div>
        <div>
          <label htmlFor="filter-journal" className={labelClass}>
            {t("library.journal")}
          </label>
          <input
            id="filter-journal"
            name="journal"
            defaultValue={values.journal ?? ""}
            className={`mt-1 ${inlineInputClass} w-32 py-1.5`}
          />
        </div>
        <input type="hidden" name="sort" value={values.sort} />
        {values.dir && <input type="hidden" name="dir" value={values.dir} />}
        <div>
          <label htmlFor="filter-size" className={labelClass}>
            {t("library.pageSize")}
          </label>
          <select
            id="filter-size"
            name="size"
            defaultValue={String(values.size)}
            onChange={submit}
            className={`mt-1 ${inlineInputClass} w-20 py-1.5`}
          >
            {[50, 100, 200].map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonSecondary}>
          {t("library.apply")}
        </button>
      </div>
    </form>
  );
}
