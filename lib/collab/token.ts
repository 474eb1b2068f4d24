// Short-lived tickets that let a browser open a collaboration socket. The web app mints one from the
// session; the collaboration server, which has no cookie of its own, verifies it with the shared secret.
import { createHmac, timingSafeEqual } from "node:crypto";

export const COLLAB_TOKEN_TTL_MS = 5 * 60_000;

export interface CollabTicket {
  userId: string;
  sectionId: string;
  /** The account's session version when the ticket was minted: "sign out everywhere" voids unused tickets too. */
  sessionVersion?: number;
  expiresAt: number;
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function mintCollabToken(ticket: Omit<CollabTicket, "expiresAt">, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...ticket, expiresAt: now + COLLAB_TOKEN_TTL_MS })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload, secret)}`;
}

/** The ticket, or null when the token is forged, malformed or expired. */
export function verifyCollabToken(token: string, secret: string, now = Date.now()): CollabTicket | null {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const ticket = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as CollabTicket;
    if (typeof ticket.userId !== "string" || typeof ticket.sectionId !== "string") return null;
    if (typeof ticket.expiresAt !== "number" || ticket.expiresAt < now) return null;
    if (ticket.sessionVersion !== undefined && typeof ticket.sessionVersion !== "number") return null;
    return ticket;
  } catch {
    return null;
  }
}

export { sectionDocumentName, sectionIdOf } from "./document-name";
