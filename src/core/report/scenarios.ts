/**
 * The Scenarios sheet: the base and each scenario of the Assumptions sheet side by side,
 * per financial year of the window: total cost, each cost line, grant headroom and % used,
 * and the difference to the base in £ and %; then the restructure's full-year effect and
 * the locality shares where a scenario changes them. Figures are values; every total,
 * difference and percentage is a native formula over the cells, giving the core's value.
 */
import { readableDate } from "./print";
import { columnLetters, quoteSheetName, type CellValue } from "../grid";
import { financialYearLabel, type FinancialYear } from "../dates";
import { deduction, formatPounds, formatPoundsInText, roundPenny } from "../money";
import { SCENARIOS_SHEET_TITLE, SETTINGS, YEAR_SETTINGS } from "../read";
import { formula, num, text, type SpecCell } from "./sheet-spec";
import { createSheetDraft, type CellInput, type SheetDraft } from "./table-layout";
import type { SheetBuild, SummaryFigure } from "./summary";
import { SHEET_NAMES } from "./sheet-names";
import { chartAnchorBelow, scenariosChart, withChart, type ScenariosChartCells } from "./charts";
import { scenarioFigures, type ScenarioFigures, type ScenarioInputs } from "./scenario-figures";
import { inUseBlock, switchRows, type ScenarioSwitchInput } from "./scenario-switch";
import type { AssumptionCells } from "./assumption-cells";

export interface ScenariosSheetInput extends ScenarioInputs {
  generatedAt: string;
  version: string;
  sheetName?: string;
  /** Live: the "Scenario in use" switch and the Assumptions in use block (scenario-switch.ts). */
  live?: ScenarioSwitchInput;
}

/** What every section shares: the draft, the years and the columns they go in. */
interface Layout {
  d: SheetDraft;
  figures: ScenarioFigures[];
  years: FinancialYear[];
  /** Column letter of each FY, and of the window total beside them. */
  yearLetters: string[];
  total: string;
}

/** 1-based row number of the next row. */
const nextRow = (l: Layout) => l.d.nextRow() + 1;
const sumOf = (l: Layout, r: number) =>
  `ROUND(SUM(${l.yearLetters[0]}${r}:${l.yearLetters[l.yearLetters.length - 1]}${r}),2)`;

/** The difference of one cell to the base's, in £ (and in % beside it when asked). */
function diffCells(
  at: { cell: string; value: number },
  base: { cell: string; value: number },
  withPct: boolean
): SpecCell[] {
  const value = roundPenny(at.value - base.value);
  const cells: SpecCell[] = [formula(`=ROUND(${at.cell}-${base.cell},2)`, value, "money")];
  if (withPct && base.value !== 0)
    cells.push(
      formula(`=ROUND(${at.cell}-${base.cell},2)/${base.cell}`, value / base.value, "percent")
    );
  return cells;
}

/** Settings in pounds, whose values are shown as money. */
const MONEY_SETTINGS = new Set(["niMonthlyThreshold", "grant.amount", "grant"]);

/** A setting a scenario changes, in words: "Pay award 2025/26 4%", "Grant amount £360,000". */
function changeText(key: string, f: ScenarioFigures): string {
  const [name, year] = key.split(":");
  const shown = (v: CellValue) =>
    typeof v === "number" && MONEY_SETTINGS.has(name) ? formatPoundsInText(v) : String(v);
  if (year !== undefined) {
    const spec = YEAR_SETTINGS.find((s) => s.key === name);
    const fy = Number(year);
    return spec
      ? `${spec.label} ${financialYearLabel(fy)} ${shown(spec.cell(f.assumptions, fy))}`
      : key;
  }
  const spec = SETTINGS.find((s) => s.key === key);
  return spec ? `${spec.label} ${shown(spec.cellOf(f.assumptions))}` : key;
}

function heading(l: Layout, input: ScenariosSheetInput): void {
  const { d, years, figures } = l;
  const k = figures.length - 1;
  d.row([text(SCENARIOS_SHEET_TITLE, "title")]);
  d.row([
    text(
      `${financialYearLabel(years[0])} to ${financialYearLabel(years[years.length - 1])} · ${k} scenario${k === 1 ? "" : "s"} · the grant's posts, costed as on the Grant Costing sheet`,
      "subtitle"
    ),
  ]);
  d.row([
    text(
      `Source: the Assumptions sheet's Value column (the base) and its scenario columns · Establishment Costing ${input.version} · built ${readableDate(input.generatedAt)}`,
      "note"
    ),
  ]);
  for (const f of figures.slice(1)) {
    const changes = Object.entries(f.changed).map(
      ([key, cell]) =>
        `${changeText(key, f)} (${input.assumptionsSheet ? `${quoteSheetName(input.assumptionsSheet)}!` : ""}${cell})`
    );
    d.row([text(`${f.name}: ${changes.length ? changes.join("; ") : "changes nothing"}`, "note")]);
  }
  d.blank();
}

/** Total cost per FY and over the window, with the window's difference to the base. */
function totalsSection(l: Layout): number[] {
  const { d, years } = l;
  d.row([text("Total cost by financial year (£)", "subtitle")]);
  d.row(
    [
      "Scenario",
      ...years.map(financialYearLabel),
      "Total over the grant",
      "Difference to base (£)",
      "Difference to base (%)",
    ].map((h) => text(h, "header"))
  );
  const rows: number[] = [];
  for (const f of l.figures) {
    const r = nextRow(l);
    const total = roundPenny(f.commitment.reduce((s, v) => s + v, 0));
    const base = rows.length ? l.figures[0] : undefined;
    const baseTotal = base ? roundPenny(base.commitment.reduce((s, v) => s + v, 0)) : 0;
    d.row([
      text(f.name),
      ...f.commitment.map((v) => num(v, "money")),
      formula(`=${sumOf(l, r)}`, total, "money", "total"),
      ...(base
        ? diffCells(
            { cell: `${l.total}${r}`, value: total },
            { cell: `${l.total}${rows[0]}`, value: baseTotal },
            true
          )
        : []),
    ]);
    rows.push(r);
  }
  d.blank();
  return rows;
}

/** The difference to the base in each FY: in £, then in %. */
function differencesSection(l: Layout, totalRows: number[]): void {
  const { d, figures, years } = l;
  if (figures.length < 2) return;
  const letters = [...l.yearLetters, l.total];
  const values = (f: ScenarioFigures) => [
    ...f.commitment,
    roundPenny(f.commitment.reduce((s, v) => s + v, 0)),
  ];
  const header = ["Scenario", ...years.map(financialYearLabel), "Total over the grant"];
  const base = values(figures[0]);
  for (const inPct of [false, true]) {
    d.row([text(`Difference to base by financial year (${inPct ? "%" : "£"})`, "subtitle")]);
    d.row(header.map((h) => text(h, "header")));
    figures.slice(1).forEach((f, i) => {
      const own = values(f);
      const cells = letters.map((c, j) => {
        const pair = diffCells(
          { cell: `${c}${totalRows[i + 1]}`, value: own[j] },
          { cell: `${c}${totalRows[0]}`, value: base[j] },
          inPct
        );
        return (inPct ? pair[1] : pair[0]) ?? null;
      });
      d.row([text(f.name), ...cells]);
    });
    d.blank();
  }
}

/** A figure's cell and value. */
type Figure = { cell: string; value: number };

/**
 * Grant, headroom and % used per FY (cumulative, as the Grant Costing sheet's), per
 * scenario; gives each scenario's headroom at the grant's end (none without a grant).
 */
function headroomSection(l: Layout, totalRows: number[]): Array<Figure | undefined> {
  const { d, figures, years } = l;
  const ends: Array<Figure | undefined> = figures.map(() => undefined);
  if (figures.every((f) => f.grantTotal === undefined)) return ends;
  d.row([text("Grant headroom (cumulative to each year's end)", "subtitle")]);
  d.row(
    [
      "Scenario",
      ...years.map(financialYearLabel),
      "Total over the grant",
      "Headroom difference to base (£)",
    ].map((h) => text(h, "header"))
  );
  let baseHeadroom: { cell: string; value: number } | undefined;
  figures.forEach((f, i) => {
    if (f.grantTotal === undefined) {
      d.row([text(`${f.name}: no grant`)]);
      return;
    }
    const grantRow = nextRow(l);
    const grantCells: CellInput[] = years.map((_, y) =>
      f.grantByYear ? num(f.grantByYear[y], "money") : null
    );
    d.row([text(`${f.name}: grant`), ...grantCells, num(f.grantTotal, "money")]);
    const cost = `${l.total}${totalRows[i]}`;
    const costTo = (y: number) =>
      `ROUND(SUM(${l.yearLetters[0]}${totalRows[i]}:${l.yearLetters[y]}${totalRows[i]}),2)`;
    const grantTo = (y: number) =>
      f.grantByYear
        ? `ROUND(SUM(${l.yearLetters[0]}${grantRow}:${l.yearLetters[y]}${grantRow}),2)`
        : `${l.total}${grantRow}`;
    const grantValueTo = (y: number) =>
      f.grantByYear
        ? roundPenny(f.grantByYear.slice(0, y + 1).reduce((s, v) => s + v, 0))
        : (f.grantTotal as number);
    const costValueTo = (y: number) =>
      roundPenny(f.commitment.slice(0, y + 1).reduce((s, v) => s + v, 0));
    const headroomRow = nextRow(l);
    const headroom = roundPenny(f.grantTotal - costValueTo(years.length - 1));
    const own = { cell: `${l.total}${headroomRow}`, value: headroom };
    d.row([
      text(`${f.name}: headroom`),
      ...years.map((_, y) =>
        formula(
          `=ROUND(${grantTo(y)}-${costTo(y)},2)`,
          roundPenny(grantValueTo(y) - costValueTo(y)),
          "money"
        )
      ),
      formula(`=ROUND(${l.total}${grantRow}-${cost},2)`, headroom, "money", "total"),
      ...(i > 0 && baseHeadroom ? diffCells(own, baseHeadroom, false) : []),
    ]);
    if (i === 0) baseHeadroom = own;
    ends[i] = own;
    d.row([
      text(`${f.name}: % of grant used`),
      ...years.map((_, y) =>
        grantValueTo(y) !== 0
          ? formula(`=${costTo(y)}/${grantTo(y)}`, costValueTo(y) / grantValueTo(y), "percent")
          : null
      ),
      f.grantTotal !== 0
        ? formula(
            `=${cost}/${l.total}${grantRow}`,
            costValueTo(years.length - 1) / f.grantTotal,
            "percent"
          )
        : null,
    ]);
  });
  d.blank();
  return ends;
}

/** The lines of a scenario's cost, per FY: salary, NI, pension, levy, vacancy, exit costs. */
function costLines(f: ScenarioFigures, flat: boolean, exit: boolean): Array<[string, number[]]> {
  const t = f.costing.yearTotals;
  const n = t.length;
  const lines: Array<[string, number[]]> = flat
    ? [
        ["Salary", t.map((y) => y.salary)],
        ["Flat on-costs", t.map((y) => y.flatOnCost)],
      ]
    : [
        ["Salary", t.map((y) => y.salary)],
        ["Employer NI", t.map((y) => y.ni)],
        ["Employer pension", t.map((y) => y.pension)],
        ["Apprenticeship levy", t.map((y) => y.levy)],
      ];
  lines.push(["Less vacancy factor", f.costing.vacancy.byYear.map(deduction)]);
  if (exit)
    lines.push(["Exit-cost contingency", t.map((_, y) => (y === n - 1 ? f.costing.exitCost : 0))]);
  return lines;
}

/** Each scenario's cost lines, with each line's window difference to the base's. */
function linesSection(l: Layout): void {
  const { d, figures, years } = l;
  const flat = figures[0].assumptions.onCostMode === "flat";
  const exit = figures.some((f) => f.costing.exitCost !== 0);
  d.row([text("Cost lines by scenario (£)", "subtitle")]);
  const baseCells: Array<{ cell: string; value: number }> = [];
  figures.forEach((f, i) => {
    d.row(
      [
        f.name,
        ...years.map(financialYearLabel),
        "Total over the grant",
        ...(i ? ["Difference to base (£)", "Difference to base (%)"] : []),
      ].map((h) => text(h, "header"))
    );
    const first = nextRow(l);
    const lines = costLines(f, flat, exit);
    lines.forEach(([label, values], j) => {
      const r = nextRow(l);
      const total = roundPenny(values.reduce((s, v) => s + v, 0));
      const own = { cell: `${l.total}${r}`, value: total };
      d.row([
        text(label),
        ...values.map((v) => num(v, "money")),
        formula(`=${sumOf(l, r)}`, total, "money"),
        ...(i ? diffCells(own, baseCells[j], true) : []),
      ]);
      if (i === 0) baseCells.push(own);
    });
    const last = nextRow(l) - 1;
    const r = nextRow(l);
    const totals = years.map((_, y) => roundPenny(lines.reduce((s, [, v]) => s + v[y], 0)));
    const cols = [...l.yearLetters, l.total];
    const values = [...totals, roundPenny(totals.reduce((s, v) => s + v, 0))];
    const own = { cell: `${l.total}${r}`, value: values[values.length - 1] };
    d.row([
      text("Total cost", "total"),
      ...cols.map((c, j) =>
        formula(`=ROUND(SUM(${c}${first}:${c}${last}),2)`, values[j], "money", "total")
      ),
      ...(i ? diffCells(own, baseCells[lines.length], true) : []),
    ]);
    if (i === 0) baseCells.push(own);
    d.blank();
  });
}

/** The restructure's full-year effect: the base's, and each scenario's that differs. */
function restructureSection(l: Layout): void {
  const { d, figures } = l;
  const base = figures[0].restructure;
  if (!base) return;
  const same = (f: ScenarioFigures) =>
    f.restructure?.current === base.current && f.restructure?.proposed === base.proposed;
  d.row([text("Restructure: full-year effect (£)", "subtitle")]);
  // Posts the restructure cannot cost leave every scenario's figures short alike.
  if (base.uncosted > 0)
    d.row([
      text(
        `Incomplete: ${base.uncosted === 1 ? "1 post is" : `${base.uncosted} posts are`} left out of these figures, as they cannot be costed now or as proposed (the Restructure sheet names the cells to fill).`,
        "note"
      ),
    ]);
  d.row(
    ["Scenario", "Current cost", "Proposed cost", "Full-year effect", "Difference to base (£)"].map(
      (h) => text(h, "header")
    )
  );
  const baseRow = nextRow(l);
  for (const f of figures) {
    if (f !== figures[0] && same(f)) continue;
    const r = nextRow(l);
    const x = f.restructure as NonNullable<ScenarioFigures["restructure"]>;
    const own = { cell: `D${r}`, value: x.fullYearEffect };
    d.row([
      text(f.name),
      num(x.current, "money"),
      num(x.proposed, "money"),
      formula(`=ROUND(C${r}-B${r},2)`, x.fullYearEffect, "money", "total"),
      ...(f !== figures[0]
        ? diffCells(own, { cell: `D${baseRow}`, value: base.fullYearEffect }, false)
        : []),
    ]);
  }
  const unchanged = figures
    .slice(1)
    .filter(same)
    .map((f) => f.name);
  if (unchanged.length) d.row([text(`The same as the base in: ${unchanged.join(", ")}.`, "note")]);
  d.blank();
}

/** FTE and cost per locality: the base's, and each scenario's that differs. */
function sharesSection(l: Layout, localityNames: readonly string[]): void {
  const { d, figures } = l;
  const base = figures[0].shares;
  if (!base || "problem" in base) return;
  const key = (s: ScenarioFigures["shares"]) => JSON.stringify(s);
  const differ = figures.slice(1).filter((f) => key(f.shares) !== key(base));
  d.row([text("Locality shares", "subtitle")]);
  for (const f of differ)
    if (f.shares && "problem" in f.shares)
      d.row([text(`${f.name}: the shares cannot be worked out: ${f.shares.problem}`, "warning")]);
  const shown = [figures[0], ...differ.filter((f) => f.shares && !("problem" in f.shares))];
  if (shown.length === 1) {
    d.row([text("The locality shares are the same in every scenario.", "note")]);
    return;
  }
  const withCost = base.cost !== undefined;
  d.row(
    [
      "Locality",
      ...shown.map((f) => `${f.name}: FTE`),
      ...(withCost ? shown.map((f) => `${f.name}: cost`) : []),
    ].map((h) => text(h, "header"))
  );
  localityNames.forEach((name, i) => {
    const cells = shown.map((f) => f.shares as { fte: number[]; cost?: number[] });
    d.row([
      text(name),
      ...cells.map((s) => num(s.fte[i], "fte")),
      ...(withCost ? cells.map((s) => num(s.cost?.[i] ?? 0, "money")) : []),
    ]);
  });
  d.blank();
}

/**
 * The Scenarios sheet (see the top of this file); `figures` when worked out already. Live,
 * with the switch, and `inUse`: the cells the live sheets read their assumptions from.
 */
export function buildScenariosSheet(
  input: ScenariosSheetInput,
  figures: ScenarioFigures[] = scenarioFigures(input)
): SheetBuild & { inUse?: AssumptionCells } {
  const years = figures[0].costing.years;
  const letters = Array.from({ length: years.length + 1 }, (_, i) => columnLetters(i + 1));
  const l: Layout = {
    d: createSheetDraft(),
    figures,
    years,
    yearLetters: letters.slice(0, years.length),
    total: letters[years.length],
  };
  const name = input.sheetName ?? SHEET_NAMES.scenarios;
  heading(l, input);
  // The switch stays in view with the totals' header below it.
  const placed = input.live && switchRows(l.d, input.live);
  // The totals' header row (Scenario, the years …), under its subtitle, stays in view.
  const headerRow = l.d.nextRow() + 1;
  const totalRows = totalsSection(l);
  differencesSection(l, totalRows);
  const headroom = headroomSection(l, totalRows);
  linesSection(l);
  restructureSection(l);
  sharesSection(l, input.localities?.localities.map((x) => x.name) ?? []);
  const chartCells = chartSection(l, totalRows, headroom);
  // Live: the block the live sheets read their assumptions from, below everything else.
  const inUse = input.live && placed && inUseBlock(l.d, name, input.live, placed);
  const sheet = l.d.toSpec("scenarios", name, {
    freeze: { rows: headerRow + 1, columns: 1 },
    minWidths: [34, ...years.map(() => 15), 15, 16, 14],
  });
  const charted = withChart(sheet, scenariosChart(chartCells, chartAnchorBelow(sheet)));
  if (!placed) return { sheet: charted, summary: summaryOf(figures, name) };
  return {
    sheet: { ...charted, validations: [placed.validation] },
    summary: summaryOf(figures, name),
    inUse,
  };
}

/**
 * The figures the chart below draws, side by side: each scenario's total cost over the
 * grant and the grant left at its end, referring to the tables above (a chart's series is
 * one row or column, and the headroom rows are apart).
 */
function chartSection(
  l: Layout,
  totalRows: number[],
  headroom: Array<Figure | undefined>
): ScenariosChartCells {
  const { d, figures } = l;
  const withGrant = headroom.some((h) => h !== undefined);
  d.row([text("Figures for the chart below", "subtitle")]);
  d.row(
    ["Scenario", "Total over the grant", ...(withGrant ? ["Grant left at the end"] : [])].map((h) =>
      text(h, "header")
    )
  );
  const first = nextRow(l);
  figures.forEach((f, i) => {
    const end = headroom[i];
    const total = roundPenny(f.commitment.reduce((s, v) => s + v, 0));
    d.row([
      text(f.name),
      formula(`=${l.total}${totalRows[i]}`, total, "money"),
      ...(withGrant ? [end ? formula(`=${end.cell}`, end.value, "money") : null] : []),
    ]);
  });
  const last = nextRow(l) - 1;
  return {
    scenarios: `A${first}:A${last}`,
    cost: `B${first}:B${last}`,
    ...(withGrant ? { headroom: `C${first}:C${last}` } : {}),
  };
}

function summaryOf(figures: ScenarioFigures[], sheetName: string): SheetBuild["summary"] {
  const total = (f: ScenarioFigures) => roundPenny(f.commitment.reduce((s, v) => s + v, 0));
  const base = total(figures[0]);
  const diffs: SummaryFigure[] = figures.slice(1).map((f) => ({
    label: `${f.name}: difference to base`,
    value: roundPenny(total(f) - base),
    format: "money",
  }));
  const k = figures.length - 1;
  return {
    key: "scenarios",
    sheetName,
    headline: `${k} scenario${k === 1 ? "" : "s"} compared with the base (${formatPounds(base)} over the grant): ${diffs
      .map(
        (x) =>
          `${x.label.replace(": difference to base", "")} ${x.value > 0 ? "+" : ""}${formatPounds(x.value)}`
      )
      .join(", ")}`,
    figures: [{ label: "Base total cost", value: base, format: "money" }, ...diffs],
    warnings: [],
  };
}
