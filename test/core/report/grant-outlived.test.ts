import type { CellValue, Grid } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest } from "../../../src/core/workbook/types";

const request: BuildRequest = { mode: "shareable", generatedAt: "2026-11-23", version: "0.1.0" };
const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

const ASSUMPTIONS = (grantEnd: string) =>
  grid("Assumptions", [
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
    ["Number of years", 3],
    ["Costing point", "actual"],
    ["Increment rule", "none"],
    ["Employer pension rate", "19%"],
    ["Grant name", "Youth Investment"],
    ["Grant amount", 80000],
    ["Grant start", "01/04/2025"],
    ["Grant end", grantEnd],
  ]);

const build = (rows: CellValue[][], grantEnd = "31/03/2027") =>
  buildWorkbook(
    {
      grids: [
        grid("Establishment", [
          [
            "Post ID",
            "Position",
            "Salary",
            "FTE",
            "No of staff",
            "Contract type",
            "End date",
            "Funding",
          ],
          ...rows,
        ]),
        ASSUMPTIONS(grantEnd),
      ],
    },
    request
  );

describe("a post on the grant that runs past the grant's end (tryout mk-20b)", () => {
  it("is a warning at its row with its cost after the grant, by year", () => {
    const r = build([
      ["G1", "Youth Worker", 30000, 1, 1, "Permanent", "", "Youth Investment"],
      ["G2", "Youth Worker", 30000, 1, 1, "Fixed term", "31/03/2027", "Youth Investment"],
      ["C1", "Manager", 40000, 1, 1, "Permanent", "", "Core"],
    ]);
    const outlives = r.issues.filter((i) => i.code === "post-outlives-grant");
    // £30,000 + NI 12 × 15% × (2,500 − 417) + pension 19% + levy 0.5% = £39,599.40 in 2027/28.
    expect(outlives.map((i) => [i.severity, i.sheet, i.address, i.message])).toEqual([
      [
        "warning",
        "Establishment",
        "F2",
        "Youth Worker (G1) is permanent with no end date, so it runs past the grant's end on 31/03/2027: the Grant Costing sheet shows £0 for it after that, and its cost then, £39,599.40 in 2027/28, falls to the core budget (or to exit costs, if the post ends with the grant)",
      ],
    ]);
    const grant = r.summaries.find((s) => s.key === "grant")!;
    expect(grant.figures.find((f) => f.label === "2027/28 commitment")?.value).toBe(0);
    expect(grant.warnings).toContain(
      "1 post runs past the grant's end on 31/03/2027: £39,599.40 after it, to the end of the years costed, falls to the core budget or to exit costs (a warning at each post's row says its figures)."
    );
  });

  it("counts from the day after a grant that ends mid-year, at the End date typed", () => {
    const r = build(
      [["G1", "Youth Worker", 30000, 1, 1, "", "31/03/2030", "Youth Investment"]],
      "30/09/2026"
    );
    // Half of 2026/27 (October to March) and the whole of 2027/28.
    expect(
      r.issues.filter((i) => i.code === "post-outlives-grant").map((i) => [i.address, i.message])
    ).toEqual([
      [
        "G2",
        "Youth Worker (G1) ends on 31/03/2030, so it runs past the grant's end on 30/09/2026: the Grant Costing sheet shows £0 for it after that, and its cost then, £19,799.70 in 2026/27, £39,599.40 in 2027/28, falls to the core budget (or to exit costs, if the post ends with the grant)",
      ],
    ]);
  });

  it("says nothing when the grant lasts the years costed", () => {
    const r = build(
      [["G1", "Youth Worker", 30000, 1, 1, "Permanent", "", "Youth Investment"]],
      "31/03/2028"
    );
    expect(r.issues.filter((i) => i.code === "post-outlives-grant")).toEqual([]);
  });
});
