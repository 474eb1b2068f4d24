// What a load balancer asks before sending traffic: PostgreSQL answers, Redis answers when this deployment uses
// it, and the job queue's tables are there. Also reports the queue's depth, for operators.
import IORedis from "ioredis";
import { db } from "@/lib/db/client";
import { createLogger } from "./log";

const log = createLogger({ component: "readiness" });

export interface Readiness {
  ok: boolean;
  database: boolean;
  redis: boolean | "not configured";
  jobQueue: { ok: boolean; pending: number; failed: number };
}

async function checkRedis(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000 });
  // A refused connection is the answer we report, not an error to log.
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function checkJobQueue(): Promise<Readiness["jobQueue"]> {
  try {
    // A job is failed once it has used all its attempts; pending ones are waiting or being retried.
    const [row] = await db().$queryRaw<{ pending: bigint; failed: bigint }[]>`
      SELECT count(*) FILTER (WHERE attempts < max_attempts) AS pending,
             count(*) FILTER (WHERE attempts >= max_attempts) AS failed
        FROM graphile_worker.jobs`;
    return { ok: true, pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
  } catch (error) {
    log.error("readiness: job queue unreachable", { error });
    return { ok: false, pending: 0, failed: 0 };
  }
}

export async function checkReadiness(redisUrl = process.env.REDIS_URL): Promise<Readiness> {
  const [database, redis, jobQueue] = await Promise.all([
    db().$queryRaw`SELECT 1`
      .then(() => true)
      .catch((error: unknown) => {
        log.error("readiness: database unreachable", { error });
        return false;
      }),
    redisUrl ? checkRedis(redisUrl) : Promise.resolve("not configured" as const),
    checkJobQueue(),
  ]);
  return { ok: database && redis !== false && jobQueue.ok, database, redis, jobQueue };
}
