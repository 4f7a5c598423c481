import type { CellValue } from "./grid";
import { quoteSheetName } from "./address";

/**
 * A problem found in the user's workbook. Errors block calculation; warnings are shown
 * but do not. Every issue names the cell, so the user can go straight to it.
 */
export type Severity = "error" | "warning";

export interface Issue {
  severity: Severity;
  /** Stable machine-readable kind, e.g. "fte-not-number". */
  code: string;
  sheet: string;
  /** A1 address of the cell (or the first cell of the range) the issue is about. */
  address: string;
  /** What was found in the cell, when a cell value is the problem. */
  value?: CellValue;
  /** What is wrong, in the user's words: "FTE 'full time' is not a number". */
  message: string;
  /** What to do about it: "enter e.g. 1 or 0.5". */
  fix: string;
}

/** "Sheet1!E7: FTE 'full time' is not a number — enter e.g. 1 or 0.5" */
export function formatIssue(issue: Issue): string {
  return `${quoteSheetName(issue.sheet)}!${issue.address}: ${issue.message} — ${issue.fix}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
