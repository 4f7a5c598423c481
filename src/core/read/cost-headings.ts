import type { Grid, Issue } from "../grid";
import { columnLetters } from "../grid";
import type { TableCandidate } from "./detect";
import { issueAt } from "./issues";
import { normaliseLabel } from "./text";

/**
 * Money headings that are not the basic salary. Costed as the salary, the on-costs in them
 * would be counted twice, in silence; so such a heading maps to no money column, and the
 * reader says so at it when the table has no salary column of its own.
 * - "on-costs": pay that names on-costs ("Salary inc NI & pension", "Salary + oncosts",
 *   "Salary incl. employer contributions", "Budgeted salary inc. NI/Super").
 * - "total": a total cost ("Total salary cost", "Total cost", "Full cost of employment").
 * - "budget": a budget ("Full Year Budget £", "Salary budget"): a post's budget is usually
 *   its full cost. "Budgeted salary" is the salary; "Budget FTE" is still the FTE.
 * "Salary", "Annual salary" and "Salary cost" are the salary.
 */
export type CostHeading = "on-costs" | "total" | "budget";

const ON_COST =
  "(?:on costs?|oncosts?|employers? (?:ni |pension )?contributions?|ni|nic|nics|national insurance|pensions?|super|superannuation)";

/** "excl. NI & pension", "(before on-costs)": what the figure leaves out, cut off before reading it. */
const EXCLUDED = new RegExp(
  `\\b(?:excl?|excluding|exclusive of|ex|without|before|less|minus|net of|not including)\\s+(?:[a-z]+\\s+){0,2}?${ON_COST}\\b.*$`
);
const NAMES_ON_COSTS = new RegExp(`\\b${ON_COST}\\b`);
const PAY = /\b(?:salary|salaries|pay|wages?|earnings|costs?)\b/;
const TOTAL_COST =
  /\b(?:total|full|gross)\b.*\bcosts?\b|\bcosts? of employment\b|\bemployment costs?\b/;
const BUDGET = /\bbudgets?\b/;

/** A normalised heading less what it says it leaves out: "salary excl ni" → "salary". */
export function withoutExclusions(key: string): string {
  return key.replace(EXCLUDED, "").trim();
}

/** What a normalised heading is, when it is money other than the basic salary. */
export function costHeading(key: string): CostHeading | undefined {
  const kept = withoutExclusions(key);
  if (PAY.test(kept) && NAMES_ON_COSTS.test(kept)) return "on-costs";
  if (TOTAL_COST.test(kept)) return "total";
  if (BUDGET.test(kept)) return "budget";
  return undefined;
}

const WHY: Record<CostHeading, string> = {
  "on-costs": "names on-costs (employer NI, pension)",
  total: "is a total cost, which includes the on-costs",
  budget: "is a budget, which for a post is usually its full cost with on-costs",
};

/** "column D 'Salary + oncosts' names on-costs (…), so it is not read as the salary". */
function setAsideText(letters: string, text: string, why: CostHeading): string {
  return `column ${letters} '${text.slice(0, 40)}' ${WHY[why]}, so it is not read as the salary (costed, the on-costs would be counted twice)`;
}

/** Unmapped headings of the chosen table that are money other than the basic salary. */
function costHeadings<F extends string>(
  chosen: TableCandidate<F>
): Array<{ column: number; text: string; why: CostHeading }> {
  const found: Array<{ column: number; text: string; why: CostHeading }> = [];
  for (const h of chosen.headers) {
    const why = h.field === undefined ? costHeading(normaliseLabel(h.text)) : undefined;
    if (why) found.push({ column: h.column, text: h.text, why });
  }
  return found;
}

/**
 * For a table with no salary column: a warning at each heading set aside as a cost, and
 * the words the missing-salary error adds, so the analyst sees the column was not missed.
 */
export function setAsideSalaryHeadings<F extends string>(
  grid: Grid,
  chosen: TableCandidate<F>
): { issues: Issue[]; said?: string; fix?: string } {
  const found = costHeadings(chosen);
  const issues = found.map((h) => {
    const letters = columnLetters(h.column);
    const text = setAsideText(letters, h.text, h.why);
    return issueAt(
      grid,
      chosen.headerIndex,
      h.column - grid.origin.column,
      "warning",
      "salary-column-set-aside",
      text[0].toUpperCase() + text.slice(1),
      mapItFix(letters)
    );
  });
  const first = found[0];
  if (!first) return { issues };
  const letters = columnLetters(first.column);
  const said = `column ${letters} '${first.text.slice(0, 40)}' was seen and set aside (see ${issues[0].address}): it ${WHY[first.why]}`;
  return { issues, said, fix: mapItFix(letters) };
}

/** How to say a set-aside column holds the basic salaries after all. */
function mapItFix(letters: string): string {
  return `add a Salary column of basic full-time salaries; if column ${letters} holds them after all, map Salary to it (--column Salary=${letters}, or in the task pane pick it for Salary under 'Not found in the table')`;
}
