// The codebook is a hierarchy; lists show it depth-first with each theme's depth.
/** Orders themes depth-first (each parent followed by its children) and tells each one's depth. */
export function treeOrder<T extends { id: string; parentId: string | null }>(themes: T[]): (T & { depth: number })[] {
  const ids = new Set(themes.map((theme) => theme.id));
  const children = new Map<string | null, T[]>();
  for (const theme of themes) {
    const parent = theme.parentId && ids.has(theme.parentId) ? theme.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), theme]);
  }
  const ordered: (T & { depth: number })[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const theme of children.get(parent) ?? []) {
      ordered.push({ ...theme, depth });
      visit(theme.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
