import { costPostIn, financialYearsWindow, prepareCosting } from "../costing";
import type { FinancialYear } from "../dates";
import type { Assumptions, PayScales } from "../model";
import type { CostOf } from "./proposed-versus-current";

/**
 * The costing engine as a CostOf: a post's cost for one whole financial year (the first
 * costed year unless told), ignoring its start and end dates, because a restructure's
 * full-year effect is by definition a whole year of the structure. On-costs are NI,
 * pension and levy (or the flat on-cost) together.
 */
export function annualCostOf(
  assumptions: Assumptions,
  payScales?: PayScales,
  year: FinancialYear = assumptions.firstYear
): CostOf {
  const ctx = prepareCosting(assumptions, financialYearsWindow(year, 1), payScales);
  return (post) => {
    const y = costPostIn(ctx, { ...post, startDate: undefined, endDate: undefined }).years[0];
    const pence = (x: number) => Math.round(x * 100);
    return {
      salary: y.salary,
      onCosts: (pence(y.total) - pence(y.salary)) / 100,
      total: y.total,
    };
  };
}
