import { quoteSheetName, rangeA1 } from "../core/grid";
import type { CellValue } from "../core/grid";
import type { SheetKey } from "../core/report";
import { allOrNothing, restoreCells, restoreProperty } from "./atomic";
import type { CellsBefore } from "./atomic";
import { Batches, chunkRows, STEP_OVERHEAD_BYTES } from "./batches";
import { readRowBlocks, usedRangeRead } from "./blocks";
import { jsonBytes, TEXT_FORMAT } from "./cells";
import { MARKER_KEY, markerValue } from "./marker";
import { ownedSheet } from "./owned";
import type { ExcelRun } from "./run";

import { ESTAB_CALL, followsInputs } from "../core/report";

export { ESTAB_CALL };

export interface ShareableOutcome {
  sheet: string;
  /** ESTAB formulas replaced by their values. */
  converted: number;
}

/** A row holding ESTAB formulas: its values in their place, null for every other cell. */
interface ConvertedRow {
  /** Its address on the sheet, the used range's width. */
  address: string;
  values: (CellValue | null)[];
  formats: (string | null)[];
}

/** What a conversion will write, and the cells it writes over as they were. */
interface Conversion {
  sheet: Excel.Worksheet;
  name: string;
  key: SheetKey;
  /** The custom property's text before, or undefined for none. */
  property: string | undefined;
  rows: ConvertedRow[];
  converted: number;
  before: CellsBefore[];
}

/**
 * Turns an owned live sheet into a shareable one: every ESTAB.* formula becomes the
 * value it shows now, so a colleague without the add-in sees the same numbers (native
 * formulas such as SUM stay). Owned as `ownedKey` says: a sheet the CLI wrote (its
 * `ESTAB_OWNED_<KEY>` name only) is accepted too; it has nothing to convert (the CLI
 * writes shareable sheets) unless it is an add-in sheet that lost its custom property, and
 * either way it is shareable afterwards.
 *
 * All or nothing (`allOrNothing`): the rows it changes are read before anything is
 * written, and put back if any write sync fails.
 *
 * The used range's formulas, values and number formats are read in row blocks
 * (`readRowBlocks`, as `read` does), so no sync's response is expected over
 * `maxRequestBytes`: Excel on the web refuses a response over 5 MB, which a whole
 * 50,000-row live sheet passes.
 *
 * Syncs: 2 to check ownership (the used range's address comes with the second); the
 * used range in row blocks (1 for a sheet of at most maxRequestBytes / 192 cells, 20,833
 * at 4 MB; else about 1 + ceil(response bytes × 1.25 / maxRequestBytes), plus one per
 * sync Excel refuses as too large; none for an empty sheet); then one per request budget
 * of values written (at least one, which also re-marks the sheet: the custom property
 * says shareable, and a sheet marked only by name gets one). A small sheet: 4.
 */
export async function makeShareable(
  run: ExcelRun,
  sheetName: string,
  maxRequestBytes: number
): Promise<ShareableOutcome> {
  return allOrNothing(run, {
    before: (context) => planConversion(context, sheetName, maxRequestBytes),
    write: (context, c) => convert(context, c, maxRequestBytes),
    async restore(context, c) {
      const sheet = context.workbook.worksheets.getItem(c.name);
      await restoreCells(context, sheet, c.before, maxRequestBytes);
      await restoreProperty(context, sheet, MARKER_KEY, c.property);
    },
    leftover: (c) =>
      `some ESTAB formulas on ${quoteSheetName(c.name)} may already be values; build the sheet again in live mode to get them back.`,
  });
}

async function planConversion(
  context: Excel.RequestContext,
  sheetName: string,
  budget: number
): Promise<Conversion> {
  let used: Excel.Range | undefined;
  const { sheet, key, property } = await ownedSheet(context, sheetName, (s) => {
    used = s.getUsedRangeOrNullObject();
    used.load("address");
  });
  const usedRange = used as Excel.Range;
  const load = { formulas: true, formats: true };
  const block = usedRange.isNullObject
    ? undefined
    : usedRangeRead(sheet.name, sheet, usedRange.address, load);
  const conversion: Conversion = {
    sheet,
    name: sheet.name,
    key,
    property,
    rows: [],
    converted: 0,
    before: [],
  };
  if (block === undefined) return conversion;
  await readRowBlocks(context, [block], load, budget);

  block.formulas.forEach((row, r) => {
    let hit = false;
    const values: (CellValue | null)[] = row.map((f, c) => {
      if (typeof f !== "string" || !f.startsWith("=") || !followsInputs(f)) return null;
      hit = true;
      conversion.converted++;
      return block.values[r][c];
    });
    if (!hit) return;
    const address = rangeA1(
      { row: block.r0 + r, column: block.c0 },
      { row: block.r0 + r, column: block.c1 }
    );
    // A text result goes in as text, never re-read as a formula.
    const formats = values.map((v) => (typeof v === "string" ? TEXT_FORMAT : null));
    conversion.rows.push({ address, values, formats });
    conversion.before.push({
      address,
      formulas: [row],
      values: [block.values[r]],
      numberFormat: [block.formats[r]],
    });
  });
  return conversion;
}

async function convert(
  context: Excel.RequestContext,
  c: Conversion,
  budget: number
): Promise<ShareableOutcome> {
  const { rows, sheet } = c;
  const batches = new Batches(budget);
  // Each converted row is its own small write, so untouched rows cost nothing.
  chunkRows(
    batches,
    rows.length,
    (i) => ({
      bytes: jsonBytes(rows[i].values) + jsonBytes(rows[i].formats) + 2 * STEP_OVERHEAD_BYTES,
    }),
    0,
    (start, end, bytes) => ({
      bytes,
      queue: () => {
        for (const r of rows.slice(start, end)) {
          const range = sheet.getRange(r.address);
          range.numberFormat = [r.formats];
          range.values = [r.values];
        }
      },
    })
  );
  batches.add({
    bytes: 100,
    queue: () => {
      // Owned means the custom property's name (if any) is the sheet's name already.
      sheet.customProperties.add(
        MARKER_KEY,
        markerValue({ key: c.key, name: c.name, mode: "shareable" })
      );
    },
  });
  for (const batch of batches.filled) {
    batch.forEach((step) => step.queue());
    // One sync per request-budget's worth of bytes, not per row.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return { sheet: c.name, converted: c.converted };
}
