/**
 * payOf: a post's pay as the live formulas write it (salary cell, grade range expression,
 * or pay scales cells), for every way the engine can price a post (payLadderFor).
 */
import { plainAssumptions } from "../../../src/core/costing";
import type { Assumptions, Establishment, PayScales, Post } from "../../../src/core/model";
import { formula } from "../../../src/core/report/expr";
import { payOf, type PostPay } from "../../../src/core/report/post-pay";

const post = (p: Partial<Post>, cells: Post["cells"]): Post => ({
  sourceRow: 1,
  title: "Worker",
  fte: 1,
  ...p,
  cells: { fte: "E2", ...cells },
});
const est = (p: Post): Establishment => ({
  sheet: "Staff",
  range: "A1:J2",
  headerRow: 0,
  columns: {},
  posts: [p],
  totals: [],
});
const at = (costingPoint: Assumptions["costingPoint"]): Assumptions => ({
  ...plainAssumptions(2025, 3),
  costingPoint,
  gradeSteps: 4,
});

/** SS08: points 10–13 undated in C2:C5; SS09: point 14 dated for two years. */
const SCALES: PayScales = {
  sheet: "Pay Scales",
  points: [
    { grade: "SS08", point: 10, salary: 24000, cell: "C2" },
    { grade: "SS08", point: 11, salary: 24500, cell: "C3" },
    { grade: "SS08", point: 12, salary: 25100, cell: "C4" },
    { grade: "SS08", point: 13, salary: 25800, cell: "C5" },
    { grade: "SS09", point: 14, salary: 27000, year: 2025, cell: "C6" },
    { grade: "SS09", point: 14, salary: 28000, year: 2026, cell: "C7" },
    { grade: "SS10", point: 15, salary: 29000, cell: "C8" },
    { grade: "SS10", point: 16, salary: 30000, cell: "C10" },
  ],
};

/** The pay with its expressions as the formula texts they print. */
type PayTexts = Omit<PostPay, "salaryExpr" | "profileSalaryExpr" | "pointsExpr"> & {
  salary: string;
  profileSalary: string;
  points?: string;
};

function payFor(
  p: Post,
  a: Assumptions,
  scales: PayScales | undefined = SCALES,
  pricedFor: "year" | "years" = "years"
) {
  const pay = payOf(est(p), p, a, scales, undefined, pricedFor);
  if (typeof pay === "string") return pay;
  const { salaryExpr, profileSalaryExpr, pointsExpr, ...rest } = pay;
  const texts: PayTexts = {
    ...rest,
    salary: formula(salaryExpr),
    // ESTAB.PROFILE's salary: the argument left out, "" (the costing point).
    profileSalary: profileSalaryExpr ? formula(profileSalaryExpr) : "",
  };
  if (pointsExpr) texts.points = formula(pointsExpr);
  return texts;
}

describe("payOf", () => {
  it("a salary alone: the salary cell, no points", () => {
    const p = post({ salary: 21500 }, { salary: "C2" });
    expect(payFor(p, at("mid"))).toEqual<PayTexts>({
      source: "salary",
      salary: "Staff!C2",
      salaryValue: 21500,
      profileSalary: "Staff!C2",
      profileSalaryValue: 21500,
    });
  });

  it("a grade range at the mid: (min + max) / 2 over the two cells, and the four points", () => {
    const p = post({ minSalary: 26000, maxSalary: 28000 }, { minSalary: "I2", maxSalary: "J2" });
    expect(payFor(p, at("mid"))).toEqual<PayTexts>({
      source: "grade-range",
      salary: "ROUND((Staff!I2+Staff!J2)/2,2)",
      salaryValue: 27000,
      profileSalary: "",
      points: "ROUND(Staff!I2+(Staff!J2-Staff!I2)*{0,1,2,3}/3,2)",
      pointValues: [26000, 26666.67, 27333.33, 28000],
    });
  });

  it('a grade range at "actual" with a salary: the salary cell, moving up the range\'s points', () => {
    const p = post(
      { salary: 26500, minSalary: 26000, maxSalary: 28000 },
      { salary: "C2", minSalary: "I2", maxSalary: "J2" }
    );
    const pay = payFor(p, at("actual")) as PayTexts;
    expect(pay.salary).toBe("Staff!C2");
    expect(pay.profileSalary).toBe("Staff!C2");
    expect(pay.profileSalaryValue).toBe(26500);
    expect(pay.pointValues).toEqual([26000, 26666.67, 27333.33, 28000]);
  });

  it('a grade range at "actual" without a salary: the bottom, as the engine falls back to', () => {
    const p = post({ minSalary: 26000, maxSalary: 28000 }, { minSalary: "I2", maxSalary: "J2" });
    const pay = payFor(p, at("actual")) as PayTexts;
    expect(pay.salary).toBe("Staff!I2");
    expect(pay.salaryValue).toBe(26000);
    expect(pay.profileSalary).toBe("");
  });

  it("a pay scale at the mid: the mean of the two middle points' cells, and the grade's cells as one range", () => {
    const p = post({ grade: " ss08 ", salary: 99999 }, { salary: "C2" });
    expect(payFor(p, at("mid"))).toEqual<PayTexts>({
      source: "pay-scales",
      salary: "ROUND(('Pay Scales'!C3+'Pay Scales'!C4)/2,2)",
      salaryValue: 24800,
      profileSalary: "",
      points: "'Pay Scales'!C2:C5",
      pointValues: [24000, 24500, 25100, 25800],
    });
  });

  it('a pay scale at "actual": the spinal point\'s cell, else the salary cell', () => {
    const onPoint = post({ grade: "SS08", spinalPoint: 11, salary: 24000 }, { salary: "C2" });
    const pay = payFor(onPoint, at("actual")) as PayTexts;
    expect([pay.salary, pay.salaryValue, pay.profileSalary]).toEqual([
      "'Pay Scales'!C3",
      24500,
      "'Pay Scales'!C3",
    ]);
    const offPoint = post({ grade: "SS08", salary: 24200 }, { salary: "D2" });
    const pay2 = payFor(offPoint, at("actual")) as PayTexts;
    expect([pay2.salary, pay2.profileSalary, pay2.points]).toEqual([
      "Staff!D2",
      "Staff!D2",
      "'Pay Scales'!C2:C5",
    ]);
  });

  it("dated pay scales: the year's published cell for one year, no points for several", () => {
    const p = post({ grade: "SS09" }, {});
    const pay = payFor(p, at("top")) as PayTexts;
    expect([pay.salary, pay.salaryValue, pay.points]).toEqual([
      "'Pay Scales'!C6",
      27000,
      undefined,
    ]);
    expect(pay.pointsReason).toBe(
      "grade SS09: the pay scales give point 14 a figure by year, which the points argument cannot carry"
    );
    const next = payFor(p, { ...at("top"), firstYear: 2026 }) as PayTexts;
    expect([next.salary, next.salaryValue]).toEqual(["'Pay Scales'!C7", 28000]);
  });

  it("salary cells not contiguous: one year only", () => {
    const pay = payFor(post({ grade: "SS10" }, {}), at("top")) as PayTexts;
    expect([pay.salary, pay.points]).toEqual(["'Pay Scales'!C10", undefined]);
    expect(pay.pointsReason).toMatch(/not one contiguous range/);
  });

  it("for one year only (ESTAB.POSTCOST): the same salary, and no points written out", () => {
    const range = post(
      { minSalary: 26000, maxSalary: 28000 },
      { minSalary: "I2", maxSalary: "J2" }
    );
    const scale = post({ grade: "SS08" }, {});
    for (const [p, salary, value] of [
      [range, "ROUND(Staff!I2+(Staff!J2-Staff!I2)*1/2,2)", 27000],
      [scale, "ROUND(('Pay Scales'!C3+'Pay Scales'!C4)/2,2)", 24800],
    ] as const) {
      // Three steps: the range's middle point is a ROUND over its two cells.
      const a = { ...at("mid"), gradeSteps: 3 };
      const oneYear = payFor(p, a, SCALES, "year") as PayTexts;
      expect(oneYear.salary).toBe(salary);
      expect(oneYear.salaryValue).toBe(value);
      expect(oneYear.points).toBeUndefined();
      expect(oneYear.pointValues).toBeUndefined();
      expect(payFor(p, a)).toMatchObject({
        salary,
        salaryValue: value,
        points: expect.any(String),
      });
    }
  });

  it("nothing to price from: a reason", () => {
    expect(payFor(post({}, {}), at("mid"))).toBe("no salary, grade range or pay scale");
    expect(payFor(post({ salary: 20000 }, {}), at("mid"))).toBe("no salary cell");
  });
});
