// How the theme × paper matrix is ordered and written out, shared by the page and its CSV export.
import { csvDocument } from "@/lib/export/csv";

export interface MatrixShape<T extends { id: string }, I extends { id: string }> {
  themes: T[];
  items: I[];
  cell: (themeId: string, itemId: string) => { count: number; tagged: boolean };
}

export interface MatrixOrder {
  /** "year" (the default) or a theme id: papers with most passages of that theme first. */
  papers: string;
  /** "codebook" (the default) or "total": themes with most passages first. */
  themes: "codebook" | "total";
}

export function parseMatrixOrder(search: Record<string, string | string[] | undefined>): MatrixOrder {
  const papers = typeof search.papers === "string" && search.papers.length <= 64 ? search.papers : "year";
  return { papers, themes: search.themes === "total" ? "total" : "codebook" };
}

export function orderMatrix<T extends { id: string }, I extends { id: string }>(
  matrix: MatrixShape<T, I>,
  order: MatrixOrder,
): { themes: T[]; items: I[] } {
  const themeTotal = (themeId: string) =>
    matrix.items.reduce((sum, item) => sum + matrix.cell(themeId, item.id).count, 0);
  const themes =
    order.themes === "total" ? [...matrix.themes].sort((a, b) => themeTotal(b.id) - themeTotal(a.id)) : matrix.themes;
  const sortTheme = matrix.themes.find((theme) => theme.id === order.papers);
  const items = sortTheme
    ? [...matrix.items].sort((a, b) => matrix.cell(sortTheme.id, b.id).count - matrix.cell(sortTheme.id, a.id).count)
    : matrix.items;
  return { themes, items };
}

/** Papers as rows (a spreadsheet reads better that way), one column per theme; "3*" marks a tagged paper. */
export function matrixCsv<T extends { id: string }, I extends { id: string }>(
  matrix: MatrixShape<T, I>,
  order: MatrixOrder,
  label: {
    theme: (theme: T) => string;
    item: (item: I) => string;
    paperHeader: string;
    citationHeader: string;
    citation: (item: I) => string;
  },
): string {
  const { themes, items } = orderMatrix(matrix, order);
  const rows = [
    [label.paperHeader, label.citationHeader, ...themes.map(label.theme)],
    ...items.map((item) => [
      label.item(item),
      label.citation(item),
      ...themes.map((theme) => {
        const cell = matrix.cell(theme.id, item.id);
        return `${cell.count}${cell.tagged ? "*" : ""}`;
      }),
    ]),
  ];
  return csvDocument(rows, { record_delimiter: "\r\n" });
}
