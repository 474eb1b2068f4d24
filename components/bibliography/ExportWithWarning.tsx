"use client";
import { useRef } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
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
  const dialog = useRef<HTMLDialogElement>(null);
  if (incomplete === 0) {
    return (
      <a href={href} className={buttonSecondary} download>
        {label}
      </a>
    );
  }
  const titleId = `export-warning-${href.replace(/\W+/g, "-")}`;
  return (
    <>
      <a
        href={href}
        className={buttonSecondary}
        download
        onClick={(event) => {
          event.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {label}
      </a>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg border border-stone-200 p-0 shadow-xl backdrop:bg-stone-900/40"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {label}
          </h2>
          <p role="alert" className="text-sm text-amber-900">
            {t("itemTypes.exportWarning", { n: incomplete })}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={() => dialog.current?.close()}>
              {t("editing.cancel")}
            </button>
            {fixHref && (
              <a href={fixHref} className={buttonSecondary} onClick={() => dialog.current?.close()}>
                {t("itemTypes.showIncomplete")}
              </a>
            )}
            <a href={href} className={buttonPrimary} download onClick={() => dialog.current?.close()}>
              {t("itemTypes.exportAnyway")}
            </a>
          </div>
        </div>
      </dialog>
    </>
  );
}
