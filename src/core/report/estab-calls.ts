/**
 * ESTAB.* calls as expressions: each prints as the cell function and evaluates through
 * the core function that cell function calls (src/functions/definitions.ts is the other
 * door to the same core calls), with the arguments as the sheet holds them.
 */
import { costPostIn, yearCostingContext, type CostFigures, type PlainSettings } from "../costing";
import { financialYearLabel, parseFinancialYear, type FinancialYear, type Serial } from "../dates";
import type { Assumptions } from "../model";
import { readAssumptions } from "../read";
import { allocateExact, needIndex } from "../shares";
import {
  call,
  ExprError,
  lit,
  omitted,
  toNumber,
  type Expr,
  type Matrix,
  type Value,
} from "./expr";

/** ESTAB.POSTCOST's `figure` argument for each engine figure. */
export const FIGURE_ARG: Record<keyof CostFigures, string> = {
  salary: "salary",
  ni: "ni",
  pension: "pension",
  levy: "levy",
  flatOnCost: "flat",
  total: "total",
};
const FIGURE_OF = new Map(
  Object.entries(FIGURE_ARG).map(([k, v]) => [v, k as keyof CostFigures] as const)
);

const isBlank = (v: Value): boolean => v === null || v === "";
const optional = (v: Value): number | undefined => (isBlank(v) ? undefined : toNumber(v));

/** The settings a two-column name/value range gives, as the costing engine takes them. */
export interface CallSettings {
  costing: PlainSettings;
  grant: { start?: Serial; end?: Serial };
}

/** The engine fields a settings row can set, by the Assumptions key the reader files it under. */
const SETTING_KEYS = [
  "apprenticeshipLevy",
  "niRate",
  "niMonthlyThreshold",
  "pensionRate",
  "onCostMode",
  "flatOnCostRate",
  "costingPoint",
  "incrementRule",
  "incrementServiceMonths",
] as const;

/**
 * A settings range (rows of setting name and value) read by the assumptions reader, so a
 * range of the Assumptions sheet means what the sheet means; only the settings it names are
 * set, the rest keep the functions' defaults.
 */
export function settingsOfRange(v: Value): CallSettings {
  if (isBlank(v as never)) return { costing: {}, grant: {} };
  if (!Array.isArray(v)) throw new ExprError("settings must be a range of name and value");
  // Every cost cell of a sheet passes the one range: read it once.
  let read = settingsRead.get(v);
  if (!read) settingsRead.set(v, (read = readSettings(v)));
  return read;
}

const settingsRead = new WeakMap<Matrix, CallSettings>();

function readSettings(v: Matrix): CallSettings {
  const out: CallSettings = { costing: {}, grant: {} };
  const values = v.map((row) => row.map((c) => (c === null ? "" : c)));
  const read = readAssumptions({
    grids: [{ sheet: "Assumptions", origin: { row: 0, column: 0 }, values }],
  });
  const given = read.source.cells;
  const a: Assumptions = read.assumptions;
  const costing = out.costing as Record<string, unknown>;
  for (const key of SETTING_KEYS) if (key in given) costing[key] = a[key];
  if ("grant.start" in given) out.grant.start = a.grant.start;
  if ("grant.end" in given) out.grant.end = a.grant.end;
  // A flat rate given without a mode means flat on-costs, as the functions read it.
  if ("flatOnCostRate" in given && !("onCostMode" in given)) out.costing.onCostMode = "flat";
  return out;
}

/** The inputs of ESTAB.POSTCOST as expressions; leave out what the post does not give. */
export interface PostCostArgs {
  salary: Expr;
  fte: Expr;
  fy: FinancialYear;
  headcount?: Expr;
  start?: Expr;
  end?: Expr;
  pensionRate?: Expr;
  figure: keyof CostFigures;
  /** A range of the Assumptions sheet, or an array constant; absent for the defaults. */
  settings?: Expr;
}

/** =ESTAB.POSTCOST(salary, fte, fy, headcount, start, end, pensionRate, figure, settings). */
export function postCost(p: PostCostArgs): Expr {
  return call(
    "ESTAB.POSTCOST",
    runPostCost,
    p.salary,
    p.fte,
    lit(financialYearLabel(p.fy)),
    p.headcount ?? omitted,
    p.start ?? omitted,
    p.end ?? omitted,
    p.pensionRate ?? omitted,
    lit(FIGURE_ARG[p.figure]),
    p.settings ?? omitted
  );
}

/** The FY argument, read once per label (every cost cell of a sheet has the same). */
let lastFy: { label: Value; year: FinancialYear | undefined } | undefined;
function fyOf(fy: Value): FinancialYear | undefined {
  if (lastFy?.label !== fy)
    lastFy = {
      label: fy,
      year: typeof fy === "string" || typeof fy === "number" ? parseFinancialYear(fy) : undefined,
    };
  return lastFy.year;
}

/** The last post costed: a post's figures are asked for one after another, so it is costed once. */
let lastPost: { key: Value[]; settings: CallSettings; cost: CostFigures } | undefined;

function runPostCost(args: Value[]): Value {
  const [salary, fte, fy, headcount, start, end, pension, figure, settings] = args;
  const year = fyOf(fy);
  const key = FIGURE_OF.get(String(figure ?? "total"));
  if (year === undefined || !key) throw new ExprError("ESTAB.POSTCOST: bad fy or figure");
  const s = settingsOfRange(settings);
  const id = [salary, fte, year, headcount, start, end, pension];
  if (!lastPost || lastPost.settings !== s || lastPost.key.some((x, i) => x !== id[i])) {
    const people = optional(headcount);
    const cost = costPostIn(yearCostingContext(year, s.costing, s.grant), {
      sourceRow: 0,
      title: "Post",
      salary: toNumber(salary),
      fte: toNumber(fte),
      headcount: people === 0 ? undefined : people,
      startDate: optional(start) || undefined,
      endDate: optional(end) || undefined,
      pensionRate: optional(pension),
      cells: {},
    }).years[0];
    lastPost = { key: id, settings: s, cost };
  }
  return lastPost.cost[key];
}

/** =ESTAB.SALARY(cell,1,0): one salary cell read as the functions read money. */
export const salaryOf = (cell: Expr): Expr =>
  call("ESTAB.SALARY", ([v]) => toNumber(v), cell, lit(1), lit(0));

/** A range's numbers in order, as the share functions read them (a blank cell is an error there). */
const numbersOfRange = (v: Value): number[] =>
  (Array.isArray(v) ? v.flat() : [v]).map((x) => {
    if (isBlank(x)) throw new ExprError("a blank cell where the share functions need a number");
    return toNumber(x);
  });

/** Values in the shape of `like` (a column stays a column, a row a row), as the share functions spill. */
function inShape(like: Value, values: readonly number[]): Matrix {
  const rows = Array.isArray(like) ? like.length : 1;
  return rows === 1 ? [[...values]] : values.map((x) => [x]);
}

/**
 * =ESTAB.NEEDINDEX(population, deprivation, demand, weights): the core's needIndex over
 * the ranges, weights population, deprivation, demand and (optionally) equal share.
 */
export const needIndexCall = (
  population: Expr,
  deprivation: Expr,
  demand: Expr,
  weights: Expr
): Expr =>
  call(
    "ESTAB.NEEDINDEX",
    ([p, d, m, w]) => {
      const ws = numbersOfRange(w);
      if (ws.length < 3 || ws.length > 4) throw new ExprError("ESTAB.NEEDINDEX: 3 or 4 weights");
      const index = needIndex(numbersOfRange(p), numbersOfRange(d), numbersOfRange(m), {
        population: ws[0],
        deprivation: ws[1],
        demand: ws[2],
        equal: ws[3] ?? 0,
      });
      return inShape(p, index);
    },
    population,
    deprivation,
    demand,
    weights
  );

/** =ESTAB.ALLOCATE(total, weights, unit): the core's allocateExact (largest remainder). */
export const allocateCall = (total: Expr, weights: Expr, unit: Expr): Expr =>
  call(
    "ESTAB.ALLOCATE",
    ([t, w, u]) =>
      inShape(w, allocateExact(toNumber(t), numbersOfRange(w), isBlank(u) ? 1 : toNumber(u))),
    total,
    weights,
    unit
  );
