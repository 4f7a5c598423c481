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

describe("FTE figures that look like weekly hours", () => {
  const read = (rows: (string | number)[][]) => readEstablishment({ grids: [grid("Staff", rows)] });
  const hoursWarnings = (rows: (string | number)[][]) =>
    read(rows).issues.filter((i) => i.code === "fte-looks-like-hours");

  it("are said at the FTE heading, with how to make FTE of them", () => {
    const said = hoursWarnings([
      ["Post", "FTE", "Salary"],
      ["Social Worker", 37, 36000],
      ["Social Worker", 37, 36000],
      ["Family Worker", 18.5, 28000],
      ["Admin Officer", 30, 22000],
    ]);
    expect(said.map((i) => [i.severity, i.address, i.message, i.fix])).toEqual([
      [
        "warning",
        "B1",
        "The FTE figures look like weekly hours (37 on 2 posts): an FTE of 37 is 37 full-time posts, and is costed so",
        "if they are hours, head column B 'Hours' and add an FTE column worked out from it (e.g. =B2/37); FTE is 1 for a full-time post",
      ],
    ]);
  });

  it("are not said of aggregated rows, or beside a No of staff column", () => {
    expect(
      hoursWarnings([
        ["Position Name", "FTE", "Salary"],
        ["Family Support Worker", 47.93, 20862],
        ["Unit Manager", 7, 29531],
        ["Social Worker", 12.5, 36000],
      ])
    ).toEqual([]);
    expect(
      hoursWarnings([
        ["Post", "FTE", "No of staff", "Salary"],
        ["Family Support Worker", 37, 40, 20862],
        ["Family Support Worker", 37, 40, 20862],
        ["Unit Manager", 37, 37, 29531],
      ])
    ).toEqual([]);
  });
});
