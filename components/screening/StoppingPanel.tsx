import { can } from "@/lib/authz/policy";
import type { ReviewRole } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/i18n/format-time";
import { getI18n } from "@/lib/i18n/server";
import type { StoppingStatus } from "@/lib/screening/ranking/stopping";
import type { ActionResult } from "@/lib/errors/action-result";
import { RecordStopForm, StoppingRuleForm } from "./StoppingForms";

type Action = (p: ActionResult | null, f: FormData) => Promise<ActionResult>;

/** The stopping aid on the review's dashboard: the estimate with its method, the streak, the rule and past stops. */
export async function StoppingPanel({
  reviewId,
  role,
  status,
  stops,
  updateRule,
  recordStop,
}: {
  reviewId: string;
  role: ReviewRole;
  status: StoppingStatus;
  stops: {
    id: string;
    createdAt: Date;
    decidedCount: number;
    undecidedCount: number;
    sinceLastInclusion: number;
    stoppedBy: { name: string } | null;
  }[];
  updateRule: Action;
  recordStop: Action;
}) {
  const { locale, t } = await getI18n();
  const owner = can(role, "review.update");
  const figures: [string, string][] = [
    [
      t("ranking.estimatedRemaining"),
      status.estimatedRemaining === null
        ? t("ranking.noEstimate")
        : t("ranking.estimatedRemainingValue", { n: status.estimatedRemaining.toFixed(1) }),
    ],
    [
      t("ranking.estimatedRecall"),
      status.estimatedRecall === null ? "—" : `${Math.round(status.estimatedRecall * 100)} %`,
    ],
    [t("ranking.sinceLastInclusion"), String(status.sinceLastInclusion)],
    [t("ranking.undecided"), String(status.undecidedCount)],
  ];
  return (
    <section aria-labelledby="stopping-heading" className="space-y-3">
      <h3 id="stopping-heading" className="font-semibold">
        {t("ranking.stoppingTitle")}
      </h3>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md bg-stone-50 px-3 py-2">
            <dt className="text-xs text-stone-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-stone-500">{t("ranking.estimateMethod")}</p>
      <p
        role="status"
        className={`rounded-md px-3 py-2 text-sm ${status.ruleMet ? "bg-emerald-50 text-emerald-900" : "bg-stone-50 text-stone-700"}`}
      >
        {status.rule === "CONSECUTIVE_EXCLUSIONS" ? t("ranking.ruleConsecutive") : t("ranking.ruleRecall")}{" "}
        {status.ruleValue} · {status.ruleMet ? t("ranking.ruleMet") : t("ranking.ruleNotMet")}
      </p>
      {owner && (
        <div className="grid gap-4 sm:grid-cols-2">
          <StoppingRuleForm action={updateRule} reviewId={reviewId} rule={status.rule} value={status.ruleValue} />
          <RecordStopForm action={recordStop} reviewId={reviewId} />
        </div>
      )}
      {stops.length > 0 && (
        <div>
          <h4 className="text-sm font-medium text-stone-600">{t("ranking.stops")}</h4>
          <ul className="mt-1 space-y-1 text-sm text-stone-700">
            {stops.map((stop) => (
              <li key={stop.id}>
                {t("ranking.stopLine", {
                  who: stop.stoppedBy?.name ?? "—",
                  when: formatDateTime(locale, stop.createdAt),
                  decided: stop.decidedCount,
                  undecided: stop.undecidedCount,
                  since: stop.sinceLastInclusion,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
