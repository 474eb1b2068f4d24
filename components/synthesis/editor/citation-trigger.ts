"use client";
// Typing "@" (or "［［"/"[[") in the text opens a search over the review's papers; choosing one replaces
// the typed query with a citation. The popup itself is React (CitationSuggestions); this wires the trigger.
import { Extension } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import Suggestion, { type SuggestionProps } from "@tiptap/suggestion";

export interface CitableOption {
  id: string;
  title: string;
  authors: string;
  year: number | null;
  journal: string | null;
  /** The start of the text, shown for a paper whose title is missing. */
  opening: string | null;
  /** Where the paper stands in screening; the picker marks excluded and unscreened papers. */
  standing?: "excluded" | "unscreened" | "screened";
}

export type TriggerState = SuggestionProps<CitableOption, CitableOption> | null;

export function citationTrigger(options: {
  search: (query: string) => Promise<CitableOption[]>;
  onChange: (state: TriggerState) => void;
  onKeyDown: (event: KeyboardEvent) => boolean;
}) {
  const suggestion = (char: string, key: string) => ({
    pluginKey: new PluginKey(key),
    char,
    // Chinese prose has no space before the trigger.
    allowedPrefixes: null,
    allowSpaces: true,
    items: ({ query }: { query: string }) => options.search(query),
    command: ({
      editor,
      range,
      props,
    }: {
      editor: import("@tiptap/core").Editor;
      range: import("@tiptap/core").Range;
      props: CitableOption;
    }) => {
      editor
        .chain()
        .focus()
        .insertContentAt(range, [{ type: "citation", attrs: { itemId: props.id, locator: null } }])
        .run();
    },
    render: () => ({
      onStart: (props: TriggerState) => options.onChange(props),
      onUpdate: (props: TriggerState) => options.onChange(props),
      onExit: () => options.onChange(null),
      onKeyDown: ({ event }: { event: KeyboardEvent }) => options.onKeyDown(event),
    }),
  });
  return Extension.create({
    name: "citationTrigger",
    addProseMirrorPlugins() {
      return [
        Suggestion<CitableOption, CitableOption>({ editor: this.editor, ...suggestion("@", "citeAt") }),
        Suggestion<CitableOption, CitableOption>({ editor: this.editor, ...suggestion("[[", "citeBrackets") }),
      ];
    },
  });
}
