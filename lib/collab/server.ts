// The collaboration server: Hocuspocus with three duties. It lets a socket in only with a ticket the web
// app minted, opens the document read-only for roles the policy does not allow to write, and persists
// every document in PostgreSQL, telling the editors afterwards exactly what is stored so they can show
// "saved" truthfully.
import { Database } from "@hocuspocus/extension-database";
import { Redis } from "@hocuspocus/extension-redis";
import { Server, type Extension } from "@hocuspocus/server";
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { authorize } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import type { DocNode } from "@/lib/synthesis/document-model";
import { SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { findSectionForSocket, loadSectionState, storeSectionState } from "@/lib/synthesis/document-store";
import { sectionIdOf, verifyCollabToken } from "./token";
import { isThreadsMessage, storedMessage } from "./stored-message";

export interface CollabContext {
  userId: string;
  sectionId: string;
  readOnly: boolean;
}

export interface CollabServerOptions {
  port: number;
  host?: string;
  secret: string;
  /**
   * Joins this process to every other collaboration process on the same Redis: editors of one section connected
   * to different processes see each other's typing, presence and comment updates. Unset: a single process.
   */
  redisUrl?: string;
  /** Names this process in Redis messages and logs; unique per process. */
  instanceName?: string;
  /** How long a document waits for typing to pause before it is stored. */
  debounceMs?: number;
  maxDebounceMs?: number;
  log?: (line: string) => void;
}

function authentication(secret: string): Extension {
  return {
    extensionName: "huitong-authentication",
    async onAuthenticate({ token, documentName, connectionConfig }): Promise<CollabContext> {
      const sectionId = sectionIdOf(documentName);
      const ticket = verifyCollabToken(token, secret);
      if (!sectionId || !ticket || ticket.sectionId !== sectionId) throw new Error("invalid collaboration ticket");
      const section = await findSectionForSocket(sectionId);
      if (!section || section.deleted) throw new Error(`section ${sectionId} not found`);
      // The same policy as every page: a non-member is refused, a reader gets a read-only connection.
      const access = await authorize(ticket.userId, section.reviewId, "review.read");
      const readOnly = !can(access.role, "synthesis.write");
      connectionConfig.readOnly = readOnly;
      return { userId: ticket.userId, sectionId, readOnly };
    },
  };
}

const STORED_STATE_ORIGIN = "huitong-stored-state";

function redisFanOut(url: string, identifier: string): Extension {
  const parsed = new URL(url);
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    identifier,
    prefix: "huitong-collab",
    options: {
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
      tls: parsed.protocol === "rediss:" ? {} : undefined,
    },
  });
}

function persistence(log: (line: string) => void): Extension[] {
  const database = new Database({
    async fetch({ documentName }) {
      const sectionId = sectionIdOf(documentName);
      return sectionId ? loadSectionState(sectionId) : null;
    },
    async store({ documentName, document, state, lastContext }) {
      const sectionId = sectionIdOf(documentName);
      if (!sectionId) return;
      const content = yDocToProsemirrorJSON(document, SECTION_FRAGMENT) as DocNode;
      await storeSectionState({
        sectionId,
        state,
        content,
        updatedById: (lastContext as CollabContext | undefined)?.userId ?? null,
        // Merging what is stored is a no-op for a single process and keeps every process's changes for several.
        mergeStored(stored) {
          Y.applyUpdate(document, stored, STORED_STATE_ORIGIN);
          return {
            state: Y.encodeStateAsUpdate(document),
            content: yDocToProsemirrorJSON(document, SECTION_FRAGMENT) as DocNode,
          };
        },
      });
      log(`stored ${documentName} (${state.byteLength} bytes)`);
    },
  });
  const announceStored: Extension = {
    extensionName: "huitong-stored-announcement",
    // Runs after the database extension has written the state: only now is "saved" true.
    async afterStoreDocument({ document }) {
      document.broadcastStateless(storedMessage(Y.encodeStateVector(document)));
    },
  };
  return [database, announceStored];
}

/**
 * Comments live in PostgreSQL, not in the document; when one changes, the editor that changed it says so on
 * the socket and the others reload their comments.
 */
const relayCommentChanges: Extension = {
  extensionName: "huitong-comment-relay",
  async onStateless({ payload, document, connection }) {
    if (isThreadsMessage(payload)) document.broadcastStateless(payload, (other) => other !== connection);
  },
};

export function createCollabServer(options: CollabServerOptions): Server<CollabContext> {
  const log = options.log ?? (() => {});
  return new Server<CollabContext>({
    name: "huitong-collab",
    port: options.port,
    address: options.host ?? "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 500,
    maxDebounce: options.maxDebounceMs ?? 3000,
    extensions: [
      ...(options.redisUrl ? [redisFanOut(options.redisUrl, options.instanceName ?? `collab-${process.pid}`)] : []),
      authentication(options.secret),
      ...persistence(log),
      relayCommentChanges,
    ],
  });
}
