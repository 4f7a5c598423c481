import type ExcelJS from "exceljs";
import type { CellRange, CellValue, Grid } from "../core/grid";
import { contentRegions, parseRangeA1, rangeArea, withSheetView } from "../core/grid";
import { READ_LIMITS, gridAreaRefused, type ReadLimits } from "./limits";
import type { WorkbookGrids } from "../core/workbook/types";

/**
 * Reads an ExcelJS workbook into Grids shaped exactly as Office.js `range.values` would
 * give them, so the core sees the same cells whichever door the workbook came through:
 * dates as 1900-system serial numbers, errors as "#REF!" strings, formulas as their cached
 * results, rich text and hyperlinks as their plain text, "" for empty cells. A merged
 * area holds its value in its top-left cell only (as Office.js gives it; ExcelJS repeats
 * the master's value in every merged cell, which would look like repeated headers).
 * Hidden rows (by hand or filtered out), rows struck through and merged areas come with
 * each Grid as facts (`hiddenRows`, `struckRows`, `merges`): the core says how it read them.
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

/**
 * The cells of a sheet that hold a value, by 1-based row and column (a row's array is
 * sparse: a value at XFD costs one slot, not 16,384), with the occupied cells as runs of
 * adjacent cells per row for contentRegions.
 */
interface SheetCells {
  rows: Map<number, CellValue[]>;
  /** Zero-based, as CellRange is everywhere else. */
  runs: CellRange[];
  /** Zero-based rows holding a value that are hidden (by hand or by a filter), ascending. */
  hiddenRows: number[];
  /** Zero-based rows with text whose text cells are all struck through, ascending. */
  struckRows: number[];
  /** Merged areas, zero-based, found from their cells' masters (ExcelJS's public cell API). */
  merges: CellRange[];
}

function sheetCells(ws: ExcelJS.Worksheet): SheetCells {
  const rows = new Map<number, CellValue[]>();
  const runs: CellRange[] = [];
  const hiddenRows: number[] = [];
  const struckRows: number[] = [];
  const merges = new Map<string, CellRange>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: CellValue[] = [];
    let run: CellRange | undefined;
    if (row.hidden) hiddenRows.push(r - 1);
    // Struck through: every text cell of the row, and at least one (a figure alone says nothing).
    let text = 0;
    let struck = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === MERGE) {
        const master = cell.master;
        const area = merges.get(master.address) ?? {
          start: { row: Number(master.row) - 1, column: Number(master.col) - 1 },
          end: { row: Number(master.row) - 1, column: Number(master.col) - 1 },
        };
        area.end = {
          row: Math.max(area.end.row, r - 1),
          column: Math.max(area.end.column, c - 1),
        };
        merges.set(master.address, area);
        return;
      }
      // ExcelJS's cell.value drops a formula's falsy cached result (0, false, ""): read it directly.
      const v =
        cell.type === FORMULA
          ? gridValueOf((cell.result as XlValue) ?? null)
          : gridValueOf(cell.value);
      if (v === "") return;
      values[c] = v;
      if (typeof v === "string") {
        text++;
        if (cell.font?.strike) struck++;
      }
      // One range per run of adjacent cells: a 100,000-row table gives 100,000 ranges.
      if (run && run.end.column === c - 2) run.end.column = c - 1;
      else
        runs.push(
          (run = { start: { row: r - 1, column: c - 1 }, end: { row: r - 1, column: c - 1 } })
        );
    });
    if (values.length > 0) rows.set(r, values);
    if (text > 0 && struck === text) struckRows.push(r - 1);
  });
  return { rows, runs, hiddenRows, struckRows, merges: [...merges.values()] };
}

/** The values of a range (zero-based, inclusive), "" where a cell is empty. */
function rectangle(rows: Map<number, CellValue[]>, range: CellRange): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = range.start.row; r <= range.end.row; r++) {
    const source = rows.get(r + 1);
    const line: CellValue[] = new Array(range.end.column - range.start.column + 1);
    for (let c = range.start.column; c <= range.end.column; c++) {
      const v = source?.[c + 1];
      line[c - range.start.column] = v === undefined ? "" : v;
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

/**
 * A table as far down as the sheet holds values and as far across as any row does (its
 * header row at least): a table declared over A1:D1048576 with ten posts reads as eleven
 * rows. `rows` are the sheet's filled rows (1-based) in order; found by halving, so a file
 * with thousands of tables costs no pass over the sheet for each.
 */
function tableExtent(declared: CellRange, rows: readonly number[], lastColumn: number): CellRange {
  let low = 0;
  let high = rows.length;
  // The first filled row below the table's last row…
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid] - 1 <= declared.end.row) low = mid + 1;
    else high = mid;
  }
  // …so the one before it is the table's last filled row, if it is inside the table.
  const last = low > 0 ? rows[low - 1] - 1 : -1;
  return {
    start: declared.start,
    end: {
      row: Math.max(declared.start.row, last),
      column: Math.max(declared.start.column, Math.min(declared.end.column, lastColumn)),
    },
  };
}

/**
 * Every worksheet's values and every Excel Table, as Grids. A sheet gives one Grid per
 * region of cells holding values (src/core/grid/regions.ts), each at its own origin, so a
 * stray value at XFD1048576 is a one-cell grid of its own instead of a 17-billion-cell
 * rectangle. Throws WorkbookRefused when the regions, blanks included, would be more
 * cells than the limits allow (values scattered so that no gap separates them).
 */
export function readWorkbookGrids(
  wb: ExcelJS.Workbook,
  limits: Pick<ReadLimits, "gridCells"> = READ_LIMITS
): WorkbookGrids {
  const grids: Grid[] = [];
  let area = 0;
  const spend = (sheet: string, range: CellRange) => {
    area += rangeArea(range);
    if (area > limits.gridCells) throw gridAreaRefused(sheet, range, limits.gridCells);
  };
  wb.eachSheet((ws) => {
    const cells = sheetCells(ws);
    const { rows, runs } = cells;
    const regions = contentRegions(runs);
    const filledRows = [...rows.keys()];
    const lastColumn = regions.reduce((c, region) => Math.max(c, region.end.column), -1);
    // An empty sheet reads as Office.js gives its used range: A1 holding "".
    if (regions.length === 0)
      grids.push({ sheet: ws.name, origin: { row: 0, column: 0 }, values: [[""]] });
    for (const region of regions) {
      spend(ws.name, region);
      grids.push(
        withSheetView(
          { sheet: ws.name, origin: { ...region.start }, values: rectangle(rows, region) },
          cells
        )
      );
    }
    for (const table of ws.getTables() as unknown as ExcelJS.Table[]) {
      const ref = tableRange(table);
      if (!ref) continue;
      const extent = tableExtent(parseRangeA1(ref), filledRows, lastColumn);
      spend(ws.name, extent);
      grids.push(
        withSheetView(
          {
            sheet: ws.name,
            origin: { ...extent.start },
            values: rectangle(rows, extent),
            table: tableName(table),
          },
          cells
        )
      );
    }
  });
  return { grids };
}
