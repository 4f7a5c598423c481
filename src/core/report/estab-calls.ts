/**
 * ESTAB.* calls as expressions: each prints as the cell function and evaluates through
 * the core function that cell function calls (src/functions/definitions.ts is the other
 * door to the same core calls), with the arguments as the sheet holds them.
 */
import { agencyAnnualCost } from "../changes";
import {
  costPostIn,
  postProfile,
  yearCostingContext,
  type CostFigures,
  type PlainSettings,
  type PostYearCost,
} from "../costing";
import {
  financialYearFraction,
  financialYearLabel,
  parseFinancialYear,
  type FinancialYear,
  type Serial,
} from "../dates";
import type { Assumptions, PayAward } from "../model";
import { readAssumptions } from "../read";
import { allocateExact, needIndex } from "../shares";
import {
  call,
  callOf,
  ExprError,
  INDEX,
  intLit,
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
/** The figure and FY arguments as literal nodes made once (a literal holds no memo, so calls can share one). */
const FIGURE_LIT = Object.fromEntries(
  Object.entries(FIGURE_ARG).map(([k, v]) => [k, lit(v)])
) as Record<keyof CostFigures, Expr>;
const fyLits = new Map<FinancialYear, Expr>();
function fyLit(fy: FinancialYear): Expr {
  let e = fyLits.get(fy);
  if (!e) fyLits.set(fy, (e = lit(financialYearLabel(fy))));
  return e;
}
const FIGURE_OF = new Map(
  Object.entries(FIGURE_ARG).map(([k, v]) => [v, k as keyof CostFigures] as const)
);

const isBlank = (v: Value): boolean => v === null || v === "";
const optional = (v: Value): number | undefined => (isBlank(v) ? undefined : toNumber(v));

/** The settings a two-column name/value range gives, as the costing engine takes them. */
export interface CallSettings {
  costing: PlainSettings;
  grant: { start?: Serial; end?: Serial };
  /** The range's "Pay award 2025/26" rows, when it has any (ESTAB.PROFILE reads them). */
  payAwards?: PayAward[];
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
  if (Object.keys(given).some((k) => k.startsWith("payAward"))) out.payAwards = a.payAwards;
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
export const postCost = (p: PostCostArgs): Expr => postCostFigures(p)(p.figure);

/**
 * A post's ESTAB.POSTCOST calls, one per figure: the argument nodes made once and shared,
 * so a row's figures are evaluated over the same nodes (a call's value is kept on it).
 */
export function postCostFigures(
  p: Omit<PostCostArgs, "figure">
): (figure: keyof CostFigures) => Expr {
  const salary = p.salary;
  const fte = p.fte;
  const fy = fyLit(p.fy);
  const headcount = p.headcount ?? omitted;
  const start = p.start ?? omitted;
  const end = p.end ?? omitted;
  const pension = p.pensionRate ?? omitted;
  const settings = p.settings ?? omitted;
  return (figure) =>
    callOf("ESTAB.POSTCOST", runPostCost, [
      salary,
      fte,
      fy,
      headcount,
      start,
      end,
      pension,
      FIGURE_LIT[figure],
      settings,
    ]);
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

/**
 * The figures of every post costed, by the settings and the arguments' values: the sheets
 * check the same post more than once (its cost now on the Restructure sheet is its first
 * year on the cost sheet), and posts paid alike (the same pay point, FTE and headcount)
 * cost alike. The same arguments always give the same figures, so nothing is skipped.
 */
const postCosts = new WeakMap<CallSettings, Map<string, CostFigures>>();

function runPostCost(args: Value[]): Value {
  const figure = args[7];
  const year = fyOf(args[2]);
  const key = FIGURE_OF.get(String(figure ?? "total"));
  if (year === undefined || !key) throw new ExprError("ESTAB.POSTCOST: bad fy or figure");
  const s = settingsOfRange(args[8]);
  if (!lastPost || lastPost.settings !== s || !samePost(lastPost.key, args, year)) {
    const id = [args[0], args[1], year, args[3], args[4], args[5], args[6]];
    let costs = postCosts.get(s);
    if (!costs || costs.size > 50_000) postCosts.set(s, (costs = new Map()));
    const text = id.map(argKey).join(",");
    let cost = costs.get(text);
    if (!cost) costs.set(text, (cost = costPostOnce(id, year, s)));
    lastPost = { key: id, settings: s, cost };
  }
  return lastPost.cost[key];
}

/** Whether the arguments are the post costed last (`key`: its arguments, the FY read). */
function samePost(key: Value[], args: Value[], year: FinancialYear): boolean {
  return (
    key[0] === args[0] &&
    key[1] === args[1] &&
    key[2] === year &&
    key[3] === args[3] &&
    key[4] === args[4] &&
    key[5] === args[5] &&
    key[6] === args[6]
  );
}

function costPostOnce(id: Value[], year: FinancialYear, s: CallSettings): CostFigures {
  const [salary, fte, , headcount, start, end, pension] = id;
  const people = optional(headcount);
  return costPostIn(yearCostingContext(year, s.costing, s.grant), {
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
}

/** =ESTAB.SALARY(cell,1,0): one salary cell read as the functions read money. */
export const salaryOf = (cell: Expr): Expr =>
  callOf("ESTAB.SALARY", runSalary, [cell, intLit(1), intLit(0)]);
const runSalary = (args: Value[]): Value => toNumber(args[0]);

/** =ESTAB.AGENCYCOST(hourlyRate, hoursPerWeek, weeks): agencyAnnualCost, as the cell function calls it. */
export const agencyCost = (rate: Expr, hours: Expr, weeks: Expr): Expr =>
  call(
    "ESTAB.AGENCYCOST",
    ([r, h, w]) => agencyAnnualCost(toNumber(r), toNumber(h), toNumber(w)),
    rate,
    hours,
    weeks
  );

/**
 * =ESTAB.FYFRACTION(start, end, fy): the share of FY `fy` from start to end by days, as
 * financialYearFraction gives it (a blank or 0 date is no date, as the function reads it).
 */
export const fyFraction = (start: Expr | undefined, end: Expr | undefined, fy: FinancialYear) =>
  call(
    "ESTAB.FYFRACTION",
    ([s, e, y]) => {
      const year = fyOf(y);
      if (year === undefined) throw new ExprError("ESTAB.FYFRACTION: bad fy");
      return financialYearFraction(year, optional(s) || undefined, optional(e) || undefined);
    },
    start ?? omitted,
    end ?? omitted,
    fyLit(fy)
  );

/** The inputs of ESTAB.PROFILE as expressions; leave out what the post does not give. */
export interface ProfileArgs {
  /** The full-time salary; left out with `points`: the grade's costing point. */
  salary?: Expr;
  fte: Expr;
  firstYear: FinancialYear;
  years: number;
  start?: Expr;
  end?: Expr;
  /** Rows of FY, percentage and flat minimum; left out: the settings' pay awards. */
  awards?: Expr;
  /** The grade's salaries, bottom to top. */
  points?: Expr;
  headcount?: Expr;
  pensionRate?: Expr;
  figure: keyof CostFigures;
  /** A range of the Assumptions sheet, or an array constant; absent for the defaults. */
  settings?: Expr;
}

/**
 * =ESTAB.PROFILE(salary, fte, firstFy, years, start, end, awards, points, headcount,
 * pensionRate, figure, settings): one row, a column per FY of the window.
 */
export function profile(p: ProfileArgs): Expr {
  return call(
    "ESTAB.PROFILE",
    runProfile,
    p.salary ?? omitted,
    p.fte,
    fyLit(p.firstYear),
    lit(p.years),
    p.start ?? omitted,
    p.end ?? omitted,
    p.awards ?? omitted,
    p.points ?? omitted,
    p.headcount ?? omitted,
    p.pensionRate ?? omitted,
    FIGURE_LIT[p.figure],
    p.settings ?? omitted
  );
}

/** =INDEX(ESTAB.PROFILE(…),1,k): year k (1-based) of the profile. */
export const profileYear = (profileCall: Expr, k: number): Expr => INDEX(profileCall, 1, k);

/** Rows of FY, percentage and flat minimum, as the awards argument gives them. */
function awardsOf(v: Value): PayAward[] {
  if (isBlank(v as never)) return [];
  if (!Array.isArray(v)) throw new ExprError("awards must be a range of rows");
  return v.flatMap((row): PayAward[] => {
    if (row.every((c) => isBlank(c))) return [];
    const year = fyOf(row[0]);
    if (year === undefined) throw new ExprError(`awards: "${String(row[0])}" is not a FY`);
    const flatMinimum = row.length > 2 ? optional(row[2]) : undefined;
    const percent = optional(row[1]) ?? 0;
    return [flatMinimum ? { year, percent, flatMinimum } : { year, percent }];
  });
}

/** A range or value as its numbers, row by row (a points range). */
const numbersOf = (v: Value): number[] => (Array.isArray(v) ? v.flat() : [v]).map(toNumber);

/**
 * A post's profile is asked for once per figure (total, salary, NI …), each a call of its
 * own: it is costed once, keyed by every argument but the figure (ranges by identity).
 */
const profiles = new Map<string, PostYearCost[]>();
const rangeIds = new WeakMap<object, number>();
let rangeCount = 0;
function argKey(v: Value): string {
  // Text quoted, so "12" and 12 (or "null" and a blank) are different arguments.
  if (!Array.isArray(v)) return typeof v === "string" ? JSON.stringify(v) : String(v);
  let id = rangeIds.get(v);
  if (id === undefined) rangeIds.set(v, (id = ++rangeCount));
  return `#${id}`;
}

function runProfile(args: Value[]): Value {
  const key = FIGURE_OF.get(String(args[PROFILE_FIGURE] ?? "total"));
  if (!key) throw new ExprError("ESTAB.PROFILE: bad figure");
  if (lastProfile && sameButFigure(lastProfile.args, args))
    return [lastProfile.costed.map((y) => y[key])];
  lastProfile = { args: args.slice(), costed: costProfile(args) };
  return [lastProfile.costed.map((y) => y[key])];
}

/** The post's profile for the arguments' values: costed once per set of values (see profiles). */
function costProfile(args: Value[]): PostYearCost[] {
  // Indexed, not destructured: destructuring goes through an iterator.
  const salary = args[0];
  const fte = args[1];
  const fy = args[2];
  const years = args[3];
  const start = args[4];
  const end = args[5];
  const awards = args[6];
  const points = args[7];
  const headcount = args[8];
  const pension = args[9];
  const settings = args[11];
  const id = [salary, fte, fy, years, start, end, awards, points, headcount, pension, settings]
    .map(argKey)
    .join("|");
  let costed = profiles.get(id);
  if (!costed) {
    const firstYear = fyOf(fy);
    if (firstYear === undefined) throw new ExprError("ESTAB.PROFILE: bad firstFy");
    const s = settingsOfRange(settings);
    const grade = isBlank(points) ? undefined : numbersOf(points);
    const given = toNumber(salary);
    const people = optional(headcount);
    costed = postProfile({
      salary: grade && given === 0 ? undefined : given,
      fte: toNumber(fte),
      headcount: people === 0 ? undefined : people,
      start: optional(start) || undefined,
      end: optional(end) || undefined,
      pensionRate: optional(pension),
      points: grade,
      firstYear,
      years: toNumber(years),
      settings: {
        ...s.costing,
        payAwards: isBlank(awards) ? (s.payAwards ?? []) : awardsOf(awards),
      },
      grant: s.grant,
    });
    if (profiles.size > 50_000) profiles.clear();
    profiles.set(id, costed);
  }
  return costed;
}

/**
 * The profile costed last, with its arguments: a post's figures are asked for one after
 * another with the same argument values (its points the very array), so no key is made
 * for the rest of them. The same values always give the same profile.
 */
let lastProfile: { args: Value[]; costed: PostYearCost[] } | undefined;

const PROFILE_FIGURE = 10;
function sameButFigure(last: Value[], args: Value[]): boolean {
  if (last.length !== args.length) return false;
  for (let i = 0; i < args.length; i++)
    if (i !== PROFILE_FIGURE && last[i] !== args[i]) return false;
  return true;
}

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
