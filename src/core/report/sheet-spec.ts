/**
 * A SheetSpec is a calculated sheet described as data: what goes in each cell, which
 * cells are native formulas (with the value the core computed, so the two can be
 * checked against each other and so previewers that do not calculate still show the
 * numbers), formats, tables, notes and page setup. Adapters write SheetSpecs; they never
 * compute.
 */

/** Number formats by meaning; adapters map them to Excel codes through NUMBER_FORMATS. */
export type NumberFormatName =
  "money" | "moneyK" | "fte" | "percent" | "integer" | "date" | "general";

/** en-GB Excel number format codes. */
export const NUMBER_FORMATS: Record<NumberFormatName, string> = {
  money: '"£"#,##0.00;[Red]-"£"#,##0.00',
  moneyK: '"£"#,##0.0"k";[Red]-"£"#,##0.0"k"',
  fte: "#,##0.00",
  percent: "0.0%",
  integer: "#,##0",
  date: "dd/mm/yyyy",
  general: "General",
};

/** Presentation roles; adapters give each one look (bold, fill, italics). */
export type CellStyle = "title" | "subtitle" | "header" | "total" | "warning" | "note" | "input";

interface CellBase {
  style?: CellStyle;
}

/** Text, always written as text: never a formula, whatever its first character. */
export interface TextCell extends CellBase {
  kind: "text";
  text: string;
}

export interface NumberCell extends CellBase {
  kind: "number";
  value: number;
  format?: NumberFormatName;
  /** Live mode: an ESTAB.* formula that recomputes this value from the source cells. */
  live?: string;
}

/** A native Excel formula (SUM, headroom …) and the value the core says it must give. */
export interface FormulaCell extends CellBase {
  kind: "formula";
  /** With its leading "=", in A1 style, English function names, comma separators. */
  formula: string;
  value: number | string;
  format?: NumberFormatName;
  /** Live mode: an ESTAB.* formula to write instead. */
  live?: string;
}

export type SpecCell = TextCell | NumberCell | FormulaCell;

/** An Excel Table over part of the sheet; its first row is the header row. */
export interface TableSpec {
  name: string;
  /** e.g. "A4:J30" */
  range: string;
}

/** One series of a chart: a row or column of figures on the chart's own sheet. */
export interface ChartSeriesSpec {
  /** Shown in the legend. */
  name: string;
  /** The figures, one row or one column, as many cells as the categories: "G15:I15". */
  values: string;
  /** In a "columnLine" chart: drawn as columns (the default) or as a line. */
  kind?: "column" | "line";
  /** Read against a second value axis on the right (a figure of another size, an index). */
  secondaryAxis?: boolean;
}

/**
 * A native chart over the sheet's own cells, so it follows them when they recalculate.
 * "bar" is horizontal (diverging bars: negative to the left of zero); "columnLine" is a
 * combo of clustered columns and lines, each series saying which it is.
 */
export interface ChartSpec {
  type: "columnClustered" | "columnStacked" | "bar" | "line" | "columnLine";
  title: string;
  /** The category labels, one row or one column: "G7:I7". */
  categories: string;
  series: ChartSeriesSpec[];
  axisTitles?: { categories?: string; values?: string; secondaryValues?: string };
  /** The cells under the chart's top-left and bottom-right corners. */
  anchor: { from: string; to: string };
}

/**
 * An in-cell list of choices on one cell (a dropdown): the values of `list`, a range of the
 * same sheet ("$B$6:$E$6"). Anything else typed is still taken, with a warning, so the
 * formulas that read the cell can say it is not a choice (#N/A) rather than refuse it.
 */
export interface ValidationSpec {
  address: string;
  list: string;
  /** The warning shown when something else is typed. */
  warning: { title: string; message: string };
}

export interface NoteSpec {
  address: string;
  text: string;
}

/**
 * How the sheet prints, on A4. fitToWidth squeezes it to one page wide; a sheet too wide
 * for that to stay readable is scaled to pagesWide pages across instead, breaking by
 * columns between them, with titleColumns repeated on each page.
 */
export interface PageSpec {
  orientation: "landscape" | "portrait";
  fitToWidth: boolean;
  /** When not fitToWidth: scaled to this many pages wide (none: printed at full size). */
  pagesWide?: number;
  /** Rows repeated at the top of every printed page (zero-based, first to last). */
  titleRows?: { first: number; last: number };
  /** How many columns from A are repeated at the left of every printed page. */
  titleColumns?: number;
  /** A footer of the sheet's name, "Page n of m" and "Built <builtOn>". */
  footer?: { builtOn: string };
}

/** Every sheet the add-in writes, in the order they are written: the one list the adapters check an owned sheet's key against. */
export const SHEET_KEYS = [
  "cost",
  "grant",
  "changes",
  "shares",
  "scenarios",
  "assumptions",
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export const isSheetKey = (key: string): key is SheetKey =>
  (SHEET_KEYS as readonly string[]).includes(key);

export interface SheetSpec {
  key: SheetKey;
  /** The name wanted for the sheet; adapters may have to pick another (see ownership). */
  name: string;
  /** Rows from A1 down; null is an empty cell. Rows may differ in length. */
  cells: (SpecCell | null)[][];
  tables: TableSpec[];
  /** Widths in characters, from column A. */
  columnWidths: number[];
  freeze?: { rows: number; columns: number };
  notes: NoteSpec[];
  page: PageSpec;
  charts: ChartSpec[];
  /** In-cell lists of choices (the Scenarios sheet's live switch). */
  validations?: ValidationSpec[];
}

export const text = (t: string, style?: CellStyle): TextCell => ({ kind: "text", text: t, style });
/** `live` is there, undefined, so a live sheet's number cells all have one shape (see figureCell). */
export const num = (value: number, format?: NumberFormatName, style?: CellStyle): NumberCell => ({
  kind: "number",
  value,
  format,
  style,
  live: undefined,
});
export const formula = (
  f: string,
  value: number | string,
  format?: NumberFormatName,
  style?: CellStyle
): FormulaCell => ({ kind: "formula", formula: f, value, format, style });
