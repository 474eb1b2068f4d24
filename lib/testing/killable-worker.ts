// A worker process for lib/jobs/worker-kill.test.ts: the real job worker (liveness locks, sweeps) running only
// the killable test job, with short intervals so the test runs in seconds.
import { startJobWorker } from "@/lib/jobs/worker";
import { createLogger } from "@/lib/ops/log";
import { killableJob } from "./killable-job";

process.env.HUITONG_LOG_ROLE = "worker";
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");
const worker = await startJobWorker({
  databaseUrl,
  jobs: [killableJob],
  concurrency: 1,
  pollIntervalMs: 300,
  sweepIntervalMs: 500,
  sweepGraceSeconds: 1,
});
const log = createLogger();
log.info("job worker running");
const stop = async () => {
  log.info("stopping: finishing jobs in hand");
  await worker.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
await worker.finished;
