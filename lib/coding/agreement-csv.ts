// The agreement report as a CSV table for a methods appendix or a statistics package: one row for all themes,
// one per theme over all papers, one per theme and paper. Cells written by users (theme and paper titles) go
// through csvDocument, which keeps them from running as spreadsheet formulas.
import { csvDocument } from "@/lib/export/csv";
import type { AgreementFigures } from "./character-agreement";

export interface AgreementCsvLabels {
  theme: string;
  paper: string;
  characters: string;
  codedBy: (name: string) => string;
  both: string;
  neither: string;
  agreement: string;
  kappa: string;
  alpha: string;
  allThemes: string;
  allPapers: string;
}

export interface AgreementCsvInput {
  coders: { id: string; name: string }[];
  overall: { agreement: number | null; kappa: number | null; alpha: number | null };
  themes: { name: string; figures: AgreementFigures }[];
  cells: { theme: string; paper: string; figures: AgreementFigures }[];
}

/** Proportions and coefficients to four decimals; an undefined coefficient stays an empty cell, not a zero. */
const decimal = (value: number | null) => (value === null ? "" : Number(value.toFixed(4)));

export function agreementCsv(report: AgreementCsvInput, labels: AgreementCsvLabels): string {
  const pair = report.coders.length === 2;
  const header = [
    labels.theme,
    labels.paper,
    labels.characters,
    ...report.coders.map((coder) => labels.codedBy(coder.name)),
    ...(pair ? [labels.both, labels.neither] : []),
    labels.agreement,
    labels.kappa,
    labels.alpha,
  ];
  const row = (theme: string, paper: string, figures: AgreementFigures) => [
    theme,
    paper,
    figures.characters,
    ...figures.coded,
    ...(pair ? [figures.table?.both ?? "", figures.table?.neither ?? ""] : []),
    decimal(figures.agreement),
    decimal(figures.kappa),
    decimal(figures.alpha),
  ];
  const blank = report.coders.length + (pair ? 3 : 1);
  return csvDocument([
    header,
    [
      labels.allThemes,
      labels.allPapers,
      ...Array.from({ length: blank }, () => ""),
      decimal(report.overall.agreement),
      decimal(report.overall.kappa),
      decimal(report.overall.alpha),
    ],
    ...report.themes.map((theme) => row(theme.name, labels.allPapers, theme.figures)),
    ...report.cells.map((cell) => row(cell.theme, cell.paper, cell.figures)),
  ]);
}
