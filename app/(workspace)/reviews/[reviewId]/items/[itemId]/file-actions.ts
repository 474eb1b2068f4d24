"use server";
import { revalidatePath } from "next/cache";
import { reviewAction } from "@/lib/http/endpoint";
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
export const fileAction = reviewAction(
  "files",
  async (access, command: FileCommand, _reviewId: string, fileId: string) => {
    if (!(command in COMMANDS)) throw new Error(`unknown file command ${command}`);
    await COMMANDS[command](access, { reviewId: access.reviewId, fileId });
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    return undefined;
  },
  (_command, reviewId) => reviewId,
);
