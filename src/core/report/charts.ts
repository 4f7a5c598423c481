import { fromA1, parseRangeA1, toA1 } from "../grid";
import type { ChartSpec, NumberFormatName, SheetSpec, SpecCell } from "./sheet-spec";

/**
 * The charts that carry each sheet's message, as ChartSpecs over the sheet's own cells
 * (so they follow the figures when a live sheet recalculates). Each builder gives its
 * chart from the tables and rows it placed (their ranges, never found again by header
 * text), through one of the shapes here (`costChart`, `grantChart` …). Titles hold no
 * figures: a figure in a title would not recalculate with the cells.
 *
 * Every chart sits below the sheet's last row, from column A, about a screen wide, where
 * it prints after the tables and never covers a cell. `chartData` reads a chart's figures
 * back from the sheet for the task pane, which draws the same charts.
 */

/** Characters wide (Excel's default column is 8.43) and rows high of a placed chart. */
const CHART_WIDTH = 100;
const CHART_ROWS = 20;

/**
 * Below the last row, with a blank row between, from column A to about CHART_WIDTH across;
 * the sheet's next chart (the `index`-th, from 0) below the ones it has, a blank row apart.
 */
export function chartAnchorBelow(
  sheet: SheetSpec,
  index = sheet.charts.length
): ChartSpec["anchor"] {
  const top = sheet.cells.length + 1 + index * (CHART_ROWS + 2);
  let column = 0;
  for (let wide = 0; wide < CHART_WIDTH; column++) wide += sheet.columnWidths[column] || 8.43;
  return { from: toA1({ row: top, column: 0 }), to: toA1({ row: top + CHART_ROWS, column }) };
}

/** The sheet with its chart, when the chart has a number to draw (an empty table holds only "None"). */
export function withChart(sheet: SheetSpec, chart: ChartSpec): SheetSpec {
  return hasFigures(sheet, chart) ? { ...sheet, charts: [...sheet.charts, chart] } : sheet;
}

function hasFigures(sheet: SheetSpec, chart: ChartSpec): boolean {
  return chart.series.some((s) => cellsOf(sheet, s.values).some((c) => numberOf(c) !== null));
}

/** The cells of a one-row or one-column range, in order. */
function cellsOf(sheet: SheetSpec, range: string): Array<SpecCell | null> {
  const { start, end } = parseRangeA1(range);
  const out: Array<SpecCell | null> = [];
  for (let r = start.row; r <= end.row; r++)
    for (let c = start.column; c <= end.column; c++) out.push(sheet.cells[r]?.[c] ?? null);
  return out;
}

/** A cell's number (a formula's the value the core computed), or null. */
function numberOf(cell: SpecCell | null): number | null {
  if (!cell || cell.kind === "text") return null;
  return typeof cell.value === "number" ? cell.value : null;
}

// ------------------------------------------------------------------ Establishment Cost

export interface CostChartCells {
  /** The line names ("Salary", "Employer NI" …), the header cells of the cost columns. */
  lines: string;
  /** Their totals. */
  totals: string;
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
  /** What is committed in each year: net cost after the vacancy factor, and any exit costs. */
  commitment: string;
  /** Whether the commitment holds exit costs (then it is more than the net cost). */
  withExit: boolean;
  /** The grant left after each year. */
  headroom: string;
}

export function grantChart(cells: GrantChartCells, anchor: ChartSpec["anchor"]): ChartSpec {
  return {
    type: "columnLine",
    title: "Commitment per year against the grant",
    categories: cells.years,
    series: [
      {
        name: cells.withExit ? "Commitment in the year (with exit costs)" : "Net cost in the year",
        values: cells.commitment,
        kind: "column",
      },
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

// ------------------------------------------------------------------------ Scenarios

export interface ScenariosChartCells {
  scenarios: string;
  /** Each scenario's total cost over the grant. */
  cost: string;
  /** The grant left at its end, in each scenario; none when no scenario has a grant. */
  headroom?: string;
}

/** The grant left is a far smaller figure than the cost: a line on its own axis, so its differences show. */
export function scenariosChart(cells: ScenariosChartCells, anchor: ChartSpec["anchor"]): ChartSpec {
  const { headroom } = cells;
  return {
    type: "columnLine",
    title: "Cost and grant left by scenario, over the grant",
    categories: cells.scenarios,
    series: [
      { name: "Total cost over the grant", values: cells.cost, kind: "column" },
      ...(headroom
        ? [
            {
              name: "Grant left at the end",
              values: headroom,
              kind: "line" as const,
              secondaryAxis: true,
            },
          ]
        : []),
    ],
    axisTitles: { values: "£ cost", ...(headroom ? { secondaryValues: "£ grant left" } : {}) },
    anchor,
  };
}

// ------------------------------------------------------------------- the pane's figures

/** A chart's figures as the sheet holds them: what the task pane draws. */
export interface ChartData {
  type: ChartSpec["type"];
  title: string;
  axisTitles?: ChartSpec["axisTitles"];
  categories: string[];
  series: Array<{
    name: string;
    kind?: "column" | "line";
    secondaryAxis?: boolean;
    /** One per category; null where the cell holds no number. */
    values: Array<number | null>;
    /** The format of the series' cells, to show its figures as the sheet does. */
    format: NumberFormatName;
  }>;
}

/** The chart's categories and figures, read from the sheet's cells it draws. */
export function chartData(sheet: SheetSpec, chart: ChartSpec): ChartData {
  const label = (c: SpecCell | null) => (!c ? "" : c.kind === "text" ? c.text : String(c.value));
  return {
    type: chart.type,
    title: chart.title,
    ...(chart.axisTitles ? { axisTitles: chart.axisTitles } : {}),
    categories: cellsOf(sheet, chart.categories).map(label),
    series: chart.series.map((s) => {
      const cells = cellsOf(sheet, s.values);
      const first = cells.find((c) => c && c.kind !== "text" && c.format);
      return {
        name: s.name,
        ...(s.kind ? { kind: s.kind } : {}),
        ...(s.secondaryAxis ? { secondaryAxis: true } : {}),
        values: cells.map(numberOf),
        format: (first && first.kind !== "text" && first.format) || "general",
      };
    }),
  };
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
