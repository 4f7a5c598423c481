import { NUMBER_FORMATS } from "../../src/core/report";
import { createExcelWorkbook, MARKER_KEY, parseMarker } from "../../src/excel";
import { charactersToPoints } from "../../src/excel/write";
import { FakeExcel } from "./fake/excel";
import { postsSpec } from "./specs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildWorkbook } from "../../src/core/workbook/build";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";

function setUp(apiVersion = "1.18"): {
  excel: FakeExcel;
  book: ReturnType<typeof createExcelWorkbook>;
} {
  const excel = new FakeExcel({ apiVersion });
  const book = createExcelWorkbook(excel.run, {
    isSetSupported: excel.isSetSupported,
    runId: () => "t1",
  });
  return { excel, book };
}

describe("writeSheets", () => {
  it("prints a wide sheet in sections: print titles, title columns and the footer (ExcelApi 1.9)", async () => {
    const { excel, book } = setUp();
    const spec = postsSpec(3);
    spec.freeze = { rows: 4, columns: 2 };
    spec.page = {
      orientation: "landscape",
      fitToWidth: false,
      pagesWide: 3,
      titleRows: { first: 3, last: 3 },
      titleColumns: 2,
      footer: { builtOn: "4 December 2026, 14:19 UTC" },
    };
    await book.writeSheets([spec]);
    const sheet = excel.sheet("Grant Costing");
    expect(sheet.freeze).toEqual({ rows: 4, columns: 2 });
    expect(sheet.page).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 3 },
      printTitleRows: "$4:$4",
      printTitleColumns: "$A:$B",
      footer: { left: "&A", center: "Page &P of &N", right: "Built 4 December 2026, 14:19 UTC" },
    });
  });

  it("writes values, native formulas, formats, table, widths, freeze, page, notes and marks the sheet", async () => {
    const { excel, book } = setUp();
    const outcome = await book.writeSheets([postsSpec(3, { chart: true })]);
    expect(outcome).toEqual({
      sheets: [{ key: "grant", requested: "Grant Costing", name: "Grant Costing" }],
    });

    const sheet = excel.sheet("Grant Costing");
    expect(sheet.visibility).toBe("Visible");
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Grant Costing"]);
    expect(excel.state.activeSheetId).toBe(sheet.id);

    expect(excel.values("Grant Costing", "A4:G5")).toEqual([
      ["Post ID", "Post", "Grade", "FTE", "Salary", "On-costs", "Total"],
      ["P00001", "Family Support Worker 1", "SS08", 1, 20862, 5000, 0],
    ]);
    expect(excel.cell("Grant Costing", "G5")).toMatchObject({
      formula: "=E5+F5",
      numberFormat: NUMBER_FORMATS.money,
    });
    expect(excel.cell("Grant Costing", "D8")).toMatchObject({
      formula: "=SUM(D5:D7)",
      numberFormat: NUMBER_FORMATS.fte,
      bold: true,
    });
    expect(excel.cell("Grant Costing", "E5")).toMatchObject({
      value: 20862,
      numberFormat: NUMBER_FORMATS.money,
    });
    expect(excel.cell("Grant Costing", "E5")?.formula).toBeUndefined();
    expect(excel.cell("Grant Costing", "A5")).toMatchObject({ value: "P00001", numberFormat: "@" });
    expect(excel.cell("Grant Costing", "A1")).toMatchObject({ bold: true, size: 14 });
    expect(excel.cell("Grant Costing", "B4")).toMatchObject({ bold: true, fill: "#D9E1F2" });

    expect(excel.tableNamed("GrantCosting")).toMatchObject({
      sheetId: sheet.id,
      box: { r0: 3, c0: 0, r1: 6, c1: 6 },
    });
    expect(sheet.columnWidths.get(1)).toBe(charactersToPoints(30));
    expect(sheet.columnWidths.get(6)).toBe(charactersToPoints(12));
    expect(sheet.freeze).toEqual({ rows: 4, columns: 0 });
    expect(sheet.page).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
    });
    expect(sheet.notes.get("A1")).toBe("Made by Establishment Costing");
    expect(sheet.charts).toEqual([
      {
        type: "ColumnClustered",
        source: "E5:E7",
        seriesBy: "Columns",
        title: "Cost by post",
        legend: "Bottom",
        series: [{ name: "Cost", values: "E5:E7", xValues: "A5:A7" }],
        axisTitles: {},
        position: ["I4", "P20"],
      },
    ]);
    expect(parseMarker(sheet.properties.get(MARKER_KEY))).toEqual({
      key: "grant",
      name: "Grant Costing",
      mode: "shareable",
      version: 1,
    });
  });

  it("makes a combo chart: columns, a line on the secondary axis, categories and axis titles", async () => {
    const { excel, book } = setUp();
    const spec = postsSpec(3);
    spec.charts = [
      {
        type: "columnLine",
        title: "Cost and FTE",
        categories: "B5:B7",
        series: [
          { name: "Total", values: "G5:G7", kind: "column" },
          { name: "FTE", values: "D5:D7", kind: "line", secondaryAxis: true },
        ],
        axisTitles: { categories: "Post", values: "£", secondaryValues: "FTE" },
        anchor: { from: "I4", to: "P20" },
      },
      {
        type: "bar",
        title: "Salary by post",
        categories: "B5:B7",
        series: [{ name: "Salary", values: "E5:E7" }],
        anchor: { from: "I22", to: "P40" },
      },
    ];
    await book.writeSheets([spec]);
    expect(excel.sheet("Grant Costing").charts).toEqual([
      {
        type: "ColumnClustered",
        source: "G5:G7",
        seriesBy: "Columns",
        title: "Cost and FTE",
        legend: "Bottom",
        series: [
          { name: "Total", values: "G5:G7", xValues: "B5:B7" },
          {
            name: "FTE",
            values: "D5:D7",
            xValues: "B5:B7",
            chartType: "LineMarkers",
            axisGroup: "Secondary",
          },
        ],
        axisTitles: { Category: "Post", Value: "£", "Value Secondary": "FTE" },
        position: ["I4", "P20"],
      },
      {
        type: "BarClustered",
        source: "E5:E7",
        seriesBy: "Columns",
        title: "Salary by post",
        legend: "Bottom",
        series: [{ name: "Salary", values: "E5:E7", xValues: "B5:B7" }],
        axisTitles: {},
        categoryLabels: "Low",
        position: ["I22", "P40"],
      },
    ]);
  });

  it("refuses a chart whose series is longer than its categories, before touching the workbook", async () => {
    const { excel, book } = setUp();
    const before = JSON.stringify(excel.snapshot());
    const spec = postsSpec(3, { chart: true });
    spec.charts[0].series[0].values = "E5:E8";
    await expect(book.writeSheets([spec])).rejects.toThrow(
      "Nothing was written: the calculated sheets are malformed (Grant Costing: the chart 'Cost by post': each series must have as many cells as the categories)"
    );
    expect(JSON.stringify(excel.snapshot())).toBe(before);
  });

  it("puts an in-cell list of choices on a cell, which takes another value with a warning (ExcelApi 1.8)", async () => {
    const { excel, book } = setUp();
    const spec = postsSpec(2);
    spec.validations = [
      {
        address: "C2",
        list: "$A$4:$C$4",
        warning: { title: "Not a scenario", message: "Not a name in the list" },
      },
    ];
    await book.writeSheets([spec]);
    expect(excel.sheet("Grant Costing").validations).toEqual([
      { address: "C2", source: "=$A$4:$C$4", inCellDropDown: true, alertStyle: "Warning" },
    ]);
  });

  it("writes the demo's live Scenarios sheet: the switch as text with its list, the In use cells as formulas", async () => {
    const demo = path.join(__dirname, "../../examples/childrens-services.xlsx");
    const grids = readWorkbookGrids(await loadWorkbook(readFileSync(demo)));
    const built = buildWorkbook(grids, {
      mode: "live",
      scenario: "Vacancies 5%",
      only: ["scenarios"],
      generatedAt: "2025-06-01T09:00:00Z",
      version: "test",
    });
    const { excel, book } = setUp();
    await book.writeSheets(built.sheets, { mode: "live" });
    expect(excel.cell("Scenarios", "B8")).toMatchObject({
      value: "Vacancies 5%",
      numberFormat: "@",
    });
    expect(excel.sheet("Scenarios").validations).toEqual([
      { address: "B8", source: "=$B$9:$E$9", inCellDropDown: true, alertStyle: "Warning" },
    ]);
    expect(excel.cell("Scenarios", "B10")).toMatchObject({
      formula: "=MATCH(SUMPRODUCT(($B$9:$E$9=$B$8)*{1,2,3,4}),{1,2,3,4},0)",
    });
    const spec = built.sheets[0];
    const r = spec.cells.findIndex(
      (row) => row[0]?.kind === "text" && row[0].text === "Vacancy factor"
    );
    const inUse = excel.cell("Scenarios", `B${r + 1}`);
    expect(inUse?.formula).toContain(
      "CHOOSE($B$10-1,Assumptions!$D$12,Assumptions!$E$12,Assumptions!$F$12)"
    );
    expect(inUse?.numberFormat).toBe(NUMBER_FORMATS.percent);
  });

  it("converts column widths from characters to points as Excel does (8.43 → 48 pt)", () => {
    expect(charactersToPoints(8.43)).toBe(48);
    expect(charactersToPoints(10)).toBe(56.25);
  });

  it("skips notes silently where the notes API (ExcelApi 1.18) is missing", async () => {
    const { excel, book } = setUp("1.17");
    await book.writeSheets([postsSpec(2)]);
    expect(excel.sheet("Grant Costing").notes.size).toBe(0);
    expect(excel.values("Grant Costing", "A2")).toEqual([
      ["How this was calculated: bottom of grade, 2% award from April."],
    ]);
  });

  it("refuses to write on Excel without worksheet custom properties (ExcelApi 1.12)", async () => {
    const { excel, book } = setUp("1.11");
    const before = excel.snapshot();
    await expect(book.writeSheets([postsSpec(2)])).rejects.toThrow(/ExcelApi 1.12/);
    expect(excel.syncs).toBe(0);
    expect(excel.snapshot()).toEqual(before);
  });

  it("writes live ESTAB formulas in live mode, native ones in shareable mode", async () => {
    const { excel, book } = setUp();
    await book.writeSheets([postsSpec(2, { live: true })], { mode: "live" });
    expect(excel.cell("Grant Costing", "G5")?.formula).toBe("=ESTAB.POSTCOST(Establishment!C5)");
    expect(parseMarker(excel.sheet("Grant Costing").properties.get(MARKER_KEY))?.mode).toBe("live");
    await book.writeSheets([postsSpec(2, { live: true })]);
    expect(excel.cell("Grant Costing", "G5")?.formula).toBe("=E5+F5");
  });

  it("keeps references between output sheets working through the temporary names", async () => {
    const { excel, book } = setUp();
    const summary = postsSpec(1, { key: "cost", name: "Cost Summary", table: "CostSummary" });
    summary.cells.push([{ kind: "formula", formula: "='Grant Costing'!G6*2", value: 0 }]);
    await book.writeSheets([postsSpec(1), summary]);
    await book.writeSheets([postsSpec(1), summary]); // again, over owned sheets
    expect(excel.cell("Cost Summary", "A7")?.formula).toBe("='Grant Costing'!G6*2");
  });

  it("refuses malformed specs before touching the workbook", async () => {
    const { excel, book } = setUp();
    const bad = postsSpec(1);
    bad.cells.push([{ kind: "formula", formula: "SUM(A1)", value: 0 }]);
    await expect(book.writeSheets([bad])).rejects.toThrow(/must start with "="/);
    const long = postsSpec(1);
    long.cells.push([{ kind: "text", text: "x".repeat(32_768) }]);
    await expect(book.writeSheets([long])).rejects.toThrow(
      "Grant Costing row 7 column 1: 32768 characters, more than the 32767 Excel holds in a cell"
    );
    await expect(book.writeSheets([postsSpec(1), postsSpec(1)])).rejects.toThrow(
      /more than one sheet of kind 'grant'/
    );
    expect(excel.syncs).toBe(0);
  });
});
