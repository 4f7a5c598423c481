/**
 * Reading cell-function arguments as Excel hands them over: numbers, text, booleans,
 * null for an omitted optional argument, "" or null for a blank cell, and ranges as 2-D
 * arrays. Every check fails with a message that names the argument, so the error a
 * user hovers over says what to change.
 */
import {
  financialYearLabel,
  financialYearOf,
  parseFinancialYear,
  type FinancialYear,
  type Serial,
} from "../core/dates";
import {
  LIMITS,
  parseBoolean,
  parseDate,
  parseMoney,
  parsePercent,
  refusedForSize,
  type Limit,
} from "../core/read";
import { formatNumber } from "../core/money";
import type { PayAward } from "../core/model";
import { fail } from "./errors";

/** One cell's value as a function receives it. */
export type CellInput = number | string | boolean | null | undefined;
/** A range argument: rows of cells. */
export type RangeInput = CellInput[][];
export type ArgValue = CellInput | RangeInput;
/** A spilled result: rows of cells. */
export type Spill = (number | string)[][];
export type FunctionResult = number | string | Spill;

function toCell(v: unknown): CellInput {
  if (
    v === null ||
    v === undefined ||
    typeof v === "number" ||
    typeof v === "string" ||
    typeof v === "boolean"
  )
    return v;
  // An error value inside a range (Excel hands it over as an error object): pass it on as it is.
  if (v instanceof Error) throw v;
  return fail("invalidValue", "A cell holds a value the function cannot read (an entity or image)");
}

/** An argument as the host hands it over, checked into the shapes the functions read. */
export function toArg(v: unknown): ArgValue {
  if (!Array.isArray(v)) return toCell(v);
  // Check every cell; copy only a range that needs it (a million cells, mostly fine).
  const rows = v as unknown[];
  let copy = false;
  for (const row of rows) {
    if (!Array.isArray(row)) {
      copy = true;
      toCell(row);
    } else for (const x of row) toCell(x);
  }
  return copy
    ? rows.map((row) => (Array.isArray(row) ? (row as CellInput[]) : [row as CellInput]))
    : (rows as RangeInput);
}

export function isRange(v: ArgValue): v is RangeInput {
  return Array.isArray(v);
}

/** Omitted, or a blank cell. */
export function isBlank(v: ArgValue): v is null | undefined | "" {
  return v === null || v === undefined || v === "";
}

/** Omitted, a blank cell, or a range of blank cells (an optional range left empty). */
export function isBlankArg(v: ArgValue): boolean {
  return isRange(v) ? v.every((row) => row.every(isBlank)) : isBlank(v);
}

/** A single cell passed where a range is expected is a 1×1 range, and the other way round. */
export function scalarOf(v: ArgValue, what: string): CellInput {
  if (!isRange(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  return fail("invalidValue", `${what} must be a single value, not a range`);
}

/**
 * A number read the way the establishment reader reads the table (src/core/read), so a
 * live formula over a source cell sees what the sheet builder saw: "£20,862", "£20.9k",
 * "(1,200)", "1,234.5".
 */
function numberFrom(v: CellInput, what: string): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail("invalidNumber", `${what} must be a finite number (was ${v})`);
    return v;
  }
  if (typeof v === "boolean") return fail("invalidValue", `${what} must be a number, not ${v}`);
  const n = typeof v === "string" && v.trim().endsWith("%") ? parsePercent(v) : parseMoney(v ?? "");
  if (n === undefined && refusedForSize(v ?? ""))
    return fail("invalidNumber", `${what} is too large to be a figure (was "${shown(v)}")`);
  if (n === undefined) return fail("invalidValue", `${what} must be a number (was "${shown(v)}")`);
  return n;
}

export interface NumberRule {
  min?: number;
  /** Strictly more than this. */
  above?: number;
  max?: number;
  whole?: boolean;
}

/** True when n is a finite number that checkRule would pass. */
function obeys(n: number, rule: NumberRule): boolean {
  return (
    Number.isFinite(n) &&
    (!rule.whole || Number.isInteger(n)) &&
    (rule.min === undefined || n >= rule.min) &&
    (rule.above === undefined || n > rule.above) &&
    (rule.max === undefined || n <= rule.max)
  );
}

/** "from 0 to 10,000", "0 or more", "more than 0", "1 or less": the range a rule allows. */
function allowed(rule: NumberRule): string {
  const f = (x: number) => formatNumber(x, 6);
  const low =
    rule.min !== undefined
      ? f(rule.min)
      : rule.above !== undefined
        ? `more than ${f(rule.above)}`
        : undefined;
  if (rule.max === undefined)
    return rule.min !== undefined ? `${low} or more` : (low ?? "a number");
  if (low === undefined) return `${f(rule.max)} or less`;
  return rule.min !== undefined ? `from ${low} to ${f(rule.max)}` : `${low}, up to ${f(rule.max)}`;
}

function checkRule(n: number, what: string, rule: NumberRule): number {
  if (rule.whole && !Number.isInteger(n))
    fail("invalidNumber", `${what} must be a whole number (was ${n})`);
  if (!obeys(n, rule)) fail("invalidNumber", `${what} must be ${allowed(rule)} (was ${n})`);
  return n;
}

/** A rule from the reader's limits table (src/core/read/limits.ts): a formula refuses what a table cell would. */
export function withinLimit(limit: Limit, rule: NumberRule = {}): NumberRule {
  return { min: limit.min, max: limit.max, ...rule };
}

/** A value as a message shows it: long text cut, so a message stays readable. */
export function shown(v: unknown): string {
  const text = String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A required number; a blank cell is 0, as in Excel's own functions. */
export function numberArg(v: ArgValue, what: string, rule: NumberRule = {}): number {
  const cell = scalarOf(v, what);
  return checkRule(isBlank(cell) ? 0 : numberFrom(cell, what), what, rule);
}

/** An optional number: undefined when omitted or blank. */
export function optionalNumber(
  v: ArgValue,
  what: string,
  rule: NumberRule = {}
): number | undefined {
  const cell = scalarOf(v, what);
  return isBlank(cell) ? undefined : checkRule(numberFrom(cell, what), what, rule);
}

/**
 * A rate as the reader reads one: 19%, 0.19, or 19 (a number above 1 is taken as a
 * percentage, as establishment tables often hold "19" in a "Pension %" column).
 */
export function optionalRate(v: ArgValue, what: string): number | undefined {
  const cell = scalarOf(v, what);
  if (isBlank(cell)) return undefined;
  const r = typeof cell === "boolean" ? undefined : parsePercent(cell);
  if (r === undefined)
    return fail("invalidValue", `${what} must be a percentage such as 19% (was "${shown(cell)}")`);
  if (!obeys(r, { min: 0, max: 1 }))
    fail("invalidNumber", `${what} must be from 0% to 100% (was ${formatNumber(r * 100, 6)}%)`);
  return r;
}

export function optionalBoolean(v: ArgValue, what: string): boolean | undefined {
  const cell = scalarOf(v, what);
  if (isBlank(cell)) return undefined;
  const b = parseBoolean(cell);
  if (b === undefined) fail("invalidValue", `${what} must be TRUE or FALSE (was "${shown(cell)}")`);
  return b;
}

/** Lower-case choice from a fixed list; the default when omitted. */
export function choiceArg<T extends string>(
  v: ArgValue,
  what: string,
  choices: readonly T[],
  fallback: T
): T {
  const cell = scalarOf(v, what);
  if (isBlank(cell)) return fallback;
  const t = String(cell).trim().toLowerCase();
  const hit = choices.find((c) => c.toLowerCase() === t);
  if (hit === undefined)
    fail(
      "invalidValue",
      `${what} must be one of ${choices.map((c) => `"${c}"`).join(", ")} (was "${shown(cell)}")`
    );
  return hit as T;
}

/** Date serials before 1 March 1900 fall on Excel's phantom leap day or earlier. */
const FIRST_DATE = 61;

function dateFrom(cell: CellInput, what: string): Serial {
  if (typeof cell === "number" && (!Number.isFinite(cell) || cell < FIRST_DATE))
    fail("invalidNumber", `${what} must be a date from 1 March 1900 on (was ${shown(cell)})`);
  // Serials, and UK text dates as the reader takes them: "01/09/2024" is 1 September.
  const serial = typeof cell === "boolean" ? undefined : parseDate(cell ?? "");
  if (serial === undefined)
    return fail("invalidValue", `${what} must be a date (was "${shown(cell)}")`);
  return serial;
}

export function dateArg(v: ArgValue, what: string): Serial {
  const cell = scalarOf(v, what);
  if (isBlank(cell)) fail("invalidValue", `${what} is blank; give a date`);
  return dateFrom(cell, what);
}

/** An optional date: blank, omitted or 0 (an empty date cell) means "no date". */
export function optionalDate(v: ArgValue, what: string): Serial | undefined {
  const cell = scalarOf(v, what);
  return isBlank(cell) || cell === 0 ? undefined : dateFrom(cell, what);
}

/** Whole years from 1901 to 2199 are FY start years; larger numbers are dates. */
const LAST_YEAR_NUMBER = 2199;

/** A FY given as "2024/25", 2024 (the year it starts) or any date in it. */
export function fyArg(v: ArgValue, what = "fy"): FinancialYear {
  const cell = scalarOf(v, what);
  if (isBlank(cell))
    fail("invalidValue", `${what} is blank; give a financial year such as "2024/25"`);
  if (typeof cell === "number") {
    const year = parseFinancialYear(cell);
    if (year !== undefined) return year;
    // A larger number is a date serial: one in the dates' range gives its year.
    const serial = cell > LAST_YEAR_NUMBER ? parseDate(cell) : undefined;
    if (serial !== undefined) return financialYearOf(serial);
    fail(
      "invalidNumber",
      `${what} must be a financial year such as "2024/25" or 2024, or a date in it (was ${shown(cell)})`
    );
  }
  const year = parseFinancialYear(String(cell));
  if (year === undefined)
    fail(
      "invalidValue",
      `${what} must be a financial year such as "2024/25" (was "${shown(cell)}")`
    );
  return year as FinancialYear;
}

/** The numbers of a range, row by row; blanks and text are refused with their position. */
export function numbersOf(v: ArgValue, what: string, rule: NumberRule = {}): number[] {
  const rows = isRange(v) ? v : [[v]];
  let cells = 0;
  for (const row of rows) cells += row.length;
  // Sized once: a million-cell range would otherwise grow and copy its array many times.
  const out = new Array<number>(cells);
  let n = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      // Most cells are plain numbers in range: no message is built for them.
      if (typeof cell === "number" && obeys(cell, rule)) {
        out[n++] = cell;
        continue;
      }
      const where =
        rows.length === 1 || row.length === 1
          ? `${what} value ${n + 1}`
          : `${what} row ${r + 1} column ${c + 1}`;
      if (isBlank(cell)) fail("invalidValue", `${where} is blank`);
      out[n++] = checkRule(numberFrom(cell, where), where, rule);
    }
  }
  if (n === 0) fail("invalidValue", `${what} is empty`);
  return out;
}

/** Rows × columns of a range argument (a single value is 1×1). */
export function shapeOf(v: ArgValue): { rows: number; columns: number } {
  return isRange(v)
    ? { rows: v.length, columns: v.length ? v[0].length : 0 }
    : { rows: 1, columns: 1 };
}

/** Values laid out in the shape of the range they came from, row by row. */
export function inShapeOf(
  shape: { rows: number; columns: number },
  values: readonly number[]
): Spill {
  const out: Spill = [];
  for (let r = 0; r < shape.rows; r++)
    out.push(values.slice(r * shape.columns, (r + 1) * shape.columns));
  return out;
}

/**
 * Pay awards from a range of rows: FY, percentage, optional flat cash minimum
 * ("2025/26 | 3%", "2026/27 | 2.5% | 1290"). Blank rows are skipped, so a user can point
 * at a longer range than they have filled.
 */
export function awardsArg(v: ArgValue, what = "awards"): PayAward[] {
  if (!isRange(v)) {
    if (isBlank(v)) return [];
    return fail("invalidValue", `${what} must be a range of rows: financial year, percentage`);
  }
  const rows = v;
  const awards: PayAward[] = [];
  rows.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const where = `${what} row ${r + 1}`;
    if (row.length < 2) fail("invalidValue", `${where}: give a financial year and a percentage`);
    const year = fyArg(row[0], `${where} year`);
    const percent = optionalRate(row[1], `${where} percentage`) ?? 0;
    const flatMinimum =
      row.length > 2
        ? optionalNumber(row[2], `${where} flat minimum`, withinLimit(LIMITS.payAwardMinimum))
        : undefined;
    if (awards.some((a) => a.year === year))
      fail("invalidValue", `${where}: there is already an award for ${financialYearLabel(year)}`);
    awards.push(flatMinimum ? { year, percent, flatMinimum } : { year, percent });
  });
  return awards;
}
