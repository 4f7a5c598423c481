/**
 * Tryout B14 (mk-13, mk-32): grades written as NJC establishments write them. A bracket
 * giving the points ("Grade 7 (SCP 23-26)") is not part of the grade; a combined grade
 * ("SO1/2", "PO3-PO5") is costed at the post's spinal point in the one of its grades that
 * has it, and without a point is refused naming its grades.
 */
import type { CellValue } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, where } from "./helpers";

const NJC: Record<number, number> = { 23: 31067, 26: 33366, 27: 34314, 28: 35235 };
Object.assign(NJC, { 29: 36124, 30: 37035, 31: 37938, 33: 39513, 34: 40476, 35: 41511 });
const scale = (grade: string, ...points: number[]) => points.map((p) => [grade, p, NJC[p]]);
const workbook = (point: string, scales: CellValue[][], posts: CellValue[][]) => ({
  grids: [
    grid("Pay scales", [["Grade", "SCP", "Salary"], ...scales]),
    grid("Establishment", [["Post Title", "Grade", "SCP", "FTE", "No of staff"], ...posts]),
    grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Number of years", 1],
      ["Costing point", point],
      ["Increment rule", "none"],
    ]),
  ],
});
const salaryCosted = (wb: ReturnType<typeof workbook>) =>
  buildWorkbook(wb, {
    mode: "shareable",
    generatedAt: "now",
    version: "test",
  }).summaries[0].figures.find((f) => f.label === "Salary")?.value;

describe("a grade with its points in a bracket", () => {
  it("is its grade, said at the cell, and costed at its bottom point", () => {
    const wb = workbook("bottom", scale("Grade 7", 23, 26), [
      ["Family Worker", "Grade 7 (SCP 23-26)", "", 1, 1],
    ]);
    const r = readWorkbook(wb);
    expect(r.establishment!.posts[0].grade).toBe("Grade 7");
    expect(r.issues.find((i) => i.code === "grade-matched")).toMatchObject({
      severity: "info",
      address: "B2",
      message:
        "Grade 'Grade 7 (SCP 23-26)' for 'Family Worker' is read as grade 'Grade 7' of the pay scales (the bracket is not part of the grade)",
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(salaryCosted(wb)).toBe(31067);
  });
});

describe("a combined grade with the pay scales listing its grades apart", () => {
  const scales = [...scale("SO1", 26, 27, 28), ...scale("SO2", 29, 30, 31)];
  const more = [...scale("PO3", 33), ...scale("PO4", 34), ...scale("PO5", 35)];

  it("is costed at the post's spinal point in the grade that has it", () => {
    const wb = workbook(
      "actual",
      [...scales, ...more],
      [
        ["Senior Family Worker", "SO1/2", 30, 1, 1],
        ["Team Manager", "PO3-PO5", 34, 1, 1],
      ]
    );
    const r = readWorkbook(wb);
    expect(r.establishment!.posts.map((p) => p.grade)).toEqual(["SO2", "PO4"]);
    expect(
      r.issues.filter((i) => i.code === "grade-matched").map((i) => [i.address, i.message])
    ).toEqual([
      [
        "B2",
        "Grade 'SO1/2' for 'Senior Family Worker' is costed as grade 'SO2', the one of 'SO1' and 'SO2' in the pay scales that has the post's spinal point 30",
      ],
      [
        "B3",
        "Grade 'PO3-PO5' for 'Team Manager' is costed as grade 'PO4', the one of 'PO3', 'PO4' and 'PO5' in the pay scales that has the post's spinal point 34",
      ],
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(salaryCosted(wb)).toBe(37035 + 40476);
  });

  it("without a spinal point is refused with a did-you-mean naming its grades", () => {
    const r = readWorkbook(
      workbook("bottom", scales, [["Senior Family Worker", "SO1 / 2", "", 1, 1]])
    );
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:salary-missing@B2",
    ]);
    expect(r.issues.find((i) => i.code === "salary-missing")!.fix).toBe(
      "did you mean 'SO1' or 'SO2'? 'SO1 / 2' is more than one grade of the pay scales: type the post's grade, or give its spinal point (SCP) so that the one of them that has it is costed"
    );
  });

  it("with a point in neither of its grades is refused the same way, not costed", () => {
    const r = readWorkbook(
      workbook("actual", scales, [["Senior Family Worker", "SO1/2", 40, 1, 1]])
    );
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:salary-missing@B2",
    ]);
    expect(r.issues.some((i) => i.code === "grade-matched")).toBe(false);
  });

  it("is left alone when the pay scales have it as one grade", () => {
    const r = readWorkbook(
      workbook("bottom", scale("SO1/2", 26, 31), [["Senior Prac", "SO1 / 2", "", 1, 1]])
    );
    expect(r.establishment!.posts[0].grade).toBe("SO1 / 2");
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});
