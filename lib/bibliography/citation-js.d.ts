// citation-js 0.8 ships no TypeScript types. Only the surface lib/synthesis/citations.ts uses is declared:
// the @csl plugin's style/locale registers and its citeproc-js engine.
declare module "@citation-js/core" {
  export interface Register<T> {
    add(key: string, value: T): this;
    set(key: string, value: T): this;
    get(key: string): T | undefined;
    has(key: string): boolean;
    delete(key: string): this;
    list(): string[];
  }

  /** One item cited inside a cluster (citeproc-js's citationItems entry). */
  export interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }

  export interface CiteprocBibliographyMeta {
    bibstart: string;
    bibend: string;
    /** The cited item ids in bibliography order, each wrapped in its own array. */
    entry_ids: string[][];
  }

  export interface CiteprocEngine {
    /** Registers the cited items in citation order: numbering and disambiguation are settled here. */
    updateItems(ids: string[], nosort?: boolean): string[];
    /** Renders one citation against the registered items, without tracking its position in the document. */
    makeCitationCluster(items: CiteprocCitationItem[]): string;
    makeBibliography(): [CiteprocBibliographyMeta, string[]] | false;
  }

  export interface CslPluginConfig {
    styles: Register<string>;
    locales: Register<string>;
    /** A citeproc engine for a registered style, cached by style and locale; items are read from `data`. */
    engine(data: object[], style: string, locale: string | undefined, format: "text" | "html" | "rtf"): CiteprocEngine;
  }

  export const plugins: {
    config: {
      get(name: "@csl"): CslPluginConfig;
      get(name: string): unknown;
    };
    /** Parses input of a known type (e.g. "@ris/file", "@biblatex/text") to CSL-JSON items. */
    input: {
      chain(input: unknown, options: { forceType?: string; generateGraph?: boolean }): object[];
    };
    /** Formats CSL-JSON items with an output plugin (e.g. "ris", "bibtex"). */
    output: {
      format(name: string, data: object[], options?: Record<string, unknown>): string;
    };
  };
}

declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-bibtex";

declare module "@citation-js/plugin-csl";
