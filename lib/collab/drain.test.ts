// SIGTERM on a collaboration process (a rolling restart, a scale-down): every open document is stored before the
// process exits. The process is a real child with a store debounce of ten minutes, so the edit is certainly not
// stored when the signal arrives; it must be in PostgreSQL once the process has gone. Its log lines are JSON and
// carry the request id the connection came with.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Database } from "@/lib/db/client";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { freePort, waitForLine } from "@/lib/testing/processes";
import { createTestDatabase } from "@/lib/testing/test-database";
import { mintCollabToken } from "./token";
import { accessTo } from "@/lib/testing/access";

const root = path.resolve(import.meta.dirname, "../..");
const secret = "drain-test-secret";

let db: Database;
let databaseUrl: string;
let child: ChildProcess | null = null;
const clients: SectionClient[] = [];

beforeAll(async () => {
  ({ db, url: databaseUrl } = await createTestDatabase());
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await db.$disconnect();
});

/** The ws client with a request id header, as the web server forwards it. */
function webSocketWithRequestId(requestId: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { "X-Request-Id": requestId } });
    }
  } as unknown as typeof WebSocket;
}

describe("collaboration process on SIGTERM", () => {
  it("stores an edit still waiting for its debounce before it exits", async () => {
    const team = await createReviewWithTeam(db, "drain");
    const { sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      title: "停机保存",
    });
    const port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "lib/collab/main.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: secret,
        COLLAB_PORT: String(port),
        REDIS_URL: "",
        HUITONG_METRICS_PORT: "",
        HUITONG_DATA_DIR: mkdtempSync(path.join(tmpdir(), "huitong-drain-")),
        HUITONG_COLLAB_DEBOUNCE_MS: "600000",
        HUITONG_COLLAB_MAX_DEBOUNCE_MS: "600000",
      },
    });
    const output: string[] = [];
    child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    await waitForLine(child, "collaboration server listening");

    const token = mintCollabToken({ userId: team.users.EDITOR.id, sectionId }, secret);
    const writer = connectSection({ url: `ws://127.0.0.1:${port}`, sectionId, token });
    clients.push(writer);
    // A second editor seeing the text proves the server holds it in memory.
    const watcher = connectSection({ url: `ws://127.0.0.1:${port}`, sectionId, token });
    clients.push(watcher);
    await Promise.all([writer.synced, watcher.synced]);
    writer.appendParagraph("未保存的一句话");
    await expect.poll(() => watcher.text(), { timeout: 10_000 }).toContain("未保存的一句话");
    const before = await db.sectionDocument.findUnique({ where: { sectionId } });
    expect(before?.text ?? "").not.toContain("未保存的一句话");

    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const after = await db.sectionDocument.findUnique({ where: { sectionId } });
    expect(after?.text).toContain("未保存的一句话");

    const lines = output
      .join("")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.msg === "stopped: every open document stored")).toMatchObject({
      level: "info",
      role: "collab",
      documents: 1,
    });
  }, 90_000);

  it("logs each connection with the request id it was opened with", async () => {
    const team = await createReviewWithTeam(db, "reqid");
    const { sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      title: "请求编号",
    });
    const port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "lib/collab/main.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: secret,
        COLLAB_PORT: String(port),
        REDIS_URL: "",
        HUITONG_METRICS_PORT: "",
        HUITONG_DATA_DIR: mkdtempSync(path.join(tmpdir(), "huitong-reqid-")),
      },
    });
    const output: string[] = [];
    child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    await waitForLine(child, "collaboration server listening");
    const client = connectSection({
      url: `ws://127.0.0.1:${port}`,
      sectionId,
      token: mintCollabToken({ userId: team.users.EDITOR.id, sectionId }, secret),
      WebSocketPolyfill: webSocketWithRequestId("req-from-web-42"),
    });
    clients.push(client);
    await client.synced;
    await expect
      .poll(() => output.join(""), { timeout: 10_000 })
      .toMatch(/"msg":"editor connected".*"requestId":"req-from-web-42"/);
    const line = output
      .join("")
      .split("\n")
      .find((candidate) => candidate.includes('"editor connected"'));
    expect(JSON.parse(line!)).toMatchObject({
      level: "info",
      role: "collab",
      requestId: "req-from-web-42",
      userId: team.users.EDITOR.id,
    });
    client.close();
    child.kill("SIGTERM");
  }, 90_000);
});
