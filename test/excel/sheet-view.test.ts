/**
 * Hidden rows and merged cells through the Office.js adapter, on the strict fake: the
 * same facts on the Grids as the ExcelJS door gives for the same sheet, with no sync more.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/grid";
import { readEstablishment } from "../../src/core/read";
import { createExcelWorkbook } from "../../src/excel";
import { localAreas } from "../../src/excel/sheet-view";
import { loadWorkbook, readWorkbookGrids, saveWorkbook } from "../../src/xlsx";
import { FakeExcel, MERGED_AREAS_LIMIT } from "./fake/excel";
import { cellKey } from "./fake/state";

const ROWS: CellValue[][] = [
  ["Children's Services establishment 2025/26", "", "", "", ""],
  ["", "", "", "", ""],
  ["", "", "", "", ""],
  ["Position", "Team", "Grade", "Salary", "FTE"],
  ["Social Worker", "Social Work", "SS09", 36000, 1],
  ["Social Worker", "", "SS09", 36000, 1],
  ["Senior Practitioner", "", "SS10", 40000, 1],
  ["Team Manager", "", "SS11", 48000, 1],
  ["Admin Officer", "", "SS05", 24000, 0.5],
  ["Family Support Worker", "Early Help", "SS08", 28000, 1],
  ["Family Support Worker", "Early Help", "SS08", 28000, 1],
];

/** Title merged across, Social Work merged down B5:B9, row 7 hidden and row 11 filtered out. */
function fake(apiVersion?: string): FakeExcel {
  const excel = new FakeExcel(apiVersion ? { apiVersion } : {});
  excel.addSheet("Establishment", ROWS);
  excel.merge("Establishment", "A1:E1");
  excel.merge("Establishment", "B5:B9");
  excel.hideRows("Establishment", 7, 11);
  return excel;
}

const read = (excel: FakeExcel) =>
  createExcelWorkbook(excel.run, { isSetSupported: excel.isSetSupported }).read();

const at = (row: number, column: number) => ({ row, column });

describe("hidden rows and merged areas from Office.js", () => {
  it("come on the Grid with the values, in the same 3 syncs", async () => {
    const excel = fake();
    const { grids } = await read(excel);
    expect(excel.syncs).toBe(3);
    expect(grids).toEqual([
      {
        sheet: "Establishment",
        origin: at(0, 0),
        values: ROWS,
        hiddenRows: [6, 10],
        merges: [
          { start: at(0, 0), end: at(0, 4) },
          { start: at(4, 1), end: at(8, 1) },
        ],
      },
    ]);
  });

  it("are the facts the ExcelJS door gives for the same sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Establishment");
    ROWS.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== "") ws.getCell(r + 1, c + 1).value = v;
      })
    );
    ws.mergeCells("A1:E1");
    ws.mergeCells("B5:B9");
    ws.getRow(7).hidden = true;
    ws.getRow(11).hidden = true;
    const fromFile = readWorkbookGrids(await loadWorkbook(await saveWorkbook(wb))).grids;
    expect((await read(fake())).grids).toEqual(fromFile);
  });

  it("are read by the core: the team in each post, a warning at each hidden row", async () => {
    const result = readEstablishment(await read(fake()));
    expect(result.establishment!.posts.map((p) => p.team)).toEqual([
      ...Array<string>(5).fill("Social Work"),
      "Early Help",
      "Early Help",
    ]);
    expect(
      result.issues
        .filter((i) => ["merged-label", "hidden-row"].includes(i.code))
        .map((i) => `${i.severity}:${i.code}@${i.address}`)
    ).toEqual(["info:merged-label@B5", "warning:hidden-row@A7", "warning:hidden-row@A11"]);
  });

  it("come on an Excel Table's Grid too", async () => {
    const excel = fake();
    excel.addTable("Establishment", "Posts", "A4:E11");
    const { grids } = await read(excel);
    const table = grids.find((g) => g.table === "Posts")!;
    expect([table.origin, table.hiddenRows, table.merges]).toEqual([
      at(3, 0),
      [6, 10],
      [{ start: at(4, 1), end: at(8, 1) }],
    ]);
  });

  it("still come when Excel refuses the first values sync as too large", async () => {
    const excel = new FakeExcel();
    // 1,000 rows of 6,000 characters: 6 MB, over the web's 5 MB, where 64 bytes a cell was guessed.
    const long = "x".repeat(6000);
    excel.addSheet(
      "Notes",
      Array.from({ length: 1000 }, (_, r): CellValue[] => [long, r === 0 ? "Team" : ""])
    );
    excel.merge("Notes", "B1:B3");
    excel.hideRows("Notes", 3);
    const { grids } = await read(excel);
    expect(excel.requests.some((r) => r.responseBytes > 5 * 1024 * 1024)).toBe(true);
    expect([grids[0].values.length, grids[0].hiddenRows, grids[0].merges]).toEqual([
      1000,
      [2],
      [{ start: at(0, 1), end: at(2, 1) }],
    ]);
  });

  it("gives every row of a region whose rows are all hidden", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Old posts", [
      ["Position", "FTE"],
      ["Clerk", 1],
    ]);
    excel.hideRows("Old posts", 1, 2);
    const { grids } = await read(excel);
    expect(grids[0].hiddenRows).toEqual([0, 1]);
  });

  it("before ExcelApi 1.13 say the merges are unknown, and the core says so at the header", async () => {
    const excel = fake("1.12");
    const workbook = await read(excel);
    expect(excel.syncs).toBe(3);
    expect(workbook.grids.map((g) => [g.hiddenRows, g.merges, g.mergesUnknown])).toEqual([
      [[6, 10], undefined, true],
    ]);
    const notes = readEstablishment(workbook).issues.filter((i) => i.code === "merges-unchecked");
    expect(notes.map((i) => `${i.severity}@${i.address}`)).toEqual(["info@A4"]);
  });

  it("with more merged areas than Excel lists, reads again without them and says so", async () => {
    const excel = fake();
    // A sheet formatted with a merged pair in every row below the table.
    const sheet = excel.sheet("Establishment");
    for (let r = 0; r <= MERGED_AREAS_LIMIT; r++) {
      sheet.merges!.push({ r0: 20 + r, c0: 5, r1: 20 + r, c1: 6 });
    }
    sheet.cells.set(cellKey(20 + MERGED_AREAS_LIMIT, 5), {
      value: "end",
      numberFormat: "General",
    });
    const { grids } = await read(excel);
    // The refused sync, then the values again.
    expect(excel.syncs).toBe(4);
    const establishment = grids.find((g) => g.sheet === "Establishment")!;
    expect(establishment.values.slice(0, ROWS.length).map((r) => r.slice(0, 5))).toEqual(ROWS);
    expect(establishment.hiddenRows).toEqual([6, 10]);
    expect(establishment.merges).toBeUndefined();
    expect(establishment.mergesUnknown).toBe(true);
  });
});

describe("localAreas", () => {
  it("reads a RangeAreas address, quoted names with commas and '!' included", () => {
    expect(localAreas("Sheet1!A1:F4, Sheet1!A10:F20")).toEqual([
      { start: at(0, 0), end: at(3, 5) },
      { start: at(9, 0), end: at(19, 5) },
    ]);
    expect(
      localAreas("'Posts, 2025 (it''s final!)'!$B$5:$B$9,'Posts, 2025 (it''s final!)'!C3")
    ).toEqual([
      { start: at(4, 1), end: at(8, 1) },
      { start: at(2, 2), end: at(2, 2) },
    ]);
  });
});
