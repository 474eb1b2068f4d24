"use client";
// Opening a round (title, due date, note, sections, carry-over) and closing one.
import { useActionState, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { FieldError, FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type Action<T = unknown> = (previous: unknown, form: FormData) => Promise<ActionResult<T>>;

export function OpenRoundForm({
  reviewId,
  sections,
  action,
}: {
  reviewId: string;
  sections: { id: string; title: string; busyIn: number | null }[];
  action: Action<{ roundId: string; number: number }>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const ids = { title: useId(), due: useId(), note: useId() };
  const failed = state && !state.ok ? state : null;
  const busy = (failed?.details as { sections?: { section: string; round: number }[] } | undefined)?.sections ?? [];
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="reviewId" value={reviewId} />
      <div>
        <label htmlFor={ids.title} className={labelClass}>
          {t("rounds.roundTitle")}
        </label>
        <input
          id={ids.title}
          name="title"
          required
          maxLength={200}
          placeholder={t("rounds.roundTitlePlaceholder")}
          aria-invalid={!!failed?.fields?.title}
          aria-describedby={`${ids.title}-error`}
          className={`${inputClass} mt-1`}
        />
        <FieldError id={`${ids.title}-error`} messages={failed?.fields?.title && [t("rounds.titleRequired")]} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={ids.due} className={labelClass}>
            {t("rounds.dueAt")}
          </label>
          <input id={ids.due} name="dueAt" type="date" className={`${inputClass} mt-1`} />
        </div>
      </div>
      <div>
        <label htmlFor={ids.note} className={labelClass}>
          {t("rounds.note")}
        </label>
        <textarea id={ids.note} name="note" rows={2} maxLength={5000} className={`${inputClass} mt-1`} />
      </div>
      <fieldset aria-describedby={`${ids.title}-sections-error`}>
        <legend className={labelClass}>{t("rounds.sections")}</legend>
        <FieldError
          id={`${ids.title}-sections-error`}
          messages={failed?.fields?.sectionIds && [t("rounds.sectionsRequired")]}
        />
        {sections.length === 0 ? (
          <p className="mt-1 text-sm text-stone-500">{t("rounds.noSections")}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {sections.map((section) => (
              <li key={section.id}>
                <label className="flex items-center gap-2 text-sm text-stone-800">
                  <input type="checkbox" name="sectionIds" value={section.id} disabled={section.busyIn !== null} />
                  {section.title}
                  {section.busyIn !== null && (
                    <span className="text-xs text-stone-500">{t("rounds.busyShort", { round: section.busyIn })}</span>
                  )}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-stone-700">
        <input type="checkbox" name="carryOpenThreads" defaultChecked />
        {t("rounds.carry")}
      </label>
      <button type="submit" className={buttonPrimary} disabled={pending || sections.length === 0}>
        {pending ? t("rounds.opening") : t("rounds.open")}
      </button>
      <FormMessage
        error={failed ? [failed.error, ...busy.map((entry) => t("rounds.busy", entry))].join(" ") : null}
        success={state?.ok ? t("rounds.opened", { n: state.data.number }) : null}
      />
    </form>
  );
}

/**
 * Closing a round asks first, in the app's own dialog, and says what is still open: answers nobody gave,
 * answers waiting for the supervisor, suggestions nobody decided.
 */
export function CloseRoundButton({
  reviewId,
  round,
  stillOpen,
  action,
}: {
  reviewId: string;
  round: { id: string; number: number; title: string };
  stillOpen: { open: number; addressed: number; pending: number };
  action: Action;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [asking, setAsking] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const lines = [
    stillOpen.open > 0 ? t("reviewTools.closeOpenComments", { n: stillOpen.open }) : null,
    stillOpen.addressed > 0 ? t("reviewTools.closeAddressed", { n: stillOpen.addressed }) : null,
    stillOpen.pending > 0 ? t("reviewTools.closePendingSuggestions", { n: stillOpen.pending }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <form ref={form} action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="roundId" value={round.id} />
      <button type="button" className={buttonSecondary} disabled={pending} onClick={() => setAsking(true)}>
        {t("rounds.close")}
      </button>
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title={t("reviewTools.closeTitle", { n: round.number, title: round.title })}
        confirmLabel={t("reviewTools.closeConfirm")}
        cancelLabel={t("reviewTools.cancel")}
        pending={pending}
        onConfirm={() => form.current?.requestSubmit()}
      >
        {lines.length > 0 ? (
          <>
            <p>{t("reviewTools.closeStillOpen")}</p>
            <ul className="list-disc space-y-0.5 pl-5 font-medium text-amber-900">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("reviewTools.closeAllDone")}</p>
        )}
        <p className="text-stone-600">{t("reviewTools.closeAfter")}</p>
      </ConfirmDialog>
      <FormMessage error={state && !state.ok ? state.error : null} success={state?.ok ? t("rounds.closed") : null} />
    </form>
  );
}
