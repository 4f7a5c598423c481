/**
 * The ESTAB functions as one table: name, help, parameters, result shape and the
 * implementation. functions.ts exposes each to Excel (its JSDoc is what the metadata
 * plugin reads); the tests register the same table in HyperFormula and check it against
 * the generated functions.json. Implementations only read arguments and call src/core.
 */
import {
  financialYearFraction,
  financialYearLabel,
  financialYearOf,
  type FinancialYear,
  type YearFractionBasis,
} from "../core/dates";
import {
  FIGURES,
  levyForPay,
  niForPay,
  pensionForPay,
  costPostIn,
  yearCostingContext,
  salaryAtPoint,
  type CostFigures,
  type CostingContext,
  postProfile,
} from "../core/costing";
import type { Post } from "../core/model";
import { allocateExact, allocateMatrix, needIndex } from "../core/shares";
import { LIMITS } from "../core/read";
import { formatNumber, roundPenny } from "../core/money";
import { agencyAnnualCost, agencyVersusPermanent } from "../core/changes";
import {
  awardsArg,
  choiceArg,
  dateArg,
  fyArg,
  inShapeOf,
  isBlank,
  isBlankArg,
  numberArg,
  numbersOf,
  optionalBoolean,
  optionalDate,
  optionalNumber,
  optionalRate,
  scalarOf,
  shapeOf,
  withinLimit,
  type ArgValue,
  type CellInput,
  type NumberRule,
  type FunctionResult,
  type Spill,
} from "./args";
import { asInputError, fail } from "./errors";
import { settingsArg, type FunctionSettings } from "./settings";

/** How an engine should pass a parameter: one value, or a range as rows of cells. */
export type ParamKind = "value" | "range";

export interface ParamDef {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  help: string;
}

/** What an engine can know about the arguments before evaluating them (HyperFormula sizes spills at parse time). */
export interface ShapeProbe {
  /** The argument's value when it is written literally in the formula (a number or text). */
  literal(index: number): CellInput;
  /** Rows × columns of a range argument, when known. */
  rangeSize(index: number): { rows: number; columns: number } | undefined;
}

export interface FunctionDef {
  /** The name after "ESTAB.". */
  name: string;
  help: string;
  params: ParamDef[];
  /** "matrix" results spill. */
  result: "scalar" | "matrix";
  /** For spilling functions: the result's size predicted from the formula, or undefined if it cannot be. */
  spillSize?: (probe: ShapeProbe) => { rows: number; columns: number } | undefined;
  run: (args: readonly ArgValue[]) => FunctionResult;
}

/** Figures a cost function can give, in users' words. */
export const FIGURE_NAMES = ["total", "salary", "ni", "pension", "levy", "flat"] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
const FIGURE_KEY: Record<FigureName, keyof CostFigures> = {
  total: "total",
  salary: "salary",
  ni: "ni",
  pension: "pension",
  levy: "levy",
  flat: "flatOnCost",
};

const arg = (args: readonly ArgValue[], i: number): ArgValue => (i < args.length ? args[i] : null);

/**
 * Headcount as the costing engine reads it: 0 (a new post nobody fills yet, or a blank
 * cell Excel passes as 0) means unknown, so the NI threshold goes by the FTE rounded up.
 */
function headcountArg(v: ArgValue): number | undefined {
  const n = optionalNumber(v, "headcount", RULE.headcount);
  return n === 0 ? undefined : n;
}

function figureArg(v: ArgValue, withAll: boolean): FigureName | "all" {
  const choices: ReadonlyArray<FigureName | "all"> = withAll
    ? [...FIGURE_NAMES, "all"]
    : FIGURE_NAMES;
  return choiceArg(v, "figure", choices, "total");
}

/** Every on-cost function shares these so the same words mean the same thing everywhere. */
const P = {
  pay: {
    name: "pay",
    kind: "value",
    help: "Annual pay in the year, £ (salary × FTE for a part-time post).",
  },
  fy: {
    name: "fy",
    kind: "value",
    help: 'Financial year: "2024/25", 2024 (the year it starts) or any date in it.',
  },
  salary: { name: "salary", kind: "value", help: "Full-time annual salary, £." },
  fte: { name: "fte", kind: "value", help: "Full-time equivalent (WTE), e.g. 1 or 0.5." },
  headcount: {
    name: "headcount",
    kind: "value",
    optional: true,
    help: "People sharing the FTE; the NI threshold is per person. Blank or 0 (a new or empty post): the FTE rounded up.",
  },
  start: {
    name: "start",
    kind: "value",
    optional: true,
    help: "Start date, if the post starts during the period.",
  },
  end: {
    name: "end",
    kind: "value",
    optional: true,
    help: "End date, if the post ends during the period.",
  },
  pensionRate: {
    name: "pensionRate",
    kind: "value",
    optional: true,
    help: "Employer pension rate, e.g. 19%. Default 0, or the settings' pension rate.",
  },
  settings: {
    name: "settings",
    kind: "range",
    optional: true,
    help: 'Two-column range of setting name and value, e.g. "Levy | FALSE", "NI rate | 15%".',
  },
} satisfies Record<string, ParamDef>;

/**
 * What an argument may be: the reader's limits (src/core/read/limits.ts), so a formula
 * refuses what an establishment cell would, and every figure worked out stays finite.
 * Annual pay is a salary times an FTE, each at its limit.
 */
const RULE = {
  pay: { min: 0, max: LIMITS.salary.max * LIMITS.fte.max },
  salary: withinLimit(LIMITS.salary),
  fte: withinLimit(LIMITS.fte),
  headcount: withinLimit(LIMITS.headcount),
  people: { above: 0, max: LIMITS.headcount.max, whole: true },
  niMonthlyThreshold: withinLimit(LIMITS.niMonthlyThreshold),
  agencyHourlyRate: { max: LIMITS.agencyHourlyRate.max },
  hoursPerWeek: { max: LIMITS.hoursPerWeek.max },
  weeks: { max: LIMITS.agencyWeeksPerYear.max },
  population: withinLimit(LIMITS.population),
  deprivation: withinLimit(LIMITS.deprivation),
  demand: withinLimit(LIMITS.demand),
} satisfies Record<string, NumberRule>;

/**
 * A grade has at most this many points (the limit of a spinal point): the costing walks
 * every point for every year and award, so the points range is capped, not timed.
 */
const MAX_POINTS = LIMITS.spinalPoint.max;

/**
 * Roles × localities a grid may have: the exact rounding places its owed units by a
 * min-cost flow whose work grows with the cells squared (50 × 50 takes a tenth of a second),
 * so the grid is capped, not timed. A service's roles and localities fit many times over.
 */
export const MAX_GRID_CELLS = 2_500;

/** Cells in a range argument, without reading it. */
const cellsOf = (v: ArgValue): number => {
  const { rows, columns } = shapeOf(v);
  return rows * columns;
};

/** A points range: salaries bottom to top, at most MAX_POINTS of them. */
function pointsArg(v: ArgValue): number[] {
  const { rows, columns } = shapeOf(v);
  if (rows * columns > MAX_POINTS)
    fail(
      "invalidNumber",
      `points has ${formatNumber(rows * columns, 0)} cells; a grade has at most ${formatNumber(MAX_POINTS, 0)} points`
    );
  return numbersOf(v, "points", RULE.salary);
}

function checkDates(start: number | undefined, end: number | undefined): void {
  if (start !== undefined && end !== undefined && end < start)
    fail("invalidNumber", "The end date is before the start date");
}

/** A post as the engine takes it, from function arguments. */
function postFrom(args: {
  salary: number | undefined;
  fte: number;
  headcount?: number;
  start?: number;
  end?: number;
  pensionRate?: number;
  grade?: string;
}): Post {
  checkDates(args.start, args.end);
  return {
    sourceRow: 0,
    title: "Post",
    grade: args.grade,
    fte: args.fte,
    headcount: args.headcount,
    salary: args.salary,
    pensionRate: args.pensionRate,
    startDate: args.start,
    endDate: args.end,
    cells: {},
  };
}

/** A points range must go up from the bottom of the grade to the top. */
function checkPoints(points: number[] | undefined): void {
  if (!points) return;
  for (let i = 1; i < points.length; i++)
    if (points[i] < points[i - 1])
      fail("invalidNumber", "points must go up from the bottom of the grade to the top");
}

/** The engine's context for a FY and settings, shared across cells (yearCostingContext). */
const yearContext = (fy: FinancialYear, settings: FunctionSettings): CostingContext =>
  yearCostingContext(fy, settings.costing, settings.grant);

/** A post's figures in the context's one financial year: what POSTCOST and POSTCHANGE cost with. */
const yearCostOf = (ctx: CostingContext, post: Post): CostFigures => costPostIn(ctx, post).years[0];

const figureOf = (costs: CostFigures, figure: FigureName): number => costs[FIGURE_KEY[figure]];

/** "all" rows follow the engine's figure order: salary, NI, pension, levy, flat on-cost, total. */
const FIGURE_NAMES_IN_ENGINE_ORDER: readonly FigureName[] = FIGURES.map(
  (k) => (Object.keys(FIGURE_KEY) as FigureName[]).find((f) => FIGURE_KEY[f] === k) as FigureName
);

export const FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "FINYEAR",
    help: 'The financial year (1 April to 31 March) a date falls in, e.g. "2024/25".',
    params: [{ name: "date", kind: "value", help: "A date (or Excel date serial number)." }],
    result: "scalar",
    run: (a) => financialYearLabel(financialYearOf(dateArg(arg(a, 0), "date"))),
  },
  {
    name: "FYFRACTION",
    help: "The share of a financial year a post covers between two dates, by days (or months).",
    params: [
      { name: "start", kind: "value", help: "First day covered; blank for the start of the year." },
      { name: "end", kind: "value", help: "Last day covered; blank for the end of the year." },
      P.fy,
      {
        name: "basis",
        kind: "value",
        optional: true,
        help: '"days" (default): days ÷ days in the year. "months": part months by days, as salary is costed.',
      },
    ],
    result: "scalar",
    run: (a) => {
      const start = optionalDate(arg(a, 0), "start");
      const end = optionalDate(arg(a, 1), "end");
      checkDates(start, end);
      const basis = choiceArg<YearFractionBasis>(arg(a, 3), "basis", ["days", "months"], "days");
      return financialYearFraction(fyArg(arg(a, 2)), start, end, basis);
    },
  },
  {
    name: "EMPLOYERNI",
    help: "Employer National Insurance on annual pay paid evenly over a financial year.",
    params: [
      P.pay,
      P.fy,
      {
        name: "people",
        kind: "value",
        optional: true,
        help: "People the pay is shared by (default 1).",
      },
      {
        name: "rate",
        kind: "value",
        optional: true,
        help: "NI rate instead of the statutory table's, e.g. 15%.",
      },
      {
        name: "monthlyThreshold",
        kind: "value",
        optional: true,
        help: "Monthly secondary threshold per person instead of the table's, £.",
      },
    ],
    result: "scalar",
    run: (a) =>
      niForPay(numberArg(arg(a, 0), "pay", RULE.pay), fyArg(arg(a, 1)), {
        people: optionalNumber(arg(a, 2), "people", RULE.people),
        niRate: optionalRate(arg(a, 3), "rate"),
        niMonthlyThreshold: optionalNumber(arg(a, 4), "monthlyThreshold", RULE.niMonthlyThreshold),
      }),
  },
  {
    name: "PENSION",
    help: "Employer pension on pay, to the penny.",
    params: [P.pay, { name: "rate", kind: "value", help: "Employer pension rate, e.g. 19%." }],
    result: "scalar",
    run: (a) =>
      pensionForPay(numberArg(arg(a, 0), "pay", RULE.pay), optionalRate(arg(a, 1), "rate") ?? 0),
  },
  {
    name: "LEVY",
    help: "Apprenticeship levy on pay in a financial year: 0.5% from 2017/18, none before.",
    params: [
      P.pay,
      P.fy,
      {
        name: "payable",
        kind: "value",
        optional: true,
        help: "FALSE if the employer does not pay the levy (default TRUE).",
      },
    ],
    result: "scalar",
    run: (a) =>
      levyForPay(
        numberArg(arg(a, 0), "pay", RULE.pay),
        fyArg(arg(a, 1)),
        optionalBoolean(arg(a, 2), "payable") ?? true
      ),
  },
  {
    name: "POSTCOST",
    help: "Full cost of a post in a financial year: salary plus employer NI, pension and levy.",
    params: [
      P.salary,
      P.fte,
      P.fy,
      P.headcount,
      P.start,
      P.end,
      P.pensionRate,
      {
        name: "figure",
        kind: "value",
        optional: true,
        help: '"total" (default), "salary", "ni", "pension", "levy" or "flat" (flat on-cost).',
      },
      P.settings,
    ],
    result: "scalar",
    run: (a) => {
      const start = optionalDate(arg(a, 4), "start");
      const end = optionalDate(arg(a, 5), "end");
      checkDates(start, end);
      const post = postFrom({
        salary: numberArg(arg(a, 0), "salary", RULE.salary),
        fte: numberArg(arg(a, 1), "fte", RULE.fte),
        headcount: headcountArg(arg(a, 3)),
        start,
        end,
        pensionRate: optionalRate(arg(a, 6), "pensionRate"),
      });
      const costs = yearCostOf(yearContext(fyArg(arg(a, 2)), settingsArg(arg(a, 8))), post);
      return figureOf(costs, figureArg(arg(a, 7), false) as FigureName);
    },
  },
  {
    name: "POSTCHANGE",
    help: "Full-year cost change of one post in a restructure: its cost as proposed less its cost now.",
    params: [
      {
        name: "salaryNow",
        kind: "value",
        help: "Full-time annual salary now, £ (blank for a new post).",
      },
      { name: "fteNow", kind: "value", help: "FTE now, e.g. 1 (0 or blank for a new post)." },
      {
        name: "salaryProposed",
        kind: "value",
        help: "Full-time annual salary as proposed, £ (blank: unchanged).",
      },
      {
        name: "fteProposed",
        kind: "value",
        help: "FTE as proposed (blank: unchanged; 0 deletes the post).",
      },
      P.fy,
      {
        ...P.headcount,
        name: "headcountNow",
        help: "People sharing the FTE now; the NI threshold is per person. Blank or 0: the FTE rounded up.",
      },
      {
        ...P.headcount,
        name: "headcountProposed",
        help: "People sharing the FTE as proposed. Blank or 0: the FTE rounded up.",
      },
      P.pensionRate,
      P.settings,
    ],
    result: "scalar",
    run: (a) => {
      const ctx = yearContext(fyArg(arg(a, 4)), settingsArg(arg(a, 8)));
      const pensionRate = optionalRate(arg(a, 7), "pensionRate");
      const fteNow = numberArg(arg(a, 1), "fteNow", RULE.fte);
      const salaryNow = optionalNumber(arg(a, 0), "salaryNow", RULE.salary);
      const fteProposed = optionalNumber(arg(a, 3), "fteProposed", RULE.fte) ?? fteNow;
      const salaryProposed = optionalNumber(arg(a, 2), "salaryProposed", RULE.salary) ?? salaryNow;
      // A whole year of one side, as the Restructure sheet costs it; no FTE costs nothing.
      const side = (salary: number | undefined, fte: number, headcount: ArgValue, what: string) => {
        if (fte === 0) return 0;
        if (salary === undefined)
          fail("invalidValue", `${what} is blank: give the salary of the post with FTE ${fte}`);
        const post = postFrom({ salary, fte, headcount: headcountArg(headcount), pensionRate });
        return yearCostOf(ctx, post).total;
      };
      const now = side(salaryNow, fteNow, arg(a, 5), "salaryNow");
      const then = side(salaryProposed, fteProposed, arg(a, 6), "salaryProposed");
      return roundPenny(then - now);
    },
  },
  {
    name: "PROFILE",
    help: "A post's cost year by year, spilling one column per financial year: increments and pay awards each April.",
    params: [
      {
        ...P.salary,
        help: "Full-time annual salary in the first year, £ (blank: the bottom of the points).",
      },
      P.fte,
      { name: "firstFy", kind: "value", help: 'First financial year, e.g. "2024/25".' },
      { name: "years", kind: "value", help: "Number of financial years (columns) to spill." },
      P.start,
      P.end,
      {
        name: "awards",
        kind: "range",
        optional: true,
        help: "Pay awards: rows of financial year, percentage and optional flat £ minimum.",
      },
      {
        name: "points",
        kind: "range",
        optional: true,
        help: "Salaries of the grade's points in the first year, bottom to top; the post moves up one each April.",
      },
      P.headcount,
      P.pensionRate,
      {
        name: "figure",
        kind: "value",
        optional: true,
        help: '"total" (default), "salary", "ni", "pension", "levy", "flat", or "all" for one row of each.',
      },
      P.settings,
    ],
    result: "matrix",
    spillSize: (probe) => {
      const years = probe.literal(3);
      if (typeof years !== "number" || !Number.isInteger(years) || years < 1) return undefined;
      const figure = probe.literal(10);
      return {
        rows:
          typeof figure === "string" && figure.trim().toLowerCase() === "all" ? FIGURES.length : 1,
        columns: years,
      };
    },
    run: (a) => {
      const pointsRange = arg(a, 7);
      const points = isBlankArg(pointsRange) ? undefined : pointsArg(pointsRange);
      const salaryCell = arg(a, 0);
      // With points, a blank (or 0: an empty cell) salary means the costing point of the grade.
      const given = numberArg(salaryCell, "salary", RULE.salary);
      const firstYear: FinancialYear = fyArg(arg(a, 2), "firstFy");
      const years = numberArg(arg(a, 3), "years", { min: 1, max: 50, whole: true });
      const fte = numberArg(arg(a, 1), "fte", RULE.fte);
      const headcount = headcountArg(arg(a, 8));
      const start = optionalDate(arg(a, 4), "start");
      const end = optionalDate(arg(a, 5), "end");
      const pensionRate = optionalRate(arg(a, 9), "pensionRate");
      checkDates(start, end);
      const { costing, grant, payAwards } = settingsArg(arg(a, 11));
      // Awards given as their own range win; else those of an Assumptions sheet as settings.
      const awards = isBlankArg(arg(a, 6)) ? (payAwards ?? []) : awardsArg(arg(a, 6));
      const figure = figureArg(arg(a, 10), true);
      checkPoints(points);
      // The same core call the live sheets' expressions of ESTAB.PROFILE make (report/estab-calls).
      const costed = postProfile({
        salary: points && given === 0 ? undefined : given,
        fte,
        headcount,
        start,
        end,
        pensionRate,
        points,
        firstYear,
        years,
        settings: { ...costing, payAwards: awards },
        grant,
      });
      const rows: readonly FigureName[] =
        figure === "all" ? FIGURE_NAMES_IN_ENGINE_ORDER : [figure];
      return rows.map((f) => costed.map((y) => figureOf(y, f)));
    },
  },
  {
    name: "SALARY",
    help: "Full-time salary at a grade point after a number of 1 April increments and the pay awards in those years.",
    params: [
      {
        name: "points",
        kind: "range",
        help: "Salaries of the grade's points in the base year, bottom to top.",
      },
      { name: "point", kind: "value", help: "Starting point: 1 for the bottom of the range." },
      {
        name: "years",
        kind: "value",
        help: "Increments (1 April steps) since the base year; stops at the top.",
      },
      {
        name: "awards",
        kind: "range",
        optional: true,
        help: "Pay awards: rows of financial year, percentage, optional flat £ minimum.",
      },
      {
        name: "baseFy",
        kind: "value",
        optional: true,
        help: "Financial year the points' salaries are for (needed with awards).",
      },
    ],
    result: "scalar",
    run: (a) => {
      const points = pointsArg(arg(a, 0));
      const point = numberArg(arg(a, 1), "point", { min: 1, max: points.length, whole: true });
      const years = numberArg(arg(a, 2), "years", { min: 0, max: 50, whole: true });
      const awards = awardsArg(arg(a, 3));
      const baseCell = scalarOf(arg(a, 4), "baseFy");
      if (awards.length > 0 && isBlank(baseCell))
        fail("invalidValue", "Give baseFy, the year the points are for, to apply the awards");
      const baseYear = isBlank(baseCell) ? 0 : fyArg(baseCell, "baseFy");
      return salaryAtPoint(points, point - 1 + years, baseYear, baseYear + years, awards);
    },
  },
  {
    name: "ALLOCATE",
    help: "Shares a total out by weights in whole units so the parts add up exactly (largest remainder); spills like the weights.",
    params: [
      { name: "total", kind: "value", help: "The total to share out, e.g. 20 FTE." },
      {
        name: "weights",
        kind: "range",
        help: "Weights or shares (need not add up to 1), e.g. the need index.",
      },
      {
        name: "unit",
        kind: "value",
        optional: true,
        help: "Step to allocate in, in FTE: 1 (default, whole posts), 0.5, 0.25, 0.1 or any other positive step.",
      },
    ],
    result: "matrix",
    spillSize: (probe) => probe.rangeSize(1),
    run: (a) => {
      const weights = arg(a, 1);
      const total = numberArg(arg(a, 0), "total", { min: 0 });
      const unit = optionalNumber(arg(a, 2), "unit", { above: 0 }) ?? 1;
      return inShapeOf(shapeOf(weights), allocateExact(total, numbersOf(weights, "weights"), unit));
    },
  },
  {
    name: "ALLOCATEGRID",
    help: "Shares each role's FTE out to the localities by need, in whole units, so every role's total and every locality's total come out exact; spills roles down, localities across.",
    params: [
      {
        name: "roleFTEs",
        kind: "range",
        help: "Each role's FTE, e.g. 1 manager, 8 family support workers (a column or a row).",
      },
      {
        name: "localityNeed",
        kind: "range",
        help: "Each locality's need index or weight (need not add up to 1), e.g. from ESTAB.NEEDINDEX.",
      },
      {
        name: "unit",
        kind: "value",
        optional: true,
        help: "Step to allocate in, in FTE: 1 (default, whole posts), 0.5, 0.25, 0.1 or any other positive step.",
      },
    ],
    result: "matrix",
    spillSize: (probe) => {
      const roles = probe.rangeSize(0);
      const localities = probe.rangeSize(1);
      return roles && localities
        ? { rows: roles.rows * roles.columns, columns: localities.rows * localities.columns }
        : undefined;
    },
    run: (a) => {
      const roles = arg(a, 0);
      const need = arg(a, 1);
      const cells = cellsOf(roles) * cellsOf(need);
      if (cells > MAX_GRID_CELLS)
        fail(
          "invalidValue",
          `roles × localities is ${formatNumber(cells, 0)} cells, more than the ${formatNumber(MAX_GRID_CELLS, 0)} one grid can share out exactly; split the roles into groups`
        );
      const roleFte = numbersOf(roles, "roleFTEs", RULE.fte);
      const weights = numbersOf(need, "localityNeed", { min: 0 });
      const unit = optionalNumber(arg(a, 2), "unit", { above: 0 }) ?? 1;
      return allocateMatrix(roleFte, weights, unit);
    },
  },
  {
    name: "NEEDINDEX",
    help: "Each locality's need index (adding up to 1) from population, deprivation and demand; spills like the population.",
    params: [
      { name: "population", kind: "range", help: "0–19 population per locality." },
      {
        name: "deprivation",
        kind: "range",
        help: "Deprivation rate per locality, e.g. IDACI 0.20.",
      },
      {
        name: "demand",
        kind: "range",
        help: "Recent demand per locality: referrals or open cases.",
      },
      {
        name: "weights",
        kind: "range",
        help: "Weights of population, deprivation, demand and (optionally) an equal share, e.g. 50%, 30%, 20%.",
      },
    ],
    result: "matrix",
    spillSize: (probe) => probe.rangeSize(0),
    run: (a) => {
      const population = arg(a, 0);
      const w = numbersOf(arg(a, 3), "weights");
      if (w.length < 3 || w.length > 4)
        fail(
          "invalidValue",
          `weights must be 3 or 4 values: population, deprivation, demand[, equal share] (was ${w.length})`
        );
      const index = needIndex(
        numbersOf(population, "population", RULE.population),
        numbersOf(arg(a, 1), "deprivation", RULE.deprivation),
        numbersOf(arg(a, 2), "demand", RULE.demand),
        { population: w[0], deprivation: w[1], demand: w[2], equal: w[3] ?? 0 }
      );
      return inShapeOf(shapeOf(population), index);
    },
  },
  {
    name: "AGENCYCOST",
    help: "An agency worker's annual cost: hourly charge rate × hours a week × weeks, to the penny.",
    params: [
      { name: "hourlyRate", kind: "value", help: "Agency charge rate per hour, £." },
      { name: "hoursPerWeek", kind: "value", help: "Hours a week, e.g. 37." },
      { name: "weeks", kind: "value", help: "Weeks a year paid, e.g. 52." },
    ],
    result: "scalar",
    run: (a) =>
      agencyAnnualCost(
        numberArg(arg(a, 0), "hourlyRate", RULE.agencyHourlyRate),
        numberArg(arg(a, 1), "hoursPerWeek", RULE.hoursPerWeek),
        numberArg(arg(a, 2), "weeks", RULE.weeks)
      ),
  },
  {
    name: "AGENCYSAVING",
    help: "What converting an agency post to permanent saves a year: agency cost minus permanent cost (negative: it costs more).",
    params: [
      { name: "hourlyRate", kind: "value", help: "Agency charge rate per hour, £." },
      { name: "hoursPerWeek", kind: "value", help: "Hours a week, e.g. 37." },
      { name: "weeks", kind: "value", help: "Weeks a year paid, e.g. 52." },
      {
        name: "permanentCost",
        kind: "value",
        help: "Annual cost of the permanent post with on-costs, e.g. from ESTAB.POSTCOST.",
      },
    ],
    result: "scalar",
    run: (a) =>
      agencyVersusPermanent(
        numberArg(arg(a, 0), "hourlyRate", RULE.agencyHourlyRate),
        numberArg(arg(a, 1), "hoursPerWeek", RULE.hoursPerWeek),
        numberArg(arg(a, 2), "weeks", RULE.weeks),
        numberArg(arg(a, 3), "permanentCost", RULE.pay)
      ).saving,
  },
];

export const FUNCTIONS_BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(
  FUNCTIONS.map((f) => [f.name, f])
);

/** Runs a function by name on raw arguments; bad input throws an EstabFunctionError. */
export function runFunction(name: string, args: readonly ArgValue[]): FunctionResult {
  const def = FUNCTIONS_BY_NAME.get(name);
  if (!def) return fail("invalidValue", `ESTAB.${name} is not a function`);
  let result: FunctionResult;
  try {
    result = def.run(args);
  } catch (e) {
    throw asInputError(e);
  }
  checkResult(result, name);
  return result;
}

/** A NaN or infinite figure is a bug or an impossible input; never hand it to a sheet as a number. */
function checkResult(result: FunctionResult, name: string): void {
  const bad = (x: number | string) => typeof x === "number" && !Number.isFinite(x);
  if (
    typeof result === "number"
      ? bad(result)
      : Array.isArray(result) && (result as Spill).some((r) => r.some(bad))
  )
    fail("invalidNumber", `ESTAB.${name} could not work out a finite figure from these inputs`);
}
