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
import { pendingChanges } from "@/lib/search/indexer";
import { scheduleSearchIndex } from "@/lib/search/jobs";
import { seedDemo } from "../seeds/seed";
import { COLLAB_PATH, forwardUpgrade, startCollabProcess, type CollabProcess } from "./collab-process";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main() {
  const settings = readSettings();
  const trustedProxies = parseTrustedProxies(process.env.HUITONG_TRUSTED_PROXIES);
  // Created first so a signal during migration, seeding or the build can close it safely.
  const server = createServer();
  const database = await prepareDatabase(settings, { log: (line) => process.env.HUITONG_DEBUG && console.log(line) });
  let collab: CollabProcess | null = null;
  let jobs: JobWorker | null = null;
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping Huitong`);
    server.close();
    await collab?.stop();
    await jobs?.stop().catch((error: unknown) => console.error("stopping the job worker failed:", error));
    await database.stop().catch((error: unknown) => console.error("stopping PostgreSQL failed:", error));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  console.log(
    `database: ${database.embedded ? `embedded PostgreSQL in ${path.relative(root, settings.dataDir) || "."}` : "DATABASE_URL"}` +
      (database.applied.length ? `, applied ${database.applied.length} migration(s)` : ", schema up to date"),
  );
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = settings.authSecret;
  process.env.AUTH_TRUST_HOST ??= "true";

  if (settings.seed) {
    const client = createDatabaseClient(database.url);
    const report = await seedDemo(client);
    await client.$disconnect();
    const c = report.created;
    console.log(
      c.review || c.items || c.users
        ? `seed: created ${c.users} account(s), ${c.items} item(s), ${c.themes} theme(s)`
        : "seed: demo review already present",
    );
  }

  // Whatever an upgrade queued before the job queue existed is indexed by the worker, not before start.
  const searchClient = createDatabaseClient(database.url);
  const waiting = await pendingChanges(searchClient);
  if (waiting) {
    await scheduleSearchIndex(searchClient);
    console.log(`search: ${waiting} change(s) to index, scheduled in the background`);
  }
  await searchClient.$disconnect();

  if (!dev) buildIfSourcesChanged();

  // The all-in-one process runs background jobs and a collaboration process itself. The web role
  // (`npm run web`) leaves jobs to `npm run worker` and collaboration to `npm run collab` processes: the reverse
  // proxy routes /collab to them, or COLLAB_UPSTREAM (host:port) names one this process forwards to.
  const webRole = process.env.HUITONG_ROLE === "web";
  if (!webRole && process.env.HUITONG_WORKER !== "off") jobs = await startJobWorker({ databaseUrl: database.url });
  const collabUpstream = parseUpstream(process.env.COLLAB_UPSTREAM);
  if (!webRole) collab = startCollabProcess({ root, dataDir: settings.dataDir, port: settings.collabPort });

  const app = next({ dev, dir: root, hostname: settings.host, port: settings.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();
  server.on("request", (request, response) => {
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
  server.on("upgrade", (request, socket, head) => {
    if (request.url?.startsWith(COLLAB_PATH)) {
      if (collab) collab.forwardUpgrade(request, socket as Socket, head);
      else if (collabUpstream)
        forwardUpgrade(request, socket as Socket, head, collabUpstream.host, collabUpstream.port);
      else socket.destroy();
    } else void handleUpgrade(request, socket, head);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${settings.port} is already in use: stop the other server or set PORT.`
        : `web server failed: ${error.message}`,
    );
    void shutdown("error");
  });
  server.listen(settings.port, settings.host, () => {
    console.log(`Huitong is ready on http://localhost:${settings.port}`);
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
  console.log("building the production bundle (first start or changed sources)…");
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
      for (const entry of readdirSync(full).sort()) visit(path.join(relative, entry));
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
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
