// What the editor's extensions read long after React rendered: titles for citation tooltips and the open
// "@" popup. One holder per section, changed only through these functions.
import type { TriggerState } from "./citation-trigger";

type Standing = "excluded" | "unscreened" | "screened";

export function createEditorRuntime(
  knownTitles: Record<string, string>,
  /** Cited papers' screening standing (from the bibliography), so a citation of an excluded paper says so. */
  knownStandings: { itemId: string; standing?: Standing }[] = [],
) {
  const titles = new Map(Object.entries(knownTitles));
  const standings = new Map<string, Standing>();
  const rememberStandings = (entries: { itemId: string; standing?: Standing }[]) => {
    for (const entry of entries) if (entry.standing) standings.set(entry.itemId, entry.standing);
  };
  rememberStandings(knownStandings);
  let trigger: TriggerState = null;
  let active = 0;
  return {
    titleOf: (itemId: string) => titles.get(itemId),
    rememberTitle: (itemId: string, title: string) => void titles.set(itemId, title),
    standingOf: (itemId: string) => standings.get(itemId),
    rememberStandings,
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
