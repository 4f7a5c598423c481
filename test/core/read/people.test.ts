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
