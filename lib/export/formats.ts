// The export formats, importable by the browser's menu without the server-side formatters.
export const EXPORT_FORMATS = ["ris", "bibtex", "biblatex", "csl-json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
