/**
 * Setting values typed as budget papers type them: "19% (LGPS)", "£5,000 a year", "3 months",
 * "1st April", "TBC". A reading gives the plain value the setting reads (so its limits and
 * checks still apply) and what to say at the cell. Words that give no figure keep the
 * setting's default, said as a warning: a pay award "TBC" is never costed as a silent 0.
 */
import type { CellValue, Severity } from "../grid";
import {
  calendarDateOf,
  financialYearLabel,
  formatUkDate,
  MONTH_NAMES,
  type FinancialYear,
} from "../dates";
import type { Assumptions } from "../model";
import { formatNumber, formatPoundsInText, roundPenny } from "../money";
import { APPRENTICESHIP_LEVY_RATE, NI_TABLE, niRulesFor } from "../rules";
import { EARLIEST_DATE, LATEST_DATE, MAX_FIGURE_LENGTH } from "./limits";
import { describeValue } from "./text";
import { monthNumber, parseBoolean, parseMoney, parsePercent } from "./values";

/** What is said at a value's cell. */
export interface Said {
  severity: Severity;
  code: string;
  message: string;
  fix: string;
}

export const READ_AS = "setting-read-as";
export const NOT_KNOWN = "setting-not-known";

export type Period = "week" | "month" | "year";
export type Unit = Period | "hour" | "day";

/** How a setting may be typed with words, beside its plain value. */
export type SettingWords = (
  | { kind: "percent"; award?: boolean }
  | { kind: "money"; per: Period | "whole"; threshold?: boolean }
  | { kind: "count"; unit: Unit; per?: Period; whole?: boolean; example: string }
  | { kind: "levy" }
  | { kind: "increment-rule" }
  | { kind: "date" }
  /** Read only as the plain value, or as words that give no figure. */
  | { kind: "plain" }
  /** A name or a list: read as typed, whatever it says. */
  | { kind: "text" }
) & {
  /** What "statutory" means here: the statutory figures (blank), Yes, or no figure at all. */
  statutory?: "blank" | "yes" | "none";
};

export type WordReading =
  /** Read `read` as if it were typed, and say so. */
  | { read: CellValue; said: Said }
  /** The setting keeps what it has with no value; said once that is known (`instead`). */
  | { keep: (instead: string) => Said }
  | { refused: Said };

export interface WordsContext {
  firstYear: FinancialYear;
  years: number;
}

const info = (message: string, fix: string): Said => ({
  severity: "info",
  code: READ_AS,
  message,
  fix,
});
const refused = (message: string, fix: string): { refused: Said } => ({
  refused: { severity: "error", code: "setting-invalid", message, fix },
});

/** "19% (LGPS)" read as a setting wants it, or undefined when the plain reader reads it (or nothing does). */
export function readWords(
  label: string,
  words: SettingWords,
  value: CellValue,
  context: WordsContext
): WordReading | undefined {
  if (words.kind === "text") return undefined;
  if (typeof value === "string" && value.length > MAX_FIGURE_LENGTH) return undefined;
  const noFigure = statutoryOrNotKnown(label, words, value);
  if (noFigure) return noFigure;
  switch (words.kind) {
    case "percent":
      return percentWithWords(label, words.award === true, value);
    case "money":
      return moneyWithPeriod(label, words, value, context);
    case "count":
      return countWithUnit(label, words, value);
    case "levy":
      return levyWords(label, value);
    case "increment-rule":
      return incrementDay(label, value);
    case "date":
      return dateWithoutYear(label, value, context.firstYear);
    default:
      return undefined;
  }
}

/** Words that say the figure is not known yet: "TBC", "not yet agreed", "?", "n/a", "TBC - NJC". */
const NOT_KNOWN_WORDS =
  /^(?:tb[cad]|to be (?:confirmed|agreed|advised|decided|determined|set|announced)|not (?:yet )?(?:agreed|known|confirmed|decided|settled|set)(?: yet)?|unknown|awaiting\b.*|pending\b.*|not available|n\s*[/.]?\s*a\.?|\?+)$/;

const STATUTORY_WORDS =
  /^(?:statutory|statutory (?:rate|rates|threshold|thresholds|levy)|hmrc|hmrc (?:rate|rates|threshold|thresholds)|as hmrc|per hmrc|as statutory)$/;

/** The text's first phrase, lower case: "TBC - awaiting NJC" is "tbc". */
function firstPhrase(text: string): string {
  const lower = text.trim().toLowerCase().replace(/\s+/g, " ");
  return (lower.split(/\s*(?:\s[-–—]\s|[(,;:])\s*/)[0] ?? "").replace(/[.!]+$/, "").trim();
}

/** Words that give no figure: "TBC", or "statutory" where the setting has no statutory figure. */
export function isNoFigureWord(value: CellValue): boolean {
  if (typeof value !== "string" || value.length > MAX_FIGURE_LENGTH) return false;
  const phrase = firstPhrase(value);
  return NOT_KNOWN_WORDS.test(phrase) || STATUTORY_WORDS.test(phrase);
}

function statutoryOrNotKnown(
  label: string,
  words: SettingWords,
  value: CellValue
): WordReading | undefined {
  if (typeof value !== "string") return undefined;
  const typed = `${label} ${describeValue(value.trim())}`;
  const phrase = firstPhrase(value);
  if (words.statutory && STATUTORY_WORDS.test(phrase)) {
    if (words.statutory === "yes")
      return {
        read: "Yes",
        said: info(
          `${typed} is read as Yes: the levy is charged at its statutory ${pct(APPRENTICESHIP_LEVY_RATE)} of pay`,
          "nothing to do; type Yes or No to say it plainly"
        ),
      };
    if (words.statutory === "blank")
      return {
        keep: (instead) =>
          info(
            `${typed} is read as ${instead}`,
            "nothing to do; type a figure only to cost another"
          ),
      };
    return {
      keep: (instead) => ({
        severity: "warning",
        code: NOT_KNOWN,
        message: `${typed} gives no figure (there is no statutory employer pension rate: each pension fund sets its own), so the sheets use ${instead}`,
        fix: "type your pension fund's employer rate, e.g. 19%",
      }),
    };
  }
  if (!NOT_KNOWN_WORDS.test(phrase)) return undefined;
  return {
    keep: (instead) => ({
      severity: "warning",
      code: NOT_KNOWN,
      message: `${typed} gives no figure yet, so the sheets use ${instead}`,
      fix: "type the figure when it is known (or one to plan with) to cost it",
    }),
  };
}

const pct = (fraction: number) => `${formatNumber(fraction * 100, 4)}%`;

/** "19%", "3.5 per cent": one percentage in text (with its sign). */
const PERCENT_IN_TEXT = /([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*(?:%|per\s*cent\b|pc\b)/gi;

const MONTH_NAME =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi;

/**
 * "19% (LGPS)", "3% of pay", "3.5% from April": the one percentage, the words beside it
 * not read. Words naming a year or a month (other than a pay award's April) may change
 * what the figure means, so they are a warning rather than a note.
 */
function percentWithWords(
  label: string,
  award: boolean,
  value: CellValue
): WordReading | undefined {
  if (typeof value !== "string" || parsePercent(value) !== undefined) return undefined;
  const found = [...value.matchAll(PERCENT_IN_TEXT)];
  if (found.length > 1)
    return refused(
      `${label} ${describeValue(value)} has ${found.length} percentages, and the setting takes one`,
      "type the one rate to cost, e.g. 19%; a rate that changes from year to year can be costed as a scenario"
    );
  if (found.length === 0) return undefined;
  const [match, figure] = found[0];
  const rest = `${value.slice(0, found[0].index)} ${value.slice((found[0].index ?? 0) + match.length)}`;
  if (/[£$€=+*×]/.test(rest)) return undefined;
  const read = `${figure}%`;
  const fraction = parsePercent(read);
  if (fraction === undefined) return undefined;
  const leftover = rest
    .replace(/[()[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const typed = `${label} ${describeValue(value.trim())}`;
  const months = [...leftover.matchAll(MONTH_NAME)].map((m) => monthNumber(m[1]));
  const otherMonth = months.find((m) => m !== undefined && (!award || m !== 4));
  if (award && otherMonth !== undefined)
    return {
      read,
      said: {
        severity: "warning",
        code: READ_AS,
        message: `${typed} is read as ${pct(fraction)} from 1 April: pay awards are costed from 1 April, as back-dated awards are paid`,
        fix: "nothing to do if it is back-dated to April; if not, that year's pay is overstated by the months before it is paid",
      },
    };
  const aprilDay = award ? leftover.replace(/\b1(?:st)?\s+(?:of\s+)?apr(?:il)?\b/i, "") : leftover;
  if (otherMonth !== undefined || /\d/.test(aprilDay))
    return {
      read,
      said: {
        severity: "warning",
        code: READ_AS,
        message: `${typed} is read as ${pct(fraction)} for every year costed; the words '${leftover}' are not read`,
        fix: "if the rate changes part way through, type the rate to cost for every year, or cost the change as a scenario",
      },
    };
  return {
    read,
    said: info(
      `${typed} is read as ${pct(fraction)}${leftover ? `; the words '${leftover}' are not read` : ""}`,
      "nothing to do; keep words about the figure in a Notes column"
    ),
  };
}

const PER_YEAR: Record<Period, number> = { year: 1, month: 12, week: 52 };

const PERIOD_WORDS: Record<string, Period> = {
  year: "year",
  yr: "year",
  annum: "year",
  pa: "year",
  "p.a": "year",
  "p.a.": "year",
  yearly: "year",
  annually: "year",
  month: "month",
  mth: "month",
  "calendar month": "month",
  pcm: "month",
  pm: "month",
  "p/m": "month",
  monthly: "month",
  week: "week",
  wk: "week",
  pw: "week",
  "p/w": "week",
  weekly: "week",
};

/** "£5,000 a year", "£417 per person per month", "£96 pw", "£5k pa": an amount and its period. */
const MONEY_PERIOD =
  /^(.*?\d\s*[km]?)(?:\s*(?:per|a|an)\s+(?:person|head|employee))?\s*(?:(?:\/|\bper\b|\ba\b|\ban\b|\beach\b|\bevery\b)\s*)?(year|yr|annum|p\.a\.?|pa|yearly|annually|calendar month|month|mth|pcm|pm|p\/m|monthly|week|wk|pw|p\/w|weekly)$/i;

const PERIOD_SAID: Record<Period | "whole", string> = {
  year: "a year",
  month: "a month",
  week: "a week",
  whole: "",
};

/**
 * An amount with its period, converted to the setting's period: £5,000 a year is £416.67 a
 * month, a threshold rounded to whole pounds as HMRC publishes them (£417). A figure that
 * says no period reads as the setting's own, as it always has.
 */
function moneyWithPeriod(
  label: string,
  words: { per: Period | "whole"; threshold?: boolean },
  value: CellValue,
  context: WordsContext
): WordReading | undefined {
  if (typeof value !== "string") return undefined;
  const m = MONEY_PERIOD.exec(value.trim());
  const amount = m ? parseMoney(m[1]) : undefined;
  const typed = m ? PERIOD_WORDS[m[2].toLowerCase()] : undefined;
  if (!m || amount === undefined || typed === undefined || amount < 0) return undefined;
  const said = `${label} ${describeValue(value.trim())}`;
  if (words.per === "whole") {
    const whole = formatPoundsInText(roundPenny(amount * PER_YEAR[typed] * context.years));
    return refused(
      `${said} is ${PERIOD_SAID[typed]}'s figure, but the ${label} is the whole grant over all its years`,
      `type the whole grant (${whole} if it is ${formatPoundsInText(amount)} ${PERIOD_SAID[typed]} for the ${context.years} years costed), or each year's in a row such as 'Grant ${financialYearLabel(context.firstYear)}'`
    );
  }
  const per = PERIOD_SAID[words.per];
  if (typed === words.per)
    return parseMoney(value) !== undefined
      ? undefined
      : {
          read: amount,
          said: info(`${said} is read as ${formatPoundsInText(amount)} ${per}`, "nothing to do"),
        };
  // HMRC's weekly threshold is its yearly one ÷ 52 in whole pounds (£96 for £5,000): the year it stands for.
  const published = words.threshold && typed === "week" ? yearlyOfWeekly(amount) : undefined;
  const from =
    published === undefined ? { amount, typed } : { amount: published, typed: "year" as const };
  const exact = (from.amount * PER_YEAR[from.typed]) / PER_YEAR[words.per];
  const used = words.threshold ? Math.round(exact) : roundPenny(exact);
  const times = PER_YEAR[from.typed] > 1 ? ` × ${PER_YEAR[from.typed]}` : "";
  const over = PER_YEAR[words.per] > 1 ? ` ÷ ${PER_YEAR[words.per]}` : "";
  const working = `${formatPoundsInText(from.amount)}${times}${over} = ${formatPoundsInText(roundPenny(exact))}`;
  const rounded =
    used === roundPenny(exact) ? "" : ", rounded to whole pounds as HMRC publishes its thresholds";
  const weekly =
    published === undefined
      ? ""
      : `${formatPoundsInText(amount)} a week is HMRC's weekly threshold for ${formatPoundsInText(published)} a year: `;
  return {
    read: used,
    said: info(
      `${said} is read as ${formatPoundsInText(used)} ${per} (${weekly}${working}${rounded})`,
      `nothing to do if that is the figure you mean; type the figure ${per} to cost another`
    ),
  };
}

/** The yearly NI threshold HMRC publishes as this weekly one (£5,000 for £96), if any. */
function yearlyOfWeekly(weekly: number): number | undefined {
  return NI_TABLE.find((row) => Math.round(row.annualThreshold / 52) === weekly)?.annualThreshold;
}

const UNIT_WORDS: Record<string, Unit> = {
  week: "week",
  weeks: "week",
  wk: "week",
  wks: "week",
  month: "month",
  months: "month",
  mth: "month",
  mths: "month",
  mnth: "month",
  mnths: "month",
  year: "year",
  years: "year",
  yr: "year",
  yrs: "year",
  hour: "hour",
  hours: "hour",
  hr: "hour",
  hrs: "hour",
  day: "day",
  days: "day",
};

/** "4 weeks", "6 mths' service", "37 hours a week", "52 weeks per year". */
const COUNT =
  /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*([a-z]+)\.?['’]?(?:\s+(?:of\s+)?(?:pay|service|salary|notice))?(?:\s*(?:\/|\bper\b|\ba\b|\ban\b|\beach\b)\s*(week|wk|year|yr|annum)|\s+(pw|pa))?$/i;

const unitSaid = (n: number, unit: Unit) => `${formatNumber(n, 2)} ${unit}${n === 1 ? "" : "s"}`;

/**
 * A count with its unit, converted to the setting's: 3 months is 13 weeks (× 52 ÷ 12),
 * 26 weeks 6 months. Hours and days are only themselves.
 */
function countWithUnit(
  label: string,
  words: { unit: Unit; per?: Period; whole?: boolean; example: string },
  value: CellValue
): WordReading | undefined {
  if (typeof value !== "string") return undefined;
  const m = COUNT.exec(value.trim());
  const unit = m ? UNIT_WORDS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const perWord = (m[3] ?? m[4])?.toLowerCase();
  const per = perWord === undefined ? undefined : PERIOD_WORDS[perWord];
  if (per !== undefined && per !== words.per) return undefined;
  const amount = Number(m[1]);
  const said = `${label} ${describeValue(value.trim())}`;
  const periodic = (u: Unit): u is Period => u in PER_YEAR;
  if (unit !== words.unit && !(periodic(unit) && periodic(words.unit)))
    return refused(
      `${said} is in ${unit}s, but the setting is a number of ${words.unit}s${words.per ? ` ${PERIOD_SAID[words.per]}` : ""}`,
      `type the ${words.unit}s, e.g. ${words.example}`
    );
  if (unit === words.unit)
    return {
      read: amount,
      said: info(`${said} is read as ${unitSaid(amount, unit)}`, "nothing to do"),
    };
  const target = words.unit as Period;
  const exact = (amount * PER_YEAR[target]) / PER_YEAR[unit as Period];
  const used = Number(exact.toFixed(2));
  const working = `${unitSaid(amount, unit)}${PER_YEAR[target] > 1 ? ` × ${PER_YEAR[target]}` : ""}${PER_YEAR[unit as Period] > 1 ? ` ÷ ${PER_YEAR[unit as Period]}` : ""}`;
  if (words.whole && !Number.isInteger(used))
    return refused(
      `${said} is ${unitSaid(used, target)} (${working}), not a whole number of ${target}s`,
      `type a whole number of ${target}s, e.g. ${Math.max(1, Math.round(exact))}`
    );
  return {
    read: used,
    said: info(
      `${said} is read as ${unitSaid(used, target)} (${working}${used === exact ? "" : `, to 2 decimal places`})`,
      `nothing to do if that is what you mean; type the ${target}s to cost another figure`
    ),
  };
}

/** "0.5%", "Yes (0.5%)", "No (0%)": the apprenticeship levy, whose rate is set by law. */
function levyWords(label: string, value: CellValue): WordReading | undefined {
  if (typeof value !== "string" || parseBoolean(value) !== undefined) return undefined;
  const text = value.trim();
  const found = [...text.matchAll(PERCENT_IN_TEXT)];
  if (found.length > 1) return undefined;
  const rate = found.length === 1 ? parsePercent(`${found[0][1]}%`) : undefined;
  const word = /^(yes|no|y|n|true|false)\b/i.exec(text);
  const yes = word ? parseBoolean(word[1]) : rate !== undefined && rate > 0 ? true : undefined;
  if (yes === undefined) return undefined;
  const said = `${label} ${describeValue(text)}`;
  if (rate !== undefined && rate !== (yes ? APPRENTICESHIP_LEVY_RATE : 0))
    return refused(
      `${said} gives the levy a rate of ${pct(rate)}, but its rate is set by law: ${pct(APPRENTICESHIP_LEVY_RATE)} of pay`,
      `type Yes to charge it (${pct(APPRENTICESHIP_LEVY_RATE)} of pay) or No`
    );
  return {
    read: yes ? "Yes" : "No",
    said: info(
      `${said} is read as ${yes ? `Yes: the levy is charged at ${pct(APPRENTICESHIP_LEVY_RATE)} of pay` : "No: no levy is charged"}`,
      "nothing to do; type Yes or No to say it plainly"
    ),
  };
}

/** "1st April", "1 Apr", "April each year", or a date Excel made of "1 April": the day increments fall. */
function incrementDay(label: string, value: CellValue): WordReading | undefined {
  let day: number | undefined;
  let month: number | undefined;
  let shown: string;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < EARLIEST_DATE || value > LATEST_DATE) return undefined;
    ({ day, month } = calendarDateOf(value));
    shown = `${label} ${formatUkDate(value)} (a date)`;
  } else if (typeof value === "string") {
    const m =
      /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?([a-z]+)\.?(?:\s+(?:each|every)\s+year|\s+annually)?$/i.exec(
        value.trim()
      );
    month = m ? monthNumber(m[2]) : undefined;
    day = m?.[1] === undefined ? undefined : Number(m[1]);
    // "April" and "1 April" are the rule's own words.
    if (!m || month === undefined || /^(?:1\s+)?april$/i.test(value.trim())) return undefined;
    shown = `${label} ${describeValue(value.trim())}`;
  } else return undefined;
  if (month === 4 && (day === undefined || day === 1))
    return {
      read: "april",
      said: info(`${shown} is read as april: one point each 1 April`, "nothing to do"),
    };
  return refused(
    `${shown} is a day other than 1 April, and increments are costed each 1 April, on each post's start-date anniversary, or not at all`,
    "type april, anniversary or none; for posts that step up on their own dates, type anniversary and give each post its start date"
  );
}

/** "1 April" with no year, in a date setting: refused, as the year cannot be told. */
function dateWithoutYear(
  label: string,
  value: CellValue,
  firstYear: FinancialYear
): WordReading | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?$/i.exec(value.trim());
  const month = m ? monthNumber(m[2]) : undefined;
  if (!m || month === undefined) return undefined;
  const year = month >= 4 ? firstYear : firstYear + 1;
  return refused(
    `${label} ${describeValue(value.trim())} has no year`,
    `type the date with its year, e.g. ${Number(m[1])} ${MONTH_NAMES[month - 1]} ${year} or ${String(m[1]).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`
  );
}

/**
 * What the sheets use for an optional setting given no figure, in words with the figures:
 * undefined for a setting whose default is a value of its own (the sheet's cell for it).
 */
export function usedWithoutValue(
  key: string,
  a: Assumptions,
  year?: FinancialYear
): string | undefined {
  const fy = year === undefined ? "" : financialYearLabel(year);
  switch (key) {
    case "niRate":
      return `the statutory rate of each year costed (${byYear(a, (y) => niRateWords(a, y))})`;
    case "niMonthlyThreshold":
      return `the statutory threshold of each year costed (${byYear(a, (y) => `${formatPoundsInText(niRulesFor(y).monthlyThreshold)} a month`)})`;
    case "grant.amount":
      return "no grant amount, so no headroom against the grant";
    case "grant.start":
      return "no grant start date";
    case "grant.end":
      return "no grant end date";
    case "implementationDate":
      return "no implementation date";
    case "allocationTotalFte":
      return "the establishment's total FTE";
    case "fullTimeHoursPerWeek":
      return "no full-time week (the establishment needs an FTE column)";
    case "payAward":
      return `no pay award for ${fy}`;
    case "payAwardMinimum":
      return `no cash minimum for ${fy}'s pay award`;
    case "grant":
      return `no grant for ${fy}`;
    default:
      return undefined;
  }
}

function niRateWords(a: Assumptions, y: FinancialYear): string {
  const rates = [...new Set(niRulesFor(y).monthlyRates)];
  return rates.map(pct).join(" then ");
}

/** "15% for 2025/26 to 2027/28": a figure per year costed, runs of the same figure together. */
function byYear(a: Assumptions, figure: (y: FinancialYear) => string): string {
  const runs: Array<{ figure: string; from: FinancialYear; to: FinancialYear }> = [];
  for (let y = a.firstYear; y < a.firstYear + a.years; y++) {
    const f = figure(y);
    const last = runs[runs.length - 1];
    if (last && last.figure === f) last.to = y;
    else runs.push({ figure: f, from: y, to: y });
  }
  return runs
    .map(
      (r) =>
        `${r.figure} for ${financialYearLabel(r.from)}${r.to > r.from ? ` to ${financialYearLabel(r.to)}` : ""}`
    )
    .join(", ");
}
