import type { CellValue, Grid } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest } from "../../../src/core/workbook/types";

const request: BuildRequest = { mode: "shareable", generatedAt: "2026-11-23", version: "0.1.0" };
const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

// DOMAIN.md worked example 9: need index A 0.270714, B 0.395714, C 0.333571.
const localities = grid("Localities", [
  ["Locality", "Population 0-19", "IDACI rate", "Referrals"],
  ["A", 10000, 0.2, 300],
  ["B", 20000, 0.1, 300],
  ["C", 10000, 0.3, 400],
]);
const settings = (...rows: CellValue[][]) =>
  grid("Assumptions", [["Setting", "Value"], ["Allocation unit (FTE)", 0.1], ...rows]);

describe("a workbook with localities and no establishment", () => {
  it("makes the Locality shares sheet from the FTE to share out, and says why the others are not made", () => {
    const result = buildWorkbook(
      { grids: [localities, settings(["FTE to share out", 20])] },
      request
    );
    expect(result.ok).toBe(true);
    expect(result.sheets.map((s) => s.key)).toEqual(["shares", "assumptions"]);
    const shares = result.summaries.find((s) => s.key === "shares")!;
    // Worked example 9: 20 FTE in 0.1 units → A 5.4, B 7.9, C 6.7.
    expect(Object.fromEntries(shares.figures.map((f) => [f.label, f.value]))).toMatchObject({
      "FTE shared out": 20,
      "A: FTE": 5.4,
      "B: FTE": 7.9,
      "C: FTE": 6.7,
    });
    const note = result.issues.find((i) => i.code === "localities-only");
    expect(note).toEqual({
      severity: "info",
      code: "localities-only",
      sheet: "Assumptions",
      address: "B3",
      message:
        "No establishment table was found, so only the Locality shares sheet is made, sharing out the 20 FTE typed as 'FTE to share out'; the Establishment Cost, Grant Costing and Restructure sheets need an establishment and are not made, and the shares carry no cost",
      fix: "nothing to do if the shares are all you need; for the other sheets add an establishment table (e.g. Position, Grade, Salary, FTE)",
    });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("still refuses it with no FTE to share out, and says how to give one", () => {
    const result = buildWorkbook({ grids: [localities, settings()] }, request);
    expect(result.ok).toBe(false);
    const error = result.issues.find((i) => i.code === "table-not-found")!;
    expect(error).toMatchObject({ severity: "error", sheet: "Localities", address: "A1" });
    expect(error.fix).toMatch(
      /; or, to share FTE out to the localities without an establishment, type it as 'FTE to share out' on the Assumptions sheet$/
    );
  });

  it("refuses a sheet asked for by name that needs the establishment", () => {
    const result = buildWorkbook(
      { grids: [localities, settings(["FTE to share out", 20])] },
      { ...request, only: ["grant", "shares"] }
    );
    expect(result.ok).toBe(false);
    expect(result.issues.filter((i) => i.severity === "error").map((i) => i.message)).toEqual([
      "Cannot build the grant sheet: no establishment table was found",
    ]);
  });

  it("with neither localities nor an establishment, the error is as before", () => {
    const result = buildWorkbook({ grids: [settings(["FTE to share out", 20])] }, request);
    expect(result.ok).toBe(false);
    expect(result.issues.find((i) => i.code === "table-not-found")?.fix).toBe(
      "add a header row (e.g. post id, position, grade, team), move the header up if it is lower down, or map the columns by hand"
    );
  });
});
