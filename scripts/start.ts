// `npm start`: database → migrations → seed → production build if the sources changed → web server.
// `--dev` runs Next in development mode instead of building.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import next from "next";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress } from "@/lib/auth/client-address";
import { readSettings } from "@/lib/config/settings";
import { createDatabaseClient } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { NUL_IN_URL_MESSAGE, urlHasNul } from "@/lib/http/nul";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { instrumentHttp } from "@/lib/ops/http-instrumentation";
import { createLogger, REQUEST_ID_HEADER, requestIdFor } from "@/lib/ops/log";
import { takeOverShutdownSignals } from "@/lib/ops/signals";
import {
  createMetricsRegistry,
  metricsAddress,
  registerHttpMetrics,
  registerJobQueueMetrics,
  startMetricsServer,
  type MetricsServer,
} from "@/lib/ops/metrics";
import { pendingChanges } from "@/lib/search/indexer";
import { scheduleSearchIndex } from "@/lib/search/jobs";
import { seedDemo } from "../seeds/seed";
import { COLLAB_PATH, forwardUpgrade, startCollabProcess, type CollabProcess } from "./collab-process";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Next's server otherwise installs its own SIGINT/SIGTERM handlers that exit at once (code 143), cutting short
// the drain below: the requests in flight, the collaboration process's stores, the jobs, the embedded PostgreSQL.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
const webRole = process.env.HUITONG_ROLE === "web";
process.env.HUITONG_LOG_ROLE = webRole ? "web" : "all-in-one";
const log = createLogger({ component: "start" });
// How long SIGTERM waits for requests in flight before closing what is left.
const drainTimeoutMs = Number(process.env.HUITONG_DRAIN_TIMEOUT_SECONDS ?? 25) * 1000;

async function main() {
  const settings = readSettings();
  const trustedProxies = parseTrustedProxies(process.env.HUITONG_TRUSTED_PROXIES);
  // Created first so a signal during migration, seeding or the build can close it safely.
  const server = createServer();
  const metricsAt = metricsAddress();
  const registry = metricsAt ? createMetricsRegistry() : null;
  const http = instrumentHttp({
    isTrustedProxy: trustedProxies,
    metrics: registry ? registerHttpMetrics(registry) : undefined,
  });
  // Forwarded /collab websockets: closed on shutdown, after HTTP requests have finished.
  const upgraded = new Set<Socket>();
  const database = await prepareDatabase(settings, { log: (line) => log.debug(line, { component: "database" }) });
  let collab: CollabProcess | null = null;
  let jobs: JobWorker | null = null;
  let metrics: MetricsServer | null = null;
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping: no new connections, finishing requests in flight", { signal, inFlight: http.inFlight() });
    // Stop accepting, answer what is in flight (its responses close their keep-alive connections), then close
    // whatever is left. The editors' sockets go last; their providers reconnect to another process.
    http.startDraining();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const drained = await Promise.race([
      http.idle().then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), drainTimeoutMs).unref()),
    ]);
    if (!drained) log.warn("requests still in flight after the drain timeout", { inFlight: http.inFlight() });
    server.closeAllConnections();
    for (const socket of upgraded) socket.destroy();
    await closed;
    await collab?.stop();
    await jobs?.stop().catch((error: unknown) => log.error("stopping the job worker failed", { error }));
    await metrics?.close();
    await database.stop().catch((error: unknown) => log.error("stopping PostgreSQL failed", { error }));
    log.info("stopped", { signal });
    process.exit(code);
  };
  takeOverShutdownSignals((signal) => void shutdown(signal));

  log.info("database ready", {
    database: database.embedded
      ? `embedded PostgreSQL in ${path.relative(root, settings.dataDir) || "."}`
      : "DATABASE_URL",
    appliedMigrations: database.applied.length,
  });
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = settings.authSecret;
  process.env.AUTH_TRUST_HOST ??= "true";

  if (settings.seed) {
    const client = createDatabaseClient(database.url);
    const report = await seedDemo(client);
    await client.$disconnect();
    const c = report.created;
    log.info(c.review || c.items || c.users ? "seeded the demo review" : "demo review already present", {
      users: c.users,
      items: c.items,
      themes: c.themes,
    });
  }

  // Whatever an upgrade queued before the job queue existed is indexed by the worker, not before start.
  const searchClient = createDatabaseClient(database.url);
  const waiting = await pendingChanges(searchClient);
  if (waiting) {
    await scheduleSearchIndex(searchClient);
    log.info("search changes scheduled for indexing in the background", { changes: waiting });
  }
  await searchClient.$disconnect();

  if (!dev) buildIfSourcesChanged();

  // The all-in-one process runs background jobs and a collaboration process itself. The web role
  // (`npm run web`) leaves jobs to `npm run worker` and collaboration to `npm run collab` processes: the reverse
  // proxy routes /collab to them, or COLLAB_UPSTREAM (host:port) names one this process forwards to.
  const startJobs = async (): Promise<void> => {
    const current = await startJobWorker({ databaseUrl: database.url });
    jobs = current;
    void current.finished.then(async () => {
      if (stopping || jobs !== current) return;
      log.error("the job worker stopped unexpectedly; starting a new one in 5 s");
      await current.stop().catch(() => {});
      setTimeout(() => {
        if (!stopping)
          void startJobs().catch((error: unknown) => log.error("restarting the job worker failed", { error }));
      }, 5_000).unref();
    });
  };
  if (!webRole && process.env.HUITONG_WORKER !== "off") await startJobs();
  const collabUpstream = parseUpstream(process.env.COLLAB_UPSTREAM);
  if (!webRole) {
    collab = startCollabProcess({
      root,
      dataDir: settings.dataDir,
      port: settings.collabPort,
      // The all-in-one process's collaboration child serves its metrics on the next port.
      metricsPort: metricsAt ? metricsAt.port + 1 : undefined,
    });
  }
  if (registry && metricsAt) {
    const queueClient = createDatabaseClient(database.url);
    registerJobQueueMetrics(registry, () => queueClient);
    metrics = await startMetricsServer(registry, metricsAt.port, metricsAt.host);
  }

  const app = next({ dev, dir: root, hostname: settings.host, port: settings.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();
  server.on("request", (request, response) => {
    http.handle(request, response, () => {
      // Refused here, for every route at once, before a NUL can reach a query.
      if (urlHasNul(request.url ?? "")) {
        response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(NUL_IN_URL_MESSAGE);
        return;
      }
      // Rate limits key on this header only; whatever a client sent under that name is replaced.
      request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
        request.socket.remoteAddress,
        request.headers["x-forwarded-for"],
        trustedProxies,
      );
      void handle(request, response);
    });
  });
  server.on("upgrade", (request, socket, head) => {
    if (stopping) return void socket.destroy();
    const requestId = requestIdFor(
      request.headers[REQUEST_ID_HEADER],
      trustedProxies((socket as Socket).remoteAddress ?? ""),
    );
    request.headers[REQUEST_ID_HEADER] = requestId;
    upgraded.add(socket as Socket);
    socket.once("close", () => upgraded.delete(socket as Socket));
    if (request.url?.startsWith(COLLAB_PATH)) {
      log.info("collaboration socket forwarded", { requestId, path: COLLAB_PATH });
      if (collab) collab.forwardUpgrade(request, socket as Socket, head);
      else if (collabUpstream)
        forwardUpgrade(request, socket as Socket, head, collabUpstream.host, collabUpstream.port);
      else socket.destroy();
    } else void handleUpgrade(request, socket, head);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    log.error(
      error.code === "EADDRINUSE"
        ? `Port ${settings.port} is already in use: stop the other server or set PORT.`
        : "web server failed",
      { error },
    );
    void shutdown("error", 1);
  });
  server.listen(settings.port, settings.host, () => {
    // Read by people and by scripts waiting for the server (e2e, benches, tests).
    log.info(`Huitong is ready on http://localhost:${settings.port}`, { port: settings.port, host: settings.host });
  });
}

function parseUpstream(value: string | undefined): { host: string; port: number } | null {
  if (!value) return null;
  const match = /^([^:]+):(\d{1,5})$/.exec(value);
  if (!match) throw new Error(`COLLAB_UPSTREAM must be host:port, got "${value}"`);
  return { host: match[1]!, port: Number(match[2]) };
}

// A production build is reused until a source file changes, so a second `npm start` starts at once.
function buildIfSourcesChanged() {
  const stampFile = path.join(root, ".next", "huitong-source-stamp");
  const stamp = sourceStamp();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile);
  if (built && readFileSync(stampFile, "utf8") === stamp) return;
  log.info("building the production bundle (first start or changed sources)");
  const result = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, stamp);
}

function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      // Tests are not part of the build: changing one must not cost a production build.
      for (const entry of readdirSync(full).sort()) {
        if (!/\.test\.tsx?$/.test(entry)) visit(path.join(relative, entry));
      }
    } else {
      hash.update(`${relative}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const entry of [
    "app",
    "components",
    "lib",
    "public",
    "next.config.ts",
    "proxy.ts",
    "package.json",
    "postcss.config.mjs",
    "tsconfig.json",
  ]) {
    visit(entry);
  }
  return hash.digest("hex");
}

main().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : String(error), { error });
  process.exit(1);
});
