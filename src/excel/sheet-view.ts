import { columnLetters, parseRangeA1 } from "../core/grid";
import type { CellRange, SheetView } from "../core/grid";
import type { UsedRangeRead } from "./blocks";

/**
 * What the sheets show besides their values: the rows hidden (by hand or filtered out)
 * and the merged areas of each region read, loaded with the first sync of values so they
 * cost no sync of their own.
 *
 * Hidden rows are the rows of a region its visible cells (special cells "Visible",
 * ExcelApi 1.9) leave out. Merged areas are `getMergedAreasOrNullObject` (ExcelApi 1.13),
 * which lists the areas whose top-left cell is in the range: where a merged value is.
 */

export interface SheetViewAsk {
  /** Visible cells (special cells, ExcelApi 1.9). */
  visible: boolean;
  /** Merged areas (ExcelApi 1.13). */
  merged: boolean;
}

interface Asked {
  read: UsedRangeRead;
  visible?: Excel.RangeAreas;
  merged?: Excel.RangeAreas;
}

export class SheetViewLoads {
  private asked: Asked[] = [];

  constructor(
    private readonly reads: readonly UsedRangeRead[],
    readonly ask: SheetViewAsk
  ) {}

  /** Queues the loads, again with each retry of the sync that carries them. */
  readonly queue = (): void => {
    this.asked = this.reads.map((read) => {
      const range = read.worksheet.getRange(
        `${columnLetters(read.c0)}${read.r0 + 1}:${columnLetters(read.c1)}${read.r1 + 1}`
      );
      // A single cell's visible cells are the whole sheet's, as in VBA; a cell alone is no table.
      const single = read.r0 === read.r1 && read.c0 === read.c1;
      const asked: Asked = { read };
      if (this.ask.visible && !single)
        asked.visible = range.getSpecialCellsOrNullObject("Visible").load("address");
      if (this.ask.merged) asked.merged = range.getMergedAreasOrNullObject().load("address");
      return asked;
    });
  };

  /** Each sheet's hidden rows and merged areas, once the loads have arrived. */
  views(): Map<string, SheetView> {
    const views = new Map<string, { hiddenRows: number[]; merges: CellRange[] }>();
    for (const { read, visible, merged } of this.asked) {
      const view = views.get(read.name) ?? { hiddenRows: [], merges: [] };
      views.set(read.name, view);
      if (visible) view.hiddenRows.push(...hiddenRowsOf(read, visible));
      if (merged && !merged.isNullObject) view.merges.push(...localAreas(merged.address));
    }
    const unknown = !this.ask.merged;
    return new Map(
      [...views].map(([sheet, view]) => [sheet, unknown ? { ...view, mergesUnknown: true } : view])
    );
  }
}

/** The region's rows none of its visible cells are in; every row when none is visible. */
function hiddenRowsOf(read: UsedRangeRead, visible: Excel.RangeAreas): number[] {
  const shown = new Set<number>();
  if (!visible.isNullObject) {
    for (const area of localAreas(visible.address)) {
      for (let r = area.start.row; r <= area.end.row; r++) shown.add(r);
    }
  }
  const hidden: number[] = [];
  for (let r = read.r0; r <= read.r1; r++) if (!shown.has(r)) hidden.push(r);
  return hidden;
}

/**
 * The areas of a RangeAreas address ("Sheet1!A1:F4, Sheet1!A10:F20", or with a quoted
 * name that may hold commas and "!": "'Posts, 2025'!A1:B2"), as zero-based ranges.
 */
export function localAreas(address: string): CellRange[] {
  const areas: CellRange[] = [];
  let i = 0;
  while (i < address.length) {
    while (address[i] === "," || address[i] === " ") i++;
    if (i >= address.length) break;
    if (address[i] === "'") {
      // A quoted name ends at a quote not doubled.
      i++;
      while (i < address.length && !(address[i] === "'" && address[i + 1] !== "'")) {
        i += address[i] === "'" ? 2 : 1;
      }
      i++;
    }
    const bang = address.indexOf("!", i);
    const start = bang < 0 ? i : bang + 1;
    let end = address.indexOf(",", start);
    if (end < 0) end = address.length;
    areas.push(parseRangeA1(address.slice(start, end).replace(/\$/g, "").trim()));
    i = end;
  }
  return areas;
}
