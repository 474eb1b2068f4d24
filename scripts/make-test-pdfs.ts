// Makes the test PDFs under lib/files/fixtures/ (committed; CI does not run this): born-digital papers laid out
// by LibreOffice from .docx files the `docx` package writes — two columns, a running header, page numbers in
// the footer, real footnotes, an embedded CJK font — and a scanned-image PDF (a page photographed by Chromium
// and wrapped as a JPEG). Beside each PDF goes the text it was made from, which the extraction accuracy test
// and `npm run bench:pdf` compare against.
//
//   npx tsx scripts/make-test-pdfs.ts            remake the committed fixtures
//
// Needs LibreOffice (soffice), fonts-noto-cjk and Chromium (/usr/bin/chromium or Playwright's).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
} from "docx";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../lib/files/fixtures");

export interface PaperSpec {
  title: string;
  /** Body paragraphs; headings are paragraphs too (they are part of the text a reader extracts). */
  paragraphs: string[];
  /** Footnote texts, referenced from the body paragraph at the same index (paragraph i gets footnote i + 1). */
  footnotes?: { paragraph: number; text: string }[];
  /** The reference list printed after the body, under `referencesHeading`. */
  references?: string[];
  referencesHeading?: string;
  runningHeader: string;
  columns: 1 | 2;
  font: string;
  /** Font size in points. */
  size: number;
  language: "zh" | "en";
  /** Soft hyphens inside long words let LibreOffice hyphenate English lines, as journals do. */
  softHyphens?: boolean;
}

/** The text the PDF's body should read back as: title, paragraphs and reference list, one per line. */
export function expectedBody(spec: PaperSpec): string {
  return [
    spec.title,
    ...spec.paragraphs,
    ...(spec.references ? [spec.referencesHeading ?? "References", ...spec.references] : []),
  ].join("\n");
}

export function expectedFootnotes(spec: PaperSpec): string {
  return (spec.footnotes ?? []).map((note) => note.text).join("\n");
}

const SOFT_HYPHEN = "\u00ad";
/** Break points after every 3rd letter inside words of 9+ letters (enough for LibreOffice to hyphenate). */
function withSoftHyphens(text: string): string {
  return text.replace(/[A-Za-z]{9,}/g, (word) => {
    let out = "";
    for (let i = 0; i < word.length; i++) {
      out += word[i];
      if (i >= 2 && i < word.length - 3 && i % 3 === 2) out += SOFT_HYPHEN;
    }
    return out;
  });
}

export async function paperDocx(spec: PaperSpec): Promise<Buffer> {
  const run = (text: string, extra: Record<string, unknown> = {}) =>
    new TextRun({
      text: spec.softHyphens ? withSoftHyphens(text) : text,
      font: { ascii: spec.font, eastAsia: spec.font, hAnsi: spec.font },
      size: spec.size * 2,
      ...extra,
    });
  const notes = new Map((spec.footnotes ?? []).map((note, index) => [note.paragraph, index + 1]));
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  (spec.footnotes ?? []).forEach((note, index) => {
    footnotes[index + 1] = {
      children: [new Paragraph({ children: [run(note.text, { size: (spec.size - 2) * 2 })] })],
    };
  });
  const body = spec.paragraphs.map(
    (text, index) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { after: 80 },
        children: [run(text), ...(notes.has(index) ? [new FootnoteReferenceRun(notes.get(index)!)] : [])],
      }),
  );
  const references = spec.references
    ? [
        new Paragraph({ spacing: { before: 200, after: 80 }, children: [run(spec.referencesHeading ?? "References")] }),
        ...spec.references.map(
          (text) => new Paragraph({ spacing: { after: 40 }, children: [run(text, { size: (spec.size - 1) * 2 })] }),
        ),
      ]
    : [];
  const margin = { top: 1200, bottom: 1200, left: 1100, right: 1100 };
  const header = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(spec.runningHeader, { size: 16 })] })],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, font: spec.font })],
      }),
    ],
  });
  const document = new Document({
    footnotes,
    sections: [
      {
        properties: { page: { margin } },
        headers: { default: header },
        footers: { default: footer },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(spec.title, { size: (spec.size + 6) * 2, bold: true })],
          }),
        ],
      },
      {
        properties: {
          type: SectionType.CONTINUOUS,
          page: { margin },
          column: { count: spec.columns, space: 500 },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [...body, ...references],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Lays a .docx out as PDF with LibreOffice; returns the PDF's bytes. */
export function convertWithLibreOffice(input: Buffer, extension: string, filterOptions = ""): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "huitong-pdf-"));
  try {
    const source = path.join(dir, `paper.${extension}`);
    writeFileSync(source, input);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        `pdf${filterOptions}`,
        "--outdir",
        dir,
        source,
      ],
      { stdio: "pipe", timeout: 600_000 },
    );
    return readFileSync(path.join(dir, "paper.pdf"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function makePaperPdf(spec: PaperSpec, filterOptions = ""): Promise<Buffer> {
  return convertWithLibreOffice(await paperDocx(spec), "docx", filterOptions);
}

/** A one-page PDF holding a JPEG as the whole page: what a scanner produces (no text layer). */
export function imagePdf(jpeg: Buffer, widthPx: number, heightPx: number): Buffer {
  const pageWidth = 595;
  const pageHeight = Math.round((pageWidth * heightPx) / widthPx);
  const content = `q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Im0 Do Q`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    null, // the image, written with its binary stream below
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary")];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  objects.forEach((body, index) => {
    offsets.push(length);
    if (body === null) {
      push(
        Buffer.from(
          `${index + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${widthPx} /Height ${heightPx} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
        ),
      );
      push(jpeg);
      push(Buffer.from("\nendstream\nendobj\n"));
    } else {
      push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`));
    }
  });
  const xref = length;
  const table = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

/** Photographs an HTML page of text with Chromium, in grey, as a scanner would. */
async function scannedPage(html: string, width: number, height: number): Promise<Buffer> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" }).catch(() => chromium.launch());
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(html);
    await page.emulateMedia({ colorScheme: "light" });
    await page.addStyleTag({ content: "html { filter: grayscale(1); }" });
    return await page.screenshot({ type: "jpeg", quality: 70 });
  } finally {
    await browser.close();
  }
}

function seedLines(file: string): string[] {
  return readFileSync(path.resolve(import.meta.dirname, "../seeds", file), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The Chinese two-column paper: the opening of seed paper 002 with footnotes and a reference list. */
export function chinesePaperSpec(paragraphCount = 24): PaperSpec {
  const lines = seedLines("002_24433d9f670e2f75.txt");
  const body = lines.slice(2);
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.length < paragraphCount; i++) paragraphs.push(body[i % body.length]!);
  return {
    title: "区域化党建引领县域内城乡融合发展的行动策略",
    paragraphs,
    footnotes: [
      { paragraph: 1, text: "①参见《中国共产党农村基层组织工作条例》，人民出版社2019年版，第5页。" },
      { paragraph: 6, text: "②区域化党建的概念最早见于上海市的基层党建实践，此处采用通行的界定。" },
    ],
    referencesHeading: "参考文献",
    references: [
      "[1]习近平.高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗[M].北京:人民出版社,2022:65.",
      "[2]孙肖远.区域化党建引领城乡融合发展的路径研究[J].中国行政管理,2023(4):12-19.",
      "[3]林尚立.社区党建:中国政治发展的新生长点[J].上海大学学报(社会科学版),2002(2):5-11.",
    ],
    runningHeader: "南京社会科学 · 2024年第3期",
    columns: 2,
    font: "Noto Serif CJK SC",
    size: 10,
    language: "zh",
  };
}

const ENGLISH = [
  "Regional party building refers to a mode of organisation in which the party committee of a territory coordinates the grassroots organisations of government agencies, enterprises, residential communities and social groups located within it.",
  "Its emergence reflects a structural transformation of Chinese society: the decline of the work-unit system, the growth of private enterprises and the increasing mobility of the population have weakened the traditional channels through which grassroots organisations reached citizens.",
  "Scholars have interpreted this development through several theoretical lenses. Some emphasise the integrative function of the party as an organisational hub; others focus on the governance outcomes, such as improved coordination between administrative departments and enhanced responsiveness to community demands.",
  "The present study examines the relationship between regional party building and coordinated urban-rural development at the county level, drawing on fieldwork conducted in three counties of Jiangsu province between 2021 and 2023.",
  "We find that the effectiveness of regional party building depends on three conditions: the institutionalisation of cross-organisational cooperation, the availability of shared resources and platforms, and the capacity of grassroots cadres to mediate between heterogeneous interests.",
  "Where these conditions were met, regional alliances facilitated the circulation of personnel, capital and information between towns and villages; where they were absent, alliances remained largely symbolic and their meetings ceremonial.",
  "These findings contribute to the literature on authoritarian resilience and adaptive governance by specifying the organisational mechanisms through which a ruling party extends its reach into an increasingly differentiated society.",
  "They also carry practical implications for policymakers, who should pay attention to the incentive structures of participating organisations rather than relying exclusively on political mobilisation and administrative commands.",
];

export function englishPaperSpec(paragraphCount = 16): PaperSpec {
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.length < paragraphCount; i++) paragraphs.push(ENGLISH[i % ENGLISH.length]!);
  return {
    title: "Regional Party Building and Coordinated Urban-Rural Development",
    paragraphs,
    footnotes: [{ paragraph: 2, text: "1 Interviews were conducted in Mandarin and translated by the authors." }],
    referencesHeading: "References",
    references: [
      "[1] Thornton P M. The advance of the party: transformation or takeover of urban grassroots society? The China Quarterly, 2013, 213: 1-18.",
      "[2] Heilmann S, Perry E J. Mao's Invisible Hand. Cambridge: Harvard University Asia Center, 2011.",
    ],
    runningHeader: "Journal of Chinese Governance, Vol. 9, No. 2",
    columns: 1,
    font: "Liberation Serif",
    size: 11,
    language: "en",
    softHyphens: true,
  };
}

/** The scanned page's text (a paragraph of seed paper 004, which is about 区域化党建 too). */
export function scannedPageText(): string[] {
  return seedLines("004_0af820f3565a99b2.txt").slice(3, 4);
}

async function main() {
  const write = (name: string, bytes: Buffer | string) => {
    writeFileSync(path.join(FIXTURES_DIR, name), bytes);
    console.log(`${name}: ${Buffer.byteLength(bytes)} bytes`);
  };
  const chinese = chinesePaperSpec();
  write("zh-two-column.pdf", await makePaperPdf(chinese));
  write("zh-two-column.body.txt", expectedBody(chinese));
  write("zh-two-column.footnotes.txt", expectedFootnotes(chinese));

  const english = englishPaperSpec();
  write("en-hyphenated.pdf", await makePaperPdf(english));
  write("en-hyphenated.body.txt", expectedBody(english));
  write("en-hyphenated.footnotes.txt", expectedFootnotes(english));

  // A password-protected copy of the English paper (LibreOffice's PDF export encrypts with a password).
  const encryptOptions = `:writer_pdf_Export:${JSON.stringify({
    EncryptFile: { type: "boolean", value: "true" },
    DocumentOpenPassword: { type: "string", value: "secret" },
  })}`;
  write(
    "encrypted.pdf",
    await makePaperPdf({ ...english, paragraphs: english.paragraphs.slice(0, 2) }, encryptOptions),
  );

  const scanned = scannedPageText();
  const width = 900;
  const height = 1270;
  const html = `<!doctype html><meta charset="utf-8"><body style="margin:70px 80px;font:26px/1.7 'Noto Serif CJK SC',serif;background:#fff;color:#111">${scanned
    .map((text) => `<p style="text-indent:2em;margin:0 0 12px">${text}</p>`)
    .join("")}</body>`;
  write("scanned.pdf", imagePdf(await scannedPage(html, width, height), width, height));
  write("scanned.body.txt", scanned.join("\n"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
