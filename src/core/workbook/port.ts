import type { CellValue } from "../grid";
import type { SheetKey, SheetSpec } from "../report";
import type { WorkbookGrids } from "./types";

/**
 * What the task pane needs from a workbook. Office.js implements it for Excel
 * (src/excel), the browser preview implements it over an in-memory workbook; the task
 * pane never knows which. Every write is all or nothing and touches only sheets the
 * add-in owns.
 */
export interface WorkbookPort {
  /** Every sheet's regions of values and every Excel Table, as Grids (contentRegions). */
  read(): Promise<WorkbookGrids>;
  /**
   * Writes calculated sheets: replaces a sheet only if the add-in owns it; if a user's
   * sheet has the wanted name, picks another and reports it. All or nothing.
   */
  writeSheets(specs: SheetSpec[]): Promise<WriteOutcome>;
  /** Sets cells on a sheet the add-in owns (the assumptions sheet); refuses any other sheet. */
  updateOwnedCells(
    sheet: string,
    updates: Array<{ address: string; value: CellValue }>
  ): Promise<void>;
  /** Takes the user to a cell (clicking an issue). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Names of sheets this add-in created and owns. */
  ownedSheets(): Promise<string[]>;
  /**
   * "Make shareable": converts an owned sheet's ESTAB.* formulas to the values they show
   * now, so colleagues without the add-in see the same figures; native formulas (totals)
   * stay, and the sheet's mark says shareable from then on. Refuses a sheet the add-in
   * does not own.
   */
  makeShareable(sheet: string): Promise<ShareableResult>;
  /**
   * Owned calculated sheets whose mark says live (written with ESTAB.* formulas). Optional:
   * a port that cannot tell leaves it out, and callers treat every owned calculated sheet
   * as possibly live.
   */
  liveSheets?(): Promise<string[]>;
}

export interface ShareableResult {
  /** ESTAB.* formulas replaced by their values (0 for a sheet that had none). */
  converted: number;
}

export interface WrittenSheet {
  key: SheetKey;
  /** The name asked for. */
  requested: string;
  /** The name used: differs when a user's sheet already had the requested name. */
  name: string;
}

export interface WriteOutcome {
  sheets: WrittenSheet[];
}
