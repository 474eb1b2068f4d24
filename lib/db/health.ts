import { db } from "./client";

export async function checkDatabase(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    console.error("health: database unreachable:", error);
    return false;
  }
}
