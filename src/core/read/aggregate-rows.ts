import type { Issue } from "../grid";
import type { Locality, Post } from "../model";
import { issueAtAddress } from "./issues";
import { describeValue, formatFigure } from "./text";

type Additive = "population" | "demand";

/** An unlabelled row whose figures are the sum of other localities: a county or district total. */
export interface AggregateRow {
  /** Index into the localities given. */
  index: number;
  /** The rows it sums, as indexes; every other kept row when `all`. */
  sums: number[];
  all: boolean;
}

const same = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Rows that are the sum of a contiguous group of at least two localities just above them
 * (a district total under its wards), then, among what is left, a row that is the sum of
 * all the others (a county row, above or below). Only the additive figures are compared
 * (population and demand, those the table has): deprivation is a rate or score, not a sum.
 * A row whose compared figures are all 0 sums nothing.
 */
export function findAggregateRows(
  localities: readonly Locality[],
  fields: readonly Additive[]
): AggregateRow[] {
  if (fields.length === 0 || localities.length < 3) return [];
  const found: AggregateRow[] = [];
  const excluded = new Set<number>();
  const counts = (l: Locality) => fields.some((f) => l[f] > 0);
  for (let i = 2; i < localities.length; i++) {
    const target = localities[i];
    if (!counts(target)) continue;
    const sums = fields.map(() => 0);
    const group: number[] = [];
    // Figures are never negative, so the running sums only grow: stop once one is past.
    for (let j = i - 1; j >= 0; j--) {
      if (excluded.has(j)) continue;
      group.unshift(j);
      fields.forEach((f, k) => (sums[k] += localities[j][f]));
      if (fields.some((f, k) => sums[k] > target[f] && !same(sums[k], target[f]))) break;
      if (group.length >= 2 && fields.every((f, k) => same(sums[k], target[f]))) {
        found.push({ index: i, sums: group, all: false });
        excluded.add(i);
        break;
      }
    }
  }
  const kept = localities.map((_, i) => i).filter((i) => !excluded.has(i));
  if (kept.length < 3) return found;
  const totals = fields.map((f) => kept.reduce((s, i) => s + localities[i][f], 0));
  const county = kept.find(
    (i) =>
      counts(localities[i]) &&
      fields.every((f, k) => same(totals[k] - localities[i][f], localities[i][f]))
  );
  if (county !== undefined)
    found.push({ index: county, sums: kept.filter((i) => i !== county), all: true });
  return found.sort((a, b) => a.index - b.index);
}

/** The warning at an aggregate row's name cell: it is left out of the shares. */
export function aggregateRowIssue(
  sheet: string,
  localities: readonly Locality[],
  aggregate: AggregateRow,
  labels: readonly string[]
): Issue {
  const row = localities[aggregate.index];
  const first = localities[aggregate.sums[0]];
  const last = localities[aggregate.sums[aggregate.sums.length - 1]];
  const what = labels.join(" and ");
  const of = aggregate.all
    ? `the other ${aggregate.sums.length} localities`
    : `rows ${first.sourceRow + 1} to ${last.sourceRow + 1} (${describeValue(first.name)} to ${describeValue(last.name)})`;
  return issueAtAddress(
    sheet,
    row.cells.name ?? row.cells.population ?? row.cells.demand ?? `A${row.sourceRow + 1}`,
    "warning",
    "aggregate-row",
    `${describeValue(row.name)} looks like a total, not a locality: its ${what} ${labels.length === 1 ? "is the sum" : "are the sums"} of ${of}, so it is left out of the shares`,
    "nothing to do if it is a total (label it 'Total' to say so, or delete the row); if it is a locality of its own, check its figures",
    row.name
  );
}

/** Words a post's title never is, and a whole establishment's line often is. */
const WHOLE =
  /\b(?:all|overall|whole|total|totals|sum|establishment|service|department|directorate)\b/i;

/**
 * The establishment's last row when it is an unlabelled total: its FTE the sum of every
 * post above (two or more), its No of staff too where the table has one. Costed as a post,
 * it doubles the establishment. Left out when its title says it is the whole ("Overall
 * establishment", "All posts"); else kept, as it could be a post, and warned about either way.
 */
export function unlabelledTotal(
  sheet: string,
  posts: readonly Post[]
): { post: Post; leftOut: boolean; issue: Issue } | undefined {
  if (posts.length < 3) return undefined;
  const post = posts[posts.length - 1];
  const above = posts.slice(0, -1);
  const fte = above.reduce((s, p) => s + p.fte, 0);
  if (!(post.fte > 0) || !same(post.fte, fte)) return undefined;
  if (post.headcount !== undefined) {
    const people = above.reduce((s, p) => s + (p.headcount ?? 0), 0);
    if (!same(post.headcount, people)) return undefined;
  }
  const leftOut = WHOLE.test(post.title);
  const what = `${describeValue(post.title)} looks like a total, not a post: its FTE (${formatFigure(post.fte)}) is the sum of the ${above.length} posts above it`;
  return {
    post,
    leftOut,
    issue: issueAtAddress(
      sheet,
      post.cells.title ?? post.cells.fte ?? `A${post.sourceRow + 1}`,
      "warning",
      "unlabelled-total",
      leftOut ? `${what}, so it is not costed` : `${what}; it is costed as a post`,
      leftOut
        ? "nothing to do if it is a total (label it 'Total' to say so); if it is a post, check its FTE"
        : "if it is a total, label it 'Total' so it is not costed; if it is a post, nothing to do"
    ),
  };
}
