"use client";
// One section's connection for as long as the component is mounted, plus the two things the writer must be
// able to trust: the true sync state and who else is here.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import {
  initialConnectionStatus,
  openSectionConnection,
  type Collaborator,
  type ConnectionStatus,
  type SectionConnection,
  type SectionConnectionOptions,
} from "./section-connection";

export type { Collaborator } from "./section-connection";

export type SyncState =
  | { kind: "connecting" }
  | { kind: "saved" }
  | { kind: "saving"; pending: number }
  | { kind: "offline"; pending: number }
  | { kind: "denied" }
  /** Changes made here on a read-only connection: the server refuses them and they are never saved. */
  | { kind: "refused" };

export interface Collaboration {
  /** Null until the mount effect has opened the connection (and again after unmount). */
  connection: { doc: Y.Doc; provider: HocuspocusProvider } | null;
  sync: SyncState;
  collaborators: Collaborator[];
  /** Set once the server has said whether this socket may write. */
  readOnly: boolean | null;
  synced: boolean;
}

/** The badge's state: saved only when the database holds every change made here. */
export function syncStateOf(status: ConnectionStatus): SyncState {
  const pending = status.localClocks.filter((clock) => clock > status.storedClock).length;
  if (status.denied) return { kind: "denied" };
  if (!status.connected) return pending > 0 || status.synced ? { kind: "offline", pending } : { kind: "connecting" };
  if (!status.synced) return { kind: "connecting" };
  if (status.readOnly && pending > 0) return { kind: "refused" };
  return pending > 0 ? { kind: "saving", pending } : { kind: "saved" };
}

/**
 * Holds the one open connection of a mounted component. Creating it is pure (no socket), so React may call
 * the state initializer twice; the socket is opened and closed only by the effect.
 */
function createConnectionSlot() {
  let current: SectionConnection | null = null;
  let unsubscribe: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    connection: () => current,
    status: () => current?.status() ?? initialConnectionStatus,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    open(options: SectionConnectionOptions) {
      const connection = openSectionConnection(options);
      current = connection;
      unsubscribe = connection.subscribe(notify);
      connection.connect();
      notify();
      return () => {
        unsubscribe?.();
        unsubscribe = null;
        connection.destroy();
        if (current === connection) current = null;
        notify();
      };
    },
  };
}

export function useCollaboration(options: {
  sectionId: string;
  tokenUrl: string;
  user: { name: string; color: string };
  /** Defaults to this page's host; tests point it at their own server. */
  url?: string;
  token?: () => Promise<string>;
  WebSocketPolyfill?: unknown;
}): Collaboration {
  const { sectionId, tokenUrl, url, token, WebSocketPolyfill } = options;
  const [slot] = useState(createConnectionSlot);

  useEffect(
    () =>
      slot.open({
        sectionId,
        url: url ?? `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`,
        token:
          token ??
          (async () => {
            const response = await fetch(tokenUrl, { cache: "no-store" });
            if (!response.ok) throw new Error(`collaboration ticket refused (${response.status})`);
            return ((await response.json()) as { token: string }).token;
          }),
        WebSocketPolyfill,
      }),
    // A new connection only for another section or endpoint; the token function is read when connecting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slot, sectionId, tokenUrl, url],
  );

  const connection = useSyncExternalStore(slot.subscribe, slot.connection, () => null);
  const status = useSyncExternalStore(slot.subscribe, slot.status, () => initialConnectionStatus);
  const sync = useMemo(() => syncStateOf(status), [status]);
  const shared = useMemo(
    () => (connection ? { doc: connection.doc, provider: connection.provider } : null),
    [connection],
  );

  return {
    connection: shared,
    sync,
    collaborators: status.collaborators,
    readOnly: status.readOnly,
    synced: status.synced,
  };
}
