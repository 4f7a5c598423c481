/**
 * Where each assumption lives on the Assumptions sheet, so a live figure refers to the
 * cell the user edits instead of carrying the assumption as a constant. The same lookup
 * serves the Assumptions sheet written in the same build and one read from the workbook.
 */
import { PLAIN_DEFAULTS } from "../costing";
import { financialYearLabel } from "../dates";
import { fromA1, parseRangeA1, toA1, type CellValue, type Grid } from "../grid";
import type { Assumptions, AssumptionsSource } from "../model";
import { matchSetting, parsePercent } from "../read";
import {
  absolute,
  assumptionRef,
  call,
  lit,
  toNumber,
  type Expr,
  type Matrix,
  type Value,
} from "./expr";
import type { SheetSpec } from "./sheet-spec";

export interface AssumptionCells {
  sheet: string;
  /** The value cell of each setting by the reader's key ("pensionRate", "payAward:2025"). */
  cells: Readonly<Record<string, string>>;
  /** What the sheet holds at a zero-based row and column. */
  valueAt: (row: number, column: number) => CellValue;
  /**
   * The whole Setting | Value block ("$A$4:$B$39"), when every row of it is a setting (the
   * sheet a build writes): the settings range of a costing that needs most of them.
   */
  table?: string;
  /**
   * Live with the Scenarios sheet's switch: the cells hold the scenario in use, so the
   * figures follow its "Scenario in use" cell, and the sheets' settings used say so.
   */
  switch?: ScenarioSwitchCell;
}

/** The "Scenario in use" cell ("Scenarios!B5") and what it held when the sheets were built. */
export interface ScenarioSwitchCell {
  cell: string;
  builtWith: string;
}

/** The Assumptions sheet a build writes: Setting | Value | Notes, labels in A and values in B. */
export function assumptionCellsOf(spec: SheetSpec): AssumptionCells {
  const cells: Record<string, string> = {};
  const valueAt = (r: number, c: number): CellValue => {
    const cell = spec.cells[r]?.[c];
    if (!cell) return "";
    return cell.kind === "text" ? cell.text : cell.value;
  };
  spec.cells.forEach((_, r) => {
    const label = valueAt(r, 0);
    const hit = typeof label === "string" ? matchSetting(label) : undefined;
    if (hit && !(hit.key in cells)) cells[hit.key] = toA1({ row: r, column: 1 });
  });
  return { sheet: spec.name, cells, valueAt, table: settingsBlock(cells, valueAt) };
}

/** The Assumptions sheet the reader read (when the build does not write one): the cells the user edits. */
export function assumptionCellsRead(
  source: AssumptionsSource,
  grids: readonly Grid[]
): AssumptionCells | undefined {
  const grid = grids.find((g) => g.sheet === source.sheet && g.table === undefined);
  if (!source.sheet || !grid) return undefined;
  const cells: Record<string, string> = {};
  for (const [key, address] of Object.entries(source.cells)) if (address) cells[key] = address;
  const valueAt = (r: number, c: number): CellValue =>
    grid.values[r - grid.origin.row]?.[c - grid.origin.column] ?? "";
  return { sheet: source.sheet, cells, valueAt, table: settingsBlock(cells, valueAt) };
}

/**
 * The Setting | Value block as one range, when it is one: every value cell in one column,
 * its label just left of it, and every row between the first and the last a setting (or
 * blank), so the functions can read the whole block as their settings.
 */
export function settingsBlock(
  cells: Readonly<Record<string, string>>,
  valueAt: (row: number, column: number) => CellValue
): string | undefined {
  const at = Object.values(cells).map(fromA1);
  if (at.length === 0) return undefined;
  const column = at[0].column;
  if (column < 1 || at.some((p) => p.column !== column)) return undefined;
  const first = Math.min(...at.map((p) => p.row));
  const last = Math.max(...at.map((p) => p.row));
  for (let r = first; r <= last; r++) {
    const label = valueAt(r, column - 1);
    const blank = label === "" && valueAt(r, column) === "";
    if (!blank && (typeof label !== "string" || !matchSetting(label))) return undefined;
  }
  return absolute(`${toA1({ row: first, column: column - 1 })}:${toA1({ row: last, column })}`);
}

const blankToNull = (v: CellValue): Value => (v === "" ? null : v);

/** The cell of one assumption, holding what the sheet holds (text "3%" or a number). */
export function assumptionCell(ac: AssumptionCells | undefined, key: string): Expr | undefined {
  const address = ac?.cells[key];
  if (!ac || !address) return undefined;
  const at = fromA1(address);
  return assumptionRef(ac.sheet, absolute(address), blankToNull(ac.valueAt(at.row, at.column)));
}

/**
 * A percentage assumption as a number: VALUE(cell), which reads "3%" typed as text and a
 * number alike, as the reader does. Evaluated as Excel's VALUE: text with no % sign ("3")
 * is its number (3, where the reader reads 3%), so that cell stays the reader's figure.
 */
export function rateInput(ac: AssumptionCells | undefined, key: string, fallback: number): Expr {
  const cell = assumptionCell(ac, key);
  if (!cell) return lit(fallback);
  return call(
    "VALUE",
    ([v]) => {
      if (typeof v === "string" && !/%\s*$/.test(v)) return toNumber(v);
      const rate = typeof v === "number" ? v : parsePercent(v as CellValue);
      if (rate === undefined) throw new Error(`not a rate: ${String(v)}`);
      return rate;
    },
    cell
  );
}

/**
 * The settings argument as a range of the Assumptions sheet: the rows of `keys`, one after
 * another, label beside value. Undefined when they are not laid out that way.
 */
export function settingsRange(
  ac: AssumptionCells | undefined,
  keys: readonly string[]
): Expr | undefined {
  if (!ac) return undefined;
  // The settings the sheet has; one it leaves out is the functions' default (the figures
  // are checked against the core's, so a default that differs leaves them values).
  const rows = keys
    .flatMap((k) => (ac.cells[k] ? [fromA1(ac.cells[k])] : []))
    .sort((x, y) => x.row - y.row);
  if (rows.length === 0) return undefined;
  const { row: first, column } = rows[0];
  if (column < 1 || rows.some((p, i) => p.row !== first + i || p.column !== column))
    return undefined;
  const values: Matrix = rows.map((p) => [
    blankToNull(ac.valueAt(p.row, column - 1)) as string,
    blankToNull(ac.valueAt(p.row, column)) as Value as string,
  ]);
  const range = `${toA1({ row: first, column: column - 1 })}:${toA1({ row: rows[rows.length - 1].row, column })}`;
  return assumptionRef(ac.sheet, absolute(range), values);
}

/** The costing settings ESTAB.POSTCOST reads for one year: on-costs, NI, pension and levy. */
export const COST_SETTINGS = [
  "onCostMode",
  "flatOnCostRate",
  "niRate",
  "niMonthlyThreshold",
  "pensionRate",
  "apprenticeshipLevy",
] as const;

/**
 * The settings argument as an array constant of what differs from the functions'
 * defaults: for a sheet built with no Assumptions sheet to point at.
 */
export function settingsMatrix(a: Assumptions): Matrix {
  const rows: Matrix = [];
  if (!a.apprenticeshipLevy) rows.push(["Levy", "No"]);
  if (a.niRate !== undefined) rows.push(["NI rate", a.niRate]);
  if (a.niMonthlyThreshold !== undefined) rows.push(["NI threshold", a.niMonthlyThreshold]);
  if (a.pensionRate) rows.push(["Pension rate", a.pensionRate]);
  if (a.onCostMode === "flat")
    rows.push(["On-cost mode", "flat"], ["Flat on-cost rate", a.flatOnCostRate]);
  return rows;
}

/** The settings of a one-year cost: the Assumptions sheet's range, else the constant, else none. */
export function costSettings(ac: AssumptionCells | undefined, a: Assumptions): Expr | undefined {
  const range = settingsRange(ac, COST_SETTINGS);
  if (range) return range;
  const m = settingsMatrix(a);
  return m.length ? lit(m) : undefined;
}

/**
 * The whole Setting | Value block as an argument holding what the sheet holds, so a
 * costing over many settings (ESTAB.PROFILE: on-costs, pay awards, grant dates, costing
 * point) follows an edit of any of them. Undefined when the block is not one range.
 */
export function settingsTable(ac: AssumptionCells | undefined): Expr | undefined {
  if (!ac?.table) return undefined;
  const { start, end } = parseRangeA1(ac.table.replace(/\$/g, ""));
  const values: Matrix = [];
  for (let r = start.row; r <= end.row; r++) {
    const row: Value[] = [];
    for (let c = start.column; c <= end.column; c++) row.push(blankToNull(ac.valueAt(r, c)));
    values.push(row as Matrix[number]);
  }
  return assumptionRef(ac.sheet, ac.table, values);
}

/**
 * ESTAB.PROFILE's settings as an array constant, for a sheet with no settings block to
 * point at: the one-year cost settings, the grant's dates, and with a points range where on
 * the grade the post starts and when it moves up. Undefined when nothing differs.
 */
export function profileSettingsMatrix(a: Assumptions, withPoints: boolean): Matrix | undefined {
  const rows = settingsMatrix(a);
  if (withPoints) {
    rows.push(["Costing point", a.costingPoint]);
    if (a.incrementRule !== PLAIN_DEFAULTS.incrementRule)
      rows.push(["Increment rule", a.incrementRule]);
    if (a.incrementServiceMonths !== PLAIN_DEFAULTS.incrementServiceMonths)
      rows.push(["Increment service months", a.incrementServiceMonths]);
  }
  if (a.grant.start !== undefined) rows.push(["Grant start", a.grant.start]);
  if (a.grant.end !== undefined) rows.push(["Grant end", a.grant.end]);
  return rows.length ? rows : undefined;
}

/** The pay awards as ESTAB.PROFILE's awards constant: FY, percentage, flat minimum. */
export function awardsMatrix(a: Assumptions): Matrix | undefined {
  if (a.payAwards.length === 0) return undefined;
  return a.payAwards.map((w) => [financialYearLabel(w.year), w.percent, w.flatMinimum ?? 0]);
}
