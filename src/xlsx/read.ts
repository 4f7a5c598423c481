import type ExcelJS from "exceljs";
import type { CellValue, Grid } from "../core/grid";
import { parseRangeA1 } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook/types";

/**
 * Reads an ExcelJS workbook into Grids shaped exactly as Office.js `range.values` would
 * give them, so the core sees the same cells whichever door the workbook came through:
 * dates as 1900-system serial numbers, errors as "#REF!" strings, formulas as their cached
 * results, rich text and hyperlinks as their plain text, "" for empty cells. A merged
 * area holds its value in its top-left cell only (as Office.js gives it; ExcelJS repeats
 * the master's value in every merged cell, which would look like repeated headers).
 */

// ExcelJS.ValueType, restated so this module needs no runtime import of exceljs.
const MERGE = 1;
const FORMULA = 6;
const MS_PER_DAY = 86_400_000;
/** Serial of 1 January 1970 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * ExcelJS turns date-formatted numbers into JS Dates whose UTC fields are the day Excel
 * shows (it reads serials as UTC days, already allowing for the 1904 system), so the
 * serial comes back from UTC milliseconds: no local time zone is involved.
 */
export function serialFromDate(date: Date): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // Times of day arrive rounded to the millisecond; trim the float noise that leaves.
  return Math.round(serial * 1e8) / 1e8;
}

type XlValue = ExcelJS.CellValue | undefined;

/** One ExcelJS cell value as Office.js would give it. */
export function gridValueOf(value: XlValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value !== "object") return "";
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    // A formula never calculated has no cached result; Excel would show its value, we cannot.
    return result === undefined ? "" : gridValueOf(result);
  }
  if ("hyperlink" in value || "text" in value) {
    const text = (value as { text?: unknown }).text;
    return text === undefined ? "" : gridValueOf(text as XlValue);
  }
  return "";
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cell values by 1-based row and column, with the bounds of the non-empty cells. */
function sheetCells(ws: ExcelJS.Worksheet): { rows: Map<number, CellValue[]>; bounds?: Bounds } {
  const rows = new Map<number, CellValue[]>();
  let bounds: Bounds | undefined;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === MERGE) return;
      // ExcelJS's cell.value drops a formula's falsy cached result (0, false, ""): read it directly.
      const v =
        cell.type === FORMULA
          ? gridValueOf((cell.result as XlValue) ?? null)
          : gridValueOf(cell.value);
      if (v === "") return;
      values[c] = v;
      if (!bounds) bounds = { top: r, left: c, bottom: r, right: c };
      else {
        if (r < bounds.top) bounds.top = r;
        if (r > bounds.bottom) bounds.bottom = r;
        if (c < bounds.left) bounds.left = c;
        if (c > bounds.right) bounds.right = c;
      }
    });
    if (values.length > 0) rows.set(r, values);
  });
  return { rows, bounds };
}

function rectangle(rows: Map<number, CellValue[]>, b: Bounds): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const source = rows.get(r);
    const line: CellValue[] = new Array(b.right - b.left + 1);
    for (let c = b.left; c <= b.right; c++) {
      const v = source?.[c];
      line[c - b.left] = v === undefined ? "" : v;
    }
    out.push(line);
  }
  return out;
}

/** The A1 range an ExcelJS table covers (its model differs between new and loaded tables). */
function tableRange(table: ExcelJS.Table): string | undefined {
  const model = (table as unknown as { model?: { tableRef?: string; ref?: string } }).model;
  const ref = model?.tableRef ?? model?.ref ?? (table as { ref?: string }).ref;
  return typeof ref === "string" && ref.includes(":") ? ref : undefined;
}

function tableName(table: ExcelJS.Table): string {
  const model = (table as unknown as { model?: { name?: string } }).model;
  return model?.name ?? table.name;
}

/** Every worksheet's used range (values only) and every Excel Table, as Grids. */
export function readWorkbookGrids(wb: ExcelJS.Workbook): WorkbookGrids {
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const { rows, bounds } = sheetCells(ws);
    // An empty sheet reads as Office.js gives its used range: A1 holding "".
    grids.push(
      bounds
        ? {
            sheet: ws.name,
            origin: { row: bounds.top - 1, column: bounds.left - 1 },
            values: rectangle(rows, bounds),
          }
        : { sheet: ws.name, origin: { row: 0, column: 0 }, values: [[""]] }
    );
    for (const table of ws.getTables() as unknown as ExcelJS.Table[]) {
      const range = tableRange(table);
      if (!range) continue;
      const { start, end } = parseRangeA1(range);
      const tb: Bounds = {
        top: start.row + 1,
        left: start.column + 1,
        bottom: end.row + 1,
        right: end.column + 1,
      };
      grids.push({
        sheet: ws.name,
        origin: { row: start.row, column: start.column },
        values: rectangle(rows, tb),
        table: tableName(table),
      });
    }
  });
  return { grids };
}
