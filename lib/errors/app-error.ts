import type { z } from "zod";

// One domain error type. Domain code throws it with a code; the edge (server action, route, page)
// turns the code into a message in the user's language.
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "FORBIDDEN",
  "INVALID_INPUT",
  "EDIT_CONFLICT",
  "RATE_LIMITED",
  "EMAIL_TAKEN",
  "INVALID_CREDENTIALS",
  "WEAK_PASSWORD",
  "SIGN_UP_REFUSED",
  "SIGN_UP_RATE_LIMITED",
  "SIGN_UP_LINK_INVALID",
  "SIGN_UP_LINK_EXPIRED",
  "SIGN_UP_CLOSED",
  "SIGN_UP_INVITE_ONLY",
  "WRONG_CURRENT_PASSWORD",
  "INVITE_INVALID",
  "INVITE_EXPIRED",
  "INVITE_USED",
  "ALREADY_MEMBER",
  "LAST_OWNER",
  "STAGE_NOT_FOUND",
  "STAGE_IN_USE",
  "EXCLUSION_REASON_REQUIRED",
  "NOTHING_TO_UNDO",
  "ASSIGNEE_INVALID",
  "NO_SCREENING_CONFLICT",
  "DUPLICATE_NAME",
  "LAST_EXCLUSION_REASON",
  "SCREENING_CLOSED",
  "MERGE_INTO_ITSELF",
  "THEME_CYCLE",
  "UNANCHORABLE",
  "CODEBOOK_INVALID",
  "NOTHING_TO_SAVE",
  "SECTION_OWNER_INVALID",
  "ROUND_ALREADY_OPEN",
  "ROUND_CLOSED",
  "SECTION_NOT_IN_ROUND",
  "THREAD_DELETED",
  "THREAD_STATE",
  "IMPORT_EMPTY",
  "IMPORT_TOO_LARGE",
  "IMPORT_UNKNOWN_FORMAT",
  "IMPORT_MALFORMED",
  "IMPORT_NO_RECORDS",
  "IMPORT_SELECTION_INVALID",
  "REFERENCE_IN_REVIEW",
  "REFERENCE_UNREADABLE",
  "BACKUP_INVALID",
  "TEXT_HAS_NUL",
  "FILE_REJECTED",
  "CROSS_ORIGIN",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Field-level problems for INVALID_INPUT: field path → messages. */
    readonly fields?: Record<string, string[]>,
    /** What the user needs to act on the error, e.g. the other person's values for EDIT_CONFLICT. */
    readonly details?: unknown,
    /** The zod issues behind an INVALID_INPUT, so the edge can word `fields` in the reader's language. */
    readonly issues?: readonly z.core.$ZodIssue[],
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
