/**
 * What a sheet builder gives back besides the sheet: the headline and figures the task
 * pane, the CLI summary and `--json` show. Defined here, beside SheetSpec, so report
 * depends on nothing above it (workbook re-exports these).
 */
import type { NumberFormatName, SheetKey, SheetSpec } from "./sheet-spec";

/** A headline figure for the task pane, the CLI summary and `--json`. */
export interface SummaryFigure {
  label: string;
  value: number;
  format: NumberFormatName;
}

export interface SheetSummary {
  key: SheetKey;
  sheetName: string;
  headline: string;
  figures: SummaryFigure[];
  warnings: string[];
}

/** A built sheet and its summary. */
export interface SheetBuild {
  sheet: SheetSpec;
  summary: SheetSummary;
}
