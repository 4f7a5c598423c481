/**
 * The establishment's roles shared across localities (issue 15): posts grouped by title,
 * the FTE shared out split across the roles in whole units, then each role across the
 * localities with both totals exact, and each locality's cost at the roles' own costs.
 */
import fc from "fast-check";
import type { PostCosting } from "../../../src/core/costing";
import { roundTo } from "../../../src/core/money";
import {
  costedTypedRoles,
  rolesOfPosts,
  shareRoles,
  shareTypedRoles,
  MAX_ROLES,
} from "../../../src/core/report/locality-roles";
import { allocateExact } from "../../../src/core/shares";

const costed = (title: string, fte: number, total: number): PostCosting =>
  ({ post: { title, fte, sourceRow: 1, cells: {} }, years: [{ total }] }) as unknown as PostCosting;

describe("the establishment's roles", () => {
  it("are its posts grouped by title (case and spaces aside), with FTE and cost after the vacancy factor", () => {
    const roles = rolesOfPosts(
      [
        costed("Family Support Worker", 3, 90000),
        costed("Manager", 1, 52000),
        costed("family  support worker ", 2.5, 76000),
        costed("Vacant new post", 0, 0),
        costed("", 0.5, 10000),
      ],
      0.05
    );
    expect(roles).toEqual([
      { name: "Family Support Worker", fte: 5.5, cost: 166000 * 0.95 },
      { name: "Manager", fte: 1, cost: 52000 * 0.95 },
      { name: "(no title)", fte: 0.5, cost: 10000 * 0.95 },
    ]);
  });
});

describe("sharing the roles across localities", () => {
  // DOMAIN worked example 9's need index.
  const need = [0.270714285714, 0.395714285714, 0.333571428571];

  it("splits 7.9 FTE across roles of 5.5, 1 and 1.43 FTE as 5.5, 1 and 1.4, and says so", () => {
    const warnings: string[] = [];
    const shared = shareRoles(
      [
        { name: "FSW", fte: 5.5, cost: 5.5 * 30000 },
        { name: "Manager", fte: 1, cost: 50000 },
        { name: "Admin", fte: 1.43, cost: 1.43 * 25000 },
      ],
      7.9,
      0.1,
      need,
      warnings
    )!;
    expect(shared.roles.map((r) => [r.name, r.fte])).toEqual([
      ["FSW", 5.5],
      ["Manager", 1],
      ["Admin", 1.4],
    ]);
    expect(warnings).toEqual([
      "By role: the roles' FTE are shared as whole 0.1 FTE units adding up to the 7.9 FTE shared out (in proportion to each role's FTE, the steps left over after rounding down going to the roles that lost most): Admin 1.43 → 1.4.",
    ]);
    // Locality totals: Hamilton of 7.9 over the need index, as the main table has them.
    expect(shared.allocation.localityTotals).toEqual(allocateExact(7.9, need, 0.1));
    expect(shared.allocation.localityTotals).toEqual([2.2, 3.1, 2.6]);
    expect(shared.allocation.cells).toEqual([
      [1.5, 2.2, 1.8],
      [0.3, 0.4, 0.3],
      [0.4, 0.5, 0.5],
    ]);
    // A: 1.5 × £30,000 + 0.3 × £50,000 + 0.4 × £25,000 = £70,000.
    expect(shared.costByLocality).toEqual([70000, 98500, 81500]);
  });

  it("tabulates nothing, with a warning, past the role limit", () => {
    const warnings: string[] = [];
    const many = Array.from({ length: MAX_ROLES + 1 }, (_, i) => ({
      name: `R${i}`,
      fte: 1,
      cost: 1,
    }));
    expect(shareRoles(many, MAX_ROLES + 1, 1, need, warnings)).toBeUndefined();
    expect(warnings[0]).toMatch(/^The establishment has 201 different post titles/);
  });

  it("property: both totals exact, every cell within one unit of its quota, the same every time", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 13 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(1, 0.5, 0.25, 0.1, 0.05),
        fc.integer({ min: 1, max: 600 }),
        (hundredths, weights, unit, units) => {
          const roles = hundredths.map((h, i) => ({ name: `R${i}`, fte: h / 100, cost: h * 300 }));
          const total = roundTo(units * unit, 2);
          const warnings: string[] = [];
          const a = shareRoles(roles, total, unit, weights, warnings)!;
          const inUnits = (x: number) => Math.round(x / unit);
          // Each role's FTE: whole units, adding up to the total, within one unit of its share.
          const fteSum = roles.reduce((s, r) => s + r.fte, 0);
          expect(a.roles.reduce((s, r) => s + inUnits(r.fte), 0)).toBe(units);
          a.roles.forEach((r, i) =>
            expect(Math.abs(r.fte - (total * roles[i].fte) / fteSum)).toBeLessThan(unit + 1e-9)
          );
          // Rows add up to each role's FTE, columns to Hamilton of the total over the weights.
          a.allocation.units.forEach((row, i) =>
            expect(row.reduce((s, x) => s + x, 0)).toBe(inUnits(a.roles[i].fte))
          );
          const columns = allocateExact(total, weights, unit).map(inUnits);
          columns.forEach((c, j) =>
            expect(a.allocation.units.reduce((s, row) => s + row[j], 0)).toBe(c)
          );
          // Every cell is its real quota rounded down or up.
          a.allocation.cells.forEach((row, i) =>
            row.forEach((x, j) => {
              expect(x).toBeGreaterThanOrEqual(0);
              expect(Math.abs(x - a.allocation.exact[i][j])).toBeLessThan(unit + 1e-9);
            })
          );
          // The same inputs give the same table, remainders placed the same way.
          expect(shareRoles(roles, total, unit, weights, [])).toEqual(a);
        }
      ),
      { numRuns: 150 }
    );
  });
});

describe("roles the analyst typed", () => {
  const need = [0.270714285714, 0.395714285714, 0.333571428571];

  it("take their cost per FTE from the posts of that role, and none when no post has it", () => {
    const roles = costedTypedRoles(
      [
        { name: "family support worker", fte: 5 },
        { name: "Social worker", fte: 2 },
      ],
      [{ name: "Family Support Worker", fte: 5.5, cost: 5.5 * 30000 }]
    );
    expect(roles).toEqual([
      { name: "family support worker", fte: 5, costPerFte: 30000 },
      { name: "Social worker", fte: 2 },
    ]);
    const warnings: string[] = [];
    const shared = shareTypedRoles(roles, need, 0.1, warnings);
    expect(shared.uncosted).toEqual(["Social worker"]);
    // 7 FTE: localities 1.9 / 2.8 / 2.3; FSW cells × £30,000, Social worker left out.
    expect(shared.allocation.localityTotals).toEqual(allocateExact(7, need, 0.1));
    expect(shared.costByLocality).toEqual(
      shared.allocation.cells[0].map((x) => Math.round(x * 30000 * 100) / 100)
    );
    expect(warnings).toHaveLength(1);
  });

  it("property: each typed role's FTE kept, both totals exact, every cell within one unit of its quota", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 13 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(1, 0.5, 0.25, 0.1, 0.05),
        (units, weights, unit) => {
          fc.pre(units.some((u) => u > 0));
          const roles = units.map((u, i) => ({ name: `R${i}`, fte: roundTo(u * unit, 2) }));
          const total = roundTo(units.reduce((s, u) => s + u, 0) * unit, 2);
          const a = shareTypedRoles(roles, weights, unit, []);
          const inUnits = (x: number) => Math.round(x / unit);
          a.allocation.units.forEach((row, i) =>
            expect(row.reduce((s, x) => s + x, 0)).toBe(units[i])
          );
          allocateExact(total, weights, unit)
            .map(inUnits)
            .forEach((c, j) =>
              expect(a.allocation.units.reduce((s, row) => s + row[j], 0)).toBe(c)
            );
          a.allocation.cells.forEach((row, i) =>
            row.forEach((x, j) =>
              expect(Math.abs(x - a.allocation.exact[i][j])).toBeLessThan(unit + 1e-9)
            )
          );
          expect(a.costByLocality).toBeUndefined();
          expect(shareTypedRoles(roles, weights, unit, [])).toEqual(a);
        }
      ),
      { numRuns: 150 }
    );
  });
});
