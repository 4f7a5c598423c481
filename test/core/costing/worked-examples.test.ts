import { applyPayAward, costPost, financialYearsWindow } from "../../../src/core/costing";
import { d, makeAssumptions, makePost } from "./factories";

/** DOMAIN.md worked examples 1–7, exactly. */
describe("DOMAIN.md worked examples", () => {
  it("1: £25,000, 1 FTE, 1 person, all of 2024/25, pension 19%, levy 0.5%", () => {
    const year = costPost(
      makePost({ salary: 25000, fte: 1, headcount: 1 }),
      makeAssumptions({ firstYear: 2024, pensionRate: 0.19 })
    ).years[0];
    // NI = 12 × 13.8% × (25,000/12 − 758)
    expect(year).toMatchObject({
      salary: 25000,
      ni: 2194.75,
      pension: 4750,
      levy: 125,
      total: 32069.75,
    });
  });

  it("2: the same in 2025/26", () => {
    const year = costPost(
      makePost({ salary: 25000, fte: 1, headcount: 1 }),
      makeAssumptions({ firstYear: 2025, pensionRate: 0.19 })
    ).years[0];
    expect(year).toMatchObject({ ni: 2999.4, pension: 4750, levy: 125, total: 32874.4 });
  });

  it("3: 1.5 FTE shared by 3 people costs far less NI than one person on 1.5 FTE", () => {
    const a = makeAssumptions({ firstYear: 2025 });
    const shared = costPost(makePost({ salary: 20000, fte: 1.5, headcount: 3 }), a).years[0];
    expect(shared.salary).toBe(30000);
    expect(shared.ni).toBe(2248.2);
    const one = costPost(makePost({ salary: 20000, fte: 1.5, headcount: 1 }), a).years[0];
    expect(one.ni).toBe(3749.4);
  });

  it("4: £30,000 in 2022/23: 15.05% April–October, 13.8% November–March", () => {
    const year = costPost(makePost({ salary: 30000 }), makeAssumptions({ firstYear: 2022 }))
      .years[0];
    expect(year.ni).toBe(3037.18);
  });

  it("5: £24,000 starting 16 September 2024: September is 15/30 of a month", () => {
    const year = costPost(
      makePost({ salary: 24000, startDate: d(16, 9, 2024) }),
      makeAssumptions({ firstYear: 2024, pensionRate: 0.2 })
    ).years[0];
    expect(year).toMatchObject({
      salary: 13000,
      ni: 1061.77,
      pension: 2600,
      levy: 65,
      total: 16726.77,
    });
    expect(year.months).toBe(6.5);
  });

  it("6: points £24,000 / £24,600 / £25,200, start 1 September 2024 at the bottom, awards 3%, 2.5%, 2%", () => {
    const a = makeAssumptions({
      firstYear: 2024,
      years: 4,
      costingPoint: "bottom",
      payAwards: [
        { year: 2025, percent: 0.03 },
        { year: 2026, percent: 0.025 },
        { year: 2027, percent: 0.02 },
      ],
    });
    const payScales = {
      sheet: "Pay scales",
      points: [
        { grade: "SS08", point: 10, salary: 24000 },
        { grade: "SS08", point: 11, salary: 24600 },
        { grade: "SS08", point: 12, salary: 25200 },
      ],
    };
    const post = makePost({ grade: "SS08", startDate: d(1, 9, 2024) });
    const costing = costPost(post, a, financialYearsWindow(2024, 4), payScales);
    expect(costing.years.map((y) => y.salary)).toEqual([14000, 25338, 26604.9, 27137]);
    expect(costing.pay).toMatchObject({
      source: "pay-scales",
      startSalary: 24000,
      startPoint: 10,
      pointsToTop: 2,
    });
    // The same from the grade's minimum and maximum with 3 evenly spaced points.
    const fromRange = costPost(
      makePost({ grade: "SS08", minSalary: 24000, maxSalary: 25200, startDate: d(1, 9, 2024) }),
      { ...a, gradeSteps: 3 }
    );
    expect(fromRange.years.map((y) => y.salary)).toEqual([14000, 25338, 26604.9, 27137]);
  });

  it("7: '£1,290 or 2.5%, whichever is higher'", () => {
    const award = { percent: 0.025, flatMinimum: 1290 };
    expect(applyPayAward(20000, award)).toBe(21290);
    expect(applyPayAward(60000, award)).toBe(61500);
  });
});
