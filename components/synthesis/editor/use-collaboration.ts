"use client";
// One section's Yjs document and its socket, plus the two things the writer must be able to trust:
// the true sync state and who else is here.
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { readAccessMessage, readStoredMessage } from "@/lib/collab/stored-message";
import { sectionDocumentName } from "@/lib/collab/document-name";

export type SyncState =
  | { kind: "connecting" }
  | { kind: "saved" }
  | { kind: "saving"; pending: number }
  | { kind: "offline"; pending: number }
  | { kind: "denied" }
  /** Changes made here on a read-only connection: the server refuses them and they are never saved. */
  | { kind: "refused" };

export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
}

export interface Collaboration {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  sync: SyncState;
  collaborators: Collaborator[];
  /** Set once the server has said whether this socket may write. */
  readOnly: boolean | null;
  synced: boolean;
}

function ownClock(doc: Y.Doc): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
}

export function useCollaboration(options: {
  sectionId: string;
  tokenUrl: string;
  user: { name: string; color: string };
}) {
  const { sectionId, tokenUrl } = options;
  const [{ doc, provider, socket }] = useState(() => {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({
      url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`,
      autoConnect: false,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: sectionDocumentName(sectionId),
      document: doc,
      // A fresh ticket for every (re)connection: tickets are short-lived on purpose.
      token: async () => {
        const response = await fetch(tokenUrl, { cache: "no-store" });
        if (!response.ok) throw new Error(`collaboration ticket refused (${response.status})`);
        return ((await response.json()) as { token: string }).token;
      },
    });
    provider.attach();
    return { doc, provider, socket };
  });

  const [connected, setConnected] = useState(false);
  const [denied, setDenied] = useState(false);
  const [synced, setSynced] = useState(false);
  const [readOnly, setReadOnly] = useState<boolean | null>(null);
  // Clocks of this editor's own changes, and the highest one the database is known to hold.
  const [localClocks, setLocalClocks] = useState<number[]>([]);
  const [storedClock, setStoredClock] = useState(0);
  const [collaborators, setCollaborators] = useState<Collaborator[]>([]);

  useEffect(() => {
    const onStatus = ({ status }: { status: WebSocketStatus }) => setConnected(status === WebSocketStatus.Connected);
    const onAuthenticated = ({ scope }: { scope: string }) => {
      setDenied(false);
      setReadOnly(scope === "readonly" || scope === "read-only");
    };
    const onAuthenticationFailed = () => setDenied(true);
    const onSynced = () => setSynced(true);
    const onStateless = ({ payload }: { payload: string }) => {
      // The member's role changed while the section was open: the server already refuses (or accepts) edits.
      const access = readAccessMessage(payload);
      if (access === "revoked") setDenied(true);
      else if (access) setReadOnly(access === "readonly");
      if (access) return;
      const vector = readStoredMessage(payload);
      if (!vector) return;
      const stored = Y.decodeStateVector(vector).get(doc.clientID) ?? 0;
      setStoredClock((previous) => Math.max(previous, stored));
      setLocalClocks((clocks) =>
        clocks.some((clock) => clock <= stored) ? clocks.filter((clock) => clock > stored) : clocks,
      );
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      const clock = ownClock(doc);
      setLocalClocks((clocks) => (clocks.at(-1) === clock ? clocks : [...clocks, clock]));
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
      setCollaborators(people);
    };
    provider.on("status", onStatus);
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onAuthenticationFailed);
    provider.on("synced", onSynced);
    provider.on("stateless", onStateless);
    provider.on("awarenessChange", onAwareness);
    doc.on("update", onUpdate);
    // Connect only now that every listener is in place, so no status, auth or sync event can be missed.
    void socket.connect();
    return () => {
      provider.off("status", onStatus);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onAuthenticationFailed);
      provider.off("synced", onSynced);
      provider.off("stateless", onStateless);
      provider.off("awarenessChange", onAwareness);
      doc.off("update", onUpdate);
    };
  }, [doc, provider, socket]);

  useEffect(
    () => () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
    [doc, provider, socket],
  );

  const pending = localClocks.filter((clock) => clock > storedClock).length;
  const sync: SyncState = useMemo(() => {
    if (denied) return { kind: "denied" };
    if (!connected) return pending > 0 || synced ? { kind: "offline", pending } : { kind: "connecting" };
    if (!synced) return { kind: "connecting" };
    if (readOnly && pending > 0) return { kind: "refused" };
    return pending > 0 ? { kind: "saving", pending } : { kind: "saved" };
  }, [connected, denied, pending, synced, readOnly]);

  return { doc, provider, sync, collaborators, readOnly, synced } satisfies Collaboration;
}
