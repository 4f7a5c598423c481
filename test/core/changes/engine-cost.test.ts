import { annualCostOf, proposedVersusCurrent } from "../../../src/core/changes";
import { defaultAssumptions } from "../../../src/core/read/assumptions";
import { serialOf } from "../../../src/core/dates";
import { post } from "./fixtures";

describe("the costing engine as costOf", () => {
  const a = { ...defaultAssumptions(2024), costingPoint: "actual" as const, pensionRate: 0.19 };
  const costOf = annualCostOf(a);

  it("gives worked example 1 for a whole year (£25,000 in 2024/25 → £32,069.75)", () => {
    expect(costOf(post({ title: "Officer", salary: 25000 }))).toEqual({
      salary: 25000,
      onCosts: 7069.75,
      total: 32069.75,
    });
  });

  it("ignores start dates: the full-year effect is a whole year", () => {
    expect(
      costOf(post({ title: "Officer", salary: 25000, startDate: serialOf(2024, 9, 16) })).total
    ).toBe(32069.75);
  });

  it("agency £35/h × 37h × 52 weeks = £67,340 against a permanent £38,000 post costed by the engine", () => {
    const r = proposedVersusCurrent(
      [
        post({
          title: "Social Worker",
          salary: 38000,
          contractType: "agency",
          proposedContractType: "permanent",
          agencyHourlyRate: 35,
          hoursPerWeek: 37,
        }),
      ],
      { ...a, agencyWeeksPerYear: 52 },
      costOf
    );
    // Permanent: 38,000 + NI 12 × 13.8% × (38,000/12 − 758) = 3,988.75 + pension 7,220 + levy 190 = 49,398.75.
    expect(r.agencyConversions[0]).toMatchObject({
      agencyCost: 67340,
      permanentCost: 49398.75,
      saving: 17941.25,
    });
  });
});
