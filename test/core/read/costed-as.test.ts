import { readWorkbook } from "../../../src/core/read";
import type { CellValue } from "../../../src/core/grid";
import { grid } from "./helpers";

const assumptions = (rows: CellValue[][] = []) =>
  grid("Assumptions", [
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
    ["Number of years", 1],
    ["Costing point", "actual"],
    ["Increment rule", "none"],
    ...rows,
  ]);
const of = (issues: ReturnType<typeof readWorkbook>["issues"], code: string) =>
  issues.filter((i) => i.code === code);

describe("an agency row with a salary (tryout mk-05)", () => {
  it("warns at the rate that the cost sheets cost it as an employee, with its agency charge", () => {
    const r = readWorkbook({
      grids: [
        grid("Establishment", [
          ["Post Title", "Grade", "FTE", "Salary", "Contract", "Day rate"],
          ["Social Worker", "PO1", 1, 38626, "Permanent", ""],
          ["Social Worker (agency)", "PO1", 1, 38626, "Agency", "£350/day"],
          ["Locum Social Worker", "PO1", 0.6, 38626, "Locum", "£45 ph"],
        ]),
        assumptions(),
      ],
    });
    const w = of(r.issues, "agency-costed-as-employee");
    expect(w.map((i) => [i.severity, i.address])).toEqual([
      ["warning", "F3"],
      ["warning", "F4"],
    ]);
    // 38,626 + NI 15% × (38,626 − 5,000) + pension 19% + levy 0.5% = £51,201.37; 350 × 5 × 52.
    expect(w[0].message).toBe(
      "'Social Worker (agency)' is costed on the Establishment Cost and Grant Costing sheets as an employee: pay £38,626.00 a year, £51,201.37 with employer on-costs in 2025/26, not at its agency charge, £91,000.00 a year (£47.30 an hour × 37 hours a week × 52 weeks), which is what the Restructure sheet costs for an agency post"
    );
    // £45 × 0.6 FTE × 37 hours × 52 weeks.
    expect(w[1].message).toContain("not at its agency charge, £51,948.00 a year");
  });
});

const teachers = (header: string, extra: CellValue[][] = []) =>
  readWorkbook({
    grids: [
      grid("Virtual School", [
        ["Post Title", "Grade", header, "FTE", "No of staff", "Salary"],
        ["Advisory Teacher", "UPS3", "TPS", 1, 1, 45646],
        ["Virtual School Head", "L12", "Teachers Pension", 1, 1, 66000],
        ["Educational Psychologist", "Soulbury A 4-9", "LGPS", 1, 1, 52000],
        ["Ward Nurse", "Band 5", "NHS Pension", 1, 1, 31000],
      ]),
      assumptions(extra),
    ],
  });

describe("a pension scheme column naming the TPS (tryout mk-16, mk-17)", () => {
  it("warns at each TPS and NHS scheme cell that the assumed rate is costed, not the scheme's", () => {
    const w = of(
      teachers("Pension scheme", [["Employer pension rate", "19%"]]).issues,
      "pension-scheme-rate"
    );
    expect(w.map((i) => [i.severity, i.address])).toEqual([
      ["warning", "C2"],
      ["warning", "C3"],
      ["warning", "C5"],
    ]);
    expect(w[0].message).toBe(
      "'Advisory Teacher' is in the Teachers' Pension Scheme ('TPS') but is costed at the employer pension rate 19% (set on the Assumptions sheet), not the scheme's employer rate (28.68% from April 2024)"
    );
    expect(w[2].message).toBe(
      "'Ward Nurse' is in the NHS Pension Scheme ('NHS Pension') but is costed at the employer pension rate 19% (set on the Assumptions sheet), not the scheme's employer rate (23.7% from April 2024, of which an NHS employer pays 14.38% itself)"
    );
    expect(w[0].fix).toMatch(/^add a Pension rate column with the scheme's employer rate/);
  });

  it("reads a Terms and conditions column too, and says the rate is the default when not set", () => {
    const w = of(teachers("Terms and conditions").issues, "pension-scheme-rate");
    expect(w.map((i) => i.address)).toEqual(["C2", "C3", "C5"]);
    expect(w[1].message).toContain(
      "the employer pension rate 19% (the default: the Assumptions sheet does not set it)"
    );
  });

  it("says nothing for a row with its own pension rate", () => {
    const r = readWorkbook({
      grids: [
        grid("Staff", [
          ["Post Title", "Pension scheme", "Pension rate", "FTE", "Salary"],
          ["Advisory Teacher", "TPS", "28.68%", 1, 45646],
        ]),
        assumptions(),
      ],
    });
    expect(of(r.issues, "pension-scheme-rate")).toEqual([]);
  });

  it("names the first 20 and counts the rest", () => {
    const rows: CellValue[][] = Array.from({ length: 23 }, (_, i) => [
      `Teacher ${i + 1}`,
      "TPS",
      1,
      1,
      40000,
    ]);
    const r = readWorkbook({
      grids: [
        grid("Staff", [["Post Title", "Pension scheme", "FTE", "No of staff", "Salary"], ...rows]),
        assumptions(),
      ],
    });
    const w = of(r.issues, "pension-scheme-rate");
    expect(w).toHaveLength(21);
    expect(w[20].address).toBe("B22");
    expect(w[20].message).toBe(
      "3 more rows from B22 name a scheme with its own employer rate but are costed at the assumed rate"
    );
  });
});

describe("a Salary column the costing point leaves uncosted (tryout mk-36)", () => {
  const build = (point?: string, salaries: number[] = [41511, 40476]) =>
    readWorkbook({
      grids: [
        grid("Pay scales", [
          ["Grade", "SCP", "Salary"],
          ["PO1", 32, 38626],
          ["PO1", 33, 39513],
          ["PO1", 34, 40476],
          ["PO1", 35, 41511],
        ]),
        grid("Establishment", [
          ["Post Title", "Grade", "SCP", "FTE", "No of staff", "Salary"],
          ["Social Worker", "PO1", 35, 1, 1, salaries[0]],
          ["Social Worker", "PO1", 34, 1, 1, salaries[1]],
        ]),
        ...(point
          ? [
              grid("Assumptions", [
                ["Setting", "Value"],
                ["First financial year", "2025/26"],
                ["Costing point", point],
              ]),
            ]
          : []),
      ],
    });

  it("warns at the Salary heading with the default costing point, and the first post's two figures", () => {
    const w = of(build().issues, "salary-not-costed");
    expect(w.map((i) => [i.severity, i.sheet, i.address])).toEqual([
      ["warning", "Establishment", "F1"],
    ]);
    expect(w[0].message).toBe(
      "The Salary column is not costed: the costing point is the bottom of the grade (the default: not set on an Assumptions sheet), so 2 posts are costed at the grade's point, not the salary or spinal point typed (e.g. 'Social Worker' row 2: £38,626.00, not £41,511.00)"
    );
  });

  it("says a typed mid-point, and nothing at 'actual' or where no figure changes", () => {
    expect(of(build("mid").issues, "salary-not-costed")[0].message).toContain(
      // Four points: the mean of the middle two, (39,513 + 40,476) ÷ 2.
      "the costing point is the mid-point of the grade (set on the Assumptions sheet), so 2 posts are costed at the grade's point, not the salary or spinal point typed (e.g. 'Social Worker' row 2: £39,994.50, not £41,511.00)"
    );
    expect(of(build("actual").issues, "salary-not-costed")).toEqual([]);
    expect(
      of(build("top", [41511, 41511]).issues, "salary-not-costed").map((i) => i.message)
    ).toEqual([
      expect.stringContaining(
        "so 1 post is costed at the grade's point, not the salary or spinal point typed (e.g. 'Social Worker' row 3: £41,511.00, not £40,476.00)"
      ),
    ]);
  });
});

describe("a spinal point column the costing point leaves uncosted, with no Salary column (tryout t2d)", () => {
  const read = (point?: string) =>
    readWorkbook({
      grids: [
        grid("Pay scales", [
          ["Grade", "SCP", "Salary"],
          ["PO1", 26, 33500],
          ["PO1", 27, 34400],
          ["PO1", 28, 35300],
        ]),
        grid("Establishment", [
          ["Post Title", "Grade", "SCP", "FTE"],
          ["Officer A", "PO1", 26, 1],
          ["Officer B", "PO1", 28, 0.6],
        ]),
        ...(point
          ? [
              grid("Assumptions", [
                ["Setting", "Value"],
                ["Costing point", point],
              ]),
            ]
          : []),
      ],
    });

  it("warns at the SCP heading: Officer B is costed at SCP 26's £33,500, not SCP 28's £35,300", () => {
    const w = of(read().issues, "salary-not-costed");
    expect(w.map((i) => [i.severity, i.sheet, i.address])).toEqual([
      ["warning", "Establishment", "C1"],
    ]);
    expect(w[0].message).toBe(
      "The spinal point column is not costed: the costing point is the bottom of the grade (the default: not set on an Assumptions sheet), so 1 post is costed at the grade's point, not the salary or spinal point typed (e.g. 'Officer B' row 3: £33,500.00, not £35,300.00)"
    );
  });

  it("says nothing when the costing point is 'actual'", () => {
    expect(of(read("actual").issues, "salary-not-costed")).toEqual([]);
  });
});
