import { describe, expect, it } from "vitest";
import { characterAgreement, type CodedSpan } from "./character-agreement";
import { cohenKappa } from "./kappa";
import { krippendorffAlphaNominal } from "./krippendorff";

const span = (coderId: string, itemId: string, start: number, end: number, themeIds: string[], field = "FULL_TEXT") =>
  ({ coderId, itemId, field, start, end, themeIds }) satisfies CodedSpan;

describe("character-level agreement", () => {
  const twoCoders = characterAgreement({
    coderIds: ["a", "b"],
    themeIds: ["T", "U", "V"],
    papers: [
      { itemId: "p", lengths: { FULL_TEXT: 100, ABSTRACT_ZH: 30 } },
      { itemId: "only-a", lengths: { FULL_TEXT: 50 } },
    ],
    spans: [
      span("a", "p", 0, 40, ["T"]),
      span("b", "p", 20, 60, ["T"]),
      span("a", "p", 50, 70, ["U"]),
      span("b", "p", 50, 70, ["U"]),
      // Overlapping passages of one coder count each character once.
      span("b", "p", 55, 65, ["U"]),
      span("a", "only-a", 0, 10, ["T"]),
    ],
  });

  it("counts characters coded by A, by B, by both and by neither, as NVivo's coding comparison does", () => {
    const cell = twoCoders.cells.find((c) => c.themeId === "T" && c.itemId === "p")!.figures;
    // Only the full text was coded, so the abstract is not compared.
    expect(cell.characters).toBe(100);
    expect(cell.coded).toEqual([40, 40]);
    expect(cell.table).toEqual({ both: 20, firstOnly: 20, secondOnly: 20, neither: 40 });
    expect(cell.agreement).toBeCloseTo(0.6);
    // Po = 0.6, Pe = 0.4·0.4 + 0.6·0.6 = 0.52 → κ = 0.08 / 0.48.
    expect(cell.kappa).toBeCloseTo(0.08 / 0.48, 10);
    // n = 200 values, 80 coded, 80 disagreeing: α = 1 − (199 · 80) / (2 · 80 · 120).
    expect(cell.alpha).toBeCloseTo(1 - (199 * 80) / (2 * 80 * 120), 10);
  });

  it("leaves out papers only one coder coded, and themes nobody coded in a paper", () => {
    expect(twoCoders.itemIds).toEqual(["p"]);
    expect(twoCoders.cells.map((c) => `${c.themeId}/${c.itemId}`)).toEqual(["T/p", "U/p"]);
    const unused = twoCoders.themes.find((t) => t.themeId === "V")!.figures;
    expect(unused.table).toEqual({ both: 0, firstOnly: 0, secondOnly: 0, neither: 100 });
    expect(unused.kappa).toBeNull();
  });

  it("gives one kappa for all themes at once: the pooled kappa", () => {
    expect(twoCoders.cells.find((c) => c.themeId === "U")!.figures.kappa).toBe(1);
    // T: Po 0.6, Pe 0.52; U: Po 1, Pe 0.2·0.2 + 0.8·0.8 = 0.68; V: Po 1, Pe 1 → P̄o = 2.6/3, P̄e = 2.2/3.
    expect(twoCoders.overall.kappa).toBeCloseTo((2.6 / 3 - 2.2 / 3) / (1 - 2.2 / 3), 10);
  });

  it("compares every text of a paper that either coder coded in", () => {
    const report = characterAgreement({
      coderIds: ["a", "b"],
      themeIds: ["T"],
      papers: [{ itemId: "p", lengths: { FULL_TEXT: 100, ABSTRACT_ZH: 30 } }],
      spans: [span("a", "p", 0, 10, ["T"], "ABSTRACT_ZH"), span("b", "p", 0, 10, ["T"])],
    });
    expect(report.cells[0]!.figures.table).toEqual({ both: 0, firstOnly: 10, secondOnly: 10, neither: 110 });
  });

  it("matches a character-by-character computation for three coders with a missing one", () => {
    // A deterministic scatter of passages over two papers; coder c never codes paper q.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const lengths = { p: 300, q: 200 } as const;
    const spans: CodedSpan[] = [];
    for (const coderId of ["a", "b", "c"])
      for (const itemId of ["p", "q"] as const) {
        if (coderId === "c" && itemId === "q") continue;
        for (let i = 0; i < 6; i++) {
          const start = next(lengths[itemId]);
          spans.push(span(coderId, itemId, start, start + 1 + next(60), [next(2) ? "T" : "U"]));
        }
      }
    const report = characterAgreement({
      coderIds: ["a", "b", "c"],
      themeIds: ["T", "U"],
      papers: [
        { itemId: "p", lengths: { FULL_TEXT: lengths.p } },
        { itemId: "q", lengths: { FULL_TEXT: lengths.q } },
      ],
      spans,
    });
    const codes = (coderId: string, itemId: "p" | "q", themeId: string, at: number) =>
      spans.some(
        (s) =>
          s.coderId === coderId &&
          s.itemId === itemId &&
          s.themeIds.includes(themeId) &&
          s.start <= at &&
          at < Math.min(s.end, lengths[itemId]),
      );
    const units = (themeIds: string[], items: ("p" | "q")[]) =>
      themeIds.flatMap((themeId) =>
        items.flatMap((itemId) =>
          Array.from({ length: lengths[itemId] }, (_, at) => ({
            values: ["a", "b", "c"].map((coderId) =>
              coderId === "c" && itemId === "q" ? null : codes(coderId, itemId, themeId, at) ? "1" : "0",
            ),
          })),
        ),
      );
    expect(report.overall.alpha).toBeCloseTo(krippendorffAlphaNominal(units(["T", "U"], ["p", "q"])).alpha!, 10);
    const theme = report.themes.find((t) => t.themeId === "T")!.figures;
    expect(theme.alpha).toBeCloseTo(krippendorffAlphaNominal(units(["T"], ["p", "q"])).alpha!, 10);
    // Light's kappa: the mean of the pairs' kappas, each over the papers both coders of the pair coded.
    const pairKappa = (x: string, y: string, items: ("p" | "q")[]) =>
      cohenKappa(
        items.flatMap((itemId) =>
          Array.from(
            { length: lengths[itemId] },
            (_, at) => [codes(x, itemId, "T", at), codes(y, itemId, "T", at)] as const,
          ),
        ),
      ).kappa!;
    const light = (pairKappa("a", "b", ["p", "q"]) + pairKappa("a", "c", ["p"]) + pairKappa("b", "c", ["p"])) / 3;
    expect(theme.kappa).toBeCloseTo(light, 10);
    expect(theme.coded[2]).toBe(
      Array.from({ length: lengths.p }, (_, at) => codes("c", "p", "T", at)).filter(Boolean).length,
    );
  });
});
