import fc from "fast-check";
import {
  allocateExact,
  allocateMatrix,
  allocateMatrixDetailed,
  costOfMatrix,
  fromUnits,
  roundMatrixUnits,
  toUnits,
} from "../../../src/core/shares";

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("roles × localities allocation", () => {
  it("keeps role and locality totals exact on worked example 9's shares", () => {
    const shares = [0.270714285714, 0.395714285714, 0.333571428571];
    const roles = [12, 5.5, 2.5]; // 20 FTE
    const r = allocateMatrixDetailed(roles, shares, 0.1);
    expect(r.localityTotals).toEqual([5.4, 7.9, 6.7]);
    expect(r.localityTotals).toEqual(allocateExact(20, shares, 0.1));
    r.units.forEach((row, i) => expect(sum(row)).toBe(toUnits(roles[i], 0.1)));
    [0, 1, 2].forEach((j) =>
      expect(sum(r.units.map((row) => row[j]))).toBe(toUnits(r.localityTotals[j], 0.1))
    );
    expect(r.grandTotal).toBe(20);
  });

  it("rounds a small case as a finance officer would by hand", () => {
    // 3 roles of 2 posts over two equal localities: 3 posts each; 1,1 | 1,1 | 1,1.
    expect(allocateMatrix([2, 2, 2], [1, 1], 1)).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    // One post in each of 3 roles over 2 localities (2 and 1): exactly one role goes to B.
    const m = allocateMatrix([1, 1, 1], [2, 1], 1);
    expect(m.map(sum)).toEqual([1, 1, 1]);
    expect([sum(m.map((r) => r[0])), sum(m.map((r) => r[1]))]).toEqual([2, 1]);
  });

  it("respects a preference matrix (a role kept out of a locality)", () => {
    const r = allocateMatrixDetailed([4, 4], [1, 1], 1, {
      seed: [
        [1, 0],
        [1, 1],
      ],
    });
    expect(r.cells).toEqual([
      [4, 0],
      [0, 4],
    ]);
  });

  it("says so when the preferences make exact totals impossible", () => {
    expect(() =>
      allocateMatrix([4, 4], [1, 1], 1, {
        seed: [
          [1, 0],
          [1, 0],
        ],
      })
    ).toThrow(/Locality 2 is owed FTE/);
    expect(() => allocateMatrix([1.05], [1], 0.1)).toThrow(/Role 1's FTE/);
    expect(() => allocateMatrix([1], [1, 1], 1, { seed: [[1]] })).toThrow(/1 rows of 2/);
    // Each role within the 10,000,000-unit limit, the two together over it: refused, so
    // role × locality in units stays an exact integer.
    expect(() => allocateMatrix([600_000, 600_000], [1, 1], 0.1)).toThrow(
      "All the roles' FTE together (1200000 FTE in steps of 0.1) is 12,000,000 units, more than the 10,000,000 units one share-out can count; use a larger unit or a smaller total"
    );
  });

  it("costs each cell and adds up by locality", () => {
    const c = costOfMatrix(
      [
        [1, 2],
        [0.5, 0],
      ],
      [40_000, 30_000.01]
    );
    expect(c.cells).toEqual([
      [40_000, 80_000],
      [15_000.01, 0],
    ]);
    expect(c.byLocality).toEqual([55_000.01, 80_000]);
    expect(c.byRole).toEqual([120_000, 15_000.01]);
  });
});

describe("matrix allocation properties", () => {
  const roleUnits = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 7 });
  const localityWeights = fc
    .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 7 })
    .filter((w) => w.some((x) => x > 1e-6));

  it("row and column totals are exact, cells never negative and within one unit of the real value", () => {
    fc.assert(
      fc.property(roleUnits, localityWeights, fc.constantFrom(1, 0.5, 0.1), (ru, w, unit) => {
        const roles = ru.map((u) => fromUnits(u, unit));
        const r = allocateMatrixDetailed(roles, w, unit);
        const cols = allocateExact(sum(roles), w, unit).map((x) => toUnits(x, unit));
        r.units.forEach((row, i) => expect(sum(row)).toBe(ru[i]));
        cols.forEach((c, j) => expect(sum(r.units.map((row) => row[j]))).toBe(c));
        r.units.forEach((row, i) =>
          row.forEach((u, j) => {
            expect(u).toBeGreaterThanOrEqual(0);
            expect(Math.abs(u - r.exact[i][j] / unit)).toBeLessThan(1 + 1e-6);
          })
        );
        expect(allocateMatrixDetailed(roles, w, unit)).toEqual(r);
      })
    );
  });

  it("fits any positive preference matrix exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 25, maxLength: 25 }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 25, maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 5, maxLength: 5 }),
        (m, n, rowsRaw, seedRaw, wRaw) => {
          const rows = rowsRaw.slice(0, m);
          const w = wRaw.slice(0, n);
          const seed = Array.from({ length: m }, (_, i) => seedRaw.slice(i * 5, i * 5 + n));
          const cols = allocateExact(sum(rows), w, 1);
          const { units } = roundMatrixUnits(rows, cols, seed);
          units.forEach((row, i) => expect(sum(row)).toBe(rows[i]));
          cols.forEach((c, j) => expect(sum(units.map((row) => row[j]))).toBe(c));
        }
      )
    );
  });
});
