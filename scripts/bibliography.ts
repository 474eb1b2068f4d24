// npm run bibliography -- FILE [--style gbt7714-numeric|gbt7714-author-date|apa] [--locale zh-CN|en-US]
// Prints the bibliography of a reference file (RIS, BibTeX, CSL-JSON, EndNote, NoteExpress, RefWorks), one entry
// per line on stdout; what was skipped or is incomplete goes to stderr, so stdout compares cleanly.
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatBibliographyFile } from "@/lib/bibliography/format-file";
import { AppError } from "@/lib/errors/app-error";
import { CITATION_STYLES, type CitationLocale, type CitationStyle } from "@/lib/synthesis/citations";

const USAGE =
  "usage: npm run bibliography -- FILE [--style gbt7714-numeric|gbt7714-author-date|apa] [--locale zh-CN|en-US]";

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let style: CitationStyle = "gbt7714-numeric";
let locale: CitationLocale = "zh-CN";
for (let index = 0; index < args.length; index++) {
  const arg = args[index]!;
  const value = () => args[++index] ?? fail(`${arg} needs a value`);
  if (arg === "--style") {
    const given = value();
    if (!(CITATION_STYLES as readonly string[]).includes(given)) fail(`unknown style: ${given}`);
    style = given as CitationStyle;
  } else if (arg === "--locale") {
    const given = value();
    if (given !== "zh-CN" && given !== "en-US") fail(`unknown locale: ${given}`);
    locale = given;
  } else if (arg === "--help" || arg === "-h") {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (arg.startsWith("--")) fail(`unknown option: ${arg}`);
  else if (file) fail(`one file at a time (got ${file} and ${arg})`);
  else file = arg;
}
if (!file) fail("no file given");

let bytes: Uint8Array;
try {
  bytes = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}

try {
  const result = formatBibliographyFile(path.basename(file), bytes, { style, locale });
  for (const entry of result.entries) process.stdout.write(`${entry.text}\n`);
  for (const entry of result.entries) {
    if (entry.missing.length > 0) {
      process.stderr.write(`line ${entry.line}: incomplete, missing ${entry.missing.join(", ")}\n`);
    }
  }
  for (const record of result.skipped) {
    process.stderr.write(`line ${record.line}: skipped (${record.reasons.join(", ")})\n`);
  }
} catch (error) {
  if (error instanceof AppError) fail(`${file}: ${error.code} ${error.message}`);
  throw error;
}
