import {
  costEstablishment,
  costingWindow,
  costPost,
  financialYearsWindow,
  gradePoints,
  levyForPay,
  pensionForPay,
  salaryAtPoint,
  windowWarnings,
  niForPay,
  postCostInYear,
  postCostProfile,
} from "../../../src/core/costing";
import { d, makeAssumptions, makePost } from "./factories";

/** Hand-checked scenarios: each expectation is worked out in the comment above it. */
describe("grant window", () => {
  it("starts and ends mid-year with the grant", () => {
    // £30,000, grant 1 October 2024 to 30 September 2025.
    // 2024/25: October–March, 6 × £2,500 = £15,000; NI 6 × 13.8% × (2,500 − 758) = £1,442.376 → £1,442.38; levy £75.
    // 2025/26: April–September, £15,000; NI 6 × 15% × (2,500 − 417) = £1,874.70; levy £75.
    const a = makeAssumptions({ years: 2, grant: { start: d(1, 10, 2024), end: d(30, 9, 2025) } });
    const c = costPost(makePost({ salary: 30000 }), a, costingWindow(a));
    expect(c.years[0]).toMatchObject({
      months: 6,
      salary: 15000,
      ni: 1442.38,
      levy: 75,
      total: 16517.38,
    });
    expect(c.years[1]).toMatchObject({
      months: 6,
      salary: 15000,
      ni: 1874.7,
      levy: 75,
      total: 16949.7,
    });
    expect(c.total.total).toBe(33467.08);
  });

  it("ends a post part-way through a month", () => {
    // £24,000 to 15 January 2025: April–December 9 × £2,000 = £18,000; January 15/31 × £2,000 = £967.74.
    // NI 9 × 13.8% × 1,242 = £1,542.564 + 13.8% × (967.7419 − 758) = £28.9444 → £1,571.51.
    const y = costPost(makePost({ salary: 24000, endDate: d(15, 1, 2025) }), makeAssumptions())
      .years[0];
    expect(y).toMatchObject({ salary: 18967.74, ni: 1571.51 });
    expect(y.months).toBeCloseTo(9 + 15 / 31, 12);
  });

  it("costs nothing outside the post's dates", () => {
    const a = makeAssumptions({ years: 3 });
    const c = costPost(makePost({ salary: 24000, startDate: d(1, 4, 2026) }), a);
    expect(c.years.map((y) => y.total)).toEqual([0, 0, expect.any(Number)]);
    expect(c.years[2].months).toBe(12);
  });
});

describe("increments", () => {
  const range = { grade: "SS05", minSalary: 20000, maxSalary: 21000 };
  const a = makeAssumptions({ years: 4, costingPoint: "bottom", gradeSteps: 3 });

  it("stop at the top of the grade", () => {
    // Points £20,000 / £20,500 / £21,000; in post before the window: one point each April from 2025.
    const c = costPost(makePost(range), a);
    expect(c.years.map((y) => y.salary)).toEqual([20000, 20500, 21000, 21000]);
  });

  it("need six months' service on 1 April", () => {
    // Start 1 October 2024: exactly six months on 1 April 2025, so the increment comes then.
    expect(costPost(makePost({ ...range, startDate: d(1, 10, 2024) }), a).years[1].salary).toBe(
      20500
    );
    // Start 2 October 2024: short by a day, so it waits for April 2026.
    // 2024/25: 2–31 October 30/31 × £1,666.67 = £1,612.90 + 5 × £1,666.67 = £9,946.24.
    const late = costPost(makePost({ ...range, startDate: d(2, 10, 2024) }), a);
    expect(late.years.map((y) => y.salary)).toEqual([9946.24, 20000, 20500, 21000]);
  });

  it("can come on the start-date anniversary instead", () => {
    const points = { minSalary: 24000, maxSalary: 25200 };
    const anniv = makeAssumptions({
      years: 3,
      costingPoint: "bottom",
      gradeSteps: 3,
      incrementRule: "anniversary",
    });
    // Start 1 September 2024: 2025/26 is 5 × £2,000 + 7 × £2,050 = £24,350; 2026/27 5 × £2,050 + 7 × £2,100 = £24,950.
    const c = costPost(makePost({ ...points, startDate: d(1, 9, 2024) }), anniv);
    expect(c.years.map((y) => y.salary)).toEqual([14000, 24350, 24950]);
    // Start 16 September 2024: September 2025 is 15 days at £24,000 and 15 at £24,600 = £2,025.
    // 2025/26: 5 × £2,000 + £2,025 + 6 × £2,050 = £24,325.
    const mid = costPost(makePost({ ...points, startDate: d(16, 9, 2024) }), anniv);
    expect(mid.years[1].salary).toBe(24325);
    expect(mid.years[1].fteSalary).toBe(24600);
  });

  it("are off with the rule 'none'", () => {
    const c = costPost(makePost(range), { ...a, incrementRule: "none" });
    expect(c.years.map((y) => y.salary)).toEqual([20000, 20000, 20000, 20000]);
  });
});

describe("costing points", () => {
  it("spaces points evenly between the grade minimum and maximum", () => {
    expect(gradePoints(20000, 23000, 4)).toEqual([20000, 21000, 22000, 23000]);
    expect(gradePoints(20000, 21000, 3)).toEqual([20000, 20500, 21000]);
    expect(gradePoints(20000, 21000, 4)).toEqual([20000, 20333.33, 20666.67, 21000]);
    expect(gradePoints(20000, 20000, 5)).toEqual([20000]);
    expect(gradePoints(20000, 21000, 1)).toEqual([20000]);
  });

  it("takes bottom, mid ((min + max) / 2: the mean of the two middle points), top or the actual salary", () => {
    const post = makePost({ minSalary: 20000, maxSalary: 23000, salary: 21500 });
    const at = (costingPoint: "bottom" | "mid" | "top" | "actual", gradeSteps = 4) =>
      costPost(post, makeAssumptions({ costingPoint, gradeSteps, incrementRule: "none" })).years[0]
        .salary;
    expect(at("bottom")).toBe(20000);
    // DOMAIN, conventions: a grade known by its minimum and maximum has mid-point (min + max) / 2.
    expect(at("mid")).toBe(21500);
    expect(at("mid", 5)).toBe(21500);
    expect(at("mid", 2)).toBe(21500);
    expect(at("top")).toBe(23000);
    expect(at("actual")).toBe(21500);
  });

  it("moves a mid-point between two points up to the upper one at the first increment", () => {
    const c = costPost(
      makePost({ minSalary: 20000, maxSalary: 23000 }),
      makeAssumptions({ years: 3, costingPoint: "mid" })
    );
    expect(c.years.map((y) => y.salary)).toEqual([21500, 22000, 23000]);
  });

  it("takes a listed grade's middle point, or the mean of its two middle points, published by year", () => {
    const payScales = {
      sheet: "Pay scales",
      points: [
        { grade: "PO1", point: 23, salary: 30000 },
        { grade: "PO1", point: 24, salary: 31000 },
        { grade: "PO1", point: 25, salary: 32000 },
        { grade: "PO1", point: 26, salary: 33500 },
        { grade: "PO1", point: 24, salary: 32000, year: 2025 },
        { grade: "PO1", point: 25, salary: 33000, year: 2025 },
      ],
    };
    const a = makeAssumptions({ years: 2, costingPoint: "mid", incrementRule: "none" });
    const even = costPost(makePost({ grade: "PO1" }), a, costingWindow(a), payScales);
    // Points 24 and 25: £31,500 in 2024/25; both published for 2025/26, their mean £32,500.
    expect(even.years.map((y) => y.salary)).toEqual([31500, 32500]);
    expect(even.pay.startSalary).toBe(31500);
    const odd = { ...payScales, points: payScales.points.filter((p) => p.point !== 26) };
    const middle = costPost(makePost({ grade: "PO1" }), a, costingWindow(a), odd);
    expect(middle.years.map((y) => y.salary)).toEqual([31000, 32000]);
    expect(middle.pay.startPoint).toBe(24);
  });

  it("moves an actual salary between points up to the next point", () => {
    // £21,500 between £21,000 and £22,000: next April £22,000, then £23,000.
    const c = costPost(
      makePost({ minSalary: 20000, maxSalary: 23000, salary: 21500 }),
      makeAssumptions({ years: 3, costingPoint: "actual" })
    );
    expect(c.years.map((y) => y.salary)).toEqual([21500, 22000, 23000]);
  });

  it("uses the spinal point from a pay scales table, and published later-year figures", () => {
    const payScales = {
      sheet: "Pay scales",
      points: [
        { grade: "PO1", point: 23, salary: 30000 },
        { grade: "PO1", point: 24, salary: 31000 },
        { grade: "PO1", point: 24, salary: 33000, year: 2025 },
      ],
    };
    const a = makeAssumptions({
      years: 2,
      costingPoint: "actual",
      payAwards: [{ year: 2025, percent: 0.1 }],
    });
    const c = costPost(makePost({ grade: "po1", spinalPoint: 23 }), a, costingWindow(a), payScales);
    // 2025/26: increment to point 24, whose published 2025/26 figure (£33,000) replaces the award.
    expect(c.years.map((y) => y.salary)).toEqual([30000, 33000]);
  });
});

describe("pay awards", () => {
  it("apply the flat minimum and compound", () => {
    // £20,000 → max(£20,500, £21,290) = £21,290 → × 1.03 = £21,928.70.
    const profile = postCostProfile({ salary: 20000 }, 2024, 3, {
      payAwards: [
        { year: 2025, percent: 0.025, flatMinimum: 1290 },
        { year: 2026, percent: 0.03 },
      ],
    });
    expect(profile.map((y) => y.salary)).toEqual([20000, 21290, 21928.7]);
  });

  it("leave awards for the first year (or earlier) to the base figures", () => {
    const profile = postCostProfile({ salary: 20000 }, 2024, 1, {
      payAwards: [{ year: 2024, percent: 0.5 }],
    });
    expect(profile[0].salary).toBe(20000);
  });
});

describe("part-time rows and headcount", () => {
  it("applies the threshold per person", () => {
    // 2.5 FTE × £24,000 = £60,000 shared by 4: NI = 13.8% × (60,000 − 4 × 758 × 12) = £3,259.008.
    const a = makeAssumptions({ pensionRate: 0.2 });
    const y = costPost(makePost({ salary: 24000, fte: 2.5, headcount: 4 }), a).years[0];
    expect(y).toMatchObject({
      salary: 60000,
      ni: 3259.01,
      pension: 12000,
      levy: 300,
      total: 75559.01,
      people: 4,
    });
    // No headcount: FTE rounded up, 3 people: 13.8% × (60,000 − 3 × 758 × 12) = £4,514.256.
    const guess = costPost(makePost({ salary: 24000, fte: 2.5 }), a).years[0];
    expect(guess).toMatchObject({ ni: 4514.26, people: 3 });
  });

  it("charges a part-timer NI only on pay above the threshold", () => {
    // 0.4 × £20,000 = £8,000: 12 × 15% × (666.67 − 417) = £449.40.
    expect(postCostInYear({ salary: 20000, fte: 0.4 }, 2025).ni).toBe(449.4);
    expect(niForPay(8000, 2025)).toBe(449.4);
    // Two people on £4,000 each are both under £417 a month.
    expect(niForPay(8000, 2025, { people: 2 })).toBe(0);
  });
});

describe("on-cost modes and totals", () => {
  it("replaces NI, pension and levy by one flat percentage", () => {
    const y = costPost(
      makePost({ salary: 25000 }),
      makeAssumptions({ onCostMode: "flat", flatOnCostRate: 0.3, pensionRate: 0.19 })
    ).years[0];
    expect(y).toMatchObject({
      salary: 25000,
      ni: 0,
      pension: 0,
      levy: 0,
      flatOnCost: 7500,
      total: 32500,
    });
  });

  it("uses the row's pension rate over the default, and can switch the levy off", () => {
    const a = makeAssumptions({ pensionRate: 0.19, apprenticeshipLevy: false });
    const y = costPost(makePost({ salary: 25000, pensionRate: 0.225 }), a).years[0];
    expect(y).toMatchObject({ pension: 5625, levy: 0 });
  });

  it("takes the vacancy factor off the yearly totals as its own figure", () => {
    // 2 × £25,000 with example 1's on-costs: 2 × £32,069.75 = £64,139.50; 3% = £1,924.185 → £1,924.19.
    const a = makeAssumptions({ pensionRate: 0.19, vacancyFactor: 0.03 });
    const e = costEstablishment([makePost({ salary: 25000 }), makePost({ salary: 25000 })], a);
    expect(e.yearTotals[0].total).toBe(64139.5);
    expect(e.vacancy.byYear).toEqual([1924.19]);
    expect(e.netByYear).toEqual([62215.31]);
    expect(e.netTotal).toBe(62215.31);
  });

  it("puts an exit-cost contingency on posts still running at the grant's end", () => {
    // 4 weeks of £26,000 × 1 FTE = 4/52 × 26,000 = £2,000.
    const a = makeAssumptions({ years: 2, exitCostWeeks: 4, grant: { end: d(31, 3, 2026) } });
    const e = costEstablishment(
      [makePost({ salary: 26000 }), makePost({ salary: 26000, endDate: d(31, 12, 2025) })],
      a,
      costingWindow(a)
    );
    expect(e.posts.map((p) => p.exitCost)).toEqual([2000, 0]);
    expect(e.exitCost).toBe(2000);
  });

  it("warns when NI figures are carried forward past the table", () => {
    const a = makeAssumptions({ firstYear: 2026, years: 3 });
    const e = costEstablishment([makePost({ salary: 25000 })], a, financialYearsWindow(2026, 3));
    expect(e.warnings).toHaveLength(2);
    expect(e.warnings[0]).toMatch(/2027\/28/);
  });
});

describe("small functions for cell formulas", () => {
  it("salaryAtPoint carries a point through the awards, clamped to the top", () => {
    const awards = [
      { year: 2025, percent: 0.03 },
      { year: 2026, percent: 0.025 },
    ];
    expect(salaryAtPoint([24000, 24600, 25200], 2, 2024, 2026, awards)).toBeCloseTo(26604.9, 9);
    expect(salaryAtPoint([24000, 24600, 25200], 9, 2024, 2024, awards)).toBe(25200);
  });

  it("pension and levy on a pay figure", () => {
    expect(pensionForPay(13000, 0.2)).toBe(2600);
    expect(levyForPay(13000, 2024)).toBe(65);
    expect(levyForPay(13000, 2016)).toBe(0);
  });

  it("windowWarnings says when the grant runs outside the years costed", () => {
    const w = windowWarnings({
      firstYear: 2024,
      years: 1,
      grant: { start: d(1, 1, 2024), end: d(30, 6, 2025) },
    });
    expect(w).toEqual([
      "The grant starts on 01/01/2024, before the years costed (2024/25 to 2024/25): costing starts on 01/04/2024.",
      "The grant ends on 30/06/2025, after the years costed (2024/25 to 2024/25): costing stops on 31/03/2025.",
    ]);
  });
});
