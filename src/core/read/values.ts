import type { CellValue } from "../grid";
import { isBlank, isErrorValue } from "../grid/grid";
import {
  financialYearOf,
  isValidCalendarDate,
  parseFinancialYear,
  serialOf,
  type FinancialYear,
  type Serial,
} from "../dates";
import type { ContractType } from "../model";
import { EARLIEST_DATE, LATEST_DATE, MAX_FIGURE_LENGTH } from "./limits";
import { isDash, isDeletionWord, isNotApplicable } from "./status-words";

/**
 * Cell value parsers. Each takes one cell value exactly as Excel gives it and returns the
 * value in the core's terms, or undefined when the cell does not hold one (blank, error
 * cell, or text that is not what was asked for). They never throw.
 */

/** Rounds away binary noise (20.9 × 1000 = 20900.000000000004) to 15 significant digits. */
function tidy(n: number): number {
  return Number(n.toPrecision(15));
}

function usable(value: CellValue): value is number | string | boolean {
  return (
    (typeof value === "number" || typeof value === "string" || typeof value === "boolean") &&
    !isBlank(value) &&
    !isErrorValue(value)
  );
}

/**
 * A cell that may hold a figure: usable, and not text longer than any figure is written
 * (the number patterns below would take time growing with the square of the length).
 */
function figureCell(value: CellValue): value is number | string | boolean {
  return usable(value) && !(typeof value === "string" && value.length > MAX_FIGURE_LENGTH);
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Thousands separators: "32,076" and "32 076" (a space, or Excel's no-break space). */
function withoutThousands(text: string): string {
  return text.replace(/,(?=\d{3}(?:\D|$))/g, "").replace(/(?<=\d)[ \u00a0](?=\d{3}(?:\D|$))/g, "");
}

/** 0.5, "0.5", "1,234.5", "32 076", " 7 ". Not "£", not "%", not words. */
export function parseNumber(value: CellValue): number | undefined {
  if (!figureCell(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return undefined;
  if (PLAIN_NUMBER.test(value)) return Number(value); // fast path: no copies
  const text = withoutThousands(value.trim());
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Money, in pounds: 20862, "20862.00", "£20,862", "£20.9k", "£1.2m", "(1,200)" and
 * "-£1,200" (negative), "£20,862 pa". Anything else (e.g. "TBC") is undefined.
 */
export function parseMoney(value: CellValue): number | undefined {
  if (!figureCell(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return undefined;
  let text = value.trim().toLowerCase();
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1].trim();
  }
  // "£35,000 FTE": the full-time salary, which is what a Salary cell holds.
  text = text.replace(/\s*(?:p\.?a\.?|per annum|a year|fte|wte)$/, "");
  text = text.replace(/^gbp\s*/, "").replace(/\s*gbp$/, "");
  const sign = /^([+-])?\s*£?\s*([+-])?/.exec(text);
  const signs = `${sign?.[1] ?? ""}${sign?.[2] ?? ""}`;
  if (signs.length > 1) return undefined;
  if (signs === "-") negative = !negative;
  text = withoutThousands(text.slice(sign?.[0].length ?? 0));
  const match = /^(\d+\.?\d*|\.\d+)\s*(k|m)?$/.exec(text);
  if (!match) return undefined;
  const scale = match[2] === "k" ? 1_000 : match[2] === "m" ? 1_000_000 : 1;
  const amount = scale === 1 ? Number(match[1]) : tidy(Number(match[1]) * scale);
  if (!Number.isFinite(amount)) return undefined;
  return negative ? -amount : amount;
}

/**
 * A percentage as a fraction: "12%", 0.12, "0.12", 12 and "12" all give 0.12.
 * The rule: a value with a % sign is percent points; a bare number greater than 1 (in
 * absolute value) is also read as percent points; a bare number from -1 to 1 is already a
 * fraction. So 1 means 100%; write "1%" for one per cent.
 */
export function parsePercent(value: CellValue): number | undefined {
  if (!figureCell(value) || typeof value === "boolean") return undefined;
  if (typeof value === "string") {
    const match = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(value.trim());
    if (match) return tidy(Number(match[1]) / 100);
  }
  const n = parseNumber(value);
  if (n === undefined) return undefined;
  return Math.abs(n) > 1 ? tidy(n / 100) : n;
}

/**
 * An FTE: a number, "1.0 FTE" (the unit typed after it), or a percentage of full time
 * ("50%" is 0.5, "100%" is 1). A bare number is never read as a percentage here: a column
 * of them is, by its heading (see column-units.ts).
 */
export function parseFte(value: CellValue): number | undefined {
  const n = parseNumber(value);
  if (n !== undefined || typeof value !== "string" || !figureCell(value)) return n;
  const text = value.trim().replace(/\s*(?:fte|wte)$/i, "");
  const percent = /^(\d+\.?\d*|\.\d+)\s*%$/.exec(text);
  return percent ? tidy(Number(percent[1]) / 100) : parseNumber(text);
}

/** "0.5 + 0.5", "0.6/0.4": a job share typed as its shares on one row. */
export function isSharesOnOneRow(value: CellValue): boolean {
  return (
    typeof value === "string" &&
    /^\s*(?:\d+\.?\d*|\.\d+)(?:\s*[+/&]\s*(?:\d+\.?\d*|\.\d+))+\s*$/.test(value)
  );
}

/** "£32,076 - £35,745", "32k-35k", "£32,076 to £35,745": a grade's range, lowest first. */
export function parseMoneyRange(value: CellValue): [number, number] | undefined {
  if (typeof value !== "string" || !figureCell(value)) return undefined;
  const m = /^(.*?\d\s*[km]?)\s*(?:-|–|—|to)\s*(£?\s*\d.*)$/i.exec(value.trim());
  if (!m) return undefined;
  const low = parseMoney(m[1]);
  const high = parseMoney(m[2]);
  return low !== undefined && high !== undefined && low >= 0 && low < high
    ? [low, high]
    : undefined;
}

/** "Sep-25", "March 2026", "Sept '25": a month and year with no day. */
export function isMonthWithoutDay(value: CellValue): boolean {
  if (typeof value !== "string" || !figureCell(value)) return false;
  const m = MONTH_YEAR.exec(value.trim());
  return m !== null && monthNumber(m[1]) !== undefined;
}

const MONTH_YEAR = /^([A-Za-z]+)\.?[\s\-/.']*(\d{2}|\d{4})$/;

/** The first of the month of "Apr-25", "April 2025", "Sept '25" (a month and year, no day). */
export function parseMonthYear(value: CellValue): Serial | undefined {
  if (typeof value !== "string" || !figureCell(value)) return undefined;
  const m = MONTH_YEAR.exec(value.trim());
  const month = m ? monthNumber(m[1]) : undefined;
  return m && month !== undefined ? dateOf(fullYear(m[2]), month, 1) : undefined;
}

/**
 * A measure that may be a rate or a score: numbers as they are, "20%" as 0.2. Used for
 * deprivation (an IDACI rate 0.2 or an IMD score 25.3).
 */
export function parseMeasure(value: CellValue): number | undefined {
  if (typeof value === "string" && /%\s*$/.test(value)) return parsePercent(value);
  return parseNumber(value);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** "Sep", "Sept", "September" → 9; a name that is no month's start, undefined. */
export function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const key = lower.length > 3 && lower.startsWith("sept") ? "sept" : lower.slice(0, 3);
  const month = MONTHS[key];
  if (month === undefined) return undefined;
  // "Sept" and "September" yes; "Septober" no: the full name must fit.
  const full = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ][month - 1];
  return full.startsWith(lower) ? month : undefined;
}

function dateOf(year: number, month: number, day: number): Serial | undefined {
  if (!isValidCalendarDate(year, month, day)) return undefined;
  const serial = serialOf(year, month, day);
  return serial >= EARLIEST_DATE && serial <= LATEST_DATE ? serial : undefined;
}

/**
 * A date as an Excel serial number. Accepts serial numbers (time of day dropped), UK text
 * dates "01/09/2018" (1 September: day first, always), "1/9/18" (two-digit years are
 * 20yy), "01-09-2018", "01.09.2018", ISO "2018-09-01", and "1 September 2018",
 * "1 Sep 18", "01-Sep-2018". Impossible dates (31/02/2024) are undefined.
 */
export function parseDate(value: CellValue): Serial | undefined {
  if (!figureCell(value) || typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    const serial = Math.floor(value);
    return serial >= EARLIEST_DATE && serial <= LATEST_DATE ? serial : undefined;
  }
  const text = value.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) return dateOf(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?[\s,-]+(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[2]);
    return month === undefined ? undefined : dateOf(fullYear(m[3]), month, Number(m[1]));
  }
  if (/^\d+(?:\.\d+)?$/.test(text)) return parseDate(Number(text));
  return undefined;
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

const TRUE_WORDS = new Set(["y", "yes", "true", "1", "x", "✓", "✔", "on"]);
const FALSE_WORDS = new Set(["n", "no", "false", "0", "off"]);

/** Y/N, Yes/No, True/False, 1/0, 100%/0% (and a tick or "x" for yes), any case. */
export function parseBoolean(value: CellValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (!usable(value)) return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  // "100%" is all of it and "0%" none; "100% core" says what, not whether: not read.
  const all = /^(\d+(?:\.\d+)?)\s*%$/.exec(word);
  if (all && Number(all[1]) === 100) return true;
  if (all && Number(all[1]) === 0) return false;
  return undefined;
}

/**
 * A part share typed in a yes/no cell, as a fraction: "50%", "50% grant", 0.5 (a cell
 * formatted as a percentage). Undefined for none, all, or anything else.
 */
export function partShare(value: CellValue): number | undefined {
  const m = typeof value === "string" ? /^\s*(\d+(?:\.\d+)?)\s*%/.exec(value) : undefined;
  const share = typeof value === "number" ? value : m ? tidy(Number(m[1]) / 100) : undefined;
  return share !== undefined && share > 0 && share < 1 ? share : undefined;
}

const CONTRACT_WORDS: Record<string, ContractType> = {
  permanent: "permanent",
  perm: "permanent",
  established: "permanent",
  substantive: "permanent",
  temporary: "temporary",
  temp: "temporary",
  interim: "temporary",
  "fixed term": "fixed-term",
  "fixed term contract": "fixed-term",
  fixed: "fixed-term",
  ftc: "fixed-term",
  agency: "agency",
  "agency worker": "agency",
  "agency staff": "agency",
  locum: "agency",
  contractor: "agency",
  secondment: "secondment",
  seconded: "secondment",
  secondee: "secondment",
  other: "other",
  casual: "other",
  relief: "other",
  sessional: "other",
  "zero hours": "other",
};

/** "Permanent", "Perm", "Temp", "Fixed-term", "FTC", "Agency", "Locum", "Secondment", … */
export function parseContractType(value: CellValue): ContractType | undefined {
  if (!usable(value) || typeof value !== "string") return undefined;
  return CONTRACT_WORDS[
    value
      .toLowerCase()
      .replace(/[^a-z]+/g, " ")
      .trim()
  ];
}

/** The post's marker for a deleted post, as a Proposed FTE cell reads it. */
export const DELETED = "deleted";
/** A dash in a Proposed FTE cell: nought, unless the Status beside it keeps the post. */
export const DASH = "dash";
/** "n/a" in a Proposed FTE cell: no post proposed, unless the Status beside it keeps the post. */
export const NOT_APPLICABLE = "n/a";

/**
 * A Proposed FTE: a number; a deletion word ("Deleted", "DELETE (VR)") read as DELETED; a
 * dash or "n/a" as DASH or NOT_APPLICABLE, whose reading depends on the Status beside them
 * (restructure-row.ts says it at the cell). A deletion phrase that is not a plain word is
 * said at the cell (schema.ts, proposedFteReading).
 */
export function parseFteOrDeleted(value: CellValue): number | string | undefined {
  if (isNotApplicable(value)) return NOT_APPLICABLE;
  if (isDeletionWord(value)) return DELETED;
  return isDash(value) ? DASH : parseFte(value);
}

/** The period an agency rate is quoted for. */
export type RateUnit = "hour" | "day" | "week" | "year";

/** "/hr", " per hour", " an hour", "ph", "a day", "/day", "pd", "per week", "pw", "pa", "a year"… */
const RATE_UNIT =
  /\s*(?:\/|\bper\b|\ba\b|\ban\b|\bp\b)?\s*\b(hours?|hrs?|h|ph|days?|d|pd|weeks?|wks?|w|pw|years?|yrs?|annum|pa|p\.a\.?)\.?$/;

const UNIT_OF: Record<string, RateUnit> = {
  hour: "hour",
  hours: "hour",
  hr: "hour",
  hrs: "hour",
  h: "hour",
  ph: "hour",
  day: "day",
  days: "day",
  d: "day",
  pd: "day",
  week: "week",
  weeks: "week",
  wk: "week",
  wks: "week",
  w: "week",
  pw: "week",
  year: "year",
  years: "year",
  yr: "year",
  yrs: "year",
  annum: "year",
  pa: "year",
  "p.a": "year",
  "p.a.": "year",
};

/** An agency rate with the period it is quoted for, when the cell says one. */
export interface QuotedRate {
  amount: number;
  unit?: RateUnit;
}

/** "£31.50/hr" → 31.5 an hour; "£260 a day"; "£1,200 per week"; "£60k pa"; 35 (no unit). */
export function parseQuotedRate(value: CellValue): QuotedRate | undefined {
  if (typeof value !== "string") {
    const amount = parseMoney(value);
    return amount === undefined ? undefined : { amount };
  }
  const text = value.trim().toLowerCase();
  const m = RATE_UNIT.exec(text);
  const unit = m ? UNIT_OF[m[1]] : undefined;
  const amount = parseMoney(m && unit ? text.slice(0, m.index) : text);
  if (amount === undefined) return undefined;
  // parseMoney drops "per annum" and "a year" itself: still a yearly figure.
  const yearly = !unit && /(?:p\.?a\.?|per annum|a year)\s*$/.test(text);
  return unit ? { amount, unit } : yearly ? { amount, unit: "year" } : { amount };
}

/**
 * An agency rate cell, for the table reader: a bare amount as a number (its column's
 * period), or "<unit>:<amount>" when the cell names its period ("hour:31.5").
 */
export function parseAgencyRate(value: CellValue): number | string | undefined {
  const rate = parseQuotedRate(value);
  if (!rate) return undefined;
  return rate.unit ? `${rate.unit}:${rate.amount}` : rate.amount;
}

/** The contract words accepted, for documentation and dropdowns. */
export const CONTRACT_TYPE_WORDS: Readonly<Record<string, ContractType>> = CONTRACT_WORDS;

/** A spinal column point: 12, "12", "SCP 12", "Point 12". */
export function parsePoint(value: CellValue): number | undefined {
  const n = parseNumber(value);
  if (n !== undefined) return n;
  if (typeof value !== "string" || !figureCell(value)) return undefined;
  const m = /^\s*(?:scp|point|pt|spinal(?:\s+column)?\s+point)\.?\s*(\d+(?:\.\d+)?)\s*$/i.exec(
    value
  );
  return m ? Number(m[1]) : undefined;
}

/** A financial year: "2024/25", "2024-25", "FY2024/25", 2024, or a date within it. */
export function parseYear(value: CellValue): FinancialYear | undefined {
  if (!figureCell(value) || typeof value === "boolean") return undefined;
  const fy = parseFinancialYear(value);
  if (fy !== undefined) return fy;
  const serial = parseDate(value);
  return serial === undefined ? undefined : financialYearOf(serial);
}

/** What a spreadsheet reads as the start of a formula when it is typed first in a cell. */
const FORMULA_START = /^[=+\-@]/;

/**
 * Text as the user typed it, trimmed; numbers as their plain digits (grade 5 is "5"). The
 * space in front is kept where trimming it would leave formula-looking text ("\t=1+1"):
 * the sheets write it as text either way, but a colleague who copies "=1+1" into a cell
 * gets a formula the user never typed.
 */
export function parseText(value: CellValue): string | undefined {
  if (!usable(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const trimmed = value.trim();
  return FORMULA_START.test(trimmed) ? value.trimEnd() : trimmed;
}
