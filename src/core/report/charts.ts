import { fromA1, parseRangeA1, toA1 } from "../grid";
import type { ChartSpec, SheetSpec, SpecCell } from "./sheet-spec";

/**
 * The charts that carry each sheet's message, as ChartSpecs over the sheet's own cells
 * (so they follow the figures when a live sheet recalculates). Each chart is made by a
 * small function of the ranges it draws (`…Chart(cells)`); `…ChartCells(sheet)` finds
 * those ranges in a built sheet by its tables' names, their header texts and the labels
 * of the rows under them, and gives undefined when the sheet does not have them (no
 * chart then, never a wrong one). Titles hold no figures: a figure in a title would not
 * recalculate with the cells.
 *
 * Every chart sits below the sheet's last row, from column A, about a screen wide, where
 * it prints after the tables and never covers a cell.
 */

/** Zero-based row and column span of a table, header row first. */
interface TableBox {
  headerRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

function tableBox(sheet: SheetSpec, name: string): TableBox | undefined {
  const table = sheet.tables.find((t) => t.name === name);
  if (!table) return undefined;
  const { start, end } = parseRangeA1(table.range);
  if (end.row <= start.row) return undefined;
  return {
    headerRow: start.row,
    lastRow: end.row,
    firstColumn: start.column,
    lastColumn: end.column,
  };
}

function textOf(cell: SpecCell | null | undefined): string {
  return cell?.kind === "text" ? cell.text.trim() : "";
}

/** The column of the table whose header is `header` (case aside). */
function columnOf(sheet: SheetSpec, box: TableBox, header: string): number | undefined {
  for (let c = box.firstColumn; c <= box.lastColumn; c++)
    if (textOf(sheet.cells[box.headerRow]?.[c]).toLowerCase() === header.toLowerCase()) return c;
  return undefined;
}

/** The first row at or below `from` whose first cell's text starts with `label`. */
function rowLabelled(sheet: SheetSpec, label: string, from: number): number | undefined {
  for (let r = from; r < sheet.cells.length; r++)
    if (textOf(sheet.cells[r]?.[0]).toLowerCase().startsWith(label.toLowerCase())) return r;
  return undefined;
}

/** The totals row just under a table (table-layout.ts writes it there, styled "total"). */
function totalRowOf(sheet: SheetSpec, box: TableBox): number | undefined {
  const row = box.lastRow + 1;
  return sheet.cells[row]?.some((c) => c?.style === "total") ? row : undefined;
}

const cellsA1 = (row0: number, col0: number, row1: number, col1: number) =>
  `${toA1({ row: row0, column: col0 })}:${toA1({ row: row1, column: col1 })}`;

const columnRange = (box: TableBox, column: number) =>
  cellsA1(box.headerRow + 1, column, box.lastRow, column);

/** Characters wide (Excel's default column is 8.43) and rows high of a placed chart. */
const CHART_WIDTH = 100;
const CHART_ROWS = 20;

/** Below the last row, with a blank row between, from column A to about CHART_WIDTH across. */
export function chartAnchorBelow(sheet: SheetSpec): ChartSpec["anchor"] {
  const top = sheet.cells.length + 1;
  let column = 0;
  for (let wide = 0; wide < CHART_WIDTH; column++) wide += sheet.columnWidths[column] || 8.43;
  return { from: toA1({ row: top, column: 0 }), to: toA1({ row: top + CHART_ROWS, column }) };
}

// ------------------------------------------------------------------ Establishment Cost

export interface CostChartCells {
  /** The line names ("Salary", "Employer NI" …), the header cells of the cost columns. */
  lines: string;
  /** Their totals. */
  totals: string;
}

const COST_LINES = ["Salary", "Employer NI", "Employer pension", "Apprenticeship levy"];

export function costChartCells(sheet: SheetSpec): CostChartCells | undefined {
  const box = tableBox(sheet, "EstablishmentCost");
  if (!box) return undefined;
  const columns = COST_LINES.map((h) => columnOf(sheet, box, h));
  const total = totalRowOf(sheet, box);
  const first = columns[0];
  // The lines side by side, in this order, as the sheet lays them out.
  if (first === undefined || total === undefined || columns.some((c, i) => c !== first + i))
    return undefined;
  const last = first + COST_LINES.length - 1;
  return {
    lines: cellsA1(box.headerRow, first, box.headerRow, last),
    totals: cellsA1(total, first, total, last),
  };
}

export function costChart(cells: CostChartCells, anchor: ChartSpec["anchor"]): ChartSpec {
  return {
    type: "columnClustered",
    title: "Cost by line: salary and on-costs",
    categories: cells.lines,
    series: [{ name: "Total cost", values: cells.totals }],
    axisTitles: { values: "£ in the year" },
    anchor,
  };
}

// ---------------------------------------------------------------------- Grant Costing

export interface GrantChartCells {
  /** The financial years ("2025/26"). */
  years: string;
  /** Net cost in each year, after the vacancy factor. */
  commitment: string;
  /** The grant left after each year. */
  headroom: string;
}

const YEAR = /^\d{4}\/\d{2}\b/;

export function grantChartCells(sheet: SheetSpec): GrantChartCells | undefined {
  const box = tableBox(sheet, "GrantCostPerPost");
  if (!box) return undefined;
  const yearColumns: number[] = [];
  for (let c = box.firstColumn; c <= box.lastColumn; c++)
    if (YEAR.test(textOf(sheet.cells[box.headerRow]?.[c]))) yearColumns.push(c);
  const net = rowLabelled(sheet, "Net cost", box.lastRow + 1);
  const headroom = rowLabelled(sheet, "Cumulative headroom", box.lastRow + 1);
  if (yearColumns.length === 0 || net === undefined || headroom === undefined) return undefined;
  const [first, last] = [yearColumns[0], yearColumns[yearColumns.length - 1]];
  if (last - first + 1 !== yearColumns.length) return undefined;
  // The £k summary's header names the years alone ("2025/26"), in the same columns:
  // shorter labels than the table's "2025/26 total cost", used when they are there.
  const summary = rowLabelled(sheet, "£k", box.lastRow + 1);
  const plainYears =
    summary !== undefined &&
    yearColumns.every((c) => /^\d{4}\/\d{2}$/.test(textOf(sheet.cells[summary]?.[c])));
  const yearsRow = plainYears ? summary : box.headerRow;
  return {
    years: cellsA1(yearsRow, first, yearsRow, last),
    commitment: cellsA1(net, first, net, last),
    headroom: cellsA1(headroom, first, headroom, last),
  };
}

export function grantChart(cells: GrantChartCells, anchor: ChartSpec["anchor"]): ChartSpec {
  return {
    type: "columnLine",
    title: "Commitment per year against the grant",
    categories: cells.years,
    series: [
      { name: "Net cost in the year", values: cells.commitment, kind: "column" },
      { name: "Grant left (cumulative headroom)", values: cells.headroom, kind: "line" },
    ],
    axisTitles: { values: "£" },
    anchor,
  };
}

// ------------------------------------------------------------------------ Restructure

export interface RestructureChartCells {
  teams: string;
  /** The change in cost per team, full-year effect. */
  change: string;
}

export function restructureChartCells(sheet: SheetSpec): RestructureChartCells | undefined {
  const box = tableBox(sheet, "RestructureTeams");
  const change = box && columnOf(sheet, box, "Change (full year)");
  if (!box || change === undefined) return undefined;
  return { teams: columnRange(box, box.firstColumn), change: columnRange(box, change) };
}

export function restructureChart(
  cells: RestructureChartCells,
  anchor: ChartSpec["anchor"]
): ChartSpec {
  return {
    type: "bar",
    title: "Change in cost per team, proposed against now (full year)",
    categories: cells.teams,
    series: [{ name: "Change (full year)", values: cells.change }],
    axisTitles: { values: "£ a year: less ← 0 → more" },
    anchor,
  };
}

// ------------------------------------------------------------------- Locality shares

export interface LocalityChartCells {
  localities: string;
  fte: string;
  needIndex: string;
}

export function localityChartCells(sheet: SheetSpec): LocalityChartCells | undefined {
  const box = tableBox(sheet, "LocalityShares");
  const fte = box && columnOf(sheet, box, "FTE allocated");
  const need = box && columnOf(sheet, box, "Need index");
  if (!box || fte === undefined || need === undefined) return undefined;
  return {
    localities: columnRange(box, box.firstColumn),
    fte: columnRange(box, fte),
    needIndex: columnRange(box, need),
  };
}

export function localityChart(cells: LocalityChartCells, anchor: ChartSpec["anchor"]): ChartSpec {
  return {
    type: "columnLine",
    title: "FTE by locality, with the need index",
    categories: cells.localities,
    series: [
      { name: "FTE allocated", values: cells.fte, kind: "column" },
      { name: "Need index", values: cells.needIndex, kind: "line", secondaryAxis: true },
    ],
    axisTitles: { values: "FTE", secondaryValues: "Need index" },
    anchor,
  };
}

// ------------------------------------------------------------------------------ all

/** The sheet with its message chart added, when its data is where the chart looks. */
export function withCharts(sheet: SheetSpec): SheetSpec {
  const anchor = chartAnchorBelow(sheet);
  let chart: ChartSpec | undefined;
  if (sheet.key === "cost") chart = mapped(costChartCells(sheet), (c) => costChart(c, anchor));
  if (sheet.key === "grant") chart = mapped(grantChartCells(sheet), (c) => grantChart(c, anchor));
  if (sheet.key === "changes")
    chart = mapped(restructureChartCells(sheet), (c) => restructureChart(c, anchor));
  if (sheet.key === "shares")
    chart = mapped(localityChartCells(sheet), (c) => localityChart(c, anchor));
  return chart && hasFigures(sheet, chart) ? { ...sheet, charts: [...sheet.charts, chart] } : sheet;
}

/** Whether the chart has a number to draw (an empty table holds only "None"). */
function hasFigures(sheet: SheetSpec, chart: ChartSpec): boolean {
  return chart.series.some((s) => {
    const { start, end } = parseRangeA1(s.values);
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.column; c <= end.column; c++) {
        const cell = sheet.cells[r]?.[c];
        if (cell && cell.kind !== "text" && typeof cell.value === "number") return true;
      }
    return false;
  });
}

function mapped<T>(cells: T | undefined, make: (cells: T) => ChartSpec): ChartSpec | undefined {
  return cells === undefined ? undefined : make(cells);
}

// -------------------------------------------------------------------------- checks

const cellCount = (range: string): number => {
  const { start, end } = parseRangeA1(range);
  return (end.row - start.row + 1) * (end.column - start.column + 1);
};

function isLine(range: string): boolean {
  const { start, end } = parseRangeA1(range);
  return start.row === end.row || start.column === end.column;
}

/**
 * What is wrong with a chart spec for this sheet, or undefined: the writers refuse a
 * chart whose ranges are not a row or column, or whose series and categories differ in
 * length, before anything is written.
 */
export function chartProblem(chart: ChartSpec): string | undefined {
  try {
    if (chart.series.length === 0) return "it has no series";
    const ranges = [chart.categories, ...chart.series.map((s) => s.values)];
    if (!ranges.every(isLine)) return "its ranges must each be one row or one column";
    const n = cellCount(chart.categories);
    if (chart.series.some((s) => cellCount(s.values) !== n))
      return "each series must have as many cells as the categories";
    fromA1(chart.anchor.from);
    fromA1(chart.anchor.to);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return undefined;
}
