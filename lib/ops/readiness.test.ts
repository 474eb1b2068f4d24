// Readiness against a real PostgreSQL and Redis, and against a Redis that is not there.
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { defineJob } from "@/lib/jobs/define-job";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-database";
import { checkReadiness } from "./readiness";

let db: Database;
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const noop = defineJob({ name: "test.noop", payload: z.object({}), async run() {} });

beforeAll(async () => {
  ({ db } = await createTestDatabase());
});

describe("readiness", () => {
  it("is ready with PostgreSQL and Redis answering, and counts the queue", async () => {
    await enqueueJob(db, noop, {});
    expect(await checkReadiness(redisUrl)).toEqual({
      ok: true,
      database: true,
      redis: true,
      jobQueue: { ok: true, pending: 1, failed: 0 },
    });
    expect((await checkReadiness(undefined)).redis).toBe("not configured");
  });

  it("is not ready when the configured Redis does not answer", async () => {
    const readiness = await checkReadiness("redis://127.0.0.1:1");
    expect(readiness).toMatchObject({ ok: false, database: true, redis: false });
  });
});
