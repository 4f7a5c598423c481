/**
 * Costing several sets of assumptions (the base and its scenarios) without costing the
 * same posts twice: two assumptions that differ only in what no post's costing reads (the
 * vacancy factor, the grant's amounts, the locality settings, the restructure's date)
 * cost every post the same, so the costing is done once and the vacancy factor applied to
 * its totals.
 */
import type { Assumptions, PayScales, Post } from "../model";
import { costEstablishment, vacancyOn, type EstablishmentCosting } from "./engine";
import type { CostingWindow } from "./window";

/**
 * The settings no post's costing reads: applied to the totals (vacancy factor), or used
 * by other figures (the grant's name and amounts, the locality share-out, the restructure).
 * The grant's start and end dates are not among them: they clip the months costed.
 */
const NOT_READ_BY_POST_COSTING: ReadonlySet<string> = new Set([
  "vacancyFactor",
  "localityWeights",
  "allocationUnit",
  "allocationTotalFte",
  "managementGrades",
  "implementationDate",
  "agencyWeeksPerYear",
]);

/**
 * A key equal for two assumptions when they cost every post the same, in a window ending
 * with FY `lastYear` (pay awards after it change nothing in it: costing/pay.ts).
 */
export function postCostingKey(a: Assumptions, lastYear = Infinity): string {
  const { name: _name, amount: _amount, amountsByYear: _byYear, ...grantDates } = a.grant;
  const rest = Object.entries(a)
    .filter(([k]) => !NOT_READ_BY_POST_COSTING.has(k) && k !== "grant")
    .map(([k, v]) =>
      k === "payAwards" ? [k, a.payAwards.filter((w) => w.year <= lastYear)] : [k, v]
    )
    .sort(([x], [y]) => (x < y ? -1 : 1));
  return JSON.stringify([rest, grantDates]);
}

export interface SharedCosting {
  /** The costing of `posts` (one list, known by `postsKey`) over `window` with `a`. */
  cost: (
    posts: readonly Post[],
    postsKey: string,
    a: Assumptions,
    window: CostingWindow
  ) => EstablishmentCosting;
  /** How many times the posts were actually costed (for the benchmark and tests). */
  costings: () => number;
}

/** A costing shared between assumptions that cost every post the same (see above). */
export function sharedCosting(payScales?: PayScales): SharedCosting {
  const done = new Map<string, EstablishmentCosting>();
  let costings = 0;
  return {
    cost: (posts, postsKey, a, window) => {
      const last = window.firstYear + window.years - 1;
      const key = JSON.stringify([postsKey, window, postCostingKey(a, last)]);
      const known = done.get(key);
      if (known) return { ...known, ...vacancyOn(known.yearTotals, a.vacancyFactor) };
      costings++;
      const costing = costEstablishment(posts, a, window, payScales);
      done.set(key, costing);
      return costing;
    },
    costings: () => costings,
  };
}
