// How a section's collaborative document is named. Kept apart from token.ts (node:crypto) because the browser
// needs it too: importing token.ts there bundled a crypto polyfill whose helpers call eval(), which the
// Content-Security-Policy refuses.

/** Each section is one collaborative document, named so the server can tell what it is. */
export function sectionDocumentName(sectionId: string): string {
  return `section.${sectionId}`;
}

export function sectionIdOf(documentName: string): string | null {
  const match = /^section\.([A-Za-z0-9_-]{1,64})$/.exec(documentName);
  return match?.[1] ?? null;
}
