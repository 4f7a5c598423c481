import type { FinancialYear } from "../dates";
import type { CostingPoint, PayAward, PayScales, Post } from "../model";
import { gradeKey } from "../model";
import { roundPenny } from "../money";

/**
 * A pay award on one salary: the percentage, or the flat cash minimum when that is more
 * ("£1,290 or 2.5%, whichever is higher": £20,000 → £21,290; £60,000 → £61,500).
 */
export function applyPayAward(
  salary: number,
  award: Pick<PayAward, "percent" | "flatMinimum">
): number {
  const byPercent = salary + salary * award.percent;
  const byFlat = award.flatMinimum ? salary + award.flatMinimum : byPercent;
  return byPercent > byFlat ? byPercent : byFlat;
}

/**
 * A salary in force in baseYear, carried to FY `fy` by every award after baseYear up to
 * and including fy. Awards compound: each one raises the salary the previous left.
 * Awards for baseYear itself or earlier are taken to be in the base figure already.
 */
export function salaryInYear(
  baseSalary: number,
  baseYear: FinancialYear,
  fy: FinancialYear,
  awards: readonly PayAward[]
): number {
  let s = baseSalary;
  for (let y = baseYear + 1; y <= fy; y++) {
    const award = awards.find((a) => a.year === y);
    if (award) s = applyPayAward(s, award);
  }
  return s;
}

/** One rung of a post's pay ladder: a spinal point (when known) and its base-year salary. */
export interface LadderPoint {
  /** Spinal column point number from the pay scales table; absent for derived or actual salaries. */
  point?: number;
  /** Full-time annual salary in the base year (assumptions.firstYear). */
  salary: number;
  /**
   * The two spinal points this rung is the mean of: the mid-point of a grade with an even
   * number of points, whose salary each year is the mean of theirs.
   */
  meanOf?: [number, number];
}

/** Where a post's pay came from, for the methodology and warnings. */
export type PaySource = "pay-scales" | "grade-range" | "salary" | "none";

/** The points a post can move through, bottom to top, and where it starts. */
export interface PayLadder {
  /** Grade as written in the pay scales table, when it came from there. */
  grade?: string;
  points: LadderPoint[];
  /** Index into points of the costing point. */
  start: number;
  source: PaySource;
  warning?: string;
}

/**
 * Points evenly spaced from the grade minimum to the maximum, `steps` points including
 * both ends; the ones between are rounded to the penny. One point when steps ≤ 1 or the
 * minimum equals the maximum.
 */
export function gradePoints(minSalary: number, maxSalary: number, steps: number): number[] {
  const n = Math.max(1, Math.floor(steps));
  if (n === 1 || maxSalary <= minSalary) return [minSalary];
  const out: number[] = [minSalary];
  for (let i = 1; i < n - 1; i++)
    out.push(roundPenny(minSalary + ((maxSalary - minSalary) * i) / (n - 1)));
  out.push(maxSalary);
  return out;
}

/**
 * Index of the costing point: bottom, top, or the middle point. For an even number of
 * points the mid-point is the mean of the two middle ones (see midPair), which this gives
 * the upper of: the point a post costed there moves to at its first increment.
 */
export function costingPointIndex(points: number, costingPoint: CostingPoint): number {
  if (points <= 1) return 0;
  if (costingPoint === "top") return points - 1;
  if (costingPoint === "mid") return Math.floor(points / 2);
  return 0;
}

/**
 * The two middle points (indices) whose mean is the mid-point of an even number of
 * points; undefined for an odd number, whose mid-point is its middle point. A grade known
 * only by its minimum and maximum has its points evenly spaced between them, so the mean of
 * its two middle points is (min + max) / 2, the mid-point a finance officer means.
 */
export function midPair(points: number): [number, number] | undefined {
  return points >= 2 && points % 2 === 0 ? [points / 2 - 1, points / 2] : undefined;
}

/**
 * The ladder from the costing point: for a mid-point between two points, a rung of their
 * mean (to the penny) below the upper one, which the post moves to at its first increment.
 * A grade known by its minimum and maximum takes ROUND((min + max) / 2, 2) itself, the
 * figure a finance officer works out, rather than the mean of two rounded points.
 */
function fromCostingPoint(
  points: LadderPoint[],
  costingPoint: CostingPoint,
  range?: { min: number; max: number }
): { points: LadderPoint[]; start: number } {
  const pair = costingPoint === "mid" ? midPair(points.length) : undefined;
  if (!pair) return { points, start: costingPointIndex(points.length, costingPoint) };
  const [lo, hi] = [points[pair[0]], points[pair[1]]];
  const mean: LadderPoint = {
    salary: roundPenny(range ? (range.min + range.max) / 2 : (lo.salary + hi.salary) / 2),
  };
  if (lo.point !== undefined && hi.point !== undefined) mean.meanOf = [lo.point, hi.point];
  return { points: [mean, ...points.slice(pair[1])], start: 0 };
}

/** Pay scales indexed by grade: point → salary by year (undefined year = the base year). */
export interface PayScaleIndex {
  grades: Map<
    string,
    { grade: string; points: Map<number, Map<FinancialYear | undefined, number>> }
  >;
}

export function indexPayScales(payScales: PayScales | undefined): PayScaleIndex {
  const grades: PayScaleIndex["grades"] = new Map();
  for (const p of payScales?.points ?? []) {
    // A pay spine's points have no grade (""): a post is priced at its own point on it.
    if (!Number.isFinite(p.salary)) continue;
    const key = gradeKey(p.grade);
    let g = grades.get(key);
    if (!g) grades.set(key, (g = { grade: p.grade, points: new Map() }));
    let byYear = g.points.get(p.point);
    if (!byYear) g.points.set(p.point, (byYear = new Map()));
    byYear.set(p.year, p.salary);
  }
  return { grades };
}

/** A point's salary in the base year: the undated figure, else that year's, else the nearest published. */
function baseFigure(
  byYear: Map<FinancialYear | undefined, number>,
  baseYear: FinancialYear
): number {
  const undated = byYear.get(undefined);
  if (undated !== undefined) return undated;
  const exact = byYear.get(baseYear);
  if (exact !== undefined) return exact;
  const years = [...byYear.keys()]
    .filter((y): y is number => y !== undefined)
    .sort((a, b) => a - b);
  const before = years.filter((y) => y < baseYear);
  return byYear.get(before.length ? before[before.length - 1] : years[0]) as number;
}

/**
 * The ladder a post moves along. In order of preference: the pay scales table for its
 * grade; the grade minimum and maximum with `gradeSteps` points; its actual salary alone.
 * An actual salary that is not on a point starts its own rung and moves to the next
 * point above at the first increment.
 */
export function payLadderFor(
  post: Pick<Post, "grade" | "minSalary" | "maxSalary" | "salary" | "spinalPoint">,
  costingPoint: CostingPoint,
  gradeSteps: number,
  scales: PayScaleIndex,
  baseYear: FinancialYear
): PayLadder {
  const scale = post.grade !== undefined ? scales.grades.get(gradeKey(post.grade)) : undefined;
  // A pay spine (points with no grade) prices a post at its own point, with no increments:
  // it does not say where the grade's points stop.
  const onSpine =
    !scale && post.spinalPoint !== undefined
      ? scales.grades.get("")?.points.get(post.spinalPoint)
      : undefined;
  if (onSpine)
    return {
      grade: "",
      points: [{ point: post.spinalPoint, salary: baseFigure(onSpine, baseYear) }],
      start: 0,
      source: "pay-scales",
    };
  let points: LadderPoint[] | undefined;
  let source: PaySource = "none";
  let grade: string | undefined;
  let range: { min: number; max: number } | undefined;
  if (scale && scale.points.size > 0) {
    points = [...scale.points.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([point, byYear]) => ({ point, salary: baseFigure(byYear, baseYear) }));
    source = "pay-scales";
    grade = scale.grade;
  } else if (isMoney(post.minSalary) && isMoney(post.maxSalary)) {
    const lo = Math.min(post.minSalary, post.maxSalary);
    const hi = Math.max(post.minSalary, post.maxSalary);
    points = gradePoints(lo, hi, gradeSteps).map((salary) => ({ salary }));
    source = "grade-range";
    range = { min: lo, max: hi };
  } else if (isMoney(post.minSalary) || isMoney(post.maxSalary)) {
    points = [{ salary: (isMoney(post.minSalary) ? post.minSalary : post.maxSalary) as number }];
    source = "grade-range";
  }

  if (costingPoint === "actual") {
    if (points && source === "pay-scales" && post.spinalPoint !== undefined) {
      const i = points.findIndex((p) => p.point === post.spinalPoint);
      if (i >= 0) return { grade, points, start: i, source };
    }
    if (isMoney(post.salary)) {
      if (!points) return { points: [{ salary: post.salary }], start: 0, source: "salary" };
      const at = points.findIndex((p) => Math.abs(p.salary - post.salary!) < 0.005);
      if (at >= 0) return { grade, points, start: at, source };
      const above = points.filter((p) => p.salary > post.salary!);
      return { grade, points: [{ salary: post.salary }, ...above], start: 0, source: "salary" };
    }
    if (points) {
      return {
        grade,
        points,
        start: 0,
        source,
        warning: "no actual salary or spinal point: costed at the bottom of the grade",
      };
    }
  }
  if (points) return { grade, ...fromCostingPoint(points, costingPoint, range), source };
  if (isMoney(post.salary))
    return { points: [{ salary: post.salary }], start: 0, source: "salary" };
  return {
    points: [{ salary: 0 }],
    start: 0,
    source: "none",
    warning: "no salary, grade range or pay scale: costed at £0",
  };
}

/** A salary the engine will price from: a finite amount, 0 or more. */
export function isMoney(x: number | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x) && x >= 0;
}

/**
 * Salaries of every rung in each FY of the window, row-major [year][rung]: published
 * figures where the pay scales table has that year, otherwise last year's salary with
 * this year's award. A figure published for a later year than baseYear replaces the
 * awarded one from that year on.
 */
export function ladderSalaries(
  ladder: PayLadder,
  firstYear: FinancialYear,
  years: number,
  baseYear: FinancialYear,
  awards: readonly PayAward[],
  scales: PayScaleIndex
): Float64Array {
  const n = ladder.points.length;
  const out = new Float64Array(years * n);
  const scale = ladder.grade !== undefined ? scales.grades.get(gradeKey(ladder.grade)) : undefined;
  const last = firstYear + years - 1;
  for (let r = 0; r < n; r++) {
    const rung = ladder.points[r];
    const published =
      rung.point !== undefined
        ? scale?.points.get(rung.point)
        : rung.meanOf && scale && meanPublished(scale.points, rung.meanOf);
    // Years up to the base year: the base figure (never deflated), or that year's own.
    for (let fy = firstYear; fy <= Math.min(baseYear, last); fy++) {
      out[(fy - firstYear) * n + r] = published?.get(fy) ?? rung.salary;
    }
    let s = rung.salary;
    for (let fy = baseYear + 1; fy <= last; fy++) {
      const pub = published?.get(fy);
      if (pub !== undefined) s = pub;
      else {
        const award = awards.find((a) => a.year === fy);
        if (award) s = applyPayAward(s, award);
      }
      if (fy >= firstYear) out[(fy - firstYear) * n + r] = s;
    }
  }
  return out;
}

/** The figures published for both of two points, by year, as their mean: a mid-point's. */
function meanPublished(
  points: Map<number, Map<FinancialYear | undefined, number>>,
  [lo, hi]: [number, number]
): Map<FinancialYear | undefined, number> | undefined {
  const a = points.get(lo);
  const b = points.get(hi);
  if (!a || !b) return undefined;
  const out = new Map<FinancialYear | undefined, number>();
  for (const [year, x] of a) {
    const y = b.get(year);
    if (y !== undefined) out.set(year, roundPenny((x + y) / 2));
  }
  return out;
}

/**
 * Full-time salary at point `index` (0 = bottom; clamped to the top) of a grade whose
 * base-year point salaries are `points`, in FY `fy` after the awards since baseYear.
 */
export function salaryAtPoint(
  points: readonly number[],
  index: number,
  baseYear: FinancialYear,
  fy: FinancialYear,
  awards: readonly PayAward[]
): number {
  if (points.length === 0) return 0;
  const i = Math.max(0, Math.min(points.length - 1, Math.floor(index)));
  return salaryInYear(points[i], baseYear, fy, awards);
}
