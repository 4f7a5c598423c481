import {
  APPRENTICESHIP_LEVY_RATE,
  employerNi,
  levyRateFor,
  NI_TABLE,
  niRulesFor,
} from "../../../src/core/rules";
import { roundPenny, roundTo } from "../../../src/core/money";

describe("employer NI table", () => {
  it("has every tax year 2013/14 to 2026/27 with the DOMAIN figures", () => {
    expect(NI_TABLE.map((r) => r.year)).toEqual([
      2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(NI_TABLE.map((r) => r.monthlyThreshold)).toEqual([
      641, 663, 676, 676, 680, 702, 719, 732, 737, 758, 758, 758, 417, 417,
    ]);
    expect(niRulesFor(2018)).toMatchObject({ monthlyThreshold: 702, source: "table" });
    expect(niRulesFor(2018).monthlyRates).toEqual(new Array(12).fill(0.138));
    expect(niRulesFor(2025).monthlyRates).toEqual(new Array(12).fill(0.15));
    expect(niRulesFor(2025).warning).toBeUndefined();
  });

  it("2022/23 is 15.05% April to October and 13.8% November to March", () => {
    const r = niRulesFor(2022).monthlyRates;
    expect(r.slice(0, 7)).toEqual(new Array(7).fill(0.1505));
    expect(r.slice(7)).toEqual(new Array(5).fill(0.138));
  });

  it("carries the last year forward with a warning, and warns before the table", () => {
    const later = niRulesFor(2028);
    expect(later).toMatchObject({ monthlyThreshold: 417, source: "carried-forward" });
    expect(later.warning).toMatch(/2028\/29.*2026\/27 rate and threshold carried forward/);
    const earlier = niRulesFor(2012);
    expect(earlier).toMatchObject({ monthlyThreshold: 641, source: "before-table" });
    expect(earlier.warning).toMatch(/before the built-in table/);
  });

  it("takes the user's rate and threshold over the table; both together silence the warning", () => {
    expect(niRulesFor(2022, { rate: 0.14 }).monthlyRates).toEqual(new Array(12).fill(0.14));
    expect(niRulesFor(2024, { monthlyThreshold: 800 }).monthlyThreshold).toBe(800);
    expect(niRulesFor(2030, { rate: 0.16 }).warning).toBeDefined();
    expect(niRulesFor(2030, { rate: 0.16, monthlyThreshold: 400 }).warning).toBeUndefined();
  });

  it("charges NI only above the threshold, per person", () => {
    expect(employerNi(1000, 0.138, 758)).toBeCloseTo(33.396, 10);
    expect(employerNi(700, 0.138, 758)).toBe(0);
    expect(employerNi(758, 0.138, 758)).toBe(0);
  });
});

describe("apprenticeship levy", () => {
  it("is 0.5% from 2017/18, none before, and switchable", () => {
    expect(APPRENTICESHIP_LEVY_RATE).toBe(0.005);
    expect(levyRateFor(2016)).toBe(0);
    expect(levyRateFor(2017)).toBe(0.005);
    expect(levyRateFor(2030)).toBe(0.005);
    expect(levyRateFor(2024, false)).toBe(0);
  });
});

describe("rounding to the penny", () => {
  it("rounds half away from zero as Excel's ROUND does, binary fractions included", () => {
    expect(roundPenny(12 * 0.138 * (25000 / 12 - 758))).toBe(2194.75);
    expect(roundPenny(1.005)).toBe(1.01);
    expect(roundPenny(2.675)).toBe(2.68);
    expect(roundPenny(-2.675)).toBe(-2.68);
    expect(roundPenny(0.125)).toBe(0.13);
    expect(roundTo(32.05, 1)).toBe(32.1);
    expect(roundTo(27136.998, 2)).toBe(27137);
  });
});
