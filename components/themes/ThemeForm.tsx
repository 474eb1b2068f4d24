"use client";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { useToastOnSuccess } from "@/components/ui/toast";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export interface ThemeValues {
  id?: string;
  nameZh: string;
  nameEn: string | null;
  color: string;
  definitionZh: string | null;
  definitionEn: string | null;
  inclusionNotes: string | null;
  parentId: string | null;
}

/** Creates a theme or edits one: names in both languages, colour, parent, definitions and inclusion notes. */
export function ThemeForm({
  reviewId,
  initial,
  parents,
  action,
  submitLabel,
  pendingLabel,
  doneLabel,
}: {
  reviewId: string;
  initial: ThemeValues;
  parents: { id: string; name: string; depth: number }[];
  action: (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  pendingLabel: string;
  doneLabel: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  // A new theme's form starts empty again after a success; an edit form keeps what was saved.
  useEffect(() => {
    if (state?.ok && !initial.id) form.current?.reset();
  }, [state, initial.id]);
  useToastOnSuccess(state, doneLabel);
  const prefix = initial.id ? `theme-${initial.id}` : "new-theme";
  const problems = state && !state.ok ? Object.keys(state.fields ?? {}) : [];
  return (
    <form
      ref={form}
      // Submitted by hand so a refused save keeps what was typed (a form action would reset the fields).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-3"
      aria-label={submitLabel}
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      {initial.id && <input type="hidden" name="themeId" value={initial.id} />}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <div>
          <label htmlFor={`${prefix}-zh`} className={labelClass}>
            {t("coding.nameZh")}
          </label>
          <input
            id={`${prefix}-zh`}
            name="nameZh"
            required
            maxLength={100}
            defaultValue={initial.nameZh}
            aria-invalid={problems.includes("nameZh") || undefined}
            className={`mt-1 ${inputClass}`}
          />
        </div>
        <div>
          <label htmlFor={`${prefix}-en`} className={labelClass}>
            {t("coding.nameEn")}
          </label>
          <input
            id={`${prefix}-en`}
            name="nameEn"
            maxLength={200}
            defaultValue={initial.nameEn ?? ""}
            className={`mt-1 ${inputClass}`}
          />
        </div>
        <div>
          <label htmlFor={`${prefix}-color`} className={labelClass}>
            {t("coding.color")}
          </label>
          <input
            id={`${prefix}-color`}
            name="color"
            type="color"
            defaultValue={initial.color}
            className="mt-1 h-[38px] w-16 cursor-pointer rounded-md border border-stone-300 bg-white p-1"
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${prefix}-parent`} className={labelClass}>
          {t("coding.parent")}
        </label>
        <select
          id={`${prefix}-parent`}
          name="parentId"
          defaultValue={initial.parentId ?? ""}
          className={`mt-1 ${inputClass}`}
        >
          <option value="">{t("coding.noParent")}</option>
          {parents
            .filter((parent) => parent.id !== initial.id)
            .map((parent) => (
              <option key={parent.id} value={parent.id}>
                {"\u3000".repeat(parent.depth)}
                {parent.name}
              </option>
            ))}
        </select>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-def-zh`} className={labelClass}>
            {t("coding.definitionZh")}
          </label>
          <textarea
            id={`${prefix}-def-zh`}
            name="definitionZh"
            rows={3}
            defaultValue={initial.definitionZh ?? ""}
            className={`mt-1 ${inputClass}`}
          />
        </div>
        <div>
          <label htmlFor={`${prefix}-def-en`} className={labelClass}>
            {t("coding.definitionEn")}
          </label>
          <textarea
            id={`${prefix}-def-en`}
            name="definitionEn"
            rows={3}
            defaultValue={initial.definitionEn ?? ""}
            className={`mt-1 ${inputClass}`}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${prefix}-incl`} className={labelClass}>
          {t("coding.inclusionNotes")}
        </label>
        <textarea
          id={`${prefix}-incl`}
          name="inclusionNotes"
          rows={2}
          defaultValue={initial.inclusionNotes ?? ""}
          className={`mt-1 ${inputClass}`}
        />
      </div>
      <FormMessage error={state && !state.ok ? state.error : null} />
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
