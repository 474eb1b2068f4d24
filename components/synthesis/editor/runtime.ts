// What the editor's extensions read long after React rendered: titles for citation tooltips and the open
// "@" popup. One holder per section, changed only through these functions.
import type { TriggerState } from "./citation-trigger";

export function createEditorRuntime(knownTitles: Record<string, string>) {
  const titles = new Map(Object.entries(knownTitles));
  let trigger: TriggerState = null;
  let active = 0;
  return {
    titleOf: (itemId: string) => titles.get(itemId),
    rememberTitle: (itemId: string, title: string) => void titles.set(itemId, title),
    trigger: () => ({ state: trigger, active }),
    openTrigger(state: TriggerState) {
      trigger = state;
      active = 0;
    },
    setActive(index: number) {
      active = index;
    },
  };
}
