import { quoteSheetName } from "../core/grid";
import type { CellValue } from "../core/grid";
import { allOrNothing, cellsBefore, loadCells, restoreCells } from "./atomic";
import type { CellsBefore } from "./atomic";
import { TEXT_FORMAT } from "./cells";
import { ownedSheet } from "./owned";
import type { ExcelRun } from "./run";

export interface CellUpdate {
  /** On the sheet itself: "B4". */
  address: string;
  value: CellValue;
}

/**
 * Sets cells on an owned sheet (the task pane editing the Assumptions sheet), all or
 * nothing: the cells are read as they were before anything is written, and put back if
 * the write fails, even part-way.
 *
 * Syncs: 2 to check ownership (ownedKey: custom property, else the CLI's name mark on a
 * sheet still under a default name), the cells as they were read with the second; 1 to
 * write. A sheet owned by its name mark only is not given a custom property here:
 * editing a value does not change whose sheet it is, and its mode (shareable from the
 * CLI, or a live add-in sheet that lost its property) is unknown without reading it. The
 * next writeSheets or makeShareable marks it fully.
 */
export async function updateOwnedCells(
  run: ExcelRun,
  sheetName: string,
  updates: readonly CellUpdate[],
  maxRequestBytes: number
): Promise<void> {
  await allOrNothing(run, {
    async before(context) {
      let ranges: Excel.Range[] = [];
      const { sheet } = await ownedSheet(context, sheetName, (s) => {
        ranges = updates.map((u) => loadCells(s.getRange(u.address)));
      });
      const cells: CellsBefore[] = updates.map((u, i) => cellsBefore(u.address, ranges[i]));
      return { sheet, name: sheet.name, cells };
    },
    async write(context, { sheet }) {
      for (const { address, value } of updates) {
        const range = sheet.getRange(address);
        // Typed text stays text, whatever it starts with.
        if (typeof value === "string") range.numberFormat = [[TEXT_FORMAT]];
        range.values = [[value]];
      }
      await context.sync();
    },
    async restore(context, { name, cells }) {
      await restoreCells(
        context,
        context.workbook.worksheets.getItem(name),
        cells,
        maxRequestBytes
      );
    },
    leftover: ({ name, cells }) =>
      `check ${cells.map((c) => c.address).join(", ")} on ${quoteSheetName(name)}.`,
  });
}
