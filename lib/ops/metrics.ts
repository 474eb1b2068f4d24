// Prometheus metrics, served on a port of their own (HUITONG_METRICS_PORT; off when unset) so they never reach
// the public site through the reverse proxy. Each role registers what it knows: the web role request latency
// per route, the collaboration role open sockets and documents in memory, the web and worker roles the job
// queue's depth. Every role also exports Node's process metrics (memory, CPU, event-loop lag).
import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "@/lib/db/client";
import { createLogger } from "./log";

const log = createLogger({ component: "metrics" });

export const METRICS_PREFIX = "huitong_";

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRICS_PREFIX });
  return registry;
}

export interface HttpMetrics {
  observe(method: string, route: string, status: number, seconds: number): void;
}

export function registerHttpMetrics(registry: Registry): HttpMetrics {
  const histogram = new Histogram({
    name: `${METRICS_PREFIX}http_request_duration_seconds`,
    help: "Time from receiving an HTTP request to finishing its response, by route pattern.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    observe(method, route, status, seconds) {
      histogram.observe({ method, route, status: String(status) }, seconds);
    },
  };
}

/** Hocuspocus's counts, read when Prometheus scrapes. */
export function registerCollabMetrics(
  registry: Registry,
  source: { getConnectionsCount(): number; getDocumentsCount(): number },
): void {
  new Gauge({
    name: `${METRICS_PREFIX}collab_open_connections`,
    help: "Editors' websocket connections open on this collaboration process.",
    registers: [registry],
    collect() {
      this.set(source.getConnectionsCount());
    },
  });
  new Gauge({
    name: `${METRICS_PREFIX}collab_documents_in_memory`,
    help: "Section documents this collaboration process holds in memory.",
    registers: [registry],
    collect() {
      this.set(source.getDocumentsCount());
    },
  });
}

export interface JobQueueDepth {
  pending: number;
  running: number;
  failed: number;
}

/** Counted from graphile-worker's tables: failed jobs have used every attempt, running ones are locked. */
export async function readJobQueueDepth(client: Database): Promise<JobQueueDepth> {
  const [row] = await client.$queryRaw<{ pending: bigint; running: bigint; failed: bigint }[]>`
    SELECT count(*) FILTER (WHERE attempts < max_attempts AND locked_at IS NULL) AS pending,
           count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
           count(*) FILTER (WHERE attempts >= max_attempts AND locked_at IS NULL) AS failed
      FROM graphile_worker.jobs`;
  return { pending: Number(row?.pending ?? 0), running: Number(row?.running ?? 0), failed: Number(row?.failed ?? 0) };
}

export function registerJobQueueMetrics(registry: Registry, client: () => Database): void {
  new Gauge({
    name: `${METRICS_PREFIX}job_queue_jobs`,
    help: "Jobs in the PostgreSQL job queue by state (pending: waiting or awaiting a retry; running; failed: out of attempts).",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      try {
        const depth = await readJobQueueDepth(client());
        this.set({ state: "pending" }, depth.pending);
        this.set({ state: "running" }, depth.running);
        this.set({ state: "failed" }, depth.failed);
      } catch (error) {
        // A scrape still answers with the other metrics; the gap in this one shows the problem.
        log.warn("job queue depth unavailable", { error });
        this.reset();
      }
    },
  });
}

const ID_SEGMENT =
  /^(?:[0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{20,}|[A-Za-z0-9_-]{24,})$/;

/**
 * The route a path belongs to, for a label: ids become ":id" so /reviews/abc/items/def and every other item share
 * one series. Paths nobody serves (404) share one label, so probing random addresses cannot grow the series.
 */
export function routeLabel(pathname: string, status: number): string {
  if (status === 404) return "(not found)";
  if (pathname.startsWith("/_next/")) return "/_next/" + (pathname.split("/")[2] ?? "");
  if (pathname.startsWith("/pdfjs/")) return "/pdfjs";
  const segments = pathname.split("/").filter(Boolean).slice(0, 8);
  return "/" + segments.map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment)).join("/");
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves GET /metrics in Prometheus's text format. */
export function startMetricsServer(registry: Registry, port: number, host: string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== "GET" || (request.url ?? "").split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("only GET /metrics here\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => {
        log.error("collecting metrics failed", { error });
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("collecting metrics failed\n");
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      log.info("metrics listening", { host, port: bound });
      resolve({
        port: bound,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** HUITONG_METRICS_PORT (and HUITONG_METRICS_HOST, default 127.0.0.1), or null when metrics are off. */
export function metricsAddress(env: NodeJS.ProcessEnv = process.env): { port: number; host: string } | null {
  const raw = env.HUITONG_METRICS_PORT;
  if (raw === undefined || raw === "") return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`HUITONG_METRICS_PORT must be a port number, got "${raw}"`);
  }
  return { port, host: env.HUITONG_METRICS_HOST || "127.0.0.1" };
}
