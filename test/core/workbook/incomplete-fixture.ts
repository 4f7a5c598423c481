import type { CellValue, Grid } from "../../../src/core/grid";

export const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

// 2025/26 defaults (NI 15% over £417 a month per person, pension 19%, levy 0.5%), by hand:
// £45,000 → £59,774.40; £40,000 → £53,049.40; £48,000 → £63,809.40 a year.
// The Lead and the Deputy are regraded to grades with no pay scale and no proposed salary.
export const oneTable = grid("Establishment", [
  [
    "Position",
    "Grade",
    "Team",
    "Salary",
    "Current FTE",
    "Proposed FTE",
    "Proposed grade",
    "Proposed salary",
  ],
  ["Team Manager", "SS11", "North", 45000, 1, 1, "", ""],
  ["Senior Practitioner", "SS10", "North", 40000, 1, 0, "", ""],
  ["Lead", "SS11", "North", 45000, 1, 1, "SS13", ""],
  ["Deputy", "SS10", "North", 40000, 1, 1, "SS12", ""],
]);
