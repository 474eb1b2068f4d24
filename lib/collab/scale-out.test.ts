// Several collaboration processes joined through Redis, as a scaled-out deployment runs them: real child
// processes, real PostgreSQL and Redis, editors behind a small TCP balancer. Editors on different processes type
// in one section and converge; one process is killed mid-typing and its editor moves to the other, losing nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, connect, type Server as TcpServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import IORedis from "ioredis";
import type { Database } from "@/lib/db/client";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { mintCollabToken } from "./token";
import { accessTo } from "@/lib/testing/access";

const root = path.resolve(import.meta.dirname, "../..");
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const secret = "scale-out-test-secret";

let db: Database;
let databaseUrl: string;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
const processes: ChildProcess[] = [];
const clients: SectionClient[] = [];
let balancer: TcpServer;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function startCollabProcess(name: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "lib/collab/main.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      COLLAB_PORT: String(port),
      REDIS_URL: redisUrl,
      HUITONG_INSTANCE: name,
      HUITONG_DATA_DIR: mkdtempSync(path.join(tmpdir(), `huitong-${name}-`)),
    },
  });
  processes.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("collaboration server listening")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code} before listening`)));
  });
  return { port, child };
}

/** A load balancer in miniature: each new connection goes to the first backend that accepts it. */
function startBalancer(ports: number[]): Promise<number> {
  balancer = createServer((client: Socket) => {
    const tryBackend = (index: number) => {
      if (index >= ports.length) return client.destroy();
      const upstream = connect(ports[index]!, "127.0.0.1");
      upstream.once("connect", () => {
        client.pipe(upstream).pipe(client);
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        client.on("close", () => upstream.destroy());
      });
      upstream.once("error", () => tryBackend(index + 1));
    };
    tryBackend(0);
  });
  return new Promise((resolve) =>
    balancer.listen(0, "127.0.0.1", () => resolve((balancer.address() as { port: number }).port)),
  );
}

function connectEditor(port: number): SectionClient {
  const client = connectSection({
    url: `ws://127.0.0.1:${port}`,
    sectionId,
    token: mintCollabToken({ userId: team.users.EDITOR.id, sectionId }, secret),
  });
  clients.push(client);
  return client;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const storedText = async () => (await db.sectionDocument.findUnique({ where: { sectionId } }))?.text ?? "";

beforeAll(async () => {
  const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  expect(await redis.ping()).toBe("PONG");
  redis.disconnect();
  ({ db, url: databaseUrl } = await createTestDatabase());
  team = await createReviewWithTeam(db, "scale");
  sectionId = (
    await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      title: "跨进程协作",
    })
  ).sectionId;
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  for (const child of processes) if (child.exitCode === null) child.kill("SIGKILL");
  balancer?.close();
  await db.$disconnect();
});

describe("collaboration across processes through Redis", () => {
  it("converges editors on different processes and keeps every character when one process is killed", async () => {
    const first = await startCollabProcess("collab-a");
    const second = await startCollabProcess("collab-b");
    // The balancer prefers the first process while it lives, then sends reconnections to the second.
    const balanced = await startBalancer([first.port, second.port]);
    const onFirst = connectEditor(balanced);
    const onSecond = connectEditor(second.port);
    await Promise.all([onFirst.synced, onSecond.synced]);

    const typedFirst: string[] = [];
    const typedSecond: string[] = [];
    for (let i = 0; i < 20; i++) {
      typedFirst.push(`甲${i}`);
      onFirst.appendParagraph(`甲${i}`);
      typedSecond.push(`乙${i}`);
      onSecond.appendParagraph(`乙${i}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const hasAll = (text: string, words: string[]) => words.every((word) => text.split("\n").includes(word));
    await until(
      () => hasAll(onFirst.text(), typedSecond) && hasAll(onSecond.text(), typedFirst),
      "both editors see each other's typing",
    );
    expect(onFirst.text()).toBe(onSecond.text());

    // Kill the first process in the middle of typing: nothing it had not stored may be lost.
    for (let i = 20; i < 40; i++) {
      typedFirst.push(`甲${i}`);
      onFirst.appendParagraph(`甲${i}`);
      if (i === 25) first.child.kill("SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await until(() => hasAll(onSecond.text(), typedFirst), "the second process's editor sees every character", 30_000);
    await until(
      async () => {
        const text = await storedText();
        return hasAll(text, typedFirst) && hasAll(text, typedSecond);
      },
      "PostgreSQL holds every paragraph of both editors",
      30_000,
    );
    expect(onFirst.text()).toBe(onSecond.text());
  }, 120_000);
});
