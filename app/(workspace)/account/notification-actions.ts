"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { notificationKinds } from "@/lib/notifications/rules";
import { saveEmailPreferences } from "@/lib/notifications/preferences";

export async function saveEmailPreferencesAction(_: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("saveEmailPreferences", async () => {
    const user = await requireUser();
    await saveEmailPreferences(user.id, {
      locale: form.get("locale"),
      kinds: notificationKinds.map((kind) => ({ kind, delivery: form.get(`delivery-${kind}`) })),
    });
    revalidatePath("/account");
    return undefined;
  });
}
