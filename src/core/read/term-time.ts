/**
 * Term-time-only posts (school support staff: 39 weeks plus their paid holiday). The engine
 * costs each post at its FTE for the whole year; a term-time post is paid for its weeks
 * worked plus its holiday, and that holiday varies with the post and the service, so it is
 * never guessed. A row that says it is term time (a weeks-worked figure under 52, a Term
 * time only Y, or "TTO" / "term time" in any cell) gets a warning at that cell: costed for
 * 52 weeks, and how to fold term time into the FTE.
 */
import type { CellValue, Grid, Issue } from "../grid";
import { toA1 } from "../grid";
import type { Post, PostField } from "../model";
import type { TableCandidate } from "./detect";
import { issueAtAddress } from "./issues";
import { describeValue, formatFigure, normaliseLabel } from "./text";
import { parseBoolean, parseNumber } from "./values";

/** Weeks in a year, as payrolls divide by (365 ÷ 7). */
export const WEEKS_IN_YEAR = 52.143;

/** A count of weeks ("Weeks worked", "No of weeks", "Paid weeks"), not a rate per week ("Hours per week"). */
const WEEKS_HEADING = /\b(?:weeks|wks)\b/;
const PER_WEEK = /\b(?:hours?|hrs?|days?|rate|pay|pw)\b|\b(?:per|a|each) weeks?\b/;
const TERM_TIME = /\b(?:term time|termtime|tto)\b/;

/** No text says term time without "term" or t-t-o: most cells are passed without normalising. */
const MAYBE_TERM_TIME = /term|t[.'’]*t[.'’]*o/i;

/** Whether a cell's text says term time ("Term time only", "TTO", "term-time"). */
export function isTermTimeText(text: string): boolean {
  return MAYBE_TERM_TIME.test(text) && TERM_TIME.test(normaliseLabel(text));
}

/** What a heading can say of term time: worked out once per table, not once per row. */
interface TermTimeHeading {
  text: string;
  column: number;
  /** A count of weeks worked ("Weeks worked"), not a rate per week. */
  weeks: boolean;
  /** A yes/no column about term time ("Term time only"). */
  flag: boolean;
}

function termTimeHeading(h: { text: string; column: number }): TermTimeHeading {
  const key = normaliseLabel(h.text);
  return {
    text: h.text,
    column: h.column,
    weeks: WEEKS_HEADING.test(key) && !PER_WEEK.test(key),
    flag: TERM_TIME.test(key),
  };
}

/** Why a row looks term-time only, and at which cell: a weeks figure, a Y, or the words. */
function termTimeCell(
  heading: TermTimeHeading,
  value: CellValue
): { weeks?: number; said: string } | undefined {
  if (heading.weeks) {
    const weeks = parseNumber(value);
    if (weeks !== undefined && weeks > 0 && weeks < 52)
      return { weeks, said: `${formatFigure(weeks)} in '${heading.text}'` };
  }
  if (heading.flag && parseBoolean(value) === true)
    return { said: `${describeValue(value)} in '${heading.text}'` };
  if (typeof value === "string" && isTermTimeText(value))
    return { said: `${describeValue(value)} in '${heading.text}'` };
  return undefined;
}

/** A warning at the first cell of each post's row that says it is term-time only. */
export function termTimeNotes(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  posts: readonly Post[]
): Issue[] {
  const issues: Issue[] = [];
  const headings = chosen.headers.map(termTimeHeading);
  for (const post of posts) {
    const row = grid.values[post.sourceRow - grid.origin.row] ?? [];
    const found = headings
      .map((h) => ({ h, seen: termTimeCell(h, row[h.column - grid.origin.column] ?? "") }))
      .filter((x) => x.seen !== undefined);
    const first = found.find((x) => x.seen?.weeks !== undefined) ?? found[0];
    if (!first?.seen) continue;
    const weeks = first.seen.weeks ?? 39;
    const f = formatFigure;
    const example = `${f(post.fte)} × (${f(weeks)} + 5.6) ÷ ${f(WEEKS_IN_YEAR)} = ${f(Math.round(((post.fte * (weeks + 5.6)) / WEEKS_IN_YEAR) * 10000) / 10000)}`;
    issues.push(
      issueAtAddress(
        grid.sheet,
        toA1({ row: post.sourceRow, column: first.h.column }),
        "warning",
        "term-time-not-costed",
        `${describeValue(post.title)} looks term-time only (${first.seen.said}) but is costed at its FTE ${f(post.fte)} for the whole year (52 weeks)`,
        `if its FTE does not yet allow for term time, enter FTE × the weeks it is paid for ÷ ${f(WEEKS_IN_YEAR)}, the weeks paid being the weeks worked plus its paid holiday (e.g. with 5.6 weeks' holiday, ${example}); if it does, nothing to do`
      )
    );
  }
  return issues;
}
