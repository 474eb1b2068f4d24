import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { findNul } from "@/lib/http/nul";
import type { Locale } from "@/lib/i18n/messages";
import { translator, type MessageKey, type Translate } from "@/lib/i18n/translate";

export type ValidationIssue = z.core.$ZodIssue;

/**
 * What a per-parse error customizer answers for every issue whose schema names no message of its own (zod v4:
 * schema message > per-parse customizer > locale). It marks zod's defaults, so the edge can word them in the
 * reader's language; nothing global is switched, so concurrent requests in different languages cannot leak.
 */
const ZOD_DEFAULT = "\u0000zod-default";

/**
 * Parses untrusted input at the boundary; failures become INVALID_INPUT with per-field messages. Text holding
 * a NUL, which PostgreSQL cannot store, is refused first as TEXT_HAS_NUL, naming the field. The issues travel
 * on the error so the edge (runAction, upload routes) words them in the user's language: `fields` holds the
 * English wording for logs and tests.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const nulAt = findNul(raw);
  if (nulAt !== null) {
    throw new AppError("TEXT_HAS_NUL", `input ${nulAt || "(value)"} holds a NUL character`, {
      [nulAt || "_"]: ["holds a NUL character (U+0000)"],
    });
  }
  // reportInput keeps each issue's input: the wording needs its type ("required" vs "not a number") and length.
  const result = schema.safeParse(raw, { reportInput: true, error: () => ZOD_DEFAULT });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const fields = issueFields(issues, "en");
  throw new AppError(
    "INVALID_INPUT",
    issues.map((issue) => `${issue.path.join(".")}: ${issueMessage(issue, "en")}`).join("; "),
    fields,
    undefined,
    issues.map(({ input, ...issue }) => ({ ...issue, input: summarise(input) }) as ValidationIssue),
  );
}

/** Only what the wording needs of an input is kept on the error: its kind and, for text, its length. */
function summarise(input: unknown): unknown {
  if (typeof input === "string") return input.length > 64 ? "x".repeat(input.length) : input;
  if (input === null || input === undefined || typeof input !== "object") return input;
  return Array.isArray(input) ? [] : {};
}

/** Field path → messages in the given language. */
export function issueFields(issues: readonly ValidationIssue[], locale: Locale): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) (fields[issue.path.join(".") || "_"] ??= []).push(issueMessage(issue, locale));
  return fields;
}

/**
 * The field messages of an error in the reader's language: re-worded from its zod issues when it has them; a
 * hand-written field message that is a catalogue key (`validation.custom.…`) is translated.
 */
export function localizedFields(
  error: { fields?: Record<string, string[]>; issues?: readonly ValidationIssue[] },
  locale: Locale,
): Record<string, string[]> | undefined {
  if (error.issues) return issueFields(error.issues, locale);
  if (!error.fields) return undefined;
  const t = translators[locale];
  return Object.fromEntries(
    Object.entries(error.fields).map(([field, messages]) => [
      field,
      messages.map((message) => (message.startsWith("validation.") ? t(message as MessageKey) : message)),
    ]),
  );
}

const zodLocales = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };
const translators: Record<Locale, Translate> = { zh: translator("zh"), en: translator("en") };

/** One issue worded for a reader of `locale`. */
export function issueMessage(issue: ValidationIssue, locale: Locale): string {
  const t = translators[locale];
  if (issue.message !== ZOD_DEFAULT) {
    // A schema's own message: a catalogue key under validation.custom, or (older schemas) English text that a
    // Chinese reader sees as the generic wording rather than in English.
    if (issue.message.startsWith("validation.")) return t(issue.message as MessageKey);
    return locale === "en" ? issue.message : t("validation.invalid");
  }
  const known = knownMessage(issue, t);
  if (known) return known;
  const fallback = zodLocales[locale](issue as Parameters<(typeof zodLocales)["en"]>[0]);
  return (typeof fallback === "string" ? fallback : fallback?.message) ?? t("validation.invalid");
}

function knownMessage(issue: ValidationIssue, t: Translate): string | null {
  const input = issue.input;
  switch (issue.code) {
    case "invalid_type":
      // z.coerce.number() of "abc" reports NaN (and no input): a wrong entry, not a missing one.
      if ((issue as { received?: unknown }).received === "NaN") return t("validation.notNumber");
      if (input === undefined || input === null || input === "") return t("validation.required");
      if (issue.expected === "int" && typeof input === "number") return t("validation.notInteger");
      if (issue.expected === "number" || issue.expected === "int") return t("validation.notNumber");
      return null;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") {
        if (min <= 1 || input === "") return t("validation.required");
        return t("validation.tooShort", { min });
      }
      if (issue.origin === "array" || issue.origin === "set")
        return min <= 1 ? t("validation.required") : t("validation.tooFew", { min });
      if (issue.origin === "number" && issue.inclusive) return t("validation.tooSmall", { min });
      return null;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string")
        return t("validation.tooLong", { max, count: typeof input === "string" ? input.length : max + 1 });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.tooMany", { max });
      if (issue.origin === "number" && issue.inclusive) return t("validation.tooBig", { max });
      return null;
    }
    case "invalid_format":
      if (issue.format === "email") return t("validation.email");
      if (issue.format === "url") return t("validation.url");
      if (issue.format === "date" || issue.format === "datetime") return t("validation.date");
      return t("validation.invalid");
    case "invalid_value":
      return issue.values.length === 1 ? t("validation.invalid") : t("validation.choice");
    case "not_multiple_of":
      return issue.divisor === 1 ? t("validation.notInteger") : null;
    default:
      return null;
  }
}
