import type { AnnualCost, ChangesAssumptions, CostOf } from "../../../src/core/changes";
import type { Post } from "../../../src/core/model";

/** A deterministic stand-in for the costing engine: salary × FTE plus 25% on-costs. */
export const simpleCostOf: CostOf = (post: Post): AnnualCost => {
  const salary = Math.round((post.salary ?? post.minSalary ?? 0) * post.fte * 100) / 100;
  const onCosts = Math.round(salary * 25) / 100;
  return { salary, onCosts, total: Math.round((salary + onCosts) * 100) / 100 };
};

let row = 3;
export function post(fields: Partial<Post> & { title: string }): Post {
  return { sourceRow: row++, fte: 1, cells: {}, ...fields };
}

export const assumptions: ChangesAssumptions = {
  implementationDate: 45931, // 1 October 2025
  managementGrades: ["SS11"],
  agencyWeeksPerYear: 52,
};
