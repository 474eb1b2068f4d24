// Entry point of the collaboration process: started (and restarted if it dies) by scripts/start.ts, or run as its
// own role with `npm run collab` when scaled out. It needs DATABASE_URL and AUTH_SECRET; with REDIS_URL it joins
// the other collaboration processes. It listens on 127.0.0.1 unless COLLAB_HOST says otherwise.
// SIGTERM closes every connection and stores every open document before the process exits, so a rolling restart
// loses no typing: the editors' providers reconnect (to another process behind the proxy) and resync.
import { readSettings } from "@/lib/config/settings";
import { createLogger } from "@/lib/ops/log";
import { takeOverShutdownSignals } from "@/lib/ops/signals";
import { createMetricsRegistry, metricsAddress, registerCollabMetrics, startMetricsServer } from "@/lib/ops/metrics";
import { createCollabServer } from "./server";

process.env.HUITONG_LOG_ROLE = "collab";
const log = createLogger({ component: "collab" });

function optionalMs(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds`);
  return value;
}

async function main() {
  const settings = readSettings();
  if (!process.env.DATABASE_URL) throw new Error("collaboration server: DATABASE_URL is not set");
  const host = process.env.COLLAB_HOST || "127.0.0.1";
  const server = createCollabServer({
    port: settings.collabPort,
    host,
    secret: settings.authSecret,
    redisUrl: process.env.REDIS_URL || undefined,
    instanceName: process.env.HUITONG_INSTANCE || undefined,
    // How long typing may pause before a document is stored (tests lengthen it to hold an edit unstored).
    debounceMs: optionalMs("HUITONG_COLLAB_DEBOUNCE_MS"),
    maxDebounceMs: optionalMs("HUITONG_COLLAB_MAX_DEBOUNCE_MS"),
    logger: log,
  });
  await server.listen();
  const metricsAt = metricsAddress();
  const metrics = metricsAt
    ? await (async () => {
        const registry = createMetricsRegistry();
        registerCollabMetrics(registry, server.hocuspocus);
        return startMetricsServer(registry, metricsAt.port, metricsAt.host);
      })()
    : null;
  // Read by scripts and tests waiting for the process (the message stays stable).
  log.info(`collaboration server listening on ${host}:${settings.collabPort}`, {
    host,
    port: settings.collabPort,
    redis: Boolean(process.env.REDIS_URL),
  });

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    const documents = server.hocuspocus.getDocumentsCount();
    log.info("stopping: closing connections and storing open documents", {
      reason,
      documents,
      connections: server.hocuspocus.getConnectionsCount(),
    });
    // destroy() closes every connection, stores each document at once instead of after its debounce, and
    // resolves when every document is stored and unloaded. A store that cannot finish (PostgreSQL gone) must not
    // hold the process forever: after the timeout it exits with an error, and the editors still hold the text.
    const timeoutMs = Number(process.env.HUITONG_DRAIN_TIMEOUT_SECONDS ?? 25) * 1000;
    const stored = await Promise.race([
      server.destroy().then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
    ]);
    await metrics?.close();
    if (stored) {
      log.info("stopped: every open document stored", { documents });
      process.exit(0);
    } else {
      log.error("stopping timed out before every document was stored", {
        remaining: server.hocuspocus.getDocumentsCount(),
      });
      process.exit(1);
    }
  };
  takeOverShutdownSignals((signal) => void stop(signal));
  // Started by scripts/collab-process.ts: when that process dies, so does this one.
  if (process.send) process.on("disconnect", () => void stop("parent exited"));
}

main().catch((error: unknown) => {
  log.error("collaboration server failed", { error });
  process.exit(1);
});
