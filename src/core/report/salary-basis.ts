/**
 * Which salary a post was costed at, in words for the sheet's "Costed at" column: a finance
 * officer checking a figure needs to know whether it is the post-holder's salary, a point of
 * the pay scales, or a point worked out from the grade's minimum and maximum.
 */
import { isMoney, type PostCosting } from "../costing";
import type { CostingPoint } from "../model";
import { formatPoundsInText } from "../money";

const POINT_WORD: Record<Exclude<CostingPoint, "actual">, string> = {
  bottom: "Bottom",
  mid: "Mid-point",
  top: "Top",
};

const pounds = formatPoundsInText;

/** Where on its grade the post starts: the costing point, or for "actual" what was found. */
function pointWord(pc: PostCosting, costingPoint: CostingPoint): string {
  if (costingPoint !== "actual") return POINT_WORD[costingPoint];
  const { post, pay } = pc;
  if (
    pay.source === "pay-scales" &&
    post.spinalPoint !== undefined &&
    pay.startPoint === post.spinalPoint
  )
    return "Actual point";
  if (isMoney(post.salary)) return "Actual salary";
  // The engine's fallback, which its warning also names.
  return "Bottom (no actual salary or point)";
}

export function salaryBasis(pc: PostCosting, costingPoint: CostingPoint): string {
  const { pay, post } = pc;
  if (pay.source === "none") return "No salary, grade range or pay scale: £0";
  if (pay.source === "salary")
    return post.cells.proRataSalary && !post.cells.salary
      ? "Salary pro rata ÷ FTE"
      : // A casual or sessional row's pay by the hour (read/hourly-pay.ts): no salary cell.
        post.cells.agencyHourlyRate && !post.cells.salary
        ? "Hourly rate × hours × 52 ÷ FTE"
        : "Salary as given";
  if (pay.spine) return `Pay spine: SCP ${pay.startPoint}`;
  const at = pointWord(pc, costingPoint);
  if (pay.source === "pay-scales") {
    if (pay.startBetween)
      return `${at}: mean of SCP ${pay.startBetween[0]} and ${pay.startBetween[1]}`;
    return `${at}: SCP ${pay.startPoint}`;
  }
  const { minSalary: lo, maxSalary: hi } = post;
  if (!isMoney(lo) || !isMoney(hi))
    return `Grade ${isMoney(lo) ? "minimum" : "maximum"} ${pounds((isMoney(lo) ? lo : hi) as number)}`;
  const range = `${pounds(Math.min(lo, hi))}–${pounds(Math.max(lo, hi))}`;
  if (at === "Mid-point") return `Mid-point of ${range}: (min + max) / 2`;
  if (at === "Actual salary") return `Actual salary, a point of ${range}`;
  return `${at} of ${range}`;
}
