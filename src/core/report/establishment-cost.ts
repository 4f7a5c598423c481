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
import { deduction, formatNumber, formatPounds, roundPenny, roundTo } from "../money";
import type { SheetBuild, SummaryFigure } from "./summary";
import { formula, num, text } from "./sheet-spec";
import { postIdentityColumns } from "./post-columns";
import { createSheetDraft, type CellInput, type ColumnSpec } from "./table-layout";

export interface EstablishmentCostInput {
  establishment: Establishment;
  assumptions: Assumptions;
  payScales?: PayScales;
  generatedAt: string;
  version: string;
  source?: string;
  /** Sheet name wanted; "Establishment Cost" by default. */
  sheetName?: string;
}

const pct = (x: number): string => `${roundTo(x * 100, 2)}%`;

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

/**
 * The Establishment Cost sheet: the cost of every post for one FY (assumptions.firstYear)
 * with FTE, headcount, salary and on-costs, totals as native formulas, the vacancy factor
 * as its own line, and FTE and headcount reconciled with the source table's TOTAL row.
 */
export function buildEstablishmentCostSheet(
  input: EstablishmentCostInput,
  precomputed?: EstablishmentCosting
): SheetBuild {
  const { establishment, assumptions: a } = input;
  const fy = a.firstYear;
  const costing =
    precomputed ??
    costEstablishment(establishment.posts, a, financialYearsWindow(fy, 1), input.payScales);
  const flat = a.onCostMode === "flat";
  const sheetName = input.sheetName ?? SHEET_NAMES.cost;
  const source = input.source ?? `${quoteSheetName(establishment.sheet)}!${establishment.range}`;
  const warnings: string[] = [...costing.warnings];
  for (const pc of costing.posts) {
    for (const w of pc.warnings)
      warnings.push(`${pc.post.title} (row ${pc.post.sourceRow + 1}): ${w}`);
  }
  const year = costing.yearTotals[0];
  const fteTotal = roundTo(
    costing.posts.reduce((s, pc) => s + pc.post.fte, 0),
    6
  );
  const headcountTotal = costing.posts.reduce((s, pc) => s + pc.years[0].people, 0);
  const guessed = costing.posts.filter(
    (pc) => !(pc.post.headcount && pc.post.headcount > 0) && pc.post.fte > 0
  ).length;

  const d = createSheetDraft();
  const label = financialYearLabel(fy);
  const headline = `${formatNumber(headcountTotal, 2)} staff, ${formatNumber(fteTotal, 2)} FTE, costing ${formatPounds(year.total)} in ${label} (about ${roughPounds(year.total)} a year)`;
  d.row([text(`Establishment cost ${label}`, "title")]);
  d.row([text(headline, "subtitle")]);
  d.row([
    text(
      `Source: ${source} · Establishment Costing ${input.version} · ${input.generatedAt}`,
      "note"
    ),
  ]);
  const warnRow = d.nextRow();
  d.row([]);
  d.blank();

  const columns: ColumnSpec<PostCosting>[] = [
    ...postIdentityColumns(),
    {
      key: "point",
      header: "Full-time salary",
      width: 14,
      format: "money",
      cell: (pc) => num(pc.years[0].fteSalary || pc.pay.startSalary, "money"),
    },
  ];
  const money = (
    key: "salary" | "ni" | "pension" | "levy" | "flatOnCost" | "total",
    header: string
  ): ColumnSpec<PostCosting> => ({
    key,
    header,
    width: 14,
    format: "money",
    totalDecimals: 2,
    // Live mode (issue 7) can set `live` here from pc.post.cells.
    cell: (pc) => num(pc.years[0][key], "money"),
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
  const table = d.table("EstablishmentCost", columns, costing.posts, {
    totalLabel: "Total",
    emptyText: "No posts",
  });
  const totalRow = (table.totalRow as number) + 1;
  const totalLetter = table.letters.total;
  const width = columns.length;
  const at = (key: string, value: CellInput, first: CellInput, second: CellInput = null) => {
    const cells: CellInput[] = new Array(width).fill(null);
    cells[0] = first;
    cells[1] = second;
    cells[columns.findIndex((c) => c.key === key)] = value;
    return d.row(cells) + 1;
  };
  const vacancyRow = d.nextRow() + 1;
  at(
    "total",
    formula(
      `=-ROUND(${totalLetter}${totalRow}*$B$${vacancyRow},2)`,
      deduction(costing.vacancy.byYear[0]),
      "money"
    ),
    text("Less vacancy factor", "total"),
    num(costing.vacancy.rate, "percent", "input")
  );
  at(
    "total",
    formula(
      `=ROUND(${totalLetter}${totalRow}+${totalLetter}${vacancyRow},2)`,
      costing.netByYear[0],
      "money",
      "total"
    ),
    text("Net cost after vacancy factor", "total")
  );

  // Reconciliation with the source's TOTAL row.
  d.blank();
  d.row([text("Reconciliation with the source table", "subtitle")]);
  d.row([
    text("", "header"),
    text("Posts costed", "header"),
    text("Source total row", "header"),
    text("Difference", "header"),
  ]);
  const recon = reconcilingTotal(establishment.totals);
  const reconWarnings: string[] = [];
  const reconLine = (
    what: "FTE" | "Headcount",
    ours: number,
    theirs: number | undefined,
    letter: string,
    dp: number
  ) => {
    const r = d.nextRow() + 1;
    const diff = theirs === undefined ? undefined : roundTo(ours - theirs, dp);
    d.row([
      text(what),
      formula(`=${letter}${totalRow}`, ours, what === "FTE" ? "fte" : "integer"),
      theirs === undefined ? text("none") : num(theirs, what === "FTE" ? "fte" : "integer"),
      theirs === undefined
        ? null
        : formula(`=ROUND(B${r}-C${r},${dp})`, diff as number, what === "FTE" ? "fte" : "integer"),
    ]);
    if (diff !== undefined && diff !== 0) {
      reconWarnings.push(
        `${what} of the posts costed (${formatNumber(ours, dp)}) differs from the source's "${recon?.label}" row (${formatNumber(theirs as number, dp)}) by ${formatNumber(diff, dp)}.`
      );
    }
  };
  reconLine("FTE", table.totals.fte, recon?.fte, table.letters.fte, 6);
  reconLine("Headcount", table.totals.people, recon?.headcount, table.letters.people, 6);
  if (!recon) d.row([text("The source table has no TOTAL row to reconcile with.", "note")]);
  for (const w of reconWarnings) d.row([text(`WARNING: ${w}`, "warning")]);
  if (guessed > 0) {
    d.row([
      text(
        `${guessed} row${guessed === 1 ? " has" : "s have"} no headcount: the FTE rounded up is shown and used for NI.`,
        "note"
      ),
    ]);
  }
  warnings.unshift(...reconWarnings);

  d.blank();
  const notes = [
    "How this was calculated",
    `The cost of each post in ${label} (1 April to 31 March), month by month; posts with start or end dates inside the year cost that part of it, by days.`,
    `Salary = full-time salary at the ${a.costingPoint === "mid" ? "mid-point" : a.costingPoint === "actual" ? "post-holder's actual point" : `${a.costingPoint} of the grade`} × FTE; "Full-time salary" shows the rate in force at the year's end (after any increment).`,
    flat
      ? `On-costs: one flat ${pct(a.flatOnCostRate)} of salary in place of employer NI, pension and levy.`
      : `Employer NI per person per month above the ${label} secondary threshold (people = headcount, or FTE rounded up); pension at the row's rate or ${pct(a.pensionRate)}; ${a.apprenticeshipLevy ? "apprenticeship levy 0.5% of salary" : "no apprenticeship levy"}.`,
    "Each figure is rounded to the penny; a post's total is the sum of its rounded figures; totals are SUMs of the figures shown.",
    `The vacancy factor (${pct(a.vacancyFactor)}) is taken off the total as its own line.`,
    "See docs/methodology.md for every rule.",
  ];
  notes.forEach((l, i) => d.row([text(l, i === 0 ? "subtitle" : "note")]));
  if (warnings.length > 0) {
    d.blank();
    d.row([text("Warnings", "subtitle")]);
    warnings.forEach((w) => d.row([text(w, "warning")]));
  }

  const sheet = d.toSpec("cost", sheetName, { freeze: { rows: 0, columns: 1 }, minWidths: [32] });
  if (warnings.length > 0) {
    const more =
      warnings.length > 1 ? ` (and ${warnings.length - 1} more under "Warnings" below)` : "";
    sheet.cells[warnRow].push(text(`WARNING: ${warnings[0]}${more}`, "warning"));
  }

  const figures: SummaryFigure[] = [
    { label: "Headcount", value: headcountTotal, format: "integer" },
    { label: "FTE", value: fteTotal, format: "fte" },
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
  return { sheet, summary: { key: "cost", sheetName, headline, figures, warnings } };
}
