/**
 * A Grid is a rectangle of cell values exactly as Office.js `range.values` gives them:
 * numbers (dates are Excel serial numbers), strings ("" for an empty cell, "#REF!" and
 * friends for error cells) and booleans. Every adapter turns what it reads into Grids,
 * so the core never sees Office, ExcelJS or the DOM.
 */
import type { CellRange } from "./regions";

export type CellValue = number | string | boolean;

export interface Grid {
  /** Worksheet name, as the user sees it on the tab. */
  sheet: string;
  /** Zero-based row and column of values[0][0] on the sheet (A1 is {row: 0, column: 0}). */
  origin: CellPosition;
  values: CellValue[][];
  /** Name of the Excel Table (ListObject) this grid came from, when it came from one. */
  table?: string;
  /**
   * Zero-based sheet rows of this grid that are hidden, by hand or filtered out by an
   * AutoFilter or a Table's filter (Excel stores both alike), ascending. Absent: none.
   */
  hiddenRows?: number[];
  /**
   * Zero-based sheet rows of this grid whose text cells are all struck through (font
   * strikethrough: an officer's "deleted" mark), ascending. Absent: none, or not asked
   * (the Office.js adapter does not read fonts).
   */
  struckRows?: number[];
  /**
   * Merged areas overlapping this grid, in sheet positions. As in `range.values`, a merged
   * area's value is in its top-left cell and the others read "".
   */
  merges?: CellRange[];
  /** True when the adapter could not list merged areas (Excel without ExcelApi 1.13, or over its 512). */
  mergesUnknown?: boolean;
}

export interface CellPosition {
  row: number;
  column: number;
}

/** Excel's limit on the characters in one cell: it refuses a longer text. */
export const CELL_TEXT_MAX = 32_767;

/** The Excel error values a cell can hold; text equal to one of these is an error cell. */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

const ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

export function isErrorValue(value: CellValue): value is string {
  return typeof value === "string" && ERROR_SET.has(value);
}

export function isBlank(value: CellValue | undefined): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

/** Sheet position of grid cell [r][c]. */
export function positionIn(grid: Grid, r: number, c: number): CellPosition {
  return { row: grid.origin.row + r, column: grid.origin.column + c };
}
