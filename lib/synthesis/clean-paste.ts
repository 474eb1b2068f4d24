// Word and web pages paste comments, conditional blocks, office tags, style sheets and inline styles. The
// editor's schema keeps only headings, paragraphs, lists, quotes, links, bold and italic; this removes what
// it would otherwise half keep (a style sheet's text, Word's <o:p>, line breaks between blocks that turn into
// empty paragraphs).
const BLOCK_EDGE =
  /(<\/(?:p|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|div|blockquote|section|article)>|<br\s*\/?>|<(?:ul|ol|table|thead|tbody|tr|body|html|head)\b[^>]*>)\s+(?=<)/gi;

export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|script|xml|title)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<(meta|link)\b[^>]*>/gi, "")
    .replace(/<\/?(o|w|m|v|st1):[^>]*>/gi, "")
    .replace(/<p\b[^>]*>(\s|&nbsp;|\u00a0)*<\/p>/gi, "")
    .replace(BLOCK_EDGE, "$1");
}
