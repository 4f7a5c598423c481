import type { CellValue, Grid } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { makeShareable, type SheetSpec } from "../../../src/core/report";
import { ratesInWords, SETTINGS_USED_HEADING } from "../../../src/core/report/settings-used";

const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});
const staff = grid("Staff", [
  ["Post ID", "Position", "Salary", "FTE", "No of staff", "Funding"],
  ["P1", "Team Manager", 50000, 1, 1, "Family Hubs"],
]);
const request: BuildRequest = { mode: "shareable", generatedAt: "2026-12-07", version: "test" };

/** The lines under the settings-used heading of a built sheet. */
function settingsUsed(sheet: SheetSpec): string[] {
  const texts = sheet.cells.map((row) => (row[0]?.kind === "text" ? row[0].text : ""));
  const from = texts.indexOf(SETTINGS_USED_HEADING);
  expect(from).toBeGreaterThan(0);
  const lines = texts.slice(from + 1);
  return lines.slice(0, lines.findIndex((t) => t === "" || t === "Warnings") >>> 0);
}
const sheetOf = (r: ReturnType<typeof buildWorkbook>, key: string) =>
  r.sheets.find((s) => s.key === key)!;

describe("the settings a costing used, on the sheet (mk-22)", () => {
  it("lists every default, and why, for a workbook with no Assumptions sheet", () => {
    const wb: WorkbookGrids = { grids: [staff] };
    const r = buildWorkbook(wb, { ...request, defaultFirstYear: 2025, only: ["cost"] });
    const none = "default (the workbook built from has no Assumptions sheet)";
    expect(settingsUsed(r.sheets[0])).toEqual([
      `On-cost method: statutory (employer NI, pension and levy worked out) — ${none}.`,
      "Employer NI 2025/26: 15% of each person's pay above £417 a month — default: the statutory 2025/26 rate and threshold (the workbook built from has no Assumptions sheet).",
      `Employer pension: 19% of salary for a post with no rate of its own — ${none}.`,
      `Apprenticeship levy: 0.5% of salary, no allowance taken off (the £15,000 allowance is the whole employer's) — ${none}.`,
      `Costing point: bottom (the bottom of the grade) — ${none}.`,
      `Increment rule: april (one point each 1 April) — ${none}.`,
      `Increment service months: 6 — ${none}.`,
      `Pay award 2025/26: none — ${none}.`,
      `Vacancy factor: 0% — ${none}.`,
    ]);
  });

  it("names the cell of each typed setting, a blank cell, a missing row, and NI carried forward", () => {
    const assumptions = grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Number of years", 3],
      ["Costing point", "actual"],
      ["Employer NI rate", "13.8%"],
      ["NI monthly threshold", ""],
      ["Pay award 2026/27", "£1,290 or 2.5%"],
      ["Vacancy factor", "3%"],
      ["Grant name", "Family Hubs"],
    ]);
    const r = buildWorkbook({ grids: [staff, assumptions] }, { ...request, only: ["grant"] });
    const lines = settingsUsed(sheetOf(r, "grant"));
    const missing = "default (not on the Assumptions sheet)";
    expect(lines).toEqual([
      `On-cost method: statutory (employer NI, pension and levy worked out) — ${missing}.`,
      "Employer NI 2025/26: 13.8% of each person's pay above £417 a month — rate typed at Assumptions!B5; threshold default: the statutory 2025/26 threshold (Assumptions!B6 is blank).",
      "Employer NI 2026/27: 13.8% of each person's pay above £417 a month — rate typed at Assumptions!B5; threshold default: the statutory 2026/27 threshold (Assumptions!B6 is blank).",
      "Employer NI 2027/28: 13.8% of each person's pay above £417 a month — rate typed at Assumptions!B5; threshold default: 2026/27's statutory threshold carried forward, 2027/28's not yet known (Assumptions!B6 is blank).",
      `Employer pension: 19% of salary for a post with no rate of its own — ${missing}.`,
      `Apprenticeship levy: 0.5% of salary, no allowance taken off (the £15,000 allowance is the whole employer's) — ${missing}.`,
      "Costing point: actual (the post-holder's actual salary or point) — typed at Assumptions!B4.",
      `Increment rule: april (one point each 1 April) — ${missing}.`,
      `Increment service months: 6 — ${missing}.`,
      `Pay award 2025/26: none — ${missing}.`,
      "Pay award 2026/27: £1,290 or 2.5%, whichever is higher, from 1 April — typed at Assumptions!B7.",
      `Pay award 2027/28: none — ${missing}.`,
      "Vacancy factor: 3% — typed at Assumptions!B8.",
    ]);
  });

  it("says the flat rate in place of NI, pension and levy", () => {
    const assumptions = grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["On-cost method", "flat"],
      ["Flat on-cost rate", "28%"],
      ["Increment rule", "none"],
    ]);
    const r = buildWorkbook({ grids: [staff, assumptions] }, { ...request, only: ["cost"] });
    expect(settingsUsed(r.sheets[0]).slice(0, 3)).toEqual([
      "On-cost method: flat, 28% of salary in place of employer NI, pension and levy — typed at Assumptions!B3; the rate typed at Assumptions!B4.",
      "Costing point: bottom (the bottom of the grade) — default (not on the Assumptions sheet).",
      "Increment rule: none (no increments) — typed at Assumptions!B5.",
    ]);
  });

  it("writes the same lines live, as text, and the live figures are untouched by them", () => {
    const assumptions = grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Employer pension rate", "19%"],
    ]);
    const wb = { grids: [staff, assumptions] };
    const live = buildWorkbook(wb, { ...request, mode: "live", only: ["cost"] });
    const shareable = buildWorkbook(wb, { ...request, only: ["cost"] });
    expect(settingsUsed(live.sheets[0])).toEqual(settingsUsed(shareable.sheets[0]));
    expect(settingsUsed(live.sheets[0])[2]).toBe(
      "Employer pension: 19% of salary for a post with no rate of its own — typed at Assumptions!B3."
    );
    expect(live.sheets.map(makeShareable)).toEqual(shareable.sheets);
  });

  it("lists on the Restructure sheet its year's settings, and no vacancy factor (it takes none off)", () => {
    const posts = grid("Staff", [
      ["Post ID", "Position", "Salary", "FTE", "No of staff", "Proposed FTE"],
      ["P1", "Team Manager", 50000, 1, 1, 2],
    ]);
    const assumptions = grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Vacancy factor", "3%"],
      ["Implementation date", "01/10/2026"],
    ]);
    const r = buildWorkbook({ grids: [posts, assumptions] }, { ...request, only: ["changes"] });
    const lines = settingsUsed(sheetOf(r, "changes"));
    expect(lines[1]).toBe(
      "Employer NI 2026/27: 15% of each person's pay above £417 a month — default: the statutory 2026/27 rate and threshold (not on the Assumptions sheet)."
    );
    expect(lines[lines.length - 1]).toBe(
      "Pay award 2026/27: none — default (not on the Assumptions sheet)."
    );
    expect(lines.filter((l) => l.startsWith("Vacancy"))).toEqual([]);
  });

  it("words a year of two NI rates month by month", () => {
    const rates = [...new Array(7).fill(0.1505), ...new Array(5).fill(0.138)];
    expect(ratesInWords(rates)).toBe("15.05% April–October, 13.8% November–March");
    expect(ratesInWords(new Array(12).fill(0.15))).toBe("15%");
  });
});
