// Inter-coder agreement at the level of characters, as NVivo's coding comparison measures it: for each theme
// and paper, which characters each coder coded with the theme; from those counts, percentage agreement,
// Cohen's kappa (two coders; Light's mean pairwise kappa for more) and Krippendorff's alpha (nominal, any
// number of coders, a coder who did not code a paper counted as missing rather than as "not coded").
import { kappaOfTable, pooledKappa, type AgreementTable } from "./kappa";
import { alphaOfCoincidences, coincidences, mergeCoincidences, type Coincidences } from "./krippendorff";

/** One coded passage: a coder marked [start, end) of a field of a paper with these themes. */
export interface CodedSpan {
  coderId: string;
  itemId: string;
  field: string;
  start: number;
  end: number;
  themeIds: readonly string[];
}

/** A paper's texts that can be coded, by field, with their lengths in characters. */
export interface PaperTexts {
  itemId: string;
  lengths: Readonly<Record<string, number>>;
}

export interface AgreementFigures {
  /** Characters compared. */
  characters: number;
  /** Characters each coder coded with the theme, in the order of the coders asked for. */
  coded: number[];
  /** With exactly two coders: characters coded by both, by one only, by neither. */
  table: AgreementTable | null;
  /** Share of pairs of judgements (character by character) that agree. */
  agreement: number | null;
  kappa: number | null;
  alpha: number | null;
}

export interface AgreementReport {
  coderIds: string[];
  /** Papers coded (with any theme) by at least two of the coders: the only ones where agreement can be judged. */
  itemIds: string[];
  /** Per theme and paper, for every pair of theme and paper that any of the coders coded. */
  cells: { themeId: string; itemId: string; figures: AgreementFigures }[];
  /** Per theme over all compared papers. */
  themes: { themeId: string; figures: AgreementFigures }[];
  /** All themes at once: the pooled kappa (de Vries et al. 2008) and alpha over every character and theme. */
  overall: { agreement: number | null; kappa: number | null; alpha: number | null };
}

/** Characters by the exact set of coders (a bit mask over the coders' indexes) who coded them. */
type Profile = Map<number, number>;

function addTo(profile: Profile, mask: number, characters: number) {
  if (characters > 0) profile.set(mask, (profile.get(mask) ?? 0) + characters);
}

/** Sweeps one text's spans for one theme into a profile: every boundary starts a run with a fixed coder set. */
function sweep(length: number, spans: readonly { coder: number; start: number; end: number }[], into: Profile) {
  const events: { at: number; coder: number; delta: number }[] = [];
  for (const span of spans) {
    const start = Math.max(0, Math.min(length, span.start));
    const end = Math.max(0, Math.min(length, span.end));
    if (end <= start) continue;
    events.push({ at: start, coder: span.coder, delta: 1 }, { at: end, coder: span.coder, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at);
  const depth = new Map<number, number>();
  let covered = 0;
  let previous = 0;
  let mask = 0;
  for (const event of events) {
    if (event.at > previous && mask !== 0) {
      addTo(into, mask, event.at - previous);
      covered += event.at - previous;
    }
    previous = event.at;
    const next = (depth.get(event.coder) ?? 0) + event.delta;
    depth.set(event.coder, next);
    mask = next > 0 ? mask | (1 << event.coder) : mask & ~(1 << event.coder);
  }
  addTo(into, 0, length - covered);
}

const has = (mask: number, coder: number) => (mask & (1 << coder)) !== 0;

function pairTable(profile: Profile, first: number, second: number): AgreementTable {
  const table = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const [mask, characters] of profile) {
    const a = has(mask, first);
    const b = has(mask, second);
    if (a && b) table.both += characters;
    else if (a) table.firstOnly += characters;
    else if (b) table.secondOnly += characters;
    else table.neither += characters;
  }
  return table;
}

const addTables = (a: AgreementTable, b: AgreementTable): AgreementTable => ({
  both: a.both + b.both,
  firstOnly: a.firstOnly + b.firstOnly,
  secondOnly: a.secondOnly + b.secondOnly,
  neither: a.neither + b.neither,
});

const emptyTable = (): AgreementTable => ({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 });

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length ? defined.reduce((sum, value) => sum + value, 0) / defined.length : null;
}

/** Coded (1) or not (0) for each coder present in the paper; absent coders give no value. */
function unitsOf(profile: Profile, present: number, coderCount: number) {
  return [...profile].map(([mask, characters]) => ({
    values: Array.from({ length: coderCount }, (_, coder) =>
      has(present, coder) ? (has(mask, coder) ? "1" : "0") : null,
    ),
    weight: characters,
  }));
}

export function characterAgreement(input: {
  coderIds: readonly string[];
  themeIds: readonly string[];
  papers: readonly PaperTexts[];
  spans: readonly CodedSpan[];
}): AgreementReport {
  const coderIds = [...input.coderIds];
  const coderIndex = new Map(coderIds.map((id, index) => [id, index]));
  const pairs: [number, number][] = coderIds.flatMap((_, first) =>
    coderIds.slice(first + 1).map((__, offset) => [first, first + 1 + offset] as [number, number]),
  );
  const spans = input.spans.filter((span) => coderIndex.has(span.coderId));

  // Who coded which paper, and in which of its texts: those texts are the characters compared.
  const present = new Map<string, number>();
  const fields = new Map<string, Set<string>>();
  for (const span of spans) {
    present.set(span.itemId, (present.get(span.itemId) ?? 0) | (1 << coderIndex.get(span.coderId)!));
    const set = fields.get(span.itemId) ?? new Set<string>();
    set.add(span.field);
    fields.set(span.itemId, set);
  }
  const countBits = (mask: number) => coderIds.filter((_, coder) => has(mask, coder)).length;
  const papers = input.papers.filter((paper) => countBits(present.get(paper.itemId) ?? 0) >= 2);

  const cells: AgreementReport["cells"] = [];
  const themeTables = new Map<string, AgreementTable[]>(); // per theme, one summed table per pair
  const themeCoincidences = new Map<string, Coincidences>();
  const themeCharacters = new Map<string, { characters: number; coded: number[] }>();
  for (const themeId of input.themeIds) {
    themeTables.set(
      themeId,
      pairs.map(() => emptyTable()),
    );
    themeCoincidences.set(themeId, new Map());
    themeCharacters.set(themeId, { characters: 0, coded: coderIds.map(() => 0) });
  }
  const pairPresent = (mask: number, [first, second]: [number, number]) => has(mask, first) && has(mask, second);

  for (const paper of papers) {
    const mask = present.get(paper.itemId)!;
    const paperFields = [...(fields.get(paper.itemId) ?? [])].filter((field) => paper.lengths[field] !== undefined);
    const characters = paperFields.reduce((sum, field) => sum + paper.lengths[field]!, 0);
    const paperSpans = spans.filter((span) => span.itemId === paper.itemId);
    for (const themeId of input.themeIds) {
      const profile: Profile = new Map();
      const themed = paperSpans.filter((span) => span.themeIds.includes(themeId));
      for (const field of paperFields) {
        sweep(
          paper.lengths[field]!,
          themed
            .filter((span) => span.field === field)
            .map((span) => ({ coder: coderIndex.get(span.coderId)!, start: span.start, end: span.end })),
          profile,
        );
      }
      const coded = coderIds.map((_, coder) =>
        [...profile].reduce((sum, [set, count]) => (has(set, coder) ? sum + count : sum), 0),
      );
      const tables = pairs.map((pair) => (pairPresent(mask, pair) ? pairTable(profile, ...pair) : null));
      const matrix = coincidences(unitsOf(profile, mask, coderIds.length));
      const totals = themeCharacters.get(themeId)!;
      totals.characters += characters;
      coded.forEach((count, coder) => (totals.coded[coder]! += count));
      themeTables.set(
        themeId,
        themeTables.get(themeId)!.map((sum, index) => (tables[index] ? addTables(sum, tables[index]) : sum)),
      );
      mergeCoincidences(themeCoincidences.get(themeId)!, matrix);
      if (themed.length === 0) continue;
      const alpha = alphaOfCoincidences(matrix);
      cells.push({
        themeId,
        itemId: paper.itemId,
        figures: {
          characters,
          coded,
          table: pairs.length === 1 ? tables[0]! : null,
          agreement: alpha.agreement,
          kappa: mean(tables.map((table) => (table ? kappaOfTable(table).kappa : null))),
          alpha: alpha.alpha,
        },
      });
    }
  }

  const themes = input.themeIds.map((themeId) => {
    const tables = themeTables.get(themeId)!;
    const alpha = alphaOfCoincidences(themeCoincidences.get(themeId)!);
    const { characters, coded } = themeCharacters.get(themeId)!;
    return {
      themeId,
      figures: {
        characters,
        coded,
        table: pairs.length === 1 ? tables[0]! : null,
        agreement: alpha.agreement,
        kappa: mean(tables.map((table) => kappaOfTable(table).kappa)),
        alpha: alpha.alpha,
      },
    };
  });

  const everything: Coincidences = new Map();
  for (const matrix of themeCoincidences.values()) mergeCoincidences(everything, matrix);
  const overallAlpha = alphaOfCoincidences(everything);
  return {
    coderIds,
    itemIds: papers.map((paper) => paper.itemId),
    cells,
    themes,
    overall: {
      agreement: overallAlpha.agreement,
      // Two coders: the pooled kappa; more: Light's mean of the pairs' pooled kappas.
      kappa: mean(pairs.map((_, index) => pooledKappa(input.themeIds.map((id) => themeTables.get(id)![index]!)).kappa)),
      alpha: overallAlpha.alpha,
    },
  };
}
