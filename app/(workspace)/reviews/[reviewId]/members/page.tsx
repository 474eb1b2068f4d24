import { InviteForm } from "@/components/members/InviteForm";
import { MemberControls, RevokeInvitationButton } from "@/components/members/MemberControls";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { listMembers, listPendingInvitations } from "@/lib/members/queries";
import { getReview } from "@/lib/reviews/queries";
import { changeRoleAction, createInvitationAction, removeMemberAction, revokeInvitationAction } from "./actions";

export default async function MembersPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/members`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const review = await loadOrNotFound(getReview(access));
  const manage = can(review.role, "members.manage");
  const [members, invitations] = await Promise.all([
    loadOrNotFound(listMembers(access)),
    manage ? listPendingInvitations(access) : Promise.resolve([]),
  ]);
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium" });
  return (
    <div className="max-w-4xl space-y-6">
      <section aria-labelledby="members-heading">
        <h1 id="members-heading" className="mb-3 text-lg font-semibold">
          {t("members.title")}
        </h1>
        <ul className={`${cardClass} divide-y divide-stone-100`}>
          {members.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div>
                <p className="font-medium">
                  {member.user.name}{" "}
                  {member.user.id === user.id && (
                    <span className="text-sm font-normal text-stone-500">{t("members.you")}</span>
                  )}
                </p>
                <p className="text-sm text-stone-500">
                  {member.user.email} · {t("members.joined", { date: format.format(member.createdAt) })}
                </p>
              </div>
              {manage ? (
                <MemberControls
                  reviewId={reviewId}
                  membershipId={member.id}
                  name={member.user.name}
                  role={member.role}
                  changeRole={changeRoleAction}
                  remove={removeMemberAction}
                />
              ) : (
                <span
                  className="rounded-full bg-stone-100 px-2.5 py-0.5 text-sm text-stone-700"
                  title={t(`roleHelp.${member.role}`)}
                >
                  {t(`roles.${member.role}`)}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      {manage && (
        <>
          <section aria-labelledby="invite-heading" className={`${cardClass} p-4`}>
            <h2 id="invite-heading" className="font-medium">
              {t("members.invite")}
            </h2>
            <p className="mb-3 mt-1 text-sm text-stone-600">{t("members.inviteHelp")}</p>
            <InviteForm reviewId={reviewId} action={createInvitationAction} />
            <dl className="mt-4 grid gap-1 text-xs text-stone-500 sm:grid-cols-2">
              {(["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const).map((role) => (
                <div key={role}>
                  <dt className="inline font-medium text-stone-700">{t(`roles.${role}`)}：</dt>
                  <dd className="inline">{t(`roleHelp.${role}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading" className="mb-2 font-medium">
              {t("members.pending")}
            </h2>
            {invitations.length === 0 ? (
              <p className="text-sm text-stone-500">{t("members.noPending")}</p>
            ) : (
              <ul className={`${cardClass} divide-y divide-stone-100`}>
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm">
                    <span>
                      {t(`roles.${invitation.role}`)}
                      {invitation.note && <span className="ml-2 text-stone-500">{invitation.note}</span>}
                      <span className="ml-2 text-xs text-stone-500">
                        {t("members.expires", { date: format.format(invitation.expiresAt) })}
                      </span>
                    </span>
                    <RevokeInvitationButton
                      reviewId={reviewId}
                      invitationId={invitation.id}
                      action={revokeInvitationAction}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
