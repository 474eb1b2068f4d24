"use client";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { Modal } from "@/components/ui/Modal";
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
  const [value, setValue] = useState(initial);
  const fieldId = useId();
  // Each opening starts from the value it is given.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setValue(initial);
  }
  return (
    <Modal open={open} onOpenChange={(next) => !next && onClose()} title={label} titleHidden className="max-w-md">
      <form
        className="space-y-3"
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
            rows={3}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className={inputClass}
          />
        ) : (
          <input id={fieldId} value={value} onChange={(event) => setValue(event.target.value)} className={inputClass} />
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
    </Modal>
  );
}
