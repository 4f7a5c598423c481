/** A post's pay as live formulas write it: the cells its salary comes from. */
import { costingPointIndex } from "../../costing";
import { roundPenny } from "../../money";
import type { Assumptions, Establishment, Post } from "../../model";
import { refTo } from "./common";

/**
 * A post costed from its grade's minimum and maximum (costing point bottom, mid or top, no
 * pay scale): its salary points as formulas over the two cells, and the values those
 * formulas give. The points are gradePoints(min, max, gradeSteps) written out:
 * ROUND(min+(max-min)*k/(steps-1),2), the ends being the cells themselves.
 */
export interface GradeRangePay {
  /** The salary at the costing point: the min cell, the max cell, or a ROUND over both. */
  salary: string;
  /** What `salary` gives now. */
  salaryValue: number;
  /** Every point, bottom to top, as one array expression (the min cell alone for one point). */
  points: string;
  /** What `points` gives now. */
  pointValues: number[];
}

/** Why a post's pay is not its grade range as the formulas write it, or the range. */
export function gradeRangePay(
  est: Establishment,
  post: Post,
  a: Assumptions
): GradeRangePay | string {
  const min = refTo(est, post, "minSalary");
  const max = refTo(est, post, "maxSalary");
  if (a.costingPoint === "actual") return "costed at the actual salary, and there is none";
  if (!min || !max) return "no salary cell, and no grade minimum and maximum cells";
  const lo = post.minSalary;
  const hi = post.maxSalary;
  if (lo === undefined || hi === undefined || !(lo >= 0) || !(hi >= 0))
    return "the grade minimum or maximum is not a salary";
  if (hi < lo) return "the grade maximum is below the minimum";
  const n = Math.max(1, Math.floor(a.gradeSteps));
  // The formulas always make n points; gradePoints makes one when min = max, the same salary.
  const at = (k: number): number =>
    k === 0 ? lo : k === n - 1 ? hi : roundPenny(lo + ((hi - lo) * k) / (n - 1));
  const point = (k: number): string =>
    k === 0 ? min : k === n - 1 ? max : `ROUND(${min}+(${max}-${min})*${k}/${n - 1},2)`;
  const i = costingPointIndex(n, a.costingPoint);
  const ks = Array.from({ length: n }, (_, k) => k);
  return {
    salary: point(i),
    salaryValue: at(i),
    points: n === 1 ? min : `ROUND(${min}+(${max}-${min})*{${ks.join(",")}}/${n - 1},2)`,
    pointValues: n === 1 ? [lo] : ks.map((k) => roundPenny(lo + ((hi - lo) * k) / (n - 1))),
  };
}

/**
 * Costed from the grade range, as payLadderFor does: the post has a grade minimum or
 * maximum, and the costing point is bottom, mid or top, or there is no actual salary.
 */
export const paidFromGrade = (post: Post, a: Assumptions): boolean =>
  (post.minSalary !== undefined || post.maxSalary !== undefined) &&
  (a.costingPoint !== "actual" || post.salary === undefined);
