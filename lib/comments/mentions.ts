// "@陈同学 请补充…": a mention is "@" followed by a member's name as it is written; longest names win, so
// "@林老师 (Owner)" is not read as a shorter name that happens to start it.
export function mentionedIds(body: string, members: { id: string; name: string }[]): string[] {
  const found = new Set<string>();
  const byLength = [...members].sort((a, b) => b.name.length - a.name.length);
  for (let at = body.indexOf("@"); at !== -1; at = body.indexOf("@", at + 1)) {
    const rest = body.slice(at + 1);
    const member = byLength.find((candidate) => candidate.name && rest.startsWith(candidate.name));
    if (member) found.add(member.id);
  }
  return [...found];
}

/** The "@…" being typed just before the caret, if any: what the comment field offers members for. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  // After a space, Chinese text or punctuation — but not inside a word or an e-mail address.
  const match = /(^|[^A-Za-z0-9_.@])@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}
