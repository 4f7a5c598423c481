import { agencyHoursAmbiguity } from "../changes/agency";
import type { Grid, Issue } from "../grid";
import { columnLetters, toA1 } from "../grid";
import type {
  ContractType,
  Establishment,
  IncrementRule,
  PayScales,
  Post,
  PostField,
  TotalsRow,
} from "../model";
import { gradeKey } from "../model";
import { hourlyPay } from "./hourly-pay";
import { formatPounds, formatPoundsInText } from "../money";
import type { WorkbookGrids } from "../workbook/types";
import type { TableCandidate } from "./detect";
import { flagField, issueAt, issueAtAddress, kebab } from "./issues";
import { locateTable, nearMissText, type TableChoice } from "./locate";
import { ESTABLISHMENT_SCHEMA } from "./schemas";
import type { TableRow, TableTotal } from "./table";
import { readTable } from "./table";
import { describeValue, editDistance, formatFigure } from "./text";
import { fteLooksLikeHours, implausibleSalaries } from "./implausible";
import { UnlabelledTotals } from "./aggregate-rows";
import { setAsideSalaryHeadings } from "./cost-headings";
import { chooseFullTimeSalary } from "./full-time-salary";
import { salaryAsProRata } from "./pro-rata-evidence";
import { allowanceNotes } from "./allowances";
import { termTimeNotes } from "./term-time";
import { incrementDateNotes } from "./increment-date";
import { combinedGrades, list, matchGrade } from "./grade-match";
import { columnUnits, scaleRow, scaled, type ColumnScales } from "./column-units";
import { parseContractType, type RateUnit } from "./values";
import { deleteColumnNote, readProposed } from "./restructure-row";
import { LIMITS, outOfRangeMessage, withinLimit, type Limit } from "./limits";
import {
  FULL_TIME_SETTING,
  fteAgainstHours,
  fteFromHours,
  fteFromHoursNote,
  hoursAsFte,
  type FullTimeWeek,
} from "./fte-from-hours";

export interface ReadEstablishmentOptions extends TableChoice<PostField> {
  /**
   * The workbook's pay scales, when it has them: a post with a grade but no salary is
   * costable only if its grade is in them, and salaries are checked against the grade.
   */
  payScales?: PayScales;
  /** 'Full-time hours a week' from the Assumptions sheet: a table of hours with no FTE column divides by it. */
  fullTimeWeek?: FullTimeWeek;
  /** The Assumptions sheet's Increment rule (1 April when absent), named where a post's own increment date is not read. */
  incrementRule?: IncrementRule;
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
  const { grid } = located;
  if (!located.chosen || !grid) return { candidates: located.candidates, issues: located.issues };
  const salary = salaryColumn(grid, located.chosen, located.issues, options);
  const { chosen, issues } = salary;

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
  // A missing column's error names the heading that looks like it, if one does.
  const misses = located.misses ?? [];
  const unlessMissed = (fields: PostField[], fix: string): string => {
    const miss = misses.find((m) => fields.includes(m.field));
    return miss ? `${nearMissText(miss)}: rename it, or ${fix}` : fix;
  };
  const hasFteColumn = columns.fte !== undefined || columns.currentFte !== undefined;
  const fromHours = hoursAsFte(chosen, options.fullTimeWeek);
  if (!hasFteColumn && !fromHours)
    headerIssue(
      "fte-column-missing",
      "The establishment has no FTE column",
      unlessMissed(["fte", "currentFte"], fteFix(chosen))
    );
  const hasPayColumn = hasPay(columns, options.payScales);
  if (!hasPayColumn) {
    const aside = setAsideSalaryHeadings(grid, chosen);
    headerIssue(
      "salary-column-missing",
      `The establishment has no salary information: no Salary, Minimum/Maximum salary or Grade column${aside.said ? `; ${aside.said}` : ""}`,
      aside.fix ??
        unlessMissed(
          ["salary", "minSalary", "maxSalary", "grade"],
          "add a Salary column, or Minimum and Maximum salary, or a Grade with a pay scales table"
        )
    );
    issues.push(...aside.issues);
  } else if (columns.salary === undefined && columns.proRataSalary === undefined)
    // Costed from the grades, a "Budget Salary" column beside them is still not read: said.
    issues.push(...setAsideSalaryHeadings(grid, chosen).issues);

  const scales = gradeRanges(options.payScales);
  const postIssues: Issue[] = [];
  const context: PostContext = {
    grid,
    issues: postIssues,
    checkPay: hasPayColumn,
    checkFte: hasFteColumn,
    columns,
    fteColumn: columns.fte ?? columns.currentFte,
    scales,
    hasScales: options.payScales !== undefined,
    fullTimeWeek: options.fullTimeWeek?.hours,
    rateHeading: chosen.headers.find((h) => h.column === columns.agencyHourlyRate)?.text,
    proposedColumn: columns.proposedFte,
    deletedByColumn: [],
  };
  const units = columnUnits(grid, chosen);
  const scaling = Object.entries(units.scales) as Array<[PostField, number]>;
  issues.push(...units.issues);
  // Row checks go to their own list, so table-level issues (parsing, totals) come first.
  const posts: Post[] = [];
  const sums = new UnlabelledTotals(grid, chosen.lastIndex);
  const onRow = (row: TableRow<PostField>) => {
    scaleRow(row, scaling, grid, chosen);
    if (fromHours) fteFromHours(row, fromHours, grid, postIssues);
    const total = sums.read(row);
    if (total) return total;
    const post = buildPost(row, context);
    sums.add(post);
    if (post) posts.push(post);
    return undefined;
  };
  const read = readTable(grid, chosen, ESTABLISHMENT_SCHEMA, onRow, (r) => sums.readKeyless(r));
  issues.push(...read.issues, ...postIssues, ...sums.issues());
  const said = { proRataShown: salary.proRataShown, deletedByColumn: context.deletedByColumn };
  issues.push(...columnNotes(grid, chosen, posts, said, options.incrementRule));
  if (fromHours && posts.length > 0) issues.push(fteFromHoursNote(grid, fromHours, posts));
  flagDuplicatePostIds(grid, posts, issues);
  issues.push(...salariesAgainstGrades(grid, posts, scales));
  // Nothing to cost and nothing else said why: costing it would write £0 sheets.
  if (posts.length === 0 && !issues.some((i) => i.severity === "error"))
    headerIssue(
      "establishment-empty",
      `The establishment table at ${chosen.range} has a header row but no posts under it`,
      "add the posts under the header (one row per post, with its Position and FTE), or pick another table"
    );

  const totals = totalsRows(read.totals, units.scales, sums.totals);
  const establishment: Establishment = {
    sheet: chosen.sheet,
    range: chosen.range,
    headerRow: chosen.headerRow,
    columns: chosen.columns,
    posts,
    totals,
  };
  if (chosen.table !== undefined) establishment.table = chosen.table;
  if (Object.keys(units.scales).length > 0) establishment.columnScales = units.scales;
  return { establishment, candidates: located.candidates, issues };
}

/** Each salary weighed against its own range, or its grade's in the pay scales. */
function salariesAgainstGrades(
  grid: Grid,
  posts: readonly Post[],
  scales: Map<string, GradeRange>
): Issue[] {
  return implausibleSalaries(grid.sheet, posts, (post) =>
    post.minSalary !== undefined && post.maxSalary !== undefined
      ? { min: post.minSalary, max: post.maxSalary }
      : post.grade !== undefined
        ? scales.get(gradeKey(post.grade))
        : undefined
  );
}

/**
 * What the salary column holds: of two, the full-time one (full-time-salary.ts); of one
 * headed as the salary, pay pro rata when its rows show it (pro-rata-evidence.ts).
 */
function salaryColumn(
  grid: Grid,
  located: TableCandidate<PostField>,
  found: readonly Issue[],
  options: ReadEstablishmentOptions
): { chosen: TableCandidate<PostField>; issues: Issue[]; proRataShown: boolean } {
  const fullTime = chooseFullTimeSalary(grid, located, found);
  const proRata = salaryAsProRata(
    grid,
    fullTime.chosen,
    options.payScales,
    columnUnits(grid, fullTime.chosen).scales,
    options.mapping?.salary !== undefined
  );
  return {
    chosen: proRata?.chosen ?? fullTime.chosen,
    issues: [...fullTime.issues, ...(proRata?.issues ?? [])],
    proRataShown: proRata !== undefined,
  };
}

/**
 * A salary pro rata is what the post is paid for its FTE; costing multiplies a full-time
 * salary by the FTE, so the full-time salary is the pay ÷ FTE (unrounded, so the cost is
 * the pay itself). A post of no FTE costs nothing and keeps no salary. A Salary column
 * beside it wins: it is the full-time figure.
 */
function fromProRata(post: Post, row: TableRow<PostField>, ctx: PostContext): void {
  const paid = row.values.proRataSalary;
  if (post.salary !== undefined || typeof paid !== "number" || !(post.fte > 0)) return;
  const fullTime = paid / post.fte;
  // A tiny FTE (0.000001) makes a pay a full-time salary no post has: refused, not costed.
  if (!withinLimit(fullTime, LIMITS.salary)) {
    flagField(
      ctx,
      row,
      "error",
      "proRataSalary",
      "salary-pro-rata-out-of-range",
      `Pay ${formatPoundsInText(paid)} at FTE ${formatFigure(post.fte)} for ${describeValue(post.title)} is a full-time salary of more than ${formatPoundsInText(LIMITS.salary.max)}`,
      "check the FTE and the pay on the row"
    );
    return;
  }
  post.salary = fullTime;
}

/** How a pro-rata salary column was read, said once at its heading with a worked example. */
function proRataNote(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  posts: readonly Post[]
): Issue[] {
  const at = chosen.headers.find((h) => h.column === chosen.columns.proRataSalary);
  if (!at) return [];
  const heading = `Column ${columnLetters(at.column)} '${at.text}'`;
  const salary = chosen.columns.salary;
  if (salary !== undefined)
    return [
      issueAtAddress(
        grid.sheet,
        at.address,
        "info",
        "salary-pro-rata-not-read",
        `${heading} (pro rata) is not read: column ${columnLetters(salary)} is the full-time salary costed`,
        "nothing to do; to cost the pro-rata pay instead, map Salary to nothing"
      ),
    ];
  const example =
    posts.find((p) => p.cells.proRataSalary && p.fte > 0 && p.fte !== 1) ??
    posts.find((p) => p.cells.proRataSalary && p.fte > 0);
  const worked =
    example && example.salary !== undefined
      ? ` (${describeValue(example.title)} at ${example.cells.proRataSalary}: ${formatPoundsInText(example.salary * example.fte)} ÷ ${formatFigure(example.fte)} FTE = ${formatPoundsInText(example.salary)} full time)`
      : "";
  return [
    issueAtAddress(
      grid.sheet,
      at.address,
      "info",
      "salary-pro-rata",
      `${heading} is read as what each post is paid for its FTE, so its full-time salary is that ÷ FTE${worked}: the cost is the pay, not the pay × FTE again`,
      "nothing to do if the column is the pay for the post's hours; if it holds full-time salaries, head it 'Salary'"
    ),
  ];
}

/**
 * What to do about a missing FTE column. Weekly hours are not FTE until divided by the
 * employer's full-time week, which varies (37, 36, 35 hours): the user is shown how, not
 * guessed for.
 */
function fteFix(chosen: TableCandidate<PostField>): string {
  const hours = chosen.headers.find((h) => h.column === chosen.columns.hoursPerWeek);
  if (!hours) return "add an FTE (or WTE) column, or map one";
  const letter = columnLetters(hours.column);
  const row = chosen.headerRow + 2;
  return `set '${FULL_TIME_SETTING}' on the Assumptions sheet (e.g. 37) to work each post's FTE out from column ${letter} '${hours.text}', or add an FTE column (e.g. =${letter}${row}/37 for a 37-hour week), or map one`;
}

/**
 * The table's totals rows, FTE in the posts' unit, in the order of the sheet: a row read
 * as a subtotal or total by its figures (no label saying so) is one, as a TOTAL row would be.
 */
function totalsRows(
  read: readonly TableTotal<PostField>[],
  scales: ColumnScales,
  unlabelled: readonly TotalsRow[]
): TotalsRow[] {
  const totals: TotalsRow[] = read.map((t) => {
    const total: TotalsRow = {
      sourceRow: t.sourceRow,
      label: t.label,
      kind: t.kind,
      cells: t.cells,
    };
    const fteField = t.values.fte !== undefined ? "fte" : "currentFte";
    const fte = t.values[fteField];
    if (fte !== undefined) total.fte = scaled(fte, scales[fteField] ?? 1);
    if (t.values.headcount !== undefined) total.headcount = t.values.headcount;
    return total;
  });
  return [...totals, ...unlabelled].sort((a, b) => a.sourceRow - b.sourceRow);
}

/** What is said once at a column's heading about how its figures were read. */
function columnNotes(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  posts: readonly Post[],
  said: { proRataShown: boolean; deletedByColumn: readonly number[] },
  incrementRule: IncrementRule = "april"
): Issue[] {
  const { columns } = chosen;
  const fteHeader = chosen.headers.find((h) => h.column === (columns.fte ?? columns.currentFte));
  return [
    ...unchangedNote(grid, chosen.headers, columns.proposedFte, posts),
    // A salary column the rows showed to be pro rata is explained at its heading already.
    ...(said.proRataShown ? [] : proRataNote(grid, chosen, posts)),
    ...deleteColumnNote(
      grid,
      chosen.headers.find((h) => h.column === columns.toDelete),
      columns.proposedFte !== undefined,
      said.deletedByColumn
    ),
    ...allowanceNotes(grid, chosen, posts),
    ...termTimeNotes(grid, chosen, posts),
    ...incrementDateNotes(grid, chosen, posts, incrementRule),
    ...fteLooksLikeHours(
      grid.sheet,
      fteHeader && { address: fteHeader.address, column: columnLetters(fteHeader.column) },
      posts,
      columns.headcount !== undefined
    ),
  ];
}

/** How many posts a blank Proposed FTE left as they are: said once, at its header. */
function unchangedNote(
  grid: Grid,
  headers: ReadonlyArray<{ column: number; address: string }>,
  column: number | undefined,
  posts: readonly Post[]
): Issue[] {
  const n = posts.filter((p) => p.proposedFteFrom === "blank: unchanged").length;
  const at = headers.find((h) => h.column === column)?.address;
  if (n === 0 || at === undefined) return [];
  return [
    issueAtAddress(
      grid.sheet,
      at,
      "info",
      "proposed-fte-blank-unchanged",
      `${n} ${n === 1 ? "post has" : "posts have"} a blank Proposed FTE, read as no change (proposed FTE = current FTE)`,
      "nothing to do if they stay as they are; enter 0 (or 'deleted') as the proposed FTE of a post the restructure deletes"
    ),
  ];
}

interface GradeRange {
  /** The grade as the pay scales table spells it first. */
  name: string;
  min: number;
  max: number;
  points: Set<number>;
}

interface PostContext {
  grid: Grid;
  issues: Issue[];
  checkPay: boolean;
  checkFte: boolean;
  columns: Partial<Record<PostField, number>>;
  /** Sheet column of FTE (or Current FTE), for "FTE is blank" messages. */
  fteColumn?: number;
  scales: Map<string, GradeRange>;
  /** Typed grades (by gradeKey) whose match to the pay scales was said, at the first post. */
  gradesSaid?: Set<string>;
  hasScales: boolean;
  /** 'Full-time hours a week' from the Assumptions sheet, for an FTE checked against hours. */
  fullTimeWeek?: number;
  /** The Agency hourly rate column's heading: "Hourly rate" on a casual row is pay (hourly-pay.ts). */
  rateHeading?: string;
  /** Sheet column of Proposed FTE (restructure-row.ts). */
  proposedColumn?: number;
  /** Sheet rows of the posts a Y under a Delete (Y/N) heading deleted, for the note at it. */
  deletedByColumn: number[];
}

/** A column pay can come from: a salary, a grade, or a spinal point when the pay scales are a spine. */
function hasPay(columns: Partial<Record<PostField, number>>, payScales?: PayScales): boolean {
  return (
    ["salary", "proRataSalary", "minSalary", "maxSalary", "grade"].some(
      (f) => columns[f as PostField] !== undefined
    ) ||
    (columns.spinalPoint !== undefined && !!payScales?.points.some((p) => p.grade === ""))
  );
}

/** The pay scales' grades by gradeKey; a pay spine's points (no grade) are under "". */
function gradeRanges(payScales: PayScales | undefined): Map<string, GradeRange> {
  const out = new Map<string, GradeRange>();
  for (const p of payScales?.points ?? []) {
    const key = gradeKey(p.grade);
    const range = out.get(key) ?? {
      name: p.grade.trim(),
      min: Infinity,
      max: -Infinity,
      points: new Set<number>(),
    };
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

const TEXT_FIELDS = [
  "postId",
  "grade",
  "role",
  "team",
  "locality",
  "costCentre",
  "funding",
  "proposedGrade",
] as const;
const NUMBER_FIELDS = [
  "headcount",
  "minSalary",
  "maxSalary",
  "salary",
  "spinalPoint",
  "startDate",
  "endDate",
  "hoursPerWeek",
  "fullTimeHours",
  "proposedSalary",
  "pensionRate",
] as const;

function buildPost(row: TableRow<PostField>, ctx: PostContext): Post | undefined {
  const { grid, issues } = ctx;
  const title = textOf(row, "title") ?? "";

  let fte = numberOf(row, "fte") ?? numberOf(row, "currentFte");
  const proposed = readProposed(row, ctx);
  const { proposedFte, proposedFteFrom } = proposed;
  const fteUnreadable = row.unreadable.fte || row.unreadable.currentFte;
  // A blank current FTE beside a proposed figure is a new post.
  if (fte === undefined && proposedFteFrom === "given" && !fteUnreadable) fte = 0;
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
          `FTE is blank for ${describeValue(title)}`,
          "enter e.g. 1 or 0.5"
        )
      );
    }
    return undefined;
  }

  const post: Post = { sourceRow: row.sourceRow, title, fte, cells: row.cells };
  // Only the readings that are not a typed figure are kept: they are what the sheet explains.
  if (proposedFteFrom !== undefined && proposedFteFrom !== "given")
    post.proposedFteFrom = proposedFteFrom;
  for (const f of TEXT_FIELDS) {
    const v = row.values[f];
    if (typeof v === "string" && v !== "") post[f] = v;
  }
  for (const f of NUMBER_FIELDS) {
    const v = row.values[f];
    if (typeof v === "number") post[f] = v;
  }
  if (proposedFte !== undefined) post.proposedFte = proposedFte;
  // A dated Status ("Deleted from 01/10/2025") dates the post where its own columns do not.
  for (const f of ["changeDate", "startDate", "endDate"] as const) {
    const day = proposed[f];
    if (day !== undefined) post[f] = day;
  }
  fromProRata(post, row, ctx);
  const contract = row.values.contractType ?? statusContract(row, ctx);
  if (typeof contract === "string") post.contractType = contract as ContractType;
  const proposedContract = row.values.proposedContractType;
  if (typeof proposedContract === "string")
    post.proposedContractType = proposedContract as ContractType;
  if (typeof row.values.management === "boolean") post.management = row.values.management;
  if (typeof row.values.grantFunded === "boolean") post.grantFunded = row.values.grantFunded;

  readAgencyRate(post, row, ctx);
  hourlyPay(post, row, ctx);
  checkFte(post, row, ctx);
  checkPay(post, row, ctx, matchPostGrade(post, row, ctx));
  if (post.startDate !== undefined && post.endDate !== undefined && post.endDate < post.startDate)
    flagField(
      ctx,
      row,
      "warning",
      "endDate",
      "end-before-start",
      `End date is before the start date for ${describeValue(post.title)}`,
      "check the dates; the post is costed for no time"
    );
  if (post.pensionRate !== undefined && post.pensionRate > 0.5)
    flagField(
      ctx,
      row,
      "warning",
      "pensionRate",
      "pension-rate-unusual",
      `Pension rate ${formatFigure(post.pensionRate * 100)}% for ${describeValue(post.title)} is unusually high`,
      "enter the employer rate, e.g. 19%"
    );
  // Hours are the whole row's (an agency row of 2 FTE works 74): 60 a week per person.
  const people = Math.max(1, post.headcount ?? 0, Math.ceil(post.fte - 1e-9));
  if (
    post.hoursPerWeek !== undefined &&
    (post.hoursPerWeek <= 0 || post.hoursPerWeek > 60 * people)
  )
    flagField(
      ctx,
      row,
      "warning",
      "hoursPerWeek",
      "hours-unusual",
      `Hours per week ${formatFigure(post.hoursPerWeek)} for ${describeValue(post.title)} look wrong`,
      "enter weekly hours, e.g. 37"
    );
  checkAgencyHours(post, row, ctx);
  return post;
}

/**
 * An agency row's Hours are read as the whole row's hours a week. When they look like each
 * worker's hours instead (2 FTE, Hours 37), the agency cost may be understated: a warning
 * at the Hours cell saying what was assumed and what to enter. Only where the hours are
 * used: an agency contract (now or proposed) with an hourly rate.
 */
function checkAgencyHours(post: Post, row: TableRow<PostField>, ctx: PostContext): void {
  const hours = post.hoursPerWeek;
  if (hours === undefined || (post.agencyHourlyRate === undefined && !post.agencyRate)) return;
  const agencyNow = post.contractType === "agency";
  if (!agencyNow && post.proposedContractType !== "agency") return;
  // The FTE the agency cost is for: today's when agency now, else the proposed FTE.
  const fte = agencyNow ? post.fte : (post.proposedFte ?? post.fte);
  const headcount = fte === post.fte ? post.headcount : undefined;
  const found = agencyHoursAmbiguity(fte, hours, headcount);
  if (!found) return;
  const rowNumber = post.sourceRow + 1;
  const h = formatFigure(hours);
  const blank = `or leave Hours blank to use FTE × 37 = ${formatFigure(found.fteHours)}`;
  const fix =
    found.workers !== undefined && found.perWorkerTotal !== undefined
      ? `if it is ${h} hours for each of the ${formatFigure(found.workers)} workers, enter ${formatFigure(found.perWorkerTotal)} (${blank}); if ${h} is the row's total, nothing to do`
      : `if it is ${h} hours for each worker, enter the whole row's hours a week (${blank}); if ${h} is the row's total, nothing to do`;
  flagField(
    ctx,
    row,
    "warning",
    "hoursPerWeek",
    "agency-hours-ambiguous",
    `Hours ${h} for ${formatFigure(fte)} FTE on row ${rowNumber} (${describeValue(post.title)}, agency) are read as the row's total hours a week (${formatFigure(found.hoursFte)} FTE's worth), so the agency cost is for ${formatFigure(found.hoursFte)} FTE, not ${formatFigure(fte)}`,
    fix
  );
}

/** A Status column holding contract words is the contract type, when no column is headed so. */
function statusContract(row: TableRow<PostField>, ctx: PostContext): ContractType | undefined {
  if (ctx.columns.contractType !== undefined) return undefined;
  return parseContractType(row.values.status ?? "");
}

const RATE_COLUMNS: ReadonlyArray<[PostField, RateUnit]> = [
  ["agencyHourlyRate", "hour"],
  ["agencyDailyRate", "day"],
  ["agencyWeeklyRate", "week"],
  ["agencyAnnualRate", "year"],
];
const RATE_LIMIT: Record<RateUnit, Limit> = {
  hour: LIMITS.agencyHourlyRate,
  day: LIMITS.agencyDailyRate,
  week: LIMITS.agencyWeeklyRate,
  year: LIMITS.agencyAnnualRate,
};
const RATE_LABEL: Record<RateUnit, string> = {
  hour: "Agency hourly rate",
  day: "Agency day rate",
  week: "Agency weekly rate",
  year: "Agency annual cost",
};

/**
 * The agency rate as the agency quotes it: per hour, day, week or year, by its column's
 * heading or the unit in the cell ("£31.50/hr", "£260 a day"). An hourly rate is kept as
 * agencyHourlyRate; any other as agencyRate, made hourly with the assumptions when costed.
 * The first rate column given on the row is used; another beside it is a warning.
 */
function readAgencyRate(post: Post, row: TableRow<PostField>, ctx: PostContext): void {
  const given = RATE_COLUMNS.filter(([f]) => row.values[f] !== undefined);
  if (given.length === 0) return;
  const [field, headerUnit] = given[0];
  const v = row.values[field];
  const quoted = typeof v === "string" ? /^(hour|day|week|year):(.+)$/.exec(v) : null;
  const unit = quoted ? (quoted[1] as RateUnit) : headerUnit;
  const amount = quoted ? Number(quoted[2]) : (v as number);
  if (!withinLimit(amount, RATE_LIMIT[unit])) {
    flagField(
      ctx,
      row,
      "error",
      field,
      `${kebab(field)}-out-of-range`,
      outOfRangeMessage(RATE_LABEL[unit], formatPounds(amount, 0), RATE_LIMIT[unit]),
      "enter the rate as the agency quotes it, e.g. £31.50/hr, £260 a day or £1,200 per week"
    );
    return;
  }
  if (unit === "hour") post.agencyHourlyRate = amount;
  else post.agencyRate = { amount, unit, field };
  for (const [other] of given.slice(1))
    flagField(
      ctx,
      row,
      "warning",
      other,
      "agency-rate-twice",
      `${describeValue(post.title)} has two agency rates: the one at ${row.cells[field]} is used`,
      "leave one agency rate on the row"
    );
}

/** Negative or huge figures never get here: the reader refuses them at their cell (LIMITS). */
function checkFte(post: Post, row: TableRow<PostField>, ctx: PostContext): void {
  // The weekly hours typed in the FTE cell too: costed as that many full-time posts.
  const hours = post.hoursPerWeek;
  if (hours !== undefined && hours > 1.5 && Math.abs(post.fte - hours) < 1e-9)
    flagField(
      ctx,
      row,
      "warning",
      post.cells.fte ? "fte" : "currentFte",
      "fte-is-hours",
      `FTE ${formatFigure(post.fte)} for ${describeValue(post.title)} is its weekly hours, and is costed as ${formatFigure(post.fte)} full-time posts`,
      `enter the FTE: the hours ÷ the full-time week (e.g. ${formatFigure(hours)} ÷ 37 = ${formatFigure(Math.round((hours / 37) * 100) / 100)})`
    );
  const disagree = fteAgainstHours(ctx.grid.sheet, post, ctx.fullTimeWeek);
  if (disagree) ctx.issues.push(disagree);
  const headcount = post.headcount;
  if (headcount === undefined) return;
  if (!Number.isInteger(headcount))
    flagField(
      ctx,
      row,
      "warning",
      "headcount",
      "headcount-not-whole",
      `No of staff ${formatFigure(headcount)} for ${describeValue(post.title)} is not a whole number of people`,
      "enter the number of people, e.g. 3"
    );
  if (post.fte > headcount + 1e-9) {
    const message =
      headcount === 1
        ? `FTE ${formatFigure(post.fte)} for ${describeValue(post.title)} is more than one person can work`
        : `FTE ${formatFigure(post.fte)} for ${describeValue(post.title)} is more than its ${formatFigure(headcount)} staff`;
    flagField(
      ctx,
      row,
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
  /** The grade was refused as two of the pay scales': said once, not again as no salary. */
  gradeRefused: boolean
): void {
  // The salary itself is weighed against its grade in implausibleSalaries, which also
  // says what unit it looks typed in; the grade's bounds and the proposed salary here.
  for (const [field, label] of MONEY_FIELDS) {
    if (field === "salary") continue;
    const v = numberOf(row, field);
    if (v !== undefined && v > 0 && v < 1000)
      flagField(
        ctx,
        row,
        "warning",
        field,
        "salary-implausible",
        `${label} £${formatFigure(v)} for ${describeValue(post.title)} looks too small for a full-time annual salary`,
        "enter the annual salary in pounds (e.g. 20862, not 20.9 or an hourly rate)"
      );
  }
  const { minSalary: min, maxSalary: max, salary } = post;
  if (min !== undefined && max !== undefined && min > max)
    flagField(
      ctx,
      row,
      "warning",
      "minSalary",
      "min-above-max",
      `Minimum salary £${formatFigure(min)} is above the maximum £${formatFigure(max)} for ${describeValue(post.title)}`,
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
    flagField(
      ctx,
      row,
      "warning",
      "salary",
      "salary-outside-grade",
      `Salary £${formatFigure(salary)} for ${describeValue(post.title)} is outside its grade (£${formatFigure(low)} to £${formatFigure(high)})`,
      "check the salary and the grade"
    );
  if (post.spinalPoint !== undefined && scale && !scale.points.has(post.spinalPoint))
    flagField(
      ctx,
      row,
      "warning",
      "spinalPoint",
      "point-not-in-grade",
      `Spinal point ${formatFigure(post.spinalPoint)} for ${describeValue(post.title)} is not a point of grade ${post.grade}`,
      "check the point and the grade against the pay scales table"
    );
  if (!ctx.checkPay || gradeRefused) return;
  const unreadable =
    row.unreadable.salary ||
    row.unreadable.minSalary ||
    row.unreadable.maxSalary ||
    row.unreadable.proRataSalary ||
    // Pay for no FTE costs nothing whatever the full-time salary: not a missing salary.
    row.values.proRataSalary !== undefined;
  const onSpine =
    post.spinalPoint !== undefined && ctx.scales.get("")?.points.has(post.spinalPoint);
  if (
    salary !== undefined ||
    min !== undefined ||
    max !== undefined ||
    unreadable ||
    scale ||
    onSpine
  )
    return;
  const isNew = isNewPost(post);
  if (isNew && proposedPayGiven(post, row, ctx)) return;
  // At the grade when there is one (the lookup failed), else at the empty salary cell; a
  // new post's at its proposed salary, the pay it is costed at.
  const column =
    (isNew ? (ctx.columns.proposedSalary ?? ctx.columns.proposedGrade) : undefined) ??
    (ctx.scales.has("") ? ctx.columns.spinalPoint : undefined) ??
    (post.grade !== undefined ? ctx.columns.grade : undefined) ??
    ctx.columns.salary ??
    ctx.columns.minSalary ??
    ctx.columns.maxSalary ??
    ctx.columns.grade ??
    ctx.grid.origin.column;
  const missing = missingPay(post, ctx);
  ctx.issues.push(
    issueAt(
      ctx.grid,
      row.index,
      column - ctx.grid.origin.column,
      "error",
      missing.code,
      missing.message,
      missing.fix
    )
  );
}

/** A post with no FTE now and some proposed: it has no current side to cost. */
function isNewPost(post: Post): boolean {
  return post.fte === 0 && post.proposedFte !== undefined && post.proposedFte > 0;
}

/** A proposed salary, or a proposed grade the pay scales have: a new post's pay. */
function proposedPayGiven(post: Post, row: TableRow<PostField>, ctx: PostContext): boolean {
  const grade = post.proposedGrade;
  return (
    post.proposedSalary !== undefined ||
    row.unreadable.proposedSalary === true ||
    (grade !== undefined && ctx.scales.has(gradeKey(grade)))
  );
}

/**
 * A grade the pay scales have in another form is costed as theirs, and that is said at its
 * cell (a band's number, at the first post typed so). One that is two of their grades so
 * ("6" with "Band 6" and "Grade 6") is an error there; true then.
 */
function matchPostGrade(post: Post, row: TableRow<PostField>, ctx: PostContext): boolean {
  const typed = post.grade;
  const at = row.cells.grade;
  if (typed === undefined || at === undefined) return false;
  const match = matchGrade(typed, ctx.scales, post.spinalPoint);
  if (!match) return false;
  if ("among" in match) {
    ctx.issues.push(
      issueAtAddress(
        ctx.grid.sheet,
        at,
        "error",
        "grade-ambiguous",
        `Grade ${describeValue(typed)} for ${describeValue(post.title)} could be ${list(match.among, "or")} of the pay scales, which are different grades`,
        `type the grade as the pay scales spell it, e.g. '${match.among[0]}'`,
        typed
      )
    );
    return true;
  }
  post.grade = match.grade;
  // A match said once (an NHS band typed as its number) is said at the first post typed so.
  if (match.once) {
    const said = (ctx.gradesSaid ??= new Set());
    const key = gradeKey(typed);
    if (said.has(key)) return false;
    said.add(key);
  }
  const every = match.once ? `, and so is every other post of grade ${describeValue(typed)}` : "";
  ctx.issues.push(
    issueAtAddress(
      ctx.grid.sheet,
      at,
      "info",
      "grade-matched",
      `Grade ${describeValue(typed)} for ${describeValue(post.title)} is ${match.why}${every}`,
      `nothing to do if that is the ${match.once ? "posts'" : "post's"} grade; otherwise type the grade as the pay scales spell it`,
      typed
    )
  );
  return false;
}

/**
 * Why a post has no pay to cost, and what to do. An agency row has its charge, but the
 * Establishment Cost and Grant Costing sheets cost every row as employed, on its salary:
 * said so, rather than as a bare missing salary.
 */
function missingPay(post: Post, ctx: PostContext): { code: string; message: string; fix: string } {
  const grade =
    post.grade === undefined
      ? ""
      : ctx.hasScales
        ? ` (grade '${post.grade}' is not in the pay scales table)`
        : ` (no pay scales table to look up grade '${post.grade}')`;
  const near = nearGradeFix(post.grade, ctx.scales);
  if (post.agencyHourlyRate !== undefined || post.agencyRate !== undefined)
    return {
      code: "agency-salary-missing",
      message: `${describeValue(post.title)} has an agency rate but no salary${grade}: the Establishment Cost and Grant Costing sheets cost an agency row as an employee, on its salary, so it cannot be costed there`,
      fix:
        near ??
        "enter the salary the post would be paid as an employee (or a grade in the pay scales table); its agency charge is costed on the Restructure sheet",
    };
  if (isNewPost(post) && ctx.columns.proposedSalary !== undefined)
    return {
      code: "salary-missing",
      message: `No salary information for ${describeValue(post.title)}, a new post (no FTE now): no proposed salary, no salary, and no grade in a pay scales table`,
      fix: "enter its proposed salary (or a proposed grade in the pay scales table)",
    };
  const spine = ctx.scales.get("");
  if (spine) return offSpine(post, spine);
  const message =
    post.grade === undefined
      ? `No salary information for ${describeValue(post.title)}: no salary, minimum or maximum salary, or grade`
      : ctx.hasScales
        ? `No salary information for ${describeValue(post.title)}: no salary, and grade '${post.grade}' is not in the pay scales table`
        : `No salary information for ${describeValue(post.title)}: no salary, and no pay scales table to look up grade '${post.grade}'`;
  return {
    code: "salary-missing",
    message,
    fix: near ?? "enter a salary (or minimum and maximum), or add the grade to a pay scales table",
  };
}

/** A post the pay spine cannot price: no spinal point, or one not on it. */
function offSpine(post: Post, spine: GradeRange): { code: string; message: string; fix: string } {
  const points = [...spine.points].sort((a, b) => a - b);
  const span = `points ${formatFigure(points[0])} to ${formatFigure(points[points.length - 1])}`;
  const grade =
    post.grade === undefined ? "" : `, so grade '${post.grade}' cannot be looked up in them`;
  return post.spinalPoint === undefined
    ? {
        code: "salary-missing",
        message: `No salary information for ${describeValue(post.title)}: no salary or spinal point, and the pay scales are a pay spine (${span}) with no grades${grade}`,
        fix: "give the post its spinal point (SCP) on the pay spine, or a salary",
      }
    : {
        code: "salary-missing",
        message: `No salary information for ${describeValue(post.title)}: no salary, and spinal point ${formatFigure(post.spinalPoint)} is not on the pay spine (${span})`,
        fix: "check the spinal point against the pay spine, or enter a salary",
      };
}

/**
 * A grade the pay scales do not have but nearly do ("Grade 8a" for "Grade 8", "SS8B" for
 * "SS08"): not the same grade, so never used in its place, but named as the likely slip.
 */
function nearGradeFix(
  grade: string | undefined,
  scales: Map<string, GradeRange>
): string | undefined {
  if (grade === undefined) return undefined;
  const key = gradeKey(grade);
  // A slip in the letters, never in the numbers: SS02 is not a slip for SS05.
  const numbers = (k: string) => k.match(/\d+/g)?.join(" ") ?? "";
  const near = [...scales]
    .filter(([k]) => k !== "")
    .filter(([k]) => numbers(k) === numbers(key) && editDistance(key, k) === 1)
    .map(([, r]) => r.name);
  if (near.length === 0) return combinedFix(grade, scales);
  const names = near.map((n) => `'${n}'`).join(" or ");
  return `did you mean ${names}? Correct the grade, enter a salary (or minimum and maximum), or add '${grade}' to the pay scales table`;
}

/** A combined grade ("SO1/2") with no spinal point, or one in none or several of its grades. */
function combinedFix(grade: string, scales: Map<string, GradeRange>): string | undefined {
  const named = combinedGrades(grade, scales).map((g) => g.name);
  if (named.length === 0) return undefined;
  return `did you mean ${list(named, "or")}? '${grade}' is more than one grade of the pay scales: type the post's grade, or give its spinal point (SCP) so that the one of them that has it is costed`;
}

/**
 * Warns on each post ID seen before, naming the cell where it was first seen. Both rows are
 * costed (maternity cover, a job share): the warning says so, with the FTE on the one ID
 * and what the table comes to, so a total that counts a post twice is not silent.
 */
function flagDuplicatePostIds(grid: Grid, posts: readonly Post[], issues: Issue[]): void {
  const byId = new Map<string, Post[]>();
  for (const post of posts)
    if (post.postId !== undefined) {
      const key = post.postId.toLowerCase();
      const same = byId.get(key);
      if (same) same.push(post);
      else byId.set(key, [post]);
    }
  const fte = (ps: readonly Post[]) => formatFigure(ps.reduce((n, p) => n + p.fte, 0));
  const postsCount = posts.length - [...byId.values()].reduce((n, ps) => n + ps.length - 1, 0);
  const table = `the table's ${posts.length} rows cost ${fte(posts)} FTE on ${postsCount} post${postsCount === 1 ? "" : "s"}`;
  const cellOf = (post: Post) =>
    post.cells.postId ?? toA1({ row: post.sourceRow, column: grid.origin.column });
  for (const post of posts) {
    const rows = post.postId === undefined ? [] : (byId.get(post.postId.toLowerCase()) ?? []);
    if (rows.length < 2 || rows[0] === post) continue;
    const both = rows.length === 2 ? "both rows are" : `all ${rows.length} rows are`;
    issues.push(
      issueAtAddress(
        grid.sheet,
        cellOf(post),
        "warning",
        "duplicate-post-id",
        `Post ID ${describeValue(post.postId as string)} is also used at ${cellOf(rows[0])}: ${both} costed, ${fte(rows)} FTE on the one post (${table})`,
        "if one row covers a post-holder who is away and only one is paid, give the unpaid row an end date or FTE 0; otherwise give each post its own ID",
        post.postId
      )
    );
  }
}
