import { rangeA1 } from "../core/grid";
import type { CellValue } from "../core/grid";
import { Batches, chunkRows, STEP_OVERHEAD_BYTES } from "./batches";
import { readRowBlocks, usedRangeRead } from "./blocks";
import { jsonBytes, TEXT_FORMAT } from "./cells";
import { MARKER_KEY, markerValue } from "./marker";
import { ownedSheet } from "./owned";

import { ESTAB_CALL } from "../core/report";

export { ESTAB_CALL };

export interface ShareableOutcome {
  sheet: string;
  /** ESTAB formulas replaced by their values. */
  converted: number;
}

/**
 * Turns an owned live sheet into a shareable one: every ESTAB.* formula becomes the
 * value it shows now, so a colleague without the add-in sees the same numbers (native
 * formulas such as SUM stay). Owned as `ownedKey` says: a sheet the CLI wrote (its
 * `ESTAB_OWNED_<KEY>` name only) is accepted too; it has nothing to convert (the CLI
 * writes shareable sheets) unless it is an add-in sheet that lost its custom property, and
 * either way it is shareable afterwards.
 *
 * The used range's formulas and values are read in row blocks (`readRowBlocks`, as
 * `read` does), so no sync's response is expected over `maxRequestBytes`: Excel on the
 * web refuses a response over 5 MB, which a whole 50,000-row live sheet passes.
 *
 * Syncs: 2 to check ownership; 1 for the used range's address; the formulas and values in
 * row blocks (1 for a sheet of at most maxRequestBytes / 128 cells, 31,250 at 4 MB; else
 * about 1 + ceil(response bytes × 1.25 / maxRequestBytes), plus one per sync Excel
 * refuses as too large; none for an empty sheet); then one per request budget of values
 * written (at least one, which also re-marks the sheet: the custom property says
 * shareable, and a sheet marked only by name gets one). A small sheet: 5.
 */
export async function makeShareable(
  context: Excel.RequestContext,
  sheetName: string,
  maxRequestBytes: number
): Promise<ShareableOutcome> {
  const { sheet, key } = await ownedSheet(context, sheetName);
  const used = sheet.getUsedRangeOrNullObject();
  used.load("address");
  await context.sync();

  const block = used.isNullObject
    ? undefined
    : usedRangeRead(sheet.name, sheet, used.address, { formulas: true });
  if (block !== undefined) {
    await readRowBlocks(context, [block], { formulas: true }, maxRequestBytes);
  }

  const rows: Array<{ row: number; values: (CellValue | null)[]; formats: (string | null)[] }> = [];
  let converted = 0;
  if (block !== undefined) {
    const values = block.values;
    block.formulas.forEach((row, r) => {
      let hit = false;
      const rowValues: (CellValue | null)[] = row.map((f, c) => {
        if (typeof f !== "string" || !f.startsWith("=") || !ESTAB_CALL.test(f)) return null;
        hit = true;
        converted++;
        return values[r][c];
      });
      // A text result goes in as text, never re-read as a formula.
      if (hit)
        rows.push({
          row: r,
          values: rowValues,
          formats: rowValues.map((v) => (typeof v === "string" ? TEXT_FORMAT : null)),
        });
    });
  }

  const origin = block === undefined ? { row: 0, column: 0 } : { row: block.r0, column: block.c0 };
  const width = rows.length > 0 ? rows[0].values.length : 0;
  const batches = new Batches(maxRequestBytes);
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
          const range = sheet.getRange(
            rangeA1(
              { row: origin.row + r.row, column: origin.column },
              { row: origin.row + r.row, column: origin.column + width - 1 }
            )
          );
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
        markerValue({ key, name: sheet.name, mode: "shareable" })
      );
    },
  });
  for (const batch of batches.filled) {
    batch.forEach((step) => step.queue());
    // One sync per request-budget's worth of bytes, not per row.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return { sheet: sheet.name, converted };
}
