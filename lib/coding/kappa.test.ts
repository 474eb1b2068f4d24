import { describe, expect, it } from "vitest";
import { cohenKappa, kappaBand, kappaOfTable, pooledKappa } from "./kappa";

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

describe("Cohen's kappa from a 2×2 table (character counts)", () => {
  // The two tables with the same 60 % agreement and different kappas, from the textbook discussion of kappa's
  // dependence on marginals (Feinstein & Cicchetti 1990; Wikipedia's "Cohen's kappa").
  const skewed = { both: 45, firstOnly: 15, secondOnly: 25, neither: 15 };
  const crossed = { both: 25, firstOnly: 35, secondOnly: 5, neither: 35 };

  it("gives 0.1304 and 0.2593 for two tables that both agree 60 % of the time", () => {
    expect(kappaOfTable(skewed).agreement).toBeCloseTo(0.6);
    expect(kappaOfTable(skewed).kappa).toBeCloseTo(0.1304, 4);
    expect(kappaOfTable(crossed).agreement).toBeCloseTo(0.6);
    expect(kappaOfTable(crossed).kappa).toBeCloseTo(0.2593, 4);
  });

  it("agrees with the unit-by-unit computation", () => {
    const table = { both: 20, firstOnly: 5, secondOnly: 10, neither: 15 };
    expect(kappaOfTable(table)).toEqual(
      cohenKappa(
        units([
          [true, true, 20],
          [true, false, 5],
          [false, true, 10],
          [false, false, 15],
        ]),
      ),
    );
  });

  it("pools many codes as de Vries et al. (2008): mean observed and mean chance agreement", () => {
    // P̄o = 0.6, P̄e = (0.54 + 0.46) / 2 = 0.5 → (0.6 − 0.5) / (1 − 0.5) = 0.2, not the mean of the two kappas.
    const pooled = pooledKappa([skewed, crossed]);
    expect(pooled.agreement).toBeCloseTo(0.6);
    expect(pooled.kappa).toBeCloseTo(0.2, 10);
    expect(pooledKappa([skewed]).kappa).toBeCloseTo(kappaOfTable(skewed).kappa!, 10);
    expect(pooledKappa([{ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 }])).toEqual({
      agreement: null,
      kappa: null,
    });
  });
});
