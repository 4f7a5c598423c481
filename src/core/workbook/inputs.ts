import { findAssumptionsBlock } from "../read";
import type { WorkbookGrids } from "./types";

/**
 * The grids the core reads: the user's sheets and the tool's own assumptions sheet, never
 * the tool's calculated sheets. A "Grant Costing" sheet has post and FTE columns too, and
 * must not be mistaken for the establishment on the next build.
 */
export function withoutOutputSheets(
  workbook: WorkbookGrids,
  outputSheets: readonly string[]
): WorkbookGrids {
  if (outputSheets.length === 0) return workbook;
  const outputs = new Set(outputSheets.map((s) => s.toLowerCase()));
  const assumptions = findAssumptionsBlock(workbook)?.grid.sheet.toLowerCase();
  return {
    grids: workbook.grids.filter(
      (g) => !outputs.has(g.sheet.toLowerCase()) || g.sheet.toLowerCase() === assumptions
    ),
  };
}
