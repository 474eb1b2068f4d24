// Entry point of the collaboration process: started (and restarted if it dies) by scripts/start.ts, or run as its
// own role with `npm run collab` when scaled out. It needs DATABASE_URL and AUTH_SECRET; with REDIS_URL it joins
// the other collaboration processes. It listens on 127.0.0.1 unless COLLAB_HOST says otherwise.
import { readSettings } from "@/lib/config/settings";
import { createCollabServer } from "./server";

async function main() {
  const settings = readSettings();
  if (!process.env.DATABASE_URL) throw new Error("collaboration server: DATABASE_URL is not set");
  const host = process.env.COLLAB_HOST || "127.0.0.1";
  const server = createCollabServer({
    port: settings.collabPort,
    host,
    secret: settings.authSecret,
    redisUrl: process.env.REDIS_URL || undefined,
    instanceName: process.env.HUITONG_INSTANCE || undefined,
    log: process.env.HUITONG_DEBUG ? (line) => console.log(`collab: ${line}`) : undefined,
  });
  await server.listen();
  console.log(
    `collaboration server listening on ${host}:${settings.collabPort}${process.env.REDIS_URL ? " (joined through Redis)" : ""}`,
  );

  const stop = async () => {
    // destroy() writes whatever still waits for its debounce before the process goes.
    await server.destroy();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  // Started by scripts/collab-process.ts: when that process dies, so does this one.
  if (process.send) process.on("disconnect", () => void stop());
}

main().catch((error: unknown) => {
  console.error("collaboration server failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
