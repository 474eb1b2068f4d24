import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { findNul } from "@/lib/http/nul";

/**
 * Parses untrusted input at the boundary; failures become INVALID_INPUT with per-field messages. Text holding
 * a NUL, which PostgreSQL cannot store, is refused first as TEXT_HAS_NUL, naming the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const nulAt = findNul(raw);
  if (nulAt !== null) {
    throw new AppError("TEXT_HAS_NUL", `input ${nulAt || "(value)"} holds a NUL character`, {
      [nulAt || "_"]: ["holds a NUL character (U+0000)"],
    });
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  throw new AppError(
    "INVALID_INPUT",
    result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    fields,
  );
}
