// L2-regularised logistic regression with class-balanced weights, trained by stochastic gradient descent on
// sparse vectors. Relevant records are a few percent of a search result, so each class carries half the loss:
// without that, "exclude everything" is nearly optimal and the ranking learns little from the first inclusions.
import type { SparseVector } from "./features";

export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainingOptions {
  epochs?: number;
  l2?: number;
  learningRate?: number;
  /** Deterministic shuffling, so a retrain on the same decisions gives the same ranking. */
  seed?: number;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function dot(weights: Float64Array, vector: SparseVector): number {
  let sum = 0;
  for (let k = 0; k < vector.indices.length; k++) sum += weights[vector.indices[k]!]! * vector.values[k]!;
  return sum;
}

export function trainLogistic(
  dimension: number,
  examples: { vector: SparseVector; relevant: boolean }[],
  options: TrainingOptions = {},
): LinearModel {
  const epochs = options.epochs ?? 30;
  const l2 = options.l2 ?? 1e-4;
  const baseRate = options.learningRate ?? 0.5;
  const weights = new Float64Array(dimension);
  let bias = 0;
  const positives = examples.filter((e) => e.relevant).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) return { weights, bias: positives ? 1 : -1 };
  const weightOf = (relevant: boolean) => examples.length / (2 * (relevant ? positives : negatives));
  const random = mulberry32(options.seed ?? 1);
  const order = examples.map((_, i) => i);
  // Lazy L2: weights are scaled by one shared factor instead of touching every weight at every step.
  let scale = 1;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { vector, relevant } = examples[index]!;
      const rate = baseRate / (1 + baseRate * l2 * step++);
      const margin = scale * dot(weights, vector) + bias;
      const probability = 1 / (1 + Math.exp(-margin));
      const gradient = (probability - (relevant ? 1 : 0)) * weightOf(relevant);
      scale *= 1 - rate * l2;
      if (scale < 1e-9) {
        for (let w = 0; w < weights.length; w++) weights[w]! *= scale;
        scale = 1;
      }
      const update = (rate * gradient) / scale;
      for (let k = 0; k < vector.indices.length; k++) weights[vector.indices[k]!]! -= update * vector.values[k]!;
      bias -= rate * gradient * 0.1;
    }
  }
  for (let w = 0; w < weights.length; w++) weights[w]! *= scale;
  return { weights, bias };
}

export function probability(model: LinearModel, vector: SparseVector): number {
  return 1 / (1 + Math.exp(-(dot(model.weights, vector) + model.bias)));
}
