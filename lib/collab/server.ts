// The collaboration server: Hocuspocus with three duties. It lets a socket in only with a ticket the web
// app minted, opens the document read-only for roles the policy does not allow to write, and persists
// every document in PostgreSQL, telling the editors afterwards exactly what is stored so they can show
// "saved" truthfully. Access is not decided once: a role change or removal announced on PostgreSQL's
// access channel (lib/authz/access-events.ts) reaches every open connection at once, and who a connection
// is (the name and colour others see) comes from the server, never from the client.
import { Database } from "@hocuspocus/extension-database";
import { Redis } from "@hocuspocus/extension-redis";
import {
  isTransactionOrigin,
  OutgoingMessage,
  Server,
  type Connection,
  type Extension,
  type Hocuspocus,
  type afterUnloadDocumentPayload,
  type onChangePayload,
  type onStoreDocumentPayload,
} from "@hocuspocus/server";
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { AccessEvent } from "@/lib/authz/access-events";
import { authorize } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { REQUEST_ID_HEADER, type LogFields, type Logger } from "@/lib/ops/log";
import { collaboratorColor } from "@/lib/synthesis/collaborator-color";
import type { DocNode } from "@/lib/synthesis/document-model";
import { SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { findSectionForSocket, loadSectionState, storeSectionState } from "@/lib/synthesis/document-store";
import { sectionIdOf, verifyCollabToken } from "./token";
import { listenForAccessChanges, type AccessListener } from "./access-listener";
import { accessMessage, isThreadsMessage, storedMessage } from "./stored-message";

export interface CollabContext {
  userId: string;
  sectionId: string;
  reviewId: string;
  readOnly: boolean;
  /** Who the others see: the account's name and colour, whatever the client announces. */
  presence: { name: string; color: string };
  /** The id the web server gave the websocket upgrade (X-Request-Id), for log lines about this connection. */
  requestId?: string;
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
  /** Structured log of connection events and stores; `log` lines become its debug events. */
  logger?: Logger;
  /**
   * The PostgreSQL to LISTEN on for access changes (role changes, removals, ended sessions). Defaults to
   * DATABASE_URL; `false` switches listening off (a test that drives the events itself).
   */
  accessChangesUrl?: string | false;
}

function authentication(secret: string): Extension {
  return {
    extensionName: "huitong-authentication",
    async onAuthenticate({ token, documentName, connectionConfig, requestHeaders }): Promise<CollabContext> {
      const sectionId = sectionIdOf(documentName);
      const ticket = verifyCollabToken(token, secret);
      if (!sectionId || !ticket || ticket.sectionId !== sectionId) throw new Error("invalid collaboration ticket");
      const section = await findSectionForSocket(sectionId);
      if (!section || section.deleted) throw new Error(`section ${sectionId} not found`);
      // The same policy as every page: a non-member is refused, a reader gets a read-only connection.
      const [access, user] = await Promise.all([
        authorize(ticket.userId, section.reviewId, "review.read"),
        db().user.findUnique({ where: { id: ticket.userId }, select: { name: true, sessionVersion: true } }),
      ]);
      if (!user) throw new Error(`user ${ticket.userId} not found`);
      if (ticket.sessionVersion !== undefined && ticket.sessionVersion !== user.sessionVersion) {
        throw new Error("collaboration ticket from an ended session");
      }
      const readOnly = !can(access.role, "synthesis.write");
      connectionConfig.readOnly = readOnly;
      return {
        userId: ticket.userId,
        sectionId,
        reviewId: section.reviewId,
        readOnly,
        presence: { name: user.name, color: collaboratorColor(ticket.userId) },
        requestId: requestHeaders.get(REQUEST_ID_HEADER) ?? undefined,
      };
    },
    // A role change that committed between the check above and this moment announced itself before this
    // connection existed: look once more now that it can be found.
    async connected({ connection }) {
      await applyCurrentAccess(connection as Connection<CollabContext>);
    },
  };
}

/**
 * Presence is rewritten on the server: every awareness state a connection sends carries the account's own
 * name and colour, so nobody can appear under another person's name.
 */
const serverSidePresence: Extension = {
  extensionName: "huitong-presence",
  async beforeHandleAwareness({ states, context }) {
    const presence = (context as CollabContext | undefined)?.presence;
    if (!presence) return;
    for (const state of states.values()) {
      if (state && typeof state === "object" && "user" in state) state.user = { ...presence };
    }
  },
};

/** The member's current role, read again; null when they are no longer a member or the section is gone. */
async function currentReadOnly(context: CollabContext): Promise<boolean | null> {
  try {
    const [access, section] = await Promise.all([
      authorize(context.userId, context.reviewId, "review.read"),
      findSectionForSocket(context.sectionId),
    ]);
    if (!section || section.deleted) return null;
    return !can(access.role, "synthesis.write");
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "UNAUTHENTICATED")) return null;
    throw error;
  }
}

/** Brings one open connection in line with the member's access now: read-only, writable, or closed. */
async function applyCurrentAccess(connection: Connection<CollabContext>): Promise<void> {
  const readOnly = await currentReadOnly(connection.context);
  if (readOnly === null) {
    endConnection(connection);
    return;
  }
  if (readOnly === connection.readOnly) return;
  connection.readOnly = readOnly;
  connection.context.readOnly = readOnly;
  // Updates from a read-only connection are refused from here on; the editor is told so it stops offering edits.
  connection.sendStateless(accessMessage(readOnly ? "readonly" : "read-write"));
}

function endConnection(connection: Connection<CollabContext>): void {
  connection.sendStateless(accessMessage("revoked"));
  // Removed from the document first, so nothing more is sent to it; then the client is told why.
  connection.close({ code: 4403, reason: "access revoked" });
}

function connectionsOf(instance: Hocuspocus, matches: (context: CollabContext) => boolean) {
  const found: Connection<CollabContext>[] = [];
  for (const document of instance.documents.values()) {
    for (const connection of document.getConnections() as Connection<CollabContext>[]) {
      if (connection.context && matches(connection.context)) found.push(connection);
    }
  }
  return found;
}

/** Applies one announced access change to this process's open connections. */
export async function applyAccessEvent(instance: Hocuspocus, event: AccessEvent): Promise<number> {
  const affected = connectionsOf(
    instance,
    event.kind === "sessions"
      ? (context) => context.userId === event.userId
      : (context) => context.userId === event.userId && context.reviewId === event.reviewId,
  );
  if (event.kind === "sessions") affected.forEach(endConnection);
  else await Promise.all(affected.map(applyCurrentAccess));
  return affected.length;
}

/** Every open connection checked again, after the listener (re)connects and may have missed announcements. */
async function reconcileAll(instance: Hocuspocus): Promise<void> {
  await Promise.all(connectionsOf(instance, () => true).map(applyCurrentAccess));
}

function accessChanges(url: string | undefined, log: (line: string) => void): Extension {
  let listener: AccessListener | null = null;
  return {
    extensionName: "huitong-access-changes",
    async onListen({ instance }) {
      if (!url) return;
      listener = await listenForAccessChanges({
        url,
        log,
        onEvent: async (event) => {
          const count = await applyAccessEvent(instance, event);
          if (count) log(`access change ${event.kind} for ${event.userId}: ${count} connection(s)`);
        },
        onReconnect: () => reconcileAll(instance),
      });
    },
    async onDestroy() {
      await listener?.stop();
    },
  };
}

const STORED_STATE_ORIGIN = "huitong-stored-state";

/**
 * How long after a change the processes compare state vectors through Redis, to repair anything a lost pub/sub
 * message missed (see DirectUpdateRedis). One exchange per document per window, however many changes it had.
 */
const REDIS_REPAIR_MS = 1000;

/**
 * Hocuspocus's Redis extension tells the other processes about a change by publishing this process's state
 * vector; each answers with what it lacks and gets the change in a further reply: two more trips through Redis
 * and two busy event loops before an editor on another process sees a keystroke. This subclass publishes the
 * update itself at once instead, which the other processes apply directly and relay to their editors.
 *
 * The extension's state-vector exchange stays, to repair anything a lost pub/sub message (a Redis reconnect)
 * missed, but it no longer runs after every change: it costs four more Redis messages and four Yjs encodings or
 * decodings per change and peer, in the same event loops that relay the typing, and measured that way it doubled
 * the propagation latency across processes (bench:collab, 20 sections × 10 editors). It now runs once per
 * document at most every REDIS_REPAIR_MS, carrying the state at that moment, so every change is still followed
 * by an exchange within that time.
 *
 * A store that another process holds the Redis lock for (in the database REDIS_URL names) is skipped (that process stores the same document);
 * the extension reports it as an error, which Hocuspocus would print on stderr: it is a debug log line here.
 */
class DirectUpdateRedis extends Redis {
  private repairs = new Map<string, { timer: NodeJS.Timeout; latest: onChangePayload }>();

  constructor(
    configuration: ConstructorParameters<typeof Redis>[0],
    private readonly debug: (msg: string, fields?: LogFields) => void,
  ) {
    super(configuration);
    // The store lock's Lua script selects its own database (0 unless told): keep it in the one REDIS_URL names.
    const db = (configuration.options as { db?: number } | undefined)?.db;
    if (db !== undefined) (this.redlock.settings as { db: number }).db = db;
  }

  async onChange(data: onChangePayload): Promise<void> {
    const fromRedis = isTransactionOrigin(data.transactionOrigin) && data.transactionOrigin.source === "redis";
    if (fromRedis) return;
    // pubKey and encodeMessage are private in the extension's types; they frame messages as its subscribers expect.
    const internals = this as unknown as {
      pubKey(documentName: string): string;
      encodeMessage(message: Uint8Array): Buffer;
    };
    const message = new OutgoingMessage(data.documentName).createSyncMessage().writeUpdate(data.update);
    this.pub.publish(internals.pubKey(data.documentName), internals.encodeMessage(message.toUint8Array())).catch(() => {
      // The state-vector exchange below still carries the change.
    });
    this.scheduleRepair(data);
  }

  private scheduleRepair(data: onChangePayload) {
    const pending = this.repairs.get(data.documentName);
    if (pending && pending.latest.document === data.document) {
      pending.latest = data;
      return;
    }
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      const due = this.repairs.get(data.documentName);
      this.repairs.delete(data.documentName);
      // The extension's own change handler publishes this document's state vector (at the end of this turn).
      if (due) void super.onChange(due.latest);
    }, REDIS_REPAIR_MS);
    this.repairs.set(data.documentName, { timer, latest: data });
  }

  async onStoreDocument(data: onStoreDocumentPayload): Promise<void> {
    try {
      await super.onStoreDocument(data);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== "SkipFurtherHooksError") throw error;
      this.debug("store skipped: another collaboration process holds the store lock", {
        document: data.documentName,
      });
      // The same kind of error, so Hocuspocus still skips the store, but without a message: its hook runner
      // prints every error that has one.
      throw new (error.constructor as new (message: string) => Error)("");
    }
  }

  async afterUnloadDocument(data: afterUnloadDocumentPayload): Promise<void> {
    if (!data.instance.documents.has(data.documentName)) {
      const pending = this.repairs.get(data.documentName);
      if (pending) clearTimeout(pending.timer);
      this.repairs.delete(data.documentName);
    }
    return super.afterUnloadDocument(data);
  }

  async onDestroy(): Promise<void> {
    for (const { timer } of this.repairs.values()) clearTimeout(timer);
    this.repairs.clear();
    return super.onDestroy();
  }
}

function redisFanOut(url: string, identifier: string, debug: (msg: string, fields?: LogFields) => void): Extension {
  const parsed = new URL(url);
  return new DirectUpdateRedis(
    {
      host: parsed.hostname,
      port: Number(parsed.port || 6379),
      identifier,
      prefix: "huitong-collab",
      options: {
        username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
        password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
        db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
        tls: parsed.protocol === "rediss:" ? {} : undefined,
        // Not enableAutoPipelining: the extension's ioredis (5.6) crashed the process with "results[i] is not
        // iterable" under bench:collab's 200 editors with it on.
      },
    },
    debug,
  );
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

/** One line when an editor's connection opens and closes, with the request id the web server gave it. */
function connectionLog(logger: Logger): Extension {
  const fields = (context: CollabContext | undefined, documentName: string, socketId: string) => ({
    requestId: context?.requestId,
    userId: context?.userId,
    document: documentName,
    socketId,
  });
  return {
    extensionName: "huitong-connection-log",
    async connected({ context, documentName, socketId }) {
      logger.info("editor connected", {
        ...fields(context as CollabContext, documentName, socketId),
        readOnly: (context as CollabContext | undefined)?.readOnly,
      });
    },
    async onDisconnect({ context, documentName, socketId, clientsCount }) {
      logger.info("editor disconnected", { ...fields(context as CollabContext, documentName, socketId), clientsCount });
    },
  };
}

export function createCollabServer(options: CollabServerOptions): Server<CollabContext> {
  const logger = options.logger;
  const log = options.log ?? (logger ? (line: string) => logger.debug(line) : () => {});
  const debug = logger
    ? (msg: string, fields?: LogFields) => logger.debug(msg, fields)
    : (msg: string, fields?: LogFields) => log(fields ? `${msg} ${JSON.stringify(fields)}` : msg);
  return new Server<CollabContext>({
    name: "huitong-collab",
    port: options.port,
    address: options.host ?? "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 500,
    maxDebounce: options.maxDebounceMs ?? 3000,
    extensions: [
      ...(options.redisUrl
        ? [redisFanOut(options.redisUrl, options.instanceName ?? `collab-${process.pid}`, debug)]
        : []),
      authentication(options.secret),
      serverSidePresence,
      accessChanges(
        options.accessChangesUrl === false ? undefined : (options.accessChangesUrl ?? process.env.DATABASE_URL),
        log,
      ),
      ...persistence(log),
      relayCommentChanges,
      ...(logger ? [connectionLog(logger)] : []),
    ],
  });
}
