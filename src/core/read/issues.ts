import type { CellValue, Grid, Issue, Severity } from "../grid";
import { positionIn, toA1 } from "../grid";
import type { PostField } from "../model";
import type { TableRow } from "./table";

/** An issue about grid cell [r][c]: the address is the sheet's, as the user sees it. */
export function issueAt(
  grid: Grid,
  r: number,
  c: number,
  severity: Severity,
  code: string,
  message: string,
  fix: string,
  value?: CellValue
): Issue {
  return issueAtAddress(
    grid.sheet,
    toA1(positionIn(grid, r, c)),
    severity,
    code,
    message,
    fix,
    value
  );
}

/** An issue about the cell at an A1 address on `sheet`, as kept in Post.cells and the like. */
export function issueAtAddress(
  sheet: string,
  address: string,
  severity: Severity,
  code: string,
  message: string,
  fix: string,
  value?: CellValue
): Issue {
  const issue: Issue = { severity, code, sheet, address, message, fix };
  if (value !== undefined) issue.value = value;
  return issue;
}

/** "proposedFte" → "proposed-fte", for issue codes. */
export function kebab(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * An issue about one field of a post's row, added to `ctx.issues`: at the field's cell, or
 * at the title when that is blank (else the row's first cell), with what the cell held.
 */
export function flagField(
  ctx: { grid: Grid; issues: Issue[] },
  row: TableRow<PostField>,
  severity: Severity,
  field: PostField,
  code: string,
  message: string,
  fix: string
): void {
  const { grid } = ctx;
  const address =
    row.cells[field] ?? row.cells.title ?? toA1({ row: row.sourceRow, column: grid.origin.column });
  ctx.issues.push(
    issueAtAddress(grid.sheet, address, severity, code, message, fix, row.values[field])
  );
}
