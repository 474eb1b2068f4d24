// Changes of access that live connections must learn about at once: a member's role changed or they were
// removed, or every session of a person was ended. They are announced with PostgreSQL NOTIFY inside the
// transaction that makes the change, so they are delivered exactly when (and only if) it commits, to every
// process that LISTENs — today the collaboration server; several of them later, with nothing else to set up.
import { z } from "zod";
import type { Transaction } from "@/lib/db/client";
import { ROLES } from "./policy";

export const ACCESS_CHANNEL = "huitong_access";

export const accessEventSchema = z.discriminatedUnion("kind", [
  // The listener reads the membership again rather than trusting `role`: events may arrive out of order.
  z.object({ kind: z.literal("membership"), reviewId: z.string(), userId: z.string(), role: z.enum(ROLES).nullable() }),
  z.object({ kind: z.literal("sessions"), userId: z.string() }),
]);

export type AccessEvent = z.infer<typeof accessEventSchema>;

export async function announceAccessChange(tx: Transaction, event: AccessEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(event)})`;
}

export function readAccessEvent(payload: string | undefined): AccessEvent | null {
  try {
    const parsed = accessEventSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
