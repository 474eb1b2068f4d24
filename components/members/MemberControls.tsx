"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonDanger, buttonSecondary, inputClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { useConfirm } from "@/components/ui/use-confirm";

type Action = (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
const ROLES = ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const;

export function MemberControls({
  reviewId,
  membershipId,
  name,
  role,
  changeRole,
  remove,
}: {
  reviewId: string;
  membershipId: string;
  name: string;
  role: (typeof ROLES)[number];
  changeRole: Action;
  remove: Action;
}) {
  const { t } = useI18n();
  const { confirmSubmit, dialog } = useConfirm();
  const [roleState, roleAction, rolePending] = useActionState(changeRole, null);
  const [removeState, removeAction, removePending] = useActionState(remove, null);
  const error =
    (roleState && !roleState.ok && roleState.error) || (removeState && !removeState.ok && removeState.error);
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <select
          name="role"
          defaultValue={role}
          key={role}
          aria-label={t("members.changeRole", { name })}
          className={`${inputClass} w-36 py-1.5`}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonSecondary} disabled={rolePending}>
          {t("common.save")}
        </button>
      </form>
      <form
        action={removeAction}
        onSubmit={(event) =>
          confirmSubmit(event, {
            title: t("members.removeConfirm", { name }),
            confirmLabel: t("members.remove"),
            destructive: true,
          })
        }
      >
        {dialog}
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <button
          type="submit"
          className={buttonDanger}
          disabled={removePending}
          aria-label={`${t("members.remove")} ${name}`}
        >
          {t("members.remove")}
        </button>
      </form>
      {error && (
        <p role="alert" className="w-full text-right text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function RevokeInvitationButton({
  reviewId,
  invitationId,
  action,
}: {
  reviewId: string;
  invitationId: string;
  action: Action;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" className={buttonDanger} disabled={pending}>
        {t("members.revoke")}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
