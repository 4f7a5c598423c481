/**
 * The live "Scenario in use" switch. Scenarios are columns of the user's own Assumptions
 * sheet, which the add-in never writes to, so the switch is on the Scenarios sheet (which
 * the add-in owns): a "Scenario in use" cell near the top and, at the bottom, an
 * "Assumptions in use" block, Setting | In use, each In use cell a native formula picking
 * the chosen scenario's cell on the Assumptions sheet, else the base Value cell (a blank
 * scenario cell is as the base). In a live build the other sheets' assumption cells are
 * the In use cells, so every live figure follows the switch with no rebuild; a name not in
 * the list gives #N/A, never the base's figures.
 */
import {
  columnLetters,
  fromA1,
  isBlank,
  quoteSheetName,
  toA1,
  type CellValue,
  type Grid,
  type Issue,
} from "../grid";
import { financialYearLabel } from "../dates";
import type { Scenario } from "../model";
import { BASE_NAME, SETTINGS, YEAR_SETTINGS, type SettingShown } from "../read";
import { needsBuild } from "./assumptions-sheet";
import { settingsBlock, type AssumptionCells } from "./assumption-cells";
import { formula, text, type SpecCell, type ValidationSpec } from "./sheet-spec";
import type { SheetDraft } from "./table-layout";

/** What the switch reads: the user's Assumptions sheet, the base's cells and the scenarios. */
export interface ScenarioSwitchInput {
  /** The user's Assumptions sheet as read (the sheet, not a table view of it). */
  grid: Grid;
  /** The base's value cell of each setting (the Value column), by the reader's key. */
  baseCells: Readonly<Record<string, string | undefined>>;
  scenarios: readonly Scenario[];
  /** The scenario the build is for, by its heading; else the base. */
  chosen?: string;
}

/** Where the switch's cells are, for the block at the bottom and the writer's list. */
export interface SwitchPlaced {
  /** The "Scenario in use" cell and the chosen one's place in the list (1 = the base). */
  cell: string;
  place: string;
  validation: ValidationSpec;
}

const cellOf = (grid: Grid, address: string): CellValue => {
  const at = fromA1(address);
  return grid.values[at.row - grid.origin.row]?.[at.column - grid.origin.column] ?? "";
};

const letterOf = (address: string) => address.replace(/\d+$/, "");

/** A setting by its key: its name as the Assumptions sheet writes it ("Pay award 2026/27") and how a number shows. */
function settingOf(key: string): { label: string; shown?: SettingShown } {
  const [name, year] = key.split(":");
  if (year === undefined) return SETTINGS.find((s) => s.key === key) ?? { label: key };
  const spec = YEAR_SETTINGS.find((s) => s.key === name);
  return spec
    ? { label: `${spec.label} ${financialYearLabel(Number(year))}`, shown: spec.shown }
    : { label: key };
}

const settingLabel = (key: string) => settingOf(key).label;

/**
 * The settings each scenario changes that live sheets still hold as constants (the
 * restructure's date, the management grades, the grant's posts …): switching to it
 * cannot change the figures that use them, so it is said at its cell.
 */
export function constantsChanged(
  scenarios: readonly Scenario[]
): Array<{ scenario: Scenario; key: string; cell: string }> {
  return scenarios.flatMap((scenario) =>
    Object.entries(scenario.changed).flatMap(([key, cell]) =>
      cell && needsBuild(settingLabel(key)) ? [{ scenario, key, cell }] : []
    )
  );
}

const constantText = (s: Scenario, key: string) =>
  `${s.name} changes ${settingLabel(key)}, which the live sheets hold as a constant: switching to it here does not change the figures that use it (they are ${s.name}'s only when built with it chosen)`;

/** The warnings at the scenarios' own cells for those constants. */
export function constantIssues(sheet: string, scenarios: readonly Scenario[]): Issue[] {
  return constantsChanged(scenarios).map(({ scenario, key, cell }) => ({
    severity: "warning",
    code: "scenario-constant-live",
    sheet,
    address: cell,
    message: constantText(scenario, key),
    fix: `build again with the scenario '${scenario.name}' chosen (estab build --live --scenario, or the task pane's picker) to see its figures for this setting`,
  }));
}

/** The switch rows near the top of the Scenarios sheet: the cell, the names it takes, its place. */
export function switchRows(d: SheetDraft, input: ScenarioSwitchInput): SwitchPlaced {
  const names = [BASE_NAME, ...input.scenarios.map((s) => s.name)];
  const chosen = input.chosen ?? BASE_NAME;
  const r = d.nextRow() + 1;
  const cell = `$B$${r}`;
  const list = `$B$${r + 1}:$${columnLetters(names.length)}$${r + 1}`;
  d.row([
    text("Scenario in use", "header"),
    text(chosen, "input"),
    text(
      `Type ${BASE_NAME} or a name from the row below (the cell offers them): every live sheet follows. A name not there gives #N/A.`,
      "note"
    ),
  ]);
  d.row([text("Scenarios to choose from"), ...names.map((n) => text(n))]);
  const place = `$B$${r + 2}`;
  d.row([
    text("Its place in that list (#N/A: not a name there)"),
    formula(placeIn(cell, list, names.length), names.indexOf(chosen) + 1, "integer"),
  ]);
  for (const { scenario, key } of constantsChanged(input.scenarios))
    d.row([text(constantText(scenario, key), "warning")]);
  d.blank();
  const warning = {
    title: "Not a scenario",
    message: `Not a name in the list: every live figure shows #N/A until the cell holds ${BASE_NAME} or a scenario's name.`,
  };
  return { cell, place, validation: { address: cell.replace(/\$/g, ""), list, warning } };
}

/**
 * The chosen name's place in the list, or #N/A. Not MATCH on the text: MATCH (in Excel and
 * LibreOffice) reads * ? ~ as wildcards, so a scenario named "Pay*" would pick "Pay award 4%"
 * listed before it, in silence. `=` compares text exactly (case aside, as MATCH); the read
 * refuses two scenarios of one name, so at most one place adds to the sum, and 0 (no name)
 * is no place, #N/A.
 */
function placeIn(cell: string, list: string, count: number): string {
  const places = `{${Array.from({ length: count }, (_, i) => i + 1).join(",")}}`;
  return `=MATCH(SUMPRODUCT((${list}=${cell})*${places}),${places},0)`;
}

/** One In use cell: the chosen scenario's cell when it holds something, else the base's. */
function inUseCell(
  input: ScenarioSwitchInput,
  place: string,
  baseCell: string,
  value: CellValue,
  shown: SettingShown | undefined
): SpecCell {
  const q = `${quoteSheetName(input.grid.sheet)}!`;
  const row = baseCell.replace(/^[A-Z]+/, "");
  const ref = (letter: string) => `${q}$${letter}$${row}`;
  const base = ref(letterOf(baseCell));
  // A reference to an empty cell is 0 in a formula: a blank base stays blank ("").
  const baseOrBlank = `IF(${base}="","",${base})`;
  const own = `CHOOSE(${place}-1,${input.scenarios.map((s) => ref(letterOf(s.header))).join(",")})`;
  const f = `=IF(${place}=1,${baseOrBlank},IF(${own}="",${baseOrBlank},${own}))`;
  return typeof value === "number" ? formula(f, value, shown) : formula(f, String(value));
}

/**
 * The Assumptions in use block at the bottom: one row per setting of the user's sheet, in
 * its order, label beside value, so the live sheets' settings ranges are whole ranges
 * here. Gives the block's cells as the live sheets' assumption cells: each setting's In
 * use cell, holding the chosen scenario's value.
 */
export function inUseBlock(
  d: SheetDraft,
  sheetName: string,
  input: ScenarioSwitchInput,
  placed: SwitchPlaced
): AssumptionCells {
  const chosen = input.scenarios.find((s) => s.name === input.chosen);
  const rows = [...new Set(Object.values(input.baseCells).filter((c): c is string => !!c))].sort(
    (x, y) => fromA1(x).row - fromA1(y).row
  );
  d.row([text("Assumptions in use", "subtitle")]);
  d.row([
    text(
      `The live sheets read their assumptions here: the Scenario in use's column of ${quoteSheetName(input.grid.sheet)}, else its Value column. Edit them there, not here.`,
      "note"
    ),
  ]);
  d.row([text("Setting", "header"), text("In use", "header")]);
  const held = new Map<string, CellValue>();
  const inUseOf = new Map<string, string>();
  // A cell two keys share (a pay award and its cash minimum) shows as the first, the award.
  const keyAt = new Map<string, string>();
  for (const [key, cell] of Object.entries(input.baseCells))
    if (cell && !keyAt.has(cell)) keyAt.set(cell, key);
  for (const address of rows) {
    const at = fromA1(address);
    // The setting's own name, which the functions read: the sheet's may be a synonym.
    const { label, shown } = settingOf(keyAt.get(address) as string);
    const own = chosen ? cellOf(input.grid, `${letterOf(chosen.header)}${at.row + 1}`) : "";
    const value = isBlank(own) ? cellOf(input.grid, address) : own;
    const r = d.row([text(label), inUseCell(input, placed.place, address, value, shown)]);
    held.set(`${r}:0`, label);
    held.set(`${r}:1`, value);
    inUseOf.set(address, toA1({ row: r, column: 1 }));
  }
  const cells: Record<string, string> = {};
  for (const [key, address] of Object.entries(input.baseCells))
    if (address) cells[key] = inUseOf.get(address) as string;
  const valueAt = (r: number, c: number): CellValue => held.get(`${r}:${c}`) ?? "";
  const switched = {
    cell: `${quoteSheetName(sheetName)}!${placed.cell.replace(/\$/g, "")}`,
    builtWith: input.chosen ?? BASE_NAME,
  };
  return {
    sheet: sheetName,
    cells,
    valueAt,
    table: settingsBlock(cells, valueAt),
    switch: switched,
  };
}
