import { calendarDateOf, daysInMonth, serialOf, type Serial } from "./dates";

/**
 * A financial year runs 1 April to 31 March and is named by the calendar year it starts
 * in: 2024 is FY 2024/25. Tax years (6 April–5 April) are costed as the FY's twelve
 * months; see docs/methodology.md.
 */
export type FinancialYear = number;

export function financialYearOf(serial: Serial): FinancialYear {
  const { year, month } = calendarDateOf(serial);
  return month >= 4 ? year : year - 1;
}

/** 2024 → "2024/25" */
export function financialYearLabel(fy: FinancialYear): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, "0")}`;
}

/**
 * Reads "2024/25", "2024-25", "2024/2025", "FY2024/25", "FY24/25" or a bare 2024 as FY
 * 2024/25. Returns undefined for anything else, including "2024/26" (not consecutive
 * years) and a bare "24/25" (FY or the century says it is a year, not a fraction or a date).
 */
export function parseFinancialYear(text: string | number): FinancialYear | undefined {
  if (typeof text === "number")
    return Number.isInteger(text) && text > 1900 && text < 2200 ? text : undefined;
  const short = /^\s*FY\s*(\d{2})\s*[/-]\s*(\d{2})\s*$/i.exec(text);
  if (short)
    return (Number(short[1]) + 1) % 100 === Number(short[2]) ? 2000 + Number(short[1]) : undefined;
  const match = /^\s*(?:FY\s*)?(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*$/i.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  if (start <= 1900 || start >= 2200) return undefined;
  if (match[2] !== undefined) {
    const end = Number(match[2]);
    const expected = match[2].length === 2 ? (start + 1) % 100 : start + 1;
    if (end !== expected) return undefined;
  }
  return start;
}

/** 1 April of the FY. */
export function financialYearStart(fy: FinancialYear): Serial {
  return serialOf(fy, 4, 1);
}

/** 31 March that closes the FY. */
export function financialYearEnd(fy: FinancialYear): Serial {
  return serialOf(fy + 1, 3, 31);
}

/** The twelve months of a FY, April first, as [calendar year, month]. */
export function monthsOfFinancialYear(fy: FinancialYear): Array<[number, number]> {
  const months: Array<[number, number]> = [];
  for (let i = 0; i < 12; i++) {
    const m = ((3 + i) % 12) + 1;
    months.push([m >= 4 ? fy : fy + 1, m]);
  }
  return months;
}

/** How a part year is measured: by days of the year, or by months with part months by days. */
export type YearFractionBasis = "days" | "months";

/**
 * The share of FY `fy` from `start` to `end` (both days counted; either may be left out
 * for "before the year" / "after the year"). "days": days covered ÷ days in the year, as
 * the part-year effect of a restructure is measured. "months": each whole month is 1/12
 * and a part month its days ÷ the month's days ÷ 12, as the costing engine pays salary
 * (1 September to 31 March is exactly 7/12).
 */
export function financialYearFraction(
  fy: FinancialYear,
  start?: Serial,
  end?: Serial,
  basis: YearFractionBasis = "days"
): number {
  const yearStart = financialYearStart(fy);
  const yearEnd = financialYearEnd(fy);
  const first = Math.max(yearStart, start === undefined ? -Infinity : Math.floor(start));
  const last = Math.min(yearEnd, end === undefined ? Infinity : Math.floor(end));
  if (first > last) return 0;
  if (basis === "days") return (last - first + 1) / (yearEnd - yearStart + 1);
  let months = 0;
  for (const [year, month] of monthsOfFinancialYear(fy)) {
    const monthStart = serialOf(year, month, 1);
    const days = daysInMonth(year, month);
    const monthEnd = monthStart + days - 1;
    if (monthEnd < first || monthStart > last) continue;
    months += (Math.min(monthEnd, last) - Math.max(monthStart, first) + 1) / days;
  }
  return months / 12;
}
