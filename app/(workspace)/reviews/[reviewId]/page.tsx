import { redirect } from "next/navigation";

export default async function ReviewHome({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  redirect(`/reviews/${reviewId}/dashboard`);
}
