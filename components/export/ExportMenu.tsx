"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonPrimary, buttonSecondary, inlineInputClass } from "@/components/ui/styles";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";

function FormatSelect({
  id,
  value,
  onChange,
  className = "",
}: {
  id: string;
  value: ExportFormat;
  onChange: (f: ExportFormat) => void;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      aria-label={t("transfer.exportFormat")}
      className={`${inlineInputClass} py-1.5 ${className}`}
      value={value}
      onChange={(event) => onChange(event.target.value as ExportFormat)}
    >
      {EXPORT_FORMATS.map((format) => (
        <option key={format} value={format}>
          {t(`transfer.exportFormats.${format}`)}
        </option>
      ))}
    </select>
  );
}

/** The library header's export menu: every item, or the items the current filter shows. */
export function ExportMenu({
  reviewId,
  total,
  all,
  query,
}: {
  reviewId: string;
  total: number;
  all: number;
  /** The library's current query string, without "?". */
  query: string;
}) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ExportFormat>("ris");
  const base = `/reviews/${reviewId}/library/export?format=${format}`;
  const filtered = total !== all;
  return (
    <details className="relative">
      <summary className={`${buttonSecondary} cursor-pointer list-none`}>{t("transfer.exportButton")}</summary>
      <div
        role="group"
        aria-label={t("transfer.exportMenu")}
        className="absolute right-0 z-20 mt-1 w-80 space-y-3 rounded-md border border-stone-200 bg-white p-3 shadow-lg"
      >
        <FormatSelect id="export-format" value={format} onChange={setFormat} />
        <div className="flex flex-col gap-2">
          <a href={`${base}&scope=all`} download className={buttonPrimary}>
            {t("transfer.exportAll", { n: all })}
          </a>
          {filtered && (
            <a href={`${base}&scope=filter${query ? `&${query}` : ""}`} download className={buttonSecondary}>
              {t("transfer.exportFiltered", { n: total })}
            </a>
          )}
        </div>
      </div>
    </details>
  );
}

/** Next to the bulk actions: the ticked items (or, with "all matching", the filter) as a download. */
export function ExportSelected({
  reviewId,
  itemIds,
  allMatching,
  query,
}: {
  reviewId: string;
  itemIds: string[];
  allMatching: boolean;
  query: string;
}) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ExportFormat>("ris");
  const action = `/reviews/${reviewId}/library/export`;
  if (allMatching) {
    return (
      <div className="flex items-center gap-2">
        <FormatSelect id="export-selected-format" value={format} onChange={setFormat} className="w-44" />
        <a
          href={`${action}?format=${format}&scope=filter${query ? `&${query}` : ""}`}
          download
          className={buttonSecondary}
        >
          {t("transfer.exportSelected")}
        </a>
      </div>
    );
  }
  return (
    <form method="post" action={action} className="flex items-center gap-2">
      <input type="hidden" name="itemIds" value={JSON.stringify(itemIds)} />
      <FormatSelect id="export-selected-format" value={format} onChange={setFormat} className="w-44" />
      <input type="hidden" name="format" value={format} />
      <button type="submit" className={buttonSecondary}>
        {t("transfer.exportSelected")}
      </button>
    </form>
  );
}
