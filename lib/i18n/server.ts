import { cookies, headers } from "next/headers";
import type { Locale } from "./messages";
import { preferredLocale, translator } from "./translate";

export const LOCALE_COOKIE = "huitong-locale";

export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (chosen === "zh" || chosen === "en") return chosen;
  return preferredLocale((await headers()).get("accept-language"));
}

export async function getI18n() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
