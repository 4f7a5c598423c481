import type { Issue } from "../grid";
import type { PayPoint, PayScales } from "../model";
import { gradeKey } from "../model";
import type { WorkbookGrids } from "../workbook/types";
import type { TableCandidate } from "./detect";
import { issueAt, issueAtAddress } from "./issues";
import { locateTable, type TableChoice } from "./locate";
import { PAY_SCALES_SCHEMA, type PayScaleField } from "./schemas";
import { labelOf, readTable } from "./table";
import { describeValue, formatFigure } from "./text";

export interface ReadPayScalesResult {
  /** Present when the workbook has a pay scales table. */
  payScales?: PayScales;
  candidates: TableCandidate<PayScaleField>[];
  issues: Issue[];
}

/**
 * Reads the optional pay scales table (Grade | Point | Salary | optional Year): a flat list
 * of spinal column points. No table: no pay scales and no issues.
 */
export function readPayScales(
  workbook: WorkbookGrids,
  options: TableChoice<PayScaleField> = {}
): ReadPayScalesResult {
  const located = locateTable(workbook, PAY_SCALES_SCHEMA, options, false);
  const { chosen, grid } = located;
  if (!chosen || !grid) return { candidates: located.candidates, issues: located.issues };
  const issues = [...located.issues];
  const read = readTable(grid, chosen, PAY_SCALES_SCHEMA);
  issues.push(...read.issues);

  const points: PayPoint[] = [];
  const seen = new Map<string, { cell: string; salary: number; grade: string }>();
  for (const row of read.rows) {
    const grade = String(row.values.grade ?? "");
    let ok = true;
    for (const field of ["point", "salary"] as const) {
      if (typeof row.values[field] === "number" || row.unreadable[field]) continue;
      const column = chosen.columns[field] ?? grid.origin.column;
      issues.push(
        issueAt(
          grid,
          row.index,
          column - grid.origin.column,
          "error",
          `${field}-missing`,
          `${labelOf(PAY_SCALES_SCHEMA, field)} is blank on a row of grade ${describeValue(grade)}`,
          field === "point" ? "enter the point number, e.g. 12" : "enter the salary, e.g. £24,000"
        )
      );
      ok = false;
    }
    if (!ok || row.unreadable.point || row.unreadable.salary || row.unreadable.year) continue;
    const point = row.values.point as number;
    const salary = row.values.salary as number;
    const salaryCell = row.cells.salary as string;
    const payPoint: PayPoint = { grade, point, salary, cell: salaryCell };
    if (typeof row.values.year === "number") payPoint.year = row.values.year;
    const key = `${gradeKey(grade)}|${point}|${payPoint.year ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined) {
      // The same salary twice changes nothing (information); a different one is a guess.
      const same = Math.abs(first.salary - salary) < 0.005;
      // "G8" and "Grade 8" are one grade: say so where two spellings meet.
      const spelt =
        first.grade.trim() !== grade.trim()
          ? ` as ${describeValue(first.grade)}, read as the same grade`
          : "";
      issues.push(
        issueAtAddress(
          grid.sheet,
          salaryCell,
          same ? "info" : "warning",
          "duplicate-point",
          same
            ? `Grade ${describeValue(grade)} point ${formatFigure(point)} is listed twice (also at ${first.cell}${spelt}) with the same salary`
            : `Grade ${describeValue(grade)} point ${formatFigure(point)} is listed twice (also at ${first.cell}${spelt}) with a different salary (£${formatFigure(first.salary)}); the first is used`,
          same ? "nothing to do; delete one of the rows to tidy up" : "delete the wrong row",
          salary
        )
      );
      continue;
    }
    seen.set(key, { cell: salaryCell, salary, grade });
    points.push(payPoint);
  }
  return { payScales: { sheet: chosen.sheet, points }, candidates: located.candidates, issues };
}
