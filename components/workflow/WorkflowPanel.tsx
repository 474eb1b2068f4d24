import { AssigneesPanel } from "@/components/workflow/AssigneesPanel";
import { StageForm } from "@/components/workflow/StageForm";
import { UndoStageChange } from "@/components/workflow/UndoStageChange";
import { cardClass } from "@/components/ui/styles";
import { can } from "@/lib/authz/policy";
import type { ActionResult } from "@/lib/errors/action-result";
import type { Locale } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translate";
import type { getItemWorkflow } from "@/lib/workflow/queries";

type Action = (p: ActionResult | null, f: FormData) => Promise<ActionResult>;

/** The item's stage, its history with undo, and who is assigned: the sidebar of the item page. */
export function WorkflowPanel({
  locale,
  userId,
  reviewId,
  workflow,
  actions,
}: {
  locale: Locale;
  userId: string;
  reviewId: string;
  workflow: Awaited<ReturnType<typeof getItemWorkflow>>;
  actions: { changeStage: Action; undo: Action; assign: Action };
}) {
  const t = translator(locale);
  const { item, stages, reasons, assignableMembers, role } = workflow;
  const stageName = (stage: { nameZh: string; nameEn: string }) => (locale === "zh" ? stage.nameZh : stage.nameEn);
  const reasonLabel = (reason: { labelZh: string; labelEn: string }) =>
    locale === "zh" ? reason.labelZh : reason.labelEn;
  const current = stages.find((stage) => stage.id === item.stageId)!;
  const dateFormat = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (
    <>
      <section className={`${cardClass} space-y-3 p-4`} aria-labelledby="stage-heading">
        <h2 id="stage-heading" className="text-sm font-semibold text-stone-500">
          {t("item.stage")}: <span className="text-stone-900">{stageName(current)}</span>
        </h2>
        {item.exclusionReason && (
          <p className="rounded-md bg-amber-50 px-3 py-1.5 text-xs text-amber-900">
            {t("workflow.currentReason", { reason: reasonLabel(item.exclusionReason) })}
          </p>
        )}
        {can(role, "item.changeStage") ? (
          <StageForm
            action={actions.changeStage}
            reviewId={reviewId}
            itemId={item.id}
            currentStageId={item.stageId}
            currentReasonId={item.exclusionReasonId}
            stages={stages.map((stage) => ({
              id: stage.id,
              name: stageName(stage),
              excluded: stage.kind === "EXCLUDED",
            }))}
            reasons={reasons.map((reason) => ({ id: reason.id, label: reasonLabel(reason) }))}
          />
        ) : (
          <p className="rounded-md bg-stone-50 px-3 py-2 text-xs text-stone-600">
            {t("item.readOnly", { role: t(`roles.${role}`) })}
          </p>
        )}
        <div>
          <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-stone-500">{t("workflow.history")}</h3>
          {item.statusChanges.length === 0 ? (
            <p className="text-xs text-stone-500">{t("workflow.historyEmpty")}</p>
          ) : (
            <ol className="space-y-2 text-xs text-stone-600" aria-label={t("workflow.history")}>
              {item.statusChanges.map((change) => {
                const who = change.changedBy?.name ?? t("activity.someone");
                const text = !change.fromStage
                  ? t("workflow.historyCreated", { who, to: stageName(change.toStage) })
                  : t(change.revertsId ? "workflow.historyUndo" : "workflow.historyEntry", {
                      who,
                      from: stageName(change.fromStage),
                      to: stageName(change.toStage),
                    });
                return (
                  <li key={change.id} className="border-l-2 border-stone-200 pl-2">
                    {text}
                    {change.exclusionReason && (
                      <span className="block text-amber-800">
                        {t("workflow.historyReason", { reason: reasonLabel(change.exclusionReason) })}
                      </span>
                    )}
                    {change.note && <q className="block text-stone-500">{change.note}</q>}
                    <time className="block text-stone-500" dateTime={change.createdAt.toISOString()}>
                      {dateFormat.format(change.createdAt)}
                    </time>
                    {change.id === item.undoableChangeId && can(role, "item.changeStage") && change.fromStage && (
                      <UndoStageChange
                        action={actions.undo}
                        reviewId={reviewId}
                        itemId={item.id}
                        changeId={change.id}
                        backTo={stageName(change.fromStage)}
                      />
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      </section>
      <section className={`${cardClass} p-4`} aria-labelledby="assignees-heading">
        <h2 id="assignees-heading" className="mb-2 text-sm font-semibold text-stone-500">
          {t("workflow.assigneesTitle")}
        </h2>
        <AssigneesPanel
          action={actions.assign}
          reviewId={reviewId}
          itemId={item.id}
          assignees={item.assignments.map((assignment) => assignment.user)}
          assignable={assignableMembers}
          currentUserId={userId}
          canAssign={can(role, "item.assign")}
        />
      </section>
    </>
  );
}
