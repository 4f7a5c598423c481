import type { Grid, Issue } from "../grid";
import type { Locality, Post, PostField, TotalsRow } from "../model";
import { formatPoundsInText } from "../money";
import { issueAtAddress } from "./issues";
import { ROW_NOTES_MAX } from "./row-defaults";
import { isBlankRow, type TotalKind } from "./rows";
import { ESTABLISHMENT_SCHEMA } from "./schemas";
import { labelOf, type TableRow } from "./table";
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
 * (a district total under its wards), then rows that are the sum of the run just below
 * them, up to the next such row or a blank row (a locality's line above its wards), then,
 * among what is left, a row that is the sum of all the others (a county row, above or
 * below). Only the additive figures are compared (population and demand, those the table
 * has): deprivation is a rate or score, not a sum. A row whose compared figures are all 0
 * sums nothing.
 */
export function findAggregateRows(
  localities: readonly Locality[],
  fields: readonly Additive[]
): AggregateRow[] {
  if (fields.length === 0 || localities.length < 3) return [];
  const found: AggregateRow[] = [];
  const excluded = new Set<number>();
  const counts = (l: Locality) => fields.some((f) => l[f] > 0);
  const take = (i: number, run: Iterable<number>) => {
    if (excluded.has(i) || !counts(localities[i])) return;
    const sums = runSumming(localities, fields, localities[i], run);
    if (sums === undefined) return;
    found.push({ index: i, sums, all: false });
    excluded.add(i);
  };
  function* above(i: number) {
    for (let j = i - 1; j >= 0; j--) if (!excluded.has(j)) yield j;
  }
  // Next to each other on the sheet: a blank row (or a totals row) between ends the run.
  const adjoins = (j: number) => localities[j].sourceRow === localities[j - 1].sourceRow + 1;
  function* below(i: number) {
    for (let j = i + 1; j < localities.length && !excluded.has(j) && adjoins(j); j++) yield j;
  }
  for (let i = 2; i < localities.length; i++) take(i, above(i));
  // From the foot up, so that each line's run stops at the next line found below it.
  for (let i = localities.length - 3; i >= 0; i--) take(i, below(i));
  const kept = localities.map((_, i) => i).filter((i) => !excluded.has(i));
  if (kept.length < 3) return found.sort((a, b) => a.index - b.index);
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

/**
 * The rows of a run, taken in its order, whose figures add up to the target's (at least
 * two of them), in the table's order; undefined when no start of the run does. Figures are
 * never negative, so the running sums only grow: it stops once one is past.
 */
function runSumming(
  localities: readonly Locality[],
  fields: readonly Additive[],
  target: Locality,
  run: Iterable<number>
): number[] | undefined {
  const sums = fields.map(() => 0);
  const group: number[] = [];
  for (const j of run) {
    group.push(j);
    fields.forEach((f, k) => (sums[k] += localities[j][f]));
    if (fields.some((f, k) => sums[k] > target[f] && !same(sums[k], target[f]))) return undefined;
    if (group.length >= 2 && fields.every((f, k) => same(sums[k], target[f])))
      return group.sort((a, b) => a - b);
  }
  return undefined;
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

/** A figure of a row that a totals row would carry as the sum of the rows it covers. */
interface Figure {
  /** The row's field, for its label. */
  field: PostField;
  /** What it is the sum of (pay is compared with the posts' salaries, as is and × FTE). */
  key: string;
  value: number;
  money: boolean;
}

/** Counted figures: the row's field, and each post's figure (a blank proposed FTE is no change). */
const COUNTED: ReadonlyArray<[PostField, (p: Post) => number]> = [
  ["proposedFte", (p) => p.proposedFte ?? p.fte],
  ["headcount", (p) => p.headcount ?? 0],
  ["hoursPerWeek", (p) => p.hoursPerWeek ?? 0],
];
const PAY_OF_POST = ["salary", "minSalary", "maxSalary", "proposedSalary"] as const;
/** Each pay field with the key of its sum × FTE, made once (every post adds to both). */
const PAY_KEYS = PAY_OF_POST.map((f) => [f, `${f}×fte`] as const);
/** Pay figures: the row's field and the post's it adds up (pro-rata pay is salary × FTE). */
const PAID: ReadonlyArray<[PostField, (typeof PAY_OF_POST)[number]]> = [
  ["salary", "salary"],
  ["proRataSalary", "salary"],
  ["minSalary", "minSalary"],
  ["maxSalary", "maxSalary"],
  ["proposedSalary", "proposedSalary"],
];
/** What a subtotal's label names: the block's team, cost centre, locality or funding. */
const GROUPS = ["costCentre", "team", "locality", "funding"] as const;
/** Where a subtotal row with no Position puts its label: a group column, or the Post ID's. */
const LABEL_FIELDS = [...GROUPS, "postId"] as const;

const words = (text: string): string =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
const numberIn = (row: TableRow<PostField>, f: PostField): number | undefined => {
  const v = row.values[f];
  return typeof v === "number" ? v : undefined;
};

/** The row's FTE first (it must add up), then every other figure a total could carry. */
function figuresOf(row: TableRow<PostField>): Figure[] {
  const field = numberIn(row, "fte") !== undefined ? "fte" : "currentFte";
  const fte = numberIn(row, field);
  if (fte === undefined) return [];
  const out: Figure[] = [{ field, key: "fte", value: fte, money: false }];
  for (const [f] of COUNTED) {
    const value = numberIn(row, f);
    if (value !== undefined) out.push({ field: f, key: f, value, money: false });
  }
  for (const [f, key] of PAID) {
    const value = numberIn(row, f);
    if (value !== undefined) out.push({ field: f, key, value, money: true });
  }
  return out;
}

/** Running sums of a run of posts, with the team, cost centre… they all share. */
class PostSums {
  count = 0;
  first = 0;
  last = 0;
  private readonly sums = new Map<string, number>();
  private readonly shared = new Map<string, string | null>();

  add(post: Post): void {
    if (this.count++ === 0) this.first = post.sourceRow;
    this.last = post.sourceRow;
    this.plus("fte", post.fte);
    for (const [f, of] of COUNTED) this.plus(f, of(post));
    for (const [f, timesFte] of PAY_KEYS) {
      const v = post[f];
      if (v === undefined) continue;
      this.plus(f, v);
      this.plus(timesFte, v * post.fte);
    }
    for (const g of GROUPS) {
      const v = post[g]?.trim() ?? null;
      const was = this.shared.get(g);
      const same = was && v && was.toLowerCase() === v.toLowerCase();
      this.shared.set(g, this.count === 1 || same ? v : null);
    }
  }

  reset(): void {
    this.count = 0;
    this.sums.clear();
    this.shared.clear();
  }

  /** The sums a figure could be: counts their sum; pay their salaries' sum, or salary × FTE. */
  sumsFor(figure: Figure): number[] {
    const keys = figure.money ? [figure.key, `${figure.key}×fte`] : [figure.key];
    return keys.flatMap((k) => (this.sums.has(k) ? [this.sums.get(k) as number] : []));
  }

  adds(figure: Figure): boolean {
    // Pay is often summed to the pound; counts to the 0.005 a TOTAL row is checked to.
    const slack = figure.money ? 0.5 : 0.005;
    const near = (sum: number | undefined) =>
      sum !== undefined && Math.abs(sum - figure.value) <= slack + 1e-9 * Math.abs(sum);
    // Looked at for every row of the table: no array of the sums is made to ask.
    return (
      near(this.sums.get(figure.key)) || (figure.money && near(this.sums.get(`${figure.key}×fte`)))
    );
  }

  /** The team, cost centre… of the posts the row's label names, its own cell for it blank. */
  named(row: TableRow<PostField>): string | undefined {
    const title = words(typeof row.values.title === "string" ? row.values.title : "");
    for (const g of GROUPS) {
      const v = this.shared.get(g);
      if (v && row.values[g] === undefined && title.includes(words(v)))
        return `${labelOf(ESTABLISHMENT_SCHEMA, g).toLowerCase()} ${describeValue(v)}`;
    }
    return undefined;
  }

  private plus(key: string, v: number): void {
    this.sums.set(key, (this.sums.get(key) ?? 0) + v);
  }
}

/** "FTE (3), No of staff (3) and Salary (£105,000)". */
function figureList(figures: readonly Figure[]): string {
  const each = figures.map(
    (f) =>
      `${labelOf(ESTABLISHMENT_SCHEMA, f.field)} (${f.money ? formatPoundsInText(f.value) : formatFigure(f.value)})`
  );
  return each.length === 1
    ? each[0]
    : `${each.slice(0, -1).join(", ")} and ${each[each.length - 1]}`;
}

type Verdict = "taken" | "unsure" | undefined;

/**
 * Rows that are the sums of the posts above them, though no label says "total": a
 * subtotal under each block of posts (the rows since the table's start, the previous
 * such row, or a blank or totals row), its label naming the block's cost centre or team
 * ("EH100 Early Help" under EH100's posts), or the whole table's total at its foot.
 * Costed as posts they would count every post twice. Each row is looked at before it is
 * built as a post: `read` says whether it is a total, `add` hands over the post it became.
 */
export class UnlabelledTotals {
  private readonly block = new PostSums();
  private readonly all = new PostSums();
  private previous = -2;
  private closes = false;
  readonly totals: TotalsRow[] = [];
  private readonly warnings: Issue[] = [];
  private readonly notes: Issue[] = [];

  constructor(
    private readonly grid: Grid,
    /** The table's last grid row, to tell the foot of the table. */
    private readonly lastIndex: number
  ) {}

  /**
   * A row with figures but no Position, labelled in a group column instead ("EH100 Family
   * Support" in the Team column), or in the first column, the Post ID's: a subtotal when
   * read with that label as its title.
   */
  readKeyless(row: TableRow<PostField>): boolean {
    const field = LABEL_FIELDS.find((g) => typeof row.values[g] === "string");
    if (field === undefined) return false;
    const values = { ...row.values, title: row.values[field] };
    delete values[field];
    const cells = { ...row.cells, title: row.cells[field] };
    const said = this.warnings.length;
    if (this.read({ ...row, values, cells }) !== undefined) return true;
    // Not taken: the row's "no Position" error says to label it, not "costed as a post".
    this.warnings.length = said;
    return false;
  }

  /** The kind of total the row is by its figures, or undefined to build it as a post. */
  read(row: TableRow<PostField>): TotalKind | undefined {
    // Rows between (a blank, a heading, a totals row) end the block.
    if (row.index !== this.previous + 1) this.block.reset();
    this.previous = row.index;
    this.closes = false;
    const figures = figuresOf(row);
    if (figures.length === 0 || !(figures[0].value > 0)) return undefined;
    const whole = this.all.count >= 2 && this.all.adds(figures[0]) && this.atFoot(row.index);
    const sums = whole ? this.all : this.block;
    if (sums.count === 0 || !sums.adds(figures[0])) return undefined;
    const title = typeof row.values.title === "string" ? row.values.title : "";
    const namesBlock = sums.named(row);
    const named = namesBlock ?? (whole && WHOLE.test(title) ? "whole" : undefined);
    const postLike = ["postId", "grade", "spinalPoint"].some(
      (f) => row.values[f as PostField] !== undefined
    );
    const matched = figures.filter((f) => sums.adds(f));
    const missed = figures.filter((f) => !sums.adds(f));
    const money = matched.some((f) => f.money && f.value > 0);
    const all = missed.length === 0 && sums.count >= 2;
    // Only a label naming the block makes a row that partly adds up (or repeats its one post) suspect.
    const suspect =
      !postLike && namesBlock !== undefined && (sums.count >= 2 || missed.length === 0);
    const verdict: Verdict =
      all && !postLike && (named !== undefined || money)
        ? "taken"
        : suspect || (all && (!postLike || money))
          ? "unsure"
          : undefined;
    if (!verdict) return undefined;
    this.closes = true;
    const kind: TotalKind = whole ? "total" : "subtotal";
    const issue = (whole ? totalIssue : subtotalIssue)(this.grid.sheet, row, sums, {
      verdict,
      matched,
      missed,
      named,
    });
    if (verdict === "unsure") {
      this.warnings.push(issue);
      return undefined;
    }
    (kind === "subtotal" ? this.notes : this.warnings).push(issue);
    this.totals.push(totalsRowOf(row, kind, figures));
    this.block.reset();
    return kind;
  }

  /** The post the row last read became (undefined when it could not be built). */
  add(post: Post | undefined): void {
    if (post) this.all.add(post);
    // A row that looked like a subtotal (costed) ends its block too.
    if (!post || this.closes) this.block.reset();
    else this.block.add(post);
  }

  /** The warnings, then the subtotals' notes: the first 20 named, one more counting the rest. */
  issues(): Issue[] {
    const rest = this.notes.slice(ROW_NOTES_MAX);
    const counted =
      rest.length === 0
        ? []
        : [
            issueAtAddress(
              this.grid.sheet,
              rest[0].address,
              "info",
              "subtotal-row",
              `${rest.length} more row${rest.length === 1 ? "" : "s"} from ${rest[0].address} ${rest.length === 1 ? "is" : "are"} read as subtotals of the posts above them, not posts, and not costed`,
              SUBTOTAL_FIX
            ),
          ];
    return [...this.warnings, ...this.notes.slice(0, ROW_NOTES_MAX), ...counted];
  }

  /** Nothing but blank rows below (a TOTAL row below is the table's total): the foot. */
  private atFoot(index: number): boolean {
    for (let r = index + 1; r <= this.lastIndex; r++)
      if (!isBlankRow(this.grid.values[r])) return false;
    return true;
  }
}

const SUBTOTAL_FIX =
  "nothing to do if it is a subtotal (label it 'Subtotal' to say so); if it is a post, give it a Post ID or grade (it is then read as a post)";

interface Found {
  verdict: Verdict;
  matched: readonly Figure[];
  missed: readonly Figure[];
  named: string | undefined;
}

function at(row: TableRow<PostField>): string {
  return row.cells.title ?? row.cells.fte ?? row.cells.currentFte ?? `A${row.sourceRow + 1}`;
}

function titleOf(row: TableRow<PostField>): string {
  return describeValue(typeof row.values.title === "string" ? row.values.title : "");
}

/** The whole table's total at its foot (as unlabelled-total has always said it). */
function totalIssue(sheet: string, row: TableRow<PostField>, sums: PostSums, found: Found): Issue {
  const fte = found.matched.find((f) => f.key === "fte")?.value ?? 0;
  const what = `${titleOf(row)} looks like a total, not a post: its FTE (${formatFigure(fte)}) is the sum of the ${sums.count} posts above it`;
  const taken = found.verdict === "taken";
  return issueAtAddress(
    sheet,
    at(row),
    "warning",
    "unlabelled-total",
    taken
      ? `${what}, so it is not costed`
      : `${what}${missedText(sums, found.missed)}; it is costed as a post`,
    taken
      ? "nothing to do if it is a total (label it 'Total' to say so); if it is a post, give it a Post ID or grade (it is then read as a post)"
      : "if it is a total, label it 'Total' so it is not costed; if it is a post, nothing to do"
  );
}

/** A block's subtotal: read as one (a note), or only looking like one (a warning, costed). */
function subtotalIssue(
  sheet: string,
  row: TableRow<PostField>,
  sums: PostSums,
  found: Found
): Issue {
  const rows =
    sums.count === 1 ? `row ${sums.first + 1}` : `rows ${sums.first + 1} to ${sums.last + 1}`;
  const posts = sums.count === 1 ? `the post on ${rows}` : `the ${sums.count} posts on ${rows}`;
  const { matched, missed, named } = found;
  const are = matched.length === 1 ? "is" : "are";
  if (found.verdict === "taken")
    return issueAtAddress(
      sheet,
      at(row),
      "info",
      "subtotal-row",
      `${titleOf(row)} is read as a subtotal of ${posts}, not a post: its ${figureList(matched)} ${are} their sums${named ? ` and its label names their ${named}` : ""}, so it is not costed`,
      SUBTOTAL_FIX
    );
  const but =
    missed.length > 0
      ? missedText(sums, missed)
      : sums.count === 1
        ? ": it may be a subtotal of that one post or a post of its own"
        : "";
  return issueAtAddress(
    sheet,
    at(row),
    "warning",
    "subtotal-row-unsure",
    `${titleOf(row)} looks like a subtotal of ${posts}${named ? `, its label naming their ${named}` : ""}: its ${figureList(matched)} ${are} their ${matched.length === 1 ? "sum" : "sums"}${but}; it is costed as a post`,
    "if it is a subtotal, label it 'Subtotal' (it is then checked, not costed) or correct its figures; if it is a post, nothing to do"
  );
}

/** ", but its Salary (£100,000) is not (their sum is £75,000, or £105,000 by FTE)", or nothing. */
function missedText(sums: PostSums, missed: readonly Figure[]): string {
  if (missed.length === 0) return "";
  const is = missed.length === 1 ? "is" : "are";
  return `, but its ${figureList(missed)} ${is} not (${missed.map((f) => sumsText(sums, f)).join("; ")})`;
}

/** "their sum is 5", "theirs are £75,000, or £105,000 by FTE". */
function sumsText(sums: PostSums, f: Figure): string {
  const [plain, byFte] = sums.sumsFor(f);
  if (plain === undefined) return `the posts have no ${labelOf(ESTABLISHMENT_SCHEMA, f.field)}`;
  if (!f.money) return `their sum is ${formatFigure(plain)}`;
  return byFte === undefined
    ? `their sum is ${formatPoundsInText(plain)}`
    : `their sum is ${formatPoundsInText(plain)}, or ${formatPoundsInText(byFte)} by FTE`;
}

function totalsRowOf(
  row: TableRow<PostField>,
  kind: TotalKind,
  figures: readonly Figure[]
): TotalsRow {
  const total: TotalsRow = {
    sourceRow: row.sourceRow,
    label: typeof row.values.title === "string" ? row.values.title : "",
    kind,
    fte: figures[0].value,
    cells: row.cells,
  };
  const headcount = numberIn(row, "headcount");
  if (headcount !== undefined) total.headcount = headcount;
  return total;
}
