import type { FinancialYear, Serial } from "../dates";
import type {
  Assumptions,
  CostingPoint,
  IncrementRule,
  OnCostMode,
  PayAward,
  Post,
} from "../model";
import { levyRateFor, niRulesFor } from "../rules";
import { roundPenny } from "../money";
import {
  costPost,
  costPostIn,
  prepareCosting,
  type CostingContext,
  type PostYearCost,
} from "./engine";
import { costingWindow, financialYearsWindow } from "./window";

/**
 * Small per-figure functions over plain numbers, for cell formulas (=ESTAB.…) and quick
 * checks. They run the same engine as the sheets, so the same inputs give the same pound.
 */

export interface NiOptions {
  /** People sharing the pay (the threshold is per person); default 1. */
  people?: number;
  niRate?: number;
  niMonthlyThreshold?: number;
}

/**
 * Employer NI on annual pay paid evenly over all twelve months of FY `fy`, rounded to the
 * penny: Σ months rate × (pay / 12 − people × threshold), never below zero.
 */
export function niForPay(annualPay: number, fy: FinancialYear, options: NiOptions = {}): number {
  const rules = niRulesFor(fy, {
    rate: options.niRate,
    monthlyThreshold: options.niMonthlyThreshold,
  });
  const people = options.people !== undefined && options.people > 0 ? options.people : 1;
  const monthly = annualPay / 12;
  let ni = 0;
  for (let m = 0; m < 12; m++) {
    const above = monthly - people * rules.monthlyThreshold;
    if (above > 0) ni += rules.monthlyRates[m] * above;
  }
  return roundPenny(ni);
}

/** Employer pension on pay, to the penny. */
export function pensionForPay(pay: number, rate: number): number {
  return roundPenny(pay * rate);
}

/** Apprenticeship levy on pay in FY `fy` (0.5% from 2017/18), to the penny. */
export function levyForPay(pay: number, fy: FinancialYear, enabled = true): number {
  return roundPenny(pay * levyRateFor(fy, enabled));
}

/** Plain-number description of a post, for costing without a workbook. */
export interface PlainPostInput {
  /** Full-time annual salary in the first year (the post's actual or costing-point salary). */
  salary: number;
  fte?: number;
  headcount?: number;
  /** Grade minimum and maximum: when both are given they set the points (with gradeSteps). */
  minSalary?: number;
  maxSalary?: number;
  pensionRate?: number;
  startDate?: Serial;
  endDate?: Serial;
}

/** The settings a plain-number costing may change; anything left out takes the defaults below. */
export type PlainSettings = Partial<
  Pick<
    Assumptions,
    | "costingPoint"
    | "incrementRule"
    | "incrementServiceMonths"
    | "gradeSteps"
    | "payAwards"
    | "onCostMode"
    | "flatOnCostRate"
    | "niRate"
    | "niMonthlyThreshold"
    | "pensionRate"
    | "apprenticeshipLevy"
    | "exitCostWeeks"
  >
>;

/** Defaults for plain-number costing (the workbook's assumptions sheet has its own, read by src/core/read). */
export const PLAIN_DEFAULTS: Required<Omit<PlainSettings, "niRate" | "niMonthlyThreshold">> = {
  costingPoint: "actual" as CostingPoint,
  incrementRule: "april" as IncrementRule,
  incrementServiceMonths: 6,
  gradeSteps: 4,
  payAwards: [] as PayAward[],
  onCostMode: "statutory" as OnCostMode,
  flatOnCostRate: 0,
  pensionRate: 0,
  apprenticeshipLevy: true,
  exitCostWeeks: 0,
};

/** A full Assumptions for plain-number costing from a first year, a number of years and some settings. */
export function plainAssumptions(
  firstYear: FinancialYear,
  years: number,
  settings: PlainSettings = {}
): Assumptions {
  return {
    ...PLAIN_DEFAULTS,
    ...settings,
    firstYear,
    years,
    vacancyFactor: 0,
    grant: {},
    managementGrades: [],
    agencyWeeksPerYear: 0,
    localityWeights: { population: 0, deprivation: 0, demand: 0, equal: 0 },
    allocationUnit: 1,
  };
}

function plainPost(input: PlainPostInput): Post {
  return {
    sourceRow: 0,
    title: "Post",
    fte: input.fte ?? 1,
    headcount: input.headcount,
    salary: input.salary,
    minSalary: input.minSalary,
    maxSalary: input.maxSalary,
    pensionRate: input.pensionRate,
    startDate: input.startDate,
    endDate: input.endDate,
    cells: {},
  };
}

/**
 * The engine's context for one FY (NI thresholds and rates month by month, levy, pay
 * ladders), prepared once per FY, settings and grant dates rather than once per post: a
 * sheet of thousands of ESTAB.POSTCOST cells, or a live sheet's checks, mostly share one
 * or two. A context holds no result between calls (a post's figures are read before the
 * next post is costed in it), so sharing it gives the same pound.
 */
const yearContexts = new Map<string, CostingContext>();
const MAX_YEAR_CONTEXTS = 16;
/** Pay ladders are cached per distinct salary inside a context; a long session is capped here. */
const MAX_LADDERS = 20_000;

/**
 * The context last given, by its arguments themselves: a live sheet asks for one again and
 * again with the very same settings objects (which callers never change once passed), and
 * the key's JSON cost more than the costing it saves.
 */
let lastAsked:
  { fy: FinancialYear; settings: PlainSettings; grant: object; ctx: CostingContext } | undefined;

export function yearCostingContext(
  fy: FinancialYear,
  settings: PlainSettings = {},
  grant: { start?: Serial; end?: Serial } = {}
): CostingContext {
  let ctx =
    lastAsked?.fy === fy && lastAsked.settings === settings && lastAsked.grant === grant
      ? lastAsked.ctx
      : undefined;
  if (!ctx) {
    const key = `${fy}|${JSON.stringify(settings)}|${grant.start ?? ""}|${grant.end ?? ""}`;
    ctx = yearContexts.get(key);
    if (!ctx) {
      if (yearContexts.size >= MAX_YEAR_CONTEXTS)
        yearContexts.delete(yearContexts.keys().next().value as string);
      const assumptions = plainAssumptions(fy, 1, settings);
      ctx = prepareCosting(assumptions, costingWindow({ ...assumptions, grant }));
      yearContexts.set(key, ctx);
    }
    lastAsked = { fy, settings, grant, ctx };
  }
  if (ctx.ladders.size > MAX_LADDERS) ctx.ladders.clear();
  return ctx;
}

/** A post's cost in one FY from plain numbers (the salary is that year's). */
export function postCostInYear(
  input: PlainPostInput,
  fy: FinancialYear,
  settings: PlainSettings = {}
): PostYearCost {
  return costPostIn(yearCostingContext(fy, settings), plainPost(input)).years[0];
}

/**
 * A post's cost year by year from `firstYear` for `years` FYs: increments (when a grade
 * range is given) and pay awards each April, part years from the start and end dates.
 */
export function postCostProfile(
  input: PlainPostInput,
  firstYear: FinancialYear,
  years: number,
  settings: PlainSettings = {}
): PostYearCost[] {
  const a = plainAssumptions(firstYear, years, settings);
  return costPost(plainPost(input), a, financialYearsWindow(firstYear, years)).years;
}

/** What ESTAB.PROFILE costs: one post from plain arguments, over a run of FYs. */
export interface ProfileInput {
  /** Full-time salary in the first year; undefined with points: the grade's costing point. */
  salary: number | undefined;
  fte: number;
  /** People sharing the FTE; undefined: the FTE rounded up. */
  headcount?: number;
  start?: Serial;
  end?: Serial;
  pensionRate?: number;
  /** The grade's salaries in the first year, bottom to top: the post moves up them. */
  points?: readonly number[];
  firstYear: FinancialYear;
  years: number;
  /** Settings as the functions read them, the pay awards included. */
  settings: PlainSettings;
  /** Dates that clip the costing window (a grant's start and end). */
  grant?: { start?: Serial; end?: Serial };
}

/** The grade name a points argument is filed under when it is handed to the engine as a pay scale. */
const POINTS_GRADE = "ESTAB.points";

/**
 * ESTAB.PROFILE's costing, for the cell function and for the live sheets' expressions of
 * it alike: the post costed month by month over the window, moving up `points` each April
 * when given. The arguments are read (and checked) by the caller.
 */
export function postProfile(input: ProfileInput): PostYearCost[] {
  const { points } = input;
  const post: Post = {
    sourceRow: 0,
    title: "Post",
    grade: points ? POINTS_GRADE : undefined,
    fte: input.fte,
    headcount: input.headcount,
    salary: input.salary,
    pensionRate: input.pensionRate,
    startDate: input.start,
    endDate: input.end,
    cells: {},
  };
  return costPostIn(profileContext(input), post).years;
}

/**
 * The engine's context for a profile's window, settings and points, shared by the calls
 * that have the same (a sheet's posts on one grade, or on a salary alone), as
 * yearCostingContext is for one year: preparing it is most of a small post's cost.
 */
const profileContexts = new Map<string, CostingContext>();
/** A sheet has a grade or two per context; a few KB each. */
const MAX_PROFILE_CONTEXTS = 256;

function profileContext(input: ProfileInput): CostingContext {
  const { points, grant = {} } = input;
  const key = `${input.firstYear}|${input.years}|${JSON.stringify(input.settings)}|${grant.start ?? ""}|${grant.end ?? ""}|${points?.join(",") ?? ""}`;
  let ctx = profileContexts.get(key);
  if (!ctx) {
    if (profileContexts.size >= MAX_PROFILE_CONTEXTS)
      profileContexts.delete(profileContexts.keys().next().value as string);
    const scales = points && {
      sheet: "",
      points: points.map((salary, i) => ({ grade: POINTS_GRADE, point: i + 1, salary })),
    };
    const assumptions = plainAssumptions(input.firstYear, input.years, input.settings);
    ctx = prepareCosting(assumptions, costingWindow({ ...assumptions, grant }), scales);
    profileContexts.set(key, ctx);
  }
  if (ctx.ladders.size > MAX_LADDERS) ctx.ladders.clear();
  return ctx;
}
