"use client";
// Which side panel is open and which comment thread is active. A link to a thread (from the inbox or a
// summary) opens the comments beside it; so does arriving from a round or a notification (?panel=comments).
import { useSearchParams } from "next/navigation";
import { useState } from "react";

export type Panel = "passages" | "comments" | "history" | "settings";

export function useWorkspacePanels(hasThreads: boolean) {
  const searchParams = useSearchParams();
  const linkedThread = searchParams.get("thread");
  const [panel, setPanel] = useState<Panel>(
    hasThreads || linkedThread || searchParams.get("panel") === "comments" ? "comments" : "passages",
  );
  const [activeThread, setActiveThread] = useState<string | null>(linkedThread);
  const [followedLink, setFollowedLink] = useState(linkedThread);
  if (linkedThread !== followedLink) {
    setFollowedLink(linkedThread);
    if (linkedThread) {
      setActiveThread(linkedThread);
      setPanel("comments");
    }
  }
  // Clicking a highlighted phrase in the text: stable, because the editor keeps the first one it is given.
  const [openThread] = useState(() => (threadId: string) => {
    setActiveThread(threadId);
    setPanel("comments");
  });
  return { panel, setPanel, activeThread, setActiveThread, openThread };
}
