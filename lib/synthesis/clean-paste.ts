// Word and web pages paste comments, conditional blocks, office tags and inline styles. The editor's schema
// keeps only headings, paragraphs, lists, quotes, links, bold and italic; this removes what it would
// otherwise half keep (Word's conditional comments and <o:p> turn into stray empty paragraphs).
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|script|xml|meta|link)\b[\s\S]*?(<\/\1>|\/?>)/gi, "")
    .replace(/<\/?(o|w|m|v|st1):[^>]*>/gi, "")
    .replace(/<p\b[^>]*>(\s|&nbsp;|\u00a0)*<\/p>/gi, "");
}
