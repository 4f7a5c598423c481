import fc from "fast-check";
import { costEstablishment, costingWindow, costPost, FIGURES } from "../../../src/core/costing";
import type { Assumptions, PayAward, Post } from "../../../src/core/model";
import { roundPenny } from "../../../src/core/money";
import { d, makeAssumptions, makePost } from "./factories";

const dateIn = (fromYear: number, toYear: number) =>
  fc
    .tuple(
      fc.integer({ min: fromYear, max: toYear }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 })
    )
    .map(([y, m, day]) => d(day, m, y));

const postArb: fc.Arbitrary<Post> = fc
  .record({
    salary: fc.option(
      fc.integer({ min: 0, max: 9_000_000 }).map((p) => p / 100),
      { nil: undefined }
    ),
    minSalary: fc.option(fc.integer({ min: 15000, max: 60000 }), { nil: undefined }),
    spread: fc.integer({ min: 0, max: 6000 }),
    fte: fc.integer({ min: 0, max: 600 }).map((x) => x / 100),
    headcount: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    startDate: fc.option(dateIn(2012, 2030), { nil: undefined }),
    endDate: fc.option(dateIn(2012, 2032), { nil: undefined }),
    pensionRate: fc.option(
      fc.integer({ min: 0, max: 3000 }).map((x) => x / 10000),
      { nil: undefined }
    ),
  })
  .map(({ minSalary, spread, ...rest }) =>
    makePost({
      ...rest,
      minSalary,
      maxSalary: minSalary === undefined ? undefined : minSalary + spread,
    })
  );

const awardArb = (year: number): fc.Arbitrary<PayAward> =>
  fc.record({
    year: fc.constant(year),
    percent: fc.integer({ min: 0, max: 100 }).map((x) => x / 1000),
    flatMinimum: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
  });

const assumptionsArb: fc.Arbitrary<Assumptions> = fc
  .record({
    firstYear: fc.integer({ min: 2013, max: 2030 }),
    years: fc.integer({ min: 1, max: 5 }),
    costingPoint: fc.constantFrom(
      "bottom" as const,
      "mid" as const,
      "top" as const,
      "actual" as const
    ),
    incrementRule: fc.constantFrom("april" as const, "anniversary" as const, "none" as const),
    gradeSteps: fc.integer({ min: 1, max: 8 }),
    onCostMode: fc.constantFrom("statutory" as const, "flat" as const),
    flatOnCostRate: fc.integer({ min: 0, max: 40 }).map((x) => x / 100),
    pensionRate: fc.integer({ min: 0, max: 30 }).map((x) => x / 100),
    apprenticeshipLevy: fc.boolean(),
    vacancyFactor: fc.integer({ min: 0, max: 10 }).map((x) => x / 100),
    exitCostWeeks: fc.integer({ min: 0, max: 12 }),
    grantStart: fc.option(dateIn(2013, 2033), { nil: undefined }),
    grantEnd: fc.option(dateIn(2013, 2036), { nil: undefined }),
    awardSeed: fc.array(awardArb(0), { maxLength: 5 }),
  })
  .map(({ grantStart, grantEnd, awardSeed, ...rest }) =>
    makeAssumptions({
      ...rest,
      grant: { start: grantStart, end: grantEnd },
      payAwards: awardSeed.map((a, i) => ({ ...a, year: rest.firstYear + 1 + i })),
    })
  );

describe("costing properties", () => {
  it("every figure is 0 or more, totals add up, and a post-year total is the sum of its parts", () => {
    fc.assert(
      fc.property(fc.array(postArb, { maxLength: 8 }), assumptionsArb, (posts, a) => {
        const e = costEstablishment(posts, a, costingWindow(a));
        for (const p of e.posts) {
          expect(p.exitCost).toBeGreaterThanOrEqual(0);
          for (const y of p.years) {
            for (const f of FIGURES) expect(y[f]).toBeGreaterThanOrEqual(0);
            expect(y.total).toBe(roundPenny(y.salary + y.ni + y.pension + y.levy + y.flatOnCost));
          }
        }
        e.yearTotals.forEach((t, y) => {
          for (const f of FIGURES)
            expect(t[f]).toBe(roundPenny(e.posts.reduce((s, p) => s + p.years[y][f], 0)));
        });
        for (const f of FIGURES)
          expect(e.total[f]).toBe(roundPenny(e.yearTotals.reduce((s, t) => s + t[f], 0)));
        expect(e.netTotal).toBe(roundPenny(e.netByYear.reduce((s, v) => s + v, 0)));
        e.netByYear.forEach((n, y) =>
          expect(n).toBe(roundPenny(e.yearTotals[y].total - e.vacancy.byYear[y]))
        );
        // Figures worked out again on read are the ones a post costed alone gets.
        posts.forEach((p, i) =>
          expect(e.posts[i].years).toEqual(costPost(p, a, costingWindow(a)).years)
        );
      }),
      { numRuns: 300 }
    );
  });

  it("raising a pay award never lowers any post's cost in any year", () => {
    fc.assert(
      fc.property(
        fc.array(postArb, { minLength: 1, maxLength: 5 }),
        assumptionsArb.filter((a) => a.payAwards.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (posts, a, which, extra) => {
          const i = which % a.payAwards.length;
          const higher = {
            ...a,
            payAwards: a.payAwards.map((w, j) =>
              j === i ? { ...w, percent: w.percent + extra / 1000 } : w
            ),
          };
          const before = costEstablishment(posts, a, costingWindow(a));
          const after = costEstablishment(posts, higher, costingWindow(higher));
          before.posts.forEach((p, k) =>
            p.years.forEach((y, n) =>
              expect(after.posts[k].years[n].total).toBeGreaterThanOrEqual(y.total)
            )
          );
        }
      ),
      { numRuns: 200 }
    );
  });
});
