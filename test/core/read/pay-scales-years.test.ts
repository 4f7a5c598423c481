/**
 * Tryout t5p: pay scales as finance officers lay them out with the years across, one
 * salary column per financial year ("Grade | SCP | 2024/25 | 2025/26 | 2026/27"). Each
 * column is that year's scale, as a Year column gives it; it was costed on the first
 * column for every year, in silence.
 */
import type { CellValue } from "../../../src/core/grid";
import { costEstablishment } from "../../../src/core/costing";
import { readWorkbook } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, where } from "./helpers";

// SS08's published points, by year.
const SS08: Array<[number, number, number, number]> = [
  // point, 2024/25, 2025/26, 2026/27
  [12, 24000, 24720, 25400],
  [13, 24600, 25340, 26050],
];

const workbook = (scales: CellValue[][], settings: CellValue[][] = []) => ({
  grids: [
    grid("Pay scales", scales),
    grid("Establishment", [
      ["Post Title", "Grade", "SCP", "FTE", "No of staff"],
      ["Family Worker", "SS08", 12, 1, 1],
    ]),
    grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Number of years", 3],
      ["Costing point", "actual"],
      ["Increment rule", "none"],
      ["Pay award 2025/26", 0],
      ["Pay award 2026/27", 0],
      ["Pay award 2027/28", "3%"],
      ...settings,
    ]),
  ],
});

/** The post's salary costed in each year (one full-time post, the whole year). */
function salaries(wb: ReturnType<typeof workbook>): number[] {
  const r = readWorkbook(wb);
  expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  const costing = costEstablishment(r.establishment!.posts, r.assumptions, undefined, r.payScales);
  return costing.yearTotals.map((y) => y.salary);
}

const across = (headings: CellValue[], columns: number[]): CellValue[][] => [
  ["Grade", "SCP", ...headings],
  ...SS08.map(([point, ...pay]) => ["SS08", point, ...columns.map((c) => pay[c])]),
];

describe("a salary column per year", () => {
  it("costs each year on its own column, said at the first year's heading", () => {
    const wb = workbook(across(["2024/25", "2025/26", "2026/27"], [0, 1, 2]));
    // 2025/26 and 2026/27 are their columns (D2, E2); 2027/28 has none: 25,400 + 3% = 26,162.
    expect(salaries(wb)).toEqual([24720, 25400, 26162]);
    const r = readWorkbook(wb);
    expect(r.issues.find((i) => i.code === "pay-scales-years-across")).toMatchObject({
      severity: "info",
      sheet: "Pay scales",
      address: "C1",
      message:
        "The pay scales have a salary column for each year, read as that year's scale (as a Year column would give it): 2024/25 (column C), 2025/26 (column D) and 2026/27 (column E). A year after the last column is costed from the year before with the pay award",
    });
    expect(r.issues.some((i) => i.code === "pay-scales-first-year")).toBe(false);
    // Live sheets take the year's own cell: SS08 point 12 for 2025/26 is D2.
    const live = buildWorkbook(wb, { mode: "live", generatedAt: "now", version: "test" });
    expect(JSON.stringify(live.sheets[0])).toContain("'Pay scales'!D2");
  });

  it.each([
    [["Salary 2025/26", "Salary 2026/27"], "C 'Salary 2025/26'"],
    [["Apr-25", "Apr-26"], "C 'Apr-25'"],
    [["From 1 April 2025", "From 1 April 2026"], "C 'From 1 April 2025'"],
    [["FY25/26", "FY26/27"], "C 'FY25/26'"],
    [["Salary (2025/26)", "Salary (2026/27)"], "C 'Salary (2025/26)'"],
  ])("reads headings %j as the years they start in", (headings, first) => {
    const wb = workbook(across(headings, [1, 2]));
    expect(salaries(wb)).toEqual([24720, 25400, 26162]);
    expect(
      readWorkbook(wb).issues.find((i) => i.code === "pay-scales-years-across")?.message
    ).toContain(`2025/26 (column ${first}) and 2026/27`);
  });

  it("reads a date cell heading (1 April 2025 as Excel keeps it) as its year", () => {
    // 45748 is 1 April 2025, 46113 is 1 April 2026.
    expect(salaries(workbook(across([45748, 46113], [1, 2])))).toEqual([24720, 25400, 26162]);
  });

  it("with no column for the first year costed, costs it on the year before's as a Year column does", () => {
    const wb = workbook(across(["2024/25", "2026/27"], [0, 2]));
    // 2025/26 is the 2024/25 salary as it is (24,000), as the costing takes any salary
    // it starts from; 2026/27 its own column; 2027/28 25,400 + 3%.
    expect(salaries(wb)).toEqual([24000, 25400, 26162]);
    const note = {
      severity: "info",
      code: "pay-scales-first-year",
      message:
        "The pay scales have no salaries for 2025/26, the first year costed: 2025/26 is costed on the 2024/25 salaries as they are, with no pay award added (the costing takes the salaries it starts from to be 2025/26's)",
      fix: "add the 2025/26 salaries to the pay scales, or set the First financial year to 2024/25",
    };
    expect(readWorkbook(wb).issues.find((i) => i.code === note.code)).toMatchObject({
      ...note,
      address: "C1",
    });
    // The same scale with a Year column: the same figures, the same note at its heading.
    const byYear = workbook([
      ["Grade", "SCP", "Salary", "Year"],
      ...SS08.flatMap(([point, a, , c]) => [
        ["SS08", point, a, "2024/25"],
        ["SS08", point, c, "2026/27"],
      ]),
    ]);
    expect(salaries(byYear)).toEqual([24000, 25400, 26162]);
    expect(readWorkbook(byYear).issues.find((i) => i.code === note.code)).toMatchObject({
      ...note,
      address: "D1",
    });
  });

  it("with only a later year's column, costs the first year on it, said", () => {
    const wb = workbook(across(["2026/27"], [2]));
    expect(salaries(wb)).toEqual([25400, 25400, 26162]);
    expect(readWorkbook(wb).issues.find((i) => i.code === "pay-scales-first-year")?.message).toBe(
      "The pay scales have no salaries for 2025/26, the first year costed: 2025/26 is costed on the 2026/27 salaries as they are, not taken back to what they were the year before"
    );
  });

  it("a point blank in one year is said at its cell and costed as a year with no column", () => {
    const scales = across(["2025/26", "2026/27"], [1, 2]);
    scales[2][3] = "";
    const wb = workbook(scales);
    const r = readWorkbook(wb);
    expect(r.issues.find((i) => i.code === "pay-scales-year-blank")).toMatchObject({
      severity: "warning",
      address: "D3",
      message:
        "The 2026/27 salary is blank for grade 'SS08' point 13, while other points have one: for 2026/27 it is costed as in a year with no column",
    });
    // Point 12 (the post's) is whole: 24,720, 25,400, 26,162.
    expect(salaries(wb)).toEqual([24720, 25400, 26162]);
  });
});

describe("a salary column per year whose headings are not all years", () => {
  it("is refused at the first heading that is not a year, saying what to type", () => {
    const scales = across(["2024/25", "2025/26", "Proposed"], [0, 1, 2]);
    const r = readWorkbook(workbook(scales));
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:pay-scales-year-heading@E1",
    ]);
    expect(r.issues.find((i) => i.code === "pay-scales-year-heading")).toMatchObject({
      message:
        "The pay scales have a salary column for each year, but column E 'Proposed' is not headed by a financial year, so which year its salaries are for is not known",
      fix: "head it with the financial year its salaries are for, e.g. 2026/27 (or 'From 1 April 2026'); if it is not a year's salaries, move it out of the table",
    });
  });

  it("is refused when a plain Salary column stands beside a year's", () => {
    const r = readWorkbook(workbook(across(["Salary", "2026/27"], [1, 2])));
    expect(where(r.issues.filter((i) => i.severity !== "info"))).toEqual([
      "error:pay-scales-year-heading@C1",
    ]);
  });

  it("is refused when two columns are the same year", () => {
    const r = readWorkbook(workbook(across(["2025/26", "Salary 2025/26"], [1, 2])));
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:pay-scales-year-twice@D1",
    ]);
  });

  it("leaves a notes column alone", () => {
    const scales = across(["2025/26", "2026/27"], [1, 2]).map((row, i) => [
      ...row,
      i === 0 ? "Notes" : "as agreed",
    ]);
    expect(salaries(workbook(scales))).toEqual([24720, 25400, 26162]);
  });
});
