// `npm run bench:gbt`: how close our GB/T 7714-2015 numeric bibliography is to the reference implementation.
// Each CSL-JSON set goes through the app's own path (import pipeline → item fields → toCslItem → the bundled
// style with our typography, `npm run bibliography`) and, separately, straight into citeproc-js with the GB/T
// styles as published in shared/csl (the official numeric style and the bilingual one the app bundles).
// Prints identical / total per set, per style and per CSL type, and how many differ only by the deviations
// documented in lib/synthesis/csl/README.md; `--diffs` prints every other difference.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatBibliographyFile } from "@/lib/bibliography/format-file";
import { renderWithCiteproc, withDeliberateDeviations } from "@/lib/bibliography/reference-implementation";
import { root } from "./support";

const SHARED_CSL = process.env.CSL_DIR ?? path.resolve(root, "..", "shared", "csl");
const STYLES = [
  ["bilingual", "gb-t-7714-2015-numeric-bilingual.csl"],
  ["official", "gb-t-7714-2015-numeric.csl"],
] as const;
const SETS = [
  ["mixed types (ours)", path.join(root, "lib/bibliography/fixtures/gbt-mixed-types.json")],
  [
    "standard's examples",
    path.resolve(root, "..", "shared", "fixtures", "csl-json", "zotero-chinese_gbt7714-data.json"),
  ],
] as const;
const showDiffs = process.argv.includes("--diffs");

const strip = (text: string) => text.replace(/^\[\d+\]\s*/, "").trim();

function main() {
  const styles = STYLES.flatMap(([label, file]) => {
    const full = path.join(SHARED_CSL, file);
    if (existsSync(full)) return [{ label, xml: readFileSync(full, "utf8") }];
    console.log(`(skipped ${label}: ${full} not found; set CSL_DIR)`);
    return [];
  });
  for (const [setLabel, file] of SETS) {
    if (!existsSync(file)) {
      console.log(`(skipped "${setLabel}": ${file} not found)`);
      continue;
    }
    const bytes = readFileSync(file);
    const items = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>[];
    const ours = formatBibliographyFile(path.basename(file), bytes, { style: "gbt7714-numeric", locale: "zh-CN" });
    // The importer numbers entries in file order, as citeproc does for a numeric style.
    const ourText = ours.entries.map((entry) => strip(entry.text));
    console.log(`\n${setLabel}: ${items.length} references (${ours.skipped.length} kept out by the importer)`);
    for (const style of styles) {
      const theirs = renderWithCiteproc(items, style.xml).map((entry) => strip(entry.text));
      const byType = new Map<string, [number, number]>();
      let identical = 0;
      let deliberate = 0;
      const diffs: string[] = [];
      items.forEach((item, index) => {
        const type = String(item.type);
        const same = ourText[index] === theirs[index];
        const explained = !same && ourText[index] === withDeliberateDeviations(theirs[index] ?? "", type);
        if (explained) deliberate++;
        const [hit, total] = byType.get(type) ?? [0, 0];
        byType.set(type, [hit + (same ? 1 : 0), total + 1]);
        if (same) identical++;
        else if (!explained)
          diffs.push(`  ${String(item.id)}\n    ours:   ${ourText[index] ?? "(none)"}\n    theirs: ${theirs[index]}`);
      });
      console.log(
        `  vs citeproc-js + ${style.label} GB/T numeric: ${identical}/${items.length} identical, ` +
          `${identical + deliberate}/${items.length} apart from our documented deviations`,
      );
      console.log(`    per type: ${[...byType].map(([type, [hit, total]]) => `${type} ${hit}/${total}`).join(", ")}`);
      if (showDiffs) console.log(diffs.join("\n"));
    }
  }
}

main();
