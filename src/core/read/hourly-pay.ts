/**
 * Casual and sessional staff are paid by the hour: an "Hourly rate" on a row whose contract
 * says Casual, Sessional, Relief or Zero hours is the worker's pay, not an agency's charge.
 * Read as an agency rate, a row with no salary was refused ("has an agency rate but no
 * salary"), and one with a salary was said to be costed "not at its agency charge". It is
 * costed as pay instead: with no salary, the hourly rate × the row's hours a week × 52
 * weeks a year, as an employee's pay with its on-costs (the full-time salary that gives
 * that pay at the row's FTE), said at the rate's cell. A column headed as an agency's
 * ("Agency hourly rate") stays an agency charge whatever the contract.
 */
import type { Grid, Issue } from "../grid";
import type { Post, PostField } from "../model";
import { gradeKey } from "../model";
import { formatPounds, formatPoundsInText, roundPenny } from "../money";
import { issueAtAddress } from "./issues";
import type { TableRow } from "./table";
import { describeValue, formatFigure } from "./text";

/** Contract words for staff paid by the hour they work. */
const PAID_BY_THE_HOUR = /^\s*(?:casual|sessional|relief|zero[\s-]*hours?)\b/i;

/** Weeks a year an hourly worker's hours a week are paid for. */
const WEEKS_A_YEAR = 52;

export interface HourlyPayContext {
  grid: Grid;
  issues: Issue[];
  columns: Partial<Record<PostField, number>>;
  /** The Agency hourly rate column's heading, as typed. */
  rateHeading?: string;
  /** The pay scales' grades, by gradeKey: a grade there prices the row. */
  scales: ReadonlyMap<string, unknown>;
}

/** Takes a casual or sessional row's hourly rate as its pay (see the module's comment). */
export function hourlyPay(post: Post, row: TableRow<PostField>, ctx: HourlyPayContext): void {
  const rate = post.agencyHourlyRate;
  const contractColumn = ctx.columns.contractType;
  if (rate === undefined || contractColumn === undefined) return;
  if (/\bagency\b/i.test(ctx.rateHeading ?? "")) return;
  const contract = ctx.grid.values[row.index]?.[contractColumn - ctx.grid.origin.column];
  if (typeof contract !== "string" || !PAID_BY_THE_HOUR.test(contract)) return;
  delete post.agencyHourlyRate;
  const at = row.cells.agencyHourlyRate;
  if (at === undefined) return;
  const who = `${describeValue(post.title)} (${contract.trim()})`;
  const say = (message: string, fix: string) =>
    ctx.issues.push(issueAtAddress(ctx.grid.sheet, at, "info", "hourly-pay", message, fix, rate));
  const priced =
    post.salary !== undefined ||
    post.minSalary !== undefined ||
    post.maxSalary !== undefined ||
    (post.grade !== undefined && ctx.scales.has(gradeKey(post.grade)));
  if (priced) {
    say(
      `${who} is paid by the hour: ${formatPounds(rate)} an hour is its pay, not an agency charge, and the row is costed on its salary, as an employee`,
      "nothing to do; if an agency supplies the worker, head the column 'Agency hourly rate'"
    );
    return;
  }
  const hours = post.hoursPerWeek;
  if (hours === undefined || !(post.fte > 0)) {
    say(
      `${who} is paid by the hour, ${formatPounds(rate)}, but the row has no hours a week${post.fte > 0 ? "" : " and no FTE"} to cost it by`,
      "enter its hours a week (and FTE), or its annual salary"
    );
    return;
  }
  const pay = roundPenny(rate * hours * WEEKS_A_YEAR);
  post.salary = pay / post.fte;
  say(
    `${who} is paid by the hour: costed as an employee's pay of ${formatPounds(rate)} an hour × ${formatFigure(hours)} hours a week × ${WEEKS_A_YEAR} weeks = ${formatPounds(pay)} a year, with employer on-costs (a full-time salary of ${formatPoundsInText(roundPenny(post.salary))} at FTE ${formatFigure(post.fte)})`,
    "nothing to do if that is the pay; for holiday pay or weeks not worked, type the annual salary instead; if an agency supplies the worker, head the column 'Agency hourly rate'"
  );
}
