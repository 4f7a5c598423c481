/**
 * Reading bounded by content, not by the used range (src/excel/read.ts): one value typed
 * far out makes a sheet's used range millions (or billions) of cells; the read finds
 * where the values are and reads only those regions.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/core/grid";
import { contentRegions, fromA1 } from "../../src/core/grid";
import { createExcelWorkbook, MAX_READ_CELLS, TooMuchToReadError } from "../../src/excel";
import { areaAddressBytes, filledAreas, readWhole } from "../../src/excel/content";
import { readWorkbook } from "../../src/excel/read";
import { FakeExcel, specialAreas } from "./fake/excel";
import type { FakeExcelOptions } from "./fake/excel";
import { cellKey } from "./fake/state";

/** A small establishment: a title, a header, `rows` posts, a TOTAL row. */
function establishment(rows: number): CellValue[][] {
  const out: CellValue[][] = [
    ["CHILDREN'S SERVICES ESTABLISHMENT 2025/26"],
    [],
    ["Post", "Grade", "FTE"],
  ];
  for (let i = 1; i <= rows; i++) out.push([`Family Support Worker ${i}`, "SS08", 1]);
  out.push([], ["TOTAL", "", rows]);
  return out;
}

/** The establishment at B2, and a stray value at `far` on the same sheet. */
function workbook(rows: number, far?: string, options: FakeExcelOptions = {}): FakeExcel {
  const excel = new FakeExcel(options);
  const sheet = excel.addSheet("Establishment", establishment(rows), "B2");
  if (far !== undefined) {
    const at = fromA1(far);
    sheet.cells.set(cellKey(at.row, at.column), { value: "x", numberFormat: "General" });
  }
  excel.resetCounters();
  return excel;
}

const read = (excel: FakeExcel): ReturnType<ReturnType<typeof createExcelWorkbook>["read"]> =>
  createExcelWorkbook(excel.run, { isSetSupported: excel.isSetSupported }).read();

const totalResponse = (excel: FakeExcel): number =>
  excel.requests.reduce((n, r) => n + r.responseBytes, 0);

describe("a stray value far out", () => {
  it("is read as its own one-cell grid, in 4 syncs, without reading the blanks between", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Establishment", establishment(3), "B2");
    excel
      .sheet("Establishment")
      .cells.set(cellKey(999, 16383), { value: 7, numberFormat: "General" });
    excel.resetCounters();
    const { grids } = await read(excel);
    expect(grids).toEqual([
      {
        sheet: "Establishment",
        origin: { row: 1, column: 1 },
        values: establishment(3).map(pad(3)),
      },
      { sheet: "Establishment", origin: { row: 999, column: 16383 }, values: [[7]] },
    ]);
    // Names; used ranges and special-cell counts; the areas' addresses; the two regions'
    // values. Read whole, B2:XFD1000 would be 16 million cells and ~45 syncs.
    expect(excel.syncs).toBe(4);
    expect(totalResponse(excel)).toBeLessThan(2_000);
  });

  it.each([
    [10, undefined, 3],
    [5_000, undefined, 3],
    [10, "XFD1000", 4],
    [5_000, "XFD1000", 4],
    [10, "XFD1048576", 4],
    [5_000, "XFD1048576", 4],
    [5_000, "A1048576", 4],
  ])("%i posts, a stray value at %s: %i syncs", async (rows, far, syncs) => {
    const excel = workbook(rows, far);
    const { grids } = await read(excel);
    expect(excel.syncs).toBe(syncs);
    expect(grids[0]).toEqual({
      sheet: "Establishment",
      origin: { row: 1, column: 1 },
      values: establishment(rows).map(pad(3)),
    });
    expect(grids).toHaveLength(far === undefined ? 1 : 2);
    // Only the posts and the stray cell travel: about 40 bytes a post.
    expect(totalResponse(excel)).toBeLessThan(2_000 + rows * 60);
  });

  it("leaves a table over whole columns with only its rows that hold something", async () => {
    const excel = workbook(100, "XFD1048576");
    excel.addTable("Establishment", "Posts", "B4:D1048576");
    excel.resetCounters();
    const { grids } = await read(excel);
    const table = grids.find((g) => g.table === "Posts");
    // Header, 100 posts, a blank row, TOTAL: row 4 to row 107.
    expect(table?.origin).toEqual({ row: 3, column: 1 });
    expect(table?.values).toEqual(establishment(100).slice(2).map(pad(3)));
    expect(excel.syncs).toBe(4);
  });

  it("keeps two tables far apart on one sheet as two grids", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Establishment", establishment(5), "A1");
    const sheet = excel.sheet("Establishment");
    // A localities table 500 rows below, in columns AA:AB, plus the used range to XFD.
    [
      ["Locality", "Population"],
      ["North", 1200],
      ["South", 800],
    ].forEach((row, r) =>
      row.forEach((v, c) =>
        sheet.cells.set(cellKey(600 + r, 26 + c), { value: v, numberFormat: "General" })
      )
    );
    sheet.cells.set(cellKey(5000, 16383), { value: "x", numberFormat: "General" });
    excel.resetCounters();
    const { grids } = await read(excel);
    expect(grids.map((g) => [g.origin, g.values.length, g.values[0].length])).toEqual([
      [{ row: 0, column: 0 }, 10, 3],
      [{ row: 600, column: 26 }, 3, 2],
      [{ row: 5000, column: 16383 }, 1, 1],
    ]);
  });
});

describe("one Grid per region, however the sheet is read", () => {
  it("cuts a sheet read whole into the same regions as one read sparsely", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Establishment", establishment(3), "A1");
    // A localities table 100 rows below: more than 50 blank rows apart, so a region of its own.
    [
      ["Locality", "Population"],
      ["North", 1200],
      ["South", 800],
    ].forEach((row, r) =>
      row.forEach((v, c) =>
        sheet.cells.set(cellKey(100 + r, c), { value: v, numberFormat: "General" })
      )
    );
    excel.resetCounters();
    const whole = await read(excel);
    expect(excel.syncs).toBe(3); // read whole: no areas listed
    const expected = [
      {
        sheet: "Establishment",
        origin: { row: 0, column: 0 },
        values: establishment(3).map(pad(3)),
      },
      {
        sheet: "Establishment",
        origin: { row: 100, column: 0 },
        values: [
          ["Locality", "Population"],
          ["North", 1200],
          ["South", 800],
        ],
      },
    ];
    expect(whole.grids).toEqual(expected);

    sheet.cells.set(cellKey(1_048_575, 16_383), { value: "x", numberFormat: "General" });
    excel.resetCounters();
    const sparse = await read(excel);
    expect(excel.syncs).toBe(4); // areas listed
    expect(sparse.grids).toEqual([
      ...expected,
      { sheet: "Establishment", origin: { row: 1_048_575, column: 16_383 }, values: [["x"]] },
    ]);
  });

  it("finds a sheet's filled cells as rectangles of runs", () => {
    expect(
      filledAreas([
        ["a", "b", "", "c"],
        ["d", "e", "", ""],
        ["", "", "", 0],
      ])
    ).toEqual([
      { start: { row: 0, column: 3 }, end: { row: 0, column: 3 } },
      { start: { row: 0, column: 0 }, end: { row: 1, column: 1 } },
      { start: { row: 2, column: 3 }, end: { row: 2, column: 3 } },
    ]);
  });
});

describe("every value, once, where it is", () => {
  it("reads each value of any sparse sheet into exactly one Grid, at its place", async () => {
    const cell = fc.oneof(
      // Clusters near the top left, and values anywhere on the sheet.
      fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 30 })),
      fc.tuple(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }))
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(cell, { selector: ([r, c]) => `${r}:${c}`, minLength: 1, maxLength: 60 }),
        fc.constantFrom(4_000_000, 3_000),
        async (cells, budget) => {
          const excel = new FakeExcel();
          const sheet = excel.addSheet("S");
          cells.forEach(([r, c], i) =>
            sheet.cells.set(cellKey(r, c), { value: i + 1, numberFormat: "General" })
          );
          const { grids } = await excel.run((context) => readWorkbook(context, budget));
          const found = new Map<string, number>();
          for (const g of grids.filter((x) => x.sheet === "S")) {
            g.values.forEach((row, r) =>
              row.forEach((v, c) => {
                if (v === "") return;
                const at = `${g.origin.row + r}:${g.origin.column + c}`;
                expect(found.has(at)).toBe(false);
                found.set(at, v as number);
              })
            );
          }
          expect(found.size).toBe(cells.length);
          cells.forEach(([r, c], i) => expect(found.get(`${r}:${c}`)).toBe(i + 1));
          // At the real budget: names, probe, areas, values. (A 3,000-byte budget takes
          // as many value syncs as the regions' blanks need.)
          if (budget === 4_000_000) expect(excel.syncs).toBeLessThanOrEqual(4);
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("limits", () => {
  it("refuses values scattered over a huge region before reading any of them", async () => {
    const excel = new FakeExcel();
    // 820 cells stepping 50 rows down and 20 columns right: no gap wide enough to cut,
    // so one region of 41,000 × 16,381 cells.
    const sheet = excel.addSheet("Scattered");
    for (let i = 0; i < 820; i++)
      sheet.cells.set(cellKey(50 * i, 20 * i), { value: i, numberFormat: "General" });
    excel.resetCounters();
    const error = await read(excel).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooMuchToReadError);
    expect((error as Error).message).toBe(
      "The workbook's values cover 670,818,331 cells, more than the 5,000,000 Establishment " +
        "Costing reads; the largest block is Scattered!A1:XFA40951 (670,818,331 cells). " +
        "Clear the cells far from your tables (a value on its own far below or to the right), then read again."
    );
    // Names, counts, areas: no values.
    expect(excel.syncs).toBe(3);
    expect(excel.largestResponse).toBeLessThan(50_000);
  });

  it("counts every region and table against the cap", async () => {
    const excel = workbook(1_000);
    excel.addTable("Establishment", "Posts", "B4:D1003");
    await expect(excel.run((c) => readWorkbook(c, undefined, { maxCells: 6_000 }))).rejects.toThrow(
      /cover 6,015 cells, more than the 6,000 Establishment Costing reads; the largest block is Establishment!B2:D1006/
    );
    await expect(
      excel.run((c) => readWorkbook(c, undefined, { maxCells: 6_015 }))
    ).resolves.toBeDefined();
    expect(MAX_READ_CELLS).toBe(5_000_000);
  });

  it("reads whole a sheet whose areas are too many to list but whose used range is small", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Chequered");
    for (let r = 0; r < 60; r += 3)
      for (let c = 0; c < 26; c += 3)
        sheet.cells.set(cellKey(r, c), { value: 1, numberFormat: "General" });
    excel.resetCounters();
    // 180 one-cell areas, ~9,000 bytes of addresses, over a 5,000-byte budget.
    const { grids } = await excel.run((c) => readWorkbook(c, 5_000));
    expect(grids).toHaveLength(1);
    expect(grids[0].origin).toEqual({ row: 0, column: 0 });
    expect([grids[0].values.length, grids[0].values[0].length]).toEqual([58, 25]);
    expect(excel.requests.slice(0, 2).every((r) => r.responseBytes < 5_000)).toBe(true);
  });

  it("refuses a sheet too scattered to list and too large to read whole", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Chequered");
    for (let r = 0; r < 60; r += 3)
      for (let c = 0; c < 26; c += 3)
        sheet.cells.set(cellKey(r, c), { value: 1, numberFormat: "General" });
    sheet.cells.set(cellKey(1_048_575, 16_383), { value: 1, numberFormat: "General" });
    excel.resetCounters();
    await expect(excel.run((c) => readWorkbook(c, 5_000))).rejects.toThrow(
      "Chequered has values in 181 separate blocks spread over A1:XFD1048576: too scattered to find the tables in."
    );
  });
});

describe("when to find the values first", () => {
  it("reads a used range whole when it fits one sync or is at least half full", () => {
    // 4,000,000 / 64 = 62,500 cells fit one sync whatever they hold.
    expect(readWhole(62_500, 1, 4_000_000)).toBe(true);
    expect(readWhole(62_501, 1, 4_000_000)).toBe(false);
    expect(readWhole(1_200_000, 600_000, 4_000_000)).toBe(true);
    expect(readWhole(1_200_000, 599_999, 4_000_000)).toBe(false);
    expect(readWhole(17_179_869_184, 1_200_001, 4_000_000)).toBe(false);
  });

  it("expects 40 bytes an area beyond the sheet's name as Excel quotes it", () => {
    expect(areaAddressBytes("Posts", 10)).toBe(10 * (7 + 40));
    expect(areaAddressBytes("My posts", 1)).toBe(12 + 40);
  });
});

describe("an Excel without special cells (before ExcelApi 1.9)", () => {
  it("reads used ranges whole, in 3 syncs", async () => {
    const excel = workbook(10, undefined, { apiVersion: "1.8" });
    const { grids } = await read(excel);
    expect(excel.syncs).toBe(3);
    expect(grids).toEqual([
      {
        sheet: "Establishment",
        origin: { row: 1, column: 1 },
        values: establishment(10).map(pad(3)),
        // Merged areas need ExcelApi 1.13: the reader says they could not be checked.
        mergesUnknown: true,
      },
    ]);
  });

  it("says plainly that it cannot read a sheet with a value far out", async () => {
    const excel = workbook(10, undefined, { apiVersion: "1.8" });
    excel
      .sheet("Establishment")
      .cells.set(cellKey(999, 16383), { value: 7, numberFormat: "General" });
    await expect(read(excel)).rejects.toThrow(
      "Establishment has values as far as XFD1000 (16,366,617 cells to read), and this version " +
        "of Excel cannot say where they are (that needs ExcelApi 1.9: Microsoft 365, Excel 2021 or later)."
    );
    expect(excel.syncs).toBe(2);
  });
});

describe("the fake's special cells", () => {
  it("gives the cells of a kind as areas, with address, count and cells", async () => {
    const excel = new FakeExcel({ calculate: () => 3 });
    excel.addSheet("S", [
      ["a", "b", "", "=1+2"],
      ["c", "d", "", "=1+2"],
      ["", "e", "", ""],
    ]);
    await excel.run(async (context) => {
      const whole = context.workbook.worksheets.getItem("S").getRange();
      const constants = whole.getSpecialCells("Constants" as Excel.SpecialCellType);
      constants.load("address,areaCount,cellCount");
      const areas = constants.areas.load("items/address");
      const formulas = whole.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
      formulas.load("address");
      await context.sync();
      expect(constants.address).toBe("S!A1:B2, S!B3");
      expect([constants.areaCount, constants.cellCount]).toEqual([2, 5]);
      expect(areas.items.map((a) => a.address)).toEqual(["S!A1:B2", "S!B3"]);
      expect(formulas.address).toBe("S!D1:D2");
    });
  });

  it("throws ItemNotFound when there are none; the OrNullObject form gives a null object", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S", [["a"]]);
    await expect(
      excel.run(async (context) => {
        const none = context.workbook.worksheets
          .getItem("S")
          .getRange()
          .getSpecialCells("Formulas" as Excel.SpecialCellType);
        none.load("address");
        await context.sync();
      })
    ).rejects.toThrow(/ItemNotFound/);
    await excel.run(async (context) => {
      const none = context.workbook.worksheets
        .getItem("S")
        .getRange()
        .getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
      none.load("address");
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  it("needs ExcelApi 1.9, and refuses to read over 5,000,000 cells of one range", async () => {
    const old = new FakeExcel({ apiVersion: "1.8" });
    await expect(
      old.run(async (context) => {
        context.workbook.worksheets
          .getItem("Sheet1")
          .getRange()
          .getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType)
          .load("cellCount");
        await context.sync();
      })
    ).rejects.toThrow(/ApiNotFound/);
    const excel = new FakeExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001").load("values");
        await context.sync();
      })
    ).rejects.toThrow(/limited to 5000000 cells/);
  });

  it("cuts cells into areas in a way the regions do not depend on", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 80 })),
          {
            selector: ([r, c]) => `${r}:${c}`,
            maxLength: 120,
          }
        ),
        (cells) => {
          const excel = new FakeExcel();
          const sheet = excel.addSheet("S");
          for (const [r, c] of cells)
            sheet.cells.set(cellKey(r, c), { value: 1, numberFormat: "General" });
          const areas = specialAreas(
            sheet,
            { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 },
            "Constants"
          );
          expect(areas.reduce((n, a) => n + (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), 0)).toBe(
            cells.length
          );
          const asRange = (r0: number, c0: number, r1: number, c1: number) => ({
            start: { row: r0, column: c0 },
            end: { row: r1, column: c1 },
          });
          const gaps = { rowGap: 5, columnGap: 3 };
          expect(
            contentRegions(
              areas.map((a) => asRange(a.r0, a.c0, a.r1, a.c1)),
              gaps
            )
          ).toEqual(
            contentRegions(
              cells.map(([r, c]) => asRange(r, c, r, c)),
              gaps
            )
          );
        }
      )
    );
  });
});

/** Pads rows to `width` with "", as a Range's values come. */
const pad =
  (width: number) =>
  (row: CellValue[]): CellValue[] => [...row, ...new Array<CellValue>(width - row.length).fill("")];
