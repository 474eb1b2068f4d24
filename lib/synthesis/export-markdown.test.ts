import { describe, expect, it } from "vitest";
import type { DocNode } from "./document-model";
import { citationsInOrder } from "./document-model";
import { escapeMarkdown, synthesisToMarkdown } from "./export-markdown";

const text = (value: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: value, marks });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const citation = (itemId: string | null, locator: string | null = null): DocNode => ({
  type: "citation",
  attrs: { itemId, locator },
});
const note = (value: string): DocNode => ({ type: "note", attrs: { text: value } });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

const base = {
  title: "党建引领基层治理：文献综述",
  bibliographyHeading: "参考文献",
  notesHeading: "注释",
};

describe("synthesisToMarkdown", () => {
  it("writes sections, nested headings, marks, lists, quotes, citations, notes and the bibliography", () => {
    const sections = [
      {
        title: "引言",
        doc: doc(
          paragraph(
            text("韧性治理"),
            text("强调", [{ type: "bold" }]),
            text("风险", [{ type: "bold" }, { type: "italic" }]),
            text("与应急管理"),
            citation("zhu"),
            text("。参见"),
            text("项目主页", [{ type: "link", attrs: { href: "https://example.org/a b" } }]),
            note("此处采用广义的定义。"),
          ),
          { type: "heading", attrs: { level: 2 }, content: [text("研究问题")] },
          {
            type: "bulletList",
            content: [
              { type: "listItem", content: [paragraph(text("第一点"))] },
              {
                type: "listItem",
                content: [
                  paragraph(text("第二点")),
                  { type: "orderedList", content: [{ type: "listItem", content: [paragraph(text("细目"))] }] },
                ],
              },
            ],
          },
        ),
      },
      {
        title: "文献回顾",
        doc: doc(
          {
            type: "blockquote",
            attrs: { codingId: "c1", itemId: "ansell" },
            content: [
              paragraph(text("Collaborative governance brings stakeholders together"), citation("ansell", "544")),
            ],
          },
          { type: "heading", attrs: { level: 4 }, content: [text("小结")] },
          paragraph(text("再次引用"), citation("zhu"), note("第二条注释")),
          paragraph(),
        ),
      },
    ];
    const labels = ["[1]", "[2]544", "[1]"];
    expect(citationsInOrder(doc(...sections.flatMap((section) => section.doc.content ?? [])))).toHaveLength(3);
    const markdown = synthesisToMarkdown({
      ...base,
      sections,
      labels,
      bibliography: [
        { text: "[1] 朱正威, 刘莹莹. 韧性治理:风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87." },
        { text: "[2] ANSELL C, GASH A. Collaborative governance in theory and practice[J]. 2008." },
      ],
    });
    expect(markdown).toBe(
      [
        "# 党建引领基层治理：文献综述",
        "",
        "## 引言",
        "",
        "韧性治理**强调*风险***与应急管理\\[1\\]。参见[项目主页](https://example.org/a%20b)[^1]",
        "",
        "### 研究问题",
        "",
        "- 第一点",
        "- 第二点",
        "  1. 细目",
        "",
        "## 文献回顾",
        "",
        "> Collaborative governance brings stakeholders together\\[2\\]544",
        "",
        "##### 小结",
        "",
        "再次引用\\[1\\][^2]",
        "",
        "## 参考文献",
        "",
        "\\[1\\] 朱正威, 刘莹莹. 韧性治理:风险与应急管理的新路径\\[J\\]. 行政论坛, 2020, 27(5): 81-87.",
        "",
        "\\[2\\] ANSELL C, GASH A. Collaborative governance in theory and practice\\[J\\]. 2008.",
        "",
        "## 注释",
        "",
        "[^1]: 此处采用广义的定义。",
        "",
        "[^2]: 第二条注释",
        "",
      ].join("\n"),
    );
  });

  it("escapes Markdown syntax in text, including at the start of a line", () => {
    const markdown = synthesisToMarkdown({
      ...base,
      sections: [
        {
          title: "C# 与 *星号*",
          doc: doc(
            paragraph(text("# 不是标题 *也不是* [链接](x) <b> a_b `code`")),
            paragraph(text("1. 不是列表")),
            paragraph(text("- 不是列表"), { type: "hardBreak" }, text("> 不是引用")),
          ),
        },
      ],
      labels: [],
      bibliography: [],
    });
    expect(markdown).toContain("## C\\# 与 \\*星号\\*");
    expect(markdown).toContain("\\# 不是标题 \\*也不是\\* \\[链接\\](x) \\<b\\> a\\_b \\`code\\`");
    expect(markdown).toContain("1\\. 不是列表");
    expect(markdown).toContain("\\- 不是列表\\\n\\> 不是引用");
    expect(markdown).not.toContain("## 参考文献");
    expect(markdown).not.toContain("## 注释");
  });

  it("falls back to HTML emphasis where CommonMark delimiters would not work next to punctuation", () => {
    const markdown = synthesisToMarkdown({
      ...base,
      sections: [
        {
          title: "一",
          doc: doc(paragraph(text("“韧性”", [{ type: "bold" }]), text("治理 "), text("要点 ", [{ type: "italic" }]))),
        },
      ],
      labels: [],
      bibliography: [],
    });
    expect(markdown).toContain("<strong>“韧性”</strong>治理 *要点* ");
  });

  it("labels citations without an item or beyond the given labels [?] and drops unsafe links", () => {
    const markdown = synthesisToMarkdown({
      ...base,
      sections: [
        {
          title: "一",
          doc: doc(
            paragraph(
              citation(null),
              citation("a"),
              citation("b"),
              text("点击", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
            ),
          ),
        },
      ],
      labels: ["(Ansell et al., 2008)"],
      bibliography: [],
    });
    expect(markdown).toContain("\\[?\\](Ansell et al., 2008)\\[?\\]点击");
  });
});

describe("escapeMarkdown", () => {
  it("leaves plain Chinese untouched", () => {
    expect(escapeMarkdown("区域化党建与基层有效治理")).toBe("区域化党建与基层有效治理");
  });
});
