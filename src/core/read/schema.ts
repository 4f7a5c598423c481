import type { CellValue } from "../grid";
import type { Severity } from "../grid";
import type { FinancialYear } from "../dates";
import type { Limit } from "./limits";
import { isTermTimeText } from "./term-time";
import {
  parseBoolean,
  parseContractType,
  parseDate,
  parseMeasure,
  parseMoney,
  parseNumber,
  parsePercent,
  parsePoint,
  parseText,
  parseYear,
  parseFte,
  parseFteOrDeleted,
  parseAgencyRate,
  parseQuotedRate,
  partShare,
  isMonthWithoutDay,
  isSharesOnOneRow,
  DELETED,
} from "./values";
import { statusWord } from "./status-words";
import { formatFigure } from "./text";
import { formatPoundsInText } from "../money";

/** A parsed cell: text, a number (money, FTE, date serial, rate…) or a yes/no. */
export type FieldValue = string | number | boolean;

/** How a column's cells are read. One parser and one plain-English fix per kind. */
export type ValueKind =
  | "text"
  | "number"
  | "money"
  | "percent"
  | "measure"
  | "date"
  | "boolean"
  | "contract"
  | "point"
  | "year"
  | "fte"
  | "fteOrDeleted"
  | "agencyRate";

export interface KindRule {
  parse: (value: CellValue) => FieldValue | undefined;
  /** "is not a number": completes "<Field> '<value>' …". */
  problem: string;
  /** Short code suffix: "fte-not-number". */
  code: string;
  fix: string;
  /** A value the reader cannot read: error (blocks costing) or warning (read as blank or fallback). */
  severity: Severity;
  /** Used instead of the unreadable value, with a warning. */
  fallback?: FieldValue;
  /** What an unreadable value is, when it is something else the reader knows ("£350 per day"). */
  explain?: (value: CellValue) => Explained | undefined;
  /** How a value typed with words or signs was read ("1 FTE" for "1.0 FTE"), said at its cell. */
  reads?: (value: CellValue, parsed: FieldValue) => string | Guessed | undefined;
}

/** A reading that is a guess, not the only one the value has: a warning at its cell. */
export interface Guessed {
  reading: string;
  fix: string;
  /** Code suffix: "assumed-deleted". */
  code: string;
}

/** An unreadable value the reader knows for something else, and what to do with it. */
export interface Explained {
  problem: string;
  fix: string;
  /** Code suffix instead of the kind's ("part-share"). */
  code?: string;
}

/** "Term time only" / "TTO" as the contract: a working pattern, which term-time.ts warns is costed for the year. */
function termTimeNotContract(value: CellValue): Explained | undefined {
  if (typeof value !== "string" || !isTermTimeText(value)) return undefined;
  return {
    problem:
      "is a working pattern (term time), not a contract type: read as 'other', and the post is costed for the whole year",
    fix: "enter the contract type (Permanent, Temporary, Fixed-term, Agency or Secondment), and fold term time into the FTE (the term-time warning at this cell says how)",
  };
}

/** "50%" in a yes/no cell (Grant funded): a share of a post, which is not costed as a share. */
function shareNotYesNo(value: CellValue): Explained | undefined {
  const share = partShare(value);
  if (share === undefined) return undefined;
  return {
    problem: `is a part share${typeof value === "number" ? ` (${formatFigure(share * 100)}%)` : ""}, not yes or no: a share of a post is not costed as a share, so the row is read as not Y (for a grant, not costed against it at all)`,
    fix: "split the row in two, the share's FTE marked Y and the rest marked N (0.5 FTE each for 50% of 1 FTE)",
    code: "part-share",
  };
}

const RATE_COLUMN: Record<"hour" | "day" | "week", [string, string]> = {
  hour: ["an hourly rate", "Agency hourly rate"],
  day: ["a day rate", "Agency day rate"],
  week: ["a weekly rate", "Agency weekly rate"],
};

/** "£350 per day" in a Salary cell is an agency worker's day rate, not a salary. */
function rateNotYearly(value: CellValue): Explained | undefined {
  const unit = parseQuotedRate(value)?.unit;
  if (unit === undefined || unit === "year") return undefined;
  const [rate, column] = RATE_COLUMN[unit];
  return {
    problem: `is ${rate}, not an amount a year`,
    fix: `move it to an '${column}' column, where an agency worker's rate is costed (Contract 'Agency'), and leave this cell blank; or type the amount a year, e.g. 20862`,
  };
}

/** "0.5 + 0.5" in an FTE cell: two people's shares, which one row cannot cost apart. */
function sharesNotFte(value: CellValue): Explained | undefined {
  if (!isSharesOnOneRow(value)) return undefined;
  return {
    problem: "is a job share's FTEs on one row, not one FTE",
    fix: "put each job sharer on a row of their own (0.5 FTE each), or enter the post's total FTE (1) with No of staff 2",
    code: "shares-on-one-row",
  };
}

/** "Sep-25" in a date cell: which day of the month is not for the reader to guess. */
function monthNotDate(value: CellValue): Explained | undefined {
  if (!isMonthWithoutDay(value)) return undefined;
  return {
    problem: "is a month with no day",
    fix: "enter the day as well, e.g. 01/09/2025 for a post starting in September 2025 or 30/09/2025 for one ending then",
    code: "month-no-day",
  };
}

/** Text other than a plain figure: a reading the user should see at the cell. */
function typedWithWords(value: CellValue): value is string {
  return typeof value === "string" && !/^\s*[+-]?(?:\d+\.?\d*|\.\d+)\s*$/.test(value);
}

/** "1.0 FTE" is read as 1; "50%" as 0.5 (a share of full time). */
function fteReading(value: CellValue, fte: FieldValue): string | undefined {
  if (typeof fte !== "number" || !typedWithWords(value) || !/fte|wte|%|\d\s\d/i.test(value))
    return undefined;
  return `${formatFigure(fte)} FTE${/%/.test(value) ? " (a percentage of full time)" : ""}`;
}

/** "£35,000 FTE" is the full-time salary; "32 076" has a space for a thousands separator. */
function moneyReading(value: CellValue, amount: FieldValue): string | undefined {
  if (typeof value !== "string" || typeof amount !== "number") return undefined;
  const fte = /(?:fte|wte)\s*$/i.test(value);
  const spaced = /\d[ \u00a0]\d{3}(?:\D|$)/.test(value);
  if (!fte && !spaced) return undefined;
  const why = [fte ? "a full-time salary" : "", spaced ? "the space a thousands separator" : ""];
  return `${formatPoundsInText(amount)} (${why.filter((w) => w !== "").join("; ")})`;
}

/**
 * A Proposed FTE typed other than as a figure or a plain deletion word: "DELETE (VR)"
 * deletes. A dash and "n/a" are read with the Status beside them (restructure-row.ts).
 */
function proposedFteReading(value: CellValue, fte: FieldValue): string | undefined {
  if (fte !== DELETED) return fteReading(value, fte);
  return statusWord(value) === "deleted, read" ? "deleted (proposed FTE 0)" : undefined;
}

/**
 * Unreadable numbers, money, dates and rates are errors: guessing them would cost the
 * wrong pounds. Unreadable yes/no and contract words only label a post: warnings.
 */
export const KIND_RULES: Readonly<Record<ValueKind, KindRule>> = {
  text: {
    parse: parseText,
    problem: "is not text",
    code: "not-text",
    fix: "type it as text",
    severity: "warning",
  },
  number: {
    parse: parseNumber,
    problem: "is not a number",
    code: "not-number",
    fix: "enter a number, e.g. 1 or 0.5",
    severity: "error",
  },
  money: {
    parse: parseMoney,
    problem: "is not an amount of money",
    code: "not-money",
    fix: "enter an amount, e.g. 20862 or £20,862",
    severity: "error",
    explain: rateNotYearly,
    reads: moneyReading,
  },
  percent: {
    parse: parsePercent,
    problem: "is not a percentage",
    code: "not-percent",
    fix: "enter a percentage, e.g. 19% or 0.19",
    severity: "error",
  },
  measure: {
    parse: parseMeasure,
    problem: "is not a number",
    code: "not-number",
    fix: "enter a rate or score, e.g. 0.2 or 20%",
    severity: "error",
  },
  date: {
    parse: parseDate,
    problem: "is not a valid date",
    code: "not-date",
    fix: "enter a date as dd/mm/yyyy, e.g. 01/09/2024",
    severity: "error",
    explain: monthNotDate,
  },
  boolean: {
    parse: parseBoolean,
    problem: "is not yes or no",
    code: "not-yes-no",
    fix: "enter Y or N; read as blank for now",
    severity: "warning",
    explain: shareNotYesNo,
  },
  contract: {
    parse: parseContractType,
    problem: "is not a contract type I know",
    code: "unknown",
    fix: "use Permanent, Temporary, Fixed-term, Agency or Secondment; read as 'other' for now",
    severity: "warning",
    fallback: "other",
    explain: termTimeNotContract,
  },
  point: {
    parse: parsePoint,
    problem: "is not a spinal column point",
    code: "not-point",
    fix: "enter the point number, e.g. 12",
    severity: "error",
  },
  fte: {
    parse: parseFte,
    problem: "is not a number",
    code: "not-number",
    fix: "enter a number, e.g. 1 or 0.5",
    severity: "error",
    explain: sharesNotFte,
    reads: fteReading,
  },
  fteOrDeleted: {
    parse: parseFteOrDeleted,
    problem: "is not a number",
    code: "not-number",
    fix: "enter a number, e.g. 1 or 0.5, or 0 (or 'deleted') to delete the post",
    severity: "error",
    explain: sharesNotFte,
    reads: proposedFteReading,
  },
  agencyRate: {
    parse: parseAgencyRate,
    problem: "is not an agency rate",
    code: "not-money",
    fix: "enter the rate as the agency quotes it, e.g. £31.50/hr, £260 a day or £1,200 per week",
    severity: "error",
  },
  year: {
    parse: parseYear,
    problem: "is not a financial year",
    code: "not-year",
    fix: "enter the year as e.g. 2025/26",
    severity: "error",
  },
};

/** One column a table can have. */
export interface FieldSpec<F extends string> {
  field: F;
  /** What users call it, in messages and dropdowns: "FTE", "Minimum salary". */
  label: string;
  /** Header texts that map to this field (compared after normaliseLabel). */
  synonyms: readonly string[];
  kind: ValueKind;
  /** Overrides the kind's fix in messages, e.g. "enter e.g. 1 or 0.5" for FTE. */
  fix?: string;
  /** The range a figure must be in (numeric kinds): outside it, an error at the cell. */
  limit?: Limit;
  /** For documentation and the task pane's mapping dropdown. */
  description: string;
  /** A range typed in one cell ("£32,076 - £35,745") is read into these two fields, low first. */
  rangeInto?: readonly [F, F];
  /**
   * Why a figure still to be confirmed ("TBC", "?") is refused here rather than read as
   * blank, for a column that is not required: its blank says something ("no change").
   */
  figureNeeded?: string;
}

/**
 * A table the reader can find and read: the establishment, localities, pay scales. One
 * mechanism reads all of them; a schema says which columns exist and how each is read.
 */
export interface TableSchema<F extends string> {
  /** "establishment", in messages: "No establishment table found". */
  name: string;
  fields: readonly FieldSpec<F>[];
  /** The column that names a row (post title, locality name, grade); a header row must map it. */
  keyField: F;
  /** A field whose column is the key field's when the header row has no key column of its own. */
  keyStandIn?: F;
  /** A header row qualifies when it maps this many fields, the key field among them. */
  minFields: number;
  /** Fields that must be present in every data row (errors when blank). */
  requiredFields: readonly F[];
  /** A number in one of these columns marks a row as data rather than a heading or note. */
  signalFields: readonly F[];
  /** Totals rows are reconciled on these columns. */
  totalFields: readonly F[];
  /** Ranking weight of each mapped field when choosing among candidate tables (default 1). */
  weights: Partial<Record<F, number>>;
  /** Headers whose presence means the row belongs to some other kind of table. */
  rejectHeaders?: readonly string[];
  /**
   * Fields whose words inside a longer header win over any other field's, in this order:
   * "% of population aged 0-19 in IMD deciles 1-2" is deprivation, not population.
   */
  wordsFirst?: readonly F[];
  /**
   * Fields that often come as one column a year ("Referrals 2023/24", "Referrals 2024/25"):
   * when every such column names a year, the latest is used (with a note), not the left-most.
   */
  latestYear?: readonly F[];
  /**
   * Fields whose synonyms are in order of preference even across columns: of two columns
   * ("Ward", "Locality"), the earlier synonym's is read wherever it stands. Not for words
   * that name a number as often as a title ("Position", "Post" in an HR export), where the
   * left-most is read, as for every other field.
   */
  preferEarlierSynonym?: readonly F[];
  /**
   * A field that may come as one column per financial year, each headed by its year
   * ("2024/25 | 2025/26", "Salary 2025/26"): every such column is the field for its year
   * (TableCandidate.yearColumns), the first of them its column.
   */
  yearsAcross?: { field: F; yearOf: (heading: CellValue) => FinancialYear | undefined };
}
