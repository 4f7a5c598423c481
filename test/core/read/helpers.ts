import type { CellValue, Grid, Issue } from "../../../src/core/grid";
import { formatIssue } from "../../../src/core/grid";

export function grid(
  sheet: string,
  values: CellValue[][],
  origin = { row: 0, column: 0 },
  table?: string
): Grid {
  const g: Grid = { sheet, origin, values };
  if (table !== undefined) g.table = table;
  return g;
}

/** "code@address" for each issue: compact, exact expectations. */
export function where(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.severity}:${i.code}@${i.address}`);
}

export function messages(issues: readonly Issue[]): string[] {
  return issues.map(formatIssue);
}
