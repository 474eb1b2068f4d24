import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "./clean-paste";

describe("cleanPastedHtml", () => {
  it("drops Word's office markup and keeps the prose", () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head>
<body><!--StartFragment--><p class="MsoNormal"><b>韧性治理</b>强调<i>适应</i>能力<o:p></o:p></p>
<!--[if !supportLists]--><span>1.</span><!--[endif]--><p class="MsoNormal"><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>`;
    const cleaned = cleanPastedHtml(word);
    expect(cleaned).toContain("<b>韧性治理</b>强调<i>适应</i>能力");
    expect(cleaned).not.toMatch(/o:p|<style|MsoNormal\{|margin:0|StartFragment|supportLists|<meta/);
    expect(cleaned).not.toMatch(/<p class="MsoNormal">\s*<\/p>/);
  });
  it("drops the line breaks between blocks that would become empty paragraphs", () => {
    expect(cleanPastedHtml("<body>\n<h2>标题</h2>\n<p>一</p>\n<ul>\n<li>二</li>\n</ul>\n</body>")).toBe(
      "<body><h2>标题</h2><p>一</p><ul><li>二</li></ul></body>",
    );
    expect(cleanPastedHtml("<p><b>a</b> <i>b</i></p>")).toBe("<p><b>a</b> <i>b</i></p>");
  });
  it("leaves ordinary web HTML alone", () => {
    const html = '<h2>标题</h2><p>Text with <a href="https://example.org">a link</a>.</p><ul><li>one</li></ul>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});

describe("the section schema reads pasted headings", () => {
  it("folds h1 into the top in-section level and h5/h6 into the lowest", async () => {
    const { getSchema } = await import("@tiptap/core");
    const { sectionExtensions } = await import("./document-schema");
    const rules = getSchema(sectionExtensions()).nodes.heading!.spec.parseDOM!;
    const levelOf = (tag: string) => rules.find((rule) => rule.tag === tag)?.attrs?.level;
    expect(["h1", "h2", "h3", "h4", "h5", "h6"].map(levelOf)).toEqual([2, 2, 3, 4, 4, 4]);
  });
});
