"use client";
import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { Modal } from "@/components/ui/Modal";
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
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, null);
  const [asDuplicate, setAsDuplicate] = useState(false);
  return (
    <>
      <button type="button" className={buttonDanger} onClick={() => setOpen(true)}>
        {t("editing.trash")}
      </button>
      <Modal
        open={open}
        onOpenChange={setOpen}
        title={t("editing.trashTitle", { title })}
        description={t("editing.trashHelp")}
        className="max-w-lg"
      >
        <form action={formAction} className="mt-4 space-y-4">
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="itemIds" value={JSON.stringify([itemId])} />
          <input type="hidden" name="then" value="library" />
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
            <button type="button" className={buttonSecondary} onClick={() => setOpen(false)}>
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
      </Modal>
    </>
  );
}
