/**
 * Pay scales laid out with the years across: one salary column per financial year,
 * headed by the year ("Grade | SCP | 2024/25 | 2025/26", "Salary 2025/26", "Apr-25",
 * "From 1 April 2025"). Each column is that year's scale, as a Year column would give it.
 */
import type { CellValue } from "../grid";
import { financialYearOf, parseFinancialYear, type FinancialYear } from "../dates";
import { parseDate, parseMonthYear } from "./values";

/** Words around the year that say the column is the pay from then: "Salary", "From", "(£)". */
const BEFORE =
  /^(?:(?:annual|basic|full[- ]time|fte)\s+)?(?:salary|salaries|pay|pay rates?|rates?|amount|scale|spine)\b[\s:,-]*/;
const FROM =
  /^(?:from|wef|w\/e\/f|w\.e\.f\.?|with effect from|effective(?: from)?|as at|as of)\b[\s:,-]*/;
const AFTER = /[\s,-]*(?:\(£\)|£|\bsalary|\bsalaries|\bpay|\brates?|\bp\.?a\.?)$/;

/**
 * The financial year a pay scales heading names, or undefined: a year ("2025/26", "FY25/26",
 * 2025), "Salary 2025/26", a month ("Apr-25", a date cell shown as one) or a date ("From 1
 * April 2025") read as the year it falls in. A heading with anything else is no year.
 */
export function payYearOf(heading: CellValue): FinancialYear | undefined {
  if (typeof heading === "number") {
    const year = parseFinancialYear(heading);
    if (year !== undefined) return year;
    const serial = parseDate(heading);
    return serial === undefined ? undefined : financialYearOf(serial);
  }
  if (typeof heading !== "string" || heading.length > 60) return undefined;
  let text = heading.trim().toLowerCase().replace(/\s+/g, " ");
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text
      .replace(BEFORE, "")
      .replace(FROM, "")
      .replace(AFTER, "")
      .replace(/^\((.*)\)$/, "$1")
      .trim();
    if (text === before) break;
  }
  if (!/\d/.test(text)) return undefined;
  const year = parseFinancialYear(text);
  if (year !== undefined) return year;
  const serial = parseDate(text) ?? parseMonthYear(text);
  return serial === undefined ? undefined : financialYearOf(serial);
}
