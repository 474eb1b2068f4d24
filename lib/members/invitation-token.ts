import { createHash, randomBytes } from "node:crypto";

/** Invitation links carry a random token; only its hash is stored, so a database leak reveals no live link. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
