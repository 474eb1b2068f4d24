"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { runAction } from "@/lib/errors/action-result";
import { countUnread, findNotification, markAllRead, markRead } from "@/lib/notifications/inbox";
import { parseInput } from "@/lib/validation";

const idForm = z.object({ id: z.string().min(1).max(64) });

/** Opening a notification marks it read and goes to its place. */
export async function openNotificationAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const { id } = parseInput(idForm, { id: form.get("id") });
  const notification = await findNotification(user.id, id);
  if (!notification) redirect("/inbox");
  await markRead(user.id, { ids: [id] });
  revalidatePath("/", "layout");
  redirect(notification.link);
}

export async function markReadAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const { id } = parseInput(idForm, { id: form.get("id") });
  await markRead(user.id, { ids: [id] });
  revalidatePath("/", "layout");
}

export async function markAllReadAction(): Promise<void> {
  const user = await requireUser();
  await markAllRead(user.id);
  revalidatePath("/", "layout");
}

/** The header's unread count, asked again as the member moves around and comes back to the tab. */
export async function countUnreadAction() {
  return runAction("countUnread", async () => countUnread((await requireUser()).id));
}
