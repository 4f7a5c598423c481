/**
 * Tryout t5p: NHS establishments type a band's number ("6", "AfC 6") where the pay scales
 * say "Band 6", or the reverse. The same band is matched, said once at the first post so
 * typed; a number that is two of the pay scales' grades ("Band 6" and "Grade 6") is refused.
 */
import type { CellValue } from "../../../src/core/grid";
import { costEstablishment } from "../../../src/core/costing";
import { readWorkbook } from "../../../src/core/read";
import { grid, where } from "./helpers";

// Agenda for Change 2025/26: band 5 and band 6, bottom and top points.
const AFC: CellValue[][] = [
  ["Grade", "Point", "Salary"],
  ["Band 5", 1, 29970],
  ["Band 5", 2, 36483],
  ["Band 6", 1, 37338],
  ["Band 6", 2, 44962],
];

const workbook = (scales: CellValue[][], posts: CellValue[][]) => ({
  grids: [
    grid("Pay scales", scales),
    grid("Establishment", [["Post Title", "Band", "FTE", "No of staff"], ...posts]),
    grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Number of years", 1],
      ["Costing point", "bottom"],
      ["Increment rule", "none"],
    ]),
  ],
});

const salaryCosted = (wb: ReturnType<typeof workbook>): number => {
  const r = readWorkbook(wb);
  return costEstablishment(r.establishment!.posts, r.assumptions, undefined, r.payScales)
    .yearTotals[0].salary;
};

describe("a band typed as its number", () => {
  it("is the pay scales' Band, said once at the first post typed so", () => {
    const wb = workbook(AFC, [
      ["Staff Nurse", "6", 1, 1],
      ["Staff Nurse (nights)", 6, 1, 1],
      ["Healthcare Assistant", "AfC 5", 0.5, 1],
    ]);
    const r = readWorkbook(wb);
    expect(r.establishment!.posts.map((p) => p.grade)).toEqual(["Band 6", "Band 6", "Band 5"]);
    expect(
      r.issues.filter((i) => i.code === "grade-matched").map((i) => [i.address, i.message])
    ).toEqual([
      [
        "B2",
        "Grade '6' for 'Staff Nurse' is read as 'Band 6' of the pay scales, and so is every other post of grade '6'",
      ],
      [
        "B4",
        "Grade 'AfC 5' for 'Healthcare Assistant' is read as 'Band 5' of the pay scales, and so is every other post of grade 'AfC 5'",
      ],
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    // Bottom of band 6 twice, and half of the bottom of band 5: 37,338 × 2 + 29,970 × 0.5.
    expect(salaryCosted(wb)).toBe(37338 * 2 + 14985);
  });

  it("matches the reverse: the establishment's 'Band 6' for the pay scales' '6'", () => {
    const scales = AFC.map((row, i) =>
      i === 0 ? row : [String(row[0]).slice(5), ...row.slice(1)]
    );
    const wb = workbook(scales, [["Staff Nurse", "Band 6", 1, 1]]);
    expect(readWorkbook(wb).issues.find((i) => i.code === "grade-matched")?.message).toBe(
      "Grade 'Band 6' for 'Staff Nurse' is read as '6' of the pay scales, and so is every other post of grade 'Band 6'"
    );
    expect(salaryCosted(wb)).toBe(37338);
  });

  it("keeps 8a apart from 8", () => {
    const scales: CellValue[][] = [
      ["Grade", "Point", "Salary"],
      ["Band 8a", 1, 53755],
      ["Band 8b", 1, 62215],
    ];
    const wb = workbook(scales, [["Charge Nurse", "8A", 1, 1]]);
    expect(salaryCosted(wb)).toBe(53755);
    const refused = readWorkbook(workbook(scales, [["Matron", "8", 1, 1]]));
    expect(where(refused.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:salary-missing@B2",
    ]);
  });

  it("is refused at the grade's cell when the pay scales have it as a Band and a Grade", () => {
    const scales = [...AFC, ["Grade 6", 1, 31000]];
    const r = readWorkbook(workbook(scales, [["Staff Nurse", "6", 1, 1]]));
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:grade-ambiguous@B2",
    ]);
    expect(r.issues.find((i) => i.code === "grade-ambiguous")).toMatchObject({
      message:
        "Grade '6' for 'Staff Nurse' could be 'Band 6' or 'Grade 6' of the pay scales, which are different grades",
      fix: "type the grade as the pay scales spell it, e.g. 'Band 6'",
    });
    // Typed as the pay scales spell it, there is nothing to guess.
    const typed = readWorkbook(workbook(scales, [["Staff Nurse", "Band 6", 1, 1]]));
    expect(
      typed.issues.filter((i) => i.severity === "error" || i.code === "grade-matched")
    ).toEqual([]);
  });
});
