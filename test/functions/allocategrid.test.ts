/**
 * ESTAB.ALLOCATEGRID: roles × localities with both margins exact, through the function's
 * own argument handling (the HyperFormula workbook test runs it as a formula).
 */
import fc from "fast-check";
import { MAX_GRID_CELLS, runFunction } from "../../src/functions/definitions";
import { EstabFunctionError } from "../../src/functions/errors";
import type { CellInput, RangeInput } from "../../src/functions/args";
import { allocateExact, needIndex } from "../../src/core/shares";

const grid = (roles: RangeInput, need: RangeInput, unit?: CellInput) =>
  runFunction(
    "ALLOCATEGRID",
    unit === undefined ? [roles, need] : [roles, need, unit]
  ) as number[][];
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const column = (xs: readonly CellInput[]): RangeInput => xs.map((x) => [x]);

describe("ESTAB.ALLOCATEGRID", () => {
  // DOMAIN.md worked example 9's need index: 20 FTE in 0.1 units is 5.4 / 7.9 / 6.7.
  const need = needIndex([10000, 20000, 10000], [0.2, 0.1, 0.3], [300, 300, 400], {
    population: 0.5,
    deprivation: 0.3,
    demand: 0.2,
    equal: 0,
  });

  it("shares three roles' 20 FTE over worked example 9's localities, both margins exact", () => {
    const cells = grid(column([12, 5.5, 2.5]), [need], 0.1);
    // Real cells (role × locality total ÷ 20): 3.24 4.74 4.02 | 1.485 2.1725 1.8425 |
    // 0.675 0.9875 0.8375. Rounded down, the roles still owe 1, 2, 2 tenths and the
    // localities 2, 2, 1; the placing with the largest remainders in all (3.4 tenths)
    // gives the manager's tenth to C and the others' to A and B.
    expect(cells).toEqual([
      [3.2, 4.7, 4.1],
      [1.5, 2.2, 1.8],
      [0.7, 1, 0.8],
    ]);
    expect(cells.map((r) => Math.round(sum(r) * 10) / 10)).toEqual([12, 5.5, 2.5]);
    expect([0, 1, 2].map((j) => Math.round(sum(cells.map((r) => r[j])) * 10) / 10)).toEqual([
      5.4, 7.9, 6.7,
    ]);
  });

  it("takes the roles as a row or a column and the need either way: roles down, localities across", () => {
    const byColumn = grid(column([1, 8, 3]), column([1, 1, 1]));
    expect(byColumn).toEqual([
      [0, 0, 1],
      [3, 3, 2],
      [1, 1, 1],
    ]);
    expect(grid([[1, 8, 3]], [[1, 1, 1]])).toEqual(byColumn);
    expect(grid([[4]], [[1, 3]])).toEqual([[1, 3]]);
  });

  it("gives each role's total and each locality's total exactly, every cell within one unit of its quota, the same every time", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(1, 0.5, 0.25, 0.1, 0.05),
        (roleUnits, weights, unit) => {
          fc.pre(weights.some((w) => w > 0));
          const roles = roleUnits.map((u) => Math.round(u * unit * 1e6) / 1e6);
          const cells = grid(column(roles), [weights], unit);
          const units = cells.map((r) => r.map((x) => Math.round(x / unit)));
          // Every cell is a whole number of units, and never negative.
          cells.forEach((r, i) =>
            r.forEach((x, j) => {
              expect(Math.abs(x - units[i][j] * unit)).toBeLessThan(1e-9);
              expect(units[i][j]).toBeGreaterThanOrEqual(0);
            })
          );
          // Each role's total is its FTE.
          expect(units.map(sum)).toEqual(roleUnits);
          // Each locality's total is the grand total shared out by ESTAB.ALLOCATE.
          const grand = sum(roleUnits);
          const localityUnits = allocateExact(grand * unit, weights, unit).map((x) =>
            Math.round(x / unit)
          );
          expect(weights.map((_, j) => sum(units.map((r) => r[j])))).toEqual(localityUnits);
          // Each cell is its quota (role × locality total ÷ grand total) rounded down or up.
          units.forEach((r, i) =>
            r.forEach((u, j) => {
              const quota = grand > 0 ? (roleUnits[i] * localityUnits[j]) / grand : 0;
              expect(Math.abs(u - quota)).toBeLessThan(1);
            })
          );
          // Deterministic: the same inputs give the same grid.
          expect(grid(column(roles), [weights], unit)).toEqual(cells);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("refuses what cannot be shared exactly, with a message", () => {
    const refuses = (roles: RangeInput, needs: RangeInput, unit: CellInput, message: RegExp) => {
      let error: unknown;
      try {
        grid(roles, needs, unit);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EstabFunctionError);
      expect((error as Error).message).toMatch(message);
    };
    refuses(
      column([1.05, 2]),
      [[1, 1]],
      0.1,
      /^Role 1's FTE \(1.05 FTE\) is not a whole number of 0.1 FTE units/
    );
    refuses(column([1, 2]), [[0, 0]], 1, /Every share is zero/);
    refuses(column([-1]), [[1]], 1, /roleFTEs value 1 must be from 0 to 10,000 \(was -1\)/);
    refuses(column([1, ""]), [[1]], 1, /roleFTEs value 2 is blank/);
    refuses(column([1]), [[1, -2]], 1, /localityNeed value 2 must be 0 or more \(was -2\)/);
    refuses(column([1]), [[1]], 0, /unit must be more than 0/);
    const tooMany = Array.from({ length: 51 }, () => [1]);
    refuses(
      tooMany,
      [Array.from({ length: 50 }, () => 1)],
      1,
      /^roles × localities is 2,550 cells, more than the 2,500 one grid can share out exactly/
    );
    expect(MAX_GRID_CELLS).toBe(2500);
  });
});
