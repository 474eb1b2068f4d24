// `npm run bench:screening -- FILE.csv [FILE.csv …]`: simulates prioritised screening on labelled datasets
// (columns title, abstract and a label: label_included / included / label) and prints WSS@95, RRF@10 and the
// records screened to find 95 % of the relevant ones, averaged over random starts, beside random order; then the
// time of one retrain at 10,000 records. Defaults to the two datasets in ../shared/fixtures/screening/.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { buildFeatureSpace } from "@/lib/screening/ranking/features";
import { relevantRecordsFound, screenedToRecall, workSavedOverSampling } from "@/lib/screening/ranking/metrics";
import { RANKING_L2, rankRecords } from "@/lib/screening/ranking/ranking";
import { simulateScreening } from "@/lib/screening/ranking/simulate";

const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const RETRAIN_EVERY = Number(process.env.BENCH_RETRAIN_EVERY ?? 5);
const root = path.resolve(import.meta.dirname, "..");

function datasets(): string[] {
  const given = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  if (given.length) return given;
  const folder = path.resolve(root, "../shared/fixtures/screening");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".csv"))
    .map((name) => path.join(folder, name));
}

function load(file: string) {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const labelColumn = ["label_included", "included", "label", "label_abstract_screening"].find(
    (c) => c in (rows[0] ?? {}),
  );
  if (!labelColumn) throw new Error(`${file}: no label column (label_included, included or label)`);
  return rows.map((row) => ({
    text: {
      title: row.title ?? "",
      abstract: row.abstract ?? "",
      keywords: row.keywords ?? "",
      journal: row.journal ?? "",
    },
    relevant: row[labelColumn] === "1",
  }));
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

for (const file of process.argv.includes("--retrain-only") ? [] : datasets()) {
  const records = load(file);
  const labels = records.map((r) => r.relevant);
  const space = buildFeatureSpace(records.map((r) => r.text));
  const model = { wss: [] as number[], rrf: [] as number[], n95: [] as number[], ms: [] as number[] };
  const baseline = { wss: [] as number[], rrf: [] as number[], n95: [] as number[] };
  for (let seed = 1; seed <= STARTS; seed++) {
    const run = simulateScreening(space.names.length, space.vectors, labels, {
      seed,
      retrainEvery: RETRAIN_EVERY,
      training: {
        l2: process.env.BENCH_L2 ? Number(process.env.BENCH_L2) : RANKING_L2,
        epochs: process.env.BENCH_EPOCHS ? Number(process.env.BENCH_EPOCHS) : undefined,
      },
    });
    model.wss.push(workSavedOverSampling(run.order));
    model.rrf.push(relevantRecordsFound(run.order));
    model.n95.push(screenedToRecall(run.order, 0.95));
    model.ms.push(mean(run.retrainMs));
    const shuffled = simulateScreening(space.names.length, space.vectors, labels, { seed, randomOrder: true });
    baseline.wss.push(workSavedOverSampling(shuffled.order));
    baseline.rrf.push(relevantRecordsFound(shuffled.order));
    baseline.n95.push(screenedToRecall(shuffled.order, 0.95));
  }
  console.log(
    `${path.basename(file)}: ${records.length} records, ${labels.filter(Boolean).length} relevant, ${space.names.length} features, ${STARTS} starts, retrain every ${RETRAIN_EVERY}`,
  );
  console.log(
    `  model   WSS@95 ${pct(mean(model.wss))}  RRF@10 ${pct(mean(model.rrf))}  screened to 95 % ${mean(model.n95).toFixed(0)}  (retrain + rank ${mean(model.ms).toFixed(1)} ms on average)`,
  );
  console.log(
    `  random  WSS@95 ${pct(mean(baseline.wss))}  RRF@10 ${pct(mean(baseline.rrf))}  screened to 95 % ${mean(baseline.n95).toFixed(0)}`,
  );
}

// One retrain at review scale, as the background job does it: 10,000 records, 2,000 of them decided. The first
// retrain segments and stems every record; the worker keeps those term counts, so the next one reuses them.
{
  const records = load(datasets()[0]!);
  const input = Array.from({ length: 10_000 }, (_, i) => ({
    id: `record-${i}`,
    stamp: "1",
    text: records[i % records.length]!.text,
    relevant: i < 2_000 ? records[i % records.length]!.relevant : null,
  }));
  let started = performance.now();
  rankRecords(input);
  const coldMs = performance.now() - started;
  started = performance.now();
  rankRecords(input);
  const warmMs = performance.now() - started;
  console.log(
    `retrain at 10,000 records (2,000 decided): first ${coldMs.toFixed(0)} ms (segmenting and stemming every record), then ${warmMs.toFixed(0)} ms per retrain`,
  );
}
