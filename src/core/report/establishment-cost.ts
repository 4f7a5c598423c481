import { builtBy } from "./print";
import { SHEET_NAMES } from "./sheet-names";
import {
  costEstablishment,
  financialYearsWindow,
  type EstablishmentCosting,
  type PostCosting,
} from "../costing";
import { financialYearLabel } from "../dates";
import { quoteSheetName } from "../grid";
import type { Assumptions, Establishment, PayScales, TotalsRow } from "../model";
import { COSTING_POINT_WORDS } from "../model";
import { deduction, formatNumber, formatPounds, roundPenny, roundTo } from "../money";
import type { SheetBuild, SummaryFigure } from "./summary";
import { formula, text, type SheetSpec } from "./sheet-spec";
import { FIGURE_ARG } from "./estab-calls";
import { postIdentityColumns, postName, type PostLive } from "./post-columns";
import {
  createSheetDraft,
  rowRange,
  type CellInput,
  type ColumnSpec,
  type PlacedTable,
  type SheetDraft,
} from "./table-layout";
import { rateInput, costSettings, type AssumptionCells } from "./assumption-cells";
import { sourceRef } from "./expr";
import { SETTINGS_USED_HEADING, settingsUsedLines } from "./settings-used";
import { costFigureDefinitions, fullTimeSalaryDefinition, type Definition } from "./post-inputs";
import { figureCell, liveBook, type LiveBook } from "./render";
import { salaryBasis } from "./salary-basis";
import { payOf, type PostPay } from "./post-pay";
import { chartAnchorBelow, costChart, withChart, type CostChartCells } from "./charts";
import { textNumberReason, type TextCell } from "./text-numbers";

export interface EstablishmentCostInput {
  establishment: Establishment;
  assumptions: Assumptions;
  payScales?: PayScales;
  generatedAt: string;
  /** The scenario built, named on the sheet (`estab build --scenario`). */
  scenario?: string;
  version: string;
  source?: string;
  /** Sheet name wanted; "Establishment Cost" by default. */
  sheetName?: string;
  /** The user's Assumptions sheet as read, for the settings-used lines (none: defaults throughout). */
  assumptionsTyped?: AssumptionCells;
  /** Live: define the figures over the source's cells and the Assumptions sheet's. */
  live?: LiveInputs;
}

/** What a live sheet's formulas point at besides the establishment itself. */
export interface LiveInputs {
  /** Where each assumption lives; without it, assumptions are constants in the formulas. */
  assumptionCells?: AssumptionCells;
  /** Whether a source cell holds text ("1.0"), which a formula cannot show or compute with. */
  textCell?: TextCell;
}

const pct = (x: number): string => `${roundTo(x * 100, 2)}%`;

/** A figure written on a sheet: where it is and what it holds. */
export interface FigureAt {
  sheet: string;
  address: string;
  value: number;
}

/** The sheet's total FTE and net cost, which other sheets' figures (the average cost per FTE) refer to. */
export interface EstablishmentCostCells {
  fte: FigureAt;
  netCost: FigureAt;
}

/** The row to reconcile with: the grand total, else the last total, else the last row the table carried. */
export function reconcilingTotal(totals: readonly TotalsRow[]): TotalsRow | undefined {
  const grand = totals.filter((t) => t.kind === "grand-total");
  if (grand.length) return grand[grand.length - 1];
  const full = totals.filter((t) => t.kind !== "subtotal");
  if (full.length) return full[full.length - 1];
  return undefined;
}

/** "£5.3m", "£850k": the rounded figure a report quotes. */
export function roughPounds(x: number): string {
  if (Math.abs(x) >= 1e6) return `£${formatNumber(x / 1e6, 1)}m`;
  if (Math.abs(x) >= 1e3) return `£${formatNumber(x / 1e3, 0)}k`;
  return formatPounds(x);
}

/** What every section of the sheet is a function of. */
interface CostSheet {
  input: EstablishmentCostInput;
  a: EstablishmentCostInput["assumptions"];
  costing: EstablishmentCosting;
  label: string;
  flat: boolean;
  d: SheetDraft;
  /** Set when the sheet is built live. */
  live?: PostLive & LiveInputs;
}

/**
 * The Establishment Cost sheet: the cost of every post for one FY (assumptions.firstYear)
 * with FTE, headcount, salary and on-costs, totals as native formulas, the vacancy factor
 * as its own line, and FTE and headcount reconciled with the source table's TOTAL row.
 * Built live, each figure is also defined over the source's and the Assumptions sheet's
 * cells (see render.ts); `live` says how many cells are and why the others are not.
 */
export function buildEstablishmentCostSheet(
  input: EstablishmentCostInput,
  precomputed?: EstablishmentCosting
): SheetBuild & { live?: LiveBook; cells: EstablishmentCostCells } {
  const { establishment, assumptions: a } = input;
  const costing =
    precomputed ??
    costEstablishment(
      establishment.posts,
      a,
      financialYearsWindow(a.firstYear, 1),
      input.payScales
    );
  const sheetName = input.sheetName ?? SHEET_NAMES.cost;
  const book = input.live ? liveBook(sheetName) : undefined;
  const s: CostSheet = {
    input,
    a,
    costing,
    label: financialYearLabel(a.firstYear),
    flat: a.onCostMode === "flat",
    d: createSheetDraft(),
    live: book && input.live && { ...input.live, book, establishment },
  };
  const warnings = costingWarnings(costing);
  const { headline, warnRow } = titleSection(s);
  const table = postTable(s);
  const netCost = totalsSection(s, table);
  warnings.unshift(...reconciliationSection(s, table));
  methodSection(s);
  warningsSection(s, warnings);
  const built = s.d.toSpec("cost", sheetName, {
    freeze: { rows: table.headerRow + 1, columns: 1 },
    minWidths: [32],
  });
  headlineWarning(built, warnRow, warnings);
  const sheet = withChart(built, costChart(costLines(s, table), chartAnchorBelow(built)));
  const summary = {
    key: "cost" as const,
    sheetName,
    headline,
    figures: summaryFigures(s),
    warnings,
  };
  const fte = { sheet: sheetName, address: table.totalAddress.fte, value: table.totals.fte };
  const cells = { fte, netCost: { ...netCost, sheet: sheetName } };
  return { sheet, summary, cells, ...(book ? { live: book } : {}) };
}

function costingWarnings(costing: EstablishmentCosting): string[] {
  const warnings = [...costing.warnings];
  for (const pc of costing.posts)
    for (const w of pc.warnings) warnings.push(`${postName(pc)}: ${w}`);
  return warnings;
}

const fteTotalOf = (costing: EstablishmentCosting): number =>
  roundTo(
    costing.posts.reduce((s, pc) => s + pc.post.fte, 0),
    6
  );
const headcountOf = (costing: EstablishmentCosting): number =>
  costing.posts.reduce((s, pc) => s + pc.years[0].people, 0);

/** Title, headline and provenance; the row the first warning goes on. */
function titleSection(s: CostSheet): { headline: string; warnRow: number } {
  const { d, costing, label, input } = s;
  const total = costing.yearTotals[0].total;
  const source =
    input.source ?? `${quoteSheetName(input.establishment.sheet)}!${input.establishment.range}`;
  const headline = `${formatNumber(headcountOf(costing), 2)} staff, ${formatNumber(fteTotalOf(costing), 2)} FTE, costing ${formatPounds(total)} in ${label} (about ${roughPounds(total)} a year)`;
  d.row([text(`Establishment cost ${label}`, "title")]);
  d.row([text(headline, "subtitle")]);
  d.row([text(`Source: ${source} · ${builtBy(input)}`, "note")]);
  const warnRow = d.nextRow();
  d.row([]);
  d.blank();
  return { headline, warnRow };
}

type MoneyKey = "salary" | "ni" | "pension" | "levy" | "flatOnCost" | "total";

/** A post's pricing, shared by the cells of its row. */
interface PricedRow {
  pc?: PostCosting;
  pay: PostPay | string;
  figures: (figure: MoneyKey) => Definition;
}

const NOT_LIVE: PricedRow = { pay: "not live", figures: () => ({ reason: "not live" }) };

/** The per-post table: who the post is, its full-time salary, and the year's figures. */
function postTable(s: CostSheet): PlacedTable {
  const { a, flat, live } = s;
  const fy = a.firstYear;
  // One pricing per post, shared by the cells of its row (made only when the sheet is live).
  // The table is made row by row, so only the row's is kept: not one tree per post.
  const settings = live ? costSettings(live.assumptionCells, a) : undefined;
  let last: PricedRow | undefined;
  const rowOf = (pc: PostCosting): PricedRow => {
    if (!live) return NOT_LIVE;
    if (last?.pc !== pc) {
      const pay = payOf(live.establishment, pc.post, a, s.input.payScales, live.textCell, "year");
      const figures = costFigureDefinitions(live.establishment, pc.post, pay, fy, settings);
      last = { pc, pay, figures };
    }
    return last;
  };
  const columns: ColumnSpec<PostCosting>[] = [
    ...postIdentityColumns(live),
    {
      key: "point",
      header: "Full-time salary",
      width: 14,
      format: "money",
      cell: (pc) => {
        const shown = pc.years[0].fteSalary || pc.pay.startSalary;
        return figureCell(
          live?.book,
          shown,
          () => fullTimeSalaryDefinition(rowOf(pc).pay, shown),
          () => `${postName(pc)} full-time salary`,
          "money"
        );
      },
    },
    {
      key: "basis",
      header: "Costed at",
      width: 30,
      cell: (pc) => text(salaryBasis(pc, a.costingPoint)),
    },
  ];
  const money = (key: MoneyKey, header: string): ColumnSpec<PostCosting> => ({
    key,
    header,
    width: 14,
    format: "money",
    totalDecimals: 2,
    cell: (pc) =>
      figureCell(
        live?.book,
        pc.years[0][key],
        () => rowOf(pc).figures(key),
        () => `${postName(pc)} ${FIGURE_ARG[key]}`,
        "money"
      ),
  });
  columns.push(money("salary", "Salary"));
  if (flat) columns.push(money("flatOnCost", `On-costs (flat ${pct(a.flatOnCostRate)})`));
  else
    columns.push(
      money("ni", "Employer NI"),
      money("pension", "Employer pension"),
      money("levy", "Apprenticeship levy")
    );
  columns.push(money("total", "Total cost"));
  return s.d.table("EstablishmentCost", columns, s.costing.posts, {
    totalLabel: "Total",
    emptyText: "No posts",
  });
}

/** The vacancy factor as its own line (its rate the Assumptions sheet's cell when live), and the net cost (its cell). */
function totalsSection(s: CostSheet, table: PlacedTable): { address: string; value: number } {
  const { d, costing, live } = s;
  const totalRow = (table.totalRow as number) + 1;
  const total = table.letters.total;
  const width = Object.keys(table.letters).length;
  const totalCol = Object.keys(table.letters).indexOf("total");
  const at = (value: CellInput, first: CellInput, second: CellInput = null) => {
    const cells: CellInput[] = new Array(width).fill(null);
    cells[0] = first;
    cells[1] = second;
    cells[totalCol] = value;
    return d.row(cells) + 1;
  };
  const vacancyRow = d.nextRow() + 1;
  const rate = costing.vacancy.rate;
  at(
    formula(
      `=-ROUND(${total}${totalRow}*$B$${vacancyRow},2)`,
      deduction(costing.vacancy.byYear[0]),
      "money"
    ),
    text("Less vacancy factor", "total"),
    figureCell(
      live?.book,
      rate,
      () => rateInput(live?.assumptionCells, "vacancyFactor", rate),
      "vacancy factor",
      "percent",
      "input"
    )
  );
  const netRow = at(
    formula(
      `=ROUND(${total}${totalRow}+${total}${vacancyRow},2)`,
      costing.netByYear[0],
      "money",
      "total"
    ),
    text("Net cost after vacancy factor", "total")
  );
  return { address: `${total}${netRow}`, value: costing.netByYear[0] };
}

/** The cost lines' names and totals (salary and on-costs, as the table lays them side by side). */
function costLines(s: CostSheet, table: PlacedTable): CostChartCells {
  const last = s.flat ? "flatOnCost" : "levy";
  const totalRow = table.totalRow as number;
  return {
    lines: rowRange(table, table.headerRow, "salary", last),
    totals: rowRange(table, totalRow, "salary", last),
  };
}

/** FTE and headcount against the source's TOTAL row; gives the warnings for any difference. */
function reconciliationSection(s: CostSheet, table: PlacedTable): string[] {
  const { d, live } = s;
  const est = s.input.establishment;
  const totalRow = (table.totalRow as number) + 1;
  d.blank();
  d.row([text("Reconciliation with the source table", "subtitle")]);
  d.row([
    text("", "header"),
    text("Posts costed", "header"),
    text("Source total row", "header"),
    text("Difference", "header"),
  ]);
  const recon = reconcilingTotal(est.totals);
  const warnings: string[] = [];
  const line = (
    what: "FTE" | "Headcount",
    ours: number,
    theirs: number | undefined,
    letter: string
  ) => {
    const r = d.nextRow() + 1;
    const diff = theirs === undefined ? undefined : roundTo(ours - theirs, 6);
    const format = what === "FTE" ? "fte" : "integer";
    const cell =
      what === "FTE" ? (recon?.cells.fte ?? recon?.cells.currentFte) : recon?.cells.headcount;
    d.row([
      text(what),
      formula(`=${letter}${totalRow}`, ours, format),
      theirs === undefined
        ? text("none")
        : figureCell(
            live?.book,
            theirs,
            () => {
              if (!cell) return { reason: "no cell recorded for it" };
              const reason = textNumberReason(live?.textCell, [
                {
                  sheet: est.sheet,
                  address: cell,
                  what: `total ${what === "FTE" ? "FTE" : "headcount"}`,
                  value: theirs,
                },
              ]);
              return reason ? { reason } : sourceRef(est.sheet, cell, theirs);
            },
            `Source total row ${what}`,
            format
          ),
      theirs === undefined ? null : formula(`=ROUND(B${r}-C${r},6)`, diff as number, format),
    ]);
    if (diff !== undefined && diff !== 0)
      warnings.push(
        `${what} of the posts costed (${formatNumber(ours, 6)}) differs from the source's "${recon?.label}" row (${formatNumber(theirs as number, 6)}) by ${formatNumber(diff, 6)}.`
      );
  };
  line("FTE", table.totals.fte, recon?.fte, table.letters.fte);
  line("Headcount", table.totals.people, recon?.headcount, table.letters.people);
  if (!recon) d.row([text("The source table has no TOTAL row to reconcile with.", "note")]);
  for (const w of warnings) d.row([text(`WARNING: ${w}`, "warning")]);
  const guessed = s.costing.posts.filter(
    (pc) => !(pc.post.headcount && pc.post.headcount > 0) && pc.post.fte > 0
  ).length;
  if (guessed > 0)
    d.row([
      text(
        `${guessed} row${guessed === 1 ? " has" : "s have"} no headcount: the FTE rounded up is shown and used for NI.`,
        "note"
      ),
    ]);
  return warnings;
}

/** "How this was calculated". */
function methodSection(s: CostSheet): void {
  const { a, label, flat, d } = s;
  d.blank();
  const point = COSTING_POINT_WORDS[a.costingPoint];
  const notes = [
    "How this was calculated",
    `The cost of each post in ${label} (1 April to 31 March), month by month; posts with start or end dates inside the year cost that part of it, by days.`,
    `Salary = full-time salary at the ${point} × FTE; "Full-time salary" shows the rate in force at the year's end (after any increment), and "Costed at" where on the grade it comes from.`,
    flat
      ? `On-costs: one flat ${pct(a.flatOnCostRate)} of salary in place of employer NI, pension and levy.`
      : `Employer NI per person per month above the ${label} secondary threshold (people = headcount, or FTE rounded up); pension at the row's rate or ${pct(a.pensionRate)}; ${a.apprenticeshipLevy ? "apprenticeship levy 0.5% of salary" : "no apprenticeship levy"}.`,
    "Each figure is rounded to the penny; a post's total is the sum of its rounded figures; totals are SUMs of the figures shown.",
    `The vacancy factor (${pct(a.vacancyFactor)}) is taken off the total as its own line.`,
    SETTINGS_USED_HEADING,
    ...settingsUsedLines(a, s.input.assumptionsTyped, [a.firstYear], {
      switched: s.input.live?.assumptionCells?.switch,
    }),
  ];
  notes.forEach((l, i) => d.row([text(l, i === 0 ? "subtitle" : "note")]));
}

function warningsSection(s: CostSheet, warnings: readonly string[]): void {
  if (warnings.length === 0) return;
  s.d.blank();
  s.d.row([text("Warnings", "subtitle")]);
  warnings.forEach((w) => s.d.row([text(w, "warning")]));
}

/** The first warning beside the title, pointing at the rest. */
function headlineWarning(sheet: SheetSpec, warnRow: number, warnings: readonly string[]): void {
  if (warnings.length === 0) return;
  const more =
    warnings.length > 1 ? ` (and ${warnings.length - 1} more under "Warnings" below)` : "";
  sheet.cells[warnRow].push(text(`WARNING: ${warnings[0]}${more}`, "warning"));
}

function summaryFigures(s: CostSheet): SummaryFigure[] {
  const { costing, flat } = s;
  const year = costing.yearTotals[0];
  const figures: SummaryFigure[] = [
    { label: "Headcount", value: headcountOf(costing), format: "integer" },
    { label: "FTE", value: fteTotalOf(costing), format: "fte" },
    { label: "Salary", value: year.salary, format: "money" },
  ];
  if (flat) figures.push({ label: "On-costs", value: year.flatOnCost, format: "money" });
  else
    figures.push(
      { label: "Employer NI", value: year.ni, format: "money" },
      { label: "Employer pension", value: year.pension, format: "money" },
      { label: "Apprenticeship levy", value: year.levy, format: "money" }
    );
  figures.push(
    { label: "Total cost", value: year.total, format: "money" },
    { label: "Less vacancy factor", value: deduction(costing.vacancy.byYear[0]), format: "money" },
    { label: "Net cost", value: roundPenny(costing.netByYear[0]), format: "money" }
  );
  return figures;
}
