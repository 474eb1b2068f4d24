"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonDanger, buttonPrimary, buttonSecondary, inlineInputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { useConfirm } from "@/components/ui/use-confirm";

type Action = (p: ActionResult | null, f: FormData) => Promise<ActionResult>;

export interface StageRow {
  id: string;
  nameZh: string;
  nameEn: string;
  excluded: boolean;
  itemCount: number;
  deletable: boolean;
}

const iconButton =
  "inline-flex size-8 items-center justify-center rounded-md border border-stone-300 bg-white text-stone-700 hover:bg-stone-50 disabled:opacity-40";

export function StageSettings({
  reviewId,
  stages,
  editable,
  actions,
}: {
  reviewId: string;
  stages: StageRow[];
  editable: boolean;
  actions: { rename: Action; move: Action; remove: Action; create: Action };
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-4">
      <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200">
        {stages.map((stage, index) => (
          <StageRowEditor
            key={`${stage.id}-${stage.nameZh}-${stage.nameEn}`}
            reviewId={reviewId}
            stage={stage}
            position={index + 1}
            first={index === 0}
            last={index === stages.length - 1}
            editable={editable}
            actions={actions}
          />
        ))}
      </ol>
      {editable && <AddStageForm reviewId={reviewId} action={actions.create} />}
      {!editable && <p className="sr-only">{t("workflow.settingsReadOnly")}</p>}
    </div>
  );
}

function StageRowEditor({
  reviewId,
  stage,
  position,
  first,
  last,
  editable,
  actions,
}: {
  reviewId: string;
  stage: StageRow;
  position: number;
  first: boolean;
  last: boolean;
  editable: boolean;
  actions: { rename: Action; move: Action; remove: Action };
}) {
  const { t, locale } = useI18n();
  const { confirmSubmit, dialog } = useConfirm();
  const [renameState, rename, renaming] = useActionState(actions.rename, null);
  const [moveState, move, moving] = useActionState(actions.move, null);
  const [removeState, remove, removing] = useActionState(actions.remove, null);
  const name = locale === "zh" ? stage.nameZh : stage.nameEn;
  const error = [renameState, moveState, removeState].find((state) => state && !state.ok);
  const hidden = (
    <>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="stageId" value={stage.id} />
    </>
  );
  return (
    <li className="flex flex-wrap items-center gap-3 px-3 py-2.5">
      <span className="w-6 text-right text-sm tabular-nums text-stone-500">{position}</span>
      {editable ? (
        <form action={rename} className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
          {hidden}
          <input
            name="nameZh"
            defaultValue={stage.nameZh}
            required
            maxLength={40}
            aria-label={t("workflow.stageNameZhOf", { name })}
            className={`${inlineInputClass} w-36 py-1.5`}
            lang="zh-CN"
          />
          <input
            name="nameEn"
            defaultValue={stage.nameEn}
            required
            maxLength={40}
            aria-label={t("workflow.stageNameEnOf", { name })}
            className={`${inlineInputClass} w-40 py-1.5`}
            lang="en"
          />
          <button
            type="submit"
            className={buttonSecondary}
            disabled={renaming}
            aria-label={t("workflow.saveStageOf", { name })}
          >
            {t("common.save")}
          </button>
        </form>
      ) : (
        <span className="min-w-0 flex-1 text-sm">
          <span className="font-medium">{stage.nameZh}</span>
          <span className="ml-2 text-stone-500">{stage.nameEn}</span>
        </span>
      )}
      <span className="flex items-center gap-2 text-xs text-stone-500">
        {stage.excluded && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900">{t("workflow.excludedKind")}</span>
        )}
        <span className="tabular-nums">{t("workflow.stageItems", { n: stage.itemCount })}</span>
      </span>
      {editable && (
        <span className="flex items-center gap-1">
          <form action={move}>
            {hidden}
            <input type="hidden" name="direction" value="up" />
            <button
              type="submit"
              className={iconButton}
              disabled={first || moving}
              aria-label={t("workflow.moveUp", { name })}
            >
              ↑
            </button>
          </form>
          <form action={move}>
            {hidden}
            <input type="hidden" name="direction" value="down" />
            <button
              type="submit"
              className={iconButton}
              disabled={last || moving}
              aria-label={t("workflow.moveDown", { name })}
            >
              ↓
            </button>
          </form>
          {stage.deletable && (
            <form
              action={remove}
              onSubmit={(event) =>
                confirmSubmit(event, {
                  title: t("workflow.deleteStageConfirm", { name }),
                  confirmLabel: t("workflow.delete"),
                  destructive: true,
                })
              }
            >
              {dialog}
              {hidden}
              <button
                type="submit"
                className={`${buttonDanger} px-2 py-1`}
                disabled={removing}
                aria-label={t("workflow.deleteStage", { name })}
              >
                {t("workflow.delete")}
              </button>
            </form>
          )}
        </span>
      )}
      {error && !error.ok && (
        <p role="alert" className="w-full pl-9 text-xs text-red-700">
          {error.error}
        </p>
      )}
    </li>
  );
}

function AddStageForm({ reviewId, action }: { reviewId: string; action: Action }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} key={state?.ok ? state.at : "new"} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <p className="text-sm font-medium text-stone-700">{t("workflow.addStage")}</p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="new-stage-zh" className={labelClass}>
            {t("workflow.stageNameZh")}
          </label>
          <input id="new-stage-zh" name="nameZh" required maxLength={40} className={`mt-1 ${inlineInputClass} w-40`} />
        </div>
        <div>
          <label htmlFor="new-stage-en" className={labelClass}>
            {t("workflow.stageNameEn")}
          </label>
          <input id="new-stage-en" name="nameEn" required maxLength={40} className={`mt-1 ${inlineInputClass} w-44`} />
        </div>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {pending ? t("workflow.adding") : t("workflow.addStage")}
        </button>
      </div>
      <p className="text-xs text-stone-500">{t("workflow.addStageHelp")}</p>
      <FormMessage
        error={state && !state.ok ? state.error : null}
        success={state?.ok ? t("workflow.stageAdded") : null}
      />
    </form>
  );
}
