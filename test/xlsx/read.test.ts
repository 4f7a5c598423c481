import ExcelJS from "exceljs";
import { serialOf } from "../../src/core/dates";
import type { Grid } from "../../src/core/grid";
import {
  gridValueOf,
  loadWorkbook,
  readWorkbookGrids,
  saveWorkbook,
  serialFromDate,
} from "../../src/xlsx";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await saveWorkbook(wb));
}

function sheetGrid(grids: Grid[], sheet: string): Grid {
  const g = grids.find((x) => x.sheet === sheet && x.table === undefined);
  if (!g) throw new Error(`no grid for ${sheet}`);
  return g;
}

describe("gridValueOf: ExcelJS values as Office.js gives them", () => {
  it("passes plain values through and gives '' for empty", () => {
    expect(gridValueOf(12.5)).toBe(12.5);
    expect(gridValueOf("Social Worker")).toBe("Social Worker");
    expect(gridValueOf(true)).toBe(true);
    expect(gridValueOf(null)).toBe("");
    expect(gridValueOf(undefined)).toBe("");
  });

  it("gives errors, rich text, hyperlinks and formula results as Office.js would", () => {
    expect(gridValueOf({ error: "#REF!" })).toBe("#REF!");
    expect(
      gridValueOf({ richText: [{ text: "Family " }, { text: "Support", font: { bold: true } }] })
    ).toBe("Family Support");
    expect(gridValueOf({ text: "Policy", hyperlink: "https://example.org" })).toBe("Policy");
    expect(gridValueOf({ formula: "SUM(A1:A3)", result: 71.1 })).toBe(71.1);
    expect(gridValueOf({ formula: "A1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(gridValueOf({ formula: "NOW()" })).toBe("");
  });

  it("turns dates into 1900-system serial numbers", () => {
    expect(serialFromDate(new Date(Date.UTC(2018, 8, 1)))).toBe(serialOf(2018, 9, 1));
    expect(serialFromDate(new Date(Date.UTC(2025, 3, 1)))).toBe(45748);
    expect(serialFromDate(new Date(Date.UTC(2025, 3, 1, 12)))).toBe(45748.5);
  });
});

describe("readWorkbookGrids", () => {
  it("reads the used range with its origin, blanks as ''", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Staff");
    ws.getCell("B3").value = "SUPPORTING FAMILIES STAFF";
    ws.getCell("B4").value = "Position Name";
    ws.getCell("C4").value = "FTE";
    ws.getCell("B5").value = "Family Support Worker";
    ws.getCell("C5").value = 47.93;
    ws.getCell("D7").value = { formula: "C5*2", result: 95.86 };
    const { grids } = readWorkbookGrids(await roundTrip(wb));
    const g = sheetGrid(grids, "Staff");
    expect(g.origin).toEqual({ row: 2, column: 1 });
    expect(g.values).toEqual([
      ["SUPPORTING FAMILIES STAFF", "", ""],
      ["Position Name", "FTE", ""],
      ["Family Support Worker", 47.93, ""],
      ["", "", ""],
      ["", "", 95.86],
    ]);
  });

  it("ignores cells that only carry formatting", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "x";
    ws.getCell("F20").numFmt = "0.00";
    ws.getCell("F20").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    const g = sheetGrid(readWorkbookGrids(await roundTrip(wb)).grids, "S");
    expect(g.values).toEqual([["x"]]);
  });

  it("gives an empty sheet as A1 holding ''", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blank");
    expect(sheetGrid(readWorkbookGrids(await roundTrip(wb)).grids, "Blank")).toEqual({
      sheet: "Blank",
      origin: { row: 0, column: 0 },
      values: [[""]],
    });
  });

  it("keeps a merged area's value in its top-left cell only", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("M");
    ws.getCell("A1").value = "CHILDREN'S SERVICES";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = "Position";
    ws.getCell("B2").value = "FTE";
    ws.getCell("C2").value = "Grade";
    const g = sheetGrid(readWorkbookGrids(await roundTrip(wb)).grids, "M");
    expect(g.values[0]).toEqual(["CHILDREN'S SERVICES", "", ""]);
  });

  it("gives each grid the hidden rows and merged areas on it, in sheet positions", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Posts");
    ws.getCell("A1").value = "Establishment";
    ws.mergeCells("A1:C1");
    ws.getRow(2).values = ["Position", "Team", "FTE"];
    ws.getRow(3).values = ["Social Worker", "Social Work", 1];
    ws.getRow(4).values = ["Social Worker", null, 1];
    ws.getRow(5).values = ["Team Manager", null, 1];
    ws.mergeCells("B3:B5");
    ws.getRow(4).hidden = true;
    ws.autoFilter = "A2:C5";
    ws.getRow(5).hidden = true;
    // A second region, far below: its own facts only.
    ws.getCell("A100").value = "Note";
    ws.getCell("A101").value = "kept";
    ws.getRow(101).hidden = true;
    ws.addTable({
      name: "Grades",
      ref: "E2",
      columns: [{ name: "Grade" }, { name: "Salary" }],
      rows: [
        ["SS08", 28000],
        ["SS09", 36000],
      ],
    });
    const { grids } = readWorkbookGrids(await roundTrip(wb));
    const at = (row: number, column: number) => ({ row, column });
    const posts = grids.find((g) => g.sheet === "Posts" && g.origin.row === 0 && !g.table)!;
    expect(posts.hiddenRows).toEqual([3, 4]);
    expect(posts.merges).toEqual([
      { start: at(0, 0), end: at(0, 2) },
      { start: at(2, 1), end: at(4, 1) },
    ]);
    expect(posts.values.map((row) => row[1])).toEqual(["", "Team", "Social Work", "", ""]);
    const far = grids.find((g) => g.sheet === "Posts" && g.origin.row === 99)!;
    expect(far.hiddenRows).toEqual([100]);
    expect(far.merges).toBeUndefined();
    // The table shares its rows with the posts: rows 4 and 5 are hidden across the sheet.
    const table = grids.find((g) => g.table === "Grades")!;
    expect(table.hiddenRows).toEqual([3]);
    expect(table.merges).toBeUndefined();
  });

  it("gives the rows whose text cells are all struck through, a figure alone not counting", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Proposed");
    ws.getRow(1).values = ["Post ID", "Position", "FTE"];
    ws.getRow(2).values = ["P1", "Social Worker", 1];
    ws.getRow(3).values = ["P2", "Social Worker", 1];
    ws.getRow(4).values = ["P3", "Team Manager", 1];
    ws.getRow(5).values = ["P4", "Team Manager", 1];
    ws.getRow(3).eachCell((cell) => (cell.font = { strike: true }));
    ws.getCell("B4").font = { strike: true }; // P3's ID is not struck: not the row
    ws.getCell("C5").font = { strike: true }; // the figure alone
    const { grids } = readWorkbookGrids(await roundTrip(wb));
    expect(grids[0].struckRows).toEqual([2]);
  });

  it("reads errors, rich text, hyperlinks and cached formula results from a file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mixed");
    ws.getCell("A1").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    ws.getCell("A2").value = {
      richText: [{ text: "Early " }, { text: "Help", font: { italic: true } }],
    };
    ws.getCell("A3").value = { text: "Team site", hyperlink: "https://example.org/team" };
    ws.getCell("A4").value = { formula: "1+1", result: 2 };
    ws.getCell("A5").value = { formula: 'IF(TRUE,"Yes","No")', result: "Yes" };
    ws.getCell("A6").value = false;
    const g = sheetGrid(readWorkbookGrids(await roundTrip(wb)).grids, "Mixed");
    expect(g.values.map((r) => r[0])).toEqual([
      "#REF!",
      "Early Help",
      "Team site",
      2,
      "Yes",
      false,
    ]);
  });

  it("keeps a formula's cached result of 0, false or '' (ExcelJS's cell.value drops them)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Falsy");
    ws.getCell("A1").value = { formula: "1-1", result: 0 };
    ws.getCell("A2").value = { formula: "1>2", result: false };
    ws.getCell("A3").value = { formula: "B1-B1", result: 0 };
    ws.getCell("A4").value = "end";
    const g = sheetGrid(readWorkbookGrids(await roundTrip(wb)).grids, "Falsy");
    expect(g.values.map((r) => r[0])).toEqual([0, false, 0, "end"]);
  });

  it.each(["UTC", "Europe/London", "America/New_York", "Pacific/Auckland"])(
    "reads date cells as the day Excel shows, whatever the time zone (%s)",
    async (tz) => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Dates");
        ws.getCell("A1").value = new Date(Date.UTC(2018, 8, 1));
        ws.getCell("A1").numFmt = "dd/mm/yyyy";
        ws.getCell("A2").value = new Date(Date.UTC(2025, 2, 30)); // the day the clocks go forward
        ws.getCell("A2").numFmt = "dd/mm/yyyy";
        ws.getCell("A3").value = 45901; // a plain number stays a number
        ws.getCell("A4").value = "01/09/2018"; // UK text stays text: the core parses it
        const g = sheetGrid(readWorkbookGrids(await roundTrip(wb)).grids, "Dates");
        expect(g.values.map((r) => r[0])).toEqual([
          serialOf(2018, 9, 1),
          serialOf(2025, 3, 30),
          45901,
          "01/09/2018",
        ]);
      } finally {
        process.env.TZ = saved;
      }
    }
  );

  it("reads a 1904-system workbook's dates as 1900-system serials", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Mac");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 3, 1));
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    const loaded = await roundTrip(wb);
    const g = sheetGrid(readWorkbookGrids(loaded).grids, "Mac");
    expect(g.values[0][0]).toBe(serialOf(2024, 4, 1));
  });

  it("gives each Excel Table its own grid, named, at its own origin", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Areas");
    ws.getCell("A1").value = "Locality data 2025";
    ws.addTable({
      name: "Localities",
      ref: "B3",
      columns: [{ name: "Locality" }, { name: "Population 0-19" }, { name: "IDACI rate" }],
      rows: [
        ["A", 10000, 0.2],
        ["B", 20000, 0.1],
      ],
    });
    const { grids } = readWorkbookGrids(await roundTrip(wb));
    const table = grids.find((g) => g.table === "Localities");
    expect(table).toEqual({
      sheet: "Areas",
      origin: { row: 2, column: 1 },
      values: [
        ["Locality", "Population 0-19", "IDACI rate"],
        ["A", 10000, 0.2],
        ["B", 20000, 0.1],
      ],
      table: "Localities",
    });
    expect(sheetGrid(grids, "Areas").origin).toEqual({ row: 0, column: 0 });
  });

  it("reads tables of a workbook built in memory (not yet saved) too", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("T");
    ws.addTable({
      name: "Posts",
      ref: "A1",
      columns: [{ name: "Post" }, { name: "FTE" }],
      rows: [["SW", 1]],
    });
    const t = readWorkbookGrids(wb).grids.find((g) => g.table === "Posts");
    expect(t?.values).toEqual([
      ["Post", "FTE"],
      ["SW", 1],
    ]);
  });
});
