import type { NumberFormatName } from "../../core/report";
import type { SheetSummary } from "../../core/workbook/types";
import type { Bar } from "./BarChart";

export interface SummaryChart {
  title: string;
  bars: Bar[];
  format: NumberFormatName;
}

const FY = /\b\d{4}\/\d{2}\b/;
const TOTALISH = /\b(total|overall|window|all years|headroom|grant)\b/i;

/**
 * The one series worth a picture in each summary: cost per financial year (grant and
 * establishment) or FTE per locality (shares). Summaries are plain labelled figures, so
 * the series is recognised by its labels; nothing is charted when none fits.
 */
export function chartFor(summary: SheetSummary): SummaryChart | undefined {
  const money = summary.figures.filter((f) => f.format === "money" || f.format === "moneyK");
  const perYear = money.filter((f) => FY.test(f.label) && !/headroom/i.test(f.label));
  if (perYear.length >= 2) {
    return {
      title: `${summary.sheetName}: cost per financial year`,
      bars: perYear.map((f) => ({ label: FY.exec(f.label)?.[0] ?? f.label, value: f.value })),
      format: perYear[0].format,
    };
  }
  if (summary.key === "shares") {
    const perLocality = summary.figures.filter(
      (f) => f.format === "fte" && !TOTALISH.test(f.label)
    );
    if (perLocality.length >= 2) {
      return {
        title: `${summary.sheetName}: FTE allocated per locality`,
        bars: perLocality.map((f) => ({ label: f.label.replace(/\s*FTE$/i, ""), value: f.value })),
        format: "fte",
      };
    }
  }
  return undefined;
}
