/**
 * Dates in the core are Excel serial day numbers (1900 date system), the form Excel and
 * Office.js hand us: whole days make part-month arithmetic exact and need no time zones.
 * Serial 1 is 1 January 1900; serials from 61 (1 March 1900) on are correct calendar days
 * (Excel's phantom 29 February 1900 is serial 60, which we never meet for staffing dates).
 */
export type Serial = number;

export interface CalendarDate {
  year: number;
  /** 1 = January … 12 = December */
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export function serialOf(year: number, month: number, day: number): Serial {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / MS_PER_DAY);
}

export function calendarDateOf(serial: Serial): CalendarDate {
  const d = new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The months' names, January first, as dates are written out for people. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "01/09/2018" style, as UK users read dates. */
export function formatUkDate(serial: Serial): string {
  const { year, month, day } = calendarDateOf(serial);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** ISO "2018-09-01", for provenance lines and JSON. */
export function formatIsoDate(serial: Serial): string {
  const { year, month, day } = calendarDateOf(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
