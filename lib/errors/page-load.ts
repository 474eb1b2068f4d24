import { notFound } from "next/navigation";
import { isAppError } from "./app-error";

/** Page loads: a resource outside the user's reviews (or a forged id) is a plain 404. */
export async function loadOrNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (
      isAppError(error) &&
      (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "INVALID_INPUT")
    ) {
      notFound();
    }
    throw error;
  }
}
