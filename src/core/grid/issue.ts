import type { CellValue } from "./grid";
import { quoteSheetName } from "./address";

/**
 * Something found in the user's workbook, naming the cell so the user can go straight to
 * it. Three severities:
 * - **error**: a value that cannot be costed; blocks calculation until fixed.
 * - **warning**: read, but may change a figure (a guess, a fallback, a value that looks
 *   wrong, a check that failed); shown, does not block.
 * - **info**: fine as it is but worth knowing (a blank spacer row skipped, a heading row);
 *   shown quietly, does not block, and no figure depends on it.
 */
export type Severity = "error" | "warning" | "info";

/** Every severity, most serious first (the order issues are listed in). */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

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

/** 0 for errors, 1 for warnings, 2 for infos: for listing the most serious first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
