"use client";
// Shown while the search index is behind recent changes: says so, and refreshes the results until it has caught
// up (the note disappears with the server's next render once nothing waits).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const REFRESH_MS = 1_500;

export function IndexingNote({ text }: { text: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [router]);
  return (
    <p role="status" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {text}
    </p>
  );
}
