import { parseRangeA1 } from "../core/grid";
import type { CellValue, Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook/types";
import { RETIRED_SHEET_PREFIX, TEMP_SHEET_PREFIX } from "./marker";
import { splitAddress } from "./names";

/**
 * Every sheet's used range and every Excel Table, as Grids. Two syncs whatever the size:
 * the names, then every range's values and address together. Dates arrive as serial
 * numbers, which is what a Grid holds.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookGrids> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();

  // Our own half-written sheets (left by a run that never finished) are not the user's data.
  const sheets = worksheets.items.filter(
    (s) => !s.name.startsWith(TEMP_SHEET_PREFIX) && !s.name.startsWith(RETIRED_SHEET_PREFIX)
  );
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("values,address");
    return { name: sheet.name, range };
  });
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("values,address");
    return { name: table.name, range };
  });
  await context.sync();

  const grids: Grid[] = [];
  for (const { name, range } of used) {
    if (range.isNullObject) continue;
    grids.push(toGrid(name, range.address, range.values));
  }
  for (const { name, range } of tableRanges) {
    const { sheet } = splitAddress(range.address);
    if (sheet.startsWith(TEMP_SHEET_PREFIX) || sheet.startsWith(RETIRED_SHEET_PREFIX)) continue;
    grids.push({ ...toGrid(sheet, range.address, range.values), table: name });
  }
  return { grids };
}

function toGrid(sheet: string, address: string, values: CellValue[][]): Grid {
  const { local } = splitAddress(address);
  return { sheet, origin: parseRangeA1(local).start, values };
}
