// `npm run worker`: the background-job role of a scaled-out deployment (any number of them). It needs
// DATABASE_URL; it applies pending migrations like every role, runs jobs until SIGTERM, then finishes the jobs in
// hand before it exits (graphile-worker releases what it cannot finish, so another worker retries it).
import { prepareDatabase } from "@/lib/db/bootstrap";
import { readSettings } from "@/lib/config/settings";
import { startJobWorker } from "@/lib/jobs/worker";

const settings = readSettings();
if (!settings.databaseUrl) {
  console.error("npm run worker needs DATABASE_URL: the worker role shares the web role's PostgreSQL.");
  process.exit(1);
}
const database = await prepareDatabase(settings);
const concurrency = Number(process.env.HUITONG_WORKER_CONCURRENCY ?? 2);
const worker = await startJobWorker({ databaseUrl: database.url, concurrency });
console.log(JSON.stringify({ level: "info", source: "worker", message: "job worker running", concurrency }));

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ level: "info", source: "worker", message: `${signal}: finishing jobs in hand` }));
  await worker.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
await worker.finished;
