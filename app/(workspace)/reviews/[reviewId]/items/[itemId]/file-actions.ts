"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { keepItemText, removeFile, retryExtraction, setMainFile, takeFileText } from "@/lib/files/commands";

const COMMANDS = {
  main: setMainFile,
  remove: removeFile,
  useText: takeFileText,
  keepText: keepItemText,
  retry: retryExtraction,
} as const;

export type FileCommand = keyof typeof COMMANDS;

/** One verb on one attached file: make main, remove, take or keep the text, extract again. */
export async function fileAction(command: FileCommand, reviewId: string, fileId: string): Promise<ActionResult> {
  return runAction(`files.${command}`, async () => {
    const user = await requireUser();
    if (!(command in COMMANDS)) throw new Error(`unknown file command ${command}`);
    await COMMANDS[command](user.id, { reviewId, fileId });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    return undefined;
  });
}
