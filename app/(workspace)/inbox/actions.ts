"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { formAction, userAction } from "@/lib/http/endpoint";
import { countUnread, findNotification, markAllRead, markRead } from "@/lib/notifications/inbox";

const idForm = z.object({ id: z.string().min(1).max(64) });

/**
 * These actions are plain form posts (they work without JavaScript), so a refusal cannot be returned as a
 * message: a signed-out visitor is sent to sign in, and an id that cannot be one (empty, too long, holding a
 * NUL) names no notification — the inbox is shown again, unchanged.
 */
async function notificationIdOf(form: FormData): Promise<{ userId: string; id: string }> {
  const user = await requirePageUser("/inbox");
  const parsed = idForm.safeParse({ id: form.get("id") });
  if (!parsed.success || parsed.data.id.includes("\u0000")) redirect("/inbox");
  return { userId: user.id, id: parsed.data.id };
}

/** Opening a notification marks it read and goes to its place. */
export const openNotificationAction = formAction("openNotification", async (form: FormData) => {
  const { userId, id } = await notificationIdOf(form);
  const notification = await findNotification(userId, id);
  if (!notification) redirect("/inbox");
  await markRead(userId, { ids: [id] });
  revalidatePath("/", "layout");
  redirect(notification.link);
});

export const markReadAction = formAction("markRead", async (form: FormData) => {
  const { userId, id } = await notificationIdOf(form);
  await markRead(userId, { ids: [id] });
  revalidatePath("/", "layout");
});

export const markAllReadAction = formAction("markAllRead", async () => {
  const user = await requirePageUser("/inbox");
  await markAllRead(user.id);
  revalidatePath("/", "layout");
});

/** The header's unread count, asked again as the member moves around and comes back to the tab. */
export const countUnreadAction = userAction("countUnread", (user) => countUnread(user.id));
