// The edge of every server action: domain errors become a message in the user's language,
// unexpected ones are logged with context and reported without leaking internals.
import { unstable_rethrow } from "next/navigation";
import { getI18n } from "@/lib/i18n/server";
import { rateLimitedMessage } from "@/lib/auth/sign-in-wait";
import { localizedFields } from "@/lib/validation";
import { isAppError } from "./app-error";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; at: number }
  | { ok: false; error: string; code: string; fields?: Record<string, string[]>; details?: unknown; at: number };

export async function runAction<T>(name: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work(), at: Date.now() };
  } catch (error) {
    unstable_rethrow(error);
    const { t, locale } = await getI18n();
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") console.warn(`${name}: ${error.message}`);
      return {
        ok: false,
        code: error.code,
        error: error.code === "RATE_LIMITED" ? rateLimitedMessage(error, t) : t(`errors.${error.code}`),
        fields: localizedFields(error, locale),
        details: error.details,
        at: Date.now(),
      };
    }
    console.error(`${name} failed:`, error);
    return { ok: false, code: "UNEXPECTED", error: t("errors.unexpected"), at: Date.now() };
  }
}

/** The named fields of a submitted form, as untrusted input for a domain command's zod schema. */
export function formFields(form: FormData, keys: readonly string[]): Record<string, FormDataEntryValue | undefined> {
  return Object.fromEntries(keys.map((key) => [key, form.get(key) ?? undefined]));
}
