/**
 * A yearly grant amount for a financial year wholly outside the grant's dates is
 * contradictory input: the Grant Costing sheet adds every yearly amount to the grant
 * available, so a year after the grant ends would count as money the grant does not pay
 * (the verdict "within grant" though the grant has ended). Said at the amount's cell.
 */
import type { FinancialYear } from "../dates";
import { financialYearEnd, financialYearLabel, financialYearStart, formatUkDate } from "../dates";
import type { Issue } from "../grid";
import type { Grant } from "../model";
import { formatPoundsInText } from "../money";
import { issueAtAddress } from "./issues";

export function grantYearsOutsideDates(
  sheet: string,
  grant: Grant,
  cells: Readonly<Record<string, string | undefined>>
): Issue[] {
  const { start, end, amountsByYear } = grant;
  // Dates in the wrong order are an error of their own: nothing to measure the years by.
  if (!amountsByYear || (start !== undefined && end !== undefined && end < start)) return [];
  const issues: Issue[] = [];
  for (const [key, amount] of Object.entries(amountsByYear)) {
    const fy = Number(key) as FinancialYear;
    const at = cells[`grant:${fy}`];
    if (at === undefined || amount === undefined || !(amount > 0)) continue;
    const after = end !== undefined && financialYearStart(fy) > end;
    const before = start !== undefined && financialYearEnd(fy) < start;
    if (!after && !before) continue;
    const label = financialYearLabel(fy);
    const dates = after
      ? `starts after the grant ends on ${formatUkDate(end as number)}`
      : `ends before the grant starts on ${formatUkDate(start as number)}`;
    issues.push(
      issueAtAddress(
        sheet,
        at,
        "warning",
        "grant-year-outside-dates",
        `Grant ${label} (${formatPoundsInText(amount)}) is for a year that ${dates}; it is counted in the grant available and the headroom as typed`,
        after
          ? `if the grant was extended, change the Grant end date; if not, clear the Grant ${label} amount`
          : `if the grant starts earlier, change the Grant start date; if not, clear the Grant ${label} amount`
      )
    );
  }
  return issues;
}
