"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/endpoint";
import { unsubscribe } from "@/lib/notifications/preferences";

/** The button on the unsubscribe page: works from the e-mail's link alone, without signing in. */
export const unsubscribeAction = formAction("unsubscribe", async (form: FormData) => {
  const link = { u: form.get("u"), k: form.get("k"), s: form.get("s") };
  const { kind } = await unsubscribe(link).catch(() => ({ kind: null }));
  if (!kind) redirect("/unsubscribe");
  redirect(`/unsubscribe?${new URLSearchParams({ done: kind })}`);
});
