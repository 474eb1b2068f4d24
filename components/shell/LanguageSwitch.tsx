"use client";
import { useI18n } from "@/components/i18n/I18nProvider";

/** Switches the interface language; the choice is kept in a cookie. */
export function LanguageSwitch({ action }: { action: (form: FormData) => Promise<void> }) {
  const { locale, t } = useI18n();
  return (
    <form
      action={action}
      className="inline-flex rounded-md border border-stone-300 bg-white text-xs"
      aria-label={t("nav.language")}
    >
      {(["zh", "en"] as const).map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          aria-pressed={locale === option}
          lang={option === "zh" ? "zh-CN" : "en"}
          className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md ${locale === option ? "bg-teal-700 text-white" : "text-stone-700 hover:bg-stone-100"}`}
        >
          {option === "zh" ? "中文" : "English"}
        </button>
      ))}
    </form>
  );
}
