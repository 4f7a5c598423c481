import { builtBy } from "./print";
import { SHEET_NAMES } from "./sheet-names";
import {
  costEstablishment,
  costingWindow,
  windowWarnings,
  type CostingWindow,
  type EstablishmentCosting,
  type PostCosting,
} from "../costing";
import {
  financialYearEnd,
  financialYearLabel,
  financialYearStart,
  formatUkDate,
  type FinancialYear,
} from "../dates";
import { columnLetters, quoteSheetName } from "../grid";
import type { Assumptions, Establishment, PayScales, Post } from "../model";
import { COSTING_POINT_WORDS, grantPosts } from "../model";
import { deduction, formatPounds, roundPenny, roundTo } from "../money";
import type { SheetBuild, SheetSummary, SummaryFigure } from "./summary";
import { formula, num, text, type SpecCell } from "./sheet-spec";
import { postIdentityColumns, postName, type PostLive } from "./post-columns";
import {
  createSheetDraft,
  type CellInput,
  type ColumnSpec,
  type PlacedTable,
  type SheetDraft,
} from "./table-layout";
import {
  assumptionCell,
  awardsMatrix,
  profileSettingsMatrix,
  rateInput,
  settingsTable,
  type AssumptionCells,
} from "./assumption-cells";
import { cellRef, div, lit, ROUND, type Expr } from "./expr";
import { FIGURE_ARG, salaryOf } from "./estab-calls";
import { profileDefinitions, type Definition, type ProfileSettings } from "./post-inputs";
import { figureCell, liveBook, type LiveBook } from "./render";
import { payOf } from "./post-pay";
import type { LiveInputs } from "./establishment-cost";
import { postsOutlivingGrant } from "./grant-outlived";
import type { Issue } from "../grid";
import { chartAnchorBelow, grantChart, withChart, type GrantChartCells } from "./charts";
import { SETTINGS_USED_HEADING, settingsUsedLines } from "./settings-used";

export interface GrantCostingInput {
  establishment: Establishment;
  assumptions: Assumptions;
  payScales?: PayScales;
  /**
   * Posts to cost. By default the grant's posts (model/funding `grantPosts`): those whose
   * funding names the grant, or every post when nothing says what funds them.
   */
  posts?: Post[];
  /** Group the posts by team or grade, with a cost per group below the table. */
  groupBy?: "team" | "grade";
  /** Provenance: when, by which version, and from which range (default: the establishment's). */
  generatedAt: string;
  /** The scenario built, named on the sheet (`estab build --scenario`). */
  scenario?: string;
  version: string;
  source?: string;
  /** Sheet name wanted; "Grant Costing" by default. */
  sheetName?: string;
  /** The user's Assumptions sheet as read, for the settings-used lines (none: defaults throughout). */
  assumptionsTyped?: AssumptionCells;
  /**
   * Live: each post's FTE, headcount and yearly figures are defined over its cells (as
   * ESTAB.PROFILE), the vacancy factor and the grant over the Assumptions sheet's cells.
   */
  live?: LiveInputs;
}

const MONEY_DP = 2;
/** £k figures: one decimal place (£0.1k = £100). */
const K_DP = 1;

function groupKey(post: Post, by: "team" | "grade" | undefined): string {
  if (by === "team") return post.team?.trim() || "(no team)";
  if (by === "grade") return post.grade?.trim() || "(no grade)";
  return "";
}

/** Stable grouping: groups in order of first appearance, posts in table order within each. */
function ordered(costing: PostCosting[], by: "team" | "grade" | undefined): PostCosting[] {
  if (!by) return costing;
  const groups = new Map<string, PostCosting[]>();
  for (const pc of costing) {
    const k = groupKey(pc.post, by);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(pc);
  }
  return [...groups.values()].flat();
}

const pct = (x: number): string => `${roundTo(x * 100, 2)}%`;

/** The methodology written on the sheet: the method lives in the workbook, not in a file. */
function methodologyLines(a: Assumptions, flat: boolean): string[] {
  const lines = [
    "How this was calculated",
    "Each post is costed month by month from 1 April to 31 March; a part month costs its share by days (16–30 September is 15/30 of September's pay).",
    "Pay in a month = full-time annual salary × FTE ÷ 12. The costing point is the " +
      `${COSTING_POINT_WORDS[a.costingPoint]} on the first day costed; ` +
      (a.incrementRule === "none"
        ? "no increments are modelled."
        : a.incrementRule === "anniversary"
          ? "one increment on each anniversary of the start date, up to the top of the grade."
          : `one increment each 1 April up to the top of the grade, once the post-holder has ${a.incrementServiceMonths} months' service on that 1 April.`),
    "Pay awards apply from 1 April to every point (a flat cash minimum where set); awards compound year on year.",
  ];
  if (flat) {
    lines.push(
      `On-costs: one flat ${pct(a.flatOnCostRate)} of salary in place of employer NI, pension and levy.`
    );
  } else {
    lines.push(
      "Employer NI = rate × (pay in the month ÷ people − monthly secondary threshold) × people, never below zero, per tax month of the financial year; people = headcount, or FTE rounded up where the table has none.",
      `Employer pension = salary × the row's rate (default ${pct(a.pensionRate)}). ` +
        (a.apprenticeshipLevy
          ? "Apprenticeship levy = 0.5% of salary from 2017/18."
          : "Apprenticeship levy: not charged.")
    );
  }
  lines.push(
    "Each post-year figure (salary, NI, pension, levy) is rounded to the penny; a post's total is the sum of its rounded figures, and every total on this sheet is a SUM of the figures shown.",
    `The vacancy factor (${pct(a.vacancyFactor)}) is taken off each year's total as its own line, rounded to the penny.`
  );
  if (a.exitCostWeeks > 0) {
    lines.push(
      `Exit-cost contingency: ${a.exitCostWeeks} weeks' pay (full-time salary × FTE ÷ 52 × weeks) for each post still running on the last day of the grant, shown in the last year; no on-costs.`
    );
  }
  lines.push(
    "£k summary: each figure is its £ total ÷ 1,000 rounded to one decimal place (£0.1k); £k totals add the rounded figures shown, so they add up on the page and may differ from the £ totals by a few hundred pounds."
  );
  return lines;
}

type Part = "salary" | "ni" | "pension" | "levy" | "flatOnCost";

/** What every section of the sheet is a function of. */
interface GrantSheet {
  input: GrantCostingInput;
  a: Assumptions;
  /** The posts costed. */
  posts: Post[];
  window: CostingWindow;
  costing: EstablishmentCosting;
  flat: boolean;
  years: FinancialYear[];
  n: number;
  /** The posts in the order the tables show them (grouped when asked). */
  rows: PostCosting[];
  d: SheetDraft;
  grantName: string;
  noGrant: boolean;
  withExit: boolean;
  /** The detail table's figures and their labels ("employer NI"). */
  parts: Array<{ key: Part; label: string }>;
  /** The FY columns' letters, and the window total's. */
  yearLetters: string[];
  totalLetter: string;
  /** Zero-based column of the first FY. */
  firstYearCol: number;
  /** Set when the sheet is built live. */
  live?: PostLive & LiveInputs;
  /** A post's year k (1-based) of a figure, defined over its cells (live only). */
  profileOf: (pc: PostCosting) => (figure: Part | "total", k: number) => Definition;
}

/** The cost lines under the per-post table, and the commitment they come to. */
interface CostLines {
  totalRow: number;
  vacancyRow: number;
  commitmentRow: number;
  commitment: number[];
  commitmentTotal: number;
}

/** The grant set against the costs. */
interface GrantLines {
  hasByYear: boolean;
  grantYear: (fy: FinancialYear) => number | undefined;
  grantTotal?: number;
  headroomTotal?: number;
  /** The grant's own cell, for the £k summary to refer to in a live sheet. */
  grantAt?: { cell: string; value: number };
  /** 1-based row of the grant left after each year. */
  headroomRow?: number;
}

/**
 * The Grant Costing sheet: one row per post with its total cost per FY, the grant lines
 * under the totals (vacancy factor, exit costs, grant, headroom), a detail table of
 * salary, NI, pension and levy per post and FY, a £k summary whose totals add up on the
 * page, and the methodology. Totals are native SUM formulas over the rounded figures, so
 * Excel or LibreOffice recalculating them get the core's values to the penny. Built live,
 * each post's figures are also defined over its cells (ESTAB.PROFILE) and the assumptions
 * over the Assumptions sheet's (see render.ts); `live` says how many cells are and why the
 * others are not.
 */
export function buildGrantCostingSheet(
  input: GrantCostingInput,
  precomputed?: EstablishmentCosting
): SheetBuild & { live?: LiveBook; issues: Issue[] } {
  const s = grantSheet(input, precomputed);
  const warnings: string[] = [...windowWarnings(s.a), ...s.costing.warnings];
  for (const pc of s.costing.posts)
    for (const w of pc.warnings) warnings.push(`${postName(pc)}: ${w}`);
  const outliving = postsOutlivingGrant(input.establishment, s.posts, s.a, input.payScales);
  const issues = outliving.issues;
  if (outliving.summary) warnings.push(outliving.summary);
  const warningRow = titleSection(s);
  const table = postTable(s);
  const cost = costLines(s, table);
  const grant = grantSection(s, cost);
  const { status, isWarning } = verdict(s, cost, grant);
  if (isWarning) warnings.unshift(status);
  const detail = detailTable(s);
  const yearsRow = kSummary(s, table, detail, cost, grant);
  groupSection(s, table);
  s.d.blank();
  const years = Array.from({ length: s.window.years }, (_, i) => s.window.firstYear + i);
  [
    ...methodologyLines(s.a, s.flat),
    SETTINGS_USED_HEADING,
    ...settingsUsedLines(s.a, input.assumptionsTyped, years, {
      switched: input.live?.assumptionCells?.switch,
    }),
  ].forEach((l, i) => s.d.row([text(l, i === 0 ? "subtitle" : "note")]));
  const built = s.d.toSpec("grant", input.sheetName ?? SHEET_NAMES.grant, {
    freeze: { rows: table.headerRow + 1, columns: 1 },
    minWidths: [32],
  });
  (built.cells[warningRow] as (SpecCell | null)[]).push(
    text(status, isWarning ? "warning" : "note")
  );
  const sheet = grant.headroomRow
    ? withChart(
        built,
        grantChart(grantChartCells(s, yearsRow, cost, grant.headroomRow), chartAnchorBelow(built))
      )
    : built;
  const book = s.live?.book;
  return {
    sheet,
    ...(book ? { live: book } : {}),
    summary: summaryOf(s, cost, grant, warnings),
    issues,
  };
}

/** The £k summary's years (shorter than the table's "2025/26 total cost"), the commitment and the grant left, per FY. */
function grantChartCells(
  s: GrantSheet,
  yearsRow: number,
  cost: CostLines,
  headroomRow: number
): GrantChartCells {
  const across = (row: number) => `${s.yearLetters[0]}${row}:${s.yearLetters[s.n - 1]}${row}`;
  return {
    years: across(yearsRow + 1),
    commitment: across(cost.commitmentRow),
    withExit: s.withExit,
    headroom: across(headroomRow),
  };
}

/** The costing and layout every section reads. */
function grantSheet(input: GrantCostingInput, precomputed?: EstablishmentCosting): GrantSheet {
  const { establishment, assumptions: a } = input;
  const posts = input.posts ?? grantPosts(establishment, a.grant.name);
  const window = costingWindow(a);
  const costing = precomputed ?? costEstablishment(posts, a, window, input.payScales);
  const flat = a.onCostMode === "flat";
  const years = costing.years;
  const n = years.length;
  const grant = a.grant;
  // No grant set up (no name, no amount): the sheet is the posts' multi-year cost, and says
  // so, rather than "Grant costing: Grant".
  const noGrant =
    !grant.name?.trim() &&
    grant.amount === undefined &&
    Object.keys(grant.amountsByYear ?? {}).length === 0;
  const firstYearCol = postIdentityColumns().length;
  const book = input.live ? liveBook(input.sheetName ?? SHEET_NAMES.grant) : undefined;
  const live = book && input.live && { ...input.live, book, establishment };
  return {
    input,
    a,
    posts,
    window,
    costing,
    flat,
    years,
    n,
    rows: ordered(costing.posts, input.groupBy),
    d: createSheetDraft(),
    grantName: grant.name?.trim() || (noGrant ? "Multi-year cost" : "Grant"),
    noGrant,
    withExit: a.exitCostWeeks > 0,
    parts: flat
      ? [
          { key: "salary", label: "salary" },
          { key: "flatOnCost", label: `on-costs (flat ${pct(a.flatOnCostRate)})` },
        ]
      : [
          { key: "salary", label: "salary" },
          { key: "ni", label: "employer NI" },
          { key: "pension", label: "employer pension" },
          { key: "levy", label: "apprenticeship levy" },
        ],
    yearLetters: years.map((_, y) => columnLetters(firstYearCol + y)),
    totalLetter: columnLetters(firstYearCol + n),
    firstYearCol,
    live,
    profileOf: live ? profilesOf(input, window, live) : () => () => ({ reason: "not live" }),
  };
}

/**
 * Each post's profile definitions, made once per post and shared by its cells in both
 * tables; the settings are the Assumptions sheet's whole block (pay awards, grant dates,
 * costing point included) when it is one range, else constants.
 */
function profilesOf(
  input: GrantCostingInput,
  window: CostingWindow,
  live: PostLive & LiveInputs
): GrantSheet["profileOf"] {
  const a = input.assumptions;
  const args = profileSettings(live.assumptionCells, a);
  const made = new Map<PostCosting, ReturnType<GrantSheet["profileOf"]>>();
  return (pc) => {
    let of = made.get(pc);
    if (!of) {
      const pay = payOf(live.establishment, pc.post, a, input.payScales, live.textCell);
      made.set(pc, (of = profileDefinitions(live.establishment, pc.post, pay, window, args)));
    }
    return of;
  };
}

/** ESTAB.PROFILE's settings and awards: the settings block, else constants (made once a sheet). */
function profileSettings(ac: AssumptionCells | undefined, a: Assumptions): ProfileSettings {
  const table = settingsTable(ac);
  if (table) return { settings: () => table };
  const constant = (withPoints: boolean) => {
    const m = profileSettingsMatrix(a, withPoints);
    return m && lit(m);
  };
  const [withPoints, without] = [constant(true), constant(false)];
  const awards = awardsMatrix(a);
  return { settings: (points) => (points ? withPoints : without), awards: awards && lit(awards) };
}

/** Title, window and provenance; the row the verdict goes on. */
function titleSection(s: GrantSheet): number {
  const { d, a, years, n, window, posts, flat, input } = s;
  const est = input.establishment;
  const source = input.source ?? `${quoteSheetName(est.sheet)}!${est.range}`;
  const span = `${financialYearLabel(years[0])} to ${financialYearLabel(years[n - 1])}`;
  d.row([
    text(
      s.noGrant ? "Multi-year cost (no grant set up)" : `Grant costing: ${s.grantName}`,
      "title"
    ),
  ]);
  d.row([
    text(
      `${formatUkDate(window.start)} to ${formatUkDate(window.end)} (${span}) · ${posts.length} post${posts.length === 1 ? "" : "s"} · ` +
        `costed at the ${COSTING_POINT_WORDS[a.costingPoint]} · ` +
        (flat ? `flat on-costs ${pct(a.flatOnCostRate)}` : "employer NI, pension and levy"),
      "subtitle"
    ),
  ]);
  d.row([text(`Source: ${source} · ${builtBy(input)}`, "note")]);
  const warningRow = d.nextRow();
  d.row([]); // filled once the over-commitment is known
  d.blank();
  return warningRow;
}

/** A post's year k of `figure`, live when its definition gives the figure shown. */
function profileCell(s: GrantSheet, pc: PostCosting, figure: Part | "total", y: number) {
  // Shareable: the value alone, with no definition made.
  if (!s.live) return num(pc.years[y][figure], "money");
  return figureCell(
    s.live?.book,
    pc.years[y][figure],
    () => s.profileOf(pc)(figure, y + 1),
    () => `${postName(pc)} year ${y + 1} ${FIGURE_ARG[figure]}`,
    "money"
  );
}

/** Cost per post: one row per post, a column per FY, window total (a same-row SUM). */
function postTable(s: GrantSheet): PlacedTable {
  const { d, a, years, n, yearLetters, live } = s;
  d.row([text("Total cost per post (£)", "subtitle")]);
  const tableStart = d.nextRow() + 2; // 1-based row of the first post: the header is next
  const columns: ColumnSpec<PostCosting>[] = [
    ...postIdentityColumns(live),
    ...years.map((fy, y): ColumnSpec<PostCosting> => ({
      key: `y${y}`,
      header: `${financialYearLabel(fy)} total cost`,
      width: 14,
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (pc) => profileCell(s, pc, "total", y),
    })),
    {
      key: "total",
      header: "Total over the grant",
      width: 15,
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (pc, i) =>
        formula(
          `=ROUND(SUM(${yearLetters[0]}${tableStart + i}:${yearLetters[n - 1]}${tableStart + i}),2)`,
          pc.total.total,
          "money"
        ),
    },
  ];
  if (s.withExit)
    columns.push({
      key: "exit",
      header: `Exit-cost contingency (${a.exitCostWeeks} weeks)`,
      width: 16,
      format: "money",
      totalDecimals: MONEY_DP,
      // Weeks of the salary rate at the grant's end, after the window's increments and
      // awards: a rate no function gives, so it stays a value.
      cell: (pc) =>
        figureCell(
          live?.book,
          pc.exitCost,
          () => ({
            reason: "weeks of the salary rate at the grant's end, which no function gives",
          }),
          `${postName(pc)} exit-cost contingency`,
          "money"
        ),
    });
  return d.table("GrantCostPerPost", columns, s.rows, {
    totalLabel: "Total cost",
    emptyText: "No posts",
  });
}

/** A line under the per-post table: label, then a cell per FY and the window total; its 1-based row. */
function grantLine(
  s: GrantSheet,
  label: string,
  cells: (y: number) => CellInput,
  total: CellInput,
  extra: CellInput[] = []
): number {
  const out: CellInput[] = [text(label, "total"), null, null, null, ...extra];
  while (out.length < s.firstYearCol) out.push(null);
  for (let y = 0; y < s.n; y++) out.push(cells(y));
  out.push(total);
  return s.d.row(out) + 1;
}

/** ROUND(SUM(first FY:last FY)) of a 1-based row. */
const rowSum = (s: GrantSheet, r: number): string =>
  `ROUND(SUM(${s.yearLetters[0]}${r}:${s.yearLetters[s.n - 1]}${r}),2)`;

/** The vacancy factor, the net cost and, with exit costs, the total commitment. */
function costLines(s: GrantSheet, table: PlacedTable): CostLines {
  const { d, costing, yearLetters, n, firstYearCol, live } = s;
  const totalRow = (table.totalRow as number) + 1; // 1-based
  const vacancyRow = d.nextRow() + 1;
  const rateCell = `$${columnLetters(firstYearCol - 1)}$${vacancyRow}`;
  grantLine(
    s,
    "Less vacancy factor",
    (y) =>
      formula(
        `=-ROUND(${yearLetters[y]}${totalRow}*${rateCell},2)`,
        deduction(costing.vacancy.byYear[y]),
        "money"
      ),
    formula(`=${rowSum(s, vacancyRow)}`, deduction(costing.vacancy.total), "money"),
    [
      null,
      figureCell(
        live?.book,
        costing.vacancy.rate,
        () => rateInput(live?.assumptionCells, "vacancyFactor", costing.vacancy.rate),
        "vacancy factor",
        "percent",
        "input"
      ),
    ]
  );
  const netRow = grantLine(
    s,
    "Net cost after vacancy factor",
    (y) =>
      formula(
        `=ROUND(${yearLetters[y]}${totalRow}+${yearLetters[y]}${vacancyRow},2)`,
        costing.netByYear[y],
        "money",
        "total"
      ),
    formula(`=${rowSum(s, vacancyRow + 1)}`, costing.netTotal, "money", "total")
  );
  let commitmentRow = netRow;
  const commitment = [...costing.netByYear];
  if (s.withExit) {
    const exitTotal = table.totalAddress.exit;
    const exitRow = grantLine(
      s,
      "Exit-cost contingency at grant end",
      (y) => (y === n - 1 ? formula(`=${exitTotal}`, costing.exitCost, "money") : num(0, "money")),
      formula(`=${rowSum(s, d.nextRow() + 1)}`, costing.exitCost, "money")
    );
    commitment[n - 1] = roundPenny(commitment[n - 1] + costing.exitCost);
    commitmentRow = grantLine(
      s,
      "Total commitment",
      (y) =>
        formula(
          `=ROUND(${yearLetters[y]}${netRow}+${yearLetters[y]}${exitRow},2)`,
          commitment[y],
          "money",
          "total"
        ),
      formula(
        `=${rowSum(s, d.nextRow() + 1)}`,
        roundPenny(costing.netTotal + costing.exitCost),
        "money",
        "total"
      )
    );
  }
  const commitmentTotal = roundPenny(commitment.reduce((t, v) => t + v, 0));
  return { totalRow, vacancyRow, commitmentRow, commitment, commitmentTotal };
}

/** An amount of money on the Assumptions sheet, read as the functions read money ("£750,000"). */
function moneyInput(ac: AssumptionCells | undefined, key: string, value: number): Expr {
  const cell = assumptionCell(ac, key);
  return cell ? salaryOf(cell) : lit(value);
}

/** Grant: per-year amounts when given, and the whole-window amount; headroom, % used, status. */
function grantSection(s: GrantSheet, cost: CostLines): GrantLines {
  const { a, years, yearLetters, totalLetter, live } = s;
  const grant = a.grant;
  const byYear = grant.amountsByYear;
  const hasByYear = !!byYear && years.some((fy) => typeof byYear[fy] === "number");
  const grantYear = (fy: FinancialYear) => (hasByYear ? (byYear?.[fy] ?? 0) : undefined);
  const grantTotal =
    typeof grant.amount === "number"
      ? grant.amount
      : hasByYear
        ? roundPenny(years.reduce((t, fy) => t + (grantYear(fy) ?? 0), 0))
        : undefined;
  const out: GrantLines = { hasByYear, grantYear, grantTotal };
  if (grantTotal === undefined) return out;
  const ac = live?.assumptionCells;
  const grantRow = s.d.nextRow() + 1;
  grantLine(
    s,
    hasByYear ? "Grant available" : "Grant available (all years)",
    (y) => {
      if (!hasByYear) return null;
      const amount = grantYear(years[y]) ?? 0;
      return figureCell(
        live?.book,
        amount,
        () => moneyInput(ac, `grant:${years[y]}`, amount),
        `grant ${financialYearLabel(years[y])}`,
        "money",
        "input"
      );
    },
    typeof grant.amount === "number" || !hasByYear
      ? figureCell(
          live?.book,
          grantTotal,
          () => moneyInput(ac, "grant.amount", grantTotal),
          "grant amount",
          "money",
          "input"
        )
      : formula(`=${rowSum(s, grantRow)}`, grantTotal, "money")
  );
  const grantTotalCell = `$${totalLetter}$${grantRow}`;
  out.grantAt = { cell: grantTotalCell, value: grantTotal };
  const { commitment, commitmentRow, commitmentTotal } = cost;
  if (hasByYear)
    grantLine(
      s,
      "Headroom in year",
      (y) =>
        formula(
          `=ROUND(${yearLetters[y]}${grantRow}-${yearLetters[y]}${commitmentRow},2)`,
          roundPenny((grantYear(years[y]) ?? 0) - commitment[y]),
          "money"
        ),
      null
    );
  const headroomTotal = roundPenny(grantTotal - commitmentTotal);
  out.headroomTotal = headroomTotal;
  let cumGrant = 0;
  let cumCost = 0;
  const headroomRow = grantLine(
    s,
    "Cumulative headroom",
    (y) => {
      cumGrant += grantYear(years[y]) ?? 0;
      cumCost += commitment[y];
      const grantPart = hasByYear
        ? `SUM($${yearLetters[0]}$${grantRow}:${yearLetters[y]}${grantRow})`
        : grantTotalCell;
      const value = roundPenny((hasByYear ? cumGrant : grantTotal) - cumCost);
      return formula(
        `=ROUND(${grantPart}-SUM($${yearLetters[0]}$${commitmentRow}:${yearLetters[y]}${commitmentRow}),2)`,
        value,
        "money"
      );
    },
    formula(
      `=ROUND(${totalLetter}${grantRow}-${totalLetter}${commitmentRow},2)`,
      headroomTotal,
      "money",
      "total"
    )
  );
  out.headroomRow = headroomRow;
  if (grantTotal > 0)
    grantLine(
      s,
      "% of grant used",
      () => null,
      formula(
        `=${totalLetter}${commitmentRow}/${totalLetter}${grantRow}`,
        commitmentTotal / grantTotal,
        "percent"
      )
    );
  const over = headroomTotal < 0;
  grantLine(
    s,
    "Grant status",
    () => null,
    formula(
      `=IF(${totalLetter}${headroomRow}<0,"Over-committed","Within grant")`,
      over ? "Over-committed" : "Within grant",
      undefined,
      over ? "warning" : undefined
    )
  );
  return out;
}

/**
 * Yearly grant for a year outside the grant's dates, said on the verdict line too: it is
 * counted in the grant available as typed, so "within grant" may rest on it (the reader
 * warns at the amount's cell, grant-year-outside-dates; a manager reads this line).
 */
function grantYearsOutside(s: GrantSheet, g: GrantLines): string | undefined {
  const { start, end } = s.a.grant;
  if (!g.hasByYear || (start !== undefined && end !== undefined && end < start)) return undefined;
  const outside = s.years.filter(
    (fy) =>
      (g.grantYear(fy) ?? 0) > 0 &&
      ((end !== undefined && financialYearStart(fy) > end) ||
        (start !== undefined && financialYearEnd(fy) < start))
  );
  if (outside.length === 0) return undefined;
  const each = outside.map(
    (fy) => `${financialYearLabel(fy)} (${formatPounds(g.grantYear(fy) ?? 0)})`
  );
  const dates = [
    start !== undefined ? `starts ${formatUkDate(start)}` : "",
    end !== undefined ? `ends ${formatUkDate(end)}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  return `WARNING: the grant ${dates}, but the grant available counts ${each.join(", ")} for ${outside.length === 1 ? "a year" : "years"} outside those dates, as typed on the Assumptions sheet: check the grant's dates or clear ${outside.length === 1 ? "that amount" : "those amounts"}.`;
}

/** Over-commitment (or no grant), in words, for the line under the title. */
function verdict(
  s: GrantSheet,
  cost: CostLines,
  g: GrantLines
): { status: string; isWarning: boolean } {
  const { commitment, commitmentTotal } = cost;
  const { grantTotal, headroomTotal } = g;
  let status: string;
  if (s.noGrant) {
    status =
      "No grant is set up (no Grant name or Grant amount on the Assumptions sheet): this is the multi-year cost of the posts, with no headroom.";
  } else if (grantTotal === undefined) {
    status = "No grant amount given: costs are shown without headroom.";
  } else if ((headroomTotal as number) < 0) {
    status = `WARNING: over-committed by ${formatPounds(-(headroomTotal as number))}: costs of ${formatPounds(commitmentTotal)} against a grant of ${formatPounds(grantTotal)}.`;
  } else {
    status = `Within grant: ${formatPounds(headroomTotal as number)} headroom (${pct(grantTotal > 0 ? commitmentTotal / grantTotal : 0)} of ${formatPounds(grantTotal)} used).`;
  }
  const overYears = g.hasByYear
    ? s.years.filter((fy, y) => (g.grantYear(fy) ?? 0) < commitment[y]).map(financialYearLabel)
    : [];
  if (overYears.length > 0) status += ` Costs exceed the year's grant in ${overYears.join(", ")}.`;
  const outside = grantYearsOutside(s, g);
  if (outside) status += ` ${outside}`;
  // A grant no post's Funding names: said on the sheet's verdict line, as at the Grant
  // name cell, instead of a "within grant" that would read as good news.
  const est = s.input.establishment;
  const noMatch = s.input.posts === undefined && s.posts.length === 0 && est.posts.length > 0;
  if (noMatch)
    status = `WARNING: no post's Funding names the grant '${s.grantName}', so no post is costed against it: check the Grant name on the Assumptions sheet against the Funding column.`;
  const isWarning =
    noMatch ||
    outside !== undefined ||
    (grantTotal !== undefined && ((headroomTotal as number) < 0 || overYears.length > 0));
  return { status, isWarning };
}

/** Detail: salary, NI, pension, levy (or flat on-costs) per post and FY. */
function detailTable(s: GrantSheet): PlacedTable {
  const { d } = s;
  d.blank();
  d.row([text("Detail: salary and on-costs per post (£)", "subtitle")]);
  const columns: ColumnSpec<PostCosting>[] = [
    { key: "title", header: "Post", width: 30, cell: (pc) => text(pc.post.title) },
    { key: "id", header: "Post ID", width: 10, cell: (pc) => text(pc.post.postId ?? "") },
  ];
  s.years.forEach((fy, y) =>
    s.parts.forEach((p) =>
      columns.push({
        key: `${p.key}${y}`,
        header: `${financialYearLabel(fy)} ${p.label}`,
        width: 13,
        format: "money",
        totalDecimals: MONEY_DP,
        cell: (pc) => profileCell(s, pc, p.key, y),
      })
    )
  );
  return d.table("GrantCostDetail", columns, s.rows, {
    totalLabel: "Total",
    emptyText: "No posts",
  });
}

/** A £k line: label, a ROUND formula per FY, and the window total adding the rounded figures. */
function kLine(
  s: GrantSheet,
  label: string,
  refs: (y: number) => string,
  values: (y: number) => number,
  style?: "total"
): { row: number; values: number[] } {
  const { yearLetters, n } = s;
  const vals = s.years.map((_, y) => values(y));
  const r = s.d.nextRow() + 1;
  const cells: CellInput[] = [text(label, style), null, null, null, null, null];
  vals.forEach((v, y) => cells.push(formula(refs(y), v, "moneyK", style)));
  cells.push(
    formula(
      `=ROUND(SUM(${yearLetters[0]}${r}:${yearLetters[n - 1]}${r}),1)`,
      roundTo(
        vals.reduce((t, v) => t + v, 0),
        K_DP
      ),
      "moneyK",
      style
    )
  );
  s.d.row(cells);
  return { row: r, values: vals };
}

const k = (x: number) => roundTo(x / 1000, K_DP);

/** £k summary: each line rounded from its £ total; totals add the rounded lines. Gives its header row (zero-based), which names the years. */
function kSummary(
  s: GrantSheet,
  table: PlacedTable,
  detail: PlacedTable,
  cost: CostLines,
  g: GrantLines
): number {
  const { d, years, yearLetters, costing, n } = s;
  d.blank();
  d.row([text("Summary in £k (totals add the rounded figures shown)", "subtitle")]);
  const headerRow = d.row([
    text("£k", "header"),
    null,
    null,
    null,
    null,
    null,
    ...years.map((fy) => text(financialYearLabel(fy), "header")),
    text("Total over the grant", "header"),
  ]);
  const partLines = s.parts.map((p) =>
    kLine(
      s,
      p.label[0].toUpperCase() + p.label.slice(1),
      (y) => `=ROUND(${detail.totalAddress[`${p.key}${y}`]}/1000,1)`,
      (y) => k(costing.yearTotals[y][p.key])
    )
  );
  const first = partLines[0].row;
  const last = partLines[partLines.length - 1].row;
  const kTotal = kLine(
    s,
    "Total cost",
    (y) => `=ROUND(SUM(${yearLetters[y]}${first}:${yearLetters[y]}${last}),1)`,
    (y) =>
      roundTo(
        partLines.reduce((t, l) => t + l.values[y], 0),
        K_DP
      ),
    "total"
  );
  const kVac = kLine(
    s,
    "Less vacancy factor",
    (y) => `=ROUND(${yearLetters[y]}${cost.vacancyRow}/1000,1)`,
    (y) => k(deduction(costing.vacancy.byYear[y]))
  );
  let kCommit = kLine(
    s,
    "Net cost",
    (y) => `=ROUND(${yearLetters[y]}${kTotal.row}+${yearLetters[y]}${kVac.row},1)`,
    (y) => roundTo(kTotal.values[y] + kVac.values[y], K_DP),
    "total"
  );
  if (s.withExit) {
    const kExit = kLine(
      s,
      "Exit-cost contingency",
      (y) => (y === n - 1 ? `=ROUND(${table.totalAddress.exit}/1000,1)` : "=0"),
      (y) => (y === n - 1 ? k(costing.exitCost) : 0)
    );
    const net = kCommit;
    kCommit = kLine(
      s,
      "Total commitment",
      (y) => `=ROUND(${yearLetters[y]}${net.row}+${yearLetters[y]}${kExit.row},1)`,
      (y) => roundTo(net.values[y] + kExit.values[y], K_DP),
      "total"
    );
  }
  if (g.grantTotal !== undefined) kGrantLines(s, g, kCommit);
  return headerRow;
}

/** The grant in £k (per year when given) and the headroom against the £k commitment. */
function kGrantLines(
  s: GrantSheet,
  g: GrantLines,
  kCommit: { row: number; values: number[] }
): void {
  const { d, years, yearLetters, totalLetter, n, live } = s;
  const { hasByYear, grantAt } = g;
  const kCommitTotal = roundTo(
    kCommit.values.reduce((t, v) => t + v, 0),
    K_DP
  );
  const r = d.nextRow() + 1;
  const kGrantYears = years.map((fy) => k(g.grantYear(fy) ?? 0));
  const kGrantTotal = hasByYear
    ? roundTo(
        kGrantYears.reduce((t, v) => t + v, 0),
        K_DP
      )
    : k(g.grantTotal as number);
  const grantCells: CellInput[] = [text("Grant available"), null, null, null, null, null];
  years.forEach((_, y) => grantCells.push(hasByYear ? num(kGrantYears[y], "moneyK") : null));
  grantCells.push(
    hasByYear
      ? formula(
          `=ROUND(SUM(${yearLetters[0]}${r}:${yearLetters[n - 1]}${r}),1)`,
          kGrantTotal,
          "moneyK"
        )
      : figureCell(
          live?.book,
          kGrantTotal,
          () =>
            grantAt
              ? ROUND(div(cellRef(grantAt.cell, lit(grantAt.value)), lit(1000)), K_DP)
              : { reason: "no grant cell" },
          "grant (£k)",
          "moneyK"
        )
  );
  d.row(grantCells);
  const hr: CellInput[] = [text("Headroom", "total"), null, null, null, null, null];
  years.forEach((_, y) =>
    hr.push(
      hasByYear
        ? formula(
            `=ROUND(${yearLetters[y]}${r}-${yearLetters[y]}${kCommit.row},1)`,
            roundTo(kGrantYears[y] - kCommit.values[y], K_DP),
            "moneyK",
            "total"
          )
        : null
    )
  );
  hr.push(
    formula(
      `=ROUND(${totalLetter}${r}-${totalLetter}${kCommit.row},1)`,
      roundTo(kGrantTotal - kCommitTotal, K_DP),
      "moneyK",
      "total"
    )
  );
  d.row(hr);
}

/** Per team or grade, summing each group's contiguous rows of the post table. */
function groupSection(s: GrantSheet, table: PlacedTable): void {
  const { d, rows, years, yearLetters, totalLetter } = s;
  const by = s.input.groupBy;
  if (!by || rows.length === 0) return;
  const tableStart = table.firstDataRow + 1;
  d.blank();
  d.row([text(`Cost by ${by} (£)`, "subtitle")]);
  d.row([
    text(by === "team" ? "Team" : "Grade", "header"),
    null,
    null,
    null,
    text("FTE", "header"),
    null,
    ...years.map((fy) => text(financialYearLabel(fy), "header")),
    text("Total over the grant", "header"),
  ]);
  let start = 0;
  while (start < rows.length) {
    const key = groupKey(rows[start].post, by);
    let end = start;
    while (end + 1 < rows.length && groupKey(rows[end + 1].post, by) === key) end++;
    const group = rows.slice(start, end + 1);
    const r0 = tableStart + start;
    const r1 = tableStart + end;
    const fteLetter = table.letters.fte;
    const cells: CellInput[] = [
      text(key),
      null,
      null,
      null,
      formula(
        `=ROUND(SUM(${fteLetter}${r0}:${fteLetter}${r1}),6)`,
        roundTo(
          group.reduce((t, pc) => t + pc.post.fte, 0),
          6
        ),
        "fte"
      ),
      null,
    ];
    years.forEach((_, y) =>
      cells.push(
        formula(
          `=ROUND(SUM(${yearLetters[y]}${r0}:${yearLetters[y]}${r1}),2)`,
          roundPenny(group.reduce((t, pc) => t + pc.years[y].total, 0)),
          "money"
        )
      )
    );
    cells.push(
      formula(
        `=ROUND(SUM(${totalLetter}${r0}:${totalLetter}${r1}),2)`,
        roundPenny(group.reduce((t, pc) => t + pc.total.total, 0)),
        "money"
      )
    );
    d.row(cells);
    start = end + 1;
  }
}

/** The build summary: the headline and the figures. */
function summaryOf(
  s: GrantSheet,
  cost: CostLines,
  g: GrantLines,
  warnings: string[]
): SheetSummary {
  const { costing, years, n, posts } = s;
  const { commitmentTotal } = cost;
  const { grantTotal, headroomTotal } = g;
  const figures: SummaryFigure[] = [
    { label: "Total cost", value: costing.total.total, format: "money" },
    { label: "Less vacancy factor", value: deduction(costing.vacancy.total), format: "money" },
  ];
  if (s.withExit)
    figures.push({ label: "Exit-cost contingency", value: costing.exitCost, format: "money" });
  figures.push({ label: "Total commitment", value: commitmentTotal, format: "money" });
  if (grantTotal !== undefined) {
    figures.push({ label: "Grant", value: grantTotal, format: "money" });
    figures.push({ label: "Headroom", value: headroomTotal as number, format: "money" });
    if (grantTotal > 0)
      figures.push({
        label: "% of grant used",
        value: commitmentTotal / grantTotal,
        format: "percent",
      });
  }
  years.forEach((fy, y) =>
    figures.push({
      label: `${financialYearLabel(fy)} commitment`,
      value: cost.commitment[y],
      format: "money",
    })
  );
  const span = `${financialYearLabel(years[0])} to ${financialYearLabel(years[n - 1])}`;
  return {
    key: "grant",
    sheetName: s.input.sheetName ?? SHEET_NAMES.grant,
    headline:
      `${s.grantName}: ${formatPounds(commitmentTotal)} over ${span} for ${posts.length} post${posts.length === 1 ? "" : "s"}` +
      (grantTotal === undefined
        ? ""
        : headroomTotal! < 0
          ? ` — over-committed by ${formatPounds(-headroomTotal!)}`
          : ` — within the grant, ${formatPounds(headroomTotal!)} headroom`),
    figures,
    warnings,
  };
}
