// `npm run test:e2e`: a fresh database for the run, one production build shared by every spec.
// The collaboration-restart journey runs in its own project after all the others (playwright.config.ts);
// when only some specs are asked for, the projects are chosen so that asking for one spec runs that spec.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
rmSync(path.join(root, dataDir, "postgres"), { recursive: true, force: true });
rmSync(path.join(root, "e2e/.auth"), { recursive: true, force: true });

function playwright(args: string[]): number {
  const result = spawnSync(path.join(root, "node_modules/.bin/playwright"), ["test", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return result.status ?? 1;
}

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith("-"));
const isRestart = (file: string) => /collab-restart/.test(file);
const choosesProject = args.some((arg) => arg.startsWith("--project"));
if (choosesProject || files.length === 0) {
  process.exit(playwright(args));
} else if (!files.some(isRestart)) {
  // The restart project depends on every other journey; naming it would run them all.
  process.exit(playwright([...args, "--project=setup", "--project=chromium"]));
} else {
  // The restart journey alone: sign in first, then run it without its dependency on the other journeys.
  const signedIn = playwright(["--project=setup"]);
  const others = files.filter((file) => !isRestart(file));
  const rest = others.length ? playwright([...others, "--project=chromium", "--no-deps"]) : 0;
  process.exit(
    signedIn ||
      rest ||
      playwright([...args.filter((arg) => !others.includes(arg)), "--project=collab-restart", "--no-deps"]),
  );
}
