import type { CellValue } from "../../../src/core/grid";
import { readWorkbook, SCENARIOS_SHEET_TITLE } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, messages } from "./helpers";

const STAFF = grid("Staff", [
  ["Position", "Grade", "Salary", "FTE"],
  ["Family Support Worker", "SS06", 30000, 1],
]);
const ASSUMPTIONS = (header: CellValue[] = ["Setting", "Value"], ...award: CellValue[]) =>
  grid("Assumptions", [
    header,
    ["First financial year", "2025/26", ...award.map(() => "")],
    ["Pay award 2026/27", "2%", ...award],
  ]);
/** Scenarios as an officer types them: a row per scenario, a column per setting. */
const TYPED = grid("Scenarios", [
  ["Scenario", "Pay award", "Vacancy factor"],
  ["Pay award 4%", "4%", ""],
  ["Vacancies 5%", "", "5%"],
]);
const said = (grids: ReturnType<typeof grid>[]) =>
  readWorkbook({ grids }).issues.filter((i) => i.code === "scenario-sheet-not-read");

describe("a Scenarios sheet the user typed, in a layout that is not read", () => {
  it("is a warning at its first cell, saying where scenarios go", () => {
    const issues = said([STAFF, ASSUMPTIONS(), TYPED]);
    expect(issues.map((i) => i.severity)).toEqual(["warning"]);
    expect(messages(issues)).toEqual([
      "Scenarios!A1: The sheet 'Scenarios' is not read: scenarios are read only from columns beside the Value column of the Assumptions sheet, so nothing on this sheet is costed or compared — give each scenario a column to the right of the Value column of the Assumptions sheet, headed with its name (e.g. 'Pay award 4%'), holding only the settings it changes (estab init --scenario NAME writes one in a new workbook; in the task pane, Add a scenario on the Assumptions tab)",
    ]);
  });

  it("names the scenarios that are costed, from the Assumptions sheet's columns", () => {
    const issues = said([STAFF, ASSUMPTIONS(["Setting", "Value", "Pay award 3%"], "3%"), TYPED]);
    expect(issues[0].message).toBe(
      "The sheet 'Scenarios' is not read: scenarios are read only from columns beside the Value column of the Assumptions sheet, so nothing on this sheet is costed or compared; the scenarios costed are the Assumptions sheet's: 'Pay award 3%'"
    );
  });

  it("is said at the first filled cell of a sheet named like one, below a title", () => {
    const whatIf = grid(
      "What if",
      [
        ["Options for 2026/27"],
        [],
        ["", "Pay award 4%", "Pay award 5%"],
        ["Pay award", "4%", "5%"],
      ],
      { row: 1, column: 1 }
    );
    const issues = said([STAFF, ASSUMPTIONS(), whatIf]);
    expect(issues.map((i) => `${i.sheet}!${i.address}`)).toEqual(["What if!B2"]);
    // With no settings sheet at all, it says what one is.
    expect(said([STAFF, whatIf])[0].message).toBe(
      "The sheet 'What if' is not read: scenarios are read only from columns beside the Value column of an Assumptions sheet (a Setting | Value header), so nothing on this sheet is costed or compared"
    );
  });

  it("says nothing of a sheet read as the settings, a sheet of another name, or the tool's own", () => {
    // With no Assumptions sheet, a Setting | Value header on 'Scenarios' is the settings.
    const settingsThere = grid("Scenarios", [
      ["Setting", "Value", "Pay award 4%"],
      ["First financial year", "2025/26", ""],
      ["Pay award 2026/27", "2%", "4%"],
    ]);
    expect(said([STAFF, settingsThere])).toEqual([]);
    expect(said([STAFF, ASSUMPTIONS(), { ...TYPED, sheet: "Options" }])).toEqual([]);
    // A copy of the Scenarios sheet this tool writes, known by its title.
    const written = grid("Scenarios", [
      [SCENARIOS_SHEET_TITLE],
      ["2025/26 to 2025/26 · 1 scenario · the grant's posts, costed as on the Grant Costing sheet"],
      [],
      ["", "Base", "Pay award 3%"],
    ]);
    expect(said([STAFF, ASSUMPTIONS(["Setting", "Value", "Pay award 3%"], "3%"), written])).toEqual(
      []
    );
  });

  it("does not warn of the Scenarios sheet an earlier build wrote, when the workbook is built again", () => {
    const request = { mode: "shareable" as const, generatedAt: "2026-11-23", version: "0.1.0" };
    const first = buildWorkbook(
      { grids: [STAFF, ASSUMPTIONS(["Setting", "Value", "Pay award 3%"], "3%")] },
      request
    );
    expect(first.ok).toBe(true);
    const sheet = first.sheets.find((s) => s.key === "scenarios")!;
    expect(sheet.name).toBe("Scenarios");
    // Its cells as a second read sees them: left out by its ownership mark, and by its title
    // when the mark is lost (the sheet copied into another workbook).
    const values = sheet.cells.map((row) =>
      row.map((c): CellValue => (c?.kind === "text" ? c.text : c?.kind === "number" ? c.value : ""))
    );
    expect(values[0][0]).toBe(SCENARIOS_SHEET_TITLE);
    const grids = [
      STAFF,
      ASSUMPTIONS(["Setting", "Value", "Pay award 3%"], "3%"),
      grid("Scenarios", values),
    ];
    for (const outputSheets of [["Scenarios"], []]) {
      const again = buildWorkbook({ grids }, { ...request, outputSheets });
      expect(again.issues.filter((i) => i.code === "scenario-sheet-not-read")).toEqual([]);
    }
  });
});
