// The Prometheus endpoint scraped over HTTP, as Prometheus does, while real traffic moves the figures: requests
// through the web server's instrumentation, editors on a real collaboration server, jobs in the PostgreSQL queue.
// Also the request id: given to each request, believed from trusted proxies only, carried into enqueued jobs'
// log lines.
import { createServer, type Server as HttpServer } from "node:http";
import type { Server } from "@hocuspocus/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createCollabServer, type CollabContext } from "@/lib/collab/server";
import { mintCollabToken } from "@/lib/collab/token";
import type { Database } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob, REQUEST_ID_KEY } from "@/lib/jobs/enqueue";
import { runDueJobs } from "@/lib/jobs/worker";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { instrumentHttp } from "./http-instrumentation";
import { runWithRequestId } from "./log";
import {
  createMetricsRegistry,
  registerCollabMetrics,
  registerHttpMetrics,
  registerJobQueueMetrics,
  routeLabel,
  startMetricsServer,
  type MetricsServer,
} from "./metrics";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let databaseUrl: string;
let metrics: MetricsServer;
let web: HttpServer;
let webUrl: string;
let collab: Server<CollabContext>;
const clients: SectionClient[] = [];
const secret = "metrics-test-secret";
const seenPayloads: unknown[] = [];

const echoJob = defineJob({
  name: "test.echo",
  payload: z.object({ word: z.string() }),
  maxAttempts: 1,
  async run(payload, { log }) {
    seenPayloads.push(payload);
    log("echoing", { word: payload.word });
    if (payload.word === "fail") throw new Error("failing on purpose");
  },
});

beforeAll(async () => {
  ({ db, url: databaseUrl } = await createTestDatabase());
  const registry = createMetricsRegistry();
  const http = instrumentHttp({
    // The test's own requests come from 127.0.0.1; only a header sent as "trusted" below is believed.
    isTrustedProxy: () => trustProxy,
    metrics: registerHttpMetrics(registry),
  });
  web = createServer((request, response) =>
    http.handle(request, response, () => {
      const status = request.url?.startsWith("/missing") ? 404 : 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(String(request.headers["x-request-id"]));
    }),
  );
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", () => resolve()));
  webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
  collab = createCollabServer({ port: 0, secret, debounceMs: 30, maxDebounceMs: 100, accessChangesUrl: false });
  await collab.listen();
  registerCollabMetrics(registry, collab.hocuspocus);
  registerJobQueueMetrics(registry, () => db);
  metrics = await startMetricsServer(registry, 0, "127.0.0.1");
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await collab?.destroy();
  await metrics?.close();
  web?.close();
  await db.$disconnect();
});

let trustProxy = false;

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${metrics.port}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** The value of one sample, e.g. sample(text, 'huitong_job_queue_jobs{state="pending"}'); null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split("\n").find((candidate) => candidate.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe("metrics endpoint", () => {
  it("serves only GET /metrics", async () => {
    expect((await fetch(`http://127.0.0.1:${metrics.port}/`)).status).toBe(404);
    expect(await scrape()).toContain("huitong_process_resident_memory_bytes");
  });

  it("counts requests per route pattern, ids folded, unknown paths in one series", async () => {
    const itemRoute =
      'huitong_http_request_duration_seconds_count{method="GET",route="/reviews/:id/items/:id",status="200"}';
    const before = sample(await scrape(), itemRoute) ?? 0;
    for (const id of ["cmabc0123456789abcdefghij", "cmxyz9876543210zyxwvutsrq"]) {
      expect((await fetch(`${webUrl}/reviews/cmrev0123456789abcdefghij/items/${id}?q=secret`)).status).toBe(200);
    }
    await fetch(`${webUrl}/missing/whatever`);
    const text = await scrape();
    expect(sample(text, itemRoute)).toBe(before + 2);
    expect(
      sample(text, 'huitong_http_request_duration_seconds_count{method="GET",route="(not found)",status="404"}'),
    ).toBe(1);
    expect(text).toContain(
      'huitong_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/reviews/:id/items/:id"',
    );
    expect(text).not.toContain("secret");
  });

  it("reports open collaboration sockets and documents in memory as editors come and go", async () => {
    const team = await createReviewWithTeam(db, "metrics");
    const { sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      title: "指标",
    });
    const open = async () => {
      const text = await scrape();
      return [sample(text, "huitong_collab_open_connections"), sample(text, "huitong_collab_documents_in_memory")];
    };
    expect(await open()).toEqual([0, 0]);
    const token = mintCollabToken({ userId: team.users.EDITOR.id, sectionId }, secret);
    const first = connectSection({ url: `ws://127.0.0.1:${collab.address.port}`, sectionId, token });
    const second = connectSection({ url: `ws://127.0.0.1:${collab.address.port}`, sectionId, token });
    clients.push(first, second);
    await Promise.all([first.synced, second.synced]);
    await expect.poll(open, { timeout: 10_000 }).toEqual([2, 1]);
    first.close();
    second.close();
    await expect.poll(open, { timeout: 10_000 }).toEqual([0, 0]);
  });

  it("reports the job queue's depth from PostgreSQL", async () => {
    const depth = async () => {
      const text = await scrape();
      return ["pending", "running", "failed"].map((state) => sample(text, `huitong_job_queue_jobs{state="${state}"}`));
    };
    // Sections and items enqueue search indexing; this test counts its own jobs only.
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    expect(await depth()).toEqual([0, 0, 0]);
    await enqueueJob(db, echoJob, { word: "fail" });
    await enqueueJob(db, echoJob, { word: "later" }, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await depth()).toEqual([2, 0, 0]);
    await runDueJobs(databaseUrl, db, [echoJob]);
    expect(await depth()).toEqual([1, 0, 1]);
  });
});

describe("request ids", () => {
  it("gives every request its own id and ignores a client's X-Request-Id unless it comes from a trusted proxy", async () => {
    trustProxy = false;
    const [a, b] = await Promise.all([fetch(`${webUrl}/x`), fetch(`${webUrl}/x`)]);
    const idA = a.headers.get("x-request-id");
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(await a.text()).toBe(idA);
    expect(b.headers.get("x-request-id")).not.toBe(idA);
    const spoofed = await fetch(`${webUrl}/x`, { headers: { "X-Request-Id": "spoofed-id" } });
    expect(spoofed.headers.get("x-request-id")).not.toBe("spoofed-id");
    trustProxy = true;
    const proxied = await fetch(`${webUrl}/x`, { headers: { "X-Request-Id": "proxy-7f3a" } });
    expect(proxied.headers.get("x-request-id")).toBe("proxy-7f3a");
    const malformed = await fetch(`${webUrl}/x`, { headers: { "X-Request-Id": "bad id\twith spaces" } });
    expect(malformed.headers.get("x-request-id")).not.toContain("bad");
    trustProxy = false;
  });

  it("logs one JSON line per request with its id, route, status and duration", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const response = await fetch(`${webUrl}/reviews/cmrev0123456789abcdefghij/library?q=private`);
      await expect.poll(() => written.some((line) => line.includes('"msg":"request"'))).toBe(true);
      const line = JSON.parse(written.find((candidate) => candidate.includes('"msg":"request"'))!);
      expect(line).toMatchObject({
        level: "info",
        msg: "request",
        requestId: response.headers.get("x-request-id"),
        method: "GET",
        path: "/reviews/cmrev0123456789abcdefghij/library",
        route: "/reviews/:id/library",
        status: 200,
      });
      expect(typeof line.durationMs).toBe("number");
      expect(new Date(line.time).getTime()).not.toBeNaN();
    } finally {
      spy.mockRestore();
    }
  });

  it("carries the id of the request that enqueued a job into the job's log lines, not into its payload", async () => {
    seenPayloads.length = 0;
    await runWithRequestId("req-enqueue-1", () => enqueueJob(db, echoJob, { word: "hello" }));
    const [stored] = await db.$queryRaw<{ payload: Record<string, unknown> }[]>`
      SELECT payload FROM graphile_worker._private_jobs WHERE payload->>'word' = 'hello'`;
    expect(stored?.payload[REQUEST_ID_KEY]).toBe("req-enqueue-1");
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await runDueJobs(databaseUrl, db, [echoJob]);
    } finally {
      spy.mockRestore();
    }
    expect(seenPayloads).toEqual([{ word: "hello" }]);
    const lines = written
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const echoed = lines.find((line) => line.msg === "echoing");
    expect(echoed).toMatchObject({ requestId: "req-enqueue-1", job: "test.echo", word: "hello" });
    expect(lines.find((line) => line.msg === "job finished")).toMatchObject({ requestId: "req-enqueue-1" });
  });
});

describe("route labels", () => {
  it("folds ids and keeps route names", () => {
    expect(routeLabel("/reviews/cmrev0123456789abcdefghij/co-cited", 200)).toBe("/reviews/:id/co-cited");
    expect(routeLabel("/api/reviews/123/files/9f86d081-884c-4d63-a5b6-3c1e3f0a5f00/read", 206)).toBe(
      "/api/reviews/:id/files/:id/read",
    );
    expect(routeLabel("/_next/static/chunks/abc.js", 200)).toBe("/_next/static");
    expect(routeLabel("/anything/at/all", 404)).toBe("(not found)");
    expect(routeLabel("/", 200)).toBe("/");
  });
});
