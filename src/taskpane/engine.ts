import type { CellValue, Issue } from "../core/grid";
import type { PostField } from "../core/model";
import type { LocalityField } from "../core/read";
import type { SheetKey, SheetSpec } from "../core/report";
import type { BuildRequest, BuildResult, WorkbookGrids } from "../core/workbook/types";

/**
 * What the task pane needs from the core, as view data. The real engine (core-engine.ts)
 * wraps src/core/read and buildWorkbook; component tests pass a fake. Keeping this seam
 * narrow means the pane never re-implements a rule the core owns.
 */
export interface PaneEngine {
  /**
   * The grids the core should read: the user's sheets and the add-in's assumptions sheet,
   * never the add-in's own calculated sheets (owned: the names the port reports).
   */
  inputsOf(workbook: WorkbookGrids, owned: readonly string[]): WorkbookGrids;
  /** Detected tables, how the establishment's and the localities' columns are read, and the issues found. */
  inspectSource(workbook: WorkbookGrids, choice: SourceChoice): SourceView;
  /** The assumptions sheet as a list of settings (defaults where the sheet says nothing). */
  inspectAssumptions(workbook: WorkbookGrids): AssumptionsView;
  /** The default assumptions sheet, to create when the workbook has none. */
  defaultAssumptionsSheet(): SheetSpec;
  /** Turns what the user typed into the cell value to write, or says why it cannot be read. */
  parseSetting(setting: Setting, input: string): { value: CellValue } | { error: string };
  /** Where a new scenario's heading goes on the assumptions sheet, or why the name cannot be one. */
  newScenario(workbook: WorkbookGrids, name: string): NewScenario | { error: string };
  /** The one build call: compute everything, write nothing. */
  build(workbook: WorkbookGrids, request: BuildRequest): BuildResult;
}

/** The tables whose columns the user can remap, and the fields of each. */
export interface MappedFields {
  establishment: PostField;
  localities: LocalityField;
}
export type MappedTable = keyof MappedFields;

/** Column overrides: field → column letter ("" means "do not use this field"). */
export type ColumnChoice<F extends string> = Partial<Record<F, string>>;

/** What the user picked on the Source tab. */
export interface SourceChoice {
  /** Establishment candidate id (table or sheet name); the best-ranked one when absent. */
  establishment?: string;
  /**
   * A restructure's two lists (candidate ids): found by their names when absent
   * (BuildRequest.current and .proposed). Picking one table with Proposed FTE instead is
   * choosing it as the establishment, with neither set.
   */
  current?: string;
  proposed?: string;
  /** The establishment's column overrides (BuildRequest.mapping). */
  mapping: ColumnChoice<PostField>;
  /** The localities table's column overrides (BuildRequest.localityMapping). */
  localityMapping: ColumnChoice<LocalityField>;
}

export type TableKind = "establishment" | "localities" | "payScales";

export interface DetectedTable {
  kind: TableKind;
  /** What BuildRequest.establishment accepts: the Excel Table name, else the sheet name. */
  id: string;
  sheet: string;
  table?: string;
  /** A1 range from the header row to the last data row. */
  range: string;
  /** Posts, localities or pay points read. */
  rows: number;
}

/** A column of a table's header row, offered in every mapping dropdown for that table. */
export interface HeaderColumn {
  /** Column letter on the sheet: "C". */
  column: string;
  header: string;
}

export interface FieldMapping<F extends string = string> {
  field: F;
  /** The users' name for it: "FTE", "Minimum salary", "Population 0-19". */
  label: string;
  description: string;
  /** Column letter it is read from; undefined when the table has no such column. */
  column?: string;
  /** First few values in that column, as the user reads them (dates as dates), to check the mapping. */
  samples: string[];
  /** True when the user chose this column rather than the reader. */
  overridden: boolean;
}

/** How one table's columns are read: its header row and each field's column. */
export interface TableColumns<F extends string> {
  headers: HeaderColumn[];
  mapping: FieldMapping<F>[];
}

export interface SourceView {
  establishments: DetectedTable[];
  /** The candidate in use. */
  establishment?: DetectedTable;
  /** The localities table found (rows: the localities read, 0 when none could be). */
  localities?: DetectedTable;
  payScales?: DetectedTable;
  /** A restructure read from two lists: the current and the proposed structure taken. */
  restructure?: { current: DetectedTable; proposed: DetectedTable };
  /** Ids of the tables of posts with a Proposed FTE column: each can be the restructure on its own. */
  oneTableRestructures?: string[];
  /** Each table found and its columns, for the mapping editor; absent when not found. */
  columns: { [T in MappedTable]?: TableColumns<MappedFields[T]> };
  /** Calculated sheets the workbook has no data for, with the core's reason ("no establishment table was found"). */
  unavailable: Partial<Record<CalculatedSheet, string>>;
  /** Reader issues for the establishment, localities, pay scales and assumptions. */
  issues: Issue[];
  totals?: { posts: number; fte: number; headcount?: number };
}

export type SettingInput =
  | { type: "number" | "percent" | "money" | "text" | "date" | "year" | "boolean" }
  | { type: "choice"; options: string[] };

/** The groups the Assumptions tab shows settings in, in this order: the grant first. */
export type SettingGroup = "grant" | "pay" | "onCosts" | "restructure" | "localities";

export const SETTING_GROUPS: ReadonlyArray<{ group: SettingGroup; label: string }> = [
  { group: "grant", label: "Grant" },
  { group: "pay", label: "Years and pay" },
  { group: "onCosts", label: "On-costs" },
  { group: "restructure", label: "Restructure" },
  { group: "localities", label: "Locality shares" },
];

/** One named setting of the assumptions sheet. */
export interface Setting {
  /** Stable key, e.g. "pensionRate". */
  key: string;
  group: SettingGroup;
  /** As written in column A of the sheet: "Employer pension rate". */
  label: string;
  help?: string;
  /** A1 address of the value cell; undefined when the sheet does not have this setting. */
  address?: string;
  /** The value in force, as the user reads it: "19.0%", "2024/25", "01/09/2024". */
  display: string;
  /** What applies when the cell is blank (the default), shown greyed in the empty box. */
  placeholder?: string;
  input: SettingInput;
  /** True when the sheet does not say and the default applies. */
  isDefault: boolean;
}

export interface AssumptionsView {
  /** The assumptions sheet's name; undefined when the workbook has none. */
  sheet?: string;
  settings: Setting[];
  /** The scenario columns' names, in sheet order (none when the sheet has none). */
  scenarios?: string[];
  issues: Issue[];
}

/** A new scenario column: its heading cell, and the name to write there as text. */
export interface NewScenario {
  name: string;
  /** A1 address of the heading cell on the assumptions sheet: "D1". */
  address: string;
  /** Its column letter, where the scenario's settings go: "D". */
  column: string;
}

export type CalculatedSheet = Exclude<SheetKey, "assumptions">;

/** The calculated sheets, in the order the Build tab offers them. */
export const CALCULATED_SHEETS: ReadonlyArray<{
  key: CalculatedSheet;
  label: string;
  description: string;
}> = [
  {
    key: "grant",
    label: "Grant costing",
    description: "Grant-funded posts year by year against the grant.",
  },
  {
    key: "cost",
    label: "Establishment cost",
    description: "The annual cost of every post for the first year.",
  },
  {
    key: "changes",
    label: "Proposed versus current",
    description: "The restructure: what changes and what it costs.",
  },
  {
    key: "shares",
    label: "Locality shares",
    description: "Staff shared out to localities by need.",
  },
  {
    key: "scenarios",
    label: "Scenarios",
    description: "Each scenario of the Assumptions sheet against the base, year by year.",
  },
];
