import type { Grid, Issue } from "../grid";
import { fromA1, toA1 } from "../grid";
import type { ContractType, Establishment, PayScales, Post, PostField, TotalsRow } from "../model";
import type { WorkbookGrids } from "../workbook/types";
import type { TableCandidate } from "./detect";
import { issueAt } from "./issues";
import { locateTable, type TableChoice } from "./locate";
import { ESTABLISHMENT_SCHEMA } from "./schemas";
import type { TableRow } from "./table";
import { readTable } from "./table";
import { describeValue, formatFigure } from "./text";

export interface ReadEstablishmentOptions extends TableChoice<PostField> {
  /**
   * The workbook's pay scales, when it has them: a post with a grade but no salary is
   * costable only if its grade is in them, and salaries are checked against the grade.
   */
  payScales?: PayScales;
}

export interface ReadEstablishmentResult {
  /** Present whenever a table was found, even if issues hold errors (check hasErrors). */
  establishment?: Establishment;
  /** Every table that could be the establishment, best first (for a "pick a table" list). */
  candidates: TableCandidate<PostField>[];
  issues: Issue[];
}

/**
 * Finds and reads the establishment: the best-fitting table (or the one chosen by sheet or
 * table name), its posts, its totals rows, and every problem with its cell address.
 */
export function readEstablishment(
  workbook: WorkbookGrids,
  options: ReadEstablishmentOptions = {}
): ReadEstablishmentResult {
  const located = locateTable(workbook, ESTABLISHMENT_SCHEMA, options, true);
  const { chosen, grid } = located;
  if (!chosen || !grid) return { candidates: located.candidates, issues: located.issues };
  const issues = [...located.issues];
  const read = readTable(grid, chosen, ESTABLISHMENT_SCHEMA);
  issues.push(...read.issues);

  const headerIssue = (code: string, message: string, fix: string) =>
    issues.push(
      issueAt(
        grid,
        chosen.headerIndex,
        (chosen.headers[0]?.column ?? grid.origin.column) - grid.origin.column,
        "error",
        code,
        message,
        fix
      )
    );
  const columns = chosen.columns;
  const hasFteColumn = columns.fte !== undefined || columns.currentFte !== undefined;
  if (!hasFteColumn)
    headerIssue(
      "fte-column-missing",
      "The establishment has no FTE column",
      "add an FTE (or WTE) column, or map one"
    );
  const hasPayColumn = ["salary", "minSalary", "maxSalary", "grade"].some(
    (f) => columns[f as PostField] !== undefined
  );
  if (!hasPayColumn)
    headerIssue(
      "salary-column-missing",
      "The establishment has no salary information: no Salary, Minimum/Maximum salary or Grade column",
      "add a Salary column, or Minimum and Maximum salary, or a Grade with a pay scales table"
    );

  const scales = gradeRanges(options.payScales);
  const context: PostContext = {
    grid,
    issues,
    hasProposed: columns.proposedFte !== undefined,
    checkPay: hasPayColumn,
    checkFte: hasFteColumn,
    columns,
    fteColumn: columns.fte ?? columns.currentFte,
    scales,
    hasScales: options.payScales !== undefined,
  };
  const posts: Post[] = [];
  for (const row of read.rows) {
    const post = buildPost(row, context);
    if (post) posts.push(post);
  }
  flagDuplicatePostIds(grid, posts, issues);

  const totals: TotalsRow[] = read.totals.map((t) => {
    const total: TotalsRow = {
      sourceRow: t.sourceRow,
      label: t.label,
      kind: t.kind,
      cells: t.cells,
    };
    const fte = t.values.fte ?? t.values.currentFte;
    if (fte !== undefined) total.fte = fte;
    if (t.values.headcount !== undefined) total.headcount = t.values.headcount;
    return total;
  });
  const establishment: Establishment = {
    sheet: chosen.sheet,
    range: chosen.range,
    headerRow: chosen.headerRow,
    columns: chosen.columns,
    posts,
    totals,
  };
  if (chosen.table !== undefined) establishment.table = chosen.table;
  return { establishment, candidates: located.candidates, issues };
}

interface GradeRange {
  min: number;
  max: number;
  points: Set<number>;
}

interface PostContext {
  grid: Grid;
  issues: Issue[];
  hasProposed: boolean;
  checkPay: boolean;
  checkFte: boolean;
  columns: Partial<Record<PostField, number>>;
  /** Sheet column of FTE (or Current FTE), for "FTE is blank" messages. */
  fteColumn?: number;
  scales: Map<string, GradeRange>;
  hasScales: boolean;
}

/** Grades are matched ignoring case and surrounding spaces: "ss08" is "SS08". */
function gradeKey(grade: string): string {
  return grade.trim().toLowerCase();
}

function gradeRanges(payScales: PayScales | undefined): Map<string, GradeRange> {
  const out = new Map<string, GradeRange>();
  for (const p of payScales?.points ?? []) {
    const key = gradeKey(p.grade);
    const range = out.get(key) ?? { min: Infinity, max: -Infinity, points: new Set<number>() };
    range.min = Math.min(range.min, p.salary);
    range.max = Math.max(range.max, p.salary);
    range.points.add(p.point);
    out.set(key, range);
  }
  return out;
}

function numberOf(row: TableRow<PostField>, f: PostField): number | undefined {
  const v = row.values[f];
  return typeof v === "number" ? v : undefined;
}

function textOf(row: TableRow<PostField>, f: PostField): string | undefined {
  const v = row.values[f];
  return typeof v === "string" && v !== "" ? v : undefined;
}

const MONEY_FIELDS: Array<[PostField, string]> = [
  ["salary", "Salary"],
  ["minSalary", "Minimum salary"],
  ["maxSalary", "Maximum salary"],
  ["proposedSalary", "Proposed salary"],
];

function buildPost(row: TableRow<PostField>, ctx: PostContext): Post | undefined {
  const { grid, issues } = ctx;
  const at = (field: PostField, fallback: PostField = "title") => {
    const address = row.cells[field] ?? row.cells[fallback];
    const position = address ? fromA1(address) : { row: row.sourceRow, column: grid.origin.column };
    return { r: position.row - grid.origin.row, c: position.column - grid.origin.column };
  };
  const flag = (
    severity: "error" | "warning",
    field: PostField,
    code: string,
    message: string,
    fix: string
  ) => {
    const { r, c } = at(field);
    const value = row.values[field];
    issues.push(
      issueAt(
        grid,
        r,
        c,
        severity,
        code,
        message,
        fix,
        typeof value === "number" || typeof value === "string" || typeof value === "boolean"
          ? value
          : undefined
      )
    );
  };
  const title = textOf(row, "title") ?? "";
  const who = describeValue(title);

  let fte = numberOf(row, "fte") ?? numberOf(row, "currentFte");
  let proposedFte = numberOf(row, "proposedFte");
  const fteUnreadable = row.unreadable.fte || row.unreadable.currentFte;
  if (fte === undefined && ctx.hasProposed && proposedFte !== undefined && !fteUnreadable) fte = 0; // a new post
  if (fte === undefined) {
    if (!fteUnreadable && ctx.checkFte) {
      const r = row.index;
      const column = (ctx.fteColumn ?? grid.origin.column) - grid.origin.column;
      issues.push(
        issueAt(
          grid,
          r,
          column,
          "error",
          "fte-missing",
          `FTE is blank for ${who}`,
          "enter e.g. 1 or 0.5"
        )
      );
    }
    return undefined;
  }
  if (ctx.hasProposed && proposedFte === undefined && !row.unreadable.proposedFte) proposedFte = 0; // a deleted post

  const post: Post = { sourceRow: row.sourceRow, title, fte, cells: row.cells };
  const copyText = (
    f: "postId" | "grade" | "team" | "locality" | "costCentre" | "funding" | "proposedGrade"
  ) => {
    const v = textOf(row, f);
    if (v !== undefined) post[f] = v;
  };
  copyText("postId");
  copyText("grade");
  copyText("team");
  copyText("locality");
  copyText("costCentre");
  copyText("funding");
  copyText("proposedGrade");
  const copyNumber = (
    f:
      | "headcount"
      | "minSalary"
      | "maxSalary"
      | "salary"
      | "spinalPoint"
      | "startDate"
      | "endDate"
      | "hoursPerWeek"
      | "proposedSalary"
      | "pensionRate"
      | "agencyHourlyRate"
  ) => {
    const v = numberOf(row, f);
    if (v !== undefined) post[f] = v;
  };
  copyNumber("headcount");
  copyNumber("minSalary");
  copyNumber("maxSalary");
  copyNumber("salary");
  copyNumber("spinalPoint");
  copyNumber("startDate");
  copyNumber("endDate");
  copyNumber("hoursPerWeek");
  copyNumber("proposedSalary");
  copyNumber("pensionRate");
  copyNumber("agencyHourlyRate");
  if (proposedFte !== undefined) post.proposedFte = proposedFte;
  const contract = row.values.contractType;
  if (typeof contract === "string") post.contractType = contract as ContractType;
  const proposedContract = row.values.proposedContractType;
  if (typeof proposedContract === "string")
    post.proposedContractType = proposedContract as ContractType;
  if (typeof row.values.management === "boolean") post.management = row.values.management;

  checkFte(post, row, ctx, flag, who);
  checkPay(post, row, ctx, flag, who);
  if (post.startDate !== undefined && post.endDate !== undefined && post.endDate < post.startDate)
    flag(
      "warning",
      "endDate",
      "end-before-start",
      `End date is before the start date for ${who}`,
      "check the dates; the post is costed for no time"
    );
  if (post.pensionRate !== undefined && (post.pensionRate < 0 || post.pensionRate > 0.5))
    flag(
      post.pensionRate < 0 ? "error" : "warning",
      "pensionRate",
      "pension-rate-unusual",
      `Pension rate ${formatFigure(post.pensionRate * 100)}% for ${who} is ${post.pensionRate < 0 ? "negative" : "unusually high"}`,
      "enter the employer rate, e.g. 19%"
    );
  if (post.hoursPerWeek !== undefined && (post.hoursPerWeek <= 0 || post.hoursPerWeek > 60))
    flag(
      "warning",
      "hoursPerWeek",
      "hours-unusual",
      `Hours per week ${formatFigure(post.hoursPerWeek)} for ${who} look wrong`,
      "enter weekly hours, e.g. 37"
    );
  if (post.agencyHourlyRate !== undefined && post.agencyHourlyRate < 0)
    flag(
      "error",
      "agencyHourlyRate",
      "agency-rate-negative",
      `Agency hourly rate for ${who} is negative`,
      "enter the rate as a positive amount, e.g. £35.50"
    );
  return post;
}

type Flag = (
  severity: "error" | "warning",
  field: PostField,
  code: string,
  message: string,
  fix: string
) => void;

function checkFte(
  post: Post,
  _row: TableRow<PostField>,
  _ctx: PostContext,
  flag: Flag,
  who: string
): void {
  if (post.fte < 0)
    flag(
      "error",
      post.cells.fte ? "fte" : "currentFte",
      "fte-negative",
      `FTE ${formatFigure(post.fte)} for ${who} is negative`,
      "enter e.g. 1 or 0.5"
    );
  if (post.proposedFte !== undefined && post.proposedFte < 0)
    flag(
      "error",
      "proposedFte",
      "proposed-fte-negative",
      `Proposed FTE ${formatFigure(post.proposedFte)} for ${who} is negative`,
      "enter e.g. 1 or 0.5, or 0 to delete the post"
    );
  const headcount = post.headcount;
  if (headcount === undefined) return;
  if (headcount < 0)
    flag(
      "error",
      "headcount",
      "headcount-negative",
      `No of staff ${formatFigure(headcount)} for ${who} is negative`,
      "enter the number of people, e.g. 3"
    );
  else if (!Number.isInteger(headcount))
    flag(
      "warning",
      "headcount",
      "headcount-not-whole",
      `No of staff ${formatFigure(headcount)} for ${who} is not a whole number of people`,
      "enter the number of people, e.g. 3"
    );
  if (headcount >= 0 && post.fte > headcount + 1e-9) {
    const message =
      headcount === 1
        ? `FTE ${formatFigure(post.fte)} for ${who} is more than one person can work`
        : `FTE ${formatFigure(post.fte)} for ${who} is more than its ${formatFigure(headcount)} staff`;
    flag(
      "warning",
      post.cells.fte ? "fte" : "currentFte",
      "fte-above-headcount",
      message,
      "check the FTE and the No of staff"
    );
  }
}

function checkPay(
  post: Post,
  row: TableRow<PostField>,
  ctx: PostContext,
  flag: Flag,
  who: string
): void {
  for (const [field, label] of MONEY_FIELDS) {
    const v = numberOf(row, field);
    if (v === undefined) continue;
    if (v < 0)
      flag(
        "error",
        field,
        "salary-negative",
        `${label} for ${who} is negative`,
        "enter the full-time annual salary, e.g. £25,000"
      );
    else if (v > 0 && v < 1000)
      flag(
        "warning",
        field,
        "salary-implausible",
        `${label} £${formatFigure(v)} for ${who} looks too small for a full-time annual salary`,
        "enter the annual salary in pounds (e.g. 20862, not 20.9 or an hourly rate)"
      );
  }
  const { minSalary: min, maxSalary: max, salary } = post;
  if (min !== undefined && max !== undefined && min > max)
    flag(
      "warning",
      "minSalary",
      "min-above-max",
      `Minimum salary £${formatFigure(min)} is above the maximum £${formatFigure(max)} for ${who}`,
      "swap them, or check the columns are mapped the right way round"
    );
  const scale = post.grade !== undefined ? ctx.scales.get(gradeKey(post.grade)) : undefined;
  const low = min ?? scale?.min;
  const high = max ?? scale?.max;
  if (
    salary !== undefined &&
    low !== undefined &&
    high !== undefined &&
    low <= high &&
    (salary < low || salary > high)
  )
    flag(
      "warning",
      "salary",
      "salary-outside-grade",
      `Salary £${formatFigure(salary)} for ${who} is outside its grade (£${formatFigure(low)} to £${formatFigure(high)})`,
      "check the salary and the grade"
    );
  if (post.spinalPoint !== undefined && scale && !scale.points.has(post.spinalPoint))
    flag(
      "warning",
      "spinalPoint",
      "point-not-in-grade",
      `Spinal point ${formatFigure(post.spinalPoint)} for ${who} is not a point of grade ${post.grade}`,
      "check the point and the grade against the pay scales table"
    );
  if (!ctx.checkPay) return;
  const unreadable = row.unreadable.salary || row.unreadable.minSalary || row.unreadable.maxSalary;
  if (salary !== undefined || min !== undefined || max !== undefined || unreadable || scale) return;
  const message =
    post.grade === undefined
      ? `No salary information for ${who}: no salary, minimum or maximum salary, or grade`
      : ctx.hasScales
        ? `No salary information for ${who}: no salary, and grade '${post.grade}' is not in the pay scales table`
        : `No salary information for ${who}: no salary, and no pay scales table to look up grade '${post.grade}'`;
  // At the grade when there is one (the lookup failed), else at the empty salary cell.
  const column =
    (post.grade !== undefined ? ctx.columns.grade : undefined) ??
    ctx.columns.salary ??
    ctx.columns.minSalary ??
    ctx.columns.maxSalary ??
    ctx.columns.grade ??
    ctx.grid.origin.column;
  ctx.issues.push(
    issueAt(
      ctx.grid,
      row.index,
      column - ctx.grid.origin.column,
      "error",
      "salary-missing",
      message,
      "enter a salary (or minimum and maximum), or add the grade to a pay scales table"
    )
  );
}

/** Warns on each post ID seen before, naming the cell where it was first seen. */
function flagDuplicatePostIds(grid: Grid, posts: readonly Post[], issues: Issue[]): void {
  const seen = new Map<string, string>();
  for (const post of posts) {
    if (post.postId === undefined) continue;
    const key = post.postId.trim().toLowerCase();
    const first = seen.get(key);
    const address = post.cells.postId ?? toA1({ row: post.sourceRow, column: grid.origin.column });
    if (first === undefined) {
      seen.set(key, address);
      continue;
    }
    const p = fromA1(address);
    issues.push(
      issueAt(
        grid,
        p.row - grid.origin.row,
        p.column - grid.origin.column,
        "warning",
        "duplicate-post-id",
        `Post ID ${describeValue(post.postId)} is also used at ${first}`,
        "give each post its own ID",
        post.postId
      )
    );
  }
}
