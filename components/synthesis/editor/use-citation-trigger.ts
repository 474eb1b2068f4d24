"use client";
// The "@" popup's state: which suggestions are showing and which one the arrow keys point at. The editor's
// extension reads the same through the runtime, because it runs long after React rendered.
import { useState } from "react";
import type { TriggerState } from "./citation-trigger";
import type { createEditorRuntime } from "./runtime";

export function useCitationTrigger(live: ReturnType<typeof createEditorRuntime>) {
  const [trigger, setTrigger] = useState<TriggerState>(null);
  const [activeSuggestion, setActiveSuggestion] = useState(0);
  // Handed to the editor once, when it is built; they only touch the runtime and stable state setters.
  const [handlers] = useState(() => ({
    onChange: (state: TriggerState) => {
      live.openTrigger(state);
      setTrigger(state);
      setActiveSuggestion(0);
    },
    onKeyDown: (event: KeyboardEvent) => {
      const { state, active } = live.trigger();
      if (!state) return false;
      const count = state.items.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const next = count ? (active + (event.key === "ArrowDown" ? 1 : count - 1)) % count : 0;
        live.setActive(next);
        setActiveSuggestion(next);
        return true;
      }
      if (event.key === "Enter" && count > 0) {
        state.command(state.items[active]!);
        return true;
      }
      return false;
    },
  }));
  return { trigger, activeSuggestion, handlers };
}
