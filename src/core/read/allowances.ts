/**
 * Pay beside the basic salary in its own column: car, standby and on-call allowances,
 * market supplements, acting-up pay, honoraria, enhancements. The costing engine costs one
 * full-time salary × FTE per post (with increments and on-costs on it); an allowance is not
 * pro rata, not incremented, and may carry other on-costs, so it is not costed. Such a
 * heading is never read as the salary ("Acting up salary" is not a second Salary), and a
 * warning at it says it is not costed, with its total, and how to cost it.
 */
import type { Grid, Issue } from "../grid";
import { columnLetters } from "../grid";
import type { Post, PostField } from "../model";
import { formatPoundsInText } from "../money";
import type { TableCandidate } from "./detect";
import { issueAtAddress } from "./issues";
import { normaliseLabel } from "./text";
import { parseNumber } from "./values";

const ALLOWANCE =
  /\b(?:allowances?|supplements?|acting up|honorari(?:um|a|ums)|enhancements?|standby|stand by|on call|overtime|unsocial hours|shift pay|london weighting|recruitment and retention|retention payments?|responsibility payments?|essential user)\b/;

/** Whether a normalised heading is pay other than the basic salary: an allowance. */
export function isAllowanceHeading(key: string): boolean {
  return ALLOWANCE.test(key);
}

/** A warning at each unread allowance heading of the establishment, with what it holds on the posts' rows. */
export function allowanceNotes(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  posts: readonly Post[]
): Issue[] {
  const salary = chosen.columns.salary ?? chosen.columns.proRataSalary;
  const salaryHeading = chosen.headers.find((h) => h.column === salary);
  const issues: Issue[] = [];
  for (const h of chosen.headers) {
    if (h.field !== undefined || !isAllowanceHeading(normaliseLabel(h.text))) continue;
    const figures = posts
      .map((p) =>
        parseNumber(
          grid.values[p.sourceRow - grid.origin.row]?.[h.column - grid.origin.column] ?? ""
        )
      )
      .filter((v): v is number => v !== undefined && v !== 0);
    if (figures.length === 0) continue;
    const total = figures.reduce((a, b) => a + b, 0);
    const letter = columnLetters(h.column);
    const row = (posts[0]?.sourceRow ?? chosen.headerRow + 1) + 1;
    const into = salaryHeading
      ? `add it into column ${columnLetters(salaryHeading.column)} '${salaryHeading.text}' (e.g. =${columnLetters(salaryHeading.column)}${row}+${letter}${row}; the salary is multiplied by the FTE and incremented, so add a part-time post's allowance ÷ its FTE)`
      : "add it into the Salary column";
    issues.push(
      issueAtAddress(
        grid.sheet,
        h.address,
        "warning",
        "allowance-not-costed",
        `Column ${letter} '${h.text}' looks like an allowance (${formatPoundsInText(total)} on ${figures.length} ${figures.length === 1 ? "row" : "rows"}) and is not costed: only the basic salary is, with its on-costs`,
        `to cost it, ${into}; if it is budgeted elsewhere, nothing to do`
      )
    );
  }
  return issues;
}
