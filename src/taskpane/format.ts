import { calendarDateOf, formatUkDate, MONTH_NAMES } from "../core/dates";
import type { NumberFormatName } from "../core/report";

/** en-GB figures, the way the workbook's own number formats show them. */
const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const moneyWhole = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});
const fte = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const integer = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("en-GB", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const general = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });

export function formatMoney(value: number): string {
  return money.format(Math.abs(value) < 0.005 ? 0 : value);
}

/** £5.3m / £532.1k / £950: chart labels, where width is short. */
export function formatMoneyShort(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${value < 0 ? "-" : ""}£${(abs / 1_000_000).toFixed(1)}m`;
  if (abs >= 1_000) return `${value < 0 ? "-" : ""}£${(abs / 1_000).toFixed(1)}k`;
  return moneyWhole.format(value);
}

export function formatFigure(value: number, format: NumberFormatName): string {
  // -0 (a vacancy factor of 0% taken off) would show as "-£0.00".
  if (value === 0) value = 0;
  switch (format) {
    case "money":
      return formatMoney(value);
    case "moneyK":
      // The value is already in thousands, as the sheet's "£#,##0.0k" format shows it.
      return `${value < 0 ? "-" : ""}£${oneDecimal.format(Math.abs(value))}k`;
    case "fte":
      return fte.format(value);
    case "percent":
      return percent.format(value);
    case "integer":
      return integer.format(value);
    case "date":
      return formatUkDate(value);
    default:
      return general.format(value);
  }
}

/** Short form for chart labels. */
export function formatFigureShort(value: number, format: NumberFormatName): string {
  if (format === "money") return formatMoneyShort(value);
  if (format === "moneyK") return formatMoneyShort(value * 1000);
  return formatFigure(value, format);
}

/** "23 November 2025, 15:04" for "built at" lines. */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short" }).format(date);
}

/** "1 Sep 2025" for a date serial: short, and not misread as a US date. */
export function formatDayMonthYear(serial: number): string {
  const { year, month, day } = calendarDateOf(serial);
  return `${day} ${MONTH_NAMES[month - 1].slice(0, 3)} ${year}`;
}
