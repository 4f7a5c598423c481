import { CELL_TEXT_MAX, type CellValue } from "../grid";
import { financialYearLabel, formatUkDate, serialOf } from "../dates";
import { formatNumber } from "../money";

/**
 * How far a figure read from the workbook may go. A value outside its limit cannot be a
 * real establishment's (an FTE of 1e308, a salary of £1e12): it is an error at its cell,
 * never costed, so every figure the costing works out stays finite. Every limit is in
 * this one table (docs/input-format.md "Limits" lists the same).
 */
export interface Limit {
  min: number;
  max: number;
  /** How the bounds read in a message. */
  as: "number" | "money" | "percent" | "date" | "year";
}

const number = (min: number, max: number): Limit => ({ min, max, as: "number" });
const money = (max: number): Limit => ({ min: 0, max, as: "money" });
const percent = (min: number, max: number): Limit => ({ min, max, as: "percent" });

/** Earliest and latest serials accepted as staffing dates: 1 Jan 1910 to 31 Dec 2199. */
export const EARLIEST_DATE = serialOf(1910, 1, 1);
export const LATEST_DATE = serialOf(2199, 12, 31);

/** Longer text is never read as a figure: "£1,234,567.89 per annum" is 23 characters. */
export const MAX_FIGURE_LENGTH = 255;

export const LIMITS = {
  // The establishment, per row.
  fte: number(0, 10_000),
  headcount: number(0, 100_000),
  salary: money(10_000_000),
  spinalPoint: number(0, 1_000),
  /** The whole row's hours a week: 10,000 FTE at 50 hours. */
  hoursPerWeek: number(0, 500_000),
  agencyHourlyRate: money(10_000),
  agencyDailyRate: money(100_000),
  agencyWeeklyRate: money(500_000),
  agencyAnnualRate: money(10_000_000),
  pensionRate: percent(0, 1),
  date: { min: EARLIEST_DATE, max: LATEST_DATE, as: "date" },
  financialYear: { min: 1901, max: 2199, as: "year" },
  // Localities.
  population: number(0, 100_000_000),
  deprivation: number(0, 1_000),
  demand: number(0, 100_000_000),
  // Assumptions.
  years: number(1, 20),
  incrementServiceMonths: number(0, 12),
  gradeSteps: number(1, 50),
  flatOnCostRate: percent(0, 1),
  niRate: percent(0, 0.5),
  niMonthlyThreshold: money(100_000),
  vacancyFactor: percent(0, 1),
  grantAmount: money(100_000_000_000),
  exitCostWeeks: number(0, 104),
  agencyWeeksPerYear: number(0, 53),
  agencyHoursPerWeek: number(1, 168),
  agencyDaysPerWeek: number(1, 7),
  localityWeight: percent(0, 1),
  allocationUnit: number(0.01, 10),
  allocationTotalFte: number(0, 1_000_000),
  fullTimeHoursPerWeek: number(1, 168),
  payAward: percent(-0.5, 1),
  payAwardMinimum: money(100_000),
} as const satisfies Record<string, Limit>;

function bound(n: number, as: Limit["as"]): string {
  if (as === "money") return `£${formatNumber(n, 2)}`;
  if (as === "percent") return `${formatNumber(n * 100, 2)}%`;
  if (as === "date") return formatUkDate(n);
  if (as === "year") return financialYearLabel(n);
  return formatNumber(n, 2);
}

/** "0 to 10,000", "£0 to £10,000,000", "0% to 100%", "01/01/1910 to 31/12/2199". */
export function rangeText(limit: Limit): string {
  return `${bound(limit.min, limit.as)} to ${bound(limit.max, limit.as)}`;
}

export function withinLimit(n: number, limit: Limit): boolean {
  return n >= limit.min && n <= limit.max; // false for NaN and ±Infinity too
}

/**
 * The figure a cell spells, however large: Infinity for "1e999" or a 400-digit number, the
 * number itself for a number cell (NaN and Infinity included). Undefined when the cell
 * holds no figure. Used only to tell "too big to read" from "not a number" in messages.
 */
export function figureIn(value: CellValue): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const m = /(?:^|[^\d.])(\d[\d,]*(?:\.\d*)?(?:e[+-]?\d+)?)/i.exec(value);
  return m ? Number(m[1].replace(/,/g, "")) : undefined;
}

/**
 * Whether a cell a parser refused holds a figure out of range rather than no figure: a
 * number cell (any finite number reads as a number, so a refused one is a date outside the
 * range, or NaN, or infinite), or text whose digits overflow ("1e999").
 */
export function refusedForSize(value: CellValue): boolean {
  if (typeof value === "number") return true;
  const n = figureIn(value);
  return n !== undefined && !Number.isFinite(n);
}

/** "FTE 20000 is out of range: FTE must be from 0 to 10,000". */
export function outOfRangeMessage(label: string, shown: string, limit: Limit): string {
  return `${label} ${shown} is out of range: it must be from ${rangeText(limit)}`;
}

/** What the warning on a text cut to Excel's cell limit says, wherever it was read. */
export function textCutWarning(label: string): { message: string; fix: string } {
  return {
    message: `${label} is longer than Excel's ${formatNumber(CELL_TEXT_MAX, 0)} characters, so it was cut to that length`,
    fix: "shorten the text in this cell",
  };
}

/** Text cut to Excel's cell limit; `cut` says whether anything was lost. */
export function withinTextLimit(text: string): { text: string; cut: boolean } {
  return text.length > CELL_TEXT_MAX
    ? { text: text.slice(0, CELL_TEXT_MAX), cut: true }
    : { text, cut: false };
}
