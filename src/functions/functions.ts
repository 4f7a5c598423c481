/**
 * ESTAB custom functions, as Excel sees them. Each is a one-line door into the table in
 * definitions.ts (the same table HyperFormula is tested with); the JSDoc below is what
 * custom-functions-metadata-plugin reads to generate functions.json, and a test checks it
 * agrees with the table. Functions read only their arguments: no settings, no Excel calls.
 */
import { runFunction } from "./definitions";
import { toArg, type FunctionResult } from "./args";
import { toFunctionError } from "./errors";

/** Runs one function; any failure becomes an Excel error with its message (errors.ts), never a bare exception. */
function call(name: string, args: unknown[]): FunctionResult {
  try {
    return runFunction(name, args.map(toArg));
  } catch (e) {
    throw toFunctionError(e);
  }
}

function wrongKind(name: string, result: FunctionResult): Error {
  return toFunctionError(
    new Error(`ESTAB.${name} gave ${JSON.stringify(result)}, not the kind of result it promises`)
  );
}

function callNumber(name: string, args: unknown[]): number {
  const result = call(name, args);
  if (typeof result !== "number") throw wrongKind(name, result);
  return result;
}

function callText(name: string, args: unknown[]): string {
  const result = call(name, args);
  if (typeof result !== "string") throw wrongKind(name, result);
  return result;
}

function callSpill(name: string, args: unknown[]): number[][] {
  const result = call(name, args);
  if (!Array.isArray(result) || result.some((row) => row.some((x) => typeof x !== "number")))
    throw wrongKind(name, result);
  return result as number[][];
}

/**
 * The financial year (1 April to 31 March) a date falls in, e.g. "2024/25".
 * @customfunction FINYEAR
 * @helpurl https://localhost:3000/help.html#estab-finyear
 * @param date A date (or Excel date serial number).
 * @returns The financial year, e.g. "2024/25".
 */
export function finYear(date: number | string): string {
  return callText("FINYEAR", [date]);
}

/**
 * The share of a financial year a post covers between two dates, by days (or months).
 * @customfunction FYFRACTION
 * @helpurl https://localhost:3000/help.html#estab-fyfraction
 * @param start First day covered; blank for the start of the year.
 * @param end Last day covered; blank for the end of the year.
 * @param fy Financial year: "2024/25", 2024 (the year it starts) or any date in it.
 * @param [basis] "days" (default): days ÷ days in the year. "months": part months by days, as salary is costed.
 * @returns A fraction from 0 to 1.
 */
export function fyFraction(
  start: number | string,
  end: number | string,
  fy: number | string,
  basis?: string
): number {
  return callNumber("FYFRACTION", [start, end, fy, basis]);
}

/**
 * Employer National Insurance on annual pay paid evenly over a financial year.
 * @customfunction EMPLOYERNI
 * @helpurl https://localhost:3000/help.html#estab-employerni
 * @param pay Annual pay in the year, £ (salary × FTE for a part-time post).
 * @param fy Financial year: "2024/25", 2024 (the year it starts) or any date in it.
 * @param [people] People the pay is shared by (default 1).
 * @param [rate] NI rate instead of the statutory table's, e.g. 15%.
 * @param [monthlyThreshold] Monthly secondary threshold per person instead of the table's, £.
 * @returns Employer NI for the year, £, to the penny.
 */
export function employerNi(
  pay: number | string,
  fy: number | string,
  people?: number | string,
  rate?: number | string,
  monthlyThreshold?: number | string
): number {
  return callNumber("EMPLOYERNI", [pay, fy, people, rate, monthlyThreshold]);
}

/**
 * Employer pension on pay, to the penny.
 * @customfunction PENSION
 * @helpurl https://localhost:3000/help.html#estab-pension
 * @param pay Annual pay in the year, £ (salary × FTE for a part-time post).
 * @param rate Employer pension rate, e.g. 19%.
 * @returns Employer pension, £, to the penny.
 */
export function pension(pay: number | string, rate: number | string): number {
  return callNumber("PENSION", [pay, rate]);
}

/**
 * Apprenticeship levy on pay in a financial year: 0.5% from 2017/18, none before.
 * @customfunction LEVY
 * @helpurl https://localhost:3000/help.html#estab-levy
 * @param pay Annual pay in the year, £ (salary × FTE for a part-time post).
 * @param fy Financial year: "2024/25", 2024 (the year it starts) or any date in it.
 * @param [payable] FALSE if the employer does not pay the levy (default TRUE).
 * @returns Apprenticeship levy, £, to the penny.
 */
export function levy(
  pay: number | string,
  fy: number | string,
  payable?: boolean | string
): number {
  return callNumber("LEVY", [pay, fy, payable]);
}

/**
 * Full cost of a post in a financial year: salary plus employer NI, pension and levy.
 * @customfunction POSTCOST
 * @helpurl https://localhost:3000/help.html#estab-postcost
 * @param salary Full-time annual salary, £.
 * @param fte Full-time equivalent (WTE), e.g. 1 or 0.5.
 * @param fy Financial year: "2024/25", 2024 (the year it starts) or any date in it.
 * @param [headcount] People sharing the FTE; the NI threshold is per person. Blank or 0 (a new or empty post): the FTE rounded up.
 * @param [start] Start date, if the post starts during the period.
 * @param [end] End date, if the post ends during the period.
 * @param [pensionRate] Employer pension rate, e.g. 19%. Default 0, or the settings' pension rate.
 * @param [figure] "total" (default), "salary", "ni", "pension", "levy" or "flat" (flat on-cost).
 * @param [settings] Two-column range of setting name and value, e.g. "Levy | FALSE", "NI rate | 15%".
 * @returns The figure asked for, £, to the penny.
 */
export function postCost(
  salary: number | string,
  fte: number | string,
  fy: number | string,
  headcount?: number | string,
  start?: number | string,
  end?: number | string,
  pensionRate?: number | string,
  figure?: string,
  settings?: unknown[][]
): number {
  return callNumber("POSTCOST", [
    salary,
    fte,
    fy,
    headcount,
    start,
    end,
    pensionRate,
    figure,
    settings,
  ]);
}

/**
 * Full-year cost change of one post in a restructure: its cost as proposed less its cost now.
 * @customfunction POSTCHANGE
 * @helpurl https://localhost:3000/help.html#estab-postchange
 * @param salaryNow Full-time annual salary now, £ (blank for a new post).
 * @param fteNow FTE now, e.g. 1 (0 or blank for a new post).
 * @param salaryProposed Full-time annual salary as proposed, £ (blank: unchanged).
 * @param fteProposed FTE as proposed (blank: unchanged; 0 deletes the post).
 * @param fy Financial year: "2024/25", 2024 (the year it starts) or any date in it.
 * @param [headcountNow] People sharing the FTE now; the NI threshold is per person. Blank or 0: the FTE rounded up.
 * @param [headcountProposed] People sharing the FTE as proposed. Blank or 0: the FTE rounded up.
 * @param [pensionRate] Employer pension rate, e.g. 19%. Default 0, or the settings' pension rate.
 * @param [settings] Two-column range of setting name and value, e.g. "Levy | FALSE", "NI rate | 15%".
 * @returns Proposed less current whole-year cost with on-costs, £, to the penny: positive is additional resource, negative a saving.
 */
export function postChange(
  salaryNow: number | string,
  fteNow: number | string,
  salaryProposed: number | string,
  fteProposed: number | string,
  fy: number | string,
  headcountNow?: number | string,
  headcountProposed?: number | string,
  pensionRate?: number | string,
  settings?: unknown[][]
): number {
  return callNumber("POSTCHANGE", [
    salaryNow,
    fteNow,
    salaryProposed,
    fteProposed,
    fy,
    headcountNow,
    headcountProposed,
    pensionRate,
    settings,
  ]);
}

/**
 * A post's cost year by year, spilling one column per financial year: increments and pay awards each April.
 * @customfunction PROFILE
 * @helpurl https://localhost:3000/help.html#estab-profile
 * @param salary Full-time annual salary in the first year, £ (blank: the bottom of the points).
 * @param fte Full-time equivalent (WTE), e.g. 1 or 0.5.
 * @param firstFy First financial year, e.g. "2024/25".
 * @param years Number of financial years (columns) to spill.
 * @param [start] Start date, if the post starts during the period.
 * @param [end] End date, if the post ends during the period.
 * @param [awards] Pay awards: rows of financial year, percentage and optional flat £ minimum.
 * @param [points] Salaries of the grade's points in the first year, bottom to top; the post moves up one each April.
 * @param [headcount] People sharing the FTE; the NI threshold is per person. Blank or 0 (a new or empty post): the FTE rounded up.
 * @param [pensionRate] Employer pension rate, e.g. 19%. Default 0, or the settings' pension rate.
 * @param [figure] "total" (default), "salary", "ni", "pension", "levy", "flat", or "all" for one row of each.
 * @param [settings] Two-column range of setting name and value, e.g. "Levy | FALSE", "NI rate | 15%".
 * @returns One column per financial year (one row, or six with "all").
 */
export function profile(
  salary: number | string,
  fte: number | string,
  firstFy: number | string,
  years: number | string,
  start?: number | string,
  end?: number | string,
  awards?: unknown[][],
  points?: unknown[][],
  headcount?: number | string,
  pensionRate?: number | string,
  figure?: string,
  settings?: unknown[][]
): number[][] {
  return callSpill("PROFILE", [
    salary,
    fte,
    firstFy,
    years,
    start,
    end,
    awards,
    points,
    headcount,
    pensionRate,
    figure,
    settings,
  ]);
}

/**
 * Full-time salary at a grade point after a number of 1 April increments and the pay awards in those years.
 * @customfunction SALARY
 * @helpurl https://localhost:3000/help.html#estab-salary
 * @param points Salaries of the grade's points in the base year, bottom to top.
 * @param point Starting point: 1 for the bottom of the range.
 * @param years Increments (1 April steps) since the base year; stops at the top.
 * @param [awards] Pay awards: rows of financial year, percentage, optional flat £ minimum.
 * @param [baseFy] Financial year the points' salaries are for (needed with awards).
 * @returns Full-time annual salary, £.
 */
export function salaryAt(
  points: unknown[][],
  point: number | string,
  years: number | string,
  awards?: unknown[][],
  baseFy?: number | string
): number {
  return callNumber("SALARY", [points, point, years, awards, baseFy]);
}

/**
 * Shares a total out by weights in whole units so the parts add up exactly (largest remainder); spills like the weights.
 * @customfunction ALLOCATE
 * @helpurl https://localhost:3000/help.html#estab-allocate
 * @param total The total to share out, e.g. 20 FTE.
 * @param weights Weights or shares (need not add up to 1), e.g. the need index.
 * @param [unit] Step to allocate in, in FTE: 1 (default, whole posts), 0.5, 0.25, 0.1 or any other positive step.
 * @returns The allocations, in the shape of the weights.
 */
export function allocate(
  total: number | string,
  weights: unknown[][],
  unit?: number | string
): number[][] {
  return callSpill("ALLOCATE", [total, weights, unit]);
}

/**
 * Shares each role's FTE out to the localities by need, in whole units, so every role's total and every locality's total come out exact; spills roles down, localities across.
 * @customfunction ALLOCATEGRID
 * @helpurl https://localhost:3000/help.html#estab-allocategrid
 * @param roleFTEs Each role's FTE, e.g. 1 manager, 8 family support workers (a column or a row).
 * @param localityNeed Each locality's need index or weight (need not add up to 1), e.g. from ESTAB.NEEDINDEX.
 * @param [unit] Step to allocate in, in FTE: 1 (default, whole posts), 0.5, 0.25, 0.1 or any other positive step.
 * @returns FTE per role (rows) per locality (columns).
 */
export function allocateGrid(
  roleFTEs: unknown[][],
  localityNeed: unknown[][],
  unit?: number | string
): number[][] {
  return callSpill("ALLOCATEGRID", [roleFTEs, localityNeed, unit]);
}

/**
 * Each locality's need index (adding up to 1) from population, deprivation and demand; spills like the population.
 * @customfunction NEEDINDEX
 * @helpurl https://localhost:3000/help.html#estab-needindex
 * @param population 0–19 population per locality.
 * @param deprivation Deprivation rate per locality, e.g. IDACI 0.20.
 * @param demand Recent demand per locality: referrals or open cases.
 * @param weights Weights of population, deprivation, demand and (optionally) an equal share, e.g. 50%, 30%, 20%.
 * @returns The need index per locality, in the shape of the population.
 */
export function needIndex(
  population: unknown[][],
  deprivation: unknown[][],
  demand: unknown[][],
  weights: unknown[][]
): number[][] {
  return callSpill("NEEDINDEX", [population, deprivation, demand, weights]);
}

/**
 * An agency worker's annual cost: hourly charge rate × hours a week × weeks, to the penny.
 * @customfunction AGENCYCOST
 * @helpurl https://localhost:3000/help.html#estab-agencycost
 * @param hourlyRate Agency charge rate per hour, £.
 * @param hoursPerWeek Hours a week, e.g. 37.
 * @param weeks Weeks a year paid, e.g. 52.
 * @returns Annual agency cost, £.
 */
export function agencyCost(
  hourlyRate: number | string,
  hoursPerWeek: number | string,
  weeks: number | string
): number {
  return callNumber("AGENCYCOST", [hourlyRate, hoursPerWeek, weeks]);
}

/**
 * What converting an agency post to permanent saves a year: agency cost minus permanent cost (negative: it costs more).
 * @customfunction AGENCYSAVING
 * @helpurl https://localhost:3000/help.html#estab-agencysaving
 * @param hourlyRate Agency charge rate per hour, £.
 * @param hoursPerWeek Hours a week, e.g. 37.
 * @param weeks Weeks a year paid, e.g. 52.
 * @param permanentCost Annual cost of the permanent post with on-costs, e.g. from ESTAB.POSTCOST.
 * @returns Annual saving, £ (negative when permanent costs more).
 */
export function agencySaving(
  hourlyRate: number | string,
  hoursPerWeek: number | string,
  weeks: number | string,
  permanentCost: number | string
): number {
  return callNumber("AGENCYSAVING", [hourlyRate, hoursPerWeek, weeks, permanentCost]);
}
