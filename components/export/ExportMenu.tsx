"use client";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import {
  buttonSecondary,
  inlineInputClass,
  menuContent,
  menuItem,
  menuLabel,
  menuSeparator,
} from "@/components/ui/styles";
import { useToast } from "@/components/ui/toast";
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

/**
 * The library header's export menu (a Radix DropdownMenu: arrow keys, typeahead, Escape): the format as radio
 * items, then every item or the items the current filter shows as download links.
 */
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
  const toast = useToast();
  const [format, setFormat] = useState<ExportFormat>("ris");
  const base = `/reviews/${reviewId}/library/export?format=${format}`;
  const filtered = total !== all;
  const started = () => toast(t("transfer.exportStarted", { format: t(`transfer.exportFormats.${format}`) }));
  return (
    // Not modal: the page is not hidden from assistive technology while the menu is open (Escape, a click outside
    // or Tab still close it).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={buttonSecondary}>
        {t("transfer.exportButton")}
        <span aria-hidden="true" className="text-xs text-stone-400">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          // Named for what it holds, not after its button (Radix's default).
          aria-labelledby={undefined}
          aria-label={t("transfer.exportMenu")}
          className={`${menuContent} w-80`}
        >
          <DropdownMenu.Label className={menuLabel}>{t("transfer.exportFormat")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            aria-label={t("transfer.exportFormat")}
            value={format}
            onValueChange={(value) => setFormat(value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((option) => (
              <DropdownMenu.RadioItem
                key={option}
                value={option}
                className={menuItem}
                // Choosing a format keeps the menu open for the download below.
                onSelect={(event) => event.preventDefault()}
              >
                <span aria-hidden="true" className="w-3 text-teal-700">
                  <DropdownMenu.ItemIndicator>●</DropdownMenu.ItemIndicator>
                </span>
                {t(`transfer.exportFormats.${option}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className={menuSeparator} />
          <DropdownMenu.Item asChild className={`${menuItem} font-medium text-teal-800`} onSelect={started}>
            <a href={`${base}&scope=all`} download>
              {t("transfer.exportAll", { n: all })}
            </a>
          </DropdownMenu.Item>
          {filtered && (
            <DropdownMenu.Item asChild className={menuItem} onSelect={started}>
              <a href={`${base}&scope=filter${query ? `&${query}` : ""}`} download>
                {t("transfer.exportFiltered", { n: total })}
              </a>
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
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
