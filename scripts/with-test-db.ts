// Runs a command with a PostgreSQL for integration tests: TEST_DATABASE_URL when set (any server the
// tests may create databases on), otherwise a throwaway embedded cluster under .data/test.
import { spawn, spawnSync } from "node:child_process";
import { connect } from "node:net";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..");
const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: with-test-db <command> [args…]");

let adminUrl = process.env.TEST_DATABASE_URL;
let stop = async () => {};
if (!adminUrl) {
  const dataDir = path.join(root, ".data/test");
  rmSync(dataDir, { recursive: true, force: true });
  const cluster = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.HUITONG_TEST_PG_PORT ?? 54349),
    password: "huitong-test",
    database: "postgres",
    unsafeFast: true,
  });
  adminUrl = cluster.url;
  stop = cluster.stop;
}
// Redis for the scale-out tests: TEST_REDIS_URL, else the machine's own on 6379, else a throwaway redis-server.
let redisUrl = process.env.TEST_REDIS_URL;
let stopRedis = () => {};
if (!redisUrl) {
  if (await answers(6379)) redisUrl = "redis://127.0.0.1:6379";
  else {
    const port = Number(process.env.HUITONG_TEST_REDIS_PORT ?? 56390);
    const redis = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    redis.on("error", () =>
      console.error("No Redis found: install redis-server (or set TEST_REDIS_URL) for the scale-out tests."),
    );
    stopRedis = () => redis.kill();
    for (let i = 0; i < 50 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 100));
    redisUrl = `redis://127.0.0.1:${port}`;
  }
}
const bin = path.join(root, "node_modules/.bin", command);
const result = spawnSync(bin, args, {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: adminUrl, TEST_REDIS_URL: redisUrl },
});
stopRedis();
await stop();
process.exit(result.status ?? 1);

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
