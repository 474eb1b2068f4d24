// One section's Yjs document and its socket, as a plain object with an explicit life: opened by an effect,
// closed by that effect's cleanup. React's StrictMode mounts, unmounts and mounts again in development; an
// object created during render (or in a state initializer) would be built twice and destroyed once, leaving a
// stray socket, or be destroyed and then reused. Here every open has exactly one close.
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import * as Y from "yjs";
import { readAccessMessage, readStoredMessage } from "@/lib/collab/stored-message";
import { sectionDocumentName } from "@/lib/collab/document-name";

export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
}

/** What the server has told this socket so far; replaced (never mutated) on every change. */
export interface ConnectionStatus {
  connected: boolean;
  denied: boolean;
  synced: boolean;
  /** Set once the server has said whether this socket may write. */
  readOnly: boolean | null;
  /** Clocks of this editor's own changes not yet known to be in the database. */
  localClocks: number[];
  /** The highest clock of this editor's changes that the database is known to hold. */
  storedClock: number;
  collaborators: Collaborator[];
}

export const initialConnectionStatus: ConnectionStatus = Object.freeze({
  connected: false,
  denied: false,
  synced: false,
  readOnly: null,
  localClocks: [],
  storedClock: 0,
  collaborators: [],
}) as ConnectionStatus;

export interface SectionConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  status(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
  /** Opens the socket; call once every listener that must not miss an event is in place. */
  connect(): void;
  /** Removes every listener and closes the socket; no status changes are reported afterwards. */
  destroy(): void;
}

export interface SectionConnectionOptions {
  sectionId: string;
  /** The collaboration endpoint (ws:// or wss://). */
  url: string;
  /** A fresh ticket for every (re)connection: tickets are short-lived on purpose. */
  token: () => Promise<string>;
  /** Node clients (tests) pass `ws`; browsers use their own WebSocket. */
  WebSocketPolyfill?: unknown;
}

function ownClock(doc: Y.Doc): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
}

export function openSectionConnection(options: SectionConnectionOptions): SectionConnection {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    autoConnect: false,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: sectionDocumentName(options.sectionId),
    document: doc,
    token: options.token,
  });
  provider.attach();

  let status = initialConnectionStatus;
  let destroyed = false;
  const listeners = new Set<() => void>();
  const update = (change: (previous: ConnectionStatus) => Partial<ConnectionStatus>) => {
    if (destroyed) return;
    const next = { ...status, ...change(status) };
    const changed = (Object.keys(next) as (keyof ConnectionStatus)[]).some((key) => next[key] !== status[key]);
    if (!changed) return;
    status = next;
    for (const listener of listeners) listener();
  };

  const onStatus = ({ status: socketStatus }: { status: WebSocketStatus }) =>
    update(() => ({ connected: socketStatus === WebSocketStatus.Connected }));
  const onAuthenticated = ({ scope }: { scope: string }) =>
    update(() => ({ denied: false, readOnly: scope === "readonly" || scope === "read-only" }));
  const onAuthenticationFailed = () => update(() => ({ denied: true }));
  const onSynced = () => update(() => ({ synced: true }));
  const onStateless = ({ payload }: { payload: string }) => {
    // The member's role changed while the section was open: the server already refuses (or accepts) edits.
    const access = readAccessMessage(payload);
    if (access === "revoked") update(() => ({ denied: true }));
    else if (access) update(() => ({ readOnly: access === "readonly" }));
    if (access) return;
    const vector = readStoredMessage(payload);
    if (!vector) return;
    const stored = Y.decodeStateVector(vector).get(doc.clientID) ?? 0;
    update((previous) => ({
      storedClock: Math.max(previous.storedClock, stored),
      localClocks: previous.localClocks.some((clock) => clock <= stored)
        ? previous.localClocks.filter((clock) => clock > stored)
        : previous.localClocks,
    }));
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    const clock = ownClock(doc);
    update((previous) => ({
      localClocks: previous.localClocks.at(-1) === clock ? previous.localClocks : [...previous.localClocks, clock],
    }));
  };
  const onAwareness = () => {
    const states = provider.awareness?.getStates() ?? new Map();
    const people: Collaborator[] = [];
    states.forEach((state, clientId) => {
      const user = (state as { user?: { name?: string; color?: string } }).user;
      if (user?.name && clientId !== doc.clientID) {
        people.push({ clientId, name: user.name, color: user.color ?? "#57534e" });
      }
    });
    update(() => ({ collaborators: people }));
  };
  provider.on("status", onStatus);
  provider.on("authenticated", onAuthenticated);
  provider.on("authenticationFailed", onAuthenticationFailed);
  provider.on("synced", onSynced);
  provider.on("stateless", onStateless);
  provider.on("awarenessChange", onAwareness);
  doc.on("update", onUpdate);

  return {
    doc,
    provider,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    connect() {
      if (!destroyed) void socket.connect();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      listeners.clear();
      provider.off("status", onStatus);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onAuthenticationFailed);
      provider.off("synced", onSynced);
      provider.off("stateless", onStateless);
      provider.off("awarenessChange", onAwareness);
      doc.off("update", onUpdate);
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
