/** A post's pay as live formulas write it: the cells its salary comes from. */
import { costingPointIndex, gradeKey, isMoney, midPair } from "../costing";
import type { FinancialYear } from "../dates";
import { fromA1 } from "../grid";
import { roundPenny } from "../money";
import type { Assumptions, Establishment, PayPoint, PayScales, Post } from "../model";
import { add, div, lit, mul, ROUND, sourceRef, sub, type Expr } from "./expr";
import { salaryOf } from "./estab-calls";
import { postCell } from "./post-inputs";
import type { TextCell } from "./text-numbers";

/**
 * A post costed from its grade's minimum and maximum (costing point bottom, mid or top, no
 * pay scale): its salary points as formulas over the two cells, and the values those
 * formulas give. The points are gradePoints(min, max, gradeSteps) written out:
 * ROUND(min+(max-min)*k/(steps-1),2), the ends being the cells themselves.
 */
export interface GradeRangePay {
  /** The salary at the costing point: the min cell, the max cell, or a ROUND over both. */
  salaryExpr: Expr;
  /** What `salaryExpr` gives now. */
  salaryValue: number;
  /** Every point, bottom to top, as one array expression (the min cell alone for one point); only when asked for. */
  pointsExpr?: Expr;
  /** What `pointsExpr` gives now. */
  pointValues?: number[];
}

/**
 * What a sheet prices a post's pay for: one year (ESTAB.POSTCOST reads only the salary) or
 * several (ESTAB.PROFILE also reads the grade's points, which are then written out).
 */
export type PayFor = "year" | "years";

/** Why a post's pay is not its grade range as the formulas write it, or the range. */
export function gradeRangePay(
  est: Establishment,
  post: Post,
  a: Assumptions,
  textCell?: TextCell,
  payFor: PayFor = "years"
): GradeRangePay | string {
  if (a.costingPoint === "actual") return "costed at the actual salary, and there is none";
  const min = rangeEnd(est, post, "minSalary", textCell);
  const max = rangeEnd(est, post, "maxSalary", textCell);
  if (!min || !max)
    return post.minSalary !== undefined && post.maxSalary !== undefined && !post.cells.minSalary
      ? "its grade's minimum and maximum are typed in one cell, as text no formula can read"
      : "no salary cell, and no grade minimum and maximum cells";
  const lo = post.minSalary;
  const hi = post.maxSalary;
  if (lo === undefined || hi === undefined || !(lo >= 0) || !(hi >= 0))
    return "the grade minimum or maximum is not a salary";
  if (hi < lo) return "the grade maximum is below the minimum";
  const n = Math.max(1, Math.floor(a.gradeSteps));
  const i = costingPointIndex(n, a.costingPoint);
  // A mid-point between two points: ROUND((min + max) / 2, 2), as payLadderFor takes it.
  const mid = a.costingPoint === "mid" && midPair(n) !== undefined;
  // The formulas always make n points; gradePoints makes one when min = max, the same salary.
  const salaryExpr = mid
    ? ROUND(div(add(min, max), lit(2)), 2)
    : i === 0
      ? min
      : i === n - 1
        ? max
        : gradeSpan(min, max, lit(i), n);
  const salaryValue = mid
    ? roundPenny((lo + hi) / 2)
    : i === 0
      ? lo
      : i === n - 1
        ? hi
        : roundPenny(lo + ((hi - lo) * i) / (n - 1));
  if (payFor === "year") return { salaryExpr, salaryValue };
  const ks = Array.from({ length: n }, (_, k) => k);
  return {
    salaryExpr,
    salaryValue,
    pointsExpr: n === 1 ? min : gradeSpan(min, max, lit([ks]), n),
    pointValues: n === 1 ? [lo] : ks.map((k) => roundPenny(lo + ((hi - lo) * k) / (n - 1))),
  };
}

/**
 * A grade minimum or maximum cell; one typed as text ("£33,366") is read by ESTAB.SALARY, as
 * the functions read salaries: arithmetic over the text would be #VALUE! outside Excel's locale.
 */
function rangeEnd(
  est: Establishment,
  post: Post,
  field: "minSalary" | "maxSalary",
  textCell: TextCell | undefined
): Expr | undefined {
  const ref = postCell(est, post, field);
  const address = post.cells[field];
  return ref && address && textCell?.(est.sheet, address) ? salaryOf(ref) : ref;
}

/** ROUND(min+(max-min)*k/(n-1),2): the same arithmetic, in the same order, as gradePoints. */
const gradeSpan = (min: Expr, max: Expr, k: Expr, n: number): Expr =>
  ROUND(add(min, div(mul(sub(max, min), k), lit(n - 1))), 2);

/**
 * Costed from the grade range, as payLadderFor does: the post has a grade minimum or
 * maximum, and the costing point is bottom, mid or top, or there is no actual salary.
 */
export const paidFromGrade = (post: Post, a: Assumptions): boolean =>
  (post.minSalary !== undefined || post.maxSalary !== undefined) &&
  (a.costingPoint !== "actual" || post.salary === undefined);

/**
 * A post's pay as the live formulas write it, priced the way the engine prices it
 * (payLadderFor): from the pay scales table for its grade, else its grade's minimum and
 * maximum, else its salary. One year (ESTAB.POSTCOST) needs only `salary`; several years
 * (ESTAB.PROFILE) need `profileSalary` and, for a post that moves up a grade, `points`.
 */
export interface PostPay {
  /** Where the pay comes from, as payLadderFor decides it. */
  source: "salary" | "grade-range" | "pay-scales";
  /**
   * The full-time salary in the costing year (a.firstYear) at the costing point, as
   * ESTAB.POSTCOST's salary argument: the salary cell, the grade range expression, or
   * the pay scale cell of the point (the one published for that year, when dated). The
   * pay is expressions only: the sheets print them where they use them.
   */
  salaryExpr: Expr;
  /** What `salaryExpr` gives now. */
  salaryValue: number;
  /** ESTAB.PROFILE's salary argument: a cell; undefined for the costing point of the points (the argument left out). */
  profileSalaryExpr?: Expr;
  /** What ESTAB.PROFILE reads from `profileSalaryExpr` (undefined: blank, the costing point). */
  profileSalaryValue?: number;
  /** ESTAB.PROFILE's points argument: the grade's salaries, bottom to top; absent for a salary alone. */
  pointsExpr?: Expr;
  /** What `pointsExpr` gives now. */
  pointValues?: number[];
  /**
   * Why the grade's points cannot be written for ESTAB.PROFILE (pay scales published by
   * year, or cells not one contiguous range): one-year formulas still can, multi-year not.
   */
  pointsReason?: string;
}

/**
 * The pay scales' points (with a salary) by grade key, in the table's order: every post of
 * every sheet asks for its grade's, so the table is grouped once, not filtered per post.
 */
function pointsOfGrade(scales: PayScales): Map<string, PayPoint[]> {
  let byGrade = gradePoints.get(scales.points);
  if (byGrade) return byGrade;
  byGrade = new Map();
  for (const p of scales.points) {
    if (!Number.isFinite(p.salary)) continue;
    const key = gradeKey(p.grade);
    const list = byGrade.get(key);
    if (list) list.push(p);
    else byGrade.set(key, [p]);
  }
  gradePoints.set(scales.points, byGrade);
  return byGrade;
}

/** Keyed by the points array: a reader's pay scales are not changed once read. */
const gradePoints = new WeakMap<readonly PayPoint[], Map<string, PayPoint[]>>();

/**
 * The pay of `post` as formula text over the establishment's and the pay scales' cells,
 * or why it cannot be written. The fields read are grade, salary, minSalary, maxSalary
 * and spinalPoint, and the cells of salary, minSalary and maxSalary: to price a post as
 * proposed (a regrade), pass the proposed post with its cells pointing at what it is
 * priced from (e.g. cells.salary = the proposed salary cell, no min/max cells). The
 * costing year is a.firstYear: pass { ...a, firstYear: fy } to price another year. The
 * grade's points are made only for `payFor` "years" (ESTAB.PROFILE).
 */
export function payOf(
  est: Establishment,
  post: Post,
  a: Assumptions,
  scales?: PayScales,
  textCell?: TextCell,
  payFor: PayFor = "years"
): PostPay | string {
  const entries = scales ? payScaleEntries(post, pointsOfGrade(scales)) : undefined;
  if (entries && scales) return payScalePay(est, post, a, scales, entries, payFor);
  const salaryExpr = postCell(est, post, "salary");
  if (isMoney(post.minSalary) || isMoney(post.maxSalary)) {
    const actual = a.costingPoint === "actual";
    const range = gradeRangePay(
      est,
      post,
      actual ? { ...a, costingPoint: "bottom" } : a,
      textCell,
      payFor
    );
    if (typeof range === "string") return range;
    if (actual && isMoney(post.salary)) {
      // Moves up the grade's points from the actual salary, as payLadderFor does.
      if (!salaryExpr) return "no salary cell";
      return {
        source: "grade-range",
        salaryExpr,
        salaryValue: post.salary,
        profileSalaryValue: post.salary || undefined,
        profileSalaryExpr: salaryExpr,
        pointValues: range.pointValues,
        pointsExpr: range.pointsExpr,
      };
    }
    // At the costing point; with "actual" and no salary, the bottom (the engine's fallback).
    return {
      source: "grade-range",
      salaryExpr: range.salaryExpr,
      salaryValue: range.salaryValue,
      pointValues: range.pointValues,
      pointsExpr: range.pointsExpr,
    };
  }
  if (isMoney(post.salary)) {
    if (!salaryExpr) return "no salary cell";
    return {
      source: "salary",
      salaryExpr,
      salaryValue: post.salary,
      profileSalaryValue: post.salary,
      profileSalaryExpr: salaryExpr,
    };
  }
  return "no salary, grade range or pay scale";
}

/**
 * The pay scales' rows that price a post, as payLadderFor finds them: its grade's, else
 * its own spinal point's on a pay spine (points with no grade, ""), the one point alone.
 */
function payScaleEntries(post: Post, byGrade: Map<string, PayPoint[]>): PayPoint[] | undefined {
  const graded = post.grade !== undefined ? byGrade.get(gradeKey(post.grade)) : undefined;
  if (graded || post.spinalPoint === undefined) return graded;
  const own = byGrade.get("")?.filter((p) => p.point === post.spinalPoint);
  return own?.length ? own : undefined;
}

/** Pay from the pay scales table's rows for the post's grade (`entries`, non-empty). */
function payScalePay(
  est: Establishment,
  post: Post,
  a: Assumptions,
  scales: PayScales,
  entries: PayPoint[],
  payFor: PayFor
): PostPay | string {
  const fy = a.firstYear;
  // Point → its rows by year, the last row winning as in indexPayScales.
  const byPoint = new Map<number, Map<FinancialYear | undefined, PayPoint>>();
  for (const p of entries) {
    let byYear = byPoint.get(p.point);
    if (!byYear) byPoint.set(p.point, (byYear = new Map()));
    byYear.set(p.year, p);
  }
  const order = [...byPoint.keys()].sort((x, y) => x - y);
  // The row giving a point's salary in FY fy: that year's, else the undated, else the latest before, else the first.
  const rowIn = (point: number): PayPoint => {
    const byYear = byPoint.get(point) as Map<FinancialYear | undefined, PayPoint>;
    const exact = byYear.get(fy) ?? byYear.get(undefined);
    if (exact) return exact;
    const years = [...byYear.keys()]
      .filter((y): y is number => y !== undefined)
      .sort((x, y) => x - y);
    const before = years.filter((y) => y < fy);
    return byYear.get(before.length ? before[before.length - 1] : years[0]) as PayPoint;
  };
  const salaryCell = postCell(est, post, "salary");
  // Where the post starts: its spinal point or actual salary (costing point "actual"), else the costing point.
  let startPoint: number | undefined;
  let own: { cell: Expr; value: number } | undefined;
  if (a.costingPoint === "actual") {
    if (post.spinalPoint !== undefined && byPoint.has(post.spinalPoint))
      startPoint = post.spinalPoint;
    else if (isMoney(post.salary)) {
      if (!salaryCell) return "no salary cell";
      own = { cell: salaryCell, value: post.salary };
    } else startPoint = order[0];
  } else startPoint = order[costingPointIndex(order.length, a.costingPoint)];
  const pair = a.costingPoint === "mid" ? midPair(order.length) : undefined;

  let salaryExpr: Expr;
  let salaryValue: number;
  if (own) {
    salaryExpr = own.cell;
    salaryValue = own.value;
  } else if (pair) {
    // The mean of the two middle points' cells, as payLadderFor's mid-point.
    const [lo, hi] = pair.map((k) => rowIn(order[k]));
    if (!lo.cell || !hi.cell) return `no cell address for a middle point of grade ${lo.grade}`;
    salaryExpr = ROUND(
      div(
        add(
          sourceRef(scales.sheet, lo.cell, lo.salary),
          sourceRef(scales.sheet, hi.cell, hi.salary)
        ),
        lit(2)
      ),
      2
    );
    salaryValue = roundPenny((lo.salary + hi.salary) / 2);
  } else {
    const row = rowIn(startPoint as number);
    if (!row.cell) return `no cell address for point ${row.point} of grade ${row.grade}`;
    salaryExpr = sourceRef(scales.sheet, row.cell, row.salary);
    salaryValue = row.salary;
  }
  const points = payFor === "years" ? pointsRange(byPoint, order, scales.sheet) : {};
  return {
    source: "pay-scales",
    salaryExpr,
    salaryValue,
    // "actual": the function finds the start by salary; otherwise left out, the costing point.
    profileSalaryValue: a.costingPoint === "actual" ? salaryValue || undefined : undefined,
    ...(a.costingPoint === "actual" ? { profileSalaryExpr: salaryExpr } : {}),
    ...(typeof points === "string"
      ? { pointsReason: `grade ${entries[0].grade}: ${points}` }
      : points),
  };
}

/** The grade's undated salary cells as one range, bottom point first, or why they are not. */
function pointsRange(
  byPoint: Map<number, Map<FinancialYear | undefined, PayPoint>>,
  order: number[],
  sheet: string
): { pointValues: number[]; pointsExpr: Expr } | string {
  const rows: PayPoint[] = [];
  for (const point of order) {
    const byYear = byPoint.get(point) as Map<FinancialYear | undefined, PayPoint>;
    if (byYear.size !== 1 || !byYear.has(undefined))
      return `the pay scales give point ${point} a figure by year, which the points argument cannot carry`;
    rows.push(byYear.get(undefined) as PayPoint);
  }
  const at = rows.map((p) => cellAt(p.cell));
  if (at.some((c) => !c)) return "a point has no cell address";
  const cells = at as Array<{ row: number; column: number }>;
  const down = cells.every((c, i) => c.column === cells[0].column && c.row === cells[0].row + i);
  const across = cells.every((c, i) => c.row === cells[0].row && c.column === cells[0].column + i);
  if (!down && !across)
    return "its salary cells are not one contiguous range in point order, as the points argument needs";
  const values = rows.map((p) => p.salary);
  if (values.some((v, i) => i > 0 && v < values[i - 1]))
    return "its salaries do not go up from point to point, as the points argument needs";
  const last = rows[rows.length - 1].cell as string;
  const pointsExpr =
    rows.length === 1
      ? sourceRef(sheet, last, values[0])
      : sourceRef(sheet, `${rows[0].cell}:${last}`, down ? values.map((v) => [v]) : [values]);
  return { pointValues: values, pointsExpr };
}

function cellAt(address: string | undefined): { row: number; column: number } | undefined {
  if (!address) return undefined;
  try {
    return fromA1(address);
  } catch {
    return undefined;
  }
}
