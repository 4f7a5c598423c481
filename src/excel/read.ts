import { contentRegions, parseRangeA1, rangeArea, withSheetView } from "../core/grid";
import type { CellRange, CellValue, Grid, SheetView } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook/types";
import { STEP_OVERHEAD_BYTES } from "./batches";
import { readRowBlocks, regionRead } from "./blocks";
import type { UsedRangeRead } from "./blocks";
import {
  areaAddressBytes,
  filledAreas,
  MAX_READ_CELLS,
  readWhole,
  TooMuchToReadError,
} from "./content";
import { RETIRED_SHEET_PREFIX, TEMP_SHEET_PREFIX } from "./marker";
import { splitAddress } from "./names";
import { SheetViewLoads, type SheetViewAsk } from "./sheet-view";
import { MAX_REQUEST_BYTES } from "./run";

export { READ_BYTES_PER_CELL, READ_MEASURE_MARGIN, READ_MIN_BYTES_PER_CELL } from "./blocks";

export interface ReadOptions {
  /** Range.getSpecialCells (ExcelApi 1.9): where the values are. Without it, used ranges are read whole. */
  specialCells?: boolean;
  /** At most this many cells are read (default MAX_READ_CELLS); more is a TooMuchToReadError. */
  maxCells?: number;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). Without it, each Grid says its merges are unknown. */
  mergedAreas?: boolean;
}

/** One sheet as the probes found it. */
interface SheetProbe {
  name: string;
  worksheet: Excel.Worksheet;
  used: CellRange;
  /** Cells with constants and with formulas: RangeAreas, or null objects for none. */
  kinds: Excel.RangeAreas[];
}

/**
 * The sheets' values and every Excel Table, as Grids, reading only where the values are:
 * a sheet's used range is no guide (one value at XFD1048576 makes it 17 billion cells).
 *
 * Syncs, whatever the number of rows or how far out a stray value is:
 * 1. the sheet and table names;
 * 2. every sheet's used range (values only) and how many cells and areas hold constants
 *    and formulas (`getSpecialCellsOrNullObject`, ExcelApi 1.9), every table's address;
 * 3. only when a sheet's used range is mostly blank and too big for one sync (`readWhole`):
 *    the addresses of its areas of values, which `contentRegions` turns into a few
 *    rectangles (more syncs only past `budget` bytes of addresses);
 * 4. the values of those rectangles (or of the used range, for a sheet read whole) in row
 *    blocks queued until a sync's response is expected to reach `budget` bytes; the first
 *    of them also brings each region's visible cells and merged areas (sheet-view.ts).
 * A workbook of sheets read whole and at most budget / 64 cells (62,500 at 4 MB) reads in
 * 3 syncs; one with a far stray value in 4. A sheet comes as one Grid per region either
 * way (a sheet read whole is cut into regions from its values, with the same rule, so the
 * Grids do not depend on how it was read). A table's values are cut from its sheet's regions, down to
 * the last row holding anything, so a table over whole columns costs only its content.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  budget: number = MAX_REQUEST_BYTES,
  options: ReadOptions = {}
): Promise<WorkbookGrids> {
  const specialCells = options.specialCells ?? true;
  const maxCells = options.maxCells ?? MAX_READ_CELLS;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();

  // Our own half-written sheets (left by a run that never finished) are not the user's data.
  const sheets = worksheets.items.filter((s) => !isOurs(s.name));
  const probes = sheets.map((worksheet) => {
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load("address");
    // On the whole sheet, not the used range: that is not known yet, and may be a null object.
    const whole = worksheet.getRange();
    const kinds = specialCells
      ? (["Constants", "Formulas"] as const).map((kind) =>
          whole.getSpecialCellsOrNullObject(kind).load("areaCount,cellCount")
        )
      : [];
    return { worksheet, used, kinds };
  });
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address");
    return { name: table.name, range };
  });
  await context.sync();

  const present: SheetProbe[] = probes
    .filter(({ used }) => !used.isNullObject)
    .map(({ worksheet, used, kinds }) => ({
      name: worksheet.name,
      worksheet,
      used: parseRangeA1(splitAddress(used.address).local),
      kinds: kinds.filter((k) => !k.isNullObject),
    }));

  // Sheets whose values must be found first; the rest are read whole.
  const regions = new Map<SheetProbe, CellRange[]>();
  const sparse: SheetProbe[] = [];
  for (const sheet of present) {
    const usedCells = rangeArea(sheet.used);
    const cellCounts = sheet.kinds.map((k) => (k.cellCount < 0 ? Infinity : k.cellCount));
    const content = cellCounts.reduce((a, b) => a + b, 0);
    const areas = sheet.kinds.reduce((n, k) => n + k.areaCount, 0);
    const whole = (): void => {
      regions.set(sheet, [sheet.used]);
    };
    if (!specialCells) {
      if (usedCells > maxCells) throw TooMuchToReadError.oldExcel(sheet.name, sheet.used);
      whole();
    } else if (readWhole(usedCells, content, budget)) {
      whole();
    } else if (areaAddressBytes(sheet.name, areas) + STEP_OVERHEAD_BYTES <= budget) {
      sparse.push(sheet);
    } else if (usedCells <= maxCells) {
      // Too many areas to list in one response, but few enough cells to read them all.
      whole();
    } else {
      throw TooMuchToReadError.scattered(sheet.name, sheet.used, areas);
    }
  }
  await findRegions(context, sparse, budget, regions);

  const reads: UsedRangeRead[] = present.flatMap((sheet) =>
    (regions.get(sheet) ?? []).map((region) =>
      regionRead(sheet.name, sheet.worksheet, region, { formulas: false })
    )
  );
  const tableCuts = tableRanges
    .map(({ name, range }) => ({ name, ...splitAddress(range.address) }))
    .filter(({ sheet }) => !isOurs(sheet))
    .map(({ name, sheet, local }) => {
      if (!sheets.some((s) => s.name === sheet)) {
        throw new Error(`table ${name} is on sheet '${sheet}', which the workbook does not list`);
      }
      return { name, sheet, range: clipTable(parseRangeA1(local), sheet, reads) };
    });
  checkSize(reads, tableCuts, maxCells);

  const views = await readValuesAndViews(context, reads, budget, {
    visible: specialCells,
    merged: options.mergedAreas ?? true,
  });

  // A sheet read whole comes as one Grid per region too, found from its values (a region
  // found by special cells is one region of its own values, so it stays as it is).
  const grids: Grid[] = reads.flatMap(regionGrids);
  for (const { name, sheet, range } of tableCuts) {
    grids.push({ sheet, origin: range.start, values: cut(range, sheet, reads), table: name });
  }
  return { grids: grids.map((g) => withSheetView(g, views.get(g.sheet) ?? NOTHING_HIDDEN)) };
}

const NOTHING_HIDDEN: SheetView = { hiddenRows: [], merges: [] };

/**
 * The values, and each sheet's hidden rows and merged areas with the first sync of them.
 * Excel refuses to list more than 512 merged areas in a range, which fails that sync:
 * then it is read again without them, and the Grids say the merges are unknown.
 */
async function readValuesAndViews(
  context: Excel.RequestContext,
  reads: UsedRangeRead[],
  budget: number,
  ask: SheetViewAsk
): Promise<Map<string, SheetView>> {
  const loads = new SheetViewLoads(reads, ask);
  try {
    await readRowBlocks(context, reads, { formulas: false }, budget, loads.queue);
  } catch (error) {
    if (!ask.merged || reads.some((r) => r.values.length > 0)) throw error;
    return readValuesAndViews(context, reads, budget, { ...ask, merged: false });
  }
  return loads.views();
}

/** The regions of what was read, as Grids; the whole read when it is one region. */
function regionGrids(s: UsedRangeRead): Grid[] {
  const found = contentRegions(filledAreas(s.values));
  if (found.length <= 1)
    return [{ sheet: s.name, origin: { row: s.r0, column: s.c0 }, values: s.values }];
  return found.map(({ start, end }) => ({
    sheet: s.name,
    origin: { row: s.r0 + start.row, column: s.c0 + start.column },
    values: s.values
      .slice(start.row, end.row + 1)
      .map((row) => row.slice(start.column, end.column + 1)),
  }));
}

const isOurs = (name: string): boolean =>
  name.startsWith(TEMP_SHEET_PREFIX) || name.startsWith(RETIRED_SHEET_PREFIX);

/**
 * Loads the areas of values of `sparse` sheets (their addresses, packed into syncs of at
 * most `budget` expected bytes) and sets each sheet's regions from them.
 */
async function findRegions(
  context: Excel.RequestContext,
  sparse: readonly SheetProbe[],
  budget: number,
  regions: Map<SheetProbe, CellRange[]>
): Promise<void> {
  let at = 0;
  while (at < sparse.length) {
    const batch: Array<{ sheet: SheetProbe; areas: Excel.RangeCollection[] }> = [];
    let room = budget;
    while (at < sparse.length) {
      const sheet = sparse[at];
      const bytes =
        STEP_OVERHEAD_BYTES +
        areaAddressBytes(
          sheet.name,
          sheet.kinds.reduce((n, k) => n + k.areaCount, 0)
        );
      if (batch.length > 0 && bytes > room) break;
      batch.push({ sheet, areas: sheet.kinds.map((k) => k.areas.load("items/address")) });
      room -= bytes;
      at++;
    }
    // One sync per budget's worth of addresses, as for values.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { sheet, areas } of batch) {
      const occupied = areas.flatMap((collection) =>
        collection.items.map((area) => parseRangeA1(splitAddress(area.address).local))
      );
      regions.set(sheet, contentRegions(occupied));
    }
  }
}

/** A table's range down to the last row any region of its sheet holds within it. */
function clipTable(table: CellRange, sheet: string, reads: readonly UsedRangeRead[]): CellRange {
  let last = table.start.row;
  for (const s of reads) {
    if (s.name !== sheet || !overlaps(s, table)) continue;
    last = Math.max(last, Math.min(s.r1, table.end.row));
  }
  return { start: table.start, end: { row: last, column: table.end.column } };
}

const overlaps = (s: UsedRangeRead, r: CellRange): boolean =>
  s.r0 <= r.end.row && r.start.row <= s.r1 && s.c0 <= r.end.column && r.start.column <= s.c1;

/** Refuses, before any value is read, a read of more than `maxCells` cells in all. */
function checkSize(
  reads: readonly UsedRangeRead[],
  tables: ReadonlyArray<{ sheet: string; range: CellRange }>,
  maxCells: number
): void {
  const blocks = [
    ...reads.map((s) => ({
      sheet: s.name,
      range: { start: { row: s.r0, column: s.c0 }, end: { row: s.r1, column: s.c1 } },
    })),
    ...tables,
  ];
  const cells = blocks.reduce((n, b) => n + rangeArea(b.range), 0);
  if (cells <= maxCells) return;
  const largest = blocks.reduce((a, b) => (rangeArea(b.range) > rangeArea(a.range) ? b : a));
  throw TooMuchToReadError.tooMany(cells, largest, maxCells);
}

/** A table's values from its sheet's regions; a cell in none of them is empty. */
function cut(range: CellRange, sheet: string, reads: readonly UsedRangeRead[]): CellValue[][] {
  const { start, end } = range;
  const width = end.column - start.column + 1;
  const values: CellValue[][] = [];
  for (let r = start.row; r <= end.row; r++) values.push(new Array<CellValue>(width).fill(""));
  for (const s of reads) {
    if (s.name !== sheet || !overlaps(s, range)) continue;
    for (let r = Math.max(s.r0, start.row); r <= Math.min(s.r1, end.row); r++) {
      const from = s.values[r - s.r0];
      const to = values[r - start.row];
      for (let c = Math.max(s.c0, start.column); c <= Math.min(s.c1, end.column); c++) {
        to[c - start.column] = from[c - s.c0];
      }
    }
  }
  return values;
}
