// Entry point of the collaboration process, started (and restarted if it dies) by scripts/start.ts.
// It needs DATABASE_URL and AUTH_SECRET from its parent; it listens on 127.0.0.1 only.
import { readSettings } from "@/lib/config/settings";
import { createCollabServer } from "./server";

async function main() {
  const settings = readSettings();
  if (!process.env.DATABASE_URL) throw new Error("collaboration server: DATABASE_URL is not set");
  const server = createCollabServer({
    port: settings.collabPort,
    secret: settings.authSecret,
    log: process.env.HUITONG_DEBUG ? (line) => console.log(`collab: ${line}`) : undefined,
  });
  await server.listen();
  console.log(`collaboration server listening on 127.0.0.1:${settings.collabPort}`);

  const stop = async () => {
    // destroy() writes whatever still waits for its debounce before the process goes.
    await server.destroy();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  // Started by scripts/collab-process.ts: when that process dies, so does this one.
  process.on("disconnect", () => void stop());
}

main().catch((error: unknown) => {
  console.error("collaboration server failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
