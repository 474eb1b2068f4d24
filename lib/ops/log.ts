// Structured logs: one JSON line per event on stdout (errors on stderr), with the time, level, process role and,
// inside an HTTP request, the request id. A log collector (journald, Docker, Loki, …) reads them as they are.
//
// The request id is carried in an AsyncLocalStorage kept on globalThis: scripts/start.ts (run by tsx) and the
// Next.js server bundle each load their own copy of this module, and both must see the one store, so that a
// server action enqueuing a job inherits the id the web server gave its request.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every line also carries `fields` (e.g. a job's id). */
  child(fields: LogFields): Logger;
}

interface RequestContext {
  requestId: string;
}

export const REQUEST_ID_HEADER = "x-request-id";

const STORE_KEY = Symbol.for("huitong.ops.requestContext");
const globalStore = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<RequestContext> };
const requestContext = (globalStore[STORE_KEY] ??= new AsyncLocalStorage<RequestContext>());

/** The id of the HTTP request (or job) this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

// Ids a proxy may send: what common proxies and tracing systems generate (UUIDs, hex, base64url), nothing that
// could break a log line or a header.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id for a new request: the one a trusted proxy sent in X-Request-Id (so the proxy's log and ours line up),
 * otherwise a fresh one. A client's own value is ignored unless the connection comes from a trusted proxy, so no
 * one can make their requests look like someone else's in the logs.
 */
export function requestIdFor(header: string | string[] | undefined, fromTrustedProxy: boolean): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (fromTrustedProxy && value && ACCEPTABLE_ID.test(value)) return value;
  return randomUUID();
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = process.env.HUITONG_LOG_LEVEL?.toLowerCase();
  if (configured && configured in LEVELS) return LEVELS[configured as LogLevel];
  return process.env.HUITONG_DEBUG ? LEVELS.debug : LEVELS.info;
}

/** Errors become plain fields: JSON.stringify would turn them into `{}`. */
function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return { name: value.name, message: value.message, ...(code ? { code } : {}), stack: value.stack };
  }
  return value;
}

export function formatLine(level: LogLevel, msg: string, fields: LogFields): string {
  const line: LogFields = {
    level,
    time: new Date().toISOString(),
    msg,
    role: process.env.HUITONG_LOG_ROLE ?? "app",
  };
  if (process.env.HUITONG_INSTANCE) line.instance = process.env.HUITONG_INSTANCE;
  const requestId = currentRequestId();
  if (requestId) line.requestId = requestId;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) line[key] = serialize(value);
  }
  try {
    return JSON.stringify(line);
  } catch {
    // A circular field must not cost the event itself.
    return JSON.stringify({ level, time: line.time, msg, role: line.role, requestId, unserializable: true });
  }
}

export function createLogger(base: LogFields = {}): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (LEVELS[level] < threshold()) return;
    const text = formatLine(level, msg, { ...base, ...fields }) + "\n";
    (level === "error" || level === "warn" ? process.stderr : process.stdout).write(text);
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

/** The process's logger; its role comes from HUITONG_LOG_ROLE, set by each entry point. */
export const log: Logger = createLogger();
