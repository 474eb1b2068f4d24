"use client";
// A file field in the page's language. The browser's own file button says "Choose File / No file chosen" in the
// browser's language whatever the page's; here the native input is visually hidden (still focusable, named by the
// field's label, and opened by Enter/Space or a click on the visible button) and the button and the chosen
// file's name are ours.
import { useId, useState, type Ref } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonSecondary, labelClass } from "./styles";

export function FilePicker({
  id,
  name,
  label,
  hideLabel = false,
  accept,
  multiple = false,
  required = false,
  disabled = false,
  variant = "button",
  buttonLabel,
  onFiles,
  clearAfterChoosing = false,
  inputRef,
  className = "",
}: {
  id?: string;
  name?: string;
  /** The field's name: shown above it (unless hideLabel) and read out as the input's accessible name. */
  label: string;
  hideLabel?: boolean;
  accept?: string;
  multiple?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** "button": a button and the chosen file's name; "link": inline text in a drop zone, no file name. */
  variant?: "button" | "link";
  /** The visible button's text; "Choose a file" / "Choose files" by default. */
  buttonLabel?: string;
  onFiles?: (files: FileList) => void;
  /** Empties the input after each choice (files handed straight to an upload), so the same file can be chosen again. */
  clearAfterChoosing?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}) {
  const { t } = useI18n();
  const ownId = useId();
  const inputId = id ?? `file-${ownId}`;
  const labelId = `${inputId}-label`;
  const chosenId = `${inputId}-chosen`;
  const [chosen, setChosen] = useState<string[]>([]);
  const text = buttonLabel ?? t(multiple ? "ui.chooseFiles" : "ui.chooseFile");

  const input = (
    <input
      ref={inputRef}
      id={inputId}
      name={name}
      type="file"
      accept={accept}
      multiple={multiple}
      required={required}
      disabled={disabled}
      aria-labelledby={labelId}
      aria-describedby={variant === "button" ? chosenId : undefined}
      className="peer sr-only"
      onChange={(event) => {
        const files = event.target.files;
        if (!clearAfterChoosing) setChosen(files ? Array.from(files, (file) => file.name) : []);
        if (files && files.length > 0) onFiles?.(files);
        if (clearAfterChoosing) event.target.value = "";
      }}
    />
  );

  if (variant === "link") {
    return (
      <span className={`relative inline-block ${className}`}>
        <span id={labelId} className="sr-only">
          {label}
        </span>
        {input}
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-sm font-medium text-teal-700 underline peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-teal-700 peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
        >
          {text}
        </label>
      </span>
    );
  }

  return (
    <div className={className}>
      <span id={labelId} className={hideLabel ? "sr-only" : labelClass}>
        {label}
      </span>
      <div className={`relative flex min-w-0 items-center gap-3 ${hideLabel ? "" : "mt-1"}`}>
        {input}
        <label
          htmlFor={inputId}
          className={`${buttonSecondary} cursor-pointer peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-teal-700 peer-disabled:cursor-not-allowed peer-disabled:opacity-60`}
        >
          {text}
        </label>
        <span id={chosenId} className="min-w-0 truncate text-sm text-stone-600" title={chosen.join(", ")}>
          {chosen.length === 0
            ? t("ui.noFileChosen")
            : chosen.length === 1
              ? chosen[0]
              : t("ui.filesChosen", { n: chosen.length })}
        </span>
      </div>
    </div>
  );
}
