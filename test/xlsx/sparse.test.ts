import ExcelJS from "exceljs";
import fc from "fast-check";
import { fromA1, holdsText, toA1, type Grid } from "../../src/core/grid";
import { readWorkbook } from "../../src/core/read";
import { childrensServicesWorkbook } from "../../src/cli/demo-workbook";
import { loadWorkbook, readWorkbookGrids, saveWorkbook, WorkbookRefused } from "../../src/xlsx";

const area = (g: Grid) => g.values.length * (g.values[0]?.length ?? 0);

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await saveWorkbook(wb));
}

describe("readWorkbookGrids reads only where the values are", () => {
  it("gives a value at XFD1048576 a one-cell grid of its own; the establishment reads as without it", async () => {
    const plain = readWorkbookGrids(await roundTrip(childrensServicesWorkbook()));
    const wb = childrensServicesWorkbook();
    wb.getWorksheet("Establishment")!.getCell("XFD1048576").value = "stray";
    const { grids } = readWorkbookGrids(await roundTrip(wb));

    const far = grids.find((g) => g.origin.row === 1_048_575);
    expect(far).toEqual({
      sheet: "Establishment",
      origin: { row: 1_048_575, column: 16_383 },
      values: [["stray"]],
    });
    // The same grids as without the stray value, plus the one-cell grid: nothing dense.
    expect(grids.filter((g) => g !== far)).toEqual(plain.grids);
    expect(grids.reduce((sum, g) => sum + area(g), 0)).toBe(
      plain.grids.reduce((sum, g) => sum + area(g), 0) + 1
    );
    expect(Math.max(...grids.map(area))).toBeLessThan(1_000);

    const before = readWorkbook(plain);
    const after = readWorkbook({ grids });
    expect(after.establishment?.posts.length).toBe(before.establishment?.posts.length);
    expect(after.establishment?.posts.map((p) => p.cells)).toEqual(
      before.establishment?.posts.map((p) => p.cells)
    );
    expect(after.issues).toEqual(before.issues);
    expect(holdsText(grids, "Establishment", "XFD1048576")).toBe(true);
  });

  it("finds a second table far below the first on the same sheet, with its own cell addresses", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Staff");
    ws.addRow(["Post", "Grade", "FTE", "Salary"]);
    ws.addRow(["Social Worker", "SS08", 1, 38000]);
    ws.addRow(["Team Manager", "SS11", 0.5, 52000]);
    // 80 blank rows, then the localities: a region of their own.
    ws.getCell("A84").value = "Locality";
    ws.getCell("B84").value = "Population 0-19";
    ws.getCell("A85").value = "North";
    ws.getCell("B85").value = 12000;
    ws.getCell("A86").value = "South";
    ws.getCell("B86").value = "lots";
    const { grids } = readWorkbookGrids(await roundTrip(wb));
    expect(grids.map((g) => [g.origin, g.values.length])).toEqual([
      [{ row: 0, column: 0 }, 3],
      [{ row: 83, column: 0 }, 3],
    ]);
    const inputs = readWorkbook({ grids });
    expect(inputs.establishment?.posts.map((p) => [p.title, p.cells.fte])).toEqual([
      ["Social Worker", "C2"],
      ["Team Manager", "C3"],
    ]);
    expect(inputs.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ sheet: "Staff", address: "B86" }),
    ]);
  });

  it("puts every value in exactly one grid, at its own address (any scatter of cells)", () => {
    const cell = fc.record({
      row: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 1_048_575 })),
      column: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 16_383 })),
      value: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom("a", "Post", "£1")),
    });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), (cells) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("S");
        const placed = new Map<string, number | string>();
        for (const c of cells) {
          const address = toA1(c);
          ws.getCell(address).value = c.value;
          placed.set(address, c.value);
        }
        const { grids } = readWorkbookGrids(wb);
        const seen = new Map<string, number | string | boolean>();
        for (const g of grids)
          g.values.forEach((line, r) =>
            line.forEach((v, c) => {
              if (v === "") return;
              const address = toA1({ row: g.origin.row + r, column: g.origin.column + c });
              expect(seen.has(address)).toBe(false);
              seen.set(address, v);
            })
          );
        expect(seen).toEqual(placed);
        // Each grid is the bounding box of its values: no blank edge row or column.
        for (const g of grids) {
          expect(g.values[0].some((v) => v !== "")).toBe(true);
          expect(g.values[g.values.length - 1].some((v) => v !== "")).toBe(true);
          expect(g.values.some((line) => line[0] !== "")).toBe(true);
          expect(g.values.some((line) => line[line.length - 1] !== "")).toBe(true);
        }
      }),
      { numRuns: 60 }
    );
  });

  it("reads an Excel Table as far as its cells hold values, not its declared range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Posts");
    ws.addTable({
      name: "Posts",
      ref: "B2",
      columns: [{ name: "Post" }, { name: "FTE" }],
      rows: [
        ["Social Worker", 1],
        ["Team Manager", 0.5],
      ],
    });
    const loaded = await roundTrip(wb);
    // As a file declaring the table over a million rows would have it.
    const table = loaded.getWorksheet("Posts")!.getTables()[0] as unknown as {
      model: { tableRef: string };
    };
    table.model.tableRef = "B2:C1048576";
    const grid = readWorkbookGrids(loaded).grids.find((g) => g.table === "Posts");
    expect(grid).toEqual({
      sheet: "Posts",
      origin: { row: 1, column: 1 },
      values: [
        ["Post", "FTE"],
        ["Social Worker", 1],
        ["Team Manager", 0.5],
      ],
      table: "Posts",
    });
  });

  it("reads many tables declared over the whole sheet to the sheet's last filled row and column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Many");
    for (let r = 1; r <= 2_000; r++) ws.getCell(r, 1).value = r;
    ws.addTable({ name: "T", ref: "C1", columns: [{ name: "Post" }], rows: [["SW"]] });
    const loaded = await roundTrip(wb);
    const sheet = loaded.getWorksheet("Many") as unknown as {
      tables: Record<string, { model: { tableRef: string } }>;
    };
    const t = sheet.tables.T;
    t.model.tableRef = "C1:XFD1048576";
    // The same table 300 times over, as a hostile file may declare it.
    for (let i = 0; i < 300; i++) sheet.tables[`T${i}`] = t;
    const grids = readWorkbookGrids(loaded).grids.filter((g) => g.table === "T");
    expect(grids).toHaveLength(301);
    expect(grids[0].origin).toEqual({ row: 0, column: 2 });
    expect(grids[0].values).toHaveLength(2_000);
    expect(grids[0].values[0]).toEqual(["Post"]);
    expect(grids[0].values[1]).toEqual(["SW"]);
  });

  it("reads an Excel Table taller than a spread of its rows can take (300,000 rows)", () => {
    const rows = 300_000;
    const values = [["Post", "FTE"], ...Array.from({ length: rows }, (_, i) => [`P${i}`, 1])];
    const grids: Grid[] = [
      { sheet: "Big", origin: { row: 0, column: 0 }, values },
      { sheet: "Big", origin: { row: 0, column: 0 }, values, table: "Posts" },
    ];
    const inputs = readWorkbook({ grids });
    expect(inputs.establishment?.posts).toHaveLength(rows);
  });

  it("refuses values strung out so that no gap splits them, before building the grid", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Chain");
    // One cell every 50 rows and 20 columns: each within the gaps of the last, so one region.
    for (let i = 0; i * 20 < 16_384; i++) ws.getCell(i * 50 + 1, i * 20 + 1).value = i;
    expect(() => readWorkbookGrids(wb)).toThrow(WorkbookRefused);
    expect(() => readWorkbookGrids(wb)).toThrow(/sheet 'Chain' are spread too widely/);
  });

  it("counts tables and regions against the grid limit together", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 10; r++) for (let c = 1; c <= 10; c++) ws.getCell(r, c).value = r * c;
    expect(readWorkbookGrids(wb, { gridCells: 100 }).grids).toHaveLength(1);
    expect(() => readWorkbookGrids(wb, { gridCells: 99 })).toThrow(/A1:J10/);
  });

  it("finds text in whichever of a sheet's grids holds the cell", () => {
    const grids: Grid[] = [
      { sheet: "S", origin: { row: 0, column: 0 }, values: [["a", 1]] },
      { sheet: "S", origin: { row: 500, column: 3 }, values: [[2, "far"]] },
    ];
    expect(holdsText(grids, "S", "A1")).toBe(true);
    expect(holdsText(grids, "S", "B1")).toBe(false);
    expect(holdsText(grids, "S", "E501")).toBe(true);
    expect(holdsText(grids, "S", "D501")).toBe(false);
    expect(holdsText(grids, "S", toA1(fromA1("C1")))).toBe(false);
  });
});
