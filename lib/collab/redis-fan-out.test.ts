// The collaboration server's Redis traffic, against real Redis and PostgreSQL: each change goes out as the update
// itself, the state-vector exchange that repairs lost messages runs once per window rather than per change, and a
// store another process holds the lock for is a debug log line, not a line on stderr.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import IORedis from "ioredis";
import * as decoding from "lib0/decoding";
import type { Server } from "@hocuspocus/server";
import type { Database } from "@/lib/db/client";
import type { LogFields, Logger } from "@/lib/ops/log";
import { createSection } from "@/lib/synthesis/sections";
import { accessTo } from "@/lib/testing/access";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { sectionDocumentName } from "./document-name";
import { createCollabServer, type CollabContext } from "./server";
import { mintCollabToken } from "./token";

const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const secret = "redis-fan-out-test-secret";
const PREFIX = "huitong-collab";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let server: Server<CollabContext>;
let redis: IORedis;
let subscriber: IORedis;
const clients: SectionClient[] = [];
const debugLines: { msg: string; fields?: LogFields }[] = [];

const logger: Logger = {
  debug: (msg, fields) => void debugLines.push({ msg, fields }),
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => logger,
};

async function newSection(title: string) {
  const { sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
    reviewId: team.reviewId,
    title,
  });
  return sectionId;
}

function connect(sectionId: string) {
  const client = connectSection({
    url: `ws://127.0.0.1:${server.address.port}`,
    sectionId,
    token: mintCollabToken({ userId: team.users.EDITOR.id, sectionId }, secret),
  });
  clients.push(client);
  return client;
}

/** The kind of each sync message published on a document's channel: "step1", "step2" or "update". */
function syncKindOf(data: Buffer): string | null {
  const identifierLength = data[0]!;
  const decoder = decoding.createDecoder(new Uint8Array(data.subarray(identifierLength + 1)));
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== 0) return null; // not a sync message (awareness, stateless, …)
  return ["step1", "step2", "update"][decoding.readVarUint(decoder)] ?? null;
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "redis-fan-out");
  redis = new IORedis(redisUrl);
  subscriber = new IORedis(redisUrl);
  server = createCollabServer({
    port: 0,
    secret,
    redisUrl,
    instanceName: `redis-fan-out-test-${process.pid}`,
    debounceMs: 50,
    maxDebounceMs: 200,
    logger,
  });
  await server.listen();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.destroy();
  redis?.disconnect();
  subscriber?.disconnect();
});

describe("collaboration across processes through Redis", () => {
  it("publishes every change as an update and compares state vectors once per window, not per change", async () => {
    const sectionId = await newSection("直接更新");
    const channel = `${PREFIX}:${sectionDocumentName(sectionId)}`;
    const kinds: string[] = [];
    subscriber.on("messageBuffer", (from: Buffer, data: Buffer) => {
      if (from.toString() !== channel) return;
      const kind = syncKindOf(data);
      if (kind) kinds.push(kind);
    });
    await subscriber.subscribe(channel);
    const editor = connect(sectionId);
    await editor.synced;
    await until(() => kinds.includes("step1")); // the announcement when the document is loaded
    kinds.length = 0;

    for (let i = 1; i <= 10; i++) {
      editor.appendParagraph(`第 ${i} 段`);
      // Each change is sent on its own, in its own event-loop turn on the server.
      await until(() => kinds.filter((kind) => kind === "update").length === i);
    }
    // The repair exchange follows the changes within its window.
    await until(() => kinds.includes("step1"));
    expect(kinds.filter((kind) => kind === "update")).toHaveLength(10);
    expect(kinds.filter((kind) => kind === "step1").length).toBeLessThanOrEqual(2);
    await subscriber.unsubscribe(channel);
  });

  it("logs a store skipped for another process's lock at debug level, with nothing on stderr", async () => {
    const sectionId = await newSection("存储锁");
    const documentName = sectionDocumentName(sectionId);
    // Another process holds the store lock, as the Redis extension's Redlock would set it.
    await redis.set(`${PREFIX}:${documentName}:lock`, "another-process", "PX", 60_000);
    const consoleError = vi.spyOn(console, "error");
    try {
      const editor = connect(sectionId);
      await editor.synced;
      editor.appendParagraph("锁住的存储");
      await until(() => debugLines.some((line) => line.fields?.document === documentName));
      expect(debugLines.find((line) => line.fields?.document === documentName)?.msg).toMatch(/store skipped/);
      expect(consoleError).not.toHaveBeenCalled();

      // Once the lock is released, the next change is stored as usual.
      await redis.del(`${PREFIX}:${documentName}:lock`);
      editor.appendParagraph("锁放开以后");
      await editor.waitStored();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
