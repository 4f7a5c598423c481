import type { Grid } from "./grid";
import type { CellRange } from "./regions";

/** What an adapter found of a sheet besides its values: the hidden and struck-through rows, merged areas. */
export interface SheetView {
  /** Zero-based sheet rows hidden by hand or filtered out. */
  hiddenRows: readonly number[];
  /** Zero-based sheet rows whose text cells are all struck through; absent when not read. */
  struckRows?: readonly number[];
  /** Merged areas, sheet positions. */
  merges: readonly CellRange[];
  /** The merged areas could not be asked for (see Grid.mergesUnknown). */
  mergesUnknown?: boolean;
}

/** The grid with the hidden rows and merged areas of its sheet that fall on it. */
export function withSheetView(grid: Grid, view: SheetView): Grid {
  const top = grid.origin.row;
  const bottom = top + grid.values.length - 1;
  const left = grid.origin.column;
  const right = left + grid.values.reduce((w, row) => Math.max(w, row.length), 0) - 1;
  const hiddenRows = view.hiddenRows.filter((r) => r >= top && r <= bottom);
  const merges = view.merges.filter(
    (m) =>
      m.start.row <= bottom && top <= m.end.row && m.start.column <= right && left <= m.end.column
  );
  if (hiddenRows.length > 0) grid.hiddenRows = [...hiddenRows].sort((a, b) => a - b);
  const struckRows = (view.struckRows ?? []).filter((r) => r >= top && r <= bottom);
  if (struckRows.length > 0) grid.struckRows = [...struckRows].sort((a, b) => a - b);
  if (merges.length > 0)
    grid.merges = merges.map((m) => ({ start: { ...m.start }, end: { ...m.end } }));
  if (view.mergesUnknown) grid.mergesUnknown = true;
  return grid;
}
