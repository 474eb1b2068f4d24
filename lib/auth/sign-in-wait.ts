// A sign-in refused by the rate limit says how long the person must really wait (the limiter's own figure),
// not a fixed guess: the wait travels from verifyCredentials through next-auth's error code to the message.
import type { AppError } from "@/lib/errors/app-error";
import type { Translate } from "@/lib/i18n/translate";

const PREFIX = "RATE_LIMITED:";

/** Whole minutes, rounded up, so "try again in N minutes" is never too early. */
export function waitMinutes(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 60_000));
}

/** next-auth carries only a string code from the sign-in provider to the action: the wait rides along in it. */
export function refusalCode(error: AppError): string {
  const minutes = (error.details as { waitMinutes?: unknown } | undefined)?.waitMinutes;
  return error.code === "RATE_LIMITED" && typeof minutes === "number" ? `${PREFIX}${minutes}` : error.code;
}

/** The code and wait read back from a refusal code; null for a code that is not a rate-limit refusal. */
export function parseRateLimitedCode(code: string): { waitMinutes: number } | null {
  if (!code.startsWith(PREFIX)) return null;
  const minutes = Number(code.slice(PREFIX.length));
  return Number.isInteger(minutes) && minutes > 0 ? { waitMinutes: minutes } : null;
}

/** "17 minutes", "1 hour": the wait in the interface language. */
export function formatWait(t: Translate, minutes: number): string {
  if (minutes === 1) return t("auth.waitMinute");
  if (minutes % 60 !== 0) return t("auth.waitMinutes", { count: minutes });
  return minutes === 60 ? t("auth.waitHour") : t("auth.waitHours", { count: minutes / 60 });
}

/** The message of a domain error, with the values it names (for now, the wait of a rate-limited sign-in). */
export function rateLimitedMessage(error: AppError, t: Translate): string {
  const minutes = (error.details as { waitMinutes?: unknown } | undefined)?.waitMinutes;
  return t("errors.RATE_LIMITED", { wait: formatWait(t, typeof minutes === "number" ? minutes : 60) });
}
