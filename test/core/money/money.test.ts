import fc from "fast-check";
import {
  deduction,
  formatNumber,
  formatPounds,
  roundPenny,
  roundTo,
  sumMoney,
} from "../../../src/core/money";

describe("money", () => {
  it("rounds halves away from zero as Excel's ROUND does, binary fractions included", () => {
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(roundPenny(2194.7499999999995)).toBe(2194.75);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  it("adds penny amounts exactly", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(sumMoney([32069.75, 32874.4, -0.15])).toBe(64944);
    expect(sumMoney([])).toBe(0);
  });

  it("sums of pennies equal the rounded float sum", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 }), (pence) => {
        const pounds = pence.map((p) => p / 100);
        expect(sumMoney(pounds)).toBe(pence.reduce((s, p) => s + p, 0) / 100 + 0);
      })
    );
  });

  it("formats pounds and figures the en-GB way", () => {
    expect(formatPounds(1234567.891)).toBe("£1,234,567.89");
    expect(formatPounds(-1234)).toBe("-£1,234.00");
    expect(formatPounds(5314.5, 0)).toBe("£5,315");
    expect(formatNumber(192.43)).toBe("192.43");
    expect(formatNumber(1234.5)).toBe("1,234.5");
  });

  it("shows a deduction of nothing as 0, not -0", () => {
    expect(Object.is(deduction(0), 0)).toBe(true);
    expect(deduction(47969.61)).toBe(-47969.61);
  });
});
