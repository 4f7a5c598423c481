/** A small establishment with an Assumptions sheet of four scenarios, for the Scenarios sheet's tests. */
import type { CellValue, Grid } from "../../../src/core/grid";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";

export const request: BuildRequest = {
  mode: "shareable",
  generatedAt: "2026-12-04",
  version: "0.1.0",
};

function grid(sheet: string, values: CellValue[][]): Grid {
  return { sheet, origin: { row: 0, column: 0 }, values };
}

const establishment = grid("Staff", [
  [
    "Position Name",
    "Grade",
    "Minimum Salary",
    "Maximum Salary",
    "FTE",
    "No of Staff",
    "Proposed FTE",
    "Funding",
  ],
  ["Family Support Worker", "SS08", "£20,862", "£22,546", 3, 4, 3, "Family Hubs"],
  ["Unit Manager", "SS11", 29531, 32440, 1, 1, 0, "Family Hubs"],
  ["Senior Practitioner", "SS10", "£27,000", "£28,500", 0, 0, 1, "Family Hubs"],
  ["Team Leader", "SS12", 33000, 36000, 1, 1, 1, "Base budget"],
]);

/** Base values in B; scenarios in D to G (C is Notes). */
export const settings: CellValue[][] = [
  ["Setting", "Value", "Notes", "Pay award 4%", "NI 2025 early", "Vacancies 5%", "Grant cut 10%"],
  ["First financial year", "2024/25", "", "", "", "", ""],
  ["Number of years", 3, "", "", "", "", ""],
  ["Pay award 2024/25", "2.5%", "", "4%", "", "", ""],
  ["Pay award 2025/26", "2%", "", "4%", "", "", ""],
  ["Employer NI rate", "", "statutory", "", "15%", "", ""],
  ["NI monthly threshold", "", "", "", "£417", "", ""],
  ["Employer pension rate", "19%", "", "", "", "", ""],
  ["Vacancy factor", "", "", "", "", "5%", ""],
  ["Grant name", "Family Hubs", "", "", "", "", ""],
  ["Grant amount", 400000, "", "", "", "", 360000],
  ["Implementation date", "01/10/2024", "", "", "", "", ""],
];

const localities = grid("Localities", [
  ["Locality", "Population 0-19", "IDACI rate", "Referrals"],
  ["A", 10000, 0.2, 300],
  ["B", 20000, 0.1, 300],
  ["C", 10000, 0.3, 400],
]);

export const book = (values: CellValue[][]): WorkbookGrids => ({
  grids: [establishment, grid("Assumptions", values), localities],
});

/** The base sheet with scenario column `c` typed into the Value column, and no scenarios. */
export const asBase = (c: number): CellValue[][] =>
  settings.map((row, i) => [row[0], i > 0 && row[c] !== "" ? row[c] : row[1], ""]);
