import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { DocNode } from "./document-model";
import { synthesisToDocx, type SynthesisDocxInput } from "./export-docx";

const text = (value: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: value, marks });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const list = (type: "bulletList" | "orderedList", ...items: string[]): DocNode => ({
  type,
  content: items.map((item) => ({ type: "listItem", content: [paragraph(text(item))] })),
});

const input: SynthesisDocxInput = {
  title: "党建引领基层治理：文献综述",
  language: "zh",
  superscriptLabels: true,
  bibliographyHeading: "参考文献",
  notesHeading: "注释",
  labels: ["[1]", "[1]23"],
  bibliography: [{ text: "[1] 朱正威, 刘莹莹. 韧性治理:风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87." }],
  sections: [
    {
      title: "引言",
      doc: {
        type: "doc",
        content: [
          paragraph(
            text("韧性治理"),
            text("强调风险", [{ type: "bold" }]),
            text("与应急管理", [{ type: "italic" }]),
            { type: "citation", attrs: { itemId: "zhu", locator: null } },
            { type: "note", attrs: { text: "此处采用广义的韧性定义。" } },
            text("，详见"),
            text("项目主页", [{ type: "link", attrs: { href: "https://example.org/huitong" } }]),
          ),
          { type: "heading", attrs: { level: 2 }, content: [text("研究问题")] },
          list("bulletList", "第一点", "第二点"),
          list("orderedList", "步骤一", "步骤二"),
          {
            type: "blockquote",
            attrs: { codingId: "c1", itemId: "zhu" },
            content: [
              paragraph(text("韧性是系统吸收冲击的能力"), {
                type: "citation",
                attrs: { itemId: "zhu", locator: "23" },
              }),
            ],
          },
        ],
      },
    },
  ],
};

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  return {
    document: await read("word/document.xml"),
    footnotes: await read("word/footnotes.xml"),
    numbering: await read("word/numbering.xml"),
    styles: await read("word/styles.xml"),
    relationships: await read("word/_rels/document.xml.rels"),
  };
}

describe("synthesisToDocx", () => {
  it("writes the title, sections, headings, marks, lists, quotes, citations, footnotes and bibliography", async () => {
    const buffer = await synthesisToDocx(input);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const { document, footnotes, numbering, styles, relationships } = await unzip(buffer);

    expect(document).toContain("党建引领基层治理：文献综述");
    expect(document).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?引言/);
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?研究问题/);
    expect(document).toContain('w:eastAsia="SimSun"');
    expect(document).toContain('w:eastAsia="SimHei"');
    expect(document).toMatch(/<w:b\/>[\s\S]*?强调风险/);
    expect(document).toMatch(/<w:i\/>[\s\S]*?与应急管理/);
    expect(document).toMatch(/<w:vertAlign w:val="superscript"\/>[\s\S]*?<w:t[^>]*>\[1\]<\/w:t>/);
    expect(document).toContain("[1]23");
    expect(document).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*?项目主页/);
    expect(relationships).toContain("https://example.org/huitong");
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(footnotes).toContain("此处采用广义的韧性定义。");
    expect(document).toContain("韧性是系统吸收冲击的能力");
    expect(document).toContain("参考文献");
    expect(document).toContain("[1] 朱正威, 刘莹莹. 韧性治理:风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87.");
    expect(document).not.toContain("注释");
    expect(document.match(/<w:numPr>/g)).toHaveLength(4);
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');
    expect(styles).toContain('w:eastAsia="SimHei"');
  });

  it("starts every numbered list from one and leaves out an empty bibliography", async () => {
    const { document, numbering } = await unzip(
      await synthesisToDocx({
        ...input,
        language: "en",
        bibliography: [],
        labels: [],
        sections: [
          {
            title: "One",
            doc: {
              type: "doc",
              content: [list("orderedList", "a", "b"), paragraph(text("between")), list("orderedList", "c")],
            },
          },
        ],
      }),
    );
    const numIds = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    expect(numIds).toHaveLength(3);
    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).not.toBe(numIds[0]);
    expect(numbering).toContain(`w:numId="${numIds[2]}"`);
    expect(document).not.toContain("参考文献");
    expect(document).not.toContain("firstLineChars");
  });
});
