// Helpers for tests that start real Huitong processes (collaboration, worker, web): a free port, and waiting
// for the line a process prints when it is ready.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Resolves when the child prints `text` on stdout; rejects if it exits first or after timeoutMs. */
export function waitForLine(child: ChildProcess, text: string, timeoutMs = 60_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error(`timed out waiting for "${text}"`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-10_000);
      if (seen.includes(text)) {
        cleanUp();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`process exited with ${code} before printing "${text}"`));
    };
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}
