"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { Modal } from "@/components/ui/Modal";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";

/**
 * A download link that, when some cited references are incomplete, first says so and lets the user fix them or
 * export anyway: the exported bibliography would otherwise carry the gaps silently.
 */
export function ExportWithWarning({
  href,
  label,
  incomplete,
  fixHref,
}: {
  href: string;
  label: string;
  /** How many cited references lack something their type needs. */
  incomplete: number;
  /** Where the incomplete references are listed with their fix links. */
  fixHref?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (incomplete === 0) {
    return (
      <a href={href} className={buttonSecondary} download>
        {label}
      </a>
    );
  }
  return (
    <>
      <a
        href={href}
        className={buttonSecondary}
        download
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {label}
      </a>
      <Modal open={open} onOpenChange={setOpen} title={label}>
        <div className="mt-4 space-y-4">
          <p role="alert" className="text-sm text-amber-900">
            {t("itemTypes.exportWarning", { n: incomplete })}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={() => setOpen(false)}>
              {t("editing.cancel")}
            </button>
            {fixHref && (
              <a href={fixHref} className={buttonSecondary} onClick={() => setOpen(false)}>
                {t("itemTypes.showIncomplete")}
              </a>
            )}
            <a href={href} className={buttonPrimary} download onClick={() => setOpen(false)}>
              {t("itemTypes.exportAnyway")}
            </a>
          </div>
        </div>
      </Modal>
    </>
  );
}
