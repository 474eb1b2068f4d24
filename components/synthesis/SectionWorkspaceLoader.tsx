"use client";
// The editor lives only in the browser: its Yjs document and socket have no meaning during server rendering.
import dynamic from "next/dynamic";
import type { SectionWorkspaceProps } from "./SectionWorkspace";

const SectionWorkspace = dynamic(() => import("./SectionWorkspace").then((module) => module.SectionWorkspace), {
  ssr: false,
  loading: () => <div className="h-96 animate-pulse rounded-lg border border-stone-200 bg-white" aria-hidden />,
});

export function SectionWorkspaceLoader(props: SectionWorkspaceProps) {
  return <SectionWorkspace {...props} />;
}
