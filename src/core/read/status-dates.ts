/**
 * A restructure Status that dates its change, as officers type it: "Deleted from 01/10/2025",
 * "Deleted wef 1 Oct 25", "New from Jan 2026", "Ends 31/03/2026". The words are read as a
 * status (status-words.ts) and the date as the day the change takes effect, so the post is
 * costed to (or from) it and its part-year effect runs from it (docs/input-format.md,
 * "Current and proposed").
 */
import type { CellValue } from "../grid";
import { calendarDateOf, daysInMonth, MONTH_NAMES, serialOf, type Serial } from "../dates";
import { isDeletionWord } from "./status-words";
import { monthNumber, parseDate } from "./values";

/** What a dated Status says happens to the post, from when. */
export interface DatedStatus {
  /** The post goes ("Deleted from"), its last day is the date ("Ends"), or it starts ("New from"). */
  change: "deleted" | "ends" | "new";
  /** The first day of the new structure for the post: deleted or new from; the day after it ends. */
  from: Serial;
  /** The date as typed ("01/10/2025", "Jan 2026"). */
  typed: string;
  /** A month with no day ("Jan 2026"): the 1st (new, deleted from) or last day (ends) was taken. */
  dayTaken: boolean;
}

/** A Status whose words say a change "from" something that is not a date the reader knows. */
export interface UndatedStatus {
  change: "date not read";
  typed: string;
}

/** "from", "wef", "w.e.f.", "with effect from", "effective (from)", "as of", "as from", "on". */
const FROM_WORDS =
  "[\\s,;:([–—-]*\\b(?:from|wef|w\\s*\\.?\\s*e\\s*\\.?\\s*f\\.?|with effect from|effective(?: from)?|as (?:of|from)|on)\\b\\.?\\s*";
const FROM = new RegExp(FROM_WORDS, "i");
/** The same, ending the words before a date. */
const FROM_AT_END = new RegExp(`(?:${FROM_WORDS})$`, "i");

/** A date as the reader reads one (values.ts parseDate), or a month and a four-digit year. */
const DATE =
  /(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?:st|nd|rd|th)?[\s-]+[A-Za-z]+\.?[\s,-]+\d{2,4}|[A-Za-z]+\.?[\s-]+\d{4})\s*\)?\.?$/;

const ENDS = /^(?:post )?(?:ends?|ending|ended|finish(?:es|ing)?|expires?|expiring)$/;
const NEW = /^(?:new(?: post)?|post new|new starter|starts?|starting|to start)$/;

function wordsOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** "1 October 2025": a date as the messages write it out. */
export function longDate(serial: Serial): string {
  const { year, month, day } = calendarDateOf(serial);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

function changeOf(words: string): DatedStatus["change"] | undefined {
  if (isDeletionWord(words)) return "deleted";
  const w = wordsOf(words);
  return ENDS.test(w) ? "ends" : NEW.test(w) ? "new" : undefined;
}

/** The day a typed date means for the change: a month alone is its 1st, or its last day for an end. */
function dayOf(
  typed: string,
  change: DatedStatus["change"]
): { day: Serial; taken: boolean } | undefined {
  const full = parseDate(typed);
  if (full !== undefined) return { day: full, taken: false };
  const m = /^([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(typed.trim());
  const month = m ? monthNumber(m[1]) : undefined;
  if (!m || month === undefined) return undefined;
  const year = Number(m[2]);
  const day = change === "ends" ? daysInMonth(year, month) : 1;
  return { day: serialOf(year, month, day), taken: true };
}

/**
 * The status's change and date, when it is a deletion, an end or a new post with a date;
 * "date not read" when such words are followed by "from" and something that is no date
 * ("Deleted from Sep-25": September 2025 or 25 September?). Undefined for anything else.
 */
export function datedStatus(value: CellValue): DatedStatus | UndatedStatus | undefined {
  if (typeof value !== "string" || value.length > 80) return undefined;
  const text = value.trim();
  const date = DATE.exec(text);
  if (date) {
    const head = text.slice(0, date.index);
    const from = FROM_AT_END.exec(head);
    const words = from ? head.slice(0, from.index) : head;
    const change = changeOf(words);
    const day = change && dayOf(date[1], change);
    if (change && day)
      return {
        change,
        from: change === "ends" ? day.day + 1 : day.day,
        typed: date[1],
        dayTaken: day.taken,
      };
  }
  const from = FROM.exec(text);
  if (!from || !changeOf(text.slice(0, from.index))) return undefined;
  const typed = text.slice(from.index + from[0].length).trim();
  return /\d/.test(typed) ? { change: "date not read", typed } : undefined;
}
