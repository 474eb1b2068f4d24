// The review's files in progress (and recent failures), polled by the library's progress panel.
import { listFileActivity } from "@/lib/files/queries";
import { reviewParams, reviewRoute } from "@/lib/http/route";

export const GET = reviewRoute({ params: reviewParams }, async (access) => ({
  files: await listFileActivity(access),
}));
