import { columnLetters, parseRangeA1 } from "../core/grid";
import type { CellRange, CellValue } from "../core/grid";
import { STEP_OVERHEAD_BYTES } from "./batches";
import { jsonBytes } from "./cells";
import { splitAddress } from "./names";

/**
 * Reading used ranges in row blocks, so that no sync's response is expected over a byte
 * budget (Excel on the web refuses a response over 5 MB). Shared by `readWorkbook` (values)
 * and `makeShareable` (formulas, values and number formats).
 */

/**
 * Response bytes assumed per cell and per property loaded (`values`, `formulas`) of a sheet
 * none of whose rows have arrived yet: the UTF-8 JSON of the cell and its comma. A number
 * costs at most 24 (`-1.2345678901234567e-300`), usually 2–18; an empty cell 3 (`"",`); an
 * establishment's text (titles, names, grades, cost centres) mostly 5–40. 64 is a
 * 60-character text in every cell: about three times a real establishment sheet, so the
 * first block of a sheet stays under the budget unless most of its cells hold long text,
 * and then the retry below still reads it.
 */
export const READ_BYTES_PER_CELL = 64;

/** Once a block has arrived, the next blocks of that sheet are sized from its measured bytes times this. */
export const READ_MEASURE_MARGIN = 1.25;

/**
 * Floor on the measured bytes per cell (and property), so a first block of mostly empty
 * cells (3 bytes) does not size the next one at 30 times the rows.
 */
export const READ_MIN_BYTES_PER_CELL = 8;

const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** What a block loads of its cells: always `values`; `formulas` and `numberFormat` when asked. */
export interface BlockLoad {
  formulas: boolean;
  formats?: boolean;
}

const propertiesOf = (load: BlockLoad): string[] => [
  ...(load.formulas ? ["formulas"] : []),
  "values",
  ...(load.formats === true ? ["numberFormat"] : []),
];

/** A sheet's used range, read in row blocks. */
export interface UsedRangeRead {
  name: string;
  worksheet: Excel.Worksheet;
  /** Zero-based rows and columns of the used range. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  /** Rows of `values` read so far, in order. */
  values: CellValue[][];
  /** Rows of `formulas` read so far, in order (only when `formulas` is loaded). */
  formulas: unknown[][];
  /** Rows of `numberFormat` read so far, in order (only when `formats` is loaded). */
  formats: string[][];
  /** Bytes one row is expected to cost in a response. */
  rowBytes: number;
  /** Largest bytes per row measured in a block so far. */
  measured: number;
}

/** A used range to read, from its worksheet and address (`'Sheet'!B2:M5207`). */
export function usedRangeRead(
  name: string,
  worksheet: Excel.Worksheet,
  address: string,
  load: BlockLoad
): UsedRangeRead {
  return regionRead(name, worksheet, parseRangeA1(splitAddress(address).local), load);
}

/** A rectangle of a sheet to read. */
export function regionRead(
  name: string,
  worksheet: Excel.Worksheet,
  { start, end }: CellRange,
  load: BlockLoad
): UsedRangeRead {
  const columns = end.column - start.column + 1;
  return {
    name,
    worksheet,
    r0: start.row,
    c0: start.column,
    r1: end.row,
    c1: end.column,
    values: [],
    formulas: [],
    formats: [],
    rowBytes: columns * READ_BYTES_PER_CELL * propertiesOf(load).length,
    measured: 0,
  };
}

interface Block {
  sheet: UsedRangeRead;
  rows: number;
  range: Excel.Range;
}

/**
 * Loads the used ranges' values (and formulas, when `load` says), sheet by sheet, in row blocks: each sync gets
 * blocks until the expected response reaches the budget, so a sync holds blocks of
 * several small sheets or part of a large one. A sync that Excel refuses as too large
 * (the estimate was low: long text) is retried with the rows per block halved; only a
 * single row over the limit is an error. Syncs: 1 when every range holds at most
 * budget / (64 × properties loaded) cells, else about 1 + ceil(bytes × 1.25 / budget), plus one
 * per refused sync; none for no ranges. `alongside` queues loads that go with the first sync
 * (queued again with each retry of it, until one is not refused), so they cost no sync.
 */
export async function readRowBlocks(
  context: Excel.RequestContext,
  reads: UsedRangeRead[],
  load: BlockLoad,
  budget: number,
  alongside?: () => void
): Promise<void> {
  let carried = alongside === undefined;
  const properties = propertiesOf(load);
  const minRowCost = (sheet: UsedRangeRead): number =>
    (sheet.c1 - sheet.c0 + 1) * READ_MIN_BYTES_PER_CELL * properties.length;
  let at = 0;
  while (at < reads.length) {
    const blocks: Block[] = [];
    let room = budget;
    for (let i = at; i < reads.length; i++) {
      const sheet = reads[i];
      const next = sheet.r0 + sheet.values.length;
      const left = sheet.r1 - next + 1;
      const fit = Math.floor((room - STEP_OVERHEAD_BYTES) / sheet.rowBytes);
      const rows = Math.min(left, blocks.length === 0 ? Math.max(1, fit) : fit);
      if (rows < 1) break;
      const address =
        `${columnLetters(sheet.c0)}${next + 1}:` + `${columnLetters(sheet.c1)}${next + rows}`;
      const range = sheet.worksheet.getRange(address);
      // Named, in `properties`; the rule only sees literal names.
      // eslint-disable-next-line office-addins/no-empty-load
      range.load(properties);
      blocks.push({ sheet, rows, range });
      room -= STEP_OVERHEAD_BYTES + rows * sheet.rowBytes;
      if (rows < left) break;
    }

    if (!carried) alongside?.();
    try {
      // One sync per budget's worth of cells: the loop is the chunking, as for writes.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      carried = true;
    } catch (error) {
      if ((error as { code?: unknown }).code !== RESPONSE_TOO_LARGE) throw error;
      if (blocks.length === 1 && blocks[0].rows === 1) {
        const { sheet } = blocks[0];
        throw new Error(
          `row ${sheet.r0 + sheet.values.length + 1} of '${sheet.name}' alone is over Excel's response limit`
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
      let bytes = 0;
      const values = range.values;
      bytes += jsonBytes(values);
      for (const row of values) sheet.values.push(row);
      if (load.formulas) {
        const formulas = range.formulas as unknown[][];
        bytes += jsonBytes(formulas);
        for (const row of formulas) sheet.formulas.push(row);
      }
      if (load.formats === true) {
        const formats = range.numberFormat as string[][];
        bytes += jsonBytes(formats);
        for (const row of formats) sheet.formats.push(row);
      }
      sheet.measured = Math.max(sheet.measured, bytes / rows);
      sheet.rowBytes = Math.max(sheet.measured, minRowCost(sheet)) * READ_MEASURE_MARGIN;
    }
    while (at < reads.length && reads[at].values.length === reads[at].r1 - reads[at].r0 + 1) {
      at++;
    }
  }
}
