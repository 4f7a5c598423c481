import { SHEET_NAMES } from "./sheet-names";
import { formatPounds, roundTo } from "../money";
import {
  describeChanges,
  isManagementGrade,
  proposedVersusCurrent,
  type AgencyConversion,
  type ChangesOptions,
  type CostOf,
  type PostChange,
  type ProposedVersusCurrent,
  type TeamChange,
} from "../changes";
import { financialYearLabel, formatUkDate } from "../dates";
import { columnLetters, quoteSheetName } from "../grid";
import type { Assumptions, Establishment } from "../model";
import type { SheetSummary } from "./summary";
import { formula, text, type SheetSpec } from "./sheet-spec";
import {
  createSheetDraft,
  type CellInput,
  type ColumnSpec,
  type PlacedTable,
} from "./table-layout";

export interface RestructureSheetInput {
  establishment: Establishment;
  assumptions: Pick<Assumptions, "implementationDate" | "managementGrades" | "agencyWeeksPerYear">;
  /** The costing engine's annual cost of one post (see changes/CostOf). */
  costOf: CostOf;
  options?: ChangesOptions;
  /** Provenance: when and by which version. */
  generatedAt: string;
  version: string;
  /** Sheet name wanted; "Restructure" by default. */
  sheetName?: string;
}

const FTE_DP = 6;
const MONEY_DP = 2;
const yesNo = (b: boolean): string => (b ? "Yes" : "No");

/**
 * Management now / proposed: a post flagged as management, or on a management grade, is
 * management while it has FTE, so its cell is `=IF(FTE>0.000000001,"Yes","No")` over the
 * FTE cell beside it (1E-9 written out: HyperFormula does not read exponents) and the
 * management cost figures follow an edited FTE; any other post is "No" whatever its FTE.
 */
const managementCell = (isManagement: boolean, answer: boolean, fteCell: string): CellInput =>
  isManagement ? formula(`=IF(${fteCell}>0.000000001,"Yes","No")`, yesNo(answer)) : yesNo(answer);

function postColumns(
  withPostId: boolean,
  withPartYear: boolean,
  managementGrades: readonly string[],
  firstRow: number
): ColumnSpec<PostChange>[] {
  const cols: ColumnSpec<PostChange>[] = [];
  if (withPostId)
    cols.push({ key: "id", header: "Post ID", width: 10, cell: (p) => p.post.postId ?? "" });
  cols.push(
    { key: "title", header: "Post", width: 28, cell: (p) => p.title },
    { key: "team", header: "Team", width: 16, cell: (p) => p.team },
    { key: "gradeNow", header: "Grade now", width: 10, cell: (p) => p.currentGrade ?? "" },
    {
      key: "gradeProposed",
      header: "Grade proposed",
      width: 10,
      cell: (p) => p.proposedGrade ?? "",
    },
    { key: "contractNow", header: "Contract now", width: 12, cell: (p) => p.currentContract },
    {
      key: "contractProposed",
      header: "Contract proposed",
      width: 12,
      cell: (p) => p.proposedContract,
    },
    {
      key: "fteNow",
      header: "FTE now",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (p) => p.currentFte,
    },
    {
      key: "fteProposed",
      header: "FTE proposed",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (p) => p.proposedFte,
    },
    {
      key: "fteChange",
      header: "FTE change",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (p) => p.fteChange,
    },
    {
      key: "costNow",
      header: "Cost now (a year)",
      width: 14,
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (p) => p.current.total,
    },
    {
      key: "costProposed",
      header: "Cost proposed (a year)",
      width: 14,
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (p) => p.proposed.total,
    },
    {
      key: "change",
      header: "Change (full year)",
      width: 14,
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (p) => p.change,
    }
  );
  if (withPartYear) {
    cols.push({
      key: "partYear",
      header: "Change (part year)",
      width: 14,
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (p) => p.partYearChange ?? 0,
    });
  }
  cols.push(
    {
      key: "classification",
      header: "Classification",
      width: 20,
      cell: (p) => describeChanges(p.changes),
    },
    {
      key: "mgmtNow",
      header: "Management now",
      width: 11,
      cell: (p, i) =>
        managementCell(
          p.post.management === true || isManagementGrade(p.currentGrade, managementGrades),
          p.managementBefore,
          `${letterOf("fteNow")}${firstRow + i + 1}`
        ),
    },
    {
      key: "mgmtProposed",
      header: "Management proposed",
      width: 11,
      cell: (p, i) =>
        managementCell(
          p.post.management === true || isManagementGrade(p.proposedGrade, managementGrades),
          p.managementAfter,
          `${letterOf("fteProposed")}${firstRow + i + 1}`
        ),
    }
  );
  const letterOf = (key: string) => columnLetters(cols.findIndex((c) => c.key === key));
  return cols;
}

/**
 * Whether SUMIF and COUNTIF read a team name as plain text equal to the cell: Excel would
 * read wildcards (* ? ~), a leading comparison (<, >, =), a number, TRUE/FALSE or a date
 * ("Jan 2025") in the criterion, and matches text without regard to case.
 */
function plainCriterion(team: string, teams: readonly string[]): boolean {
  if (team.length > 255 || !/^[A-Za-z]/.test(team) || /[*?~]/.test(team)) return false;
  if (/^(true|false)$/i.test(team)) return false;
  if (/\d/.test(team) && /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(team))
    return false;
  const key = team.toLowerCase();
  return teams.filter((t) => t.toLowerCase() === key).length === 1;
}

/**
 * The team table's figures as native formulas over the posts table's columns: COUNTIF and
 * SUMIF by team, rounded as the core rounds (FTE to 6 places, money to the penny), so they
 * follow the per-post figures (live ones included). A team whose name a criterion would not
 * read as plain text, or a figure the formula would not give exactly, is written as a value.
 */
function teamColumns(
  withPartYear: boolean,
  r: ProposedVersusCurrent,
  posts: PlacedTable,
  firstRow: number
): ColumnSpec<TeamChange>[] {
  const names = r.teams.map((t) => t.team);
  const span = (key: string) => {
    const l = posts.letters[key];
    return `${l}${posts.firstDataRow + 1}:${l}${posts.lastDataRow + 1}`;
  };
  const sumOf = (team: string, value: (p: PostChange) => number) =>
    r.posts.filter((p) => p.team === team).reduce((s, p) => s + value(p), 0);
  /** The team's figure as `=ROUND(SUMIF(...),dp)` when that gives `value`, else the value. */
  const sumIf = (
    t: TeamChange,
    i: number,
    key: string,
    dp: number,
    value: number,
    of: (p: PostChange) => number
  ): CellInput =>
    plainCriterion(t.team, names) && roundTo(sumOf(t.team, of), dp) === value
      ? formula(
          `=ROUND(SUMIF(${span("team")},A${firstRow + i + 1},${span(key)}),${dp})`,
          value,
          dp === FTE_DP ? "fte" : "money"
        )
      : value;
  const cols: ColumnSpec<TeamChange>[] = [
    { key: "team", header: "Team", width: 28, cell: (t) => t.team },
    {
      key: "posts",
      header: "Posts (rows)",
      format: "integer",
      totalDecimals: 0,
      cell: (t, i) =>
        plainCriterion(t.team, names)
          ? formula(`=COUNTIF(${span("team")},A${firstRow + i + 1})`, t.posts, "integer")
          : t.posts,
    },
    {
      key: "fteNow",
      header: "FTE now",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (t, i) => sumIf(t, i, "fteNow", FTE_DP, t.currentFte, (p) => p.currentFte),
    },
    {
      key: "fteProposed",
      header: "FTE proposed",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (t, i) => sumIf(t, i, "fteProposed", FTE_DP, t.proposedFte, (p) => p.proposedFte),
    },
    {
      key: "fteChange",
      header: "FTE change",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (t, i) => {
        const row = firstRow + i + 1;
        return roundTo(t.proposedFte - t.currentFte, FTE_DP) === t.fteChange
          ? formula(`=ROUND(D${row}-C${row},${FTE_DP})`, t.fteChange, "fte")
          : t.fteChange;
      },
    },
    {
      key: "costNow",
      header: "Cost now (a year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) => sumIf(t, i, "costNow", MONEY_DP, t.currentCost, (p) => p.current.total),
    },
    {
      key: "costProposed",
      header: "Cost proposed (a year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) =>
        sumIf(t, i, "costProposed", MONEY_DP, t.proposedCost, (p) => p.proposed.total),
    },
    {
      key: "change",
      header: "Change (full year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) => sumIf(t, i, "change", MONEY_DP, t.fullYearEffect, (p) => p.change),
    },
  ];
  if (withPartYear) {
    cols.push({
      key: "partYear",
      header: "Change (part year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) =>
        sumIf(t, i, "partYear", MONEY_DP, t.partYearEffect ?? 0, (p) => p.partYearChange ?? 0),
    });
  }
  return cols;
}

const agencyColumns: ColumnSpec<AgencyConversion>[] = [
  { key: "title", header: "Post", width: 28, cell: (a) => a.title },
  { key: "team", header: "Team", width: 16, cell: (a) => a.team },
  { key: "rate", header: "Agency rate (£ an hour)", format: "money", cell: (a) => a.hourlyRate },
  { key: "hours", header: "Hours a week", format: "fte", cell: (a) => a.hoursPerWeek },
  { key: "weeks", header: "Weeks a year", format: "fte", cell: (a) => a.weeks },
  {
    key: "agency",
    header: "Agency cost (a year)",
    format: "money",
    totalDecimals: MONEY_DP,
    cell: (a) => a.agencyCost,
  },
  {
    key: "permanent",
    header: "Permanent cost (a year)",
    format: "money",
    totalDecimals: MONEY_DP,
    cell: (a) => a.permanentCost,
  },
  {
    key: "saving",
    header: "Saving (a year)",
    format: "money",
    totalDecimals: MONEY_DP,
    cell: (a) => a.saving,
  },
  { key: "perFte", header: "Saving per FTE", format: "money", cell: (a) => a.savingPerFte },
];

function methodology(r: ProposedVersusCurrent, weeks: number): string[] {
  const lines = [
    "How this was calculated",
    "Each post is costed for a whole year as it is now and as proposed (salary plus employer on-costs, from the costing assumptions). A blank proposed FTE means no change; a blank contract type is read as permanent.",
    "Classification: New (no FTE now, FTE proposed); Deleted (proposed FTE 0); Contract changed (e.g. agency to permanent); Regraded (different grade, or a different proposed salary); Increased / Reduced (FTE up / down); Unchanged. A post can show several; the first is the main one.",
    "Full-year effect = proposed cost − current cost over a whole year: positive is net additional resource, negative a saving.",
  ];
  if (r.partYear) {
    const p = r.partYear;
    lines.push(
      `Part-year effect = each post's full-year change × ${p.daysRemaining}/${p.daysInYear}, the days from ${formatUkDate(p.date)} to 31 March in ${financialYearLabel(p.financialYear)}, rounded to the penny per post.`
    );
  }
  lines.push(
    "Management cost: posts flagged as management in the table, or whose grade is one of the management grades in the assumptions; before uses current cost, after uses proposed cost and grade.",
    `Agency cost = hourly rate × hours a week (the row's hours, or FTE × 37) × ${weeks} weeks; the saving is agency cost now less the permanent cost proposed.`,
    "Totals are native Excel formulas over the figures above them, rounded to the penny (FTE to 6 decimal places)."
  );
  return lines;
}

/** The "Restructure" sheet: proposed versus current, per post and team, with the key figures. */
export function buildRestructureSheet(input: RestructureSheetInput): {
  sheet: SheetSpec;
  summary: SheetSummary;
  result: ProposedVersusCurrent;
} {
  const { establishment, assumptions } = input;
  const name = input.sheetName ?? SHEET_NAMES.changes;
  const r = proposedVersusCurrent(establishment.posts, assumptions, input.costOf, input.options);
  const withPartYear = r.partYear !== undefined;
  const d = createSheetDraft();

  d.row([text("Proposed versus current structure", "title")]);
  d.row([
    text(
      `Source: ${quoteSheetName(establishment.sheet)}!${establishment.range}${establishment.table ? ` (table ${establishment.table})` : ""} · Establishment Costing ${input.version} · ${input.generatedAt}`,
      "note"
    ),
  ]);
  d.row([
    text(
      r.partYear
        ? `New structure from ${formatUkDate(r.partYear.date)}: part-year effect is ${r.partYear.daysRemaining} of the ${r.partYear.daysInYear} days of ${financialYearLabel(r.partYear.financialYear)}.`
        : "No implementation date set: part-year effect not shown.",
      "subtitle"
    ),
  ]);
  d.blank();

  const withPostId = establishment.posts.some((p) => p.postId !== undefined && p.postId !== "");
  // The posts table's header row is the next row; its first post the row after.
  const postCols = postColumns(
    withPostId,
    withPartYear,
    assumptions.managementGrades,
    d.nextRow() + 1
  );
  const posts = d.table("RestructurePosts", postCols, r.posts);
  d.blank();

  d.row([text("By team", "subtitle")]);
  // The team table's header row is the next row; its first team the row after.
  const teamsFirstRow = d.nextRow() + 1;
  const teams = d.table(
    "RestructureTeams",
    teamColumns(withPartYear, r, posts, teamsFirstRow),
    r.teams
  );
  d.blank();

  let agency: PlacedTable | undefined;
  d.row([text("Agency conversions", "subtitle")]);
  if (r.agencyConversions.length > 0) {
    agency = d.table("RestructureAgency", agencyColumns, r.agencyConversions);
  } else {
    d.row([text("No agency posts are converted to employed posts.")]);
  }
  d.blank();

  // Key figures: formulas over the tables above, so an auditor can follow each one.
  d.row([text("Key figures", "subtitle")]);
  const ref = (t: PlacedTable, key: string) => t.totalAddress[key];
  const fye = posts.totals.change;
  d.row([
    text(
      fye >= 0
        ? "Net additional resource (full-year effect)"
        : "Net saving (full-year effect, negative)"
    ),
    formula(`=${ref(posts, "change")}`, fye, "money", "total"),
  ]);
  if (withPartYear && r.partYear) {
    d.row([
      text(`Part-year effect in ${financialYearLabel(r.partYear.financialYear)}`),
      formula(`=${ref(posts, "partYear")}`, posts.totals.partYear, "money", "total"),
    ]);
  }
  const mgmtCol = (key: string) => {
    const l = posts.letters[key];
    return `${l}${posts.firstDataRow + 1}:${l}${posts.lastDataRow + 1}`;
  };
  const before = roundTo(
    r.posts.filter((p) => p.managementBefore).reduce((s, p) => s + p.current.total, 0),
    MONEY_DP
  );
  const after = roundTo(
    r.posts.filter((p) => p.managementAfter).reduce((s, p) => s + p.proposed.total, 0),
    MONEY_DP
  );
  const beforeRow = d.row([
    text("Management cost before"),
    formula(`=ROUND(SUMIF(${mgmtCol("mgmtNow")},"Yes",${mgmtCol("costNow")}),2)`, before, "money"),
  ]);
  const afterRow = d.row([
    text("Management cost after"),
    formula(
      `=ROUND(SUMIF(${mgmtCol("mgmtProposed")},"Yes",${mgmtCol("costProposed")}),2)`,
      after,
      "money"
    ),
  ]);
  const b = d.address(beforeRow, 1);
  const a = d.address(afterRow, 1);
  const mgmtChange = roundTo(after - before, MONEY_DP);
  const changeRow = d.row([
    text("Management cost change"),
    formula(`=ROUND(${a}-${b},2)`, mgmtChange, "money"),
  ]);
  d.row([
    text("Management cost change (%)"),
    formula(
      `=IF(${b}=0,"",ROUND(${d.address(changeRow, 1)}/${b},4))`,
      before === 0 ? "" : roundTo(mgmtChange / before, 4),
      "percent"
    ),
  ]);
  if (agency) {
    d.row([
      text("Agency conversions: saving a year"),
      formula(`=${ref(agency, "saving")}`, agency.totals.saving, "money", "total"),
    ]);
  }
  d.row([
    text("Check: team totals equal post totals"),
    formula(
      `=IF(ROUND(${ref(teams, "change")}-${ref(posts, "change")},2)=0,"OK","Check")`,
      roundTo(teams.totals.change - posts.totals.change, 2) === 0 ? "OK" : "Check",
      undefined,
      "total"
    ),
  ]);
  d.blank();

  for (const w of r.warnings) d.row([text(w, "warning")]);
  if (r.warnings.length > 0) d.blank();
  methodology(r, assumptions.agencyWeeksPerYear).forEach((line, i) =>
    d.row([text(line, i === 0 ? "subtitle" : "note")])
  );

  const sheet = d.toSpec("changes", name, {
    freeze: { rows: posts.headerRow + 1, columns: withPostId ? 2 : 1 },
    minWidths: [44],
  });

  const t = r.totals;
  const headline =
    `${fye >= 0 ? "Net additional resource" : "Net saving"} of ${formatPounds(Math.abs(fye))} a year (full-year effect)` +
    (r.partYear && t.partYearEffect !== undefined
      ? `; ${formatPounds(Math.abs(t.partYearEffect))} in ${financialYearLabel(r.partYear.financialYear)}`
      : "") +
    (r.management.percentChange !== undefined
      ? `; management cost ${r.management.percentChange <= 0 ? "down" : "up"} ${Math.abs(Math.round(r.management.percentChange * 1000) / 10)}%`
      : "");
  const summary: SheetSummary = {
    key: "changes",
    sheetName: name,
    headline,
    figures: [
      { label: "Current cost (a year)", value: t.currentCost, format: "money" },
      { label: "Proposed cost (a year)", value: t.proposedCost, format: "money" },
      { label: "Full-year effect", value: t.fullYearEffect, format: "money" },
      ...(t.partYearEffect !== undefined
        ? [{ label: "Part-year effect", value: t.partYearEffect, format: "money" as const }]
        : []),
      { label: "FTE now", value: t.currentFte, format: "fte" },
      { label: "FTE proposed", value: t.proposedFte, format: "fte" },
      { label: "Management cost before", value: r.management.before, format: "money" },
      { label: "Management cost after", value: r.management.after, format: "money" },
      ...(r.management.percentChange !== undefined
        ? [
            {
              label: "Management cost change",
              value: r.management.percentChange,
              format: "percent" as const,
            },
          ]
        : []),
      { label: "Agency conversion saving (a year)", value: r.agencySaving, format: "money" },
    ],
    warnings: r.warnings,
  };
  return { sheet, summary, result: r };
}
