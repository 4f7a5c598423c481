import {
  financialYearEnd,
  financialYearOf,
  financialYearStart,
  type FinancialYear,
  type Serial,
} from "../dates";

export interface PartYear {
  /** The date the new structure takes effect. */
  date: Serial;
  /** The FY that date falls in: the year of implementation. */
  financialYear: FinancialYear;
  /** Days from the implementation date to 31 March, both counted. */
  daysRemaining: number;
  /** 365 or 366. */
  daysInYear: number;
  /** daysRemaining ÷ daysInYear: the share of the FY's cost change that falls in it. */
  fraction: number;
}

/**
 * The share of the year of implementation that the new structure runs for, by days:
 * from 1 October 2025, 182 of 2025/26's 365 days. Days rather than months, because
 * restructures rarely start on the 1st and the pay cost of a month varies little by day.
 */
export function partYearFraction(implementationDate: Serial): PartYear {
  const date = Math.floor(implementationDate);
  const financialYear = financialYearOf(date);
  const end = financialYearEnd(financialYear);
  const daysInYear = end - financialYearStart(financialYear) + 1;
  const daysRemaining = end - date + 1;
  return { date, financialYear, daysRemaining, daysInYear, fraction: daysRemaining / daysInYear };
}
