/**
 * Scenario columns on the Assumptions sheet: beside the Value column, a column headed with
 * a scenario's name holds only the settings that scenario changes (blank = as the base).
 * Each is read as the sheet would be read with its values in the Value column, so it is
 * parsed and checked exactly like the base, and its problems are reported at its cells.
 */
import type { CellValue, Grid, Issue } from "../grid";
import { isBlank, isErrorValue, positionIn, quoteSheetName, toA1 } from "../grid";
import type { Scenario } from "../model";
import type { Block, SettingRowsRead } from "./assumptions";
import { issueAt, issueAtAddress } from "./issues";
import { financialYearLabel, parseFinancialYear } from "../dates";
import { describeValue, normaliseLabel } from "./text";

/**
 * Headings of a column of explanations, never a scenario. Any other heading beside the
 * Value column names a scenario (docs/input-format.md, "Scenario columns").
 */
export const NOTE_HEADERS: ReadonlySet<string> = new Set([
  "note",
  "notes",
  "comment",
  "comments",
  "description",
  "explanation",
  "guidance",
  "help",
  "remarks",
  "source",
  "sources",
  // Columns a settings sheet keeps about its settings: who owns one, when it changed.
  "owner",
  "owners",
  "responsible",
  "last updated",
  "updated",
  "date updated",
  "last changed",
  "changed",
  "checked",
  "reviewed",
  "status",
  "reference",
  "ref",
  "basis",
  "rationale",
  "unit",
  "units",
]);

/**
 * What the Value column is called beside the scenarios (the task pane's picker, the
 * Scenarios sheet and its live switch): no scenario may take the name.
 */
export const BASE_NAME = "Base";

/**
 * Settings a scenario may not change: every scenario is compared with the base year by
 * year, on the same footing, so the window and the on-cost method are the base's.
 */
export const STRUCTURAL_SETTINGS: ReadonlyMap<string, string> = new Map([
  ["firstYear", "the first financial year"],
  ["years", "the number of years"],
  ["onCostMode", "the on-cost method"],
]);

interface ScenarioColumn {
  name: string;
  column: number;
  header: string;
}

export interface ScenariosRead {
  scenarios: Scenario[];
  issues: Issue[];
}

const heading = (v: CellValue | undefined): string =>
  v === undefined || isBlank(v) || isErrorValue(v) ? "" : String(v).trim();

/** The scenario columns of the block's header row, with issues for headings that cannot be one. */
function scenarioColumns(block: Block, issues: Issue[]): ScenarioColumn[] {
  const { grid, start, labelColumn, valueColumn } = block;
  if (start === 0) return []; // No header row: nothing can name a scenario.
  const headerRow = grid.values[start - 1] ?? [];
  const width = Math.max(headerRow.length, ...grid.values.slice(start).map((r) => r?.length ?? 0));
  const seen = new Map<string, string>();
  const columns: ScenarioColumn[] = [];
  for (let c = valueColumn + 1; c < width; c++) {
    if (c === labelColumn) continue;
    const name = heading(headerRow[c]);
    const header = toA1(positionIn(grid, start - 1, c));
    if (NOTE_HEADERS.has(normaliseLabel(name))) continue;
    if (name === "") {
      const r = grid.values.findIndex((row, i) => i >= start && !isBlank(row?.[c] ?? ""));
      if (r >= 0)
        issues.push(
          issueAt(
            grid,
            r,
            c,
            "info",
            "scenario-column-unnamed",
            "This column has no heading, so it is not read as a scenario",
            `head it (row ${start}) with the scenario's name if it is one, or 'Notes' if it is not`
          )
        );
      continue;
    }
    const key = normaliseLabel(name);
    if (key === normaliseLabel(BASE_NAME)) {
      issues.push(
        issueAt(
          grid,
          start - 1,
          c,
          "error",
          "scenario-name-base",
          `A scenario cannot be named ${describeValue(name)}: that is the Value column's name wherever a scenario is chosen or compared`,
          "give the scenario column another name",
          name
        )
      );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        issueAt(
          grid,
          start - 1,
          c,
          "error",
          "scenario-name-twice",
          `Two scenarios are named ${describeValue(name)} (first at ${first})`,
          "give each scenario column its own name",
          name
        )
      );
      continue;
    }
    seen.set(key, header);
    columns.push({ name, column: c, header });
  }
  return columns;
}

/** How the sheet is read: its rows from given columns, and a row label's setting key. */
export interface SettingsReader {
  rows: (columnOf: (row: number) => number) => SettingRowsRead;
  keyOf: (label: string) => string | undefined;
}

/**
 * One scenario: the rows its column changes, a structural setting refused at its cell,
 * then the whole sheet read with its values over the base's. Only the issues the base
 * read does not already have are the scenario's.
 */
function readScenario(
  block: Block,
  col: ScenarioColumn,
  read: SettingsReader,
  baseKeys: ReadonlySet<string>,
  issues: Issue[]
): Scenario {
  const { grid, start, labelColumn, valueColumn } = block;
  const own = new Set<number>();
  for (let r = start; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const value = row[col.column];
    if (value === undefined || isBlank(value)) continue;
    const label = row[labelColumn];
    const key = typeof label === "string" ? read.keyOf(label) : undefined;
    const structural = key && STRUCTURAL_SETTINGS.get(key);
    if (structural) {
      issues.push(
        issueAt(
          grid,
          r,
          col.column,
          "error",
          "scenario-structural",
          `Scenario ${describeValue(col.name)} changes ${structural}, which a scenario cannot: every scenario is compared with the base over the same years, costed the same way`,
          "clear this cell; to cost a different window or on-cost method, change the Value column (or copy the workbook)",
          value
        )
      );
      continue;
    }
    own.add(r);
  }
  const result = read.rows((r) => (own.has(r) ? col.column : valueColumn));
  for (const issue of result.issues) if (!baseKeys.has(issueKey(issue))) issues.push(issue);
  const letter = toA1(positionIn(grid, start, col.column)).replace(/\d+$/, "");
  const changed = Object.fromEntries(
    Object.entries(result.cells).filter(([, address]) => address?.replace(/\d+$/, "") === letter)
  );
  issues.push(...firstYearAwards(block, col, changed, result.assumptions.firstYear));
  return { name: col.name, assumptions: result.assumptions, changed, header: col.header };
}

/**
 * An award for the first financial year (or before) is taken to be in the salaries
 * already, so a scenario changing it changes no figure: said at its cell.
 */
function firstYearAwards(
  block: Block,
  col: ScenarioColumn,
  changed: Record<string, string | undefined>,
  firstYear: number
): Issue[] {
  return Object.entries(changed).flatMap(([key, address]) => {
    const m = /^payAward(?:Minimum)?:(\d+)$/.exec(key);
    if (!m || Number(m[1]) > firstYear || !address) return [];
    return [
      issueAtAddress(
        block.grid.sheet,
        address,
        "info",
        "scenario-award-in-base",
        `Scenario ${describeValue(col.name)} changes the pay award for ${financialYearLabel(Number(m[1]))}, which changes no figure: the salaries are taken to include the first financial year's award already`,
        "change the award of a later year, or the salaries, to model a different award"
      ),
    ];
  });
}

const issueKey = (i: Issue) => `${i.code}|${i.address}|${i.message}`;

/** Every scenario column of the block, read over the base, with its issues. */
export function readScenarios(
  block: Block,
  read: SettingsReader,
  baseIssues: readonly Issue[]
): ScenariosRead {
  const issues: Issue[] = [];
  const baseKeys = new Set(baseIssues.map(issueKey));
  const scenarios = scenarioColumns(block, issues).map((col) =>
    readScenario(block, col, read, baseKeys, issues)
  );
  return { scenarios, issues };
}

/** The scenario a name chooses (case and spacing aside), or undefined. */
export function findScenario(scenarios: readonly Scenario[], name: string): Scenario | undefined {
  const key = normaliseLabel(name);
  return scenarios.find((s) => normaliseLabel(s.name) === key);
}

/**
 * Longest name a new scenario may take: it heads its column and labels the picker, the
 * Scenarios sheet's rows and figures and its chart's series, all at a column's width.
 */
export const MAX_SCENARIO_NAME = 40;

/** Why a name cannot head a new scenario column. */
export type ScenarioNameRefusal =
  "blank" | "too-long" | "base" | "notes" | "year" | "twice" | "no-header" | "years-across";

/** Where a new scenario's heading goes (row and column within the block's grid, and on the sheet), or why it cannot. */
export type NewScenarioColumn =
  | { name: string; row: number; column: number; address: string; letter: string }
  | { refused: ScenarioNameRefusal; reason: string };

/**
 * The cell a new scenario's heading goes in: the block's header row, in the first empty
 * column (no heading, nothing below) right of its last heading, so after the scenarios
 * and notes already there; or why the name would not be read back as that scenario.
 * Both `estab init --scenario` and the task pane's Assumptions tab place scenarios so.
 */
export function newScenarioColumn(block: Block, rawName: string): NewScenarioColumn {
  const name = rawName.trim();
  const key = normaliseLabel(name);
  const said = describeValue(name);
  const refuse = (refused: ScenarioNameRefusal, reason: string) => ({ refused, reason });
  if (block.years)
    return refuse(
      "years-across",
      "This Assumptions sheet has the financial years across the top, so it has no scenario columns: scenarios need a Setting | Value sheet"
    );
  if (block.start === 0)
    return refuse(
      "no-header",
      "This Assumptions sheet has no Setting | Value header row for a scenario's name to head"
    );
  if (name === "") return refuse("blank", "A scenario needs a name, e.g. 'Pay award 4%'");
  if (name.length > MAX_SCENARIO_NAME)
    return refuse(
      "too-long",
      `A scenario's name is at most ${MAX_SCENARIO_NAME} characters (this one has ${name.length}): it labels the scenario's column, figures and chart`
    );
  if (key === normaliseLabel(BASE_NAME))
    return refuse(
      "base",
      `${said} is the name of the Value column (the base), so it cannot name a scenario; choose another name.`
    );
  if (NOTE_HEADERS.has(key))
    return refuse(
      "notes",
      `${said} heads a notes column, so it would not be read as a scenario; choose another name.`
    );
  if (parseFinancialYear(name) !== undefined)
    return refuse(
      "year",
      `${said} reads as a financial year, and scenarios are shown beside the financial years; name what the scenario changes, e.g. 'Pay award 4%'`
    );
  const existing = scenarioColumns(block, []).find((s) => normaliseLabel(s.name) === key);
  if (existing)
    return refuse(
      "twice",
      `There is a scenario named ${describeValue(existing.name)} already, at ${existing.header}`
    );
  const { grid, start, labelColumn, valueColumn } = block;
  const rows = grid.values.slice(start - 1);
  const headerRow = rows[0] ?? [];
  let column = Math.max(labelColumn, valueColumn) + 1;
  headerRow.forEach((v, c) => {
    if (heading(v) !== "") column = Math.max(column, c + 1);
  });
  while (rows.some((row) => !isBlank(row?.[column] ?? ""))) column++;
  const address = toA1(positionIn(grid, start - 1, column));
  return { name, row: start - 1, column, address, letter: address.replace(/\d+$/, "") };
}

/** The title of the Scenarios sheet this tool writes (src/core/report/scenarios.ts). */
export const SCENARIOS_SHEET_TITLE = "Scenarios compared with the base";

/** "Scenarios", "Scenario planning", "What if", "Sensitivity": a sheet of scenarios by its name. */
const SCENARIO_SHEET_NAME = /\bscenarios?\b|\bwhat[\s-]?ifs?\b|\bsensitivit(?:y|ies)\b/i;

/** What the workbook's read took: for the sheets of scenarios it did not. */
export interface SheetsRead {
  /** Sheets any table or the settings were read from (or found on), in any case. */
  sheets: ReadonlySet<string>;
  /** The settings' sheet, when there is one. */
  assumptionsSheet?: string;
  /** The scenarios read from its columns. */
  scenarios: readonly Scenario[];
}

/**
 * A sheet of scenarios the user laid out themselves ("Scenarios": a row or a column per
 * scenario) is not read: only the Assumptions sheet's columns beside Value are scenarios.
 * Left in silence, its scenarios would look costed, so a warning at its first cell says
 * how to give them. The Scenarios sheet this tool writes is not the user's: an earlier
 * build's is left out before the read (its ownership mark), a copy of one known by its title.
 */
export function scenarioSheetsNotRead(grids: readonly Grid[], read: SheetsRead): Issue[] {
  const said = new Set<string>();
  const issues: Issue[] = [];
  for (const grid of grids) {
    const key = grid.sheet.toLowerCase();
    if (!SCENARIO_SHEET_NAME.test(grid.sheet) || said.has(key) || read.sheets.has(key)) continue;
    const first = firstFilledCell(grid);
    if (!first) continue;
    said.add(key);
    if (String(grid.values[first.row][first.column]).trim() === SCENARIOS_SHEET_TITLE) continue;
    const settings = read.assumptionsSheet
      ? `the ${quoteSheetName(read.assumptionsSheet)} sheet`
      : "an Assumptions sheet (a Setting | Value header)";
    const costed = read.scenarios.length
      ? `; the scenarios costed are ${settings}'s: ${read.scenarios.map((s) => describeValue(s.name)).join(", ")}`
      : "";
    issues.push(
      issueAt(
        grid,
        first.row,
        first.column,
        "warning",
        "scenario-sheet-not-read",
        `The sheet ${describeValue(grid.sheet)} is not read: scenarios are read only from columns beside the Value column of ${settings}, so nothing on this sheet is costed or compared${costed}`,
        `give each scenario a column to the right of the Value column of ${settings}, headed with its name (e.g. 'Pay award 4%'), holding only the settings it changes (estab init --scenario NAME writes one in a new workbook; in the task pane, Add a scenario on the Assumptions tab)`
      )
    );
  }
  return issues;
}

/** The grid's first cell with something in it, row by row (grid-relative). */
function firstFilledCell(grid: Grid): { row: number; column: number } | undefined {
  for (let r = 0; r < grid.values.length; r++) {
    const c = (grid.values[r] ?? []).findIndex((v) => !isBlank(v));
    if (c >= 0) return { row: r, column: c };
  }
  return undefined;
}
