// `npm run bench:collab`: N simulated editors (10, 50, 200) connected to one section through the real
// collaboration process. Each round one editor appends a paragraph; the time until every other editor has it
// is the propagation latency. Prints median and p95 per N, and the collaboration process's memory (RSS).
// All simulated editors share this one Node process, so the latency includes their own work, as a busy
// client would see it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { mintCollabToken } from "@/lib/collab/token";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { createReviewIn } from "@/lib/reviews/commands";
import { SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { startCollabProcess } from "../scripts/collab-process";
import { percentile, prepareDatabase, root } from "./support";

const SIZES = (process.env.BENCH_EDITORS ?? "10,50,200").split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const PORT = Number(process.env.BENCH_COLLAB_PORT ?? 3950);
const SECRET = "bench-collab-secret";

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** Resolves when the client's section has at least `length` paragraphs. */
function whenLength(client: SectionClient, length: number): Promise<number> {
  const fragment = client.doc.getXmlFragment(SECTION_FRAGMENT);
  return new Promise((resolve) => {
    if (fragment.length >= length) return resolve(performance.now());
    const observer = () => {
      if (fragment.length < length) return;
      fragment.unobserveDeep(observer);
      resolve(performance.now());
    };
    fragment.observeDeep(observer);
  });
}

async function main() {
  const database = await prepareDatabase();
  await migrate(database.url, path.join(root, "prisma/migrations"));
  const db = connectDatabase(database.url);
  const owner = await db.user.create({
    data: { email: "bench-collab@huitong.bench", name: "Bench", passwordHash: "x" },
  });
  const review = await db.$transaction((tx) => createReviewIn(tx, owner.id, { titleZh: "协作基准", titleEn: null }));

  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = SECRET;
  process.env.HUITONG_DATA_DIR = ".data/bench-collab";
  const dataDir = path.join(root, ".data/bench-collab");
  const collab = startCollabProcess({ root, dataDir, port: PORT });
  const pid = () => Number(readFileSync(path.join(dataDir, "collab.pid"), "utf8"));

  const rows: string[] = [];
  try {
    // Wait for the process to listen, so the first size's connect time is not its start-up.
    const { sectionId: probeSection } = await createSection(owner.id, { reviewId: review.id, title: "probe" });
    const probe = connectSection({
      url: `ws://127.0.0.1:${PORT}`,
      sectionId: probeSection,
      token: mintCollabToken({ userId: owner.id, sectionId: probeSection }, SECRET),
    });
    await probe.synced;
    probe.close();

    for (const size of SIZES) {
      const { sectionId } = await createSection(owner.id, { reviewId: review.id, title: `${size} 人同时编辑` });
      const token = mintCollabToken({ userId: owner.id, sectionId }, SECRET);
      const clients = Array.from({ length: size }, () =>
        connectSection({ url: `ws://127.0.0.1:${PORT}`, sectionId, token, doc: new Y.Doc() }),
      );
      const connectStart = performance.now();
      await Promise.all(clients.map((client) => client.synced));
      const connectMs = performance.now() - connectStart;
      const idleRss = rssMiB(pid());

      const latencies: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const writer = clients[round % size]!;
        const expected = round + 1;
        const receivers = clients.filter((client) => client !== writer);
        const arrivals = receivers.map((client) => whenLength(client, expected));
        const sentAt = performance.now();
        writer.appendParagraph(`第 ${round} 轮：韧性治理 resilience ${"文".repeat(40)}`);
        for (const arrivedAt of await Promise.all(arrivals)) latencies.push(arrivedAt - sentAt);
      }
      await Promise.all(clients.map((client) => client.waitStored(60_000)));
      latencies.sort((a, b) => a - b);
      rows.push(
        `${String(size).padStart(7)} ${connectMs.toFixed(0).padStart(11)} ${percentile(latencies, 50).toFixed(1).padStart(9)} ${percentile(latencies, 95).toFixed(1).padStart(9)} ${idleRss.toFixed(1).padStart(12)} ${rssMiB(pid()).toFixed(1).padStart(12)}`,
      );
      for (const client of clients) client.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await collab.stop();
    await db.$disconnect();
    await database.stop();
  }

  console.log(`\nCollaboration: update propagation to every other editor (${ROUNDS} rounds per size, milliseconds)\n`);
  console.log(
    `${"editors".padStart(7)} ${"connect ms".padStart(11)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"RSS idle MiB".padStart(12)} ${"RSS end MiB".padStart(12)}`,
  );
  for (const row of rows) console.log(row);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
