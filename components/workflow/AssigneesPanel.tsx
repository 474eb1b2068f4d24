"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inputClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

interface Member {
  id: string;
  name: string;
  email: string;
}

type Action = (p: ActionResult | null, f: FormData) => Promise<ActionResult>;

export function AssigneesPanel({
  action,
  reviewId,
  itemId,
  assignees,
  assignable,
  currentUserId,
  canAssign,
}: {
  action: Action;
  reviewId: string;
  itemId: string;
  assignees: Member[];
  assignable: Member[];
  currentUserId: string;
  canAssign: boolean;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const assignedIds = new Set(assignees.map((member) => member.id));
  const candidates = assignable.filter((member) => !assignedIds.has(member.id));
  const hidden = (
    <>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
    </>
  );
  return (
    <div className="space-y-3">
      {assignees.length === 0 ? (
        <p className="text-sm text-stone-500">{t("workflow.noAssignees")}</p>
      ) : (
        <ul className="space-y-1.5">
          {assignees.map((member) => (
            <li key={member.id} className="flex items-center justify-between gap-2 text-sm">
              <span className="flex min-w-0 items-center gap-2">
                <span
                  aria-hidden
                  className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-teal-100 text-xs font-semibold text-teal-900"
                >
                  {member.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="truncate">{member.name}</span>
              </span>
              {canAssign && (
                <form action={formAction}>
                  {hidden}
                  <input type="hidden" name="userId" value={member.id} />
                  <input type="hidden" name="mode" value="remove" />
                  <button
                    type="submit"
                    disabled={pending}
                    aria-label={t("workflow.unassign", { name: member.name })}
                    className="rounded px-1.5 text-stone-500 hover:bg-stone-100 hover:text-stone-700"
                  >
                    ×
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAssign && candidates.length > 0 && (
        <form action={formAction} className="flex gap-2">
          {hidden}
          <input type="hidden" name="mode" value="add" />
          <label htmlFor="assign-member" className="sr-only">
            {t("workflow.assignMember")}
          </label>
          <select id="assign-member" name="userId" required defaultValue="" className={`${inputClass} py-1.5`}>
            <option value="" disabled>
              {t("workflow.chooseMember")}
            </option>
            {candidates.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonSecondary} disabled={pending}>
            {t("workflow.assign")}
          </button>
        </form>
      )}
      {canAssign && candidates.some((member) => member.id === currentUserId) && (
        <form action={formAction}>
          {hidden}
          <input type="hidden" name="mode" value="add" />
          <input type="hidden" name="userId" value={currentUserId} />
          <button type="submit" disabled={pending} className="text-sm font-medium text-teal-700 hover:underline">
            {t("workflow.assignToMe")}
          </button>
        </form>
      )}
      {state && !state.ok && <FormMessage error={state.error} />}
    </div>
  );
}
