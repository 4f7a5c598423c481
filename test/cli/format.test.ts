import type { Issue } from "../../src/core/grid";
import { issueLines } from "../../src/cli/format";

const blank = (address: string, sheet = "Establishment"): Issue => ({
  severity: "info",
  code: "blank-row",
  sheet,
  address,
  message: "Blank row inside the table, skipped",
  fix: "nothing to do if it is a spacer; if a post is missing, fill the row in",
});

const hours: Issue = {
  severity: "warning",
  code: "agency-hours-ambiguous",
  sheet: "Establishment",
  address: "Q12",
  value: 37,
  message:
    "Hours 37 for 2 FTE on row 12 ('Social Worker', agency) are read as the row's total hours a week (1 FTE's worth), so the agency cost is for 1 FTE, not 2",
  fix: "if it is 37 hours for each of the 2 workers, enter 74 (or leave Hours blank to use FTE × 37 = 74); if 37 is the row's total, nothing to do",
};

describe("issueLines", () => {
  it("lists warnings one a line, and notes as one quiet line with their rows", () => {
    const issues = ["A8", "A18", "A24", "A32", "A38"].map((a) => blank(a));
    expect(issueLines([...issues, hours])).toEqual([
      "1 warning:",
      "  warning  Establishment!Q12: Hours 37 for 2 FTE on row 12 ('Social Worker', agency) are read as the row's total hours a week (1 FTE's worth), so the agency cost is for 1 FTE, not 2 — if it is 37 hours for each of the 2 workers, enter 74 (or leave Hours blank to use FTE × 37 = 74); if 37 is the row's total, nothing to do",
      "5 notes: blank rows skipped (Establishment rows 8, 18, 24, 32, 38)",
    ]);
  });

  it("groups notes by kind and sheet; a kind it has no words for is given with its cell", () => {
    const setting: Issue = {
      severity: "info",
      code: "duplicate-setting",
      sheet: "Assumptions",
      address: "A9",
      message: "Pension rate is set twice (first at A4) to the same value",
      fix: "nothing to do; delete one of the two rows to tidy up",
    };
    expect(issueLines([blank("A8"), setting, blank("B5", "Team data")])).toEqual([
      "3 notes: blank rows skipped (Establishment row 8; Team data row 5); Pension rate is set twice (first at A4) to the same value (Assumptions!A9)",
    ]);
  });

  it("prints nothing when there are no issues", () => {
    expect(issueLines([])).toEqual([]);
  });
});
