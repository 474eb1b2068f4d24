// Runs the collaboration server as a child process next to the web server, restarts it if it dies,
// and forwards browsers' /collab websocket upgrades to it, so the app needs one port and one command.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import path from "node:path";
import { createLogger, REQUEST_ID_HEADER } from "@/lib/ops/log";

const log = createLogger({ component: "collab-process" });

export const COLLAB_PATH = "/collab";

export interface CollabProcess {
  stop(): Promise<void>;
  forwardUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): void;
}

export function startCollabProcess(options: {
  root: string;
  dataDir: string;
  port: number;
  /** Where the child serves its own metrics (the parent's HUITONG_METRICS_PORT + 1), if metrics are on. */
  metricsPort?: number;
}): CollabProcess {
  mkdirSync(options.dataDir, { recursive: true });
  const pidFile = path.join(options.dataDir, "collab.pid");
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;

  const launch = () => {
    // One process (tsx as a loader, not its CLI, which would fork a grandchild): killing it kills the server.
    child = spawn(process.execPath, ["--import", "tsx", "lib/collab/main.ts"], {
      cwd: options.root,
      // The IPC channel tells the child when this process is gone, so it never outlives it.
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: {
        ...process.env,
        COLLAB_PORT: String(options.port),
        HUITONG_LOG_ROLE: "collab",
        HUITONG_METRICS_PORT: options.metricsPort === undefined ? "" : String(options.metricsPort),
      },
    });
    if (child.pid) writeFileSync(pidFile, String(child.pid));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      restarts += 1;
      // Back off a little when it keeps dying, but come back quickly after a one-off crash.
      const delay = Math.min(200 * restarts, 5000);
      log.error("collaboration server exited; restarting", { exit: signal ?? code, delayMs: delay });
      setTimeout(launch, delay);
    });
  };
  launch();

  return {
    async stop() {
      stopping = true;
      rmSync(pidFile, { force: true });
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once("exit", () => resolve());
        // SIGTERM makes it store every open document first (lib/collab/main.ts), which may take a moment.
        running.kill("SIGTERM");
        setTimeout(() => {
          log.error("collaboration server did not stop in 30 s; killing it");
          running.kill("SIGKILL");
          resolve();
        }, 30_000).unref();
      });
    },
    forwardUpgrade(request, socket, head) {
      forwardUpgrade(request, socket, head, "127.0.0.1", options.port);
    },
  };
}

/**
 * Hands a browser's websocket upgrade to a collaboration process, byte for byte, except that the request id this
 * server gave the upgrade (request.headers["x-request-id"]) replaces any the client sent, so the collaboration
 * process's log lines for this connection carry the same id as the web server's.
 */
export function forwardUpgrade(request: IncomingMessage, socket: Socket, head: Buffer, host: string, port: number) {
  const upstream = connect(port, host, () => {
    const headers: string[] = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      if (request.rawHeaders[i]!.toLowerCase() === REQUEST_ID_HEADER) continue;
      headers.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
    }
    const requestId = request.headers[REQUEST_ID_HEADER];
    if (typeof requestId === "string") headers.push(`X-Request-Id: ${requestId}`);
    upstream.write(`${request.method} ${request.url} HTTP/${request.httpVersion}\r\n${headers.join("\r\n")}\r\n\r\n`);
    if (head.length) upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  // While the collaboration server restarts the browser's provider simply retries.
  upstream.on("error", () => socket.destroy());
  socket.on("error", () => upstream.destroy());
  socket.on("close", () => upstream.destroy());
  upstream.on("close", () => socket.destroy());
}
