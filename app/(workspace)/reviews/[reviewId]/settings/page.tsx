import { EmailDeliveryProblems } from "@/components/settings/EmailDeliveryProblems";
import { ExclusionReasonSettings } from "@/components/settings/ExclusionReasonSettings";
import { ScreeningRulesForm } from "@/components/settings/ScreeningRulesForm";
import { StageSettings } from "@/components/settings/StageSettings";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { listEmailProblems } from "@/lib/notifications/preferences";
import { getWorkflowSettings } from "@/lib/stages/queries";
import {
  createReasonAction,
  createStageAction,
  deleteStageAction,
  moveStageAction,
  renameStageAction,
  updateReasonAction,
  updateScreeningRulesAction,
} from "./actions";

export default async function SettingsPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/settings`);
  const access = await getPageAccess(user.id, reviewId);
  const { t, locale } = await getI18n();
  const settings = await loadOrNotFound(getWorkflowSettings(access));
  const canManageStages = can(settings.role, "stage.manage");
  const canUpdateReview = can(settings.role, "review.update");
  const emailProblems = can(settings.role, "members.manage") ? await listEmailProblems(access) : null;
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-xl font-semibold">{t("workflow.settingsTitle")}</h1>
        {!canManageStages && (
          <p className="mt-2 rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">
            {t("workflow.settingsReadOnly")}
          </p>
        )}
      </header>
      <section aria-labelledby="stages-heading" className={`${cardClass} space-y-3 p-5`}>
        <div>
          <h2 id="stages-heading" className="text-base font-semibold">
            {t("workflow.stagesTitle")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("workflow.stagesHelp")}</p>
        </div>
        <StageSettings
          reviewId={reviewId}
          editable={canManageStages}
          stages={settings.stages.map((stage) => ({
            id: stage.id,
            nameZh: stage.nameZh,
            nameEn: stage.nameEn,
            excluded: stage.kind === "EXCLUDED",
            itemCount: stage.itemCount,
            deletable: stage.deletable,
          }))}
          actions={{
            rename: renameStageAction,
            move: moveStageAction,
            remove: deleteStageAction,
            create: createStageAction,
          }}
        />
      </section>
      <section aria-labelledby="screening-heading" className={`${cardClass} space-y-3 p-5`}>
        <h2 id="screening-heading" className="text-base font-semibold">
          {t("workflow.screeningTitle")}
        </h2>
        <ScreeningRulesForm
          action={updateScreeningRulesAction}
          reviewId={reviewId}
          votesRequired={settings.screeningVotesRequired}
          editable={canUpdateReview}
        />
      </section>
      <section aria-labelledby="reasons-heading" className={`${cardClass} space-y-3 p-5`}>
        <div>
          <h2 id="reasons-heading" className="text-base font-semibold">
            {t("workflow.reasonsTitle")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("workflow.reasonsHelp")}</p>
        </div>
        <ExclusionReasonSettings
          reviewId={reviewId}
          editable={canUpdateReview}
          reasons={settings.reasons.map((reason) => ({
            id: reason.id,
            labelZh: reason.labelZh,
            labelEn: reason.labelEn,
            archived: reason.archivedAt !== null,
          }))}
          actions={{ update: updateReasonAction, create: createReasonAction }}
        />
      </section>
      {can(settings.role, "review.backup") && (
        <section aria-labelledby="backup-heading" className={`${cardClass} space-y-3 p-5`}>
          <div>
            <h2 id="backup-heading" className="text-base font-semibold">
              {t("backup.title")}
            </h2>
            <p className="mt-1 text-sm text-stone-600">{t("backup.help")}</p>
          </div>
          {/* A plain link: the browser streams the file; the route checks the owner like the page does. */}
          <a href={`/api/reviews/${reviewId}/backup`} download className={buttonSecondary}>
            ⤓ {t("backup.download")}
          </a>
        </section>
      )}
      {emailProblems && <EmailDeliveryProblems problems={emailProblems} t={t} locale={locale} />}
    </div>
  );
}
