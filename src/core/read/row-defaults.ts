/**
 * Blanks a row's figures rest on, said at the blank cell: a post whose headcount cell is
 * blank is costed for employer NI as its FTE rounded up, one whose pension rate cell is
 * blank at the assumed rate, and, costed at the actual point, one with no salary or point
 * at the bottom of its grade. The column being there is what makes the blank a
 * choice the build made for the user (with no column at all, one note at the table says so).
 */
import { columnLetters, type Issue } from "../grid";
import type { Assumptions, Establishment, PayScales, Post, PostField } from "../model";
import { gradeKey } from "../model";
import { formatNumber } from "../money";
import { issueAtAddress } from "./issues";

/** Past this many rows of one kind, one more note counts the rest instead of naming each. */
export const ROW_NOTES_MAX = 20;

/** People the engine costs for a post with no headcount (as costing/peopleFor). */
const peopleFromFte = (fte: number): number =>
  Number.isFinite(fte) && fte > 0 ? Math.max(1, Math.ceil(fte - 1e-9)) : 0;

/** The cell of `field` on the post's row (placed by its column when blank), when the table has that column. */
function cellOf(est: Establishment, post: Post, field: PostField): string | undefined {
  const column = est.columns[field];
  if (column === undefined) return undefined;
  return post.cells[field] ?? `${columnLetters(column)}${post.sourceRow + 1}`;
}

interface RowDefault {
  code: string;
  severity: "info" | "warning";
  field: PostField;
  /** Whether the post takes the default, and what it took. */
  /** `graded`: the grades the pay scales cost (by gradeKey). */
  taken: (post: Post, a: Assumptions, graded: ReadonlySet<string>) => string | undefined;
  fix: string;
  /** "rows … have a blank headcount": for the note that counts the rest. */
  many: string;
}

const ROW_DEFAULTS: readonly RowDefault[] = [
  {
    code: "headcount-blank",
    severity: "info",
    field: "headcount",
    taken: (post, a) => {
      const given = post.headcount;
      if (a.onCostMode === "flat" || (given !== undefined && given > 0) || !(post.fte > 0))
        return undefined;
      const people = peopleFromFte(post.fte);
      return `Headcount is ${given === 0 ? "0" : "blank"}, so the post's ${formatNumber(post.fte, 6)} FTE is taken as ${people} ${people === 1 ? "person" : "people"} for employer NI, which is worked out per person`;
    },
    fix: "type the number of people in post if it differs",
    many: "have a blank (or 0) headcount, each taken as its FTE rounded up for employer NI",
  },
  {
    code: "pension-rate-blank",
    severity: "info",
    field: "pensionRate",
    taken: (post, a) =>
      a.onCostMode === "flat" || post.pensionRate !== undefined
        ? undefined
        : `Pension rate is blank, so the assumed employer pension rate (${formatNumber(a.pensionRate * 100, 2)}%, set on the Assumptions sheet) is used for this post`,
    fix: "type the post's own employer pension rate if it has one",
    many: "have a blank pension rate, each costed at the assumed employer pension rate (set on the Assumptions sheet)",
  },
  {
    // A guess that changes the figure, so a warning: the engine costs the bottom of the grade.
    code: "actual-salary-missing",
    severity: "warning",
    field: "salary",
    taken: (post, a, graded) =>
      a.costingPoint !== "actual" ||
      post.salary !== undefined ||
      // A salary cell that could not be read has its error there: nothing is costed.
      post.cells.salary !== undefined ||
      post.spinalPoint !== undefined ||
      // No grade the pay scales cost and no range: the post's error says it is not costed.
      (post.minSalary === undefined &&
        post.maxSalary === undefined &&
        !(post.grade !== undefined && graded.has(gradeKey(post.grade))))
        ? undefined
        : "No actual salary or spinal point, so with costing point 'actual' the post is costed at the bottom of its grade",
    fix: "type the post-holder's salary or spinal point, or set another costing point",
    many: "have no actual salary or spinal point, each costed at the bottom of its grade",
  },
];

/** One note per blank a figure rests on, at its cell; past ROW_NOTES_MAX of a kind, one note counts the rest. */
export function rowDefaults(
  est: Establishment | undefined,
  a: Assumptions,
  payScales?: PayScales
): Issue[] {
  if (!est) return [];
  const graded = new Set(payScales?.points.map((p) => gradeKey(p.grade)));
  const issues: Issue[] = [];
  for (const d of ROW_DEFAULTS) {
    const hits: Array<{ address: string; message: string }> = [];
    for (const post of est.posts) {
      const address = cellOf(est, post, d.field);
      const message = address && d.taken(post, a, graded);
      if (address && message) hits.push({ address, message });
    }
    issues.push(...rowNotes(est.sheet, hits, d.severity, d.code, d.fix, d.many));
  }
  return issues;
}

/**
 * Notes of one kind at their cells: the first ROW_NOTES_MAX, then one note counting the
 * rest at the first of them ("3 more rows from E25 " + many).
 */
export function rowNotes(
  sheet: string,
  hits: ReadonlyArray<{ address: string; message: string }>,
  severity: "info" | "warning",
  code: string,
  fix: string,
  many: string
): Issue[] {
  const issues = hits
    .slice(0, ROW_NOTES_MAX)
    .map((h) => issueAtAddress(sheet, h.address, severity, code, h.message, fix));
  const rest = hits.slice(ROW_NOTES_MAX);
  if (rest.length > 0)
    issues.push(
      issueAtAddress(
        sheet,
        rest[0].address,
        severity,
        code,
        `${rest.length} more row${rest.length === 1 ? "" : "s"} from ${rest[0].address} ${many}`,
        fix
      )
    );
  return issues;
}
