"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { useToastOnSuccess } from "@/components/ui/toast";
import { buttonPrimary, buttonSecondary, inlineInputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type Action = (p: ActionResult | null, f: FormData) => Promise<ActionResult>;

export interface ReasonRow {
  id: string;
  labelZh: string;
  labelEn: string;
  archived: boolean;
}

export function ExclusionReasonSettings({
  reviewId,
  reasons,
  editable,
  actions,
}: {
  reviewId: string;
  reasons: ReasonRow[];
  editable: boolean;
  actions: { update: Action; create: Action };
}) {
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200">
        {reasons.map((reason) => (
          <ReasonEditor
            key={`${reason.id}-${reason.labelZh}-${reason.labelEn}-${reason.archived}`}
            reviewId={reviewId}
            reason={reason}
            editable={editable}
            action={actions.update}
          />
        ))}
      </ul>
      {editable && <AddReasonForm reviewId={reviewId} action={actions.create} />}
    </div>
  );
}

function ReasonEditor({
  reviewId,
  reason,
  editable,
  action,
}: {
  reviewId: string;
  reason: ReasonRow;
  editable: boolean;
  action: Action;
}) {
  const { t, locale } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const name = locale === "zh" ? reason.labelZh : reason.labelEn;
  if (!editable) {
    return (
      <li className="flex items-center gap-3 px-3 py-2.5 text-sm">
        <span className={reason.archived ? "text-stone-500 line-through" : "font-medium"}>{reason.labelZh}</span>
        <span className="text-stone-500">{reason.labelEn}</span>
        {reason.archived && <span className="text-xs text-stone-500">{t("workflow.archived")}</span>}
      </li>
    );
  }
  return (
    <li className="px-3 py-2.5">
      <form action={formAction} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="reasonId" value={reason.id} />
        <input
          name="labelZh"
          defaultValue={reason.labelZh}
          required
          maxLength={80}
          aria-label={t("workflow.reasonLabelZhOf", { name })}
          className={`${inlineInputClass} w-48 py-1.5 ${reason.archived ? "text-stone-500" : ""}`}
          lang="zh-CN"
        />
        <input
          name="labelEn"
          defaultValue={reason.labelEn}
          required
          maxLength={80}
          aria-label={t("workflow.reasonLabelEnOf", { name })}
          className={`${inlineInputClass} w-56 py-1.5 ${reason.archived ? "text-stone-500" : ""}`}
          lang="en"
        />
        <button
          type="submit"
          className={buttonSecondary}
          disabled={pending}
          aria-label={t("workflow.saveReasonOf", { name })}
        >
          {t("common.save")}
        </button>
        <button
          type="submit"
          name="archived"
          value={reason.archived ? "false" : "true"}
          disabled={pending}
          className="text-sm font-medium text-stone-600 hover:text-stone-900 hover:underline"
          aria-label={t(reason.archived ? "workflow.restoreReasonOf" : "workflow.archiveReasonOf", { name })}
        >
          {t(reason.archived ? "workflow.restoreReason" : "workflow.archiveReason")}
        </button>
        {reason.archived && (
          <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-600">{t("workflow.archived")}</span>
        )}
      </form>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.error}
        </p>
      )}
    </li>
  );
}

function AddReasonForm({ reviewId, action }: { reviewId: string; action: Action }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  // "Saved" is said in a toast; a refusal stays beside the fields.
  useToastOnSuccess(state, t("workflow.saved"));
  return (
    <form action={formAction} key={state?.ok ? state.at : "new"} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <p className="text-sm font-medium text-stone-700">{t("workflow.addReason")}</p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="new-reason-zh" className={labelClass}>
            {t("workflow.reasonLabelZh")}
          </label>
          <input
            id="new-reason-zh"
            name="labelZh"
            required
            maxLength={80}
            className={`mt-1 ${inlineInputClass} w-48`}
          />
        </div>
        <div>
          <label htmlFor="new-reason-en" className={labelClass}>
            {t("workflow.reasonLabelEn")}
          </label>
          <input
            id="new-reason-en"
            name="labelEn"
            required
            maxLength={80}
            className={`mt-1 ${inlineInputClass} w-56`}
          />
        </div>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {t("workflow.addReason")}
        </button>
      </div>
      <FormMessage error={state && !state.ok ? state.error : null} />
    </form>
  );
}
