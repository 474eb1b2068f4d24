import { describe, expect, it } from "vitest";
import { coincidences, krippendorffAlphaNominal, mergeCoincidences, alphaOfCoincidences } from "./krippendorff";

/** Reliability data as printed: one row per coder, one column per unit, "." where the coder gave no value. */
function columns(rows: string[]): { values: (string | null)[] }[] {
  const cells = rows.map((row) => row.trim().split(/\s+/));
  return cells[0]!.map((_, unit) => ({ values: cells.map((row) => (row[unit] === "." ? null : row[unit]!)) }));
}

describe("Krippendorff's alpha (nominal)", () => {
  it("matches Krippendorff (2011), section C: four observers, twelve units, missing values → α = 0.743", () => {
    const units = columns([
      "1 2 3 3 2 1 4 1 2 . . .",
      "1 2 3 3 2 2 4 1 2 5 . 3",
      ". 3 3 3 2 3 4 2 2 5 1 .",
      "1 2 3 3 2 4 4 1 2 5 1 .",
    ]);
    const result = krippendorffAlphaNominal(units);
    // Units 11 and 12 hold fewer than two values…
    expect(result.pairable).toBe(40);
    expect(result.alpha).toBeCloseTo(0.743, 3);
  });

  it("matches Krippendorff (2011), section A: two observers, binary data, ten units → α = 0.095", () => {
    const units = columns(["0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0"]);
    expect(krippendorffAlphaNominal(units).alpha).toBeCloseTo(0.095, 3);
  });

  it("weights identical units and merges coincidence matrices without changing the result", () => {
    const repeated = krippendorffAlphaNominal([
      { values: ["1", "1"], weight: 30 },
      { values: ["1", "0"], weight: 5 },
      { values: ["0", "0"], weight: 15 },
    ]);
    const listed = krippendorffAlphaNominal([
      ...Array.from({ length: 30 }, () => ({ values: ["1", "1"] })),
      ...Array.from({ length: 5 }, () => ({ values: ["1", "0"] })),
      ...Array.from({ length: 15 }, () => ({ values: ["0", "0"] })),
    ]);
    expect(repeated.alpha).toBeCloseTo(listed.alpha!, 10);
    const merged = mergeCoincidences(
      coincidences([{ values: ["1", "1"], weight: 30 }]),
      coincidences([
        { values: ["1", "0"], weight: 5 },
        { values: ["0", "0"], weight: 15 },
      ]),
    );
    expect(alphaOfCoincidences(merged).alpha).toBeCloseTo(listed.alpha!, 10);
    expect(repeated.agreement).toBeCloseTo(45 / 50);
  });

  it("is 1 for perfect agreement and undefined without variation or pairable values", () => {
    expect(krippendorffAlphaNominal(columns(["a b a", "a b a", "a b ."])).alpha).toBe(1);
    expect(krippendorffAlphaNominal(columns(["a a", "a a"])).alpha).toBeNull();
    expect(krippendorffAlphaNominal(columns(["a .", ". b"])).alpha).toBeNull();
  });
});
