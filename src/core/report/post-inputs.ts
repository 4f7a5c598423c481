/**
 * A post's figures defined over its own cells on the establishment sheet: FTE, headcount,
 * full-time salary, the year's cost figures and the profile over several years, each an
 * expression (or why there is none). The costing sheets render these; the live formulas
 * are these printed.
 */
import { columnLetters } from "../grid";
import type { CostFigures, CostingWindow } from "../costing";
import type { FinancialYear } from "../dates";
import type { Establishment, Post, PostField } from "../model";
import { GT, IF, lit, MAX, N, ROUNDUP, sourceRef, sub, type Expr } from "./expr";
import { postCostFigures, profile, profileYear, salaryOf } from "./estab-calls";
import { postTextReason, type TextCell } from "./text-numbers";
import type { PostPay } from "./post-pay";

/** A figure's definition, or why it has none (the cell then stays the core's value). */
export type Definition = Expr | { reason: string };

export const hasReason = (d: Definition): d is { reason: string } => "reason" in d;

/** A post's cell of `field` holding what the reader read from it; undefined when it has none. */
export function postCell(est: Establishment, post: Post, ...fields: PostField[]): Expr | undefined {
  for (const field of fields) {
    const address = post.cells[field];
    // A cell in another unit (monthly, £000, %) is not the figure the post holds.
    if (!address || est.columnScales?.[field] !== undefined) continue;
    // The current FTE column is read into post.fte; every other field has its own property.
    const v = post[(field === "currentFte" ? "fte" : field) as keyof Post];
    return sourceRef(est.sheet, address, typeof v === "number" || typeof v === "string" ? v : null);
  }
  return undefined;
}

/**
 * The cell of a post's field even when blank: the reader keeps addresses only of cells it
 * read, so a blank one is placed by its column and the post's row. For optional arguments,
 * which the functions read blank as "not given", so a value typed in later is followed.
 */
export function postCellOrBlank(
  est: Establishment,
  post: Post,
  field: PostField
): Expr | undefined {
  const read = postCell(est, post, field);
  if (read) return read;
  const column = est.columns[field];
  if (column === undefined) return undefined;
  return sourceRef(est.sheet, `${columnLetters(column)}${post.sourceRow + 1}`, null);
}

const fteCell = (est: Establishment, post: Post) => postCell(est, post, "fte", "currentFte");

/**
 * FTE and headcount as the costing sheets show them: the FTE cell; the headcount cell, or
 * where the table gives none (blank or 0) the people the engine costs (peopleFor): the FTE
 * rounded up, at least 1, and 0 for no FTE. A cell shown or computed with that holds text
 * ("1.0") has no definition: the reason names it.
 */
export function identityDefinition(
  est: Establishment,
  post: Post,
  what: "fte" | "headcount",
  value: number,
  textCell?: TextCell
): Definition {
  const fte = fteCell(est, post);
  if (!fte) return { reason: "no FTE cell in the source table" };
  const text = (...fields: Array<"fte" | "headcount">): Definition | undefined => {
    const reason = postTextReason(textCell, est, post, ...fields);
    return reason ? { reason } : undefined;
  };
  if (what === "fte")
    return post.fte === value ? (text("fte") ?? fte) : { reason: "not the source's FTE" };
  const hc = postCellOrBlank(est, post, "headcount");
  const given = post.headcount;
  if (given !== undefined && Number.isFinite(given) && given > 0) {
    const cell = postCell(est, post, "headcount");
    if (!cell) return { reason: "no headcount cell in the source table" };
    return given === value ? (text("headcount") ?? cell) : { reason: "not the source's headcount" };
  }
  // 1e-9 as peopleFor: an FTE of 2.0000000001 read from a sheet is two people, not three.
  const people = post.fte > 0 ? Math.max(1, Math.ceil(post.fte - 1e-9)) : 0;
  if (people !== value) return { reason: "not the people the engine costs" };
  // N(headcount) reads a headcount typed as text as 0; FTE arithmetic over text is #VALUE!.
  const blocked = text("headcount", "fte");
  if (blocked) return blocked;
  const fromFte = IF(GT(fte, lit(0)), MAX(lit(1), ROUNDUP(sub(fte, lit(1e-9)), 0)), lit(0));
  return hc ? IF(GT(N(hc), lit(0)), hc, fromFte) : fromFte;
}

/** The full-time salary the cost formulas use: a bare cell read as they read it (text money too). */
export function fullTimeSalaryDefinition(pay: PostPay | string, shown: number): Definition {
  if (typeof pay === "string") return { reason: pay };
  if (pay.salaryValue !== shown)
    return {
      reason: "the salary the formulas read is not the rate shown (an increment in the year?)",
    };
  return pay.salaryExpr.kind === "ref" ? salaryOf(pay.salaryExpr) : pay.salaryExpr;
}

/**
 * The year's cost figures: each ESTAB.POSTCOST over the post's cells, priced as `pay`, with
 * the settings given (a range of the Assumptions sheet, or a constant). The arguments are
 * made once for the post's figures, which differ only in the figure asked for.
 */
export function costFigureDefinitions(
  est: Establishment,
  post: Post,
  pay: PostPay | string,
  fy: FinancialYear,
  settings: Expr | undefined
): (figure: keyof CostFigures) => Definition {
  const fte = fteCell(est, post);
  const reason =
    typeof pay === "string" ? `pay: ${pay}` : !fte ? "no FTE cell in the source table" : undefined;
  if (reason || typeof pay === "string" || !fte) return () => ({ reason: reason as string });
  return postCostFigures({
    salary: pay.salaryExpr,
    fte,
    fy,
    headcount: postCellOrBlank(est, post, "headcount"),
    start: postCellOrBlank(est, post, "startDate"),
    end: postCellOrBlank(est, post, "endDate"),
    pensionRate: postCellOrBlank(est, post, "pensionRate"),
    settings,
  });
}

/** ESTAB.PROFILE's settings and awards arguments, made once for a sheet (so every call shares them). */
export interface ProfileSettings {
  /** The settings argument, for a post with points or without. */
  settings: (withPoints: boolean) => Expr | undefined;
  /** The awards argument; absent when the settings carry the pay awards (or there are none). */
  awards?: Expr;
}

/**
 * A post's figures over the window as ESTAB.PROFILE over its cells, priced as `pay`: year
 * k (1-based) of `figure` is INDEX(ESTAB.PROFILE(…, figure, …), 1, k). One call per
 * figure, shared by its years, so a post is costed once per figure at most.
 */
export function profileDefinitions(
  est: Establishment,
  post: Post,
  pay: PostPay | string,
  window: CostingWindow,
  args: ProfileSettings
): (figure: keyof CostFigures, k: number) => Definition {
  const fte = fteCell(est, post);
  // A post on a grade needs its points to move up it; without them the profile cannot follow.
  const reason =
    typeof pay === "string"
      ? `pay: ${pay}`
      : pay.source !== "salary" && pay.pointsExpr === undefined
        ? `pay from the pay scales, ${pay.pointsReason ?? "no points"}`
        : !fte
          ? "no FTE cell in the source table"
          : undefined;
  if (reason || typeof pay === "string" || !fte) return () => ({ reason: reason as string });
  const calls = new Map<keyof CostFigures, Expr>();
  const base = {
    salary: pay.profileSalaryExpr,
    fte,
    firstYear: window.firstYear,
    years: window.years,
    start: postCellOrBlank(est, post, "startDate"),
    end: postCellOrBlank(est, post, "endDate"),
    awards: args.awards,
    points: pay.pointsExpr,
    headcount: postCellOrBlank(est, post, "headcount"),
    pensionRate: postCellOrBlank(est, post, "pensionRate"),
    settings: args.settings(pay.pointsExpr !== undefined),
  };
  return (figure, k) => {
    let call = calls.get(figure);
    if (!call) calls.set(figure, (call = profile({ ...base, figure })));
    return profileYear(call, k);
  };
}
