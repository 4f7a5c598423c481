/**
 * The establishment's people, where a payroll export names them: an Employee Number or
 * Person Number column beside each assignment, or else the people's names (Employee Name,
 * Post holder), which two people may share. One person on two rows (two assignments,
 * two part-time posts) is costed as two: each row has its own employer NI threshold and
 * counts once in the headcount. HMRC adds up the earnings of one person's jobs with one
 * employer for NI, unless they are paid apart; so that is said at the person's rows, with
 * the most the employer NI can be short by, rather than left as a silent low figure.
 */
import type { CellValue, Grid, Issue } from "../grid";
import { isBlank, positionIn, toA1 } from "../grid";
import { financialYearLabel } from "../dates";
import type { Assumptions, Establishment, Post } from "../model";
import { formatPounds, formatPoundsInText, roundPenny } from "../money";
import { niRulesFor } from "../rules";
import type { WorkbookGrids } from "../workbook/types";
import { issueAtAddress } from "./issues";
import { isDash, isNotApplicable } from "./status-words";
import { describeValue, formatFigure } from "./text";

/** "Employee Number", "Person No.", "Staff ID", "Payroll ref": a person's key, not a post's. */
const PERSON_HEADING =
  /^\s*(?:employee|person|staff|payroll|personnel|emp)\s*(?:number|num|no\.?|id|ref(?:erence)?|code)\s*$/i;

/** "Employee Name", "Name", "Staff name", "Post holder": a person by name, when there is no number. */
const NAME_HEADING =
  /^\s*(?:(?:(?:employee|staff|person|post ?holder|postholder)(?:'s)?\s+)?(?:full\s+)?name|post ?holder|postholder)\s*$/i;

/** Not a person: a post with no one in it yet, or covered by an agency. */
const NOT_A_PERSON =
  /^\s*(?:vacant|vacancy|vacancies|tbc|tba|to be (?:confirmed|appointed|recruited)|agency|unfilled|none)\b/i;

/** The column of the header row that names people, when the export has one: a number first. */
function personColumn(
  grid: Grid,
  est: Establishment
): { column: number; heading: string; byName: boolean } | undefined {
  const header = grid.values[est.headerRow - grid.origin.row] ?? [];
  const find = (heading: RegExp) =>
    header.findIndex((v) => typeof v === "string" && heading.test(v));
  const number = find(PERSON_HEADING);
  const c = number >= 0 ? number : find(NAME_HEADING);
  return c < 0 ? undefined : { column: c, heading: String(header[c]).trim(), byName: number < 0 };
}

/** The key of the person a cell names, or undefined for none (blank; by name: vacant, TBC, agency). */
function personKey(v: CellValue | undefined, byName: boolean): string | undefined {
  if (v === undefined || isBlank(v)) return undefined;
  if (byName && (typeof v !== "string" || NOT_A_PERSON.test(v) || isDash(v) || isNotApplicable(v)))
    return undefined;
  // A name is one whatever its spacing: "J  Smith" is "J Smith".
  return String(v).trim().replace(/\s+/g, " ").toLowerCase();
}

/** How a person's rows are costed, and the most their second and later rows' NI thresholds take off in the first year. */
function howCosted(a: Assumptions, extraRows: number): string {
  if (a.onCostMode === "flat") return "each row counts in the headcount";
  const rules = niRulesFor(a.firstYear, {
    rate: a.niRate,
    monthlyThreshold: a.niMonthlyThreshold,
  });
  const most = roundPenny(
    rules.monthlyRates.reduce((t, rate) => t + rate * rules.monthlyThreshold, 0) * extraRows
  );
  return `each row has its own employer NI threshold and counts in the headcount; if one payroll pays them, HMRC adds the pay up for NI, and the employer NI is up to ${formatPounds(most)} a year more in ${financialYearLabel(a.firstYear)} (a threshold of ${formatPoundsInText(rules.monthlyThreshold)} a month for each row after the first)`;
}

/**
 * A warning for each person on more than one row, at the person's cell of each row after
 * the first; and the cells where a duplicate Post ID warning says less (the person
 * column read as the Post ID), which this replaces.
 */
export function personRows(
  workbook: WorkbookGrids,
  est: Establishment | undefined,
  a: Assumptions
): { issues: Issue[]; replaced: Set<string> } {
  const none = { issues: [], replaced: new Set<string>() };
  const grid = est && workbook.grids.find((g) => g.sheet === est.sheet);
  const person = grid && est && personColumn(grid, est);
  if (!grid || !est || !person) return none;
  const c = person.column;
  const cellOf = (p: Post) => toA1(positionIn(grid, p.sourceRow - grid.origin.row, c));
  const byPerson = new Map<string, Post[]>();
  for (const p of est.posts) {
    const key = personKey(grid.values[p.sourceRow - grid.origin.row]?.[c], person.byName);
    if (key === undefined) continue;
    const rows = byPerson.get(key);
    if (rows) rows.push(p);
    else byPerson.set(key, [p]);
  }
  const issues: Issue[] = [];
  const replaced = new Set<string>();
  for (const posts of byPerson.values()) {
    if (posts.length < 2) continue;
    const cells = posts.map(cellOf);
    const value = grid.values[posts[0].sourceRow - grid.origin.row]?.[c];
    const who = `${person.heading} ${describeValue(String(value).trim())} is on ${posts.length} rows (${cells.join(", ")})`;
    // Every cell alike: one row typed (or exported) twice, a post costed twice, not two jobs.
    const rowText = (p: Post) => JSON.stringify(grid.values[p.sourceRow - grid.origin.row]);
    const twice = posts.every((p) => rowText(p) === rowText(posts[0]));
    const fte = formatFigure(posts.reduce((t, p) => t + p.fte, 0));
    const message = twice
      ? `${who}, and the rows are the same in every cell, as if one row was typed twice: ${describeValue(posts[0].title)} is costed ${posts.length} times (${fte} FTE in all)`
      : person.byName
        ? `${who}, matched by name (two people can share one): if one person, costed as ${posts.length} people: ${howCosted(a, posts.length - 1)}`
        : `${who}: one person, costed as ${posts.length} people: ${howCosted(a, posts.length - 1)}`;
    const fix = twice
      ? "delete the row typed twice; if they are two posts the person holds, nothing to do"
      : `nothing to do if ${person.byName ? "they are two people, or " : ""}the posts are paid apart; if not, add the NI said to the costing, or cost the person on one row with the FTE and pay added up`;
    for (const cell of cells.slice(1)) {
      replaced.add(cell);
      issues.push(
        issueAtAddress(est.sheet, cell, "warning", "person-on-several-rows", message, fix, value)
      );
    }
  }
  return { issues, replaced };
}
