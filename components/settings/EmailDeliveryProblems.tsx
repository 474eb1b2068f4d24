// The owner's view of notification e-mails that did not get through: retrying, given up, or interrupted.
import { cardClass } from "@/components/ui/styles";
import type { Locale } from "@/lib/i18n/messages";
import { formatDateTime } from "@/lib/i18n/format-time";
import type { Translate } from "@/lib/i18n/translate";
import type { listEmailProblems } from "@/lib/notifications/preferences";

export function EmailDeliveryProblems({
  problems,
  t,
  locale,
}: {
  problems: Awaited<ReturnType<typeof listEmailProblems>>;
  t: Translate;
  locale: Locale;
}) {
  return (
    <section aria-labelledby="email-problems-heading" className={`${cardClass} space-y-3 p-5`}>
      <div>
        <h2 id="email-problems-heading" className="text-base font-semibold">
          {t("notifyMail.failures.title")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("notifyMail.failures.intro")}</p>
      </div>
      {problems.length === 0 ? (
        <p className="text-sm text-stone-500">{t("notifyMail.failures.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-labelledby="email-problems-heading">
            <thead>
              <tr className="border-b border-stone-200 text-left text-stone-600">
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("notifyMail.failures.recipient")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("notifyMail.failures.subject")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("notifyMail.failures.state")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("notifyMail.failures.error")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("notifyMail.failures.when")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {problems.map((problem) => (
                <tr key={problem.id}>
                  <td className="py-2 pr-3">{problem.toAddress}</td>
                  <td className="py-2 pr-3">{problem.subject}</td>
                  <td className="py-2 pr-3">
                    {t(`notifyMail.failures.states.${problem.state as "RETRYING" | "FAILED" | "UNCERTAIN"}`)} (
                    {problem.attempts})
                  </td>
                  <td className="max-w-xs break-words py-2 pr-3 font-mono text-xs text-red-800">{problem.error}</td>
                  <td className="whitespace-nowrap py-2">{formatDateTime(locale, problem.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
