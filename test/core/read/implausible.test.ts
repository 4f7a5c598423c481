import type { Post } from "../../../src/core/model";
import { readEstablishment } from "../../../src/core/read";
import { implausibleSalaries } from "../../../src/core/read/implausible";
import { grid, messages, where } from "./helpers";

const post = (title: string, grade: string | undefined, salary: number, row: number): Post =>
  ({ title, grade, salary, fte: 1, sourceRow: row, cells: { salary: `C${row + 1}` } }) as Post;

describe("salaries that look typed in the wrong unit", () => {
  it("says £2,800 among £28,000s looks monthly, at its cell, and changes nothing", () => {
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Position", "Grade", "Salary", "FTE"],
          ["Social Worker", "SS08", 28000, 1],
          ["Social Worker", "SS08", 28500, 1],
          ["Social Worker", "SS08", 2800, 1],
          ["Senior", "SS09", 33000, 1],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "Staff!C4: Salary £2800 for 'Social Worker' is far below the SS08 posts (median £28000): it looks like a monthly figure (× 12 = £33600) — enter the full-time annual salary (it is costed as typed until you do)",
    ]);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([28000, 28500, 2800, 33000]);
  });

  it("names an hourly rate, a weekly figure and a digit too many against the grade's range", () => {
    const range = () => ({ min: 24000, max: 30000 });
    const issues = implausibleSalaries(
      "Staff",
      [
        // One post a grade: too few to compare, so each is set against its grade's range.
        post("Cover", "G5", 14.5, 1),
        post("Relief", "G6", 520, 2),
        post("Typo", "G7", 270000, 3),
        post("Fine", "G8", 26000, 4),
      ],
      range
    );
    expect(where(issues)).toEqual([
      "warning:salary-implausible@C2",
      "warning:salary-implausible@C3",
      "warning:salary-implausible@C4",
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      "Salary £14.5 for 'Cover' is far below grade G5's range (£24000 to £30000): it looks like an hourly rate (× 1924 = £27898)",
      "Salary £520 for 'Relief' is far below grade G6's range (£24000 to £30000): it looks like a weekly figure (× 52 = £27040)",
      "Salary £270000 for 'Typo' is far above grade G7's range (£24000 to £30000): a digit too many?",
    ]);
  });

  it("flags a salary under any plausible annual one even with nothing to compare it with", () => {
    const issues = implausibleSalaries(
      "Staff",
      [post("Clerk", undefined, 1800, 1)],
      () => undefined
    );
    expect(issues.map((i) => i.message)).toEqual([
      "Salary £1800 for 'Clerk' is less than any full-time annual salary: it looks like a monthly figure (× 12 = £21600)",
    ]);
    expect(
      implausibleSalaries("Staff", [post("Clerk", undefined, 18000, 1)], () => undefined)
    ).toEqual([]);
  });

  it("leaves a grade's real spread alone: a third to three times its median", () => {
    const issues = implausibleSalaries(
      "Staff",
      [
        post("A", "Band 5", 10000, 1),
        post("B", "Band 5", 28000, 2),
        post("C", "Band 5", 29000, 3),
        post("D", "Band 5", 84000, 4),
      ],
      () => undefined
    );
    // The median of the four is £28,500: £10,000 and £84,000 are within a third and three times.
    expect(issues).toEqual([]);
  });

  it("says a salary under £1,000 once, and still weighs the grade's bounds", () => {
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Position", "Minimum salary", "Maximum salary", "Salary", "FTE"],
          ["Cover", 24, 30000, 14.5, 1],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual([
      "warning:salary-implausible@B2",
      "warning:salary-outside-grade@D2",
      "warning:salary-implausible@D2",
    ]);
    expect(r.issues[2].message).toBe(
      // The range's £24 minimum is a slip too, so the salary is weighed against any annual one.
      "Salary £14.5 for 'Cover' is less than any full-time annual salary: it looks like an hourly rate (× 1924 = £27898)"
    );
  });
});
