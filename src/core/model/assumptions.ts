import type { FinancialYear, Serial } from "../dates";

export type CostingPoint = "bottom" | "mid" | "top" | "actual";

/** Where on its grade a post is costed, in the words the sheets and notes use. */
export const COSTING_POINT_WORDS: Record<CostingPoint, string> = {
  bottom: "bottom of the grade",
  mid: "mid-point of the grade",
  top: "top of the grade",
  actual: "post-holder's actual salary or point",
};
/** When increments are paid: each 1 April with a minimum service, on the start-date anniversary, or never. */
export type IncrementRule = "april" | "anniversary" | "none";

/** The increment rule in the words the sheets and notes use. */
export const INCREMENT_RULE_WORDS: Record<IncrementRule, string> = {
  april: "one point each 1 April",
  anniversary: "one point on each start-date anniversary",
  none: "no increments",
};
/** Statutory employer NI, pension and levy; or one flat on-cost percentage instead. */
export type OnCostMode = "statutory" | "flat";

/** A pay award from 1 April of its FY: a percentage, with an optional flat cash minimum. */
export interface PayAward {
  year: FinancialYear;
  /** Fraction: 0.025 for 2.5%. */
  percent: number;
  /** "£1,290 or 2.5%, whichever is higher": 1290. */
  flatMinimum?: number;
}

export interface Grant {
  name?: string;
  /** Total grant over the window. */
  amount?: number;
  /** Grant per FY, when it is paid in yearly amounts. */
  amountsByYear?: Partial<Record<FinancialYear, number>>;
  start?: Serial;
  end?: Serial;
}

export interface LocalityWeights {
  /** Fractions; the reader warns when they do not add up to 100%. */
  population: number;
  deprivation: number;
  demand: number;
  equal: number;
}

/**
 * Every setting a calculation uses. The workbook's assumptions sheet is the source of
 * truth; the reader fills what it does not say with the defaults in read/assumptions.
 * Rates are fractions (0.19 for 19%); money is pounds.
 */
export interface Assumptions {
  /** First FY costed; the establishment cost sheet is for this year. */
  firstYear: FinancialYear;
  /** Number of FYs in the costing window. */
  years: number;
  costingPoint: CostingPoint;
  incrementRule: IncrementRule;
  /** Months of service needed on 1 April to get the increment (rule "april"). */
  incrementServiceMonths: number;
  /** Points assumed between a grade's minimum and maximum when there is no pay scales table. */
  gradeSteps: number;
  payAwards: PayAward[];
  onCostMode: OnCostMode;
  /** Used when onCostMode is "flat": all on-costs as one fraction of pay. */
  flatOnCostRate: number;
  /** Override of the employer NI rate for every year. */
  niRate?: number;
  /** Override of the monthly secondary threshold for every year, £ per person per month. */
  niMonthlyThreshold?: number;
  /** Default employer pension rate where the row has none. */
  pensionRate: number;
  apprenticeshipLevy: boolean;
  /** Fraction taken off the total for posts standing empty. */
  vacancyFactor: number;
  grant: Grant;
  /** Redundancy contingency at the grant's end: weeks of pay per person (0 for none). */
  exitCostWeeks: number;
  /** Restructure: the date the new structure takes effect (part-year effect). */
  implementationDate?: Serial;
  /** Grades counted as management (besides rows flagged in the table). */
  managementGrades: string[];
  /** Agency worker: weeks a year the hourly rate is paid for. */
  agencyWeeksPerYear: number;
  /** Agency worker's full-time week in hours (37 when absent): converts day, week and year rates. */
  agencyHoursPerWeek?: number;
  /** Days in that week (5 when absent): a day is agencyHoursPerWeek ÷ this hours. */
  agencyDaysPerWeek?: number;
  localityWeights: LocalityWeights;
  /** Allocation unit in FTE: 1 (whole posts), 0.5, 0.1. */
  allocationUnit: number;
  /** FTE to share out by need; when absent, the establishment's total FTE. */
  allocationTotalFte?: number;
  /**
   * The employer's full-time week in hours: an establishment with weekly hours and no FTE
   * column has FTE = hours ÷ this. Absent: such a table is refused (37, 36, 35 all occur).
   */
  fullTimeHoursPerWeek?: number;
}

/** The assumptions plus where each came from, for messages and live formulas. */
export interface AssumptionsSource {
  sheet: string;
  /** A1 address of the value cell of each setting present in the sheet. */
  cells: Partial<Record<keyof Assumptions | string, string>>;
}

/**
 * A named variation of the assumptions: a column beside the Value column of the
 * Assumptions sheet holding only the settings it changes. Its assumptions are the base
 * with those changes, complete.
 */
export interface Scenario {
  /** The column's heading, as typed (trimmed). */
  name: string;
  assumptions: Assumptions;
  /** The scenario's own value cells (the settings it changes), by the reader's key. */
  changed: AssumptionsSource["cells"];
  /** The cell of the scenario's heading. */
  header: string;
}
