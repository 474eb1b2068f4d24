import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { listMyReviews } from "@/lib/reviews/queries";

export default async function Home() {
  const user = await requirePageUser("/");
  const reviews = await listMyReviews(user.id);
  redirect(reviews.length === 1 ? `/reviews/${reviews[0]!.id}/dashboard` : "/reviews");
}
