"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

/** A one-field dialog (a link's address, a note's text) that returns focus to the editor when it closes. */
export function PromptDialog({
  open,
  label,
  initial,
  multiline,
  submitLabel,
  onSubmit,
  onClose,
}: {
  open: boolean;
  label: string;
  initial: string;
  multiline?: boolean;
  submitLabel?: string;
  onSubmit: (value: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(initial);
  const fieldId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setValue(initial);
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open, initial]);
  return (
    <dialog
      ref={dialog}
      aria-label={label}
      onClose={onClose}
      className="m-auto w-[28rem] max-w-[95vw] rounded-lg border border-stone-200 p-0 shadow-xl backdrop:bg-stone-900/30"
    >
      <form
        className="space-y-3 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(value);
        }}
      >
        <label htmlFor={fieldId} className={labelClass}>
          {label}
        </label>
        {multiline ? (
          <textarea
            id={fieldId}
            autoFocus
            rows={3}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className={inputClass}
          />
        ) : (
          <input
            id={fieldId}
            autoFocus
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className={inputClass}
          />
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonSecondary} onClick={onClose}>
            {t("synthesis.cancel")}
          </button>
          <button type="submit" className={buttonPrimary}>
            {submitLabel ?? t("synthesis.insert")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
