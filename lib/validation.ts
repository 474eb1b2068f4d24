import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** Parses untrusted input at the boundary; failures become INVALID_INPUT with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
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
