import { annualCostOf, proposedVersusCurrent } from "../../../src/core/changes";
import { readWorkbook } from "../../../src/core/read";
import { grid, where } from "./helpers";

const TABLE = [
  [
    "Position",
    "Grade",
    "Salary",
    "Current FTE",
    "Proposed FTE",
    "Contract type",
    "Proposed contract",
    "Agency day rate",
  ],
  ["Social Worker", "SS09", 38000, 1, 1, "Agency", "Permanent", "£260"],
];

describe("an agency day rate, made hourly with the assumptions", () => {
  it("says at the rate's cell how it was converted, with the defaults, and saves against it", () => {
    const inputs = readWorkbook(
      { grids: [grid("Restructure", TABLE)] },
      { defaultFirstYear: 2025 }
    );
    const notes = inputs.issues.filter((i) => i.code === "agency-rate-converted");
    expect(where(notes)).toEqual(["info:agency-rate-converted@H2"]);
    expect(notes[0].message).toBe(
      "The agency rate for 'Social Worker' is read as £35.14 an hour: £260.00 a day ÷ 7.4 hours a day (37 hours a week over 5 days)"
    );
    const a = inputs.assumptions;
    const r = proposedVersusCurrent(inputs.establishment!.posts, a, annualCostOf(a));
    // £260 × 5 days × 52 weeks, not £0 as when the column was not read.
    expect(r.agencyConversions[0].agencyCost).toBe(67600);
    expect(r.agencyConversions[0].quotedRate).toEqual({ amount: 260, unit: "day" });
    expect(r.agencyConversions[0].conversion).toBe(
      "£260.00 a day ÷ 7.4 hours a day (37 hours a week over 5 days)"
    );
  });

  it("uses the Assumptions sheet's agency hours and days per week", () => {
    const inputs = readWorkbook(
      {
        grids: [
          grid("Restructure", TABLE),
          grid("Assumptions", [
            ["Setting", "Value"],
            ["First financial year", "2025/26"],
            ["Agency hours per week", 36],
            ["Agency days per week", 4.5],
          ]),
        ],
      },
      {}
    );
    // The cost sheets cost the row as an employee on its salary: said at the rate (mk-05).
    expect(
      inputs.issues.filter((i) => i.severity !== "info").map((i) => [i.code, i.address])
    ).toEqual([["agency-costed-as-employee", "H2"]]);
    expect(inputs.issues.find((i) => i.code === "agency-rate-converted")!.message).toBe(
      "The agency rate for 'Social Worker' is read as £32.50 an hour: £260.00 a day ÷ 8 hours a day (36 hours a week over 4.5 days)"
    );
    const a = inputs.assumptions;
    const r = proposedVersusCurrent(inputs.establishment!.posts, a, annualCostOf(a));
    expect(r.agencyConversions[0].agencyCost).toBe(60840); // £32.50 × 36 × 52
  });
});
