"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/errors/action-result";
import { userAction } from "@/lib/http/endpoint";
import { notificationKinds } from "@/lib/notifications/rules";
import { saveEmailPreferences } from "@/lib/notifications/preferences";

export const saveEmailPreferencesAction = userAction(
  "saveEmailPreferences",
  async (user, _: ActionResult | null, form: FormData) => {
    await saveEmailPreferences(user.id, {
      locale: form.get("locale"),
      kinds: notificationKinds.map((kind) => ({ kind, delivery: form.get(`delivery-${kind}`) })),
    });
    revalidatePath("/account");
    return undefined;
  },
);
