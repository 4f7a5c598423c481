import type { NumberCell, SheetSpec } from "../sheet-spec";
import {
  cellText,
  FIGURE_ARG,
  settingsConstant,
  tableRows,
  type Figure,
  type LiveOutcome,
  type LiveSource,
} from "./common";
import { postCostFormula, postCostValue } from "./formulas";
import { gradeRangePay, paidFromGrade } from "./pay";

/** The figure each money column of the Establishment Cost table shows, by its header. */
const COST_HEADERS: ReadonlyArray<[RegExp, Figure]> = [
  [/^salary$/i, "salary"],
  [/^employer ni$/i, "ni"],
  [/^employer pension$/i, "pension"],
  [/^apprenticeship levy$/i, "levy"],
  [/^on-costs/i, "flatOnCost"],
  [/^total cost$/i, "total"],
];

/** Establishment Cost sheet: each post's salary, NI, pension, levy and total for the year. */
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
  const settings = settingsConstant(a);
  const cells = sheet.cells.map((r) => [...r]);
  let liveCells = 0;
  est.posts.forEach((post, i) => {
    const r = rows.first + i;
    if (r > rows.last) return;
    // From the grade range: the salary argument is the costing point over the min/max cells.
    const grade = paidFromGrade(post, a) ? gradeRangePay(est, post, a) : undefined;
    for (const [j, figure] of figureColumns) {
      const cell = cells[r][j];
      if (!cell || cell.kind !== "number") continue;
      let reason: string | undefined;
      let live: string | undefined;
      if (typeof grade === "string") reason = `pay from the grade: ${grade}`;
      else if (grade) {
        live = postCostFormula(est, post, a.firstYear, figure, settings, grade.salary);
        if (!live) reason = "no FTE cell in the source table";
        else if (postCostValue(post, a.firstYear, figure, a, grade.salaryValue) !== cell.value)
          reason =
            "the grade range formula would not give the sheet's figure (a pay scales table?)";
      } else {
        live = postCostFormula(est, post, a.firstYear, figure, settings);
        if (!live) reason = "no salary or FTE cell in the source table";
        else if (
          post.salary === undefined ||
          postCostValue(post, a.firstYear, figure, a) !== cell.value
        )
          reason = "pay comes from the grade or pay scales, which ESTAB.POSTCOST does not read";
      }
      if (reason || !live) {
        notLive.push(`${post.title} (row ${post.sourceRow + 1}) ${FIGURE_ARG[figure]}: ${reason}`);
        continue;
      }
      cells[r][j] = { ...cell, live } satisfies NumberCell;
      liveCells++;
    }
  });
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}
