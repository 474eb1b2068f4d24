// The messages the collaboration server adds to the protocol. The first: "this is what is now in the database",
// as a Yjs state vector. An editor is saved when the stored vector covers every change it made.
export interface StoredMessage {
  type: "stored";
  stateVector: string;
}

export function storedMessage(stateVector: Uint8Array): string {
  return JSON.stringify({ type: "stored", stateVector: btoa(String.fromCharCode(...stateVector)) });
}

export function readStoredMessage(payload: string): Uint8Array | null {
  try {
    const message = JSON.parse(payload) as Partial<StoredMessage>;
    if (message.type !== "stored" || typeof message.stateVector !== "string") return null;
    const binary = atob(message.stateVector);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** "Comments on this section changed": sent by the editor that changed them, relayed to the others. */
export const THREADS_MESSAGE = JSON.stringify({ type: "threads" });

export function isThreadsMessage(payload: string): boolean {
  return payload === THREADS_MESSAGE;
}

/** "Your access to this document changed": read-only, writable again, or revoked (the connection then closes). */
export type AccessScope = "readonly" | "read-write" | "revoked";

export function accessMessage(scope: AccessScope): string {
  return JSON.stringify({ type: "access", scope });
}

export function readAccessMessage(payload: string): AccessScope | null {
  try {
    const message = JSON.parse(payload) as { type?: unknown; scope?: unknown };
    if (message.type !== "access") return null;
    return message.scope === "readonly" || message.scope === "read-write" || message.scope === "revoked"
      ? message.scope
      : null;
  } catch {
    return null;
  }
}
