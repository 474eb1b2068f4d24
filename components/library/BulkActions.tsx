"use client";
import { useActionState, useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonDanger, buttonSecondary, inlineInputClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type BulkAction = (p: ActionResult<{ count: number }> | null, f: FormData) => Promise<ActionResult<{ count: number }>>;

interface Option {
  value: string;
  label: string;
}

export interface BulkOptions {
  stages: (Option & { excluded: boolean })[];
  reasons: Option[];
  members: Option[];
  themes: Option[];
  canStage: boolean;
  canAssign: boolean;
  canTag: boolean;
  canTrash: boolean;
}

const field = `${inlineInputClass} w-40 py-1.5`;

export function BulkActions({
  reviewId,
  itemIds,
  allMatching,
  query,
  total,
  pageAllSelected,
  onSelectAllMatching,
  onClear,
  onDone,
  options,
  actions,
}: {
  reviewId: string;
  itemIds: string[];
  allMatching: boolean;
  query: string;
  total: number;
  pageAllSelected: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  /** Called with the confirmation once a change succeeded; the selection is cleared, so the table shows it. */
  onDone: (message: string) => void;
  options: BulkOptions;
  actions: { stage: BulkAction; assign: BulkAction; tag: BulkAction; trash: BulkAction };
}) {
  const { t } = useI18n();
  const [stageState, stageAction, stagePending] = useActionState(actions.stage, null);
  const [assignState, assignAction, assignPending] = useActionState(actions.assign, null);
  const [tagState, tagAction, tagPending] = useActionState(actions.tag, null);
  const [trashState, trashAction, trashPending] = useActionState(actions.trash, null);
  const [confirmingTrash, setConfirmingTrash] = useState(false);
  const [stageId, setStageId] = useState("");
  const excluded = options.stages.find((stage) => stage.value === stageId)?.excluded ?? false;
  const latest =
    [stageState, assignState, tagState, trashState].filter(Boolean).sort((a, b) => b!.at - a!.at)[0] ?? null;

  // After a successful change the rows re-render with fresh data; the selection has done its job.
  useEffect(() => {
    if (latest?.ok) {
      onDone(
        latest === trashState
          ? t("editing.trashedNoticeMany", { n: latest.data.count })
          : t("library.bulkDone", { n: latest.data.count }),
      );
      onClear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest?.at]);

  const target = (
    <>
      <input type="hidden" name="reviewId" value={reviewId} />
      {allMatching ? (
        <>
          <input type="hidden" name="selectAll" value="1" />
          <input type="hidden" name="query" value={query} />
        </>
      ) : (
        <input type="hidden" name="itemIds" value={JSON.stringify(itemIds)} />
      )}
    </>
  );
  const count = allMatching ? total : itemIds.length;
  return (
    <section
      aria-label={t("library.bulkActions")}
      className="space-y-2 rounded-lg border border-teal-200 bg-teal-50/70 px-4 py-3 text-sm"
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium text-teal-900" aria-live="polite">
          {allMatching ? t("library.allMatchingSelected", { n: total }) : t("library.selected", { n: count })}
        </span>
        {pageAllSelected && !allMatching && total > itemIds.length && (
          <button type="button" onClick={onSelectAllMatching} className="font-medium text-teal-800 underline">
            {t("library.selectAllMatching", { n: total })}
          </button>
        )}
        <button type="button" onClick={onClear} className="text-stone-600 hover:underline">
          {t("library.clearSelection")}
        </button>
      </div>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        {options.canStage && (
          <form action={stageAction} className="flex flex-wrap items-end gap-2" aria-label={t("library.bulkStage")}>
            {target}
            <select
              name="stageId"
              required
              value={stageId}
              onChange={(event) => setStageId(event.target.value)}
              aria-label={t("library.bulkStageTo")}
              className={field}
            >
              <option value="" disabled>
                {t("library.chooseStage")}
              </option>
              {options.stages.map((stage) => (
                <option key={stage.value} value={stage.value}>
                  {stage.label}
                </option>
              ))}
            </select>
            {excluded && (
              <select
                name="exclusionReasonId"
                required
                defaultValue=""
                aria-label={t("library.bulkReason")}
                className={field}
              >
                <option value="" disabled>
                  {t("library.chooseReason")}
                </option>
                {options.reasons.map((reason) => (
                  <option key={reason.value} value={reason.value}>
                    {reason.label}
                  </option>
                ))}
              </select>
            )}
            <input
              name="note"
              maxLength={500}
              aria-label={t("library.bulkNote")}
              placeholder={t("library.bulkNote")}
              className={field}
            />
            <button type="submit" className={buttonSecondary} disabled={stagePending}>
              {t("library.bulkStage")}
            </button>
          </form>
        )}
        {options.canAssign && (
          <form action={assignAction} className="flex flex-wrap items-end gap-2" aria-label={t("library.bulkAssign")}>
            {target}
            <select name="userId" required defaultValue="" aria-label={t("library.bulkMember")} className={field}>
              <option value="" disabled>
                {t("library.chooseMember")}
              </option>
              {options.members.map((member) => (
                <option key={member.value} value={member.value}>
                  {member.label}
                </option>
              ))}
            </select>
            <button type="submit" name="mode" value="add" className={buttonSecondary} disabled={assignPending}>
              {t("library.bulkAssign")}
            </button>
            <button type="submit" name="mode" value="remove" className={buttonSecondary} disabled={assignPending}>
              {t("library.bulkRemove")}
            </button>
          </form>
        )}
        {options.canTag && options.themes.length > 0 && (
          <form action={tagAction} className="flex flex-wrap items-end gap-2" aria-label={t("library.bulkTag")}>
            {target}
            <select name="themeId" required defaultValue="" aria-label={t("library.bulkTheme")} className={field}>
              <option value="" disabled>
                {t("library.chooseTheme")}
              </option>
              {options.themes.map((theme) => (
                <option key={theme.value} value={theme.value}>
                  {theme.label}
                </option>
              ))}
            </select>
            <button type="submit" name="mode" value="add" className={buttonSecondary} disabled={tagPending}>
              {t("library.bulkAdd")}
            </button>
            <button type="submit" name="mode" value="remove" className={buttonSecondary} disabled={tagPending}>
              {t("library.bulkRemove")}
            </button>
          </form>
        )}
        {options.canTrash && (
          <form action={trashAction} className="flex flex-wrap items-center gap-2" aria-label={t("editing.bulkTrash")}>
            {target}
            {confirmingTrash ? (
              <>
                <span role="alert" className="text-red-800">
                  {t("editing.bulkTrashConfirm", { n: count })}
                </span>
                <button type="submit" className={buttonDanger} disabled={trashPending}>
                  {trashPending ? t("editing.trashing") : t("editing.trashConfirm")}
                </button>
                <button type="button" className={buttonSecondary} onClick={() => setConfirmingTrash(false)}>
                  {t("editing.cancel")}
                </button>
              </>
            ) : (
              <button type="button" className={buttonDanger} onClick={() => setConfirmingTrash(true)}>
                {t("editing.bulkTrash")}
              </button>
            )}
          </form>
        )}
      </div>
      <FormMessage error={latest && !latest.ok ? latest.error : null} />
    </section>
  );
}
