/**
 * Tryout t5p: a pay spine with the years across, "Point | 2024/25 | 2025/26", no Grade
 * column. It was refused as "no pay scales table"; now a post is costed at its own spinal
 * point on it (with no increments: the spine does not say where a grade's points stop),
 * and a post it cannot price is refused saying why, at its cell.
 */
import type { CellValue } from "../../../src/core/grid";
import { costEstablishment } from "../../../src/core/costing";
import { readWorkbook } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, where } from "./helpers";

const SPINE: CellValue[][] = [
  ["Point", "2024/25", "2025/26"],
  [23, 31000, 32000],
  [24, 31800, 32800],
  [25, 32600, 33600],
];

const workbook = (posts: CellValue[][], spine: CellValue[][] = SPINE) => ({
  grids: [
    grid("Pay spine", spine),
    grid("Establishment", posts),
    grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Number of years", 2],
      ["Costing point", "bottom"],
      ["Increment rule", "april"],
      ["Pay award 2025/26", 0],
      ["Pay award 2026/27", "3%"],
    ]),
  ],
});

const STAFF: CellValue[][] = [
  ["Post Title", "Grade", "SCP", "FTE", "No of staff"],
  ["Family Worker", "Grade 7", 23, 1, 1],
  ["Senior Worker", "Grade 7", 25, 0.5, 1],
];

function salaries(wb: ReturnType<typeof workbook>): number[] {
  const r = readWorkbook(wb);
  expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  return costEstablishment(
    r.establishment!.posts,
    r.assumptions,
    undefined,
    r.payScales
  ).yearTotals.map((y) => y.salary);
}

describe("a pay spine with the years across", () => {
  it("costs each post at its own spinal point, each year from its column, with no increments", () => {
    const wb = workbook(STAFF);
    // 2025/26: 32,000 + 33,600 × 0.5 = 48,800. 2026/27 has no column: the 3% award,
    // (32,000 + 16,800) × 1.03 = 50,264; no increment (point 23 stays 23, not 24).
    expect(salaries(wb)).toEqual([48800, 50264]);
    const r = readWorkbook(wb);
    expect(r.issues.find((i) => i.code === "pay-scales-spine")).toMatchObject({
      severity: "info",
      sheet: "Pay spine",
      address: "A1",
      message:
        "The pay scales have no Grade column, so they are read as a pay spine: a post is costed at its own spinal point on it, with no increments (the spine does not say where a grade's points stop)",
    });
    expect(r.issues.find((i) => i.code === "pay-scales-years-across")?.address).toBe("B1");
    // Live sheets take the point's 2025/26 cell.
    const live = buildWorkbook(wb, { mode: "live", generatedAt: "now", version: "test" });
    expect(JSON.stringify(live.sheets[0])).toContain("'Pay spine'!C2");
    expect(JSON.stringify(live.sheets[0])).toContain("Pay spine: SCP 23");
  });

  it("costs posts that give only a spinal point, with no Grade column", () => {
    const posts = STAFF.map((row) => [row[0], ...row.slice(2)]);
    expect(salaries(workbook(posts))).toEqual([48800, 50264]);
  });

  it("reads a spine with one undated Salary column the same way", () => {
    const spine = SPINE.map((row, i) => [row[0], i === 0 ? "Salary" : row[2]]);
    // The salary is 2025/26's, the first year costed: the same figures.
    expect(salaries(workbook(STAFF, spine))).toEqual([48800, 50264]);
  });

  it("refuses a post whose spinal point is not on the spine, at its SCP cell", () => {
    const r = readWorkbook(workbook([...STAFF, ["Team Manager", "Grade 9", 40, 1, 1]]));
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:salary-missing@C4",
    ]);
    expect(r.issues.find((i) => i.code === "salary-missing")).toMatchObject({
      message:
        "No salary information for 'Team Manager': no salary, and spinal point 40 is not on the pay spine (points 23 to 25)",
      fix: "check the spinal point against the pay spine, or enter a salary",
    });
  });

  it("refuses posts with grades and no spinal points, saying the spine has no grades", () => {
    const posts = STAFF.map((row) => [row[0], row[1], ...row.slice(3)]);
    const r = readWorkbook(workbook(posts));
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:salary-missing@B2",
      "error:salary-missing@B3",
    ]);
    expect(r.issues.find((i) => i.code === "salary-missing")).toMatchObject({
      message:
        "No salary information for 'Family Worker': no salary or spinal point, and the pay scales are a pay spine (points 23 to 25) with no grades, so grade 'Grade 7' cannot be looked up in them",
      fix: "give the post its spinal point (SCP) on the pay spine, or a salary",
    });
  });
});
