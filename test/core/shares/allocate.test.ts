import fc from "fast-check";
import {
  allocateExact,
  allocateUnits,
  costOfAllocation,
  exactQuotas,
  fromUnits,
  needIndex,
  SharesInputError,
  toUnits,
} from "../../../src/core/shares";

describe("exact allocation (largest remainder)", () => {
  it("worked example 8: 10 FTE in 0.5 over 0.37/0.33/0.30 → 3.5/3.5/3.0", () => {
    expect(allocateExact(10, [0.37, 0.33, 0.3], 0.5)).toEqual([3.5, 3.5, 3]);
  });

  it("worked example 9: 20 FTE in 0.1 → A 5.4, B 7.9, C 6.7", () => {
    const shares = needIndex([10_000, 20_000, 10_000], [0.2, 0.1, 0.3], [300, 300, 400], {
      population: 0.5,
      deprivation: 0.3,
      demand: 0.2,
      equal: 0,
    });
    const fte = allocateExact(20, shares, 0.1);
    expect(fte).toEqual([5.4, 7.9, 6.7]);
    expect(fte.map((x) => x.toString())).toEqual(["5.4", "7.9", "6.7"]);
  });

  it("whole posts by default", () => {
    expect(allocateExact(7, [1, 1, 1])).toEqual([3, 2, 2]);
  });

  it("breaks ties by the larger share, then by order", () => {
    // Quotas 1.5, 1.5, 0.5, 0.5 (×1 unit, 4 units): remainders all 0.5; two spare units.
    expect(allocateUnits(4, [3, 3, 1, 1]).units).toEqual([2, 2, 0, 0]);
    // Equal remainders 0.5 with shares 0.3 vs 0.1: 0.3 wins whatever the order.
    expect(allocateUnits(2, [0.5, 1.5]).units).toEqual([0, 2]);
    expect(allocateUnits(2, [1.5, 0.5]).units).toEqual([2, 0]);
    // Everything equal: earlier first.
    expect(allocateUnits(1, [1, 1, 1]).units).toEqual([1, 0, 0]);
  });

  it("is not fooled by float noise in ties", () => {
    // 0.1 + 0.2 style noise: 3 × (0.1/0.3) should tie exactly with the others.
    expect(allocateExact(1, [0.1, 0.1, 0.1], 0.5)).toEqual([0.5, 0.5, 0]);
    expect(allocateExact(0.3, [1, 1, 1], 0.1)).toEqual([0.1, 0.1, 0.1]);
  });

  it("shares zero as zeros and gives nothing to a zero share", () => {
    expect(allocateExact(0, [0.5, 0.5], 1)).toEqual([0, 0]);
    expect(allocateExact(3, [0, 1, 0], 1)).toEqual([0, 3, 0]);
  });

  it("refuses totals that are not whole units, and other bad inputs", () => {
    expect(() => allocateExact(10.25, [1, 1], 0.5)).toThrow(/not a whole number of 0.5 FTE units/);
    expect(() => allocateExact(10, [1, 1], 0)).toThrow(SharesInputError);
    expect(() => allocateExact(10, [], 1)).toThrow(/no shares/);
    expect(() => allocateExact(10, [0, 0], 1)).toThrow(/Every share is zero/);
    expect(() => allocateExact(10, [1, -1], 1)).toThrow(/Share 2/);
    expect(() => allocateExact(-1, [1], 1)).toThrow(/zero or more/);
  });

  it("converts units without float drift", () => {
    expect(toUnits(20, 0.1)).toBe(200);
    expect(toUnits(0.3, 0.1)).toBe(3);
    expect(fromUnits(3, 0.1)).toBe(0.3);
    expect(fromUnits(7, 0.25)).toBe(1.75);
  });

  it("costs each locality's FTE to the penny", () => {
    expect(costOfAllocation([5.4, 7.9, 6.7], 41_234.567)).toEqual([
      222_666.66, 325_753.08, 276_271.6,
    ]);
    expect(() => costOfAllocation([1], -1)).toThrow(/cost per FTE/);
  });
});

const units = fc.constantFrom(1, 0.5, 0.25, 0.1, 0.01);
const weights = fc
  .array(fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 5 })), {
    minLength: 1,
    maxLength: 12,
  })
  .filter((w) => w.some((x) => x > 0));

describe("exact allocation properties", () => {
  it("always adds up exactly, never negative, each within one unit of its quota, deterministic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), weights, units, (n, w, unit) => {
        const total = fromUnits(n, unit);
        const a = allocateExact(total, w, unit);
        const { units: u, quotas } = allocateUnits(n, w);
        expect(u.reduce((s, x) => s + x, 0)).toBe(n);
        u.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(Math.abs(x - quotas[i])).toBeLessThan(1 + 1e-9);
          expect(x === Math.floor(quotas[i] + 1e-9) || x === Math.ceil(quotas[i] - 1e-9)).toBe(
            true
          );
        });
        expect(a.map((x) => toUnits(x, unit))).toEqual(u);
        expect(allocateExact(total, [...w], unit)).toEqual(a);
        // FTE figures are clean decimals of the unit.
        a.forEach((x, i) => expect(x).toBe(fromUnits(u[i], unit)));
      })
    );
  });

  it("does not depend on how the weights are scaled", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc
          .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0)),
        fc.constantFrom(2, 10, 100),
        (n, w, k) => {
          expect(
            allocateUnits(
              n,
              w.map((x) => x * k)
            ).units
          ).toEqual(allocateUnits(n, w).units);
        }
      )
    );
  });

  it("quotas add up to the total even for a weight as small as a double goes", () => {
    // The case fast-check found: 5e-7 × 5e-324 underflows to 0 when multiplied first.
    expect(exactQuotas(5e-7, [5e-324])).toEqual([5e-7]);
    expect(exactQuotas(5e-7, [5e-324, 5e-324])).toEqual([2.5e-7, 2.5e-7]);
  });

  it("quotas add up to the total", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), weights, (t, w) => {
        expect(exactQuotas(t, w).reduce((s, x) => s + x, 0)).toBeCloseTo(t, 6);
      })
    );
  });
});

describe("bounded work, whatever the figures", () => {
  /** Hamilton as the rule says it: sort every share by remainder, then share, then order. */
  function reference(totalUnits: number, weights: readonly number[]): number[] {
    const sum = weights.reduce((s, w) => s + w, 0);
    const quotas = weights.map((w) => (totalUnits * w) / sum);
    const units = quotas.map((q) => {
      const r = Math.round(q);
      return Math.abs(q - r) <= 1e-9 * Math.max(1, Math.abs(q)) ? r : Math.floor(q);
    });
    const left = totalUnits - units.reduce((s, u) => s + u, 0);
    const key = (x: number) => Math.round(x * 1e9);
    const order = weights
      .map((w, i) => ({ i, rem: key(Math.max(0, quotas[i] - units[i])), share: key(w / sum) }))
      .sort((a, b) => b.rem - a.rem || b.share - a.share || a.i - b.i);
    for (let k = 0; k < left; k++) units[order[k].i] += 1;
    return units;
  }

  it("gives the leftover units exactly as the full sort does, ties included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true })),
          {
            minLength: 1,
            maxLength: 40,
          }
        ),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          expect(allocateUnits(total, weights).units).toEqual(reference(total, weights));
        }
      ),
      { numRuns: 500 }
    );
  });

  it("refuses more than 10,000,000 units before doing any work", () => {
    expect(() => allocateExact(1e300, [0.37, 0.33, 0.3], 0.1)).toThrow(
      "The total (1e+300 FTE in steps of 0.1) is far more than the 10,000,000 units one share-out can count; use a larger unit or a smaller total"
    );
    expect(() => allocateUnits(10_000_001, [1, 1])).toThrow(/10,000,001 units, more than/);
    expect(allocateUnits(10_000_000, [1, 1]).units).toEqual([5_000_000, 5_000_000]);
  });

  it("refuses shares whose sum is more than a number holds", () => {
    expect(() => allocateExact(10, [1e308, 1e308])).toThrow(
      expect.objectContaining({ code: "shares-too-large" })
    );
    expect(() =>
      needIndex([1e308, 1e308], [0.1, 0.1], [1, 1], {
        population: 1,
        deprivation: 0,
        demand: 0,
        equal: 0,
      })
    ).toThrow(expect.objectContaining({ code: "need-input-too-large" }));
  });

  it("every allocation adds up and is finite for any total and weights it accepts", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(1, 0.5, 0.1, 0.01),
        (total, weights, unit) => {
          const units = Math.round(total / unit);
          let out: number[];
          try {
            out = allocateExact(units * unit, weights, unit);
          } catch (e) {
            expect(e).toBeInstanceOf(SharesInputError);
            return;
          }
          expect(out.every(Number.isFinite)).toBe(true);
          expect(out.reduce((s, x) => s + Math.round(x / unit), 0)).toBe(units);
        }
      )
    );
  });
});
