import type { FinancialYear } from "../dates";

/** Apprenticeship levy: 0.5% of all pay, from 6 April 2017 (FY 2017/18). */
export const APPRENTICESHIP_LEVY_RATE = 0.005;
export const APPRENTICESHIP_LEVY_FIRST_YEAR: FinancialYear = 2017;

/** The levy rate for a FY: 0.5% from 2017/18 when the employer pays it, otherwise none. */
export function levyRateFor(fy: FinancialYear, enabled = true): number {
  return enabled && fy >= APPRENTICESHIP_LEVY_FIRST_YEAR ? APPRENTICESHIP_LEVY_RATE : 0;
}
