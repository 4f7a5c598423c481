import type { CellValue, Grid, Issue, Severity } from "../grid";
import { isBlank, isErrorValue, positionIn, toA1 } from "../grid";
import { financialYearLabel, parseFinancialYear, type FinancialYear } from "../dates";
import { formatUkDate } from "../dates";
import type {
  Assumptions,
  AssumptionsSource,
  CostingPoint,
  IncrementRule,
  OnCostMode,
  Scenario,
} from "../model";
import type { WorkbookGrids } from "../workbook/types";
import { issueAt, issueAtAddress } from "./issues";
import { closestLabel, describeValue, formatFigure, normaliseLabel } from "./text";
import { parseBoolean, parseDate, parseMoney, parseNumber, parsePercent } from "./values";
import {
  LIMITS,
  MAX_FIGURE_LENGTH,
  outOfRangeMessage,
  refusedForSize,
  textCutWarning,
  withinLimit,
  withinTextLimit,
  type Limit,
} from "./limits";
import { formatPoundsInText, roundPenny } from "../money";
import { yearEntries, yearsAcrossHeader, yearsAcrossNote, type YearColumn } from "./years-across";
import { readScenarios } from "./scenarios";
import { grantYearsOutsideDates } from "./grant-years";
import {
  readWords,
  usedWithoutValue,
  type Said,
  type SettingWords,
  type Unit,
} from "./setting-words";

/**
 * The assumptions sheet: two columns, Setting | Value, and an optional Notes column. Every
 * setting has a default, so a blank value (or a missing row) means "use the default".
 */

/** First FY when neither the sheet nor the caller says: the core has no clock, so callers
 * that know today's date should pass the FY they want (the CLI and task pane do). */
export const DEFAULT_FIRST_YEAR: FinancialYear = 2025;

/** The documented defaults (see docs/input-format.md). */
export function defaultAssumptions(firstYear: FinancialYear = DEFAULT_FIRST_YEAR): Assumptions {
  return {
    firstYear,
    years: 3,
    costingPoint: "bottom",
    incrementRule: "april",
    incrementServiceMonths: 6,
    gradeSteps: 4,
    payAwards: [],
    onCostMode: "statutory",
    flatOnCostRate: 0.3,
    pensionRate: 0.19,
    apprenticeshipLevy: true,
    vacancyFactor: 0,
    grant: {},
    exitCostWeeks: 0,
    managementGrades: [],
    agencyWeeksPerYear: 52,
    agencyHoursPerWeek: 37,
    agencyDaysPerWeek: 5,
    localityWeights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
    allocationUnit: 0.1,
  };
}

/** What went wrong with a value: becomes an issue at the value cell. */
interface Problem {
  message: string;
  fix: string;
  severity?: Severity;
  /** Default: setting-invalid for errors, setting-unusual for warnings. */
  code?: string;
}

/** The assumptions being read, plus the per-year pieces assembled at the end. */
interface Draft {
  a: Assumptions;
  awardPercent: Map<FinancialYear, number>;
  awardMinimum: Map<FinancialYear, number>;
  grantByYear: Map<FinancialYear, number>;
}

/** How a setting's value shows when it is a number: a rate, pounds or a date. */
export type SettingShown = "percent" | "money" | "date";

interface SettingSpec {
  /** Key in AssumptionsSource.cells. */
  key: string;
  label: string;
  shown?: SettingShown;
  synonyms: readonly string[];
  note: string;
  /** The value cell as the assumptions sheet shows the given assumptions (defaults or the ones used). */
  cellOf: (d: Assumptions) => CellValue;
  /** Reads a non-blank value into the draft, or says what is wrong with it. */
  apply: (draft: Draft, value: CellValue) => Problem | undefined;
  /** How the value may be typed with words (setting-words.ts); absent: plain or no-figure words. */
  words?: SettingWords;
}

/** Settings with one row per financial year: "Pay award 2025/26". */
interface YearSettingSpec {
  key: string;
  /** Label without the year: "Pay award". */
  label: string;
  shown: SettingShown;
  synonyms: readonly string[];
  note: string;
  /** The value cell for that year, as the assumptions sheet shows it ("" when not set). */
  cell: (a: Assumptions, year: FinancialYear) => CellValue;
  apply: (draft: Draft, year: FinancialYear, value: CellValue) => Problem | undefined;
  words: SettingWords;
}

const pct = (n: number) => `${formatFigure(n * 100)}%`;
const pounds = (n: number) => `£${formatFigure(n)}`;

const OUT_OF_RANGE = "setting-out-of-range";

/**
 * A figure read against its limit: undefined when fine, else what is wrong. A value that
 * spells a figure too big to read ("1e999") is out of range, like one beyond the limit.
 */
function limitProblem(
  label: string,
  value: CellValue,
  parsed: number | undefined,
  limit: Limit,
  notA: string,
  fix: string,
  shown: (n: number) => string = formatFigure
): Problem | undefined {
  if (parsed === undefined)
    return refusedForSize(value)
      ? { message: outOfRangeMessage(label, describeValue(value), limit), fix, code: OUT_OF_RANGE }
      : { message: `${label} ${describeValue(value)} ${notA}`, fix };
  if (!withinLimit(parsed, limit))
    return { message: outOfRangeMessage(label, shown(parsed), limit), fix, code: OUT_OF_RANGE };
  return undefined;
}

/** An amount of money read against its limit: the amount, or what is wrong. */
function moneyValue(
  label: string,
  value: CellValue,
  limit: Limit,
  fix: string
): { pounds: number } | { problem: Problem } {
  const v = parseMoney(value);
  const problem = limitProblem(label, value, v, limit, "is not an amount of money", fix, pounds);
  return problem || v === undefined ? { problem: problem as Problem } : { pounds: v };
}

/** Text longer than Excel allows in a cell (a hand-made file) is cut to the limit. */
function textCut(label: string): Problem {
  return { severity: "warning", code: "text-too-long", ...textCutWarning(label) };
}

function percentSetting(
  key: string,
  label: string,
  synonyms: string[],
  note: string,
  get: (a: Assumptions) => number | undefined,
  set: (a: Assumptions, v: number) => void,
  limit: Limit,
  warnAbove?: number,
  statutory?: SettingWords["statutory"]
): SettingSpec {
  return {
    key,
    label,
    shown: "percent",
    synonyms,
    note,
    words: { kind: "percent", statutory },
    cellOf: (d) => {
      const v = get(d);
      return v === undefined ? "" : pct(v);
    },
    apply: (draft, value) => {
      const v = parsePercent(value);
      const problem = limitProblem(
        label,
        value,
        v,
        limit,
        "is not a percentage",
        "enter e.g. 19% or 0.19",
        pct
      );
      if (problem || v === undefined) return problem;
      set(draft.a, v);
      if (warnAbove !== undefined && v > warnAbove)
        return {
          severity: "warning",
          message: `${label} ${pct(v)} looks high`,
          fix: `check it; a bare number above 1 is read as percent points, so type e.g. ${formatFigure(v)}% only if you mean it`,
        };
      return undefined;
    },
  };
}

function numberSetting(
  key: string,
  label: string,
  synonyms: string[],
  note: string,
  get: (a: Assumptions) => number | undefined,
  set: (a: Assumptions, v: number) => void,
  limit: Limit,
  format: { whole?: boolean; example: string; unit?: Unit; per?: "week" | "year" }
): SettingSpec {
  const { unit, per, whole, example } = format;
  return {
    key,
    label,
    synonyms,
    note,
    words: unit ? { kind: "count", unit, per, whole, example } : { kind: "plain" },
    cellOf: (d) => get(d) ?? "",
    apply: (draft, value) => {
      const v = parseNumber(value);
      const fix = `enter a ${format.whole ? "whole number" : "number"}, e.g. ${format.example}`;
      const problem = limitProblem(label, value, v, limit, "is not a number", fix);
      if (problem || v === undefined) return problem;
      if (format.whole && !Number.isInteger(v))
        return { message: `${label} ${formatFigure(v)} is not a whole number`, fix };
      set(draft.a, v);
      return undefined;
    },
  };
}

function moneySetting(
  key: string,
  label: string,
  synonyms: string[],
  note: string,
  get: (a: Assumptions) => number | undefined,
  set: (a: Assumptions, v: number) => void,
  limit: Limit,
  example: string,
  /** The period the setting's pounds are for, and how said words read in it. */
  words: SettingWords,
  /** A figure that reads but looks like a slip: said, and costed as typed. */
  unusual?: (pounds: number) => Problem | undefined
): SettingSpec {
  return {
    key,
    label,
    shown: "money",
    synonyms,
    note,
    words,
    cellOf: (d) => get(d) ?? "",
    apply: (draft, value) => {
      const read = moneyValue(label, value, limit, `enter e.g. ${example}`);
      if ("problem" in read) return read.problem;
      // A setting in pounds is pounds and pence: a grant of £5e-324 is £0, not a divisor
      // that makes "% of grant used" infinite.
      set(draft.a, roundPenny(read.pounds));
      return unusual?.(read.pounds);
    },
  };
}

function dateSetting(
  key: string,
  label: string,
  synonyms: string[],
  note: string,
  get: (a: Assumptions) => number | undefined,
  set: (a: Assumptions, v: number) => void
): SettingSpec {
  return {
    key,
    label,
    shown: "date",
    synonyms,
    note,
    words: { kind: "date" },
    cellOf: (d) => {
      const v = get(d);
      return v === undefined ? "" : formatUkDate(v);
    },
    apply: (draft, value) => {
      const v = parseDate(value);
      const problem = limitProblem(
        label,
        value,
        v,
        LIMITS.date,
        "is not a valid date",
        "enter a date as dd/mm/yyyy, e.g. 01/09/2025"
      );
      if (problem || v === undefined) return problem;
      set(draft.a, v);
      return undefined;
    },
  };
}

function choiceSetting<T extends string>(
  key: string,
  label: string,
  synonyms: string[],
  note: string,
  words: Record<string, T>,
  get: (a: Assumptions) => T,
  set: (a: Assumptions, v: T) => void,
  typedWords: SettingWords = { kind: "plain" }
): SettingSpec {
  const options = [...new Set(Object.values(words))];
  return {
    key,
    label,
    synonyms,
    note,
    words: typedWords,
    cellOf: get,
    apply: (draft, value) => {
      const v = typeof value === "string" ? words[normaliseLabel(value)] : undefined;
      if (v === undefined)
        return {
          message: `${label} ${describeValue(value)} is not one of the choices`,
          fix: `enter one of: ${options.join(", ")}`,
        };
      set(draft.a, v);
      return undefined;
    },
  };
}

const COSTING_POINTS: Record<string, CostingPoint> = {
  bottom: "bottom",
  "bottom of grade": "bottom",
  minimum: "bottom",
  min: "bottom",
  mid: "mid",
  "mid point": "mid",
  midpoint: "mid",
  middle: "mid",
  "middle of grade": "mid",
  top: "top",
  "top of grade": "top",
  maximum: "top",
  max: "top",
  actual: "actual",
  "actual point": "actual",
  "actual salary": "actual",
};

const INCREMENT_RULES: Record<string, IncrementRule> = {
  april: "april",
  "1 april": "april",
  "each april": "april",
  "every april": "april",
  anniversary: "anniversary",
  "start date anniversary": "anniversary",
  "anniversary of start date": "anniversary",
  none: "none",
  no: "none",
  never: "none",
  "no increments": "none",
};

const ON_COST_MODES: Record<string, OnCostMode> = {
  statutory: "statutory",
  "ni pension and levy": "statutory",
  detailed: "statutory",
  flat: "flat",
  "flat rate": "flat",
  "flat percentage": "flat",
};

/**
 * "3%", 0.03, "£1,290 or 2.5%" (whichever is higher), "2.5% (minimum £1,290)", "£1,290"
 * (a flat award: percent 0 with a cash minimum).
 */
/** Above this a pay award is far outside any settled in the public sector (a slip: 1 for 1%). */
const MOST_LIKELY_AWARD = 0.2;

/** A monthly NI threshold above this is a year's figure (the statutory ones are £400–£800 a month). */
const MOST_LIKELY_MONTHLY_THRESHOLD = 2_000;

export function parsePayAward(
  value: CellValue
): { percent: number; flatMinimum?: number } | undefined {
  if (typeof value === "number") {
    const percent = parsePercent(value);
    return percent === undefined ? undefined : { percent };
  }
  if (typeof value !== "string" || value.length > MAX_FIGURE_LENGTH) return undefined;
  const text: string = value;
  if (isBlank(text) || isErrorCell(text)) return undefined;
  const money = /£\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*k?)/i.exec(text);
  const percentText = /([+-]?\d+(?:\.\d+)?)\s*%/.exec(text);
  if (!money && !percentText) {
    const percent = parsePercent(text);
    return percent === undefined ? undefined : { percent };
  }
  let rest = text;
  if (money) rest = rest.replace(money[0], " ");
  if (percentText) rest = rest.replace(percentText[0], " ");
  const leftover = normaliseLabel(rest)
    .split(" ")
    .filter((w) => w !== "" && !AWARD_FILLER.has(w));
  if (leftover.length > 0) return undefined;
  const percent = percentText ? parsePercent(`${percentText[1]}%`) : 0;
  const flatMinimum = money ? parseMoney(`£${money[1]}`) : undefined;
  if (percent === undefined || (money && flatMinimum === undefined)) return undefined;
  return flatMinimum === undefined ? { percent } : { percent, flatMinimum };
}

/** isErrorValue without narrowing (its type guard would make a string `never` after it). */
function isErrorCell(value: CellValue): boolean {
  return isErrorValue(value);
}

const AWARD_FILLER = new Set([
  "or",
  "whichever",
  "is",
  "higher",
  "greater",
  "the",
  "min",
  "minimum",
  "with",
  "a",
  "of",
  "and",
  "flat",
  "at",
  "least",
]);

const YES_NO = (v: boolean) => (v ? "Yes" : "No");

/** Every setting the sheet can hold, in the order the default sheet lists them. */
export const SETTINGS: readonly SettingSpec[] = [
  {
    key: "firstYear",
    label: "First financial year",
    synonyms: [
      "first year",
      "first fy",
      "financial year",
      "start year",
      "costing year",
      "first financial year costed",
    ],
    note: "First year costed, e.g. 2025/26. The annual establishment cost is for this year.",
    cellOf: (d) => financialYearLabel(d.firstYear),
    apply: (draft, value) => {
      const v =
        typeof value === "number" || typeof value === "string"
          ? parseFinancialYear(value)
          : undefined;
      const fix = "enter e.g. 2025/26";
      if (v === undefined)
        return typeof value === "number" || refusedForSize(value)
          ? {
              message: outOfRangeMessage(
                "First financial year",
                describeValue(value),
                LIMITS.financialYear
              ),
              fix,
              code: OUT_OF_RANGE,
            }
          : {
              message: `First financial year ${describeValue(value)} is not a financial year`,
              fix,
            };
      draft.a.firstYear = v;
      return undefined;
    },
  },
  numberSetting(
    "years",
    "Number of years",
    ["years", "no of years", "number of financial years", "costing years", "years to cost"],
    "How many financial years the grant costing covers, e.g. 3.",
    (a) => a.years,
    (a, v) => (a.years = v),
    LIMITS.years,
    { whole: true, example: "3", unit: "year" }
  ),
  choiceSetting(
    "costingPoint",
    "Costing point",
    ["point in grade", "costing point in grade"],
    "Where in the grade posts are costed: bottom, mid, top, or actual (the post-holder's own salary or point).",
    COSTING_POINTS,
    (a) => a.costingPoint,
    (a, v) => (a.costingPoint = v)
  ),
  choiceSetting(
    "incrementRule",
    "Increment rule",
    ["increments", "increment date", "increment"],
    "april (each 1 April, given the service below), anniversary (on the start-date anniversary) or none.",
    INCREMENT_RULES,
    (a) => a.incrementRule,
    (a, v) => (a.incrementRule = v),
    { kind: "increment-rule" }
  ),
  numberSetting(
    "incrementServiceMonths",
    "Increment service months",
    [
      "months service for increment",
      "months of service for increment",
      "increment qualifying months",
      "service months",
    ],
    "Months' service needed on 1 April to get that April's increment.",
    (a) => a.incrementServiceMonths,
    (a, v) => (a.incrementServiceMonths = v),
    LIMITS.incrementServiceMonths,
    { whole: true, example: "6", unit: "month" }
  ),
  numberSetting(
    "gradeSteps",
    "Points per grade",
    ["grade steps", "steps per grade", "points in grade", "increments per grade"],
    "Points assumed from minimum to maximum salary when there is no pay scales table.",
    (a) => a.gradeSteps,
    (a, v) => (a.gradeSteps = v),
    LIMITS.gradeSteps,
    { whole: true, example: "4" }
  ),
  choiceSetting(
    "onCostMode",
    "On-cost method",
    ["on costs", "oncosts", "on cost method", "on cost mode", "oncost method"],
    "statutory (employer NI, pension and levy worked out) or flat (one percentage of pay).",
    ON_COST_MODES,
    (a) => a.onCostMode,
    (a, v) => (a.onCostMode = v)
  ),
  percentSetting(
    "flatOnCostRate",
    "Flat on-cost rate",
    ["flat rate", "flat on cost", "flat on costs", "on cost rate", "oncost rate"],
    "All on-costs as one percentage of pay; used when the method is flat.",
    (a) => a.flatOnCostRate,
    (a, v) => (a.flatOnCostRate = v),
    LIMITS.flatOnCostRate
  ),
  percentSetting(
    "niRate",
    "Employer NI rate",
    ["ni rate", "national insurance rate", "employer national insurance rate", "employers ni rate"],
    "Blank: the statutory rate for each year. Enter e.g. 15% to use one rate for every year.",
    (a) => a.niRate,
    (a, v) => (a.niRate = v),
    LIMITS.niRate,
    undefined,
    "blank"
  ),
  moneySetting(
    "niMonthlyThreshold",
    "NI monthly threshold",
    [
      "ni threshold",
      "secondary threshold",
      "monthly secondary threshold",
      "ni secondary threshold",
    ],
    "Blank: the statutory threshold for each year. Enter e.g. £417 (per person per month) to override.",
    (a) => a.niMonthlyThreshold,
    (a, v) => (a.niMonthlyThreshold = v),
    LIMITS.niMonthlyThreshold,
    "£417",
    { kind: "money", per: "month", threshold: true, statutory: "blank" },
    (v) =>
      v > MOST_LIKELY_MONTHLY_THRESHOLD
        ? {
            severity: "warning",
            code: "setting-unusual",
            message: `NI monthly threshold £${formatFigure(v)} looks like a year's threshold (it is per person per month, £417 for £5,000 a year), and is costed as a month's`,
            fix: `if it is a year's, type it with its period, '${formatPoundsInText(v)} a year' (read as ${formatPoundsInText(Math.round(v / 12))} a month, in whole pounds as HMRC publishes its thresholds)`,
          }
        : undefined
  ),
  percentSetting(
    "pensionRate",
    "Employer pension rate",
    [
      "pension rate",
      "pension",
      "employer pension",
      "lgps rate",
      "employer pension contribution",
      "superannuation",
      "employer superannuation",
    ],
    "Employer pension rate used where a post has none of its own, e.g. 19%.",
    (a) => a.pensionRate,
    (a, v) => (a.pensionRate = v),
    LIMITS.pensionRate,
    0.4,
    "none"
  ),
  {
    key: "apprenticeshipLevy",
    label: "Apprenticeship levy",
    synonyms: ["levy", "apprenticeship levy applies", "include apprenticeship levy"],
    note: "Yes or No: 0.5% of pay from 2017/18, for large employers.",
    words: { kind: "levy", statutory: "yes" },
    cellOf: (d) => YES_NO(d.apprenticeshipLevy),
    apply: (draft, value) => {
      const v = parseBoolean(value);
      if (v === undefined)
        return {
          message: `Apprenticeship levy ${describeValue(value)} is not yes or no`,
          fix: "enter Yes or No",
        };
      draft.a.apprenticeshipLevy = v;
      return undefined;
    },
  },
  percentSetting(
    "vacancyFactor",
    "Vacancy factor",
    ["vacancy rate", "vacancy allowance", "vacancy"],
    "Taken off the total for posts standing empty, e.g. 3%.",
    (a) => a.vacancyFactor,
    (a, v) => (a.vacancyFactor = v),
    LIMITS.vacancyFactor,
    0.25
  ),
  {
    key: "grant.name",
    label: "Grant name",
    synonyms: ["grant", "name of grant", "funding stream"],
    note: "The grant's name, as in the Funding column of the establishment.",
    words: { kind: "text" },
    cellOf: (d) => d.grant.name ?? "",
    apply: (draft, value) => {
      const { text, cut } = withinTextLimit(String(value).trim());
      draft.a.grant.name = text;
      return cut ? textCut("Grant name") : undefined;
    },
  },
  moneySetting(
    "grant.amount",
    "Grant amount",
    ["grant total", "total grant", "grant value", "grant award"],
    "The whole grant over all its years, e.g. £750,000.",
    (a) => a.grant.amount,
    (a, v) => (a.grant.amount = v),
    LIMITS.grantAmount,
    "£750,000",
    { kind: "money", per: "whole" }
  ),
  dateSetting(
    "grant.start",
    "Grant start",
    ["grant start date", "grant from", "grant begins"],
    "First day the grant pays for, dd/mm/yyyy.",
    (a) => a.grant.start,
    (a, v) => (a.grant.start = v)
  ),
  dateSetting(
    "grant.end",
    "Grant end",
    ["grant end date", "grant to", "grant ends", "grant until"],
    "Last day the grant pays for, dd/mm/yyyy.",
    (a) => a.grant.end,
    (a, v) => (a.grant.end = v)
  ),
  numberSetting(
    "exitCostWeeks",
    "Exit cost weeks",
    ["exit costs", "redundancy weeks", "exit cost", "redundancy contingency weeks"],
    "Redundancy contingency at the grant's end: weeks of pay per person; 0 for none.",
    (a) => a.exitCostWeeks,
    (a, v) => (a.exitCostWeeks = v),
    LIMITS.exitCostWeeks,
    { example: "0 or 12", unit: "week" }
  ),
  dateSetting(
    "implementationDate",
    "Implementation date",
    ["restructure date", "go live date", "effective date", "implementation"],
    "Restructure: the date the new structure takes effect (for the part-year effect), dd/mm/yyyy.",
    (a) => a.implementationDate,
    (a, v) => (a.implementationDate = v)
  ),
  {
    key: "managementGrades",
    label: "Management grades",
    synonyms: ["management grade", "manager grades", "grades counted as management"],
    note: "Grades counted as management (besides posts flagged in the table), comma-separated, e.g. SS14, SS15.",
    words: { kind: "text" },
    cellOf: (d) => d.managementGrades.join(", "),
    apply: (draft, value) => {
      const { text, cut } = withinTextLimit(String(value));
      draft.a.managementGrades = text
        .split(/[,;\n]/)
        .map((g) => g.trim())
        .filter((g) => g !== "");
      return cut ? textCut("Management grades") : undefined;
    },
  },
  numberSetting(
    "agencyWeeksPerYear",
    "Agency weeks per year",
    ["agency weeks", "weeks per year agency", "agency working weeks"],
    "Weeks a year an agency worker is paid for (hourly rate × hours × weeks).",
    (a) => a.agencyWeeksPerYear,
    (a, v) => (a.agencyWeeksPerYear = v),
    LIMITS.agencyWeeksPerYear,
    { example: "52", unit: "week", per: "year" }
  ),
  numberSetting(
    "agencyHoursPerWeek",
    "Agency hours per week",
    ["agency hours", "agency hours a week", "agency working week", "agency full time hours"],
    "An agency worker's full-time week: converts day, week and year rates to hourly, and gives the hours of an agency row with none (FTE × this).",
    (a) => a.agencyHoursPerWeek,
    (a, v) => (a.agencyHoursPerWeek = v),
    LIMITS.agencyHoursPerWeek,
    { example: "37", unit: "hour", per: "week" }
  ),
  numberSetting(
    "agencyDaysPerWeek",
    "Agency days per week",
    ["agency days", "agency days a week", "agency working days"],
    "Days in the agency week: a day rate is per (hours per week ÷ days per week) hours, 7.4 by default.",
    (a) => a.agencyDaysPerWeek,
    (a, v) => (a.agencyDaysPerWeek = v),
    LIMITS.agencyDaysPerWeek,
    { example: "5", unit: "day", per: "week" }
  ),
  percentSetting(
    "localityWeights.population",
    "Weight: population",
    ["population weight", "weighting population", "weight population 0 19"],
    "Share of the need index from each locality's 0–19 population.",
    (a) => a.localityWeights.population,
    (a, v) => (a.localityWeights.population = v),
    LIMITS.localityWeight
  ),
  percentSetting(
    "localityWeights.deprivation",
    "Weight: deprivation",
    ["deprivation weight", "weighting deprivation", "weight idaci"],
    "Share from deprivation-weighted population (population × deprivation rate).",
    (a) => a.localityWeights.deprivation,
    (a, v) => (a.localityWeights.deprivation = v),
    LIMITS.localityWeight
  ),
  percentSetting(
    "localityWeights.demand",
    "Weight: demand",
    ["demand weight", "weighting demand", "weight referrals"],
    "Share from recent demand (referrals, open cases).",
    (a) => a.localityWeights.demand,
    (a, v) => (a.localityWeights.demand = v),
    LIMITS.localityWeight
  ),
  percentSetting(
    "localityWeights.equal",
    "Weight: equal share",
    ["equal share weight", "weight equal", "weighting equal share", "equal share"],
    "Share split equally between localities. The four weights should add up to 100%.",
    (a) => a.localityWeights.equal,
    (a, v) => (a.localityWeights.equal = v),
    LIMITS.localityWeight
  ),
  numberSetting(
    "allocationUnit",
    "Allocation unit (FTE)",
    ["allocation unit", "rounding unit", "allocate in steps of", "fte unit"],
    "Locality allocations are in steps of this many FTE: any unit from 0.01 to 10, e.g. 1 (whole posts), 0.5, 0.25, 0.1 or 0.05.",
    (a) => a.allocationUnit,
    (a, v) => (a.allocationUnit = v),
    LIMITS.allocationUnit,
    { example: "0.1" }
  ),
  numberSetting(
    "allocationTotalFte",
    "FTE to share out",
    ["allocation total fte", "fte to allocate", "total fte to share", "fte to distribute"],
    "Blank: the establishment's total FTE. Enter a figure to share out a different total.",
    (a) => a.allocationTotalFte,
    (a, v) => (a.allocationTotalFte = v),
    LIMITS.allocationTotalFte,
    { example: "20" }
  ),
  numberSetting(
    "fullTimeHoursPerWeek",
    "Full-time hours a week",
    [
      "full time hours",
      "full time hours per week",
      "full time week",
      "full time working week",
      "standard working week",
      "standard hours per week",
      "hours in a full time week",
      "working week",
    ],
    "Blank: an establishment needs an FTE column. Enter e.g. 37 to work out each post's FTE as its weekly hours ÷ this, for a table of hours with no FTE.",
    (a) => a.fullTimeHoursPerWeek,
    (a, v) => (a.fullTimeHoursPerWeek = v),
    LIMITS.fullTimeHoursPerWeek,
    { example: "37", unit: "hour", per: "week" }
  ),
];

export const YEAR_SETTINGS: readonly YearSettingSpec[] = [
  {
    key: "payAward",
    label: "Pay award",
    shown: "percent",
    synonyms: ["pay rise", "pay uplift", "award", "pay inflation"],
    note: "Award from 1 April, e.g. 3%, or '£1,290 or 2.5%' (whichever is higher). Blank: no award.",
    words: { kind: "percent", award: true },
    cell: (a, year) => {
      const award = a.payAwards.find((w) => w.year === year);
      if (!award) return "";
      return award.flatMinimum === undefined
        ? pct(award.percent)
        : `£${formatFigure(award.flatMinimum)} or ${pct(award.percent)}`;
    },
    apply: (draft, year, value) => {
      const award = parsePayAward(value);
      const fix = "enter e.g. 3% or '£1,290 or 2.5%'";
      const problem =
        limitProblem(
          "Pay award",
          value,
          award?.percent,
          LIMITS.payAward,
          "is not a percentage",
          fix,
          pct
        ) ??
        (award?.flatMinimum === undefined
          ? undefined
          : limitProblem(
              "Pay award minimum",
              value,
              award.flatMinimum,
              LIMITS.payAwardMinimum,
              "is not an amount of money",
              fix,
              pounds
            ));
      if (problem || award === undefined) return problem;
      draft.awardPercent.set(year, award.percent);
      if (award.flatMinimum !== undefined) draft.awardMinimum.set(year, award.flatMinimum);
      // A 1 typed for 1% reads as 100%: costed, so said.
      if (award.percent > MOST_LIKELY_AWARD)
        return {
          severity: "warning",
          code: "setting-unusual",
          message: `Pay award ${financialYearLabel(year)} of ${pct(award.percent)} is far above any pay award, and is costed so`,
          fix: `if you meant ${formatFigure(award.percent)}%, type it with the % sign (e.g. ${formatFigure(award.percent)}%)`,
        };
      return undefined;
    },
  },
  {
    key: "payAwardMinimum",
    label: "Pay award minimum",
    shown: "money",
    synonyms: [
      "pay award min",
      "pay award flat minimum",
      "pay award floor",
      "minimum pay award",
      "pay award cash minimum",
    ],
    note: "Optional flat cash minimum for that year's award, e.g. £1,290.",
    words: { kind: "money", per: "year" },
    // Written inside the award cell ("£1,290 or 2.5%"), so this row stays blank.
    cell: () => "",
    apply: (draft, year, value) => {
      const read = moneyValue(
        "Pay award minimum",
        value,
        LIMITS.payAwardMinimum,
        "enter e.g. £1,290"
      );
      if ("problem" in read) return read.problem;
      draft.awardMinimum.set(year, read.pounds);
      return undefined;
    },
  },
  {
    key: "grant",
    label: "Grant",
    shown: "money",
    synonyms: ["grant amount", "grant for", "grant income"],
    note: "Grant for that financial year, when it is paid in yearly amounts.",
    words: { kind: "money", per: "year" },
    cell: (a, year) => a.grant.amountsByYear?.[year] ?? "",
    apply: (draft, year, value) => {
      const read = moneyValue("Grant", value, LIMITS.grantAmount, "enter e.g. £250,000");
      if ("problem" in read) return read.problem;
      draft.grantByYear.set(year, roundPenny(read.pounds));
      return undefined;
    },
  },
];

const SETTING_LOOKUP: ReadonlyMap<string, SettingSpec> = new Map(
  SETTINGS.flatMap((s) =>
    [s.label, ...s.synonyms].map((name) => [normaliseLabel(name), s] as const)
  )
);
const YEAR_LOOKUP: ReadonlyMap<string, YearSettingSpec> = new Map(
  YEAR_SETTINGS.flatMap((s) =>
    [s.label, ...s.synonyms].map((name) => [normaliseLabel(name), s] as const)
  )
);

/** All names a setting row may use, canonical label first: for "did you mean" and docs. */
export function settingNames(
  firstYear: FinancialYear = DEFAULT_FIRST_YEAR
): Array<{ name: string; label: string }> {
  const fy = financialYearLabel(firstYear);
  return [
    ...SETTINGS.flatMap((s) => [s.label, ...s.synonyms].map((name) => ({ name, label: s.label }))),
    ...YEAR_SETTINGS.flatMap((s) =>
      [s.label, ...s.synonyms].map((name) => ({ name: `${name} ${fy}`, label: `${s.label} ${fy}` }))
    ),
  ];
}

type Matched =
  | { spec: SettingSpec; key: string }
  | { yearSpec: YearSettingSpec; year: FinancialYear; key: string };

/** "26/27" or "FY26-27", as councils shorten a financial year: 2026 (this century's). */
function shortFinancialYear(text: string): FinancialYear | undefined {
  const m = /^(?:fy\s*)?(\d{2})\s*[/-]\s*(\d{2})$/i.exec(text.trim());
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) return undefined;
  return 2000 + Number(m[1]);
}

/** "Pension rate" → the pension setting; "Pay award 2025/26" → pay award for FY 2025. */
export function matchSetting(label: string): Matched | undefined {
  // No setting name is this long; the year pattern below would take time growing with its square.
  if (label.length > MAX_FIGURE_LENGTH) return undefined;
  const spec = SETTING_LOOKUP.get(normaliseLabel(label));
  if (spec) return { spec, key: spec.key };
  const m =
    /^(.*?)[\s:(-]*((?:fy\s*)?(?:\d{4}(?:\s*[/-]\s*(?:\d{4}|\d{2}))?|\d{2}\s*[/-]\s*\d{2}))\s*\)?\s*$/i.exec(
      label.trim()
    );
  if (!m) return undefined;
  const yearSpec = YEAR_LOOKUP.get(normaliseLabel(m[1]));
  const year = parseFinancialYear(m[2]) ?? shortFinancialYear(m[2]);
  if (!yearSpec || year === undefined) return undefined;
  return { yearSpec, year, key: `${yearSpec.key}:${year}` };
}

/**
 * In a years-across row whose label names both a one-value setting and a per-year one
 * ("Grant amount", "Grant"): the one value when the row is a name (the grant's, text, not
 * amounts) or a single amount; amounts in two or more years are the per-year setting.
 */
function oneValueRow(label: string, values: readonly CellValue[]): boolean {
  const spec = SETTING_LOOKUP.get(normaliseLabel(label));
  if (!spec) return false;
  if (spec.shown === undefined) return values.some((v) => parseMoney(v) === undefined);
  return values.length === 1;
}

export interface ReadAssumptionsOptions {
  /** First FY to assume when the sheet does not say (e.g. the current FY). Default 2025. */
  defaultFirstYear?: FinancialYear;
}

export interface ReadAssumptionsResult {
  /** Always complete: the sheet's settings over the defaults. */
  assumptions: Assumptions;
  source: AssumptionsSource;
  issues: Issue[];
  /** False when the workbook has no assumptions sheet or block: every value is a default. */
  found: boolean;
  /** The scenario columns beside the Value column, in sheet order (see scenarios.ts). */
  scenarios: Scenario[];
  /** The first year or the number of years came from a years-across header, not a row. */
  windowFromHeader?: boolean;
}

export interface Block {
  grid: Grid;
  start: number;
  labelColumn: number;
  valueColumn: number;
  /** The financial years across the top (years-across.ts), when the sheet is laid out so. */
  years?: YearColumn[];
}

const SETTING_HEADERS = new Set([
  "setting",
  "settings",
  "assumption",
  "assumptions",
  "parameter",
  "item",
  "name",
]);
const VALUE_HEADERS = new Set(["value", "values", "setting value", "amount", "input"]);

function headerBlock(grid: Grid): Block | undefined {
  const limit = Math.min(grid.values.length, 30);
  for (let r = 0; r < limit; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || !SETTING_HEADERS.has(normaliseLabel(v))) continue;
      for (let d = c + 1; d < row.length; d++) {
        const w = row[d];
        if (typeof w === "string" && VALUE_HEADERS.has(normaliseLabel(w)))
          return { grid, start: r + 1, labelColumn: c, valueColumn: d };
      }
    }
  }
  return undefined;
}

function yearsAcrossBlock(grid: Grid): Block | undefined {
  const header = yearsAcrossHeader(grid);
  if (!header) return undefined;
  const { row, labelColumn, years } = header;
  return { grid, start: row + 1, labelColumn, valueColumn: years[0].column, years };
}

/** "Assumptions", "Budget assumptions", "Assumptions 2026-27": a sheet or table of settings. */
const isAssumptionsName = (name: string | undefined) =>
  name !== undefined && /\bassumptions?\b/.test(normaliseLabel(name));

/**
 * The block of settings: a grid named Assumptions (an Excel Table first, then a sheet),
 * using its Setting | Value header or else its first two columns; otherwise the first
 * grid anywhere with a Setting | Value header row.
 */
export function findAssumptionsBlock(workbook: WorkbookGrids): Block | undefined {
  const grids = (Array.isArray(workbook?.grids) ? workbook.grids : []).filter(
    (g) => g && Array.isArray(g.values)
  );
  const named = [
    ...grids.filter((g) => isAssumptionsName(g.table)),
    ...grids.filter((g) => g.table === undefined && isAssumptionsName(g.sheet)),
  ];
  for (const grid of named) {
    const block = headerBlock(grid) ?? yearsAcrossBlock(grid);
    if (block) return block;
  }
  if (named.length > 0) return { grid: named[0], start: 0, labelColumn: 0, valueColumn: 1 };
  for (const grid of grids) {
    const block = headerBlock(grid);
    if (block) return block;
  }
  return undefined;
}

/**
 * Reads the assumptions sheet into typed Assumptions over the documented defaults, with
 * the address of every setting's value cell. Unknown names are warnings naming the
 * closest known setting; unreadable values are errors at the value cell. Columns beside
 * the Value column headed with a name are scenarios (see scenarios.ts).
 */
export function readAssumptions(
  workbook: WorkbookGrids,
  options: ReadAssumptionsOptions = {}
): ReadAssumptionsResult {
  const block = findAssumptionsBlock(workbook);
  if (!block)
    return {
      assumptions: defaultAssumptions(options.defaultFirstYear),
      source: { sheet: "", cells: {} },
      issues: [],
      found: false,
      scenarios: [],
    };
  const base = readSettingRows(block, options, () => block.valueColumn);
  // Columns of years are the years, not scenarios.
  const scenarios = block.years
    ? { scenarios: [], issues: [] }
    : readScenarios(
        block,
        {
          rows: (columnOf) => readSettingRows(block, options, columnOf),
          keyOf: (label) => matchSetting(label)?.key,
        },
        base.issues
      );
  const windowFromHeader =
    block.years !== undefined && (!base.cells.firstYear || !base.cells.years);
  const note = block.years
    ? [yearsAcrossNote(block.grid, { row: block.start - 1, years: block.years }, windowFromHeader)]
    : [];
  return {
    assumptions: base.assumptions,
    source: { sheet: block.grid.sheet, cells: base.cells },
    issues: [...note, ...base.issues, ...scenarios.issues],
    found: true,
    scenarios: scenarios.scenarios,
    ...(windowFromHeader ? { windowFromHeader } : {}),
  };
}

/** The settings read from one column of values: the base's, or a scenario's over it. */
export interface SettingRowsRead {
  assumptions: Assumptions;
  cells: AssumptionsSource["cells"];
  issues: Issue[];
}

/**
 * Reads every setting row of the block, taking each row's value from the column
 * `columnOf(row)` names: the Value column for the base; for a scenario, its own column
 * where it holds something and the Value column elsewhere, so a scenario is read exactly
 * as a sheet whose values were the scenario's.
 */
export function readSettingRows(
  block: Block,
  options: ReadAssumptionsOptions,
  columnOf: (row: number) => number
): SettingRowsRead {
  const { grid, start, labelColumn, years } = block;
  const defaults = defaultAssumptions(years ? years[0].year : options.defaultFirstYear);
  if (years) defaults.years = years.length;
  const draft: Draft = {
    a: defaults,
    awardPercent: new Map(),
    awardMinimum: new Map(),
    grantByYear: new Map(),
  };
  const cells: AssumptionsSource["cells"] = {};
  const issues: Issue[] = [];
  const labelCells = new Map<string, { cell: string; value: string }>();
  const names = settingNames(defaults.firstYear);
  // What a value with no figure ("TBC") leaves in use is known once every row is read.
  const later: Array<{ r: number; c: number; value: CellValue; said: (a: Assumptions) => Said }> =
    [];

  const match = {
    perYear: (label: string) => "yearSpec" in (matchSetting(label) ?? {}),
    oneValue: oneValueRow,
  };
  for (let r = start; r < grid.values.length; r++) {
    const label = grid.values[r]?.[labelColumn];
    if (typeof label !== "string" || isBlank(label)) continue;
    const entries = years
      ? yearEntries(grid, r, label, years, match, issues)
      : [{ label, column: columnOf(r) }];
    for (const entry of entries) readRow(r, entry.label, entry.column);
  }

  function readRow(r: number, labelValue: string, valueColumn: number): void {
    const row = grid.values[r] ?? [];
    const value = row[valueColumn];
    const at = (
      c: number,
      severity: Severity,
      code: string,
      message: string,
      fix: string,
      v?: CellValue
    ) => issues.push(issueAt(grid, r, c, severity, code, message, fix, v));
    const matched = matchSetting(labelValue);
    if (!matched) {
      // A label with nothing beside it is a heading or a note, not a setting.
      if (isBlank(value)) return;
      // "Pay award" alone: a setting kept per year, missing its year.
      const perYear = YEAR_LOOKUP.get(normaliseLabel(labelValue));
      const closest = closestLabel(
        labelValue,
        names.map((n) => n.name)
      );
      const suggestion = perYear
        ? `${perYear.label} ${financialYearLabel(draft.a.firstYear)}`
        : (names.find((n) => n.name === closest)?.label ?? "");
      at(
        labelColumn,
        "warning",
        "unknown-setting",
        `Unknown setting ${describeValue(labelValue.trim())} (did you mean '${suggestion}'?), ignored`,
        `rename it to '${suggestion}', or delete the row`,
        labelValue
      );
      return;
    }
    if (duplicateRow(labelCells, matched.key, labelValue, value, at, labelColumn)) return;
    labelCells.set(matched.key, {
      cell: toA1(positionIn(grid, r, labelColumn)),
      value: typed(value),
    });
    cells[matched.key] = toA1(positionIn(grid, r, valueColumn));
    if (value === undefined || isBlank(value)) return;
    const { now, whenRead } = applyValue(draft, matched, labelValue, value);
    if (whenRead) later.push({ r, c: valueColumn, value, said: whenRead });
    for (const problem of now)
      at(
        valueColumn,
        problem.severity ?? "error",
        problem.code ?? (problem.severity === "warning" ? "setting-unusual" : "setting-invalid"),
        problem.message,
        problem.fix,
        value
      );
  }

  const assumptions = finish(draft);
  for (const { r, c, value, said } of later) {
    const s = said(assumptions);
    issues.push(issueAt(grid, r, c, s.severity, s.code, s.message, s.fix, value));
  }
  crossCheck(grid, assumptions, cells, draft, issues);
  return { assumptions, cells, issues };
}

const typed = (value: CellValue | undefined) =>
  value === undefined || isBlank(value) ? "" : String(value).trim();

/**
 * A setting's second row: the same value twice changes nothing (information); a different
 * one is ignored (a warning). True when the row is a second one.
 */
function duplicateRow(
  labelCells: Map<string, { cell: string; value: string }>,
  key: string,
  labelValue: string,
  value: CellValue | undefined,
  at: (c: number, s: Severity, code: string, m: string, fix: string, v?: CellValue) => void,
  labelColumn: number
): boolean {
  const first = labelCells.get(key);
  if (first === undefined) return false;
  const same = first.value === typed(value);
  at(
    labelColumn,
    same ? "info" : "warning",
    "duplicate-setting",
    same
      ? `${labelValue.trim()} is set twice (first at ${first.cell}) to the same value`
      : `${labelValue.trim()} is set twice (first at ${first.cell}); this row is ignored`,
    same ? "nothing to do; delete one of the two rows to tidy up" : "delete one of the two rows",
    labelValue
  );
  return true;
}

/**
 * One non-blank value into the draft: what to say at its cell now, and, for a value that
 * gives no figure ("TBC"), what to say once the figure used instead is known.
 */
function applyValue(
  draft: Draft,
  matched: Matched,
  labelValue: string,
  value: CellValue
): { now: Problem[]; whenRead?: (a: Assumptions) => Said } {
  if (isErrorValue(value))
    return {
      now: [
        {
          message: `${labelValue.trim()} is ${value} (an Excel error)`,
          fix: "correct the formula or type the value",
          code: "setting-error-cell",
        },
      ],
    };
  const words = ("spec" in matched ? matched.spec.words : matched.yearSpec.words) ?? PLAIN;
  const reading = readWords(labelValue.trim(), words, value, draft.a);
  if (reading && "refused" in reading) return { now: [reading.refused] };
  if (reading && "keep" in reading)
    return { now: [], whenRead: (a) => reading.keep(usedInstead(matched, a)) };
  const read = reading ? reading.read : value;
  const problem =
    "spec" in matched
      ? matched.spec.apply(draft, read)
      : matched.yearSpec.apply(draft, matched.year, read);
  // A figure read from words that cannot be used is the figure's error alone.
  if (!reading || (problem && (problem.severity ?? "error") === "error"))
    return { now: problem ? [problem] : [] };
  return { now: problem ? [reading.said, problem] : [reading.said] };
}

const PLAIN: SettingWords = { kind: "plain" };

/** What the sheets use for a setting whose value gave no figure: its default, in words. */
function usedInstead(matched: Matched, a: Assumptions): string {
  const key = "spec" in matched ? matched.spec.key : matched.yearSpec.key;
  const words = usedWithoutValue(key, a, "year" in matched ? matched.year : undefined);
  if (words) return words;
  const cell = "spec" in matched ? matched.spec.cellOf(a) : "";
  return cell === "" ? "no value for it" : `the default, ${cell}`;
}

function finish(draft: Draft): Assumptions {
  const a = draft.a;
  const years = [...new Set([...draft.awardPercent.keys(), ...draft.awardMinimum.keys()])].sort(
    (x, y) => x - y
  );
  a.payAwards = years.map((year) => {
    const flatMinimum = draft.awardMinimum.get(year);
    const percent = draft.awardPercent.get(year) ?? 0;
    return flatMinimum === undefined ? { year, percent } : { year, percent, flatMinimum };
  });
  if (draft.grantByYear.size > 0) {
    const byYear: Partial<Record<FinancialYear, number>> = {};
    for (const [year, amount] of [...draft.grantByYear].sort((x, y) => x[0] - y[0]))
      byYear[year] = amount;
    a.grant.amountsByYear = byYear;
  }
  return a;
}

/** Checks across settings: weights add to 100%, grant dates in order, grant totals agree. */
function crossCheck(
  grid: Grid,
  a: Assumptions,
  cells: AssumptionsSource["cells"],
  draft: Draft,
  issues: Issue[]
): void {
  const issueAtCell = (
    address: string,
    severity: Severity,
    code: string,
    message: string,
    fix: string
  ) => issues.push(issueAtAddress(grid.sheet, address, severity, code, message, fix));
  const w = a.localityWeights;
  const sum = w.population + w.deprivation + w.demand + w.equal;
  const weightCell = [
    "localityWeights.population",
    "localityWeights.deprivation",
    "localityWeights.demand",
    "localityWeights.equal",
  ]
    .map((k) => cells[k])
    .find((c) => c !== undefined);
  if (weightCell && Math.abs(sum - 1) > 1e-6)
    issueAtCell(
      weightCell,
      "warning",
      "weights-not-100",
      `The locality weights add up to ${pct(sum)}, not 100%`,
      "adjust them to total 100%; they are used as given, scaled to 100%"
    );
  const { start, end, amount, amountsByYear } = a.grant;
  if (start !== undefined && end !== undefined && end < start && cells["grant.end"])
    issueAtCell(
      cells["grant.end"],
      "error",
      "grant-end-before-start",
      `Grant end ${formatUkDate(end)} is before the grant start ${formatUkDate(start)}`,
      "correct the dates"
    );
  if (amount !== undefined && amountsByYear && cells["grant.amount"]) {
    const total = [...draft.grantByYear.values()].reduce((x, y) => x + y, 0);
    if (Math.abs(total - amount) > 0.005)
      issueAtCell(
        cells["grant.amount"],
        "warning",
        "grant-total-mismatch",
        `Grant amount £${formatFigure(amount)} is not the sum of the yearly amounts (£${formatFigure(total)})`,
        "make them agree; the yearly amounts are used for each year's headroom"
      );
  }
  issues.push(...grantYearsOutsideDates(grid.sheet, a.grant, cells));
}

/**
 * The default assumptions sheet as cell values: a header row (Setting | Value | Notes),
 * then one row per setting with its default and a plain-English note. Pay award and grant
 * rows are listed for each year of the default window, blank (no award, no yearly grant).
 * Reading it back gives defaultAssumptions(firstYear) exactly.
 */
export function defaultAssumptionsGrid(
  firstYear: FinancialYear = DEFAULT_FIRST_YEAR
): CellValue[][] {
  return assumptionsGrid(defaultAssumptions(firstYear));
}

/**
 * Any assumptions as an assumptions sheet's cell values (Setting | Value | Notes), with a
 * row per financial year of the window (and of any award outside it) for the yearly
 * settings. Reading it back gives the same assumptions: the CLI writes the assumptions it
 * used this way, and the task pane creates the default sheet with it.
 */
export function assumptionsGrid(a: Assumptions): CellValue[][] {
  const window = Array.from({ length: a.years }, (_, i) => a.firstYear + i);
  const extra = [
    ...a.payAwards.map((w) => w.year),
    ...Object.keys(a.grant.amountsByYear ?? {}).map(Number),
  ];
  const years = [...new Set([...window, ...extra])].sort((x, y) => x - y);
  const rows: CellValue[][] = [["Setting", "Value", "Notes"]];
  const yearRows = (key: string) => {
    const spec = YEAR_SETTINGS.find((s) => s.key === key);
    if (spec)
      for (const y of years)
        rows.push([`${spec.label} ${financialYearLabel(y)}`, spec.cell(a, y), spec.note]);
  };
  for (const spec of SETTINGS) {
    rows.push([spec.label, spec.cellOf(a), spec.note]);
    if (spec.key === "gradeSteps") {
      yearRows("payAward");
      yearRows("payAwardMinimum");
    }
    if (spec.key === "grant.amount") yearRows("grant");
  }
  return rows;
}
