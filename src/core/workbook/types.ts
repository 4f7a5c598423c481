import type { Grid, Issue } from "../grid";
import type { SheetKey, SheetSpec, SheetSummary } from "../report";
import type { ChartData } from "../report/charts";
import type { PostField } from "../model";
import type { LocalityField } from "../read";
import type { FinancialYear } from "../dates";

/** What a door (task pane, CLI) asks the core to do with the workbook it has read. */
export interface BuildRequest {
  /** Which calculated sheets; all that the workbook has data for when absent. */
  only?: SheetKey[];
  /** Shareable: values and native formulas. Live: ESTAB.* formulas over the source cells. */
  mode: "shareable" | "live";
  /** Pick a particular establishment candidate (sheet name or table name). */
  establishment?: string;
  /** A restructure's two lists, by sheet or table name (found by their names when absent). */
  current?: string;
  proposed?: string;
  /** Column mapping overrides: field → header text or column letter. */
  mapping?: Partial<Record<PostField, string>>;
  /** The same for the localities table's columns. */
  localityMapping?: Partial<Record<LocalityField, string>>;
  /**
   * Sheets this tool wrote earlier (the ports know them by their ownership marks): never
   * read as input, except the assumptions sheet.
   */
  outputSheets?: string[];
  /**
   * Locality shares by role as well: the establishment's roles (its posts grouped by
   * title) shared across the localities, both totals exact, each locality's cost at the
   * roles' own costs.
   */
  roles?: boolean;
  /** First FY when the workbook has no assumptions sheet: the caller's current FY (the core has no clock). */
  defaultFirstYear?: FinancialYear;
  /**
   * Build with this scenario's assumptions (a scenario column of the Assumptions sheet)
   * instead of the base's; an unknown name is an error listing the scenarios there are.
   */
  scenario?: string;
  /** For the provenance line; passed in so the core stays pure and testable. */
  generatedAt: string;
  version: string;
}

/** Defined beside the sheet builders that make them (report depends on nothing above it). */
export type { SheetSummary, SummaryFigure } from "../report";
export type { ChartData } from "../report/charts";

/** A sheet's summary as a build gives it: with the figures of the sheet's charts, as drawn. */
export interface BuiltSummary extends SheetSummary {
  charts: ChartData[];
}

export interface BuildResult {
  /** False when any error-severity issue blocked calculation: then sheets is empty. */
  ok: boolean;
  issues: Issue[];
  sheets: SheetSpec[];
  summaries: BuiltSummary[];
  /** The scenario built (request.scenario), as its column is headed. */
  scenario?: string;
}

/**
 * Every sheet of a workbook as Grids: one per region of values (a sheet may give several;
 * see contentRegions), plus one per Excel Table.
 */
export interface WorkbookGrids {
  grids: Grid[];
}
