import { agencyAnnualCost, FULL_TIME_HOURS, proposedPostOf } from "../../changes";
import { postCostInYear } from "../../costing";
import { financialYearLabel, financialYearOf } from "../../dates";
import { columnLetters, parseRangeA1, quoteSheetName } from "../../grid";
import type { Post, PostField } from "../../model";
import type { NumberCell, SheetSpec } from "../sheet-spec";
import {
  cellText,
  columnByHeader,
  ifBlank,
  numberText,
  quoted,
  refTo,
  settingsConstant,
  settingsOf,
  tableRows,
  type LiveOutcome,
  type LiveSource,
} from "./common";
import { gradeRangePay, paidFromGrade } from "./pay";

/**
 * Restructure sheet: each post's cost now and proposed (a year), and the change between
 * them (full year and, with an implementation date, part year). The proposed side reads
 * the proposed FTE and salary cells where the table has them, falling back to the current
 * ones as the core does; headcount scales with FTE, rounded up.
 */
export function liveRestructure(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  const { establishment: est, assumptions: a } = source;
  if (!est)
    return { sheet, liveCells: 0, notLive: ["No establishment given to point the formulas at"] };
  const rows = tableRows(sheet, "RestructurePosts");
  if (!rows) return { sheet, liveCells: 0, notLive: ["The sheet has no RestructurePosts table"] };
  const col = (h: string) => columnByHeader(sheet, rows.header, h);
  const [nowCol, proposedCol, changeCol, partCol, titleCol] = [
    col("Cost now (a year)"),
    col("Cost proposed (a year)"),
    col("Change (full year)"),
    col("Change (part year)"),
    col("Post"),
  ];
  const letter = (c: number) => columnLetters(c);
  const settings = settingsConstant(a);
  const cells = sheet.cells.map((r) => [...r]);
  const notLive: string[] = [];
  let liveCells = 0;
  const setLive = (
    r: number,
    c: number,
    live: string | undefined,
    expected: number | undefined,
    what: string,
    post: Post,
    reason?: string
  ) => {
    const cell = c >= 0 ? cells[r][c] : undefined;
    if (!cell || cell.kind !== "number") return false;
    if (!live || expected === undefined || expected !== cell.value) {
      notLive.push(
        `${post.title} (row ${post.sourceRow + 1}) ${what}: ${reason ?? "the formula would not give the sheet's figure"}`
      );
      return false;
    }
    cells[r][c] = { ...cell, live } satisfies NumberCell;
    liveCells++;
    return true;
  };
  // A whole year of the structure, in the FY it takes effect (the first FY without a date).
  const year =
    a.implementationDate !== undefined ? financialYearOf(a.implementationDate) : a.firstYear;
  const fy = quoted(financialYearLabel(year));
  /** What ESTAB.POSTCOST gives for a whole year (no start or end date). */
  const employedCost = (p: Post, salary: number): number | undefined => {
    try {
      return postCostInYear(
        { salary, fte: p.fte, headcount: p.headcount, pensionRate: p.pensionRate },
        year,
        settingsOf(a)
      ).total;
    } catch {
      return undefined;
    }
  };
  /**
   * A side's pay as the engine prices it: the costing point over the grade's min/max cells
   * (paidFromGrade), else its salary (`salaryExpr`); a reason when neither can be written.
   */
  const payOf = (
    p: Post,
    salaryExpr: string | undefined
  ): { expr: string; value: number } | string => {
    if (paidFromGrade(p, a)) {
      const g = gradeRangePay(est, p, a);
      return typeof g === "string"
        ? `pay from the grade: ${g}`
        : { expr: g.salary, value: g.salaryValue };
    }
    if (p.salary === undefined || !salaryExpr)
      return "no salary and no grade minimum and maximum: priced from a pay scale";
    return { expr: salaryExpr, value: p.salary };
  };
  const agencyFormula = (
    post: Post,
    fteExpr: string | undefined,
    fteValue: number
  ): { live: string; value: number } | undefined => {
    // An agency row costs hourly rate × hours × weeks; no hours: FTE × a full-time week.
    const rate = refTo(est, post, "agencyHourlyRate");
    const fullTime = fteExpr ? `${fteExpr}*${FULL_TIME_HOURS}` : undefined;
    const hoursCell = refTo(est, post, "hoursPerWeek");
    const hours = hoursCell && fullTime ? ifBlank(hoursCell, fullTime) : (hoursCell ?? fullTime);
    if (!rate || !hours || post.agencyHourlyRate === undefined) return undefined;
    return {
      live: `=ESTAB.AGENCYCOST(${rate},${hours},${numberText(a.agencyWeeksPerYear)})`,
      value: agencyAnnualCost(
        post.agencyHourlyRate,
        post.hoursPerWeek ?? fteValue * FULL_TIME_HOURS,
        a.agencyWeeksPerYear
      ),
    };
  };
  // The Proposed FTE column, if any post has a figure in it: a blank cell there reads as 0.
  const proposedFteColumn = est.posts.map((p) => p.cells.proposedFte).find((x) => x !== undefined);
  const proposedFteRefOf = (post: Post): string | undefined => {
    if (post.cells.proposedFte) return refTo(est, post, "proposedFte");
    const anyCell = Object.values(post.cells).find((x) => x !== undefined);
    if (!proposedFteColumn || !anyCell) return undefined;
    const column = columnLetters(parseRangeA1(proposedFteColumn).start.column);
    return `${quoteSheetName(est.sheet)}!${column}${parseRangeA1(anyCell).start.row + 1}`;
  };
  est.posts.forEach((post, i) => {
    const r = rows.first + i;
    if (r > rows.last || cellText(cells[r][titleCol]) !== post.title) return;
    const ref = (...f: PostField[]) => refTo(est, post, ...f);
    const salary = ref("salary");
    const fte = ref("fte", "currentFte");
    const pension = ref("pensionRate") ?? "";
    const headcount = ref("headcount");
    const postCost = (salaryExpr: string, fteExpr: string, headExpr: string) =>
      `=ESTAB.POSTCOST(${salaryExpr},${fteExpr},${fy},${headExpr},,,${pension},"total"${settings ? `,${settings}` : ""})`;
    let nowLive: string | undefined;
    let nowValue: number | undefined;
    let nowReason: string | undefined;
    const agencyNow =
      post.contractType === "agency" ? agencyFormula(post, fte, post.fte) : undefined;
    if (agencyNow) {
      nowLive = agencyNow.live;
      nowValue = agencyNow.value;
    } else if (fte) {
      const pay = payOf(post, salary);
      if (typeof pay === "string") nowReason = pay;
      else {
        nowLive = postCost(pay.expr, fte, headcount ?? "");
        nowValue = employedCost(post, pay.value);
      }
    }
    const nowDone = setLive(r, nowCol, nowLive, nowValue, "cost now", post, nowReason);
    // Cost proposed: as proposedPostOf derives it (proposed FTE, grade, salary and contract).
    const proposed = proposedPostOf(post);
    const gradeChanged = proposed.grade !== post.grade;
    // The proposed FTE as the reader takes it: the Proposed FTE cell, blank being 0 (a
    // deleted post); with no Proposed FTE column, the current FTE. A post given with no
    // proposed FTE beside a blank cell keeps its current FTE, as proposedFteOf does.
    const proposedFteCell = proposedFteRefOf(post);
    const fteExpr = !proposedFteCell
      ? fte
      : post.proposedFte === undefined && fte
        ? ifBlank(proposedFteCell, fte)
        : `N(${proposedFteCell})`;
    const fteRead = proposedFteCell ? (post.proposedFte ?? post.fte) : post.fte;
    let proposedLive: string | undefined;
    let proposedValue: number | undefined;
    let proposedReason: string | undefined;
    const agencyProposed =
      proposed.contractType === "agency" ? agencyFormula(post, fteExpr, proposed.fte) : undefined;
    if (agencyProposed) {
      proposedLive = agencyProposed.live;
      proposedValue = agencyProposed.value;
    } else if (fte && fteExpr) {
      // A regrade drops the current salary: only the proposed salary cell prices it.
      const proposedSalary = ref("proposedSalary");
      const salaryExpr = gradeChanged
        ? proposedSalary
        : proposedSalary && salary
          ? ifBlank(proposedSalary, salary)
          : (proposedSalary ?? salary);
      const pay = payOf(proposed, salaryExpr);
      // 3 people on 1.5 FTE becoming 1.0 FTE are 2 people: the headcount scales with FTE,
      // rounded up (1E-9 written out in full: HyperFormula does not read exponents).
      const headExpr =
        headcount && proposedFteCell
          ? `IF(OR(LEN(${headcount})=0,N(${fte})=0),"",MAX(1,ROUNDUP(${headcount}*${fteExpr}/${fte}-0.000000001,0)))`
          : (headcount ?? "");
      // The headcount that formula gives (a new post, no current FTE: none, as proposedPostOf).
      const headRead =
        post.headcount === undefined || !proposedFteCell
          ? post.headcount
          : post.fte > 0
            ? Math.max(1, Math.ceil((post.headcount * fteRead) / post.fte - 1e-9))
            : undefined;
      if (typeof pay === "string")
        proposedReason = gradeChanged ? `regraded with no proposed salary: ${pay}` : pay;
      else if (fteRead !== proposed.fte || headRead !== proposed.headcount)
        proposedReason = "the proposed FTE or headcount is not what the formula would read";
      else {
        proposedLive = postCost(pay.expr, fteExpr, headExpr);
        proposedValue = employedCost({ ...proposed, fte: fteRead, headcount: headRead }, pay.value);
      }
    }
    const proposedDone = setLive(
      r,
      proposedCol,
      proposedLive,
      proposedValue,
      "cost proposed",
      post,
      proposedReason
    );
    if (nowDone && proposedDone) {
      const change = `ROUND(${letter(proposedCol)}${r + 1}-${letter(nowCol)}${r + 1},2)`;
      const changeCell = cells[r][changeCol];
      if (changeCell && changeCell.kind === "number") {
        cells[r][changeCol] = { ...changeCell, live: `=${change}` } satisfies NumberCell;
        liveCells++;
      }
      const partCell = partCol >= 0 ? cells[r][partCol] : undefined;
      if (partCell && partCell.kind === "number" && a.implementationDate !== undefined) {
        const date = numberText(a.implementationDate);
        cells[r][partCol] = {
          ...partCell,
          live: `=ROUND(${letter(changeCol)}${r + 1}*ESTAB.FYFRACTION(${date},,${date}),2)`,
        } satisfies NumberCell;
        liveCells++;
      }
    }
  });
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}
