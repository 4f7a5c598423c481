/**
 * An "Increment date" column (01/10: the day each year a post moves up a point). The engine
 * steps every post by one rule, the Assumptions sheet's Increment rule (each 1 April, or on
 * the start-date anniversary), so a per-post increment date is not read: a warning at its
 * heading says so, which rule is costed, and how to cost the posts' own dates.
 */
import type { Grid, Issue } from "../grid";
import { columnLetters, isBlank } from "../grid";
import type { IncrementRule, Post, PostField } from "../model";
import { INCREMENT_RULE_WORDS } from "../model";
import type { TableCandidate } from "./detect";
import { issueAtAddress } from "./issues";
import { normaliseLabel } from "./text";

const INCREMENT_DATE =
  /\bincrement(?:al)? (?:date|month|due|due date)\b|\b(?:next|date of) increment\b/;

/** A warning at an unread increment-date heading with figures on the posts' rows. */
export function incrementDateNotes(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  posts: readonly Post[],
  rule: IncrementRule
): Issue[] {
  const issues: Issue[] = [];
  for (const h of chosen.headers) {
    if (h.field !== undefined || !INCREMENT_DATE.test(normaliseLabel(h.text))) continue;
    const cell = (p: Post) =>
      grid.values[p.sourceRow - grid.origin.row]?.[h.column - grid.origin.column];
    if (!posts.some((p) => !isBlank(cell(p) ?? ""))) continue;
    const fix =
      rule === "anniversary"
        ? "nothing to do if each post's start date falls on its increment date; otherwise make them agree, or delete the column"
        : "to step each post on its own date, set 'Increment rule' to anniversary on the Assumptions sheet and give each post a Start date on its increment day and month; otherwise nothing to do";
    issues.push(
      issueAtAddress(
        grid.sheet,
        h.address,
        "warning",
        "increment-date-not-read",
        `Column ${columnLetters(h.column)} '${h.text}' is not read: every post's increments follow the Increment rule, ${INCREMENT_RULE_WORDS[rule]}`,
        fix
      )
    );
  }
  return issues;
}
