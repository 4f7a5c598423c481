import { createExcelWorkbook, MAX_REQUEST_BYTES } from "../../src/excel";
import type { CellValue, Grid } from "../../src/core/grid";
import { parseRangeA1 } from "../../src/core/grid";
import { splitAddress } from "../../src/excel/names";
import { readWorkbook } from "../../src/excel/read";
import { FakeExcel, FakeOfficeError, WEB_RESPONSE_LIMIT } from "./fake/excel";

const HEADER = [
  "Post ID",
  "Post",
  "Grade",
  "FTE",
  "Salary",
  "Start",
  "Team",
  "Cost centre",
  "Funding",
  "Vacant",
  "Notes",
  "Hours",
];

/** An establishment-like sheet: a header and `rows` posts of 12 columns, text and numbers. */
function posts(rows: number): CellValue[][] {
  const out: CellValue[][] = [HEADER];
  for (let i = 1; i <= rows; i++) {
    out.push([
      `P${String(i).padStart(6, "0")}`,
      `Family Support Worker ${i}`,
      `SS${String(5 + (i % 7)).padStart(2, "0")}`,
      i % 4 === 0 ? 0.5 : 1,
      20862 + (i % 97) + 0.37,
      43344 + (i % 365),
      ["Early Help", "Children in Care", "Fostering"][i % 3],
      `CC${1000 + (i % 50)}`,
      i % 5 === 0 ? "Grant" : "Core",
      i % 11 === 0 ? "Yes" : "",
      i % 13 === 0 ? `Covering maternity leave until ${i % 28}/09/2026` : "",
      37 - (i % 3),
    ]);
  }
  return out;
}

/** The reading as it was before row blocks: every range and table range in one sync. */
async function readAllAtOnce(excel: FakeExcel): Promise<Grid[]> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const ours = (n: string): boolean => n.startsWith("EC tmp ") || n.startsWith("EC old ");
    const used = worksheets.items
      .filter((s) => !ours(s.name))
      .map((sheet) => ({
        name: sheet.name,
        range: sheet.getUsedRangeOrNullObject(true).load("values,address"),
      }));
    const tableRanges = tables.items.map((t) => ({
      name: t.name,
      range: t.getRange().load("values,address"),
    }));
    await context.sync();
    const grid = (sheet: string, address: string, values: CellValue[][]): Grid => ({
      sheet,
      origin: parseRangeA1(splitAddress(address).local).start,
      values,
    });
    const grids: Grid[] = [];
    for (const { name, range } of used) {
      if (!range.isNullObject) grids.push(grid(name, range.address, range.values));
    }
    for (const { name, range } of tableRanges) {
      const { sheet } = splitAddress(range.address);
      if (!ours(sheet)) grids.push({ ...grid(sheet, range.address, range.values), table: name });
    }
    return grids;
  });
}

describe("reading in row blocks", () => {
  it.each([
    [10, 3],
    [1_000, 3],
  ])("reads %i rows × 12 columns in %i syncs", async (rows, syncs) => {
    const excel = new FakeExcel();
    const values = posts(rows);
    excel.addSheet("Establishment", values, "B2");
    const { grids } = await createExcelWorkbook(excel.run).read();
    expect(grids).toEqual([{ sheet: "Establishment", origin: { row: 1, column: 1 }, values }]);
    expect(excel.syncs).toBe(syncs);
    expect(excel.largestResponse).toBeLessThan(MAX_REQUEST_BYTES);
  });

  it("reads 100,000 rows × 12 columns with no response over 4 MB", async () => {
    const excel = new FakeExcel();
    const values = posts(100_000);
    excel.addSheet("Establishment", values);
    excel.addTable("Establishment", "Posts", "A1:L100001");
    const { grids } = await createExcelWorkbook(excel.run).read();

    expect(grids).toEqual([
      { sheet: "Establishment", origin: { row: 0, column: 0 }, values },
      { sheet: "Establishment", origin: { row: 0, column: 0 }, values, table: "Posts" },
    ]);
    const valueSyncs = excel.requests.slice(2);
    const bytes = valueSyncs.reduce((s, r) => s + r.responseBytes, 0);
    console.log(
      `read 100,000 rows: ${excel.syncs} syncs, ${bytes} response bytes, ` +
        `largest ${excel.largestResponse}`
    );
    // Names, addresses, then the values: the table is not read a second time.
    // ~110 bytes a row: 5,206 rows first (768 bytes a row guessed), then ~29,000 a sync
    // (110 measured × 1.25).
    expect(bytes).toBeGreaterThan(10_500_000);
    expect(bytes).toBeLessThan(11_500_000);
    expect(excel.syncs).toBe(7);
    // One more than the bytes need: the first block is sized by the 64-bytes-a-cell guess.
    expect(valueSyncs.length).toBe(Math.ceil((bytes * 1.25) / MAX_REQUEST_BYTES) + 1);
    expect(excel.largestResponse).toBeLessThan(MAX_REQUEST_BYTES);
  }, 120_000);

  it("reads several sheets and tables to the same Grids as one big read", async () => {
    const excel = new FakeExcel();
    excel.addSheet(
      "Supporting Families",
      [
        ["SUPPORTING FAMILIES STAFF", "", ""],
        ["Position Name", "Grade", "FTE"],
        ["Family Support Worker", "SS08", 47.93],
        ["Unit Manager", "SS11", 7],
      ],
      "B3"
    );
    excel.addTable("Supporting Families", "Posts", "B4:D6");
    // A table with empty rows below and a column right of the values: part of it lies
    // outside the sheet's used range (values only); its empty rows below are not read.
    excel.addSheet("Establishment", posts(300), "C5");
    excel.addTable("Establishment", "Staff", "C5:O320");
    excel.addSheet("Dates", [[43344]], "C2");
    excel.addSheet("Blank");
    excel.addTable("Blank", "Empty", "B2:C3");
    excel.addSheet("EC tmp ab 1", [["half-written"]]);
    excel.addTable("EC tmp ab 1", "EC_tmp_ab_1_1", "A1:A2");
    excel.addSheet("Wide", [posts(40).flat()]);
    excel.addTable("Wide", "Row", "A1:KP1");

    const before = await readAllAtOnce(excel);
    expect(before.map((g) => g.table ?? g.sheet)).toEqual([
      "Supporting Families",
      "Establishment",
      "Dates",
      "Wide",
      "Posts",
      "Staff",
      "Empty",
      "Row",
    ]);
    // Tables end at the last row holding anything (Staff's 15 empty rows below its posts,
    // Empty's blank row): the core stops at trailing blank rows anyway.
    const trimmed = before.map((g) => {
      if (g.table === undefined) return g;
      let end = g.values.length;
      while (end > 1 && g.values[end - 1].every((v) => v === "")) end--;
      return { ...g, values: g.values.slice(0, end) };
    });
    expect(trimmed.find((g) => g.table === "Staff")?.values).toHaveLength(301);
    // The default budget, and one so small every sync holds a few rows of one sheet.
    for (const budget of [MAX_REQUEST_BYTES, 5_000]) {
      excel.resetCounters();
      const { grids } = await excel.run((context) => readWorkbook(context, budget));
      expect(grids).toEqual(trimmed);
      expect(excel.largestResponse).toBeLessThan(budget);
      if (budget === MAX_REQUEST_BYTES) expect(excel.syncs).toBe(3);
      else expect(excel.syncs).toBeGreaterThan(10);
    }
  });

  it("packs small sheets into one sync and splits a large one across syncs", async () => {
    const excel = new FakeExcel();
    excel.addSheet("A", posts(5));
    excel.addSheet("B", posts(5));
    excel.addSheet("C", posts(200));
    // 12 columns × 64 bytes = 768 bytes a row expected: 20,000 bytes hold both small
    // sheets and the first rows of C; then C's measured bytes size its blocks.
    const { grids } = await excel.run((context) => readWorkbook(context, 20_000));
    expect(grids.map((g) => g.values)).toEqual([posts(5), posts(5), posts(200)]);
    // Three blocks, and each sheet's visible cells and merged areas with them.
    expect(excel.requests[2].operations).toBe(3 + 2 * 3);
    expect(excel.largestResponse).toBeLessThan(20_000);
  });

  it("reads long text that the guess underestimates: a refused sync is retried in halves", async () => {
    const excel = new FakeExcel();
    const long = (i: number): string => `${i} ${"Covering a long secondment. ".repeat(30)}`;
    const values = Array.from({ length: 8_000 }, (_, i) => [long(i), long(i + 1), i]);
    excel.addSheet("Notes", values);
    const { grids } = await createExcelWorkbook(excel.run).read();
    expect(grids).toEqual([{ sheet: "Notes", origin: { row: 0, column: 0 }, values }]);
    // The first values sync guessed 64 bytes a cell, so all 8,000 rows (~13.6 MB): refused.
    // Then 4,000 rows (~6.8 MB): refused. Then 2,000 (~3.4 MB), and blocks sized from it.
    const refused = excel.requests.filter((r) => r.responseBytes > WEB_RESPONSE_LIMIT);
    expect(refused.map((r) => r.sync)).toEqual([3, 4]);
    const read = excel.requests.filter((r) => r.responseBytes <= WEB_RESPONSE_LIMIT);
    expect(Math.max(...read.map((r) => r.responseBytes))).toBeLessThan(MAX_REQUEST_BYTES);
    expect(excel.syncs).toBe(9);
  });

  it("says which row is too large when a single row is over the limit", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Huge", [["small"], ["x".repeat(WEB_RESPONSE_LIMIT)]]);
    await expect(createExcelWorkbook(excel.run).read()).rejects.toThrow(
      "row 2 of 'Huge' alone is over Excel's response limit"
    );
  });
});

describe("the fake measures responses", () => {
  it("counts the JSON of what each load returns, and refuses a response over 5 MB", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Big", [["x".repeat(WEB_RESPONSE_LIMIT)]]);
    await excel.run(async (context) => {
      const a1 = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      expect(a1.values).toEqual([[""]]);
      const big = context.workbook.worksheets.getItem("Big").getRange("A1").load("values");
      await expect(context.sync()).rejects.toThrow(FakeOfficeError);
      // Nothing a refused sync loaded arrives.
      expect(() => big.values).toThrow(/PropertyNotLoaded/);
    });
    // {"values":[[""]]} is 17 bytes, plus 40 of framing.
    expect(excel.requests[0].responseBytes).toBe(17 + 40);
    expect(excel.requests[1].responseBytes).toBeGreaterThan(WEB_RESPONSE_LIMIT);
  });
});
