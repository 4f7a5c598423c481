/**
 * What a sheet shows besides its values: hidden (or filtered-out) rows and merged cells.
 * Both change what a finance officer sees without changing `range.values`, so the reader
 * says, at the cell, how it read them (docs/input-format.md, "Hidden rows and merged cells").
 */
import type { CellPosition, CellValue, Grid, Issue } from "../grid";
import { rangeA1 } from "../grid";
import { isBlank } from "../grid/grid";
import { issueAt } from "./issues";
import { isBlankRow } from "./rows";
import { describeValue } from "./text";

/** Grid-relative cell a data cell's value is read from: the top-left of the merge over it. */
export type MergeSources = Map<number, Map<number, CellPosition>>;

export interface SheetViewColumn {
  /** Grid-relative column. */
  c: number;
  label: string;
  /** A figure (FTE, salary, headcount, date…): copying it into each post would count it again. */
  numeric: boolean;
}

export interface TableRows {
  /** Grid-relative first and last data rows. */
  first: number;
  last: number;
  /** Grid-relative column of the header's first cell: where a table-wide note goes. */
  firstColumn: number;
  headerIndex: number;
  /** "post", "locality", "pay point". */
  noun: string;
  /** A TOTAL or sub-total row: a merged label is not read into it. */
  isTotal: (r: number) => boolean;
}

/**
 * A label merged down over several rows (Team 'Social Work' over B5:B9) is read in each
 * row it covers that holds anything, as Excel shows it; a figure merged so is an error,
 * since it belongs to no one row. A merge inside one row (a heading across columns), or
 * over a column the table does not read, changes nothing.
 */
export function mergedCells(
  grid: Grid,
  rows: TableRows,
  columns: readonly SheetViewColumn[]
): { sources: MergeSources; issues: Issue[] } {
  const sources: MergeSources = new Map();
  const issues: Issue[] = [];
  if (grid.mergesUnknown) issues.push(mergesUnchecked(grid, rows));
  for (const merge of grid.merges ?? []) {
    const r0 = merge.start.row - grid.origin.row;
    const c = merge.start.column - grid.origin.column;
    const last = Math.min(merge.end.row - grid.origin.row, rows.last);
    const column = columns.find((m) => m.c === c);
    const value: CellValue | undefined = grid.values[r0]?.[c];
    if (r0 < rows.first || r0 >= last || !column || isBlank(value)) continue;
    const covered: number[] = [];
    for (let r = r0 + 1; r <= last; r++)
      if (!isBlankRow(grid.values[r]) && !rows.isTotal(r)) covered.push(r);
    if (covered.length === 0) continue;
    const range = rangeA1(merge.start, { row: merge.end.row, column: merge.end.column });
    const count = covered.length + 1;
    const span = `rows ${grid.origin.row + r0 + 1} ${last === r0 + 1 ? "and" : "to"} ${grid.origin.row + last + 1}`;
    const named = `${column.label} ${describeValue(value)}`;
    if (column.numeric) {
      issues.push(
        issueAt(
          grid,
          r0,
          c,
          "error",
          "merged-figure",
          `${named} is one cell merged over ${range}, so it is no one ${rows.noun}'s figure: the ${count} ${rows.noun}s in ${span} would each count it`,
          `unmerge the cells (Home › Merge & Center) and give each ${rows.noun} its own ${column.label}`,
          value
        )
      );
      continue;
    }
    const from = { row: r0, column: c };
    for (const r of covered) {
      const row = sources.get(r) ?? new Map<number, CellPosition>();
      row.set(c, from);
      sources.set(r, row);
    }
    issues.push(
      issueAt(
        grid,
        r0,
        c,
        "info",
        "merged-label",
        `${named} is one cell merged over ${range}, so each of the ${count} ${rows.noun}s in ${span} is read with ${named}`,
        `nothing to do if that is right; for a ${rows.noun} with another ${column.label}, unmerge the cells and type each ${rows.noun}'s own`,
        value
      )
    );
  }
  return { sources, issues };
}

/** The row with each merged label copied in from the merge's top-left cell. */
export function withMergedLabels(
  grid: Grid,
  row: readonly CellValue[],
  from: ReadonlyMap<number, CellPosition> | undefined
): readonly CellValue[] {
  if (!from) return row;
  const filled = row.slice();
  for (const [c, source] of from) filled[c] = grid.values[source.row][source.column];
  return filled;
}

function mergesUnchecked(grid: Grid, rows: TableRows): Issue {
  return issueAt(
    grid,
    rows.headerIndex,
    rows.firstColumn,
    "info",
    "merges-unchecked",
    "Merged cells could not be checked: Excel could not list them (that needs ExcelApi 1.13, and at most 512 merged areas in a range), and a merged cell's value is read in its first row only",
    `if a label (a team, a grade) is merged down over several ${rows.noun}s, unmerge it and fill in each ${rows.noun}'s row, or build from the saved file with the estab command`
  );
}

/** Hidden (or struck-through) rows named one by one before the rest are counted in one warning. */
export const HIDDEN_ROWS_NAMED = 20;

/** A mark on a row that does not change its values: hidden, or struck through. */
interface RowMark {
  rows: (grid: Grid) => readonly number[] | undefined;
  code: string;
  /** "is hidden or filtered out": completes "Row 7 ('Senior Practitioner') …". */
  is: string;
  /** "hidden or filtered-out": "3 more … rows". */
  adjective: string;
  why: string;
  postFix: string;
  /** The fix for a row of another table (a locality, a pay point). */
  otherFix: (noun: string) => string;
}

const HIDDEN: RowMark = {
  rows: (grid) => grid.hiddenRows,
  code: "hidden-row",
  is: "is hidden or filtered out",
  adjective: "hidden or filtered-out",
  why: " (Excel's SUM counts it too)",
  postFix:
    "nothing to do if it is a post (unhide it to check it); if it is not (an old post kept out of sight), delete the row or move it off the table; in a restructure, a Status of Deleted deletes it from the proposed structure only",
  otherFix: (noun) =>
    `nothing to do if it is a ${noun} (unhide it to check it); if it is not, delete the row or move it off the table`,
};

/** Struck through: an officer's mark for a deleted post, which a SUM (and the reader) still counts. */
export const STRUCK: RowMark = {
  rows: (grid) => grid.struckRows,
  code: "struck-row",
  is: "is struck through",
  adjective: "struck-through",
  why: ", so it is costed (Excel's SUM counts it too); a strikethrough does not delete a post",
  postFix:
    "if the post is deleted, delete the row (in a restructure's one table, enter 0 as its Proposed FTE or a Status of Deleted); if it is a post, remove the strikethrough (Ctrl+5) to silence this",
  otherFix: (noun) =>
    `if it is not a ${noun}, delete the row or move it off the table; if it is, remove the strikethrough (Ctrl+5) to silence this`,
};

/**
 * Rows hidden by hand or filtered out (or, with STRUCK, struck through) are read like every
 * row, as Excel's SUM counts them: the first HIDDEN_ROWS_NAMED each get a warning at their
 * first cell, the rest one warning at the first of them, with their count and rows.
 */
export class HiddenRows {
  private readonly hidden: ReadonlySet<number>;
  private readonly rest: number[] = [];
  readonly issues: Issue[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly rows: TableRows,
    private readonly mark: RowMark = HIDDEN
  ) {
    this.hidden = new Set(mark.rows(grid) ?? []);
  }

  /** Called with each data row read (grid-relative) and its key (the post's title). */
  read(r: number, key: CellValue | undefined): void {
    if (!this.hidden.has(this.grid.origin.row + r)) return;
    if (this.issues.length >= HIDDEN_ROWS_NAMED) {
      this.rest.push(r);
      return;
    }
    const named = key === undefined ? "" : ` (${describeValue(key)})`;
    this.issues.push(
      issueAt(
        this.grid,
        r,
        this.rows.firstColumn,
        "warning",
        this.mark.code,
        `Row ${this.grid.origin.row + r + 1}${named} ${this.mark.is}, and is read as a ${this.rows.noun} like every row${this.mark.why}`,
        this.fix()
      )
    );
  }

  /** Every warning, the count of the rest included. */
  finish(): Issue[] {
    if (this.rest.length === 0) return this.issues;
    const n = this.rest.length;
    const row = (r: number) => this.grid.origin.row + r + 1;
    const rows =
      n === 1
        ? `row ${row(this.rest[0])}`
        : `rows ${row(this.rest[0])} to ${row(this.rest[n - 1])}`;
    return [
      ...this.issues,
      issueAt(
        this.grid,
        this.rest[0],
        this.rows.firstColumn,
        "warning",
        `${this.mark.code.replace(/-row$/, "-rows")}-more`,
        `${n} more ${this.mark.adjective} ${n === 1 ? `row is` : `rows are`} read as ${this.rows.noun}s like every row (${rows})`,
        this.fix()
      ),
    ];
  }

  private fix(): string {
    return this.rows.noun === "post" ? this.mark.postFix : this.mark.otherFix(this.rows.noun);
  }
}
