import { columnLetters, toA1 } from "../grid";
import { roundTo } from "../money";
import {
  formula,
  num,
  text,
  type CellStyle,
  type NumberFormatName,
  type SheetKey,
  type SheetSpec,
  type SpecCell,
  type TableSpec,
} from "./sheet-spec";

/**
 * Small helpers for laying out a calculated sheet top to bottom: text rows, Excel Tables
 * with a totals row of native formulas just below, and label/value rows. Totals are
 * computed from the very figures written in the cells and wrapped in ROUND, so a
 * spreadsheet recalculating the formula gets exactly the value the core wrote.
 */

/** A cell as a builder gives it: text, a number, a ready SpecCell, or nothing. */
export type CellInput = string | number | SpecCell | null | undefined;

export interface ColumnSpec<R> {
  /** Stable key to find the column's letter and total afterwards. */
  key: string;
  /** Header text; made unique within the table. */
  header: string;
  width?: number;
  format?: NumberFormatName;
  cell: (row: R, index: number) => CellInput;
  /** Sum the column in the totals row, rounded to this many decimal places. */
  totalDecimals?: number;
}

export interface PlacedTable {
  name: string;
  range: string;
  /** Zero-based sheet rows. */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  totalRow?: number;
  /** Column letter per column key. */
  letters: Record<string, string>;
  /** A1 address of each totalled column's total cell. */
  totalAddress: Record<string, string>;
  /** The value written for each total. */
  totals: Record<string, number>;
}

/** The A1 range of a placed table's column over its data rows: "I7:I35". */
export function columnRange(t: PlacedTable, key: string): string {
  const l = t.letters[key];
  return `${l}${t.firstDataRow + 1}:${l}${t.lastDataRow + 1}`;
}

/** The A1 range across a row of the sheet (zero-based: the table's header or totals row) from one of its columns to another. */
export function rowRange(t: PlacedTable, row: number, first: string, last: string): string {
  return `${t.letters[first]}${row + 1}:${t.letters[last]}${row + 1}`;
}

/** Makes each header unique ("Total", "Total (2)") and never blank, as Excel Tables require. */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() === "" ? `Column ${i + 1}` : h.trim();
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function toCell(input: CellInput, format?: NumberFormatName, style?: CellStyle): SpecCell | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "string") return text(input, style);
  if (typeof input === "number") return num(input, format, style);
  return input;
}

function numericValue(cell: SpecCell | null): number {
  if (cell === null) return 0;
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "formula" && typeof cell.value === "number") return cell.value;
  return 0;
}

export interface SheetDraft {
  /** Zero-based index of the next row. */
  readonly nextRow: () => number;
  row: (cells: CellInput[], style?: CellStyle) => number;
  blank: () => number;
  /** A1 address of a cell on a row already added (zero-based row and column). */
  address: (row: number, column: number) => string;
  table: <R>(
    name: string,
    columns: readonly ColumnSpec<R>[],
    rows: readonly R[],
    options?: { totalLabel?: string; emptyText?: string }
  ) => PlacedTable;
  toSpec: (
    key: SheetKey,
    name: string,
    options?: {
      freeze?: { rows: number; columns: number };
      orientation?: "landscape" | "portrait";
      minWidths?: number[];
    }
  ) => SheetSpec;
}

/** A sheet being laid out from A1 down. */
export function createSheetDraft(): SheetDraft {
  const cells: (SpecCell | null)[][] = [];
  const tables: TableSpec[] = [];
  const widths: number[] = [];
  const widen = (column: number, width: number) => {
    widths[column] = Math.max(widths[column] ?? 0, width);
  };

  const row = (inputs: CellInput[], style?: CellStyle): number => {
    cells.push(inputs.map((c) => toCell(c, undefined, style)));
    return cells.length - 1;
  };

  const table = <R>(
    name: string,
    columns: readonly ColumnSpec<R>[],
    rows: readonly R[],
    options: { totalLabel?: string; emptyText?: string } = {}
  ): PlacedTable => {
    const headers = uniqueHeaders(columns.map((c) => c.header));
    const headerRow = row(headers.map((h) => text(h, "header")));
    const letters: Record<string, string> = {};
    columns.forEach((c, j) => {
      letters[c.key] = columnLetters(j);
      widen(j, Math.max(c.width ?? 10, Math.min(40, headers[j].length + 2)));
    });
    const firstDataRow = cells.length;
    if (rows.length === 0) {
      // An Excel Table needs a data row; say plainly that there is nothing in it.
      row([options.emptyText ?? "None"]);
    }
    rows.forEach((r, i) => {
      cells.push(columns.map((c) => toCell(c.cell(r, i), c.format)));
    });
    const lastDataRow = cells.length - 1;
    const range = `${toA1({ row: headerRow, column: 0 })}:${toA1({ row: lastDataRow, column: columns.length - 1 })}`;
    tables.push({ name, range });
    const placed: PlacedTable = {
      name,
      range,
      headerRow,
      firstDataRow,
      lastDataRow,
      letters,
      totalAddress: {},
      totals: {},
    };
    if (columns.some((c) => c.totalDecimals !== undefined)) {
      const totalCells: (SpecCell | null)[] = columns.map((c, j) => {
        if (c.totalDecimals === undefined) return null;
        let sum = 0;
        for (let r = firstDataRow; r <= lastDataRow; r++) sum += numericValue(cells[r][j] ?? null);
        const value = roundTo(sum, c.totalDecimals);
        const span = `${letters[c.key]}${firstDataRow + 1}:${letters[c.key]}${lastDataRow + 1}`;
        placed.totals[c.key] = value;
        placed.totalAddress[c.key] = `${letters[c.key]}${lastDataRow + 2}`;
        return formula(`=ROUND(SUM(${span}),${c.totalDecimals})`, value, c.format, "total");
      });
      if (totalCells[0] === null) totalCells[0] = text(options.totalLabel ?? "Total", "total");
      cells.push(totalCells);
      placed.totalRow = cells.length - 1;
    }
    return placed;
  };

  return {
    nextRow: () => cells.length,
    row,
    blank: () => row([]),
    address: (r, c) => toA1({ row: r, column: c }),
    table,
    toSpec: (key, name, options = {}) => {
      (options.minWidths ?? []).forEach((w, j) => widen(j, w));
      return {
        key,
        name,
        cells: cells.map((r) => [...r]),
        tables: [...tables],
        columnWidths: Array.from({ length: widths.length }, (_, j) => widths[j] ?? 10),
        freeze: options.freeze,
        notes: [],
        page: { orientation: options.orientation ?? "landscape", fitToWidth: true },
        charts: [],
      };
    },
  };
}
