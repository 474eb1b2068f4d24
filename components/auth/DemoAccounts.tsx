import { getI18n } from "@/lib/i18n/server";

/** Shown on the sign-in page while the demo seed is on, so a first-time visitor can look around. */
export async function DemoAccounts({
  accounts,
  password,
}: {
  accounts: { email: string; role: string }[];
  password: string;
}) {
  const { t } = await getI18n();
  return (
    <section
      aria-labelledby="demo-heading"
      className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white/60 p-4 text-sm"
    >
      <h2 id="demo-heading" className="mb-2 font-medium text-stone-700">
        {t("auth.demoAccounts")}
      </h2>
      <ul className="space-y-1 text-stone-600">
        {accounts.map((account) => (
          <li key={account.email} className="flex justify-between gap-3">
            <code className="text-xs">{account.email}</code>
            <span className="text-xs">{account.role}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-stone-500">
        {t("auth.demoPassword")} <code>{password}</code>
      </p>
    </section>
  );
}
