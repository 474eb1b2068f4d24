// A Node client of the collaboration server for tests, e2e checks and the bench: a Hocuspocus provider over
// `ws`, with promises for the moments a test waits on (authenticated, synced, stored).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { readVarInt, type Decoder } from "lib0/decoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { readAccessMessage, readStoredMessage, type AccessScope } from "@/lib/collab/stored-message";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";

/** Hocuspocus's message type for the server's answer to an update (applied or refused). */
const SYNC_STATUS_MESSAGE = 8;

export interface SectionClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves with the scope the server granted, rejects when it refused the ticket. */
  authenticated: Promise<"read-write" | "readonly">;
  synced: Promise<void>;
  /** Resolves once the server reports a stored state covering everything this client wrote. */
  waitStored(timeoutMs?: number): Promise<void>;
  /**
   * Resolves when the server answers a document update from this client with "not applied" (a read-only
   * connection); rejects if no such answer comes in time. Call before making the change.
   */
  nextRefusal(timeoutMs?: number): Promise<void>;
  /** Appends a paragraph of text to the section, as an editor would. */
  appendParagraph(text: string): void;
  text(): string;
  /** The access changes the server announced on this connection, in order. */
  accessChanges: AccessScope[];
  /** Resolves with the reason when the server closes this document's connection. */
  closedByServer: Promise<string>;
  close(): void;
}

export function connectSection(options: {
  url: string;
  sectionId: string;
  token: string;
  doc?: Y.Doc;
  /** Another `ws` class, e.g. one sending headers (X-Request-Id) with the upgrade. */
  WebSocketPolyfill?: typeof WebSocket;
}): SectionClient {
  const doc = options.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: options.WebSocketPolyfill ?? WebSocket,
    maxAttempts: 0,
  });
  let storedClock = 0;
  const storedListeners = new Set<() => void>();
  let resolveAuth!: (scope: "read-write" | "readonly") => void;
  let rejectAuth!: (error: Error) => void;
  const authenticated = new Promise<"read-write" | "readonly">((resolve, reject) => {
    resolveAuth = resolve;
    rejectAuth = reject;
  });
  authenticated.catch(() => {});
  const accessChanges: AccessScope[] = [];
  let resolveClosed!: (reason: string) => void;
  const closedByServer = new Promise<string>((resolve) => (resolveClosed = resolve));
  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: sectionDocumentName(options.sectionId),
    document: doc,
    token: options.token,
    onAuthenticated: ({ scope }) => resolveAuth(scope),
    onAuthenticationFailed: ({ reason }) => rejectAuth(new Error(`authentication failed: ${reason}`)),
    onSynced: () => resolveSynced(),
    onClose: ({ event }) => resolveClosed(event.reason),
    onStateless: ({ payload }) => {
      const access = readAccessMessage(payload);
      if (access) accessChanges.push(access);
      const vector = readStoredMessage(payload);
      if (!vector) return;
      storedClock = Math.max(storedClock, Y.decodeStateVector(vector).get(doc.clientID) ?? 0);
      for (const listener of storedListeners) listener();
    },
  });
  const syncStatusListeners = new Set<(applied: boolean) => void>();
  provider.on(
    "message",
    ({ message }: { message: { readVarString(): string; readVarUint(): number; decoder: Decoder } }) => {
      message.readVarString();
      if (message.readVarUint() !== SYNC_STATUS_MESSAGE) return;
      const applied = readVarInt(message.decoder) === 1;
      for (const listener of [...syncStatusListeners]) listener(applied);
    },
  );
  provider.attach();
  const ownClock = () => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
  return {
    doc,
    provider,
    authenticated,
    synced,
    accessChanges,
    closedByServer,
    waitStored(timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (storedClock >= ownClock()) {
            storedListeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          storedListeners.delete(check);
          reject(new Error("the server did not report the change as stored"));
        }, timeoutMs);
        storedListeners.add(check);
        check();
      });
    },
    nextRefusal(timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const listener = (applied: boolean) => {
          if (applied) return;
          syncStatusListeners.delete(listener);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          syncStatusListeners.delete(listener);
          reject(new Error("the server did not refuse the update"));
        }, timeoutMs);
        syncStatusListeners.add(listener);
      });
    },
    appendParagraph(text) {
      const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(fragment.length, [paragraph]);
    },
    text() {
      return doc
        .getXmlFragment(SECTION_FRAGMENT)
        .toArray()
        .map((node) =>
          node instanceof Y.XmlElement
            ? node
                .toArray()
                .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
                .join("")
            : "",
        )
        .join("\n");
    },
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}
