import type { CellValue, Grid } from "../../../src/core/grid";
import { readAssumptions } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";

const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

// A three-year sheet for a grant that ends after two of them, with an amount typed for the third.
const assumptions = grid("Assumptions", [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
  ["Years", 3],
  ["Grant name", "Supporting Families"],
  ["Grant start", "01/04/2025"],
  ["Grant end", "31/03/2027"],
  ["Grant 2025/26", 100000],
  ["Grant 2026/27", 100000],
  ["Grant 2027/28", 100000],
]);
const staff = grid("Staff", [
  ["Position", "Salary", "FTE", "Funding"],
  ["Family Support Worker", 30000, 1, "Supporting Families"],
]);

describe("a yearly grant amount outside the grant's dates", () => {
  it("is warned at its cell and said to be counted as typed", () => {
    const read = readAssumptions({ grids: [assumptions] });
    const said = read.issues.filter((i) => i.code === "grant-year-outside-dates");
    expect(said.map((i) => [i.address, i.severity])).toEqual([["B9", "warning"]]);
    expect(said[0].message).toBe(
      "Grant 2027/28 (£100,000) is for a year that starts after the grant ends on 31/03/2027; it is counted in the grant available and the headroom as typed"
    );
    expect(said[0].fix).toContain("change the Grant end date");
  });

  it("still counts the amount on the Grant Costing sheet, so the warning is the only sign", () => {
    const built = buildWorkbook(
      { grids: [staff, assumptions] },
      { mode: "shareable", generatedAt: "2026-12-07", version: "test" }
    );
    const sheet = built.sheets.find((s) => s.key === "grant");
    const row = sheet?.cells.find(
      (r) => r?.[0]?.kind === "text" && r[0].text.startsWith("Grant available")
    );
    const values = (row ?? []).map((c) => (c && c.kind !== "text" ? c.value : null));
    // Three yearly amounts and their total, £300,000, though the grant pays £200,000.
    expect(values.filter((v) => v !== null)).toEqual([100000, 100000, 100000, 300000]);
    expect(built.issues.some((i) => i.code === "grant-year-outside-dates")).toBe(true);
    // …and the verdict line under the title, which a manager reads without the add-in.
    const verdict = sheet?.cells
      .flat()
      .find((c) => c?.kind === "text" && c.text.startsWith("Within grant"));
    // £300,000 against one post's 3 years (£30,000 + NI + pension + levy a year).
    expect(verdict && verdict.kind === "text" && verdict.text).toMatch(
      /^Within grant: .* WARNING: the grant starts 01\/04\/2025 and ends 31\/03\/2027, but the grant available counts 2027\/28 \(£100,000\.00\) for a year outside those dates, as typed on the Assumptions sheet: check the grant's dates or clear that amount\.$/
    );
    expect(verdict && verdict.kind === "text" && verdict.style).toBe("warning");
  });

  it("says nothing for a year inside the dates", () => {
    const inside = grid("Assumptions", assumptions.values.slice(0, 8));
    const read = readAssumptions({ grids: [inside] });
    expect(read.issues.filter((i) => i.code === "grant-year-outside-dates")).toEqual([]);
  });
});
