// The collaboration process as `npm start` runs it: killed outright, it comes back by itself, and neither
// the stored text nor the edits a writer made while it was down are lost.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mintCollabToken } from "@/lib/collab/token";
import type { Database } from "@/lib/db/client";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { startCollabProcess, type CollabProcess } from "./collab-process";
import { accessTo } from "@/lib/testing/access";

const secret = "collab-process-secret";
const port = 20000 + Math.floor(Math.random() * 20000);
const dataDir = mkdtempSync(path.join(tmpdir(), "huitong-collab-"));
let db: Database;
let collab: CollabProcess;
const clients: SectionClient[] = [];

beforeAll(async () => {
  let url: string;
  ({ db, url } = await createTestDatabase());
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET = secret;
  process.env.HUITONG_DATA_DIR = dataDir;
  collab = startCollabProcess({ root: path.resolve(import.meta.dirname, ".."), dataDir, port });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await collab?.stop();
});

async function alive(client: SectionClient, timeoutMs = 30_000) {
  await Promise.race([
    client.synced,
    new Promise((_, reject) => setTimeout(() => reject(new Error("collaboration server did not come up")), timeoutMs)),
  ]);
}

it("survives being killed: stored text and offline edits are kept", async () => {
  const team = await createReviewWithTeam(db, "restart");
  const sectionId = (
    await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), { reviewId: team.reviewId, title: "重启" })
  ).sectionId;
  const connect = () => {
    const client = connectSection({
      url: `ws://127.0.0.1:${port}`,
      sectionId,
      token: mintCollabToken({ userId: team.users.EDITOR.id, sectionId }, secret),
    });
    clients.push(client);
    return client;
  };
  const writer = connect();
  await alive(writer);
  writer.appendParagraph("重启之前写的");
  await writer.waitStored();

  const pid = Number(readFileSync(path.join(dataDir, "collab.pid"), "utf8"));
  process.kill(pid, "SIGKILL");
  await expect
    .poll(() => {
      try {
        process.kill(pid, 0);
        return "alive";
      } catch {
        return "gone";
      }
    })
    .toBe("gone");
  // While it is down the writer keeps typing; the edit lives only in the writer's document.
  writer.appendParagraph("服务器宕机时写的");
  await writer.waitStored(30_000);

  expect(Number(readFileSync(path.join(dataDir, "collab.pid"), "utf8"))).not.toBe(pid);
  const reader = connect();
  await alive(reader);
  expect(reader.text()).toBe("重启之前写的\n服务器宕机时写的");
  expect((await db.sectionDocument.findUniqueOrThrow({ where: { sectionId } })).text).toBe(
    "重启之前写的\n服务器宕机时写的",
  );
}, 90_000);
