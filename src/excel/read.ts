import { parseRangeA1 } from "../core/grid";
import type { CellValue, Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook/types";
import { readRowBlocks, usedRangeRead } from "./blocks";
import type { UsedRangeRead } from "./blocks";
import { RETIRED_SHEET_PREFIX, TEMP_SHEET_PREFIX } from "./marker";
import { splitAddress } from "./names";
import { MAX_REQUEST_BYTES } from "./run";

export { READ_BYTES_PER_CELL, READ_MEASURE_MARGIN, READ_MIN_BYTES_PER_CELL } from "./blocks";

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

  const reads: UsedRangeRead[] = used
    .filter(({ range }) => !range.isNullObject)
    .map(({ worksheet, range }) =>
      usedRangeRead(worksheet.name, worksheet, range.address, { formulas: false })
    );
  await readRowBlocks(context, reads, { formulas: false }, budget);

  const grids: Grid[] = reads.map((s) => ({
    sheet: s.name,
    origin: { row: s.r0, column: s.c0 },
    values: s.values,
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
function cellOf(source: UsedRangeRead | undefined, r: number, c: number): CellValue {
  if (source === undefined || r < source.r0 || r > source.r1 || c < source.c0 || c > source.c1) {
    return "";
  }
  return source.values[r - source.r0][c - source.c0];
}
