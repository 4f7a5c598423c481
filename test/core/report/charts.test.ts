/**
 * The chart each calculated sheet carries, on the demo workbook: which cells it draws,
 * and that those cells hold the figures the sheet is about (so a sheet whose layout
 * moves under the chart fails here rather than drawing the wrong row), and the figures
 * the task pane is given to draw the same charts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseRangeA1 } from "../../../src/core/grid";
import type { Establishment } from "../../../src/core/model";
import type { SheetSpec } from "../../../src/core/report";
import { buildEstablishmentCostSheet } from "../../../src/core/report/establishment-cost";
import { readWorkbook } from "../../../src/core/read";
import {
  chartAnchorBelow,
  chartData,
  restructureChart,
  withChart,
} from "../../../src/core/report/charts";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { WorkbookGrids } from "../../../src/core/workbook/types";
import { loadWorkbook, readWorkbookGrids } from "../../../src/xlsx";

const DEMO = path.join(__dirname, "../../../examples/childrens-services.xlsx");
let grids: WorkbookGrids;
let sheets: SheetSpec[];
let shareable: ReturnType<typeof buildWorkbook>;

beforeAll(async () => {
  grids = readWorkbookGrids(await loadWorkbook(readFileSync(DEMO)));
  const built = buildWorkbook(grids, {
    mode: "shareable",
    generatedAt: "2025-06-01T09:00:00Z",
    version: "test",
  });
  expect(built.ok).toBe(true);
  sheets = built.sheets;
  shareable = built;
});

/** What a range of the sheet shows: text, or the number (a formula's cached value). */
function shown(sheet: SheetSpec, range: string): Array<string | number | null> {
  const { start, end } = parseRangeA1(range);
  const out: Array<string | number | null> = [];
  for (let r = start.row; r <= end.row; r++)
    for (let c = start.column; c <= end.column; c++) {
      const cell = sheet.cells[r]?.[c];
      out.push(!cell ? null : cell.kind === "text" ? cell.text : cell.value);
    }
  return out;
}

const sheet = (key: string) => sheets.find((s) => s.key === key) as SheetSpec;

/** The one chart of the sheet, as the figures it draws. */
function drawn(key: string) {
  const s = sheet(key);
  expect(s.charts).toHaveLength(1);
  const [chart] = s.charts;
  return {
    chart,
    categories: shown(s, chart.categories),
    series: chart.series.map((x) => ({ name: x.name, kind: x.kind, values: shown(s, x.values) })),
  };
}

describe("the chart each sheet carries (demo workbook)", () => {
  it("Establishment Cost: the cost by line, from the table's totals row", () => {
    const { chart, categories, series } = drawn("cost");
    expect(chart.type).toBe("columnClustered");
    expect([chart.categories, chart.series[0].values]).toEqual(["I6:L6", "I36:L36"]);
    expect(categories).toEqual([
      "Salary",
      "Employer NI",
      "Employer pension",
      "Apprenticeship levy",
    ]);
    expect(series[0].values).toEqual([2403767.22, 306521.95, 468734.61, 12018.86]);
  });

  it("Grant Costing: net cost per year as columns, the grant left after each year as a line", () => {
    const { chart, categories, series } = drawn("grant");
    expect(chart.type).toBe("columnLine");
    // The years as the £k summary heads them, in the same columns as the figures.
    expect(chart.categories).toBe("G31:I31");
    expect(categories).toEqual(["2025/26", "2026/27", "2027/28"]);
    expect(series).toEqual([
      { name: "Net cost in the year", kind: "column", values: [322284.07, 588642.08, 617735.75] },
      {
        name: "Grant left (cumulative headroom)",
        kind: "line",
        // £1.6m less the net cost so far: what the sheet's headroom row says.
        values: [1277715.93, 689073.85, 71338.1],
      },
    ]);
  });

  it("Restructure: the change per team as diverging bars", () => {
    const { chart, categories, series } = drawn("changes");
    expect(chart.type).toBe("bar");
    expect(categories).toEqual([
      "Management",
      "Social Work",
      "Family Support",
      "Early Help",
      "Business Support",
    ]);
    expect(series[0].values).toEqual([-78504.53, 109430.51, 0, 40863.15, -16707.74]);
    // The bars add up to the net change the sheet reports (£55,081.39 a year).
    const sum = (series[0].values as number[]).reduce((a, b) => a + b, 0);
    expect(Math.round(sum * 100) / 100).toBe(55081.39);
  });

  it("Locality shares: FTE by locality, with the need index on a second axis", () => {
    const { chart, categories, series } = drawn("shares");
    expect(chart.type).toBe("columnLine");
    expect(categories).toEqual([
      "Northfield",
      "Riverside",
      "Eastgate",
      "Westbury",
      "Central",
      "Coastal",
    ]);
    expect(series[0]).toEqual({
      name: "FTE allocated",
      kind: "column",
      values: [4.5, 3, 6.5, 2, 5.5, 2.5],
    });
    expect(series[1].name).toBe("Need index");
    expect(chart.series[1].secondaryAxis).toBe(true);
    expect((series[1].values as number[]).map((x) => Math.round(x * 1e4) / 1e4)).toEqual([
      0.1914, 0.1182, 0.2617, 0.095, 0.2221, 0.1117,
    ]);
  });

  it("Scenarios: each scenario's cost over the grant as columns, the grant left as a line", () => {
    const { chart, categories, series } = drawn("scenarios");
    expect(chart.type).toBe("columnLine");
    expect(categories).toEqual(["Base", "Pay award 4%", "NI before April 2025", "Vacancies 5%"]);
    expect(series).toEqual([
      {
        name: "Total cost over the grant",
        kind: "column",
        values: [1528661.9, 1559178.61, 1494738.61, 1497143.1],
      },
      // The base's is the Grant Costing sheet's headroom at the grant's end.
      {
        name: "Grant left at the end",
        kind: "line",
        values: [71338.1, 40821.39, 105261.39, 102856.9],
      },
    ]);
    expect(chart.series[1].secondaryAxis).toBe(true);
    // The figures it draws refer to the tables above: the totals and each headroom line.
    const s = sheet("scenarios");
    const first = parseRangeA1(chart.series[0].values).start;
    const formulaAt = (row: number, column: number) => {
      const cell = s.cells[row][column];
      return cell?.kind === "formula" ? cell.formula : undefined;
    };
    expect([formulaAt(first.row, 1), formulaAt(first.row, 2)]).toEqual(["=E10", "=E30"]);
  });

  it("Establishment Cost on flat on-costs: salary and the flat on-costs, from the totals row", () => {
    const inputs = readWorkbook(grids, {});
    const est = inputs.establishment as Establishment;
    const { sheet: flat } = buildEstablishmentCostSheet({
      establishment: est,
      assumptions: { ...inputs.assumptions, onCostMode: "flat", flatOnCostRate: 0.3 },
      payScales: inputs.payScales,
      generatedAt: "2025-06-01T09:00:00Z",
      version: "test",
    });
    expect(flat.charts).toHaveLength(1);
    expect(shown(flat, flat.charts[0].categories)).toEqual(["Salary", "On-costs (flat 30%)"]);
    const [salary, onCosts] = shown(flat, flat.charts[0].series[0].values) as number[];
    expect(salary).toBe(2403767.22);
    expect(onCosts).toBeCloseTo(salary * 0.3, 0);
  });

  it("gives the task pane each chart's figures as the sheet holds them (chartData)", () => {
    const grant = sheet("grant");
    expect(chartData(grant, grant.charts[0])).toEqual({
      type: "columnLine",
      title: "Commitment per year against the grant",
      axisTitles: { values: "£" },
      categories: ["2025/26", "2026/27", "2027/28"],
      series: [
        {
          name: "Net cost in the year",
          kind: "column",
          values: [322284.07, 588642.08, 617735.75],
          format: "money",
        },
        {
          name: "Grant left (cumulative headroom)",
          kind: "line",
          values: [1277715.93, 689073.85, 71338.1],
          format: "money",
        },
      ],
    });
    // A cell with no number is a gap, not a zero.
    const teams = sheet("changes");
    const chart = teams.charts[0];
    const blanked = {
      ...teams,
      cells: teams.cells.map((row, r) =>
        r === parseRangeA1(chart.series[0].values).start.row ? row.map(() => null) : row
      ),
    };
    expect(chartData(blanked, chart).series[0].values.slice(0, 2)).toEqual([null, 109430.51]);
    expect(chartData(blanked, chart).categories[0]).toBe("");
  });

  it("carries each chart's figures with the sheet's summary", async () => {
    const built = buildWorkbook(grids, {
      mode: "shareable",
      generatedAt: "2025-06-01T09:00:00Z",
      version: "test",
    });
    for (const [i, s] of built.sheets.entries())
      expect(built.summaries[i].charts).toEqual(s.charts.map((c) => chartData(s, c)));
    expect(built.summaries.map((s) => [s.key, s.charts.length])).toEqual([
      ["cost", 1],
      ["grant", 1],
      ["changes", 1],
      ["shares", 1],
      ["scenarios", 1],
      ["assumptions", 0],
    ]);
  });

  it("puts no chart on the Assumptions sheet", () => {
    expect(sheet("assumptions").charts).toEqual([]);
  });

  it("places each chart below the sheet's last row, from column A, covering no cell", () => {
    for (const s of sheets.filter((x) => x.charts.length > 0)) {
      const { from, to } = s.charts[0].anchor;
      const top = parseRangeA1(from).start;
      expect(top).toEqual({ row: s.cells.length + 1, column: 0 });
      const bottom = parseRangeA1(to).start;
      expect(bottom.row - top.row).toBe(20);
      // About 100 characters wide, whatever the sheet's column widths.
      let wide = 0;
      for (let c = 0; c < bottom.column; c++) wide += s.columnWidths[c] || 8.43;
      expect(wide).toBeGreaterThanOrEqual(100);
      expect(wide - (s.columnWidths[bottom.column - 1] || 8.43)).toBeLessThan(100);
    }
  });

  it("keeps the charts in a live build, over the same figures", () => {
    const live = buildWorkbook(grids, {
      mode: "live",
      generatedAt: "2025-06-01T09:00:00Z",
      version: "test",
    });
    // The same cells, but on the Scenarios sheet, which gains the switch's rows when live.
    const ranges = (b: typeof live) =>
      b.sheets
        .filter((s) => s.key !== "scenarios")
        .map((s) => s.charts.map((c) => [c.categories, c.series[0].values]));
    expect(ranges(live)).toEqual(ranges(shareable));
    // Everywhere the figures each chart draws are the shareable build's.
    expect(live.summaries.map((s) => s.charts)).toEqual(shareable.summaries.map((s) => s.charts));
  });

  it('adds no chart drawing only blanks (an empty table holds only "None")', () => {
    const emptyTeams: SheetSpec = {
      ...sheet("changes"),
      charts: [],
      cells: [
        [
          { kind: "text", text: "Team", style: "header" },
          { kind: "text", text: "Change (full year)", style: "header" },
        ],
        [{ kind: "text", text: "None" }],
      ],
      tables: [{ name: "RestructureTeams", range: "A1:B2" }],
    };
    const chart = restructureChart(
      { teams: "A2:A2", change: "B2:B2" },
      chartAnchorBelow(emptyTeams)
    );
    expect(withChart(emptyTeams, chart).charts).toEqual([]);
    expect(chart.anchor.from).toBe("A4");
    // A second chart would go below the first, a blank row between.
    expect(chartAnchorBelow({ ...emptyTeams, charts: [chart] }).from).toBe("A26");
  });
});
