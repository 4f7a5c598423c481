import { grantPosts } from "../../model";
import type { SheetSpec } from "../sheet-spec";
import {
  cellText,
  columnByHeader,
  FIGURE_ARG,
  setLive,
  tableRows,
  type Figure,
  type LiveOutcome,
  type LiveSource,
} from "./common";
import { formula } from "../expr";
import { settingsTableArg } from "../assumption-cells";
import { hasReason, identityDefinition } from "../post-inputs";
import { profileYearFormula, profileYears } from "./formulas";
import { payOf } from "./pay";

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
 * Grant Costing sheet: each post's FTE and headcount, its total cost in each FY of the
 * window (GrantCostPerPost) and its salary, NI, pension and levy (or flat on-costs) in
 * each FY (GrantCostDetail), the costs as INDEX(ESTAB.PROFILE(…, figure, …), 1, k) over
 * the post's cells and, for a post that moves up a grade, the grade's points.
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
    const identity = [
      [columnByHeader(sheet, rows.header, "FTE"), "fte"],
      [columnByHeader(sheet, rows.header, "Headcount"), "headcount"],
    ] as const;
    // Rows are matched to posts by title and post ID, so grouping or ordering on the sheet does not matter.
    const unused = [...grantPosts(est, a.grant.name)];
    // The Assumptions sheet's settings block, awards included, so its edits are followed.
    const table = settingsTableArg(source.assumptionCells);
    for (let r = rows.first; r <= rows.last; r++) {
      const title = cellText(cells[r][0]);
      const id = cellText(cells[r][1]);
      const at = unused.findIndex((p) => p.title === title && (p.postId ?? "") === id);
      if (at < 0) continue;
      const [post] = unused.splice(at, 1);
      const postName = `${post.title} (row ${post.sourceRow + 1})`;
      for (const [j, what] of identity) {
        const c = j >= 0 ? cells[r][j] : undefined;
        if (!c || c.kind !== "number") continue;
        const d = identityDefinition(est, post, what, c.value, source.textCell);
        const outcome = hasReason(d) ? d : { live: `=${formula(d)}` };
        if (setLive(cells, r, j, outcome, `${postName} ${what}`, notLive)) liveCells++;
      }
      // The exit-cost contingency is weeks of the salary rate at the grant's end, after the
      // increments and awards of the window: a rate no function gives, so it stays a value.
      const exit = (sheet.cells[rows.header] ?? []).findIndex((c) =>
        cellText(c).startsWith("Exit-cost contingency")
      );
      if (exit >= 0 && cells[r][exit]?.kind === "number")
        notLive.push(
          `${postName} exit-cost contingency: weeks of the salary rate at the grant's end, which no function gives`
        );
      const pay = payOf(est, post, a, source.payScales, source.textCell);
      // A post on a grade needs its points to move up it; without them the profile cannot follow.
      const blocked =
        typeof pay === "string"
          ? `pay: ${pay}`
          : pay.source !== "salary" && pay.points === undefined
            ? `pay from the pay scales, ${pay.pointsReason ?? "no points"}`
            : undefined;
      const years = blocked || typeof pay === "string" ? undefined : profileYears(post, a, pay);
      for (const [j, figure, k] of columns) {
        const cell = cells[r][j];
        if (!cell || cell.kind !== "number") continue;
        const live =
          years && typeof pay !== "string"
            ? profileYearFormula(est, post, a, k, pay, figure, table)
            : undefined;
        const reason = blocked
          ? blocked
          : !live
            ? "no FTE cell in the source table"
            : years?.[k - 1]?.[figure] !== cell.value
              ? "ESTAB.PROFILE would not give the sheet's figure"
              : undefined;
        const outcome = reason || !live ? { reason: reason ?? "" } : { live };
        if (setLive(cells, r, j, outcome, `${postName} year ${k} ${FIGURE_ARG[figure]}`, notLive))
          liveCells++;
      }
    }
  }
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}
