// OCR for pages without a text layer (scans), with Debian's Tesseract (`tesseract-ocr`, `-chi-sim`, `-eng`)
// called as a program. A scanned page is an image painted over the page: pdf.js decodes it (no canvas needed),
// we hand it to Tesseract as a PNM file and join its lines as layout.ts does (no spaces inside Chinese).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { joinLines, tidySpaces } from "./layout";
import { openPdf, type ExtractedPdf } from "./pdf-extract";

const run = promisify(execFile);
export const OCR_LANGUAGES = "chi_sim+eng";

/** Whether Tesseract is installed with the Chinese and English models; the reason in words when it is not. */
export async function ocrAvailability(): Promise<{ available: true } | { available: false; reason: string }> {
  const command = process.env.HUITONG_TESSERACT ?? "tesseract";
  try {
    const { stdout, stderr } = await run(command, ["--list-langs"], { timeout: 10_000 });
    const languages = `${stdout}\n${stderr}`.split(/\s+/);
    const missing = OCR_LANGUAGES.split("+").filter((language) => !languages.includes(language));
    if (missing.length > 0) return { available: false, reason: `language data missing: ${missing.join(", ")}` };
    return { available: true };
  } catch {
    return { available: false, reason: `${command} is not installed` };
  }
}

interface DecodedImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 = 1 bit grey, 2 = RGB, 3 = RGBA. */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** A decoded pdf.js image as a binary PNM (P5 grey or P6 colour), which Tesseract's Leptonica reads. */
export function toPnm(image: DecodedImage): Buffer {
  const { width, height, kind, data } = image;
  if (kind === 2) return Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), Buffer.from(data)]);
  const grey = Buffer.alloc(width * height);
  if (kind === 3) {
    for (let i = 0; i < width * height; i++) {
      grey[i] = Math.round(0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!);
    }
  } else {
    const rowBytes = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        grey[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
      }
    }
  }
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), grey]);
}

/** Tesseract's output as paragraphs: lines joined (Chinese without spaces), blank lines between paragraphs. */
export function ocrParagraphs(output: string): string[] {
  return output
    .replace(/\f/g, "")
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => tidySpaces(line))
        .filter(Boolean)
        .reduce((joined, line) => (joined ? joinLines(joined, line) : line), ""),
    )
    .filter(Boolean);
}

export async function ocrPdf(
  filePath: string,
  onProgress: (pagesDone: number, pageCount: number) => void = () => {},
): Promise<ExtractedPdf> {
  const { readFile } = await import("node:fs/promises");
  const document = await openPdf(new Uint8Array(await readFile(filePath)));
  const { OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const workDir = await mkdtemp(path.join(tmpdir(), "huitong-ocr-"));
  const command = process.env.HUITONG_TESSERACT ?? "tesseract";
  try {
    let text = "";
    const pageStarts: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const operators = await page.getOperatorList();
      const names: string[] = [];
      operators.fnArray.forEach((fn, index) => {
        if (fn === OPS.paintImageXObject || fn === OPS.paintImageXObjectRepeat) {
          names.push(operators.argsArray[index]![0] as string);
        }
      });
      const images = await Promise.all(
        names.map(
          (name) =>
            new Promise<DecodedImage | null>((resolve) => {
              const store = name.startsWith("g_") ? page.commonObjs : page.objs;
              store.get(name, (image: DecodedImage | null) => resolve(image?.data ? image : null));
            }),
        ),
      );
      // The page's scan is its largest image.
      const scan = images
        .filter((image): image is DecodedImage => image !== null)
        .sort((a, b) => b.width * b.height - a.width * a.height)[0];
      pageStarts.push(text.length + (text ? 1 : 0));
      if (scan) {
        const imagePath = path.join(workDir, `page-${number}.pnm`);
        await writeFile(imagePath, toPnm(scan));
        const { stdout } = await run(command, [imagePath, "stdout", "-l", OCR_LANGUAGES, "--psm", "3"], {
          timeout: 300_000,
          maxBuffer: 16 * 1024 * 1024,
        });
        const paragraphs = ocrParagraphs(stdout);
        if (paragraphs.length > 0) text += (text ? "\n" : "") + paragraphs.join("\n");
        else pageStarts[pageStarts.length - 1] = text.length;
      } else {
        pageStarts[pageStarts.length - 1] = text.length;
      }
      page.cleanup();
      onProgress(number, document.numPages);
    }
    return {
      text,
      pageStarts: pageStarts.map((start) => Math.min(start, text.length)),
      footnotes: [],
      pageCount: document.numPages,
      pagesWithoutText: [],
      metadata: { title: null, author: null, subject: null, doi: null },
    };
  } finally {
    await document.destroy();
    await rm(workDir, { recursive: true, force: true });
  }
}
