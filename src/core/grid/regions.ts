/**
 * Content regions: where on a sheet the values are, as a few rectangles, so an adapter
 * reads (and the core scans) only what holds content. A sheet's used range is no guide:
 * one stray value at XFD1048576 makes it 17 billion cells. The cells that hold values
 * are: ExcelJS lists them, Excel's special cells give their areas.
 *
 * Regions are found by recursive XY-cut (in work bounded linearly by the cells): project the occupied cells onto the rows and
 * split wherever more than `rowGap` blank rows run together, then do the same on the
 * columns inside each band, and again inside each piece until nothing splits. A table
 * with blank spacer rows, a title above its header or a TOTAL row a few rows down stays
 * in one region; a value far away gets a region of its own.
 */
import type { CellPosition } from "./grid";

/** A rectangle of cells, zero-based and inclusive at both ends (as parseRangeA1 gives). */
export interface CellRange {
  start: CellPosition;
  end: CellPosition;
}

export interface RegionGaps {
  /** More blank rows than this in a row split a region. */
  rowGap: number;
  /** More blank columns than this in a row split a region. */
  columnGap: number;
}

/**
 * Generous on purpose: establishment tables are laid out with spacer rows and columns,
 * and splitting a table from its title or TOTAL row would misread it. Only a real gulf
 * (a screen or more of blank cells) separates two regions.
 */
export const REGION_GAPS: RegionGaps = { rowGap: 50, columnGap: 20 };

/** Enough for the few cuts per cell a real sheet needs (one per level of nesting), linear in the cells. */
const defaultWorkBudget = (cells: number): number => 1_000_000 + 8 * cells;

/** Number of cells in a range. */
export function rangeArea(range: CellRange): number {
  return (range.end.row - range.start.row + 1) * (range.end.column - range.start.column + 1);
}

/**
 * The bounding rectangles of the clusters of `occupied` (cells or areas holding a value),
 * top to bottom and left to right. Every occupied cell lies in exactly one region.
 */
export function contentRegions(
  occupied: readonly CellRange[],
  gaps: RegionGaps = REGION_GAPS,
  workBudget: number = defaultWorkBudget(occupied.length)
): CellRange[] {
  if (occupied.length === 0) return [];
  const regions: CellRange[] = [];
  const pending: CellRange[][] = [occupied.slice()];
  let work = 0;
  while (pending.length > 0) {
    const group = pending.pop()!;
    work += group.length;
    // A hostile layout (a staircase of bars) peels off one piece per cut, which takes time
    // growing with the square of the cells. Past the budget, what is left stays whole:
    // coarser regions still hold every cell, and the readers' area limits judge them.
    if (work > workBudget) {
      regions.push(bounds(group));
      continue;
    }
    const byRows = splitAlong(group, "row", gaps.rowGap);
    if (byRows.length > 1) {
      pending.push(...byRows);
      continue;
    }
    const byColumns = splitAlong(group, "column", gaps.columnGap);
    if (byColumns.length > 1) {
      pending.push(...byColumns);
      continue;
    }
    regions.push(bounds(group));
  }
  return regions.sort((a, b) => a.start.row - b.start.row || a.start.column - b.start.column);
}

/** The group cut wherever more than `gap` blank lines (rows or columns) run together. */
function splitAlong(group: CellRange[], axis: keyof CellPosition, gap: number): CellRange[][] {
  const sorted = group.slice().sort((a, b) => a.start[axis] - b.start[axis]);
  const parts: CellRange[][] = [];
  let current: CellRange[] = [];
  let reach = -Infinity;
  for (const range of sorted) {
    if (current.length > 0 && range.start[axis] - reach - 1 > gap) {
      parts.push(current);
      current = [];
    }
    current.push(range);
    reach = Math.max(reach, range.end[axis]);
  }
  parts.push(current);
  return parts;
}

function bounds(group: readonly CellRange[]): CellRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const r of group) {
    top = Math.min(top, r.start.row);
    left = Math.min(left, r.start.column);
    bottom = Math.max(bottom, r.end.row);
    right = Math.max(right, r.end.column);
  }
  return { start: { row: top, column: left }, end: { row: bottom, column: right } };
}
