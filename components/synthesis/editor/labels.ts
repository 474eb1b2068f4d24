// Citation labels ([1], (朱正威 等, 2020), …) depend on the whole synthesis, so they are computed on the server
// and pushed into this small store; every citation in the editor reads its label from here.
export function citationKey(itemId: string, locator: string | null | undefined): string {
  return `${itemId}\u0000${locator ?? ""}`;
}

export interface LabelStore {
  get(key: string): string | undefined;
  set(labels: Map<string, string>): void;
  subscribe(listener: () => void): () => void;
}

export function createLabelStore(): LabelStore {
  let labels = new Map<string, string>();
  const listeners = new Set<() => void>();
  return {
    get: (key) => labels.get(key),
    set(next) {
      labels = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
