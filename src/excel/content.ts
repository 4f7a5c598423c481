import { quoteSheetName, rangeA1, rangeArea, toA1 } from "../core/grid";
import type { CellRange, CellValue } from "../core/grid";
import { READ_BYTES_PER_CELL } from "./blocks";
import { jsonBytes } from "./cells";

/**
 * How much a read may take in, whatever the sheet's used range says. About four times a
 * 100,000-post establishment of 12 columns, and Excel's own limit on one range read.
 */
export const MAX_READ_CELLS = 5_000_000;

/** Response bytes one area's address costs in `areas/items/address`, beyond the sheet's name. */
export const AREA_ADDRESS_BYTES = 40;

/**
 * Whether to read a used range as it is rather than find where its values are first: when
 * it fits one sync's response at the guessed bytes a cell, or at least half of it holds
 * something (then finding the values costs more than the blanks it saves).
 */
export function readWhole(usedCells: number, contentCells: number, budget: number): boolean {
  return usedCells <= Math.max(budget / READ_BYTES_PER_CELL, 2 * contentCells);
}

/**
 * The cells of `values` that hold something, as rectangles (zero-based, relative to
 * `values`): runs along each row, a run continued downwards while the next row repeats
 * it. The same cells Excel's special cells give for a sheet read whole; an empty string
 * is empty, as there.
 */
export function filledAreas(values: readonly CellValue[][]): CellRange[] {
  const done: CellRange[] = [];
  let open = new Map<string, CellRange>();
  values.forEach((row, r) => {
    const next = new Map<string, CellRange>();
    for (let c = 0; c < row.length; c++) {
      if (row[c] === "") continue;
      const start = c;
      while (c + 1 < row.length && row[c + 1] !== "") c++;
      const key = `${start}:${c}`;
      const above = open.get(key);
      if (above !== undefined) {
        above.end.row = r;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { start: { row: r, column: start }, end: { row: r, column: c } });
      }
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

/** Expected response bytes for the addresses of `areas` areas on `sheet`. */
export function areaAddressBytes(sheet: string, areas: number): number {
  return areas * (jsonBytes(quoteSheetName(sheet)) + AREA_ADDRESS_BYTES);
}

const count = (n: number): string => n.toLocaleString("en-GB");
const cleanUp =
  "Clear the cells far from your tables (a value on its own far below or to the right), then read again.";

/** A read refused before it starts: the workbook holds more, or more scattered, than it can take. */
export class TooMuchToReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TooMuchToReadError";
  }

  /** The regions to read hold more than MAX_READ_CELLS cells; `largest` names the biggest. */
  static tooMany(
    cells: number,
    largest: { sheet: string; range: CellRange },
    maxCells: number = MAX_READ_CELLS
  ): TooMuchToReadError {
    const where = `${quoteSheetName(largest.sheet)}!${rangeA1(largest.range.start, largest.range.end)}`;
    return new TooMuchToReadError(
      `The workbook's values cover ${count(cells)} cells, more than the ${count(maxCells)} ` +
        `Establishment Costing reads; the largest block is ${where} ` +
        `(${count(rangeArea(largest.range))} cells). ${cleanUp}`
    );
  }

  /** Too many separate areas of values to list, over a used range too large to read whole. */
  static scattered(sheet: string, used: CellRange, areas: number): TooMuchToReadError {
    return new TooMuchToReadError(
      `${quoteSheetName(sheet)} has values in ${count(areas)} separate blocks spread over ` +
        `${rangeA1(used.start, used.end)}: too scattered to find the tables in. ${cleanUp}`
    );
  }

  /** An Excel without special cells (ExcelApi 1.9), and a used range too large to read whole. */
  static oldExcel(sheet: string, used: CellRange): TooMuchToReadError {
    return new TooMuchToReadError(
      `${quoteSheetName(sheet)} has values as far as ${toA1(used.end)} ` +
        `(${count(rangeArea(used))} cells to read), and this version of Excel cannot say where ` +
        `they are (that needs ExcelApi 1.9: Microsoft 365, Excel 2021 or later). ${cleanUp}`
    );
  }
}
