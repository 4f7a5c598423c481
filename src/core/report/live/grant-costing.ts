import { grantPosts } from "../grant-costing";
import type { NumberCell, SheetSpec } from "../sheet-spec";
import {
  cellText,
  FIGURE_ARG,
  tableRows,
  type Figure,
  type LiveOutcome,
  type LiveSource,
} from "./common";
import { profileYearFormula, profileYears } from "./formulas";
import { gradeRangePay, paidFromGrade } from "./pay";

/** The figure each detail column of the Grant Costing sheet shows, by the label after the FY. */
const GRANT_DETAIL_HEADERS: ReadonlyArray<[RegExp, Figure]> = [
  [/^salary$/, "salary"],
  [/^employer NI$/, "ni"],
  [/^employer pension$/, "pension"],
  [/^apprenticeship levy$/, "levy"],
  [/^on-costs \(flat /, "flatOnCost"],
  [/^total cost$/, "total"],
];

/**
 * Grant Costing sheet: each post's total cost in each FY of the window (GrantCostPerPost)
 * and its salary, NI, pension and levy (or flat on-costs) in each FY (GrantCostDetail),
 * all as INDEX(ESTAB.PROFILE(…, figure, …), 1, k) over the post's cells.
 */
export function liveGrantCosting(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  const { establishment: est, assumptions: a } = source;
  if (!est)
    return { sheet, liveCells: 0, notLive: ["No establishment given to point the formulas at"] };
  if (!tableRows(sheet, "GrantCostPerPost"))
    return { sheet, liveCells: 0, notLive: ["The sheet has no GrantCostPerPost table"] };
  const cells = sheet.cells.map((r) => [...r]);
  const notLive: string[] = [];
  let liveCells = 0;
  for (const name of ["GrantCostPerPost", "GrantCostDetail"]) {
    const rows = tableRows(sheet, name);
    if (!rows) continue;
    // Each column's figure and year k of the window, from its header ("2025/26 employer NI").
    const columns: Array<[number, Figure, number]> = [];
    (sheet.cells[rows.header] ?? []).forEach((c, j) => {
      const m = /^(\d{4}\/\d{2}) (.+)$/.exec(cellText(c).trim());
      const fy = m ? Number(m[1].slice(0, 4)) : NaN;
      const hit = m && GRANT_DETAIL_HEADERS.find(([re]) => re.test(m[2]));
      if (hit && fy >= a.firstYear && fy < a.firstYear + a.years)
        columns.push([j, hit[1], fy - a.firstYear + 1]);
    });
    // Rows are matched to posts by title and post ID, so grouping or ordering on the sheet does not matter.
    const unused = [...grantPosts(est, a)];
    for (let r = rows.first; r <= rows.last; r++) {
      const title = cellText(cells[r][0]);
      const id = cellText(cells[r][1]);
      const at = unused.findIndex((p) => p.title === title && (p.postId ?? "") === id);
      if (at < 0) continue;
      const [post] = unused.splice(at, 1);
      const grade = paidFromGrade(post, a) ? gradeRangePay(est, post, a) : undefined;
      const range = typeof grade === "string" ? undefined : grade;
      const years = range || post.salary !== undefined ? profileYears(post, a, range) : undefined;
      for (const [j, figure, k] of columns) {
        const cell = cells[r][j];
        if (!cell || cell.kind !== "number") continue;
        const live =
          typeof grade === "string"
            ? undefined
            : profileYearFormula(est, post, a, k, range, figure);
        let reason: string | undefined;
        if (typeof grade === "string") reason = `pay from the grade: ${grade}`;
        else if (!live) reason = "no salary or FTE cell in the source table";
        else if (!years || years[k - 1]?.[figure] !== cell.value)
          reason = range
            ? "the grade range formula would not give the sheet's figure (a pay scales table?)"
            : "pay comes from the grade or pay scales, which the formula does not read";
        if (reason || !live) {
          notLive.push(
            `${post.title} (row ${post.sourceRow + 1}) year ${k} ${FIGURE_ARG[figure]}: ${reason}`
          );
          continue;
        }
        cells[r][j] = { ...cell, live } satisfies NumberCell;
        liveCells++;
      }
    }
  }
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}
