import Link from "next/link";
import { Passage } from "@/components/coding/Passage";
import { buttonPrimary, cardClass, inputClass, labelClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { kappaBand } from "@/lib/coding/kappa";
import { compareCoders, listThemeOptions } from "@/lib/coding/queries";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { listMembers } from "@/lib/members/queries";

export default async function CompareCodersPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/themes/compare`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const search = await searchParams;
  const [members, themes] = await loadOrNotFound(Promise.all([listMembers(access), listThemeOptions(access)]));
  const coders = members
    .filter((member) => can(member.role, "coding.write"))
    .map((member) => ({ id: member.user.id, name: member.user.name }));
  const value = (key: string) => (typeof search[key] === "string" ? (search[key] as string) : "");
  const themeId = value("theme") || themes[0]?.id || "";
  const firstId = value("a") || coders[0]?.id || "";
  const secondId = value("b") || coders[1]?.id || "";
  const asked = Boolean(value("a") && value("b"));
  const same = asked && firstId === secondId;
  const result =
    asked && !same && themeId ? await loadOrNotFound(compareCoders(access, { themeId, firstId, secondId })) : null;
  const nameOf = (id: string) => coders.find((coder) => coder.id === id)?.name ?? "";
  const base = `/reviews/${reviewId}`;
  const passageLink = (passage: { id: string; item: { id: string } }) =>
    `${base}/items/${passage.item.id}#passage-${passage.id}`;
  const title = (item: { titleZh: string | null; titleEn: string | null }) =>
    pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled");

  return (
    <section aria-labelledby="compare-heading" className="mx-auto max-w-5xl space-y-5">
      <p>
        <Link href={`${base}/themes`} className="text-sm text-teal-700 hover:underline">
          ← {t("coding.codebookTitle")}
        </Link>
      </p>
      <header>
        <h1 id="compare-heading" className="text-xl font-semibold">
          {t("coding.compareTitle")}
        </h1>
        <p className="mt-1 text-sm text-stone-600">{t("coding.compareHelp")}</p>
        <p className="mt-1 text-sm">
          <Link href={`${base}/themes/agreement`} className="text-teal-700 hover:underline">
            {t("agreement.openLink")} →
          </Link>
        </p>
      </header>
      <form method="get" className={`${cardClass} grid gap-3 p-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end`}>
        <div>
          <label htmlFor="compare-theme" className={labelClass}>
            {t("coding.theme")}
          </label>
          <select id="compare-theme" name="theme" defaultValue={themeId} className={`mt-1 ${inputClass}`}>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {"\u3000".repeat(theme.depth)}
                {pick(locale, theme.nameZh, theme.nameEn)}
              </option>
            ))}
          </select>
        </div>
        {(["a", "b"] as const).map((key) => (
          <div key={key}>
            <label htmlFor={`compare-${key}`} className={labelClass}>
              {key === "a" ? t("coding.firstCoder") : t("coding.secondCoder")}
            </label>
            <select
              id={`compare-${key}`}
              name={key}
              defaultValue={key === "a" ? firstId : secondId}
              className={`mt-1 ${inputClass}`}
            >
              {coders.map((coder) => (
                <option key={coder.id} value={coder.id}>
                  {coder.name}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className={buttonPrimary}>
          {t("coding.compare")}
        </button>
      </form>
      {same && (
        <p role="alert" className="text-sm text-red-700">
          {t("coding.sameCoder")}
        </p>
      )}
      {result && (
        <>
          <section aria-labelledby="kappa-heading" className={`${cardClass} p-4`}>
            <h2 id="kappa-heading" className="text-sm font-semibold text-stone-500">
              {t("coding.kappa")}
            </h2>
            {result.kappa.kappa === null ? (
              <p className="mt-1 text-stone-700">{t("coding.kappaUndefined")}</p>
            ) : (
              <p className="mt-1 text-3xl font-semibold tabular-nums">
                κ = {result.kappa.kappa.toFixed(2)}{" "}
                <span className="text-base font-normal text-stone-600">
                  ({t(`coding.kappaBand.${kappaBand(result.kappa.kappa)}`)})
                </span>
              </p>
            )}
            {result.kappa.agreement !== null && (
              <p className="mt-1 text-sm text-stone-600">
                {t("coding.agreement", { pct: Math.round(result.kappa.agreement * 100), n: result.kappa.units })}
              </p>
            )}
          </section>
          {(
            [
              ["both", t("coding.bothCoded", { n: result.both.length }), result.both.map((pair) => pair.first)],
              ["first", t("coding.onlyFirst", { name: nameOf(firstId), n: result.firstOnly.length }), result.firstOnly],
              [
                "second",
                t("coding.onlySecond", { name: nameOf(secondId), n: result.secondOnly.length }),
                result.secondOnly,
              ],
            ] as const
          ).map(([key, heading, passages]) => (
            <section key={key} aria-label={heading} className={`${cardClass} space-y-3 p-4`}>
              <h2 className="font-semibold">{heading}</h2>
              <ol className="space-y-3">
                {passages.map((passage) => (
                  <Passage
                    key={passage.id}
                    quote={passage.quote}
                    memo={null}
                    orphaned={false}
                    coder={title(passage.item)}
                    href={passageLink(passage)}
                    linkLabel={t("coding.openInText")}
                    orphanedLabel={t("coding.statusOrphaned")}
                  />
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
