/**
 * Salaries that look typed in the wrong unit: £2,800 among £28,000s is a monthly figure,
 * £14.50 an hourly rate, £280,000 a slip of a digit. Costed as typed, each is a silently
 * wrong total, so each is said at its cell, with what it looks like. Nothing is changed:
 * the officer decides.
 */
import type { Issue } from "../grid";
import { gradeKey, type Post } from "../model";
import { issueAtAddress } from "./issues";
import { describeValue, formatFigure } from "./text";

/** No full-time annual salary is this low: the National Minimum Wage has been far above it. */
export const LOWEST_PLAUSIBLE_SALARY = 5_000;

/** Far from its grade: under a third, or over three times, what the grade's other posts pay. */
const FACTOR = 3;

/** What a figure typed in another unit must be multiplied by to be a year's pay. */
const UNITS: ReadonlyArray<{ looks: string; times: number }> = [
  { looks: "an hourly rate", times: 37 * 52 },
  { looks: "a weekly figure", times: 52 },
  { looks: "a monthly figure", times: 12 },
];

/** The pay a post's grade range or pay scale says, for posts with few peers to compare with. */
export type GradeRangeOf = (post: Post) => { min: number; max: number } | undefined;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "It looks like a monthly figure (× 12 = £33,600)", when one unit lands near the reference. */
function looksLike(salary: number, reference: number | undefined): string {
  if (reference !== undefined) {
    const near = UNITS.find((u) => {
      const annual = salary * u.times;
      return annual >= reference / 1.5 && annual <= reference * 1.5;
    });
    if (near)
      return `: it looks like ${near.looks} (× ${formatFigure(near.times)} = £${formatFigure(Math.round(salary * near.times))})`;
    if (salary > reference * FACTOR) return ": a digit too many?";
  }
  return "";
}

/** What a salary is set against: its grade's other posts, else the grade's range. */
function basisFor(
  post: Post,
  peers: { median: number; posts: number } | undefined,
  rangeOf: GradeRangeOf
): { reference: number; low: number; high: number; against: string } | undefined {
  const grade = post.grade;
  // Three posts or more on the grade: set against what they pay.
  if (grade !== undefined && peers && peers.posts >= 3) {
    const m = peers.median;
    return {
      reference: m,
      low: m / FACTOR,
      high: m * FACTOR,
      against: `the ${grade} posts (median £${formatFigure(m)})`,
    };
  }
  const range = rangeOf(post);
  if (!range) return undefined;
  return {
    reference: (range.min + range.max) / 2,
    low: range.min / FACTOR,
    high: range.max * FACTOR,
    against: `${grade === undefined ? "the post" : `grade ${grade}`}'s range (£${formatFigure(range.min)} to £${formatFigure(range.max)})`,
  };
}

/**
 * Warnings at each Salary cell that is far from its grade's posts (under a third or over
 * three times their median, with three posts or more), or outside a third of the grade's
 * minimum to three times its maximum when it has fewer, or under any plausible annual salary.
 */
export function implausibleSalaries(
  sheet: string,
  posts: readonly Post[],
  rangeOf: GradeRangeOf
): Issue[] {
  // Each grade's salaries, and their median once per grade (the median is robust enough to
  // count the post itself: one slip among three posts does not move it).
  const byGrade = new Map<string, number[]>();
  for (const p of posts)
    if (p.grade !== undefined && p.salary !== undefined && p.salary > 0) {
      const key = gradeKey(p.grade);
      const list = byGrade.get(key);
      if (list) list.push(p.salary);
      else byGrade.set(key, [p.salary]);
    }
  const medians = new Map(
    [...byGrade].map(([k, v]) => [k, { median: median(v), posts: v.length }])
  );
  const issues: Issue[] = [];
  for (const post of posts) {
    const salary = post.salary;
    const cell = post.cells.salary;
    if (salary === undefined || salary <= 0 || cell === undefined) continue;
    const peers = post.grade !== undefined ? medians.get(gradeKey(post.grade)) : undefined;
    const basis = basisFor(post, peers, rangeOf);
    const reference = basis?.reference;
    let message: string | undefined;
    if (basis && salary < basis.low)
      message = `Salary £${formatFigure(salary)} for ${describeValue(post.title)} is far below ${basis.against}${looksLike(salary, reference)}`;
    else if (basis && salary > basis.high)
      message = `Salary £${formatFigure(salary)} for ${describeValue(post.title)} is far above ${basis.against}${looksLike(salary, reference)}`;
    else if (salary < LOWEST_PLAUSIBLE_SALARY)
      message = `Salary £${formatFigure(salary)} for ${describeValue(post.title)} is less than any full-time annual salary${looksLike(salary, 25_000)}`;
    if (message)
      issues.push(
        issueAtAddress(
          sheet,
          cell,
          "warning",
          "salary-implausible",
          message,
          "enter the full-time annual salary (it is costed as typed until you do)",
          salary
        )
      );
  }
  return issues;
}

/** Full-time weeks in hours, as employers set them. */
const FULL_TIME_WEEKS = new Set([35, 36, 37, 37.5, 39, 40]);

/**
 * FTE figures that look like weekly hours: with no No of staff to compare with, 37 in an
 * FTE column is 37 full-time posts, costed as such. Said at the FTE heading when most posts
 * have between 7 and 48 "FTE" and the commonest figure, on two posts or more, is a
 * full-time week; an establishment of aggregated rows (47.93 FTE) has neither mark.
 */
export function fteLooksLikeHours(
  sheet: string,
  header: { address: string; column: string } | undefined,
  posts: readonly Post[],
  hasHeadcount: boolean
): Issue[] {
  if (!header || hasHeadcount || posts.length < 3) return [];
  const inHours = posts.filter((p) => p.fte >= 7 && p.fte <= 48);
  if (inHours.length < posts.length * 0.8) return [];
  const counts = new Map<number, number>();
  for (const p of inHours) counts.set(p.fte, (counts.get(p.fte) ?? 0) + 1);
  const [commonest, times] = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (times < 2 || !FULL_TIME_WEEKS.has(commonest)) return [];
  const first = posts.find((p) => p.fte === commonest);
  return [
    issueAtAddress(
      sheet,
      header.address,
      "warning",
      "fte-looks-like-hours",
      `The FTE figures look like weekly hours (${formatFigure(commonest)} on ${times} posts): an FTE of ${formatFigure(commonest)} is ${formatFigure(commonest)} full-time posts, and is costed so`,
      `if they are hours, head column ${header.column} 'Hours' and add an FTE column worked out from it (e.g. =${first?.cells.fte ?? `${header.column}2`}/${formatFigure(commonest)}); FTE is 1 for a full-time post`
    ),
  ];
}
