"use client";
import { useActionState, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonDanger, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export interface DuplicateCandidate {
  id: string;
  title: string;
  year: number | null;
  likely: boolean;
}

/** Moves one item to the trash, optionally as a duplicate of an item that stays. */
export function TrashItemDialog({
  reviewId,
  itemId,
  title,
  candidates,
  action,
}: {
  reviewId: string;
  itemId: string;
  title: string;
  candidates: DuplicateCandidate[];
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(action, null);
  const [asDuplicate, setAsDuplicate] = useState(false);
  return (
    <>
      <button type="button" className={buttonDanger} onClick={() => dialog.current?.showModal()}>
        {t("editing.trash")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="trash-dialog-title"
        className="m-auto w-full max-w-lg rounded-lg border border-stone-200 p-0 shadow-xl backdrop:bg-stone-900/40"
      >
        <form action={formAction} className="space-y-4 p-5">
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="itemIds" value={JSON.stringify([itemId])} />
          <input type="hidden" name="then" value="library" />
          <h2 id="trash-dialog-title" className="text-base font-semibold">
            {t("editing.trashTitle", { title })}
          </h2>
          <p className="text-sm text-stone-600">{t("editing.trashHelp")}</p>
          <fieldset className="space-y-2 text-sm">
            <legend className="sr-only">{t("editing.trash")}</legend>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="mode"
                checked={!asDuplicate}
                onChange={() => setAsDuplicate(false)}
                className="mt-0.5 h-4 w-4"
              />
              {t("editing.trashJustRemove")}
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="mode"
                checked={asDuplicate}
                onChange={() => setAsDuplicate(true)}
                className="mt-0.5 h-4 w-4"
              />
              {t("editing.trashAsDuplicate")}
            </label>
          </fieldset>
          {asDuplicate && (
            <div>
              <label htmlFor="duplicateOfId" className={labelClass}>
                {t("editing.duplicateOf")}
              </label>
              {candidates.length === 0 ? (
                <p className="mt-1 text-sm text-stone-500">{t("editing.noCandidates")}</p>
              ) : (
                <select
                  id="duplicateOfId"
                  name="duplicateOfId"
                  required
                  defaultValue=""
                  className={`mt-1 ${inputClass}`}
                >
                  <option value="" disabled>
                    {t("editing.chooseDuplicate")}
                  </option>
                  {candidates.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.likely ? `★ ${t("editing.likelyDuplicate")} · ` : ""}
                      {candidate.title}
                      {candidate.year ? ` (${candidate.year})` : ""}
                    </option>
                  ))}
                </select>
              )}
            </div>
          )}
          {state && !state.ok && <FormMessage error={state.error} />}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={() => dialog.current?.close()}>
              {t("editing.cancel")}
            </button>
            <button
              type="submit"
              className={buttonDanger}
              disabled={pending || (asDuplicate && candidates.length === 0)}
            >
              {pending ? t("editing.trashing") : t("editing.trashConfirm")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
