import { createLogger } from "@/lib/ops/log";
import { db } from "./client";

const log = createLogger({ component: "health" });

export async function checkDatabase(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    log.error("health: database unreachable", { error });
    return false;
  }
}
