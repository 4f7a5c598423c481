/**
 * The Restructure sheet's per-post figures defined over the post's own cells on the
 * establishment sheet and the Assumptions sheet's: FTE now and proposed, the cost of each
 * side (ESTAB.POSTCOST priced as the engine prices it, or ESTAB.AGENCYCOST for an agency
 * side) and the agency conversion's rate, hours and weeks. The sheet renders these with
 * figureCell; each is the expression the live formula prints, or why there is none.
 */
import { FULL_TIME_HOURS, proposedPostOf } from "../changes";
import { financialYearOf, type FinancialYear } from "../dates";
import { columnLetters, parseRangeA1 } from "../grid";
import type { Assumptions, Establishment, PayScales, Post, PostField } from "../model";
import { assumptionCell, costSettings } from "./assumption-cells";
import { agencyCost, postCost } from "./estab-calls";
import {
  call,
  div,
  EQ,
  IF,
  LEN,
  lit,
  MAX,
  mul,
  N,
  omitted,
  OR,
  ROUNDUP,
  sourceRef,
  sub,
  toNumber,
  value,
  type Expr,
} from "./expr";
import type { LiveInputs } from "./establishment-cost";
import { postCell, type Definition } from "./post-inputs";
import { postTextReason } from "./text-numbers";
import { payOf } from "./post-pay";

/** What a live Restructure sheet's formulas price with besides the establishment. */
export interface RestructureLive extends LiveInputs {
  /** The costing assumptions (on-costs, costing point …) the engine priced the posts with. */
  assumptions: Assumptions;
  payScales?: PayScales;
}

/** What every post's definitions share. */
export interface RestructureInputs extends RestructureLive {
  establishment: Establishment;
  /** The assumptions with the year the structure is costed in as the first year. */
  yearAssumptions: Assumptions;
  year: FinancialYear;
  settings: Expr | undefined;
  /** Agency weeks a year: the Assumptions sheet's cell, else the number. */
  weeks: Expr;
  /** The Proposed FTE column's first cell, if any post has one: a blank cell reads as 0. */
  proposedFteColumn?: string;
}

export function restructureInputs(est: Establishment, live: RestructureLive): RestructureInputs {
  const a = live.assumptions;
  // A whole year of the structure, in the FY it takes effect (the first FY without a date).
  const year =
    a.implementationDate !== undefined ? financialYearOf(a.implementationDate) : a.firstYear;
  return {
    ...live,
    establishment: est,
    yearAssumptions: { ...a, firstYear: year },
    year,
    settings: costSettings(live.assumptionCells, a),
    weeks: assumptionCell(live.assumptionCells, "agencyWeeksPerYear") ?? lit(a.agencyWeeksPerYear),
    proposedFteColumn: est.posts.map((p) => p.cells.proposedFte).find((x) => x !== undefined),
  };
}

/** The cell, or `fallback` when it is empty: IF(LEN(cell)=0,fallback,cell). */
const ifBlank = (cell: Expr, fallback: Expr): Expr => IF(EQ(LEN(cell), lit(0)), fallback, cell);

/** Why a formula using these cells of the post as numbers cannot be live (one holds text). */
const textIn = (c: RestructureInputs, post: Post, ...fields: PostField[]) =>
  postTextReason(c.textCell, c.establishment, post, ...fields);

const fteCell = (c: RestructureInputs, post: Post) =>
  postCell(c.establishment, post, "fte", "currentFte");

/** The proposed FTE as the formulas read it: its expression and the cells that reads. */
export interface ProposedFte {
  /** The FTE as proposed; undefined with no FTE cell. */
  expr?: Expr;
  /** The cells `expr` reads. */
  fields: PostField[];
  /** The Proposed FTE cell (perhaps blank), if the table has that column. */
  cell?: Expr;
  /** Read through N(): a proposed FTE typed as text reads as 0. */
  viaN: boolean;
}

/**
 * The proposed FTE as the reader takes it: a blank Proposed FTE cell means unchanged (the
 * current FTE), a number is the FTE proposed, and "Deleted" typed there reads as 0 through
 * N(), as 0 deletes: IF(LEN(cell)=0,fte,N(cell)). A post deleted by its Status column reads
 * N(cell), 0 while the cell is blank (a figure typed beside a Deleted status is kept, as the
 * reader keeps it). With no Proposed FTE column, or a dash beside a Status that keeps the
 * post, the current FTE.
 */
export function proposedFte(c: RestructureInputs, post: Post): ProposedFte {
  const fte = fteCell(c, post);
  const cell = proposedFteCell(c, post);
  // A dash or n/a beside a Status that keeps the post is no change: the FTE now, as read.
  if (!cell || post.proposedFteFrom === "status unchanged")
    return { expr: fte, fields: ["fte"], viaN: false };
  // "Deleted" is text the formula reads as 0 on purpose: not a number typed as text.
  const typed: PostField[] = post.proposedFteFrom === "deleted typed" ? [] : ["proposedFte"];
  if (!fte || post.proposedFteFrom === "status deleted")
    return { expr: N(cell), fields: typed, cell, viaN: typed.length > 0 };
  return {
    expr: IF(EQ(LEN(cell), lit(0)), fte, N(cell)),
    fields: [...typed, "fte"],
    cell,
    viaN: typed.length > 0,
  };
}

/** The post's Proposed FTE cell, placed by the column's when the reader read none (blank). */
function proposedFteCell(c: RestructureInputs, post: Post): Expr | undefined {
  const est = c.establishment;
  if (post.cells.proposedFte) return postCell(est, post, "proposedFte");
  const anyCell = Object.values(post.cells).find((x) => x !== undefined);
  if (!c.proposedFteColumn || !anyCell) return undefined;
  const column = columnLetters(parseRangeA1(c.proposedFteColumn).start.column);
  return sourceRef(est.sheet, `${column}${parseRangeA1(anyCell).start.row + 1}`, null);
}

/** FTE now: the FTE cell (a plain reference shows text as text: such a cell stays a value). */
export function fteNowDefinition(c: RestructureInputs, post: Post): Definition {
  const fte = fteCell(c, post);
  if (!fte) return { reason: "no FTE cell" };
  const text = textIn(c, post, "fte");
  return text ? { reason: text } : fte;
}

/** FTE proposed: the very expression the proposed cost prices. */
export function fteProposedDefinition(
  c: RestructureInputs,
  post: Post,
  side: ProposedFte
): Definition {
  if (!side.expr) return { reason: "no FTE cell" };
  const text = textIn(c, post, ...side.fields);
  return text ? { reason: text } : side.expr;
}

/**
 * An agency row's weekly hours as the core reads them: the Hours cell, or FTE × a
 * full-time week when it is blank or there is none; and (`text`) why not while an FTE
 * cell the multiplication reads (`fteFields`) holds text.
 */
export function agencyHours(
  c: RestructureInputs,
  post: Post,
  fte: Expr | undefined,
  fteFields: PostField[]
): { expr: Expr; text?: string } | undefined {
  const fullTime = fte ? mul(fte, lit(FULL_TIME_HOURS)) : undefined;
  const text = fullTime ? textIn(c, post, ...fteFields) : undefined;
  const hoursCell = postCell(c.establishment, post, "hoursPerWeek");
  if (hoursCell && fullTime) return { expr: ifBlank(hoursCell, fullTime), text };
  if (hoursCell) return post.hoursPerWeek === undefined ? undefined : { expr: hoursCell };
  if (!fullTime || post.hoursPerWeek !== undefined) return undefined;
  return { expr: fullTime, text };
}

/** ESTAB.AGENCYCOST over the post's cells, why not (an FTE typed as text), or undefined. */
function agencyDefinition(
  c: RestructureInputs,
  post: Post,
  fte: Expr | undefined,
  fteFields: PostField[]
): Definition | undefined {
  // An agency row costs hourly rate × hours × weeks; no hours: FTE × a full-time week.
  const rate = postCell(c.establishment, post, "agencyHourlyRate");
  const hours = agencyHours(c, post, fte, fteFields);
  if (!rate || !hours || post.agencyHourlyRate === undefined) return undefined;
  // Rate and hours cells holding text are fine as arguments; FTE × 37 over text is not.
  if (hours.text) return { reason: hours.text };
  return agencyCost(rate, hours.expr, c.weeks);
}

/**
 * A side's pay as the engine prices it (payOf: the pay scales table for its grade, else
 * the grade's minimum and maximum, else its salary) in the structure's year, with the
 * salary cell read as `salary` (the proposed salary, or the current one when that is
 * blank). payOf reads a post's salary cell, so the post is given a placeholder cell
 * there, replaced by `salary` in the expression it gives.
 */
function priced(c: RestructureInputs, post: Post, salary: Expr | undefined): Expr | string {
  // The post's own salary cell is what payOf reads anyway: no placeholder, no copy of the post.
  if (salary === undefined ? post.cells.salary === undefined : isOwnSalary(c, post, salary)) {
    const pay = payOf(c.establishment, post, c.yearAssumptions, c.payScales, c.textCell, "year");
    return typeof pay === "string" ? pay : pay.salaryExpr;
  }
  const cells = { ...post.cells, salary: salary ? SALARY_MARK : undefined };
  const pay = payOf(
    c.establishment,
    { ...post, cells },
    c.yearAssumptions,
    c.payScales,
    c.textCell,
    "year"
  );
  if (typeof pay === "string") return pay;
  return salary ? replaceMark(pay.salaryExpr, salary) : pay.salaryExpr;
}

const SALARY_MARK = "SALARY_MARK";

/** Whether `salary` is the post's own salary cell as postCell gives it (holding post.salary). */
const isOwnSalary = (c: RestructureInputs, post: Post, salary: Expr): boolean =>
  salary.kind === "ref" &&
  salary.ref === "source" &&
  salary.sheet === c.establishment.sheet &&
  salary.address === post.cells.salary &&
  salary.value === (typeof post.salary === "number" ? post.salary : null);

/** The expression with the placeholder salary cell replaced by `by`. */
function replaceMark(e: Expr, by: Expr): Expr {
  switch (e.kind) {
    case "ref":
      return e.address === SALARY_MARK ? by : e;
    case "op":
    case "cmp":
      return { ...e, left: replaceMark(e.left, by), right: replaceMark(e.right, by) };
    case "neg":
      return { ...e, arg: replaceMark(e.arg, by) };
    case "call":
      return { ...e, args: e.args.map((x) => replaceMark(x, by)) };
    default:
      return e;
  }
}

/** A whole year's ESTAB.POSTCOST total over the post's cells (no start or end date). */
const yearCost = (c: RestructureInputs, post: Post, salary: Expr, fte: Expr, headcount?: Expr) =>
  postCost({
    salary,
    fte,
    fy: c.year,
    headcount,
    pensionRate: postCell(c.establishment, post, "pensionRate"),
    figure: "total",
    settings: c.settings,
  });

/** Cost now: the agency cost of an agency row with a rate, else the employed cost. */
export function costNowDefinition(c: RestructureInputs, post: Post): Definition {
  const fte = fteCell(c, post);
  const agency =
    post.contractType === "agency" ? agencyDefinition(c, post, fte, ["fte"]) : undefined;
  if (agency) return agency;
  if (!fte) return { reason: "no FTE cell" };
  const pay = priced(c, post, postCell(c.establishment, post, "salary"));
  if (typeof pay === "string") return { reason: pay };
  return yearCost(c, post, pay, fte, postCell(c.establishment, post, "headcount"));
}

/** Cost proposed: as proposedPostOf derives it (proposed FTE, grade, salary and contract). */
export function costProposedDefinition(
  c: RestructureInputs,
  post: Post,
  side: ProposedFte
): Definition {
  const est = c.establishment;
  const proposed = proposedPostOf(post);
  if (proposed.contractType === "agency") {
    const agency = agencyDefinition(c, post, side.expr, side.fields);
    if (agency) return agency;
  }
  const fte = fteCell(c, post);
  if (!fte || !side.expr) return { reason: "no FTE cell" };
  // A regrade drops the current salary: only the proposed salary cell prices it.
  const gradeChanged = proposed.grade !== post.grade;
  const salary = postCell(est, post, "salary");
  const proposedSalary = postCell(est, post, "proposedSalary");
  const salaryExpr = gradeChanged
    ? proposedSalary
    : proposedSalary && salary
      ? ifBlank(proposedSalary, salary)
      : (proposedSalary ?? salary);
  const pay = priced(c, proposed, salaryExpr);
  if (typeof pay === "string")
    return { reason: gradeChanged ? `regraded with no proposed salary: ${pay}` : pay };
  const headcount = postCell(est, post, "headcount");
  // 3 people on 1.5 FTE becoming 1.0 FTE are 2 people: the headcount scales with FTE,
  // rounded up (1E-9 written out in full: HyperFormula does not read exponents).
  const scales = headcount !== undefined && side.cell !== undefined;
  const head =
    scales && headcount
      ? IF(
          OR(EQ(LEN(headcount), lit(0)), EQ(N(fte), lit(0))),
          lit(""),
          MAX(lit(1), ROUNDUP(sub(div(mul(headcount, side.expr), fte), lit(1e-9)), 0))
        )
      : headcount;
  // Passed as an argument, a cell holding text is read as the reader reads it; through
  // N() or in the headcount's arithmetic it is not.
  const text =
    (side.viaN ? textIn(c, post, "proposedFte") : undefined) ??
    (scales ? textIn(c, post, "headcount", "fte", ...side.fields) : undefined);
  if (text) return { reason: text };
  if (!readsAs(side.expr, proposed.fte) || (head && !readsAs(head, proposed.headcount)))
    return { reason: "the proposed FTE or headcount is not what the formula would read" };
  return yearCost(c, post, pay, side.expr, head ?? omitted);
}

/** Whether the expression gives `want` now (undefined: blank, or "" as the headcount's IF gives). */
function readsAs(e: Expr, want: number | undefined): boolean {
  let v: ReturnType<typeof value>;
  try {
    v = value(e);
  } catch {
    return false;
  }
  if (typeof v === "number") return v === want || (want === undefined && v === 0);
  return want === undefined && (v === null || v === "");
}

/** Agency weeks a year, shown: VALUE(the Assumptions sheet's cell), read as a number as the reader does. */
export function weeksDefinition(c: RestructureInputs): Definition {
  const cell = assumptionCell(c.assumptionCells, "agencyWeeksPerYear");
  if (!cell) return lit(c.assumptions.agencyWeeksPerYear);
  return call("VALUE", ([v]) => toNumber(v), cell);
}
