import { agencyAnnualCost, FULL_TIME_HOURS, proposedFteOf, proposedPostOf } from "../../changes";
import { roundPenny, roundTo } from "../../money";
import { postCostInYear } from "../../costing";
import { financialYearLabel, financialYearOf } from "../../dates";
import { columnLetters, parseRangeA1, quoteSheetName } from "../../grid";
import type { Post, PostField } from "../../model";
import type { NumberCell, SheetSpec } from "../sheet-spec";
import { assumptionCell } from "../assumption-cells";
import { formula } from "../expr";
import {
  cellText,
  columnByHeader,
  ifBlank,
  numberText,
  postTextReason,
  quoted,
  refTo,
  assumptionArg,
  costSettingsArg,
  settingsOf,
  setLive,
  tableRows,
  type Live,
  type LiveOutcome,
  type LiveSource,
} from "./common";
import { payOf } from "./pay";

/**
 * Restructure sheet: each post's cost now and proposed (a year), and the change between
 * them (full year and, with an implementation date, part year). The proposed side reads
 * the proposed FTE and salary cells where the table has them, falling back to the current
 * ones as the core does; headcount scales with FTE, rounded up.
 */
/** FTE figures are to 6 decimal places, as the core keeps them. */
const FTE_DP = 6;

export function liveRestructure(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  const { establishment: est, assumptions: a } = source;
  if (!est)
    return { sheet, liveCells: 0, notLive: ["No establishment given to point the formulas at"] };
  const rows = tableRows(sheet, "RestructurePosts");
  if (!rows) return { sheet, liveCells: 0, notLive: ["The sheet has no RestructurePosts table"] };
  const col = (h: string) => columnByHeader(sheet, rows.header, h);
  const [fteNowCol, fteProposedCol, fteChangeCol] = [
    col("FTE now"),
    col("FTE proposed"),
    col("FTE change"),
  ];
  const [nowCol, proposedCol, changeCol, partCol, titleCol] = [
    col("Cost now (a year)"),
    col("Cost proposed (a year)"),
    col("Change (full year)"),
    col("Change (part year)"),
    col("Post"),
  ];
  const letter = (c: number) => columnLetters(c);
  /** Why a formula using these cells of the post as numbers cannot be live (one holds text). */
  const textIn = (post: Post, ...fields: PostField[]) =>
    postTextReason(source.textCell, est, post, ...fields);
  const settings = costSettingsArg(source.assumptionCells, a);
  // Weeks a year of agency pay: the Assumptions sheet's cell, so an edit there is followed.
  const weeks = assumptionArg(source.assumptionCells, "agencyWeeksPerYear", a.agencyWeeksPerYear);
  const cells = sheet.cells.map((r) => [...r]);
  const notLive: string[] = [];
  let liveCells = 0;
  /** A post's cell: live when the formula gives exactly `expected`, the written value. */
  const setPostLive = (
    r: number,
    c: number,
    live: string | undefined,
    expected: number | undefined,
    what: string,
    post: Post,
    reason?: string
  ): boolean => {
    const outcome: Live =
      live && expected !== undefined
        ? { live }
        : { reason: reason ?? "the formula would not give the sheet's figure" };
    const label = `${post.title} (row ${post.sourceRow + 1}) ${what}`;
    const done = setLive(cells, r, c, outcome, label, notLive, expected);
    if (done) liveCells++;
    return done;
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
   * A side's pay as the engine prices it (payOf: the pay scales table for its grade, else
   * the grade's minimum and maximum, else its salary) in the structure's year, with the
   * salary cell read as `salaryExpr` (the proposed salary, or the current one when that is
   * blank); a reason when it cannot be written. payOf reads a post's salary cell, so the
   * post is given a placeholder cell there, replaced by `salaryExpr` afterwards.
   */
  const SALARY_MARK = "SALARY_EXPR";
  const markRef = `${quoteSheetName(est.sheet)}!${SALARY_MARK}`;
  const yearAssumptions = { ...a, firstYear: year };
  const priced = (
    p: Post,
    salaryExpr: string | undefined
  ): { expr: string; value: number } | string => {
    const cells = { ...p.cells, salary: salaryExpr ? SALARY_MARK : undefined };
    const pay = payOf(est, { ...p, cells }, yearAssumptions, source.payScales, source.textCell);
    if (typeof pay === "string") return pay;
    return { expr: pay.salary.split(markRef).join(salaryExpr ?? ""), value: pay.salaryValue };
  };
  /**
   * An agency row's weekly hours as the core reads them: the Hours cell, or FTE × a
   * full-time week when it is blank or there is none; with what that gives now, and
   * (`text`) why not while an FTE cell the multiplication reads (`fteFields`) holds text.
   */
  const agencyHours = (
    post: Post,
    fteExpr: string | undefined,
    fteValue: number,
    fteFields: PostField[]
  ): { expr: string; value: number; text?: string } | undefined => {
    const fullTime = fteExpr ? `${fteExpr}*${FULL_TIME_HOURS}` : undefined;
    const text = fullTime ? textIn(post, ...fteFields) : undefined;
    const hoursCell = refTo(est, post, "hoursPerWeek");
    if (hoursCell && fullTime)
      return {
        expr: ifBlank(hoursCell, fullTime),
        value: post.hoursPerWeek ?? fteValue * FULL_TIME_HOURS,
        text,
      };
    if (hoursCell)
      return post.hoursPerWeek === undefined
        ? undefined
        : { expr: hoursCell, value: post.hoursPerWeek };
    if (!fullTime || post.hoursPerWeek !== undefined) return undefined;
    return { expr: fullTime, value: fteValue * FULL_TIME_HOURS, text };
  };
  /** ESTAB.AGENCYCOST over the post's cells, why not (an FTE typed as text), or undefined. */
  const agencyFormula = (
    post: Post,
    fteExpr: string | undefined,
    fteValue: number,
    fteFields: PostField[]
  ): { live: string; value: number } | string | undefined => {
    // An agency row costs hourly rate × hours × weeks; no hours: FTE × a full-time week.
    const rate = refTo(est, post, "agencyHourlyRate");
    const hours = agencyHours(post, fteExpr, fteValue, fteFields);
    if (!rate || !hours || post.agencyHourlyRate === undefined) return undefined;
    // Rate and hours cells holding text are fine as arguments; FTE × 37 over text is not.
    if (hours.text) return hours.text;
    return {
      live: `=ESTAB.AGENCYCOST(${rate},${hours.expr},${weeks})`,
      value: agencyAnnualCost(post.agencyHourlyRate, hours.value, a.agencyWeeksPerYear),
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
  /** Each post's row on the sheet and what its live cells read, for the agency table. */
  const postRows = new Map<
    Post,
    { row: number; fteLive: boolean; fte?: string; fteRead: number; permanent?: string }
  >();
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
      post.contractType === "agency" ? agencyFormula(post, fte, post.fte, ["fte"]) : undefined;
    if (typeof agencyNow === "string") nowReason = agencyNow;
    else if (agencyNow) {
      nowLive = agencyNow.live;
      nowValue = agencyNow.value;
    } else if (fte) {
      const pay = priced(post, salary);
      if (typeof pay === "string") nowReason = pay;
      else {
        nowLive = postCost(pay.expr, fte, headcount ?? "");
        nowValue = employedCost(post, pay.value);
      }
    }
    const nowDone = setPostLive(r, nowCol, nowLive, nowValue, "cost now", post, nowReason);
    // Cost proposed: as proposedPostOf derives it (proposed FTE, grade, salary and contract).
    const proposed = proposedPostOf(post);
    const gradeChanged = proposed.grade !== post.grade;
    // The proposed FTE as the reader takes it: the Proposed FTE cell, blank being 0 (a
    // deleted post); with no Proposed FTE column, the current FTE. A post given with no
    // proposed FTE beside a blank cell keeps its current FTE, as proposedFteOf does.
    const proposedFteCell = proposedFteRefOf(post);
    // Through N() a proposed FTE typed as text reads as 0: then no formula shows or prices it.
    const viaN = proposedFteCell !== undefined && !(post.proposedFte === undefined && fte);
    const fteExpr = !proposedFteCell
      ? fte
      : viaN
        ? `N(${proposedFteCell})`
        : ifBlank(proposedFteCell, fte as string);
    const fteRead = proposedFteCell ? (post.proposedFte ?? post.fte) : post.fte;
    // The cells fteExpr reads.
    const fteFields: PostField[] = !proposedFteCell
      ? ["fte"]
      : viaN
        ? ["proposedFte"]
        : ["proposedFte", "fte"];
    // FTE now and proposed: the very expressions the cost formulas price.
    // A plain reference shows text as text, N() reads it as 0: such a cell stays a value.
    const fteNowText = textIn(post, "fte");
    const fteNowDone = setPostLive(
      r,
      fteNowCol,
      fte && !fteNowText ? `=${fte}` : undefined,
      post.fte,
      "FTE now",
      post,
      fte ? fteNowText : "no FTE cell"
    );
    const fteProposedText = textIn(post, ...fteFields);
    const fteProposedDone = setPostLive(
      r,
      fteProposedCol,
      fteExpr && !fteProposedText ? `=${fteExpr}` : undefined,
      fteRead,
      "FTE proposed",
      post,
      fteExpr ? fteProposedText : "no FTE cell"
    );
    if (fteNowDone && fteProposedDone)
      setPostLive(
        r,
        fteChangeCol,
        `=ROUND(${letter(fteProposedCol)}${r + 1}-${letter(fteNowCol)}${r + 1},${FTE_DP})`,
        roundTo(fteRead - post.fte, FTE_DP),
        "FTE change",
        post
      );
    let proposedLive: string | undefined;
    let proposedValue: number | undefined;
    let proposedReason: string | undefined;
    const agencyProposed =
      proposed.contractType === "agency"
        ? agencyFormula(post, fteExpr, proposed.fte, fteFields)
        : undefined;
    if (typeof agencyProposed === "string") proposedReason = agencyProposed;
    else if (agencyProposed) {
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
      const pay = priced(proposed, salaryExpr);
      // 3 people on 1.5 FTE becoming 1.0 FTE are 2 people: the headcount scales with FTE,
      // rounded up (1E-9 written out in full: HyperFormula does not read exponents).
      const headScales = headcount !== undefined && proposedFteCell !== undefined;
      const headExpr = headScales
        ? `IF(OR(LEN(${headcount})=0,N(${fte})=0),"",MAX(1,ROUNDUP(${headcount}*${fteExpr}/${fte}-0.000000001,0)))`
        : (headcount ?? "");
      // Passed as an argument, a cell holding text is read as the reader reads it; through
      // N() or in the headcount's arithmetic it is not.
      const proposedText =
        (viaN ? textIn(post, "proposedFte") : undefined) ??
        (headScales ? textIn(post, "headcount", "fte", ...fteFields) : undefined);
      // The headcount that formula gives (a new post, no current FTE: none, as proposedPostOf).
      const headRead =
        post.headcount === undefined || !proposedFteCell
          ? post.headcount
          : post.fte > 0
            ? Math.max(1, Math.ceil((post.headcount * fteRead) / post.fte - 1e-9))
            : undefined;
      if (typeof pay === "string")
        proposedReason = gradeChanged ? `regraded with no proposed salary: ${pay}` : pay;
      else if (proposedText) proposedReason = proposedText;
      else if (fteRead !== proposed.fte || headRead !== proposed.headcount)
        proposedReason = "the proposed FTE or headcount is not what the formula would read";
      else {
        proposedLive = postCost(pay.expr, fteExpr, headExpr);
        proposedValue = employedCost({ ...proposed, fte: fteRead, headcount: headRead }, pay.value);
      }
    }
    const proposedDone = setPostLive(
      r,
      proposedCol,
      proposedLive,
      proposedValue,
      "cost proposed",
      post,
      proposedReason
    );
    postRows.set(post, {
      row: r,
      fteLive: fteNowDone && fteProposedDone,
      fte,
      fteRead,
      permanent: proposedDone && proposedLive ? proposedLive : undefined,
    });
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
  liveAgencyConversions();
  return { sheet: { ...sheet, cells }, liveCells, notLive };

  /**
   * The agency conversions table: rate and hours from the post's cells, the agency cost as
   * ESTAB.AGENCYCOST over them, the permanent cost as the post's own cost-proposed formula,
   * and the saving (and per FTE) as ROUND over those and the post's FTE cells. Weeks a year
   * is an assumption, so it stays a value.
   */
  function liveAgencyConversions(): void {
    const agency = tableRows(sheet, "RestructureAgency");
    if (!agency || !est) return;
    const at = (h: string) => columnByHeader(sheet, agency.header, h);
    const [titleAt, rateAt, hoursAt, weeksAt, costAt, permanentAt, savingAt, perFteAt] = [
      at("Post"),
      at("Agency rate (£ an hour)"),
      at("Hours a week"),
      at("Weeks a year"),
      at("Agency cost (a year)"),
      at("Permanent cost (a year)"),
      at("Saving (a year)"),
      at("Saving per FTE"),
    ];
    // The posts the core lists, in order: agency now with a rate, employed as proposed.
    const converted = est.posts.filter(
      (p) =>
        p.contractType === "agency" &&
        proposedPostOf(p).contractType !== "agency" &&
        p.agencyHourlyRate !== undefined &&
        p.fte > 1e-9 &&
        proposedFteOf(p) > 1e-9
    );
    converted.forEach((post, i) => {
      const r = agency.first + i;
      const seen = postRows.get(post);
      if (r > agency.last || cellText(cells[r][titleAt]) !== post.title || !seen) return;
      const here = (c: number) => `${letter(c)}${r + 1}`;
      const there = (c: number) => `${letter(c)}${seen.row + 1}`;
      const rate = refTo(est, post, "agencyHourlyRate");
      // Shown as copies, a rate or hours typed as text would show as text: they stay values.
      const rateText = textIn(post, "agencyHourlyRate");
      const rateDone = setPostLive(
        r,
        rateAt,
        rate && !rateText ? `=${rate}` : undefined,
        post.agencyHourlyRate,
        "agency rate",
        post,
        rateText
      );
      // Weeks a year: the Assumptions sheet's cell, read as a number (typed as text or not);
      // with no Assumptions sheet to point at, the figure itself, as a constant is.
      const weeksCell = assumptionCell(source.assumptionCells, "agencyWeeksPerYear");
      if (weeksCell)
        setPostLive(
          r,
          weeksAt,
          `=VALUE(${formula(weeksCell)})`,
          a.agencyWeeksPerYear,
          "agency weeks a year",
          post
        );
      const hours = agencyHours(post, seen.fte, post.fte, ["fte"]);
      const hoursText = textIn(post, "hoursPerWeek") ?? hours?.text;
      const hoursDone = setPostLive(
        r,
        hoursAt,
        hours && !hoursText ? `=${hours.expr}` : undefined,
        hours?.value,
        "agency hours a week",
        post,
        hoursText
      );
      // The cost reads the copies beside it, or (left values) the source cells themselves,
      // which ESTAB.AGENCYCOST reads as the reader does, text or not.
      const rateArg = rateDone ? here(rateAt) : rate;
      const hoursArg = hoursDone ? here(hoursAt) : hours && !hours.text ? hours.expr : undefined;
      const costDone =
        rateArg !== undefined &&
        hoursArg !== undefined &&
        hours !== undefined &&
        post.agencyHourlyRate !== undefined &&
        setPostLive(
          r,
          costAt,
          `=ESTAB.AGENCYCOST(${rateArg},${hoursArg},${weeks})`,
          agencyAnnualCost(post.agencyHourlyRate, hours.value, a.agencyWeeksPerYear),
          "agency cost",
          post
        );
      const permanentCell = cells[r][permanentAt];
      const permanentDone = setPostLive(
        r,
        permanentAt,
        seen.permanent,
        permanentCell?.kind === "number" && seen.permanent ? permanentCell.value : undefined,
        "permanent cost",
        post,
        seen.permanent ? undefined : "its cost proposed is not live"
      );
      const costCell = cells[r][costAt];
      if (!costDone || !permanentDone || costCell?.kind !== "number") return;
      if (permanentCell?.kind !== "number") return;
      const [agencyCost, permanentCost] = [costCell.value, permanentCell.value];
      setPostLive(
        r,
        savingAt,
        `=ROUND(${here(costAt)}-${here(permanentAt)},2)`,
        roundPenny(agencyCost - permanentCost),
        "agency saving",
        post
      );
      if (seen.fteLive)
        setPostLive(
          r,
          perFteAt,
          `=ROUND(${here(costAt)}/${there(fteNowCol)}-${here(permanentAt)}/${there(fteProposedCol)},2)`,
          roundPenny(agencyCost / post.fte - permanentCost / seen.fteRead),
          "agency saving per FTE",
          post
        );
      else
        notLive.push(
          `${post.title} (row ${post.sourceRow + 1}) agency saving per FTE: its FTE cells are not live`
        );
    });
  }
}
