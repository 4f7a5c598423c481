/**
 * An establishment of weekly hours with no FTE column (an HR export: "Contracted hours",
 * often beside "Standard hours"). FTE is the hours ÷ the full-time week, and the full-time
 * week is the employer's (37, 36, 35 hours all occur): it is read from the post's own
 * Full-time hours cell, else from 'Full-time hours a week' on the Assumptions sheet, never
 * guessed. How each FTE was worked out is said once at the hours heading, with an example.
 */
import { columnLetters, toA1, type Grid, type Issue } from "../grid";
import type { Post, PostField } from "../model";
import type { HeaderCell, TableCandidate } from "./detect";
import { issueAtAddress } from "./issues";
import type { TableRow } from "./table";
import { describeValue, formatFigure } from "./text";

/** The Assumptions sheet's 'Full-time hours a week', and its cell. */
export interface FullTimeWeek {
  hours: number;
  sheet: string;
  address?: string;
}

/** How a table of hours gives its posts' FTE: its hours column, its full-time hours column, the setting. */
export interface HoursAsFte {
  hours: HeaderCell<PostField>;
  fullTime?: HeaderCell<PostField>;
  week?: FullTimeWeek;
}

export const FULL_TIME_SETTING = "Full-time hours a week";

/** When the table has weekly hours, no FTE column, and a full-time week to divide by. */
export function hoursAsFte(
  chosen: TableCandidate<PostField>,
  week: FullTimeWeek | undefined
): HoursAsFte | undefined {
  const { columns } = chosen;
  if (columns.fte !== undefined || columns.currentFte !== undefined) return undefined;
  const header = (field: PostField) => chosen.headers.find((h) => h.column === columns[field]);
  const hours = columns.hoursPerWeek === undefined ? undefined : header("hoursPerWeek");
  const fullTime = columns.fullTimeHours === undefined ? undefined : header("fullTimeHours");
  if (!hours || (!fullTime && !week)) return undefined;
  return { hours, ...(fullTime ? { fullTime } : {}), ...(week ? { week } : {}) };
}

/**
 * A row's FTE from its hours, into the row's values as if typed. The FTE gets no cell (the
 * hours cell is not the FTE: a live figure holds the FTE itself). A blank hours or
 * full-time hours cell is an error at it: the post cannot be costed.
 */
export function fteFromHours(
  row: TableRow<PostField>,
  how: HoursAsFte,
  grid: Grid,
  issues: Issue[]
): void {
  const title = describeValue(typeof row.values.title === "string" ? row.values.title : "");
  const at = (h: HeaderCell<PostField>, field: PostField) =>
    row.cells[field] ?? toA1({ row: row.sourceRow, column: h.column });
  const hours = row.values.hoursPerWeek;
  if (typeof hours !== "number") {
    if (!row.unreadable.hoursPerWeek)
      issues.push(
        issueAtAddress(
          grid.sheet,
          at(how.hours, "hoursPerWeek"),
          "error",
          "fte-hours-missing",
          `Hours are blank for ${title}, so its FTE cannot be worked out (the table has no FTE column)`,
          "enter the post's weekly hours, e.g. 18.5"
        )
      );
    return;
  }
  const own = row.values.fullTimeHours;
  const fullTime = typeof own === "number" ? own : how.week?.hours;
  if (fullTime === undefined || fullTime <= 0) {
    if (!row.unreadable.fullTimeHours && how.fullTime)
      issues.push(
        issueAtAddress(
          grid.sheet,
          at(how.fullTime, "fullTimeHours"),
          "error",
          "fte-full-time-hours-missing",
          `${fullTime === undefined ? "Full-time hours are blank" : "Full-time hours are 0"} for ${title}, so its FTE cannot be worked out from its ${formatFigure(hours)} hours`,
          `enter the post's full-time week, e.g. 37, or set '${FULL_TIME_SETTING}' on the Assumptions sheet for posts with none`,
          own
        )
      );
    return;
  }
  row.values.fte = hours / fullTime;
}

/** Said once at the hours heading: how FTE was worked out, with a post's figures. */
export function fteFromHoursNote(grid: Grid, how: HoursAsFte, posts: readonly Post[]): Issue {
  const hours = `column ${columnLetters(how.hours.column)} '${how.hours.text}'`;
  const setting = how.week
    ? `the full-time week of ${formatFigure(how.week.hours)} hours ('${FULL_TIME_SETTING}'${how.week.address ? ` at ${how.week.sheet}!${how.week.address}` : ""})`
    : undefined;
  const column = how.fullTime
    ? `the post's full-time hours in column ${columnLetters(how.fullTime.column)} '${how.fullTime.text}'`
    : undefined;
  const divisor = column && setting ? `${column} (blank: ${setting})` : (column ?? setting);
  const example =
    posts.find((p) => p.hoursPerWeek !== undefined && p.fte !== 1 && p.fte > 0) ??
    posts.find((p) => p.hoursPerWeek !== undefined);
  const worked =
    example?.hoursPerWeek !== undefined
      ? `, e.g. ${describeValue(example.title)} at ${example.cells.hoursPerWeek}: ${formatFigure(example.hoursPerWeek)} ÷ ${formatFigure(example.fullTimeHours ?? how.week?.hours ?? 0)} = ${formatFigure(example.fte)} FTE`
      : "";
  return issueAtAddress(
    grid.sheet,
    how.hours.address,
    "info",
    "fte-from-hours",
    `No FTE column: each post's FTE is its weekly hours in ${hours} ÷ ${divisor}${worked}`,
    how.week
      ? `nothing to do if that is the full-time week; otherwise change '${FULL_TIME_SETTING}', or add an FTE column`
      : "nothing to do if those are the full-time weeks; otherwise correct them, or add an FTE column"
  );
}

/** FTE and hours ÷ full-time hours further apart than this are two figures, not rounding. */
const FTE_ROUNDING = 0.01;

/**
 * A post with an FTE and weekly hours that disagree (FTE 1 beside 18.5 of 37 hours): the
 * FTE is costed, and a warning at it says what the hours give. Not for agency rows, whose
 * hours are the row's total and are checked on their own (checkAgencyHours).
 */
export function fteAgainstHours(
  sheet: string,
  post: Post,
  week: number | undefined
): Issue | undefined {
  const { hoursPerWeek: hours, fte } = post;
  const fullTime = post.fullTimeHours ?? week;
  const at = post.cells.fte ?? post.cells.currentFte;
  if (hours === undefined || fullTime === undefined || !(fullTime > 0) || at === undefined)
    return undefined;
  // FTE 0 is a new post's (its hours are the proposed post's); FTE = hours is fte-is-hours.
  if (post.contractType === "agency" || fte === 0 || Math.abs(fte - hours) < 1e-9) return undefined;
  const byHours = hours / fullTime;
  if (Math.abs(byHours - fte) <= FTE_ROUNDING) return undefined;
  const f = formatFigure;
  const ofWeek = post.fullTimeHours === undefined ? ` ('${FULL_TIME_SETTING}')` : "";
  return issueAtAddress(
    sheet,
    at,
    "warning",
    "fte-hours-disagree",
    `FTE ${f(fte)} for ${describeValue(post.title)} is not its hours: ${f(hours)} of a ${f(fullTime)}-hour week${ofWeek} is ${f(byHours)} FTE; the FTE ${f(fte)} is costed`,
    `if the post works ${f(hours)} of ${f(fullTime)} hours, enter ${f(Math.round(byHours * 100) / 100)} as its FTE; if the hours are out of date, correct them`,
    fte
  );
}
