// Runs the collaboration server as a child process next to the web server, restarts it if it dies,
// and forwards browsers' /collab websocket upgrades to it, so the app needs one port and one command.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import path from "node:path";

export const COLLAB_PATH = "/collab";

export interface CollabProcess {
  stop(): Promise<void>;
  forwardUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): void;
}

export function startCollabProcess(options: { root: string; dataDir: string; port: number }): CollabProcess {
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
      env: { ...process.env, COLLAB_PORT: String(options.port) },
    });
    if (child.pid) writeFileSync(pidFile, String(child.pid));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      restarts += 1;
      // Back off a little when it keeps dying, but come back quickly after a one-off crash.
      const delay = Math.min(200 * restarts, 5000);
      console.error(`collaboration server exited (${signal ?? code}); restarting in ${delay} ms`);
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
        running.kill("SIGTERM");
        setTimeout(() => {
          running.kill("SIGKILL");
          resolve();
        }, 5000).unref();
      });
    },
    forwardUpgrade(request, socket, head) {
      forwardUpgrade(request, socket, head, "127.0.0.1", options.port);
    },
  };
}

/** Hands a browser's websocket upgrade to a collaboration process, byte for byte. */
export function forwardUpgrade(request: IncomingMessage, socket: Socket, head: Buffer, host: string, port: number) {
  const upstream = connect(port, host, () => {
    const headers: string[] = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      headers.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
    }
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
