import { describe, expect, it } from "vitest";
import { layOutPages, tidySpaces, type PageRuns, type TextRun } from "./layout";
import { pageOfOffset } from "./pages";
import { findDoi, guessTitle } from "./pdf-metadata";

const WIDTH = 595;
const HEIGHT = 842;

/** A run of text as pdf.js reports it: Chinese characters one em wide, Latin ones half. */
function run(text: string, x: number, y: number, size = 10): TextRun {
  const width = [...text].reduce((sum, char) => sum + (/[\u2e80-\uffef]/.test(char) ? size : size * 0.5), 0);
  return { text, x, y, width, size };
}

function page(runs: TextRun[]): PageRuns {
  return { width: WIDTH, height: HEIGHT, runs };
}

/** Lines of one column filled to its width (so they read as one paragraph), from `top` down. */
function column(lines: string[], x: number, top: number, size = 10): TextRun[] {
  return lines.map((text, index) => run(text, x, top - index * size * 1.4, size));
}

describe("layOutPages", () => {
  it("reads two columns one after the other, joining Chinese lines without spaces", () => {
    const left = [
      "中国式现代化是中国共产党领导的社会主义现代",
      "化。全面建设社会主义现代化国家必然要求缩小",
      "城乡差距。",
    ];
    const right = ["区域化党建通常是指在一个特定区域内由当地党", "组织领导并整合驻区单位和各类组织而形成的同", "盟。"];
    const result = layOutPages([page([...column(left, 50, 700), ...column(right, 310, 700)])]);
    expect(result.text).toBe(
      "中国式现代化是中国共产党领导的社会主义现代化。全面建设社会主义现代化国家必然要求缩小城乡差距。\n" +
        "区域化党建通常是指在一个特定区域内由当地党组织领导并整合驻区单位和各类组织而形成的同盟。",
    );
  });

  it("drops running headers, footers and page numbers, and remembers where each page starts", () => {
    const pages = [1, 2, 3].map((number) =>
      page([
        run("治理研究 · 2024年第3期", 240, 800, 8),
        ...column([`第${number}页的正文从这里开始并且一直写到这一行的末尾处为止。`], 50, 700),
        run(String(number), 290, 40, 9),
      ]),
    );
    const result = layOutPages(pages);
    expect(result.text).not.toContain("治理研究");
    expect(result.text).not.toMatch(/[。]\d/);
    expect(result.pageStarts).toEqual([0, result.text.indexOf("第2页"), result.text.indexOf("第3页")]);
    expect(pageOfOffset(result, result.text.indexOf("第3页") + 5)).toBe(3);
  });

  it("undoes English hyphenation but keeps compounds the document prints whole", () => {
    // Lines of equal length, as justified type sets them.
    const lines = [
      "The urban-rural divide shapes how local gover-",
      "nance works in the counties, and the urban-",
      "rural alliances studied here were formed late.",
    ].map((line) => line.padEnd(46, " "));
    const result = layOutPages([page(column(lines, 50, 700))]);
    expect(result.text).toBe(
      "The urban-rural divide shapes how local governance works in the counties, and the urban-rural alliances studied here were formed late.",
    );
  });

  it("keeps footnotes apart from the body", () => {
    const body = column(
      ["这是正文的第一行文字内容写得足够长以便填满整行。", "这是正文的第二行文字内容。"].concat(
        Array.from({ length: 8 }, () => "正文继续写下去让正文的字数远远多于脚注的字数。"),
      ),
      50,
      700,
    );
    const notes = [run("①参见某某著作，人民出版社2019年版，第5页。", 50, 90, 8)];
    const result = layOutPages([page([...body, ...notes])]);
    expect(result.text).not.toContain("参见某某");
    expect(result.footnotes).toEqual([{ page: 1, text: "①参见某某著作，人民出版社2019年版，第5页。" }]);
  });

  it("keeps a reference list in small type in the body", () => {
    const body = column(
      Array.from({ length: 8 }, () => "正文继续写下去让正文的字数远远多于参考文献的字数。"),
      50,
      700,
    );
    const refs = column(["参考文献", "[1]林尚立.社区党建[J].上海大学学报,2002(2):5-11."], 50, 150, 9);
    const result = layOutPages([page([...body, ...refs])]);
    expect(result.text).toContain("[1]林尚立.社区党建");
    expect(result.footnotes).toEqual([]);
  });

  it("gives pages without text the start of the next text", () => {
    const result = layOutPages([page(column(["第一页。"], 50, 700)), page([]), page(column(["第三页。"], 50, 700))]);
    const third = result.text.indexOf("第三页");
    expect(result.pageStarts).toEqual([0, third, third]);
    expect(pageOfOffset(result, third)).toBe(3);
    expect(pageOfOffset(result, third - 1)).toBe(1);
  });
});

describe("tidySpaces", () => {
  it("removes layout spaces next to Chinese and keeps those between Latin words", () => {
    expect(tidySpaces("2021 年中央一号文件 提出 加快 县域  and more")).toBe("2021年中央一号文件提出加快县域and more");
    expect(tidySpaces("party  building in  the county")).toBe("party building in the county");
    expect(tidySpaces("full-width ， punctuation")).toBe("full-width，punctuation");
  });
});

describe("pdf metadata", () => {
  it("finds a DOI and trims the sentence's full stop", () => {
    expect(findDoi("DOI: 10.16619/j.cnki.rmltxsqy.2023.05.004.")).toBe("10.16619/j.cnki.rmltxsqy.2023.05.004");
    expect(findDoi("no identifier")).toBeNull();
  });

  it("takes the title from the largest line when the document information has only a file name", () => {
    const first = page([
      run("治理研究 · 2024", 240, 800, 8),
      run("区域化党建与基层有效治理", 150, 740, 18),
      ...column(
        Array.from({ length: 6 }, () => "正文的一行文字。"),
        50,
        700,
      ),
    ]);
    expect(guessTitle("paper.docx", [first])).toBe("区域化党建与基层有效治理");
    expect(guessTitle("Regional Party Building", [first])).toBe("Regional Party Building");
  });
});
