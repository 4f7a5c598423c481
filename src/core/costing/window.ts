import {
  financialYearEnd,
  financialYearLabel,
  financialYearStart,
  formatUkDate,
  type FinancialYear,
  type Serial,
} from "../dates";
import type { Assumptions } from "../model";

/**
 * The span costed: whole financial years (the sheet's columns), with the first and last
 * day actually costed, which a grant's start and end dates can bring inside those years.
 */
export interface CostingWindow {
  firstYear: FinancialYear;
  years: number;
  /** First day costed (1 April of firstYear, or the grant's start if later). */
  start: Serial;
  /** Last day costed (31 March closing the last year, or the grant's end if earlier). */
  end: Serial;
}

/** Whole FYs, no grant dates: e.g. the establishment cost for one year. */
export function financialYearsWindow(firstYear: FinancialYear, years = 1): CostingWindow {
  const n = Math.max(1, Math.floor(years));
  return {
    firstYear,
    years: n,
    start: financialYearStart(firstYear),
    end: financialYearEnd(firstYear + n - 1),
  };
}

/**
 * The grant costing window: assumptions.firstYear for assumptions.years FYs, clipped by
 * the grant's start and end dates when it has them. Grant dates outside those FYs are
 * not stretched into: the columns are the user's choice (windowWarnings says so).
 */
export function costingWindow(
  assumptions: Pick<Assumptions, "firstYear" | "years" | "grant">,
  options: { grantDates?: boolean } = {}
): CostingWindow {
  const w = financialYearsWindow(assumptions.firstYear, assumptions.years);
  if (options.grantDates === false) return w;
  const { start, end } = assumptions.grant ?? {};
  return {
    ...w,
    start: start !== undefined && start > w.start ? start : w.start,
    end: end !== undefined && end < w.end ? end : w.end,
  };
}

/** Things the output should tell the user about the window (grant dates outside the FYs costed). */
export function windowWarnings(
  assumptions: Pick<Assumptions, "firstYear" | "years" | "grant">
): string[] {
  const w = financialYearsWindow(assumptions.firstYear, assumptions.years);
  const out: string[] = [];
  const { start, end } = assumptions.grant ?? {};
  const span = `${financialYearLabel(w.firstYear)} to ${financialYearLabel(w.firstYear + w.years - 1)}`;
  if (start !== undefined && start < w.start)
    out.push(
      `The grant starts on ${formatUkDate(start)}, before the years costed (${span}): costing starts on ${formatUkDate(w.start)}.`
    );
  if (end !== undefined && end > w.end)
    out.push(
      `The grant ends on ${formatUkDate(end)}, after the years costed (${span}): costing stops on ${formatUkDate(w.end)}.`
    );
  if (start !== undefined && end !== undefined && end < start)
    out.push(
      `The grant ends (${formatUkDate(end)}) before it starts (${formatUkDate(start)}): nothing is costed.`
    );
  return out;
}
