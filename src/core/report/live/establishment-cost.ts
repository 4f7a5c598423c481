import { quoteSheetName } from "../../grid";
import { reconcilingTotal } from "../establishment-cost";
import type { SheetSpec, SpecCell } from "../sheet-spec";
import type { Establishment, Post } from "../../model";
import {
  cellRef,
  cellText,
  columnByHeader,
  FIGURE_ARG,
  postTextReason,
  refTo,
  settingsConstant,
  tableRows,
  textNumberReason,
  setLive,
  type Figure,
  type Live,
  type LiveOutcome,
  type LiveSource,
  type TextCell,
} from "./common";
import { postCostFormula, postCostValue } from "./formulas";
import { payOf } from "./pay";

/** The figure each money column of the Establishment Cost table shows, by its header. */
const COST_HEADERS: ReadonlyArray<[RegExp, Figure]> = [
  [/^salary$/i, "salary"],
  [/^employer ni$/i, "ni"],
  [/^employer pension$/i, "pension"],
  [/^apprenticeship levy$/i, "levy"],
  [/^on-costs/i, "flatOnCost"],
  [/^total cost$/i, "total"],
];

/**
 * FTE and headcount as the costing sheets show them, over the post's cells: the FTE cell;
 * the headcount cell, or where the table gives none (blank or 0) the people the engine
 * costs (peopleFor): the FTE rounded up, at least 1, and 0 for no FTE. A cell these show
 * or do arithmetic on that holds text ("1.0") leaves the figure a value, saying so.
 */
export function identityLive(
  est: Establishment,
  post: Post,
  what: "fte" | "headcount",
  value: number,
  textCell?: TextCell
): Live {
  const fte = refTo(est, post, "fte", "currentFte");
  if (!fte) return { reason: "no FTE cell in the source table" };
  const text = (...fields: Array<"fte" | "headcount">): Live | undefined => {
    const reason = postTextReason(textCell, est, post, ...fields);
    return reason ? { reason } : undefined;
  };
  if (what === "fte")
    return post.fte === value
      ? (text("fte") ?? { live: `=${fte}` })
      : { reason: "not the source's FTE" };
  const hc = cellRef(est, post, "headcount");
  const given = post.headcount;
  if (given !== undefined && Number.isFinite(given) && given > 0) {
    if (!hc) return { reason: "no headcount cell in the source table" };
    return given === value
      ? (text("headcount") ?? { live: `=${hc}` })
      : { reason: "not the source's headcount" };
  }
  // 1e-9 as peopleFor: an FTE of 2.0000000001 read from a sheet is two people, not three.
  const people = post.fte > 0 ? Math.max(1, Math.ceil(post.fte - 1e-9)) : 0;
  if (people !== value) return { reason: "not the people the engine costs" };
  // N(headcount) reads a headcount typed as text as 0; FTE arithmetic over text is #VALUE!.
  const blocked = text("headcount", "fte");
  if (blocked) return blocked;
  const fromFte = `IF(${fte}>0,MAX(1,ROUNDUP(${fte}-0.000000001,0)),0)`;
  return { live: hc ? `=IF(N(${hc})>0,${hc},${fromFte})` : `=${fromFte}` };
}

/** A full-time salary cell: a bare cell is read as the cost formulas read it (text money too). */
export const fullTimeSalaryFormula = (salary: string): string =>
  /^(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Z]+\$?\d+$/.test(salary)
    ? `=ESTAB.SALARY(${salary},1,0)`
    : `=${salary}`;

/**
 * Establishment Cost sheet: each post's FTE, headcount, full-time salary, and salary, NI,
 * pension, levy and total for the year; the source TOTAL row's FTE and headcount.
 */
export function liveEstablishmentCost(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  const { establishment: est, assumptions: a } = source;
  if (!est)
    return { sheet, liveCells: 0, notLive: ["No establishment given to point the formulas at"] };
  const notLive: string[] = [];
  const rows = tableRows(sheet, "EstablishmentCost");
  if (!rows) return { sheet, liveCells: 0, notLive: ["The sheet has no EstablishmentCost table"] };
  const headerRow = sheet.cells[rows.header] ?? [];
  const figureColumns: Array<[number, Figure]> = [];
  headerRow.forEach((c, j) => {
    const hit = COST_HEADERS.find(([re]) => re.test(cellText(c).trim()));
    if (hit) figureColumns.push([j, hit[1]]);
  });
  const fteCol = columnByHeader(sheet, rows.header, "FTE");
  const peopleCol = columnByHeader(sheet, rows.header, "Headcount");
  const salaryCol = columnByHeader(sheet, rows.header, "Full-time salary");
  const settings = settingsConstant(a);
  const cells = sheet.cells.map((r) => [...r]);
  let liveCells = 0;
  const number = (r: number, j: number): number | undefined => {
    const c = cells[r]?.[j];
    return c && c.kind === "number" ? c.value : undefined;
  };
  est.posts.forEach((post, i) => {
    const r = rows.first + i;
    if (r > rows.last || cellText(cells[r][0]) !== post.title) return;
    const name = `${post.title} (row ${post.sourceRow + 1})`;
    for (const [j, what] of [
      [fteCol, "fte"],
      [peopleCol, "headcount"],
    ] as const) {
      const value = number(r, j);
      if (value === undefined) continue;
      const outcome = identityLive(est, post, what, value, source.textCell);
      if (setLive(cells, r, j, outcome, `${name} ${what}`, notLive)) liveCells++;
    }
    // The pay the engine prices the post at: salary cell, grade range or pay scale cell.
    const pay = payOf(est, post, a, source.payScales, source.textCell);
    const fullTime = number(r, salaryCol);
    if (fullTime !== undefined) {
      const live: Live =
        typeof pay === "string"
          ? { reason: pay }
          : pay.salaryValue === fullTime
            ? { live: fullTimeSalaryFormula(pay.salary) }
            : {
                reason:
                  "the salary the formulas read is not the rate shown (an increment in the year?)",
              };
      if (setLive(cells, r, salaryCol, live, `${name} full-time salary`, notLive)) liveCells++;
    }
    for (const [j, figure] of figureColumns) {
      const value = number(r, j);
      if (value === undefined) continue;
      let live: Live;
      if (typeof pay === "string") live = { reason: `pay: ${pay}` };
      else {
        const formula = postCostFormula(est, post, a.firstYear, figure, settings, pay.salary, true);
        if (!formula) live = { reason: "no FTE cell in the source table" };
        else if (postCostValue(post, a.firstYear, figure, a, pay.salaryValue) !== value)
          live = {
            reason: `ESTAB.POSTCOST would not give the sheet's figure (pay from the ${pay.source}: an increment or a date in the year?)`,
          };
        else live = { live: formula };
      }
      if (setLive(cells, r, j, live, `${name} ${FIGURE_ARG[figure]}`, notLive)) liveCells++;
    }
  });
  liveCells += liveReconciliation(cells, est, notLive, source.textCell);
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}

/**
 * The reconciliation block's "Source total row" figures as references to the source's
 * TOTAL row (the one the builder reconciled with), where it records their cells.
 */
function liveReconciliation(
  cells: Array<Array<SpecCell | null>>,
  est: Establishment,
  notLive: string[],
  textCell?: TextCell
): number {
  const header = cells.findIndex(
    (row) => cellText(row[1]) === "Posts costed" && cellText(row[2]) === "Source total row"
  );
  const total = reconcilingTotal(est.totals);
  if (header < 0 || !total) return 0;
  let live = 0;
  for (let r = header + 1; r <= header + 2; r++) {
    const what = cellText(cells[r]?.[0]);
    const c = cells[r]?.[2];
    if (!c || c.kind !== "number" || (what !== "FTE" && what !== "Headcount")) continue;
    const cell =
      what === "FTE" ? (total.cells.fte ?? total.cells.currentFte) : total.cells.headcount;
    const value = what === "FTE" ? total.fte : total.headcount;
    const text = textNumberReason(textCell, [
      {
        sheet: est.sheet,
        address: cell,
        what: what === "FTE" ? "total FTE" : "total headcount",
        value,
      },
    ]);
    const outcome: Live =
      cell && value === c.value
        ? text
          ? { reason: text }
          : { live: `=${quoteSheetName(est.sheet)}!${cell}` }
        : { reason: "no cell recorded for it" };
    if (setLive(cells, r, 2, outcome, `Source total row ${what}`, notLive)) live++;
  }
  return live;
}
