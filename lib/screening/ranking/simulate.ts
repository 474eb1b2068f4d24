// Replays a labelled review the way the app would screen it: start from one relevant and one irrelevant record,
// always screen the record the model ranks highest, retrain after every few decisions. Used by the benchmark
// and by the tests that hold the model to a minimum quality.
import type { SparseVector } from "./features";
import { probability, trainLogistic, type TrainingOptions } from "./model";

export interface SimulationOptions {
  retrainEvery?: number;
  seed?: number;
  training?: TrainingOptions;
  /** Screen in random order instead: the baseline every prioritisation is compared with. */
  randomOrder?: boolean;
}

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the labels in screening order, the two prior records first, and the time each retrain took. */
export function simulateScreening(
  dimension: number,
  vectors: SparseVector[],
  labels: boolean[],
  options: SimulationOptions = {},
): { order: boolean[]; retrainMs: number[] } {
  const next = random(options.seed ?? 7);
  const relevant = labels.flatMap((label, i) => (label ? [i] : []));
  const irrelevant = labels.flatMap((label, i) => (label ? [] : [i]));
  const priors = [relevant[Math.floor(next() * relevant.length)]!, irrelevant[Math.floor(next() * irrelevant.length)]!];
  const screened = new Set(priors);
  const order = priors.map((i) => labels[i]!);
  const retrainMs: number[] = [];
  const remaining = () => labels.map((_, i) => i).filter((i) => !screened.has(i));

  if (options.randomOrder) {
    const rest = remaining();
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    return { order: [...order, ...rest.map((i) => labels[i]!)], retrainMs };
  }

  const every = options.retrainEvery ?? 1;
  while (screened.size < labels.length) {
    const started = performance.now();
    const model = trainLogistic(
      dimension,
      [...screened].map((i) => ({ vector: vectors[i]!, relevant: labels[i]! })),
      { ...options.training, seed: screened.size },
    );
    const ranked = remaining()
      .map((i) => ({ i, score: probability(model, vectors[i]!) }))
      .sort((a, b) => b.score - a.score);
    retrainMs.push(performance.now() - started);
    for (const { i } of ranked.slice(0, every)) {
      screened.add(i);
      order.push(labels[i]!);
    }
  }
  return { order, retrainMs };
}
