// `npm run worker`: the background-job role of a scaled-out deployment (any number of them). It needs
// DATABASE_URL; it applies pending migrations like every role, runs jobs until SIGTERM, then finishes the jobs in
// hand before it exits (a job still running after HUITONG_WORKER_SHUTDOWN_SECONDS is signalled to abort and
// released for another worker). A worker killed outright has its jobs released by the others within seconds.
import { prepareDatabase } from "@/lib/db/bootstrap";
import { createDatabaseClient } from "@/lib/db/client";
import { readSettings } from "@/lib/config/settings";
import { startJobWorker } from "@/lib/jobs/worker";
import { createLogger } from "@/lib/ops/log";
import { takeOverShutdownSignals } from "@/lib/ops/signals";
import { createMetricsRegistry, metricsAddress, registerJobQueueMetrics, startMetricsServer } from "@/lib/ops/metrics";

process.env.HUITONG_LOG_ROLE = "worker";
const log = createLogger({ component: "worker" });

const settings = readSettings();
if (!settings.databaseUrl) {
  log.error("npm run worker needs DATABASE_URL: the worker role shares the web role's PostgreSQL.");
  process.exit(1);
}
const database = await prepareDatabase(settings);
const concurrency = Number(process.env.HUITONG_WORKER_CONCURRENCY ?? 2);
const worker = await startJobWorker({ databaseUrl: database.url, concurrency });
const metricsAt = metricsAddress();
const queueClient = metricsAt ? createDatabaseClient(database.url) : null;
const metrics =
  metricsAt && queueClient
    ? await (async () => {
        const registry = createMetricsRegistry();
        registerJobQueueMetrics(registry, () => queueClient);
        return startMetricsServer(registry, metricsAt.port, metricsAt.host);
      })()
    : null;
// Read by tests waiting for the process (the message stays stable).
log.info("job worker running", { concurrency });

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info("stopping: finishing jobs in hand", { signal });
  await worker.stop();
  await metrics?.close();
  await queueClient?.$disconnect();
  log.info("stopped", { signal });
  process.exit(0);
};
takeOverShutdownSignals((signal) => void stop(signal));
await worker.finished;
if (!stopping) {
  // Stopped on its own (PostgreSQL gone for good, liveness session lost): exit so a supervisor starts a fresh one.
  log.error("the job worker stopped unexpectedly; exiting");
  process.exit(1);
}
