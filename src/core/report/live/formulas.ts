/** A post's ESTAB.PROFILE formulas, and the figures they give (the same core calls the function makes). */
import { costingWindow, costPost, plainAssumptions, type CostFigures } from "../../costing";
import { financialYearLabel } from "../../dates";
import type { Assumptions, Establishment, PayScales, Post } from "../../model";
import {
  cellRef,
  FIGURE_ARG,
  headcountArg,
  numberText,
  quoted,
  refTo,
  settingsConstant,
  settingsOf,
  type Figure,
} from "./common";
import type { PostPay } from "./pay";

/** Pay awards as an array constant of FY, percentage and flat minimum rows; "" when none. */
export function awardsConstant(a: Assumptions): string {
  if (a.payAwards.length === 0) return "";
  const rows = a.payAwards.map(
    (w) =>
      `${quoted(financialYearLabel(w.year))},${numberText(w.percent)},${numberText(w.flatMinimum ?? 0)}`
  );
  return `{${rows.join(";")}}`;
}

/**
 * =INDEX(ESTAB.PROFILE(salary, fte, firstFy, years, start, end, awards, points, headcount,
 * pensionRate, figure, settings), 1, k): year k of the post's profile over the window
 * ("total" by default; "salary", "ni", "pension", "levy" or "flat" for the detail table).
 * `pay` (payOf) gives the salary and the grade's points; without it, the salary cell.
 * `table`: the Assumptions sheet's Setting | Value block as the settings (awards included).
 */
export function profileYearFormula(
  est: Establishment,
  post: Post,
  a: Assumptions,
  k: number,
  pay?: PostPay,
  figure: Figure = "total",
  table?: string
): string | undefined {
  const salary = pay ? pay.profileSalary : refTo(est, post, "salary");
  const fte = refTo(est, post, "fte", "currentFte");
  if (salary === undefined || !fte) return undefined;
  const points = pay?.points;
  // The Assumptions sheet's whole block, when there is one, carries the settings and the
  // pay awards, so an edit there is followed; else both as constants.
  const settings =
    table ?? settingsConstant(a, { grantDates: true, gradePoints: points !== undefined });
  const args = [
    salary,
    fte,
    quoted(financialYearLabel(a.firstYear)),
    numberText(a.years),
    cellRef(est, post, "startDate") ?? "",
    cellRef(est, post, "endDate") ?? "",
    table ? "" : awardsConstant(a),
    points ?? "",
    headcountArg(est, post),
    cellRef(est, post, "pensionRate") ?? "",
    quoted(FIGURE_ARG[figure]),
  ];
  if (settings) args.push(settings);
  return `=INDEX(ESTAB.PROFILE(${args.join(",")}),1,${k})`;
}

/**
 * Each year's figures of a post as ESTAB.PROFILE gives them with `pay`'s salary and points
 * (without `pay`: the post's salary alone): the same core call the function makes.
 */
export function profileYears(post: Post, a: Assumptions, pay?: PostPay): CostFigures[] {
  const points = pay?.points !== undefined ? pay.pointValues : undefined;
  const assumptions = plainAssumptions(a.firstYear, a.years, {
    ...settingsOf(a),
    payAwards: a.payAwards,
    ...(points
      ? {
          costingPoint: a.costingPoint,
          incrementRule: a.incrementRule,
          incrementServiceMonths: a.incrementServiceMonths,
        }
      : {}),
  });
  // The function reads a blank (or 0) salary as the costing point when it has points.
  const given = pay ? pay.profileSalaryValue : post.salary;
  const plain: Post = {
    sourceRow: 0,
    title: "Post",
    grade: points ? POINTS_GRADE : undefined,
    fte: post.fte,
    headcount: post.headcount,
    salary: points && !given ? undefined : (given ?? 0),
    pensionRate: post.pensionRate,
    startDate: post.startDate,
    endDate: post.endDate,
    cells: {},
  };
  // With points, ESTAB.PROFILE hands them to the engine as a pay scale of one grade.
  const scales: PayScales | undefined = points && {
    sheet: "",
    points: points.map((salary, i) => ({ grade: POINTS_GRADE, point: i + 1, salary })),
  };
  return costPost(plain, assumptions, costingWindow({ ...assumptions, grant: a.grant }), scales)
    .years;
}

const POINTS_GRADE = "points";
