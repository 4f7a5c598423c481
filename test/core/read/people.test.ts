import { readWorkbook } from "../../../src/core/read";
import { grid } from "./helpers";

const EXPORT = (personHeading: string) =>
  grid("iTrent export", [
    [personHeading, "Assignment Number", "Position Title", "Grade", "FTE", "FTE Salary"],
    ["200100", "200100-1", "Family Support Worker", "SS06", 0.5, 30000],
    ["200100", "200100-2", "Contact Supervisor", "SS04", 0.5, 24000],
    ["200101", "200101-1", "Contact Supervisor", "SS04", 1, 24000],
  ]);
const ASSUMPTIONS = (...rows: (string | number)[][]) =>
  grid("Assumptions", [["Setting", "Value"], ["First financial year", "2025/26"], ...rows]);

const personIssues = (personHeading: string, ...settings: (string | number)[][]) =>
  readWorkbook({ grids: [EXPORT(personHeading), ASSUMPTIONS(...settings)] }).issues.filter(
    (i) => i.code === "person-on-several-rows" || i.code === "duplicate-post-id"
  );

describe("one person on two rows of a payroll export (tryout mk-10, mk-10b)", () => {
  it.each(["Employee Number", "Person Number"])(
    "is a warning at the person's second row under '%s', with the NI the thresholds can take off",
    (heading) => {
      // Separately 15% × (£1,250 − £417) × 12 + 15% × (£1,000 − £417) × 12 = £2,548.80;
      // added up 15% × (£2,250 − £417) × 12 = £3,299.40: £750.60 more, 15% × £417 × 12.
      expect(personIssues(heading).map((i) => [i.severity, i.address, i.message])).toEqual([
        [
          "warning",
          "A3",
          `${heading} '200100' is on 2 rows (A2, A3): one person, costed as 2 people: each row has its own employer NI threshold and counts in the headcount; if one payroll pays them, HMRC adds the pay up for NI, and the employer NI is up to £750.60 a year more in 2025/26 (a threshold of £417 a month for each row after the first)`,
        ],
      ]);
    }
  );

  it("says no NI figure with flat on-costs, which have no threshold", () => {
    const [issue] = personIssues(
      "Staff ID",
      ["On-cost mode", "flat"],
      ["Flat on-cost rate", "30%"]
    );
    expect(issue.message).toBe(
      "Staff ID '200100' is on 2 rows (A2, A3): one person, costed as 2 people: each row counts in the headcount"
    );
  });

  it("says nothing of an Assignment Number alone", () => {
    expect(personIssues("Payroll area")).toEqual([]);
  });
});

describe("one person on two rows, by name where the export has no number", () => {
  const STAFF = (nameHeading: string, ...more: (string | number)[][]) =>
    grid("Staff list", [
      ["Position", nameHeading, "Grade", "FTE", "Salary"],
      ["Family Support Worker", "J Smith", "SS06", 0.5, 30000],
      ["Contact Supervisor", "J Smith", "SS04", 0.5, 24000],
      ["Contact Supervisor", "A Khan", "SS04", 1, 24000],
      ...more,
    ]);
  const byName = (nameHeading: string, ...more: (string | number)[][]) =>
    readWorkbook({ grids: [STAFF(nameHeading, ...more), ASSUMPTIONS()] }).issues.filter(
      (i) => i.code === "person-on-several-rows"
    );

  it.each(["Employee Name", "Name", "Staff name", "Post holder"])(
    "warns at J Smith's second row under '%s', saying it matched by name",
    (heading) => {
      // As for a number: 15% × £417 × 12 = £750.60 more if one payroll pays both 0.5 posts.
      expect(byName(heading).map((i) => [i.severity, i.address, i.message, i.fix])).toEqual([
        [
          "warning",
          "B3",
          `${heading} 'J Smith' is on 2 rows (B2, B3), matched by name (two people can share one): if one person, costed as 2 people: each row has its own employer NI threshold and counts in the headcount; if one payroll pays them, HMRC adds the pay up for NI, and the employer NI is up to £750.60 a year more in 2025/26 (a threshold of £417 a month for each row after the first)`,
          "nothing to do if they are two people, or the posts are paid apart; if not, add the NI said to the costing, or cost the person on one row with the FTE and pay added up",
        ],
      ]);
    }
  );

  it("does not take a vacancy, TBC, an agency row or a blank for a person", () => {
    const empty = (who: string): (string | number)[] => ["Social Worker", who, "SS06", 1, 38000];
    const issues = byName(
      "Employee Name",
      empty("Vacant"),
      empty("vacancy"),
      empty("TBC"),
      empty("Agency"),
      empty(""),
      empty("Vacant"),
      empty("TBC"),
      empty("agency"),
      empty("")
    );
    expect(issues.map((i) => i.address)).toEqual(["B3"]);
  });

  it("keys by the Employee Number when the export has both, not by the name", () => {
    const r = readWorkbook({
      grids: [
        grid("Staff list", [
          ["Employee Number", "Employee Name", "Position", "FTE", "Salary"],
          ["200100", "J Smith", "Family Support Worker", 0.5, 30000],
          ["200200", "J Smith", "Contact Supervisor", 0.5, 24000],
        ]),
        ASSUMPTIONS(),
      ],
    });
    // Two numbers: two people who share a name, so nothing to say.
    expect(r.issues.filter((i) => i.code === "person-on-several-rows")).toEqual([]);
  });
});

describe("one person's row exported twice (tryout t5)", () => {
  it("says the rows are the same and the post is costed twice, not an NI question", () => {
    const r = readWorkbook({
      grids: [
        grid("HR Export", [
          ["Employee Number", "Employee Name", "Position Title", "FTE", "Salary"],
          ["E100", "Jane Smith", "Family Worker", 0.6, 30000],
          ["E200", "Tom Jones", "Social Worker", 1, 40000],
          ["E200", "Tom Jones", "Social Worker", 1, 40000],
        ]),
        ASSUMPTIONS(),
      ],
    });
    const said = r.issues.filter((i) => i.code === "person-on-several-rows");
    expect(said.map((i) => [i.severity, i.address, i.message, i.fix])).toEqual([
      [
        "warning",
        "A4",
        "Employee Number 'E200' is on 2 rows (A3, A4), and the rows are the same in every cell, as if one row was typed twice: 'Social Worker' is costed 2 times (2 FTE in all)",
        "delete the row typed twice; if they are two posts the person holds, nothing to do",
      ],
    ]);
    // Both rows are still costed, as typed: the warning is what says so.
    expect(r.establishment?.posts.map((p) => p.fte)).toEqual([0.6, 1, 1]);
  });
});
