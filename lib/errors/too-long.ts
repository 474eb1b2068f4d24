// Which text fields of a form are over their zod limit, with the length and the limit, so a form can say so
// beside the field before sending (the user's text stays where it is) — shared by the forms and their tests.
import type { z } from "zod";

export interface TooLong {
  /** The issue's path joined with dots, e.g. "fullText" or "authors.2.bio". */
  path: string;
  count: number;
  max: number;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function tooLongFields(error: z.ZodError | undefined, input: unknown): TooLong[] {
  if (!error) return [];
  return error.issues.flatMap((issue) => {
    if (issue.code !== "too_big" || issue.origin !== "string") return [];
    const value = valueAt(input, issue.path);
    return [
      {
        path: issue.path.join("."),
        count: typeof value === "string" ? value.length : Number(issue.maximum) + 1,
        max: Number(issue.maximum),
      },
    ];
  });
}

/** A form body's size in UTF-8 bytes, to compare with the server's request limit before sending. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}
