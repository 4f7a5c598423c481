import { columnLetters, parseRangeA1 } from "../core/grid";
import type { CellValue, Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook/types";
import { STEP_OVERHEAD_BYTES } from "./batches";
import { jsonBytes } from "./cells";
import { RETIRED_SHEET_PREFIX, TEMP_SHEET_PREFIX } from "./marker";
import { splitAddress } from "./names";
import { MAX_REQUEST_BYTES } from "./run";

/**
 * Response bytes assumed per cell of a sheet none of whose values have arrived yet: the
 * UTF-8 JSON of `values` (a cell and its comma). A number costs at most 24 (`-1.2345678901234567e-300`),
 * usually 2–18; an empty cell 3 (`"",`); an establishment's text (titles, names, grades,
 * cost centres) mostly 5–40. 64 is a 60-character text in every cell: about three times
 * a real establishment sheet, so the first block of a sheet stays under the budget unless
 * most of its cells hold long text, and then the retry below still reads it.
 */
export const READ_BYTES_PER_CELL = 64;

/** Once a block has arrived, the next blocks of that sheet are sized from its measured bytes times this. */
export const READ_MEASURE_MARGIN = 1.25;

/**
 * Floor on the measured bytes per cell, so a first block of mostly empty cells (3 bytes)
 * does not size the next one at 30 times the rows.
 */
export const READ_MIN_BYTES_PER_CELL = 8;

const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** A sheet's used range, read in row blocks. */
interface SheetRead {
  name: string;
  worksheet: Excel.Worksheet;
  /** Zero-based rows and columns of the used range. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  /** Rows read so far, in order. */
  rows: CellValue[][];
  /** Bytes one row is expected to cost in a response. */
  rowBytes: number;
  /** Largest bytes per row measured in a block so far. */
  measured: number;
}

interface Block {
  sheet: SheetRead;
  rows: number;
  range: Excel.Range;
}

/**
 * Every sheet's used range and every Excel Table, as Grids. Dates arrive as serial
 * numbers, which is what a Grid holds.
 *
 * Syncs: 1 for the sheet and table names; 1 for every used range's and table's address;
 * then the values, in row blocks of the used ranges queued until a sync's response is
 * expected to reach `budget` bytes (Excel on the web refuses a response over 5 MB). A
 * workbook whose used ranges hold at most budget / READ_BYTES_PER_CELL cells (62,500 at
 * 4 MB) reads in one values sync: 3 syncs in all. A table's values are part of its
 * sheet's used range, so they are cut from the sheet's grid, not read twice.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  budget: number = MAX_REQUEST_BYTES
): Promise<WorkbookGrids> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();

  // Our own half-written sheets (left by a run that never finished) are not the user's data.
  const sheets = worksheets.items.filter((s) => !isOurs(s.name));
  const used = sheets.map((worksheet) => {
    const range = worksheet.getUsedRangeOrNullObject(true);
    range.load("address");
    return { worksheet, range };
  });
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address");
    return { name: table.name, range };
  });
  await context.sync();

  const reads: SheetRead[] = [];
  for (const { worksheet, range } of used) {
    if (range.isNullObject) continue;
    const { start, end } = parseRangeA1(splitAddress(range.address).local);
    const columns = end.column - start.column + 1;
    reads.push({
      name: worksheet.name,
      worksheet,
      r0: start.row,
      c0: start.column,
      r1: end.row,
      c1: end.column,
      rows: [],
      rowBytes: columns * READ_BYTES_PER_CELL,
      measured: 0,
    });
  }
  await readValues(context, reads, budget);

  const grids: Grid[] = reads.map((s) => ({
    sheet: s.name,
    origin: { row: s.r0, column: s.c0 },
    values: s.rows,
  }));
  for (const { name, range } of tableRanges) {
    const { sheet, local } = splitAddress(range.address);
    if (isOurs(sheet)) continue;
    if (!sheets.some((s) => s.name === sheet)) {
      throw new Error(`table ${name} is on sheet '${sheet}', which the workbook does not list`);
    }
    const { start, end } = parseRangeA1(local);
    const source = reads.find((s) => s.name === sheet);
    const values: CellValue[][] = [];
    for (let r = start.row; r <= end.row; r++) {
      const row: CellValue[] = [];
      for (let c = start.column; c <= end.column; c++) row.push(cellOf(source, r, c));
      values.push(row);
    }
    grids.push({ sheet, origin: start, values, table: name });
  }
  return { grids };
}

const isOurs = (name: string): boolean =>
  name.startsWith(TEMP_SHEET_PREFIX) || name.startsWith(RETIRED_SHEET_PREFIX);

/** A cell's value from its sheet's used range; outside it (values only) a cell is empty. */
function cellOf(source: SheetRead | undefined, r: number, c: number): CellValue {
  if (source === undefined || r < source.r0 || r > source.r1 || c < source.c0 || c > source.c1) {
    return "";
  }
  return source.rows[r - source.r0][c - source.c0];
}

/**
 * Loads the used ranges' values, sheet by sheet, in row blocks: each sync gets blocks
 * until the expected response reaches the budget. A sync that Excel refuses as too large
 * (the estimate was low: long text) is retried with the rows per block halved; only a
 * single row over the limit is an error.
 */
async function readValues(
  context: Excel.RequestContext,
  reads: SheetRead[],
  budget: number
): Promise<void> {
  let at = 0;
  while (at < reads.length) {
    const blocks: Block[] = [];
    let room = budget;
    for (let i = at; i < reads.length; i++) {
      const sheet = reads[i];
      const next = sheet.r0 + sheet.rows.length;
      const left = sheet.r1 - next + 1;
      const fit = Math.floor((room - STEP_OVERHEAD_BYTES) / sheet.rowBytes);
      const rows = Math.min(left, blocks.length === 0 ? Math.max(1, fit) : fit);
      if (rows < 1) break;
      const address =
        `${columnLetters(sheet.c0)}${next + 1}:` + `${columnLetters(sheet.c1)}${next + rows}`;
      const range = sheet.worksheet.getRange(address);
      range.load("values");
      blocks.push({ sheet, rows, range });
      room -= STEP_OVERHEAD_BYTES + rows * sheet.rowBytes;
      if (rows < left) break;
    }

    try {
      // One sync per budget's worth of values: the loop is the chunking, as for writes.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if ((error as { code?: unknown }).code !== RESPONSE_TOO_LARGE) throw error;
      if (blocks.length === 1 && blocks[0].rows === 1) {
        const { sheet } = blocks[0];
        throw new Error(
          `row ${sheet.r0 + sheet.rows.length + 1} of '${sheet.name}' alone is over Excel's response limit`
        );
      }
      // Each refused block is taken to have filled the budget on its own, and twice
      // over: the next block of each sheet has at most half its rows.
      for (const { sheet, rows } of blocks) {
        sheet.rowBytes = 2 * Math.max(sheet.rowBytes, (budget - STEP_OVERHEAD_BYTES) / rows);
      }
      continue;
    }

    for (const { sheet, rows, range } of blocks) {
      const values = range.values;
      for (const row of values) sheet.rows.push(row);
      const columns = sheet.c1 - sheet.c0 + 1;
      sheet.measured = Math.max(sheet.measured, jsonBytes(values) / rows);
      sheet.rowBytes =
        Math.max(sheet.measured, columns * READ_MIN_BYTES_PER_CELL) * READ_MEASURE_MARGIN;
    }
    while (at < reads.length && reads[at].rows.length === reads[at].r1 - reads[at].r0 + 1) at++;
  }
}
