// `npm run test:e2e`: a fresh database for the run, one production build shared by every spec.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
rmSync(path.join(root, dataDir, "postgres"), { recursive: true, force: true });
rmSync(path.join(root, "e2e/.auth"), { recursive: true, force: true });
const result = spawnSync(path.join(root, "node_modules/.bin/playwright"), ["test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
