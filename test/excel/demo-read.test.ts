/**
 * The demo workbook through the Excel door: put into the fake cell by cell, read by the
 * adapter (one Grid per region), built by the core, it gives the same sheets and issues
 * as the file door's Grids, with and without a stray value far out.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { rangeA1 } from "../../src/core/grid";
import type { Grid } from "../../src/core/grid";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { WorkbookGrids } from "../../src/core/workbook/types";
import { createExcelWorkbook } from "../../src/excel";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";
import { FakeExcel } from "./fake/excel";
import { cellKey } from "./fake/state";

const request = {
  generatedAt: "2025-06-01T09:00:00Z",
  version: "test",
  mode: "shareable" as const,
};

/** The file's sheets and tables as the fake would hold them. */
function intoFake(file: WorkbookGrids): FakeExcel {
  const excel = new FakeExcel(
    {},
    { sheets: [], tables: [], names: [], activeSheetId: "", nextId: 1 }
  );
  for (const grid of file.grids.filter((g) => g.table === undefined)) {
    const sheet =
      excel.state.sheets.find((s) => s.name === grid.sheet) ?? excel.addSheet(grid.sheet);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "") return;
        sheet.cells.set(cellKey(grid.origin.row + r, grid.origin.column + c), {
          value: v,
          numberFormat: "General",
        });
      })
    );
  }
  for (const grid of file.grids.filter(
    (g): g is Grid & { table: string } => g.table !== undefined
  )) {
    const end = {
      row: grid.origin.row + grid.values.length - 1,
      column: grid.origin.column + grid.values[0].length - 1,
    };
    excel.addTable(grid.sheet, grid.table, rangeA1(grid.origin, end));
  }
  excel.resetCounters();
  return excel;
}

describe("the demo workbook through the Excel door", () => {
  it("builds the same sheets and issues as through the file door, also with a far stray value", async () => {
    const demo = path.join(__dirname, "../../examples/childrens-services.xlsx");
    const file = readWorkbookGrids(await loadWorkbook(readFileSync(demo)));
    const expected = buildWorkbook(file, request);
    expect(expected.ok).toBe(true);

    const excel = intoFake(file);
    const read = await createExcelWorkbook(excel.run).read();
    expect(excel.syncs).toBe(3);
    const built = buildWorkbook(read, request);
    expect(built.sheets).toEqual(expected.sheets);
    expect(built.issues).toEqual(expected.issues);

    const establishment = file.grids.find((g) => g.table === undefined)!.sheet;
    excel
      .sheet(establishment)
      .cells.set(cellKey(1_048_575, 16_383), { value: "stray", numberFormat: "General" });
    excel.resetCounters();
    const far = await createExcelWorkbook(excel.run).read();
    expect(excel.syncs).toBe(4);
    const farBuilt = buildWorkbook(far, request);
    expect(farBuilt.sheets).toEqual(expected.sheets);
    // The stray value is a region of its own that holds no table: nothing to report.
    expect(farBuilt.issues).toEqual(expected.issues);
  });
});
