// Runs a command with a PostgreSQL for integration tests: TEST_DATABASE_URL when set (any server the
// tests may create databases on), otherwise a throwaway embedded cluster under .data/test.
import { spawnSync } from "node:child_process";
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
const bin = path.join(root, "node_modules/.bin", command);
const result = spawnSync(bin, args, {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: adminUrl },
});
await stop();
process.exit(result.status ?? 1);
