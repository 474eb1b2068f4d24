// Runs extract-process.ts in a child process with a heap cap, a resident-memory watch and a time limit, so that
// a PDF bomb, a 2,000-page book or a hung parser ends as a clear failure (OUT_OF_MEMORY, TIMEOUT) in bounded
// time and memory instead of taking the worker down.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "@/lib/config/settings";
import type { ExtractionMessage, ExtractionRequest } from "./extract-process";
import { ExtractionError, type ExtractionFailure } from "./pdf-extract";

export interface ExtractionLimits {
  timeoutMs: number;
  /** Resident memory of the child, in MB; its V8 heap is capped a little below. */
  memoryMb: number;
}

export function extractionLimits(env: NodeJS.ProcessEnv = process.env): ExtractionLimits {
  const number = (raw: string | undefined, fallback: number) => (raw && Number(raw) > 0 ? Number(raw) : fallback);
  return {
    timeoutMs: number(env.HUITONG_EXTRACT_TIMEOUT_SECONDS, 600) * 1000,
    memoryMb: number(env.HUITONG_EXTRACT_MEMORY_MB, 1024),
  };
}

async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

export interface ExtractionStats {
  /** The child's largest resident memory seen, in MB. */
  peakMb: number;
}

export function runExtraction<T>(
  request: ExtractionRequest,
  limits: ExtractionLimits,
  onProgress: (pagesDone: number, pageCount: number) => void | Promise<void>,
  onStats: (stats: ExtractionStats) => void = () => {},
): Promise<T> {
  const entry = path.join(projectRoot(), "lib/files/extract-process.ts");
  // spawn rather than fork: the bundler must not try to resolve the child's entry as a module of the app.
  const heapMb = Math.max(64, Math.floor(limits.memoryMb * 0.75));
  const child = spawn(process.execPath, ["--import", "tsx", `--max-old-space-size=${heapMb}`, entry], {
    cwd: projectRoot(),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let peakMb = 0;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      onStats({ peakMb });
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      outcome();
    };
    const fail = (code: ExtractionFailure, detail: string) => finish(() => reject(new ExtractionError(code, detail)));
    const timer = setTimeout(
      () => fail("TIMEOUT", `stopped after ${Math.round(limits.timeoutMs / 1000)} s`),
      limits.timeoutMs,
    );
    const watch = setInterval(() => {
      if (child.pid === undefined) return;
      void residentMb(child.pid).then((mb) => {
        peakMb = Math.max(peakMb, mb);
        if (mb > limits.memoryMb) fail("OUT_OF_MEMORY", `used more than ${limits.memoryMb} MB`);
      });
    }, 250);
    child.on("message", (message: ExtractionMessage) => {
      if (message.type === "progress") void onProgress(message.pagesDone, message.pageCount);
      else if (message.type === "done") finish(() => resolve(message.result as T));
      else fail(message.code as ExtractionFailure, message.detail);
    });
    child.on("error", (error) => fail("CORRUPT", `the extraction process failed: ${error.message}`));
    child.on("exit", (code, signal) => {
      // V8 aborts when the heap cap is reached.
      if (signal === "SIGABRT" || code === 134) fail("OUT_OF_MEMORY", `ran out of its ${limits.memoryMb} MB`);
      else
        fail(
          "CORRUPT",
          `the extraction process ended (${signal ?? code}) without a result (peak ${Math.round(peakMb)} MB)`,
        );
    });
    child.send(request);
  });
}
