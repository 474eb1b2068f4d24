// Draws the PRISMA 2020 flow diagram as a standalone SVG document: the page shows it inline and the export
// route sends the same text, so what you see is what you download.
import type { PrismaFlowCounts } from "./prisma-flow";

export interface PrismaLabels {
  title: string;
  identification: string;
  screening: string;
  included: string;
  identified: string;
  /** "Other methods — citation searching", PRISMA 2020's second identification column. */
  otherMethods: string;
  duplicates: string;
  screened: string;
  awaiting: string;
  notScreened: string;
  excludedAtScreening: string;
  assessed: string;
  excludedAfterScreening: string;
  includedStudies: string;
  /** "n = {n}" in the reader's language. */
  count: (n: number) => string;
  source: (source: string) => string;
  reason: (reason: { labelZh: string; labelEn: string }) => string;
}

const FONT = `"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif`;
const LINE = 18;
const PAD = 12;
const LEFT_X = 150;
const BOX_W = 300;
const RIGHT_X = 500;
const RIGHT_W = 300;
const WIDTH = 830;

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

interface Box {
  lines: { text: string; bold?: boolean; indent?: boolean }[];
}

function boxHeight(box: Box): number {
  return box.lines.length * LINE + PAD * 2 - 4;
}

function drawBox(x: number, y: number, width: number, height: number, box: Box, fill: string): string {
  const text = box.lines
    .map(
      (line, index) =>
        `<text x="${x + PAD + (line.indent ? 12 : 0)}" y="${y + PAD + 10 + index * LINE}" font-size="13"${line.bold ? ' font-weight="600"' : ""}>${escapeXml(line.text)}</text>`,
    )
    .join("");
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="${fill}" stroke="#57534e" stroke-width="1.2"/>${text}`;
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#44403c" stroke-width="1.4" marker-end="url(#arrow)"/>`;
}

export function renderPrismaSvg(counts: PrismaFlowCounts, labels: PrismaLabels): string {
  const reasonLines = (reasons: PrismaFlowCounts["excludedAtScreeningByReason"]) =>
    reasons.map((reason) => ({ text: `${labels.reason(reason)}: ${reason.count}`, indent: true }));
  const rows: { phase: string; left: Box; right: Box | null }[] = [
    {
      phase: labels.identification,
      left: {
        lines: [
          { text: labels.identified, bold: true },
          { text: labels.count(counts.identified) },
          ...counts.identifiedBySource.map((row) => ({
            text: `${labels.source(row.source)}: ${row.count}`,
            indent: true,
          })),
          { text: `${labels.otherMethods}: ${counts.identifiedByOtherMethods}`, indent: true },
        ],
      },
      right: { lines: [{ text: labels.duplicates, bold: true }, { text: labels.count(counts.duplicatesRemoved) }] },
    },
    {
      phase: labels.screening,
      left: {
        lines: [
          { text: labels.screened, bold: true },
          { text: labels.count(counts.screened) },
          {
            text: `${counts.stoppedByRule ? labels.notScreened : labels.awaiting}: ${counts.awaitingScreening}`,
            indent: true,
          },
        ],
      },
      right: {
        lines: [
          { text: labels.excludedAtScreening, bold: true },
          { text: labels.count(counts.excludedAtScreening) },
          ...reasonLines(counts.excludedAtScreeningByReason),
        ],
      },
    },
    {
      phase: labels.screening,
      left: { lines: [{ text: labels.assessed, bold: true }, { text: labels.count(counts.assessedForEligibility) }] },
      right: {
        lines: [
          { text: labels.excludedAfterScreening, bold: true },
          { text: labels.count(counts.excludedAfterScreening) },
          ...reasonLines(counts.excludedAfterScreeningByReason),
        ],
      },
    },
    {
      phase: labels.included,
      left: { lines: [{ text: labels.includedStudies, bold: true }, { text: labels.count(counts.included) }] },
      right: null,
    },
  ];

  const parts: string[] = [];
  let y = 56;
  const placed: { top: number; height: number; phase: string }[] = [];
  for (const [index, row] of rows.entries()) {
    const height = Math.max(boxHeight(row.left), row.right ? boxHeight(row.right) : 0);
    parts.push(drawBox(LEFT_X, y, BOX_W, height, row.left, "#ffffff"));
    if (row.right) {
      parts.push(drawBox(RIGHT_X, y, RIGHT_W, height, row.right, "#fafaf9"));
      parts.push(arrow(LEFT_X + BOX_W, y + height / 2, RIGHT_X - 2, y + height / 2));
    }
    if (index > 0) parts.push(arrow(LEFT_X + BOX_W / 2, y - 28, LEFT_X + BOX_W / 2, y - 2));
    placed.push({ top: y, height, phase: row.phase });
    y += height + 30;
  }
  // Phase bands on the left, merged where consecutive rows share a phase (screening spans two rows).
  const bands: { phase: string; top: number; bottom: number }[] = [];
  for (const row of placed) {
    const last = bands.at(-1);
    if (last && last.phase === row.phase) last.bottom = row.top + row.height;
    else bands.push({ phase: row.phase, top: row.top, bottom: row.top + row.height });
  }
  for (const band of bands) {
    const middle = (band.top + band.bottom) / 2;
    parts.push(
      `<rect x="20" y="${band.top}" width="34" height="${band.bottom - band.top}" rx="6" fill="#ccfbf1" stroke="#0f766e" stroke-width="1"/>`,
      `<text x="37" y="${middle}" font-size="13" font-weight="600" fill="#134e4a" text-anchor="middle" dominant-baseline="middle" transform="rotate(-90 37 ${middle})">${escapeXml(band.phase)}</text>`,
    );
  }
  const height = y - 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(labels.title)}" font-family='${FONT}' fill="#1c1917">`,
    `<title>${escapeXml(labels.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#44403c"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="30" font-size="16" font-weight="600" text-anchor="middle">${escapeXml(labels.title)}</text>`,
    ...parts,
    `</svg>`,
  ].join("");
}
