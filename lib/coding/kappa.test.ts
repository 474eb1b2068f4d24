import { describe, expect, it } from "vitest";
import { cohenKappa, kappaBand } from "./kappa";

const units = (pairs: [boolean, boolean, number][]) =>
  pairs.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b] as const));

describe("Cohen's kappa", () => {
  it("matches the textbook example (20/5/10/15 → 0.4)", () => {
    const result = cohenKappa(
      units([
        [true, true, 20],
        [true, false, 5],
        [false, true, 10],
        [false, false, 15],
      ]),
    );
    expect(result.agreement).toBeCloseTo(0.7);
    expect(result.kappa).toBeCloseTo(0.4);
    expect([result.both, result.firstOnly, result.secondOnly, result.neither]).toEqual([20, 5, 10, 15]);
  });

  it("is 1 for perfect agreement and undefined when there is nothing to compare", () => {
    expect(
      cohenKappa(
        units([
          [true, true, 3],
          [false, false, 2],
        ]),
      ).kappa,
    ).toBe(1);
    expect(cohenKappa([]).kappa).toBeNull();
    expect(cohenKappa(units([[true, true, 4]])).kappa).toBeNull();
  });

  it("goes negative when coders disagree more than chance", () => {
    expect(
      cohenKappa(
        units([
          [true, false, 5],
          [false, true, 5],
        ]),
      ).kappa,
    ).toBeLessThan(0);
    expect(kappaBand(-0.1)).toBe("poor");
    expect(kappaBand(0.7)).toBe("substantial");
  });
});
