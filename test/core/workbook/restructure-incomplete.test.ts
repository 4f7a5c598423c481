import { grid, oneTable } from "./incomplete-fixture";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest } from "../../../src/core/workbook/types";
import type { SheetSpec } from "../../../src/core/report";
import { readWorkbook } from "../../../src/core/read";
import { annualCostOf, proposedVersusCurrent, uncostedIssues } from "../../../src/core/changes";

const request: BuildRequest = { mode: "shareable", generatedAt: "2026-12-04", version: "0.1.0" };
const assumptions = grid("Assumptions", [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
]);

/** The Restructure sheet's text cells, one string per row. */
const rowsOf = (spec: SheetSpec) =>
  spec.cells.map((row) =>
    row.map((c) => (c === null ? "" : c.kind === "text" ? c.text : String(c.value))).join(" | ")
  );

describe("a restructure with a proposed post that has nothing to cost it by", () => {
  const result = buildWorkbook(
    { grids: [oneTable, assumptions] },
    { ...request, only: ["changes"] }
  );
  const summary = result.summaries.find((s) => s.key === "changes")!;
  const sheet = result.sheets.find((s) => s.key === "changes")!;

  it("does not headline a net saving, and names the cells to fill", () => {
    expect(result.ok).toBe(true);
    // Costed: the deleted Senior Practitioner, −£53,049.40; the manager is unchanged.
    expect(summary.headline).toBe(
      "Incomplete: 2 proposed posts have no salary or grade to cost (Establishment!H4, H5); full-year effect of the costed posts -£53,049.40 (a saving)"
    );
    expect(summary.headline).not.toMatch(/net saving/i);
    expect(
      summary.figures.find((f) => f.label === "Full-year effect of the costed posts")?.value
    ).toBe(-53049.4);
    expect(summary.figures.find((f) => f.label === "Posts with no cost to compare")?.value).toBe(2);
    expect(summary.figures.some((f) => f.label === "Full-year effect")).toBe(false);
  });

  it("warns at each proposed salary cell", () => {
    const at = result.issues.filter((i) => i.code === "restructure-no-cost");
    expect(at.map((i) => [i.severity, i.sheet, i.address])).toEqual([
      ["warning", "Establishment", "H4"],
      ["warning", "Establishment", "H5"],
    ]);
    expect(at[1].message).toBe(
      "Deputy has proposed FTE (1) but no salary and no pay scale for its grade, so it has no proposed cost: the Restructure sheet's net figure leaves this post out"
    );
    expect(at[1].fix).toBe(
      "type the proposed salary (or a grade the pay scales have) and build again"
    );
  });

  it("says so in the key figures, with the costed effect as a formula leaving those posts out", () => {
    const rows = rowsOf(sheet);
    expect(rows.some((r) => /Net (saving|additional resource)/.test(r))).toBe(false);
    expect(rows).toContain(
      "Incomplete: 2 proposed posts have no salary or grade to cost (Establishment!H4, H5): the figures below leave these posts out; fill those cells and build again."
    );
    const i = sheet.cells.findIndex(
      (r) => r[0]?.kind === "text" && r[0].text === "Full-year effect of the costed posts"
    );
    const cell = sheet.cells[i][1]!;
    expect(cell.kind).toBe("formula");
    if (cell.kind === "formula") {
      expect(cell.value).toBe(-53049.4);
      expect(cell.formula).toMatch(/^=ROUND\([A-Z]+\d+-\([A-Z]+\d+\+[A-Z]+\d+\),2\)$/);
    }
  });

  it("headlines the net figure as before once every post has a cost", () => {
    const costed = grid(
      "Establishment",
      oneTable.values.map((r, i) => (i >= 3 ? r.map((v, j) => (j === 7 ? 48000 : v)) : r))
    );
    const built = buildWorkbook(
      { grids: [costed, assumptions] },
      { ...request, only: ["changes"] }
    );
    const s = built.summaries.find((x) => x.key === "changes")!;
    // −£53,049.40 deleted, +£4,035.00 (Lead) and +£10,760.00 (Deputy) regraded.
    expect(s.headline).toMatch(/^Net saving of £38,254\.40 a year/);
    expect(built.issues.filter((x) => x.code === "restructure-no-cost")).toEqual([]);
  });

  it("points a post of two lists at its salary cell on the proposed list", () => {
    // The proposed list's columns are in another order: its Salary is column B.
    const now = ["Position", "Grade", "Team", "Salary", "FTE"];
    const then = ["Position", "Salary", "Grade", "Team", "FTE"];
    const inputs = readWorkbook(
      {
        grids: [
          grid("Current structure", [now, ["Youth Worker", "SS06", "South", 25000, 1]]),
          grid("Proposed structure", [
            then,
            ["Youth Worker", 25000, "SS06", "South", 1],
            ["Mentor", "", "", "South", 1],
          ]),
        ],
      },
      { defaultFirstYear: 2025 }
    );
    const est = inputs.restructure!;
    const r = proposedVersusCurrent(
      est.posts,
      inputs.assumptions,
      annualCostOf(inputs.assumptions)
    );
    expect(r.uncosted.map((p) => [p.title, p.noCost])).toEqual([["Mentor", ["proposed"]]]);
    expect(r.costedEffect.fullYear).toBe(0);
    expect(uncostedIssues(est, r).map((i) => [i.sheet, i.address])).toEqual([
      ["Proposed structure", "B3"],
    ]);
  });
});

describe("the Scenarios sheet's restructure line, with a proposed post that has nothing to cost it by", () => {
  const withScenario = grid("Assumptions", [
    ["Setting", "Value", "Pension 21%"],
    ["First financial year", "2025/26", ""],
    ["Employer pension rate", "19%", "21%"],
  ]);
  const result = buildWorkbook(
    { grids: [oneTable, withScenario] },
    { ...request, only: ["changes", "scenarios"] }
  );
  const scenarios = rowsOf(result.sheets.find((s) => s.key === "scenarios")!);
  const restructure = result.summaries.find((s) => s.key === "changes")!;

  it("says it is incomplete, as the Restructure sheet does", () => {
    expect(scenarios).toContain(
      "Incomplete: 2 posts are left out of these figures, as they cannot be costed now or as proposed (the Restructure sheet names the cells to fill)."
    );
  });

  it("gives the base the Restructure sheet's full-year effect of the costed posts", () => {
    const effect = restructure.figures.find(
      (f) => f.label === "Full-year effect of the costed posts"
    )!.value;
    const section = scenarios.indexOf("Restructure: full-year effect (£)");
    const base = scenarios.slice(section).find((r) => r.startsWith("Base | "))!;
    expect(effect).toBe(-53049.4);
    expect(base.split(" | ")[3]).toBe(String(effect));
  });
});
