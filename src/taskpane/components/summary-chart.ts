import type { NumberFormatName } from "../../core/report";
import type { SheetSummary, SummaryFigure } from "../../core/workbook/types";
import type { Bar } from "./BarChart";

export interface SummaryChart {
  title: string;
  bars: Bar[];
  format: NumberFormatName;
}

const FY = /\b\d{4}\/\d{2}\b/;
const isMoney = (f: SummaryFigure) => f.format === "money" || f.format === "moneyK";
const DIFFERENCE = /:\s*difference to base$/i;
const SUMS = /\b(total|net|vacancy|headroom|grant|saving|effect|change)\b/i;

function chart(title: string, figures: SummaryFigure[], label: (f: SummaryFigure) => string) {
  if (figures.length < 2) return undefined;
  return {
    title,
    bars: figures.map((f) => ({ label: label(f), value: f.value })),
    format: figures[0].format,
  };
}

/**
 * The one series worth a picture in each summary. Summaries are labelled figures, so the
 * series is picked by its labels: money per financial year (grant), the parts of the cost
 * (establishment), current against proposed (restructure), FTE per locality (shares),
 * each scenario's difference to the base (scenarios).
 * Nothing is charted when no series fits.
 */
export function chartFor(summary: SheetSummary): SummaryChart | undefined {
  const money = summary.figures.filter(isMoney);
  // Before the per-year series: a scenario's name may hold a year ("Pay award 2026/27").
  if (summary.key === "scenarios")
    return chart(
      `${summary.sheetName}: each scenario's difference to the base`,
      money.filter((f) => DIFFERENCE.test(f.label)),
      (f) => f.label.replace(DIFFERENCE, "")
    );
  const perYear = money.filter((f) => FY.test(f.label) && !/headroom/i.test(f.label));
  if (perYear.length >= 2)
    return chart(
      `${summary.sheetName}: cost per financial year`,
      perYear,
      (f) => FY.exec(f.label)?.[0] ?? f.label
    );
  switch (summary.key) {
    case "cost":
      return chart(
        `${summary.sheetName}: what the cost is made of`,
        money.filter((f) => !SUMS.test(f.label) && f.value >= 0),
        (f) => f.label.replace(/^Employer\s+/i, "").replace(/^Apprenticeship\s+/i, "")
      );
    case "changes":
      return chart(
        `${summary.sheetName}: cost a year, now and proposed`,
        money.filter((f) => /^(current|proposed) cost/i.test(f.label)),
        (f) => (/^current/i.test(f.label) ? "Now" : "Proposed")
      );
    case "shares":
      return chart(
        `${summary.sheetName}: FTE allocated per locality`,
        summary.figures.filter((f) => f.format === "fte" && /:\s*FTE$/i.test(f.label)),
        (f) => f.label.replace(/:\s*FTE$/i, "")
      );
    default:
      return undefined;
  }
}
