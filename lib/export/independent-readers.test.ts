// Every export read back by tools this project did not write: pandoc (BibTeX, BibLaTeX, CSL-JSON) and bibutils
// (RIS, BibTeX, BibLaTeX). Each must read every record and report no error. Skipped, with a message, where the
// tools are not installed (apt-get install -y pandoc bibutils; .ci/run installs them).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIXED_CORPUS } from "./fixtures/mixed-corpus";
import { formatItems } from "./items";

function installed(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const hasPandoc = installed("pandoc");
const hasBibutils = installed("ris2xml") && installed("bib2xml") && installed("biblatex2xml");
if (!hasPandoc) console.warn("skipping the pandoc read-back: pandoc is not installed");
if (!hasBibutils) console.warn("skipping the bibutils read-back: bibutils is not installed");

const dir = mkdtempSync(path.join(tmpdir(), "huitong-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Error lines in a tool's messages; bibutils's notes on tags it has no MODS field for are not errors. */
function errors(stderr: string): string[] {
  return stderr.split("\n").filter((line) => /error|fatal|cannot|failed|unexpected/i.test(line));
}

describe.skipIf(!hasPandoc)("pandoc reads the exports", () => {
  it.each([
    ["bibtex", "bibtex", "library.bib"],
    ["biblatex", "biblatex", "library.biblatex.bib"],
    ["csl-json", "csljson", "library.json"],
  ] as const)("%s (pandoc -f %s -t csljson)", (format, reader, name) => {
    const file = write(name, formatItems(MIXED_CORPUS, format));
    const result = run("pandoc", ["-f", reader, "-t", "csljson", file]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const items = JSON.parse(result.stdout) as { title?: string; author?: unknown[] }[];
    expect(items).toHaveLength(MIXED_CORPUS.length);
    // Read, not just counted: the escaped title comes back as written.
    expect(items.map((item) => item.title)).toContain(
      "Costs of 50% & more: #1 issues with $ and _ in {braced} ~ titles",
    );
    expect(items.map((item) => item.title)).toContain("信息与文献\u3000参考文献著录规则");
  });
});

describe.skipIf(!hasBibutils)("bibutils reads the exports", () => {
  it.each([
    ["ris", "ris2xml", "library.ris"],
    ["bibtex", "bib2xml", "library.bib"],
    ["biblatex", "biblatex2xml", "library.biblatex.bib"],
  ] as const)("%s (%s)", (format, command, name) => {
    const file = write(name, formatItems(MIXED_CORPUS, format));
    const result = run(command, [file]);
    expect(result.status).toBe(0);
    expect(errors(result.stderr)).toEqual([]);
    expect(result.stdout.match(/<mods /g)?.length ?? 0).toBe(MIXED_CORPUS.length);
    expect(result.stderr).toContain(`Processed ${MIXED_CORPUS.length} references`);
  });
});
