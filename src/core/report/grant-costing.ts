import { SHEET_NAMES } from "./sheet-names";
import {
  costEstablishment,
  costingWindow,
  windowWarnings,
  type EstablishmentCosting,
  type PostCosting,
} from "../costing";
import { financialYearLabel, formatUkDate, type FinancialYear } from "../dates";
import { columnLetters, quoteSheetName } from "../grid";
import type { Assumptions, Establishment, PayScales, Post } from "../model";
import { grantPosts } from "../model";
import { deduction, formatPounds, roundPenny, roundTo } from "../money";
import type { SheetBuild, SummaryFigure } from "./summary";
import { formula, num, text, type SpecCell } from "./sheet-spec";
import { postIdentityColumns } from "./post-columns";
import { createSheetDraft, type CellInput, type ColumnSpec } from "./table-layout";
import { assumptionCell, rateInput } from "./assumption-cells";
import { cellRef, div, lit, ROUND, type Expr } from "./expr";
import { salaryOf } from "./estab-calls";
import { figureCell, liveBook, type LiveBook } from "./render";
import type { LiveInputs } from "./establishment-cost";

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
  version: string;
  source?: string;
  /** Sheet name wanted; "Grant Costing" by default. */
  sheetName?: string;
  /**
   * Live: the assumption cells (vacancy factor, grant) refer to the Assumptions sheet; the
   * per-post figures are still made live by the pass in live/grant-costing.ts.
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

/** The methodology note written on the sheet (docs/methodology.md has the full version). */
function methodologyLines(a: Assumptions, flat: boolean): string[] {
  const lines = [
    "How this was calculated",
    "Each post is costed month by month from 1 April to 31 March; a part month costs its share by days (16–30 September is 15/30 of September's pay).",
    "Pay in a month = full-time annual salary × FTE ÷ 12. The costing point is the " +
      `${a.costingPoint === "mid" ? "mid-point" : a.costingPoint === "actual" ? "post-holder's actual point" : `${a.costingPoint} of the grade`} on the first day costed; ` +
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
      "Employer NI = rate × (pay in the month ÷ people − monthly secondary threshold) × people, never below zero, per tax month of the FY; people = headcount, or FTE rounded up where the table has none.",
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
    "£k summary: each figure is its £ total ÷ 1,000 rounded to one decimal place (£0.1k); £k totals add the rounded figures shown, so they add up on the page and may differ from the £ totals by a few hundred pounds.",
    "See docs/methodology.md for every rule, the NI table and worked examples."
  );
  return lines;
}

/**
 * The Grant Costing sheet: one row per post with its total cost per FY, the grant lines
 * under the totals (vacancy factor, exit costs, grant, headroom), a detail table of
 * salary, NI, pension and levy per post and FY, a £k summary whose totals add up on the
 * page, and the methodology. Totals are native SUM formulas over the rounded figures, so
 * Excel or LibreOffice recalculating them get the core's values to the penny.
 */
export function buildGrantCostingSheet(
  input: GrantCostingInput,
  precomputed?: EstablishmentCosting
): SheetBuild & { live?: LiveBook } {
  const { establishment, assumptions: a } = input;
  const posts = input.posts ?? grantPosts(establishment, a.grant.name);
  const window = costingWindow(a);
  const costing = precomputed ?? costEstablishment(posts, a, window, input.payScales);
  const flat = a.onCostMode === "flat";
  const years = costing.years;
  const n = years.length;
  const rows = ordered(costing.posts, input.groupBy);
  const sheetName = input.sheetName ?? SHEET_NAMES.grant;
  const book = input.live ? liveBook(sheetName) : undefined;
  const ac = input.live?.assumptionCells;
  /** An amount of money on the Assumptions sheet, read as the functions read money ("£750,000"). */
  const moneyInput = (key: string, value: number): Expr => {
    const cell = assumptionCell(ac, key);
    return cell ? salaryOf(cell) : lit(value);
  };
  const grant = a.grant;
  // No grant set up (no name, no amount): the sheet is the posts' multi-year cost, and says
  // so, rather than "Grant costing: Grant".
  const noGrant =
    !grant.name?.trim() &&
    grant.amount === undefined &&
    Object.keys(grant.amountsByYear ?? {}).length === 0;
  const grantName = grant.name?.trim() || (noGrant ? "Multi-year cost" : "Grant");
  const source = input.source ?? `${quoteSheetName(establishment.sheet)}!${establishment.range}`;
  const withExit = a.exitCostWeeks > 0;
  const warnings: string[] = [...windowWarnings(a), ...costing.warnings];
  // A grant no post's Funding names: said on the sheet's verdict line, as at the Grant
  // name cell, instead of a "within grant" that would read as good news.
  const noMatch = input.posts === undefined && posts.length === 0 && establishment.posts.length > 0;
  for (const pc of costing.posts) {
    for (const w of pc.warnings)
      warnings.push(`${pc.post.title} (row ${pc.post.sourceRow + 1}): ${w}`);
  }

  const d = createSheetDraft();
  const span = `${financialYearLabel(years[0])} to ${financialYearLabel(years[n - 1])}`;
  d.row([
    text(noGrant ? "Multi-year cost (no grant set up)" : `Grant costing: ${grantName}`, "title"),
  ]);
  d.row([
    text(
      `${formatUkDate(window.start)} to ${formatUkDate(window.end)} (${span}) · ${posts.length} post${posts.length === 1 ? "" : "s"} · ` +
        `costed at ${a.costingPoint === "mid" ? "mid-point" : a.costingPoint === "actual" ? "actual point" : `${a.costingPoint} of grade`} · ` +
        (flat ? `flat on-costs ${pct(a.flatOnCostRate)}` : "employer NI, pension and levy"),
      "subtitle"
    ),
  ]);
  d.row([
    text(
      `Source: ${source} · Establishment Costing ${input.version} · ${input.generatedAt}`,
      "note"
    ),
  ]);
  const warningRow = d.nextRow();
  d.row([]); // filled below once the over-commitment is known
  d.blank();

  // --- Cost per post: one row per post, a column per FY, window total (a same-row SUM).
  const yearCol = (y: number) => `y${y}`;
  const leading = postIdentityColumns();
  const firstYearCol = leading.length;
  const lastYearCol = firstYearCol + n - 1;
  const yearLetters = years.map((_, y) => columnLetters(firstYearCol + y));
  const totalLetter = columnLetters(lastYearCol + 1);
  d.row([text("Total cost per post (£)", "subtitle")]);
  const tableStart = d.nextRow() + 2; // 1-based row of the first post: the header is next
  const postColumns: ColumnSpec<PostCosting>[] = [
    ...leading,
    ...years.map((fy, y): ColumnSpec<PostCosting> => ({
      key: yearCol(y),
      header: `${financialYearLabel(fy)} total cost`,
      width: 14,
      format: "money",
      totalDecimals: MONEY_DP,
      // Live mode (issue 7) can set `live` here from pc.post.cells.
      cell: (pc) => num(pc.years[y].total, "money"),
    })),
    {
      key: "total",
      header: "Window total",
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
  if (withExit) {
    postColumns.push({
      key: "exit",
      header: `Exit-cost contingency (${a.exitCostWeeks} weeks)`,
      width: 16,
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (pc) => num(pc.exitCost, "money"),
    });
  }
  const table = d.table("GrantCostPerPost", postColumns, rows, {
    totalLabel: "Total cost",
    emptyText: "No posts",
  });
  const totalRow = (table.totalRow as number) + 1; // 1-based

  // --- Grant lines under the totals row, in the same FY columns.
  const line = (
    label: string,
    cells: (y: number) => CellInput,
    total: CellInput,
    extra: CellInput[] = []
  ): number => {
    const out: CellInput[] = [text(label, "total"), null, null, null, ...extra];
    while (out.length < firstYearCol) out.push(null);
    for (let y = 0; y < n; y++) out.push(cells(y));
    out.push(total);
    return d.row(out) + 1;
  };
  const rowSum = (r: number) => `ROUND(SUM(${yearLetters[0]}${r}:${yearLetters[n - 1]}${r}),2)`;

  const vacancyRow = d.nextRow() + 1;
  const rateCell = `$${columnLetters(firstYearCol - 1)}$${vacancyRow}`;
  line(
    "Less vacancy factor",
    (y) =>
      formula(
        `=-ROUND(${yearLetters[y]}${totalRow}*${rateCell},2)`,
        deduction(costing.vacancy.byYear[y]),
        "money"
      ),
    formula(`=${rowSum(vacancyRow)}`, deduction(costing.vacancy.total), "money"),
    [
      null,
      figureCell(
        book,
        costing.vacancy.rate,
        () => rateInput(ac, "vacancyFactor", costing.vacancy.rate),
        "vacancy factor",
        "percent",
        "input"
      ),
    ]
  );
  const netRow = line(
    "Net cost after vacancy factor",
    (y) =>
      formula(
        `=ROUND(${yearLetters[y]}${totalRow}+${yearLetters[y]}${vacancyRow},2)`,
        costing.netByYear[y],
        "money",
        "total"
      ),
    formula(`=${rowSum(vacancyRow + 1)}`, costing.netTotal, "money", "total")
  );
  let commitmentRow = netRow;
  const commitment = [...costing.netByYear];
  if (withExit) {
    const exitTotal = table.totalAddress.exit;
    const exitRow = line(
      "Exit-cost contingency at grant end",
      (y) => (y === n - 1 ? formula(`=${exitTotal}`, costing.exitCost, "money") : num(0, "money")),
      formula(`=${rowSum(d.nextRow() + 1)}`, costing.exitCost, "money")
    );
    commitment[n - 1] = roundPenny(commitment[n - 1] + costing.exitCost);
    commitmentRow = line(
      "Total commitment",
      (y) =>
        formula(
          `=ROUND(${yearLetters[y]}${netRow}+${yearLetters[y]}${exitRow},2)`,
          commitment[y],
          "money",
          "total"
        ),
      formula(
        `=${rowSum(d.nextRow() + 1)}`,
        roundPenny(costing.netTotal + costing.exitCost),
        "money",
        "total"
      )
    );
  }
  const commitmentTotal = roundPenny(commitment.reduce((s, v) => s + v, 0));

  // Grant: per-year amounts when given, and the whole-window amount.
  const byYear = grant.amountsByYear;
  const hasByYear = !!byYear && years.some((fy) => typeof byYear[fy] === "number");
  const grantYear = (fy: FinancialYear) => (hasByYear ? (byYear?.[fy] ?? 0) : undefined);
  const grantTotal =
    typeof grant.amount === "number"
      ? grant.amount
      : hasByYear
        ? roundPenny(years.reduce((s, fy) => s + (grantYear(fy) ?? 0), 0))
        : undefined;
  let headroomTotal: number | undefined;
  // The grant's own cell above, for the £k summary to refer to in a live sheet.
  let grantAt: { cell: string; value: number } | undefined;
  if (grantTotal !== undefined) {
    const grantRow = d.nextRow() + 1;
    line(
      hasByYear ? "Grant available" : "Grant available (whole window)",
      (y) => {
        if (!hasByYear) return null;
        const amount = grantYear(years[y]) ?? 0;
        const key = `grant:${years[y]}`;
        return figureCell(
          book,
          amount,
          () => moneyInput(key, amount),
          `grant ${financialYearLabel(years[y])}`,
          "money",
          "input"
        );
      },
      typeof grant.amount === "number" || !hasByYear
        ? figureCell(
            book,
            grantTotal,
            () => moneyInput("grant.amount", grantTotal),
            "grant amount",
            "money",
            "input"
          )
        : formula(`=${rowSum(grantRow)}`, grantTotal, "money")
    );
    const grantTotalCell = `$${totalLetter}$${grantRow}`;
    grantAt = { cell: grantTotalCell, value: grantTotal };
    if (hasByYear) {
      line(
        "Headroom in year",
        (y) =>
          formula(
            `=ROUND(${yearLetters[y]}${grantRow}-${yearLetters[y]}${commitmentRow},2)`,
            roundPenny((grantYear(years[y]) ?? 0) - commitment[y]),
            "money"
          ),
        null
      );
    }
    headroomTotal = roundPenny(grantTotal - commitmentTotal);
    let cumGrant = 0;
    let cumCost = 0;
    const headroomRow = line(
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
    if (grantTotal > 0) {
      line(
        "% of grant used",
        () => null,
        formula(
          `=${totalLetter}${commitmentRow}/${totalLetter}${grantRow}`,
          commitmentTotal / grantTotal,
          "percent"
        )
      );
    }
    const over = headroomTotal < 0;
    line(
      "Grant status",
      () => null,
      formula(
        `=IF(${totalLetter}${headroomRow}<0,"Over-committed","Within grant")`,
        over ? "Over-committed" : "Within grant",
        undefined,
        over ? "warning" : undefined
      )
    );
  }

  // Over-commitment, in words, at the top.
  let status: string;
  if (noGrant) {
    status =
      "No grant is set up (no Grant name or Grant amount on the Assumptions sheet): this is the multi-year cost of the posts, with no headroom.";
  } else if (grantTotal === undefined) {
    status = "No grant amount given: costs are shown without headroom.";
  } else if ((headroomTotal as number) < 0) {
    status = `WARNING: over-committed by ${formatPounds(-(headroomTotal as number))}: costs of ${formatPounds(commitmentTotal)} against a grant of ${formatPounds(grantTotal)}.`;
  } else {
    status = `Within grant: ${formatPounds(headroomTotal as number)} headroom (${pct(grantTotal > 0 ? commitmentTotal / grantTotal : 0)} of ${formatPounds(grantTotal)} used).`;
  }
  const overYears = hasByYear
    ? years.filter((fy, y) => (grantYear(fy) ?? 0) < commitment[y]).map(financialYearLabel)
    : [];
  if (overYears.length > 0) status += ` Costs exceed the year's grant in ${overYears.join(", ")}.`;
  if (noMatch)
    status = `WARNING: no post's Funding names the grant '${grantName}', so no post is costed against it: check the Grant name on the Assumptions sheet against the Funding column.`;
  const isWarning =
    noMatch ||
    (grantTotal !== undefined && ((headroomTotal as number) < 0 || overYears.length > 0));
  if (isWarning) warnings.unshift(status);

  // --- Detail: salary, NI, pension, levy per post and FY.
  d.blank();
  d.row([text("Detail: salary and on-costs per post (£)", "subtitle")]);
  const parts: Array<{ key: "salary" | "ni" | "pension" | "levy" | "flatOnCost"; label: string }> =
    flat
      ? [
          { key: "salary", label: "salary" },
          { key: "flatOnCost", label: `on-costs (flat ${pct(a.flatOnCostRate)})` },
        ]
      : [
          { key: "salary", label: "salary" },
          { key: "ni", label: "employer NI" },
          { key: "pension", label: "employer pension" },
          { key: "levy", label: "apprenticeship levy" },
        ];
  const detailColumns: ColumnSpec<PostCosting>[] = [
    { key: "title", header: "Post", width: 30, cell: (pc) => text(pc.post.title) },
    { key: "id", header: "Post ID", width: 10, cell: (pc) => text(pc.post.postId ?? "") },
  ];
  years.forEach((fy, y) =>
    parts.forEach((p) =>
      detailColumns.push({
        key: `${p.key}${y}`,
        header: `${financialYearLabel(fy)} ${p.label}`,
        width: 13,
        format: "money",
        totalDecimals: MONEY_DP,
        cell: (pc) => num(pc.years[y][p.key], "money"),
      })
    )
  );
  const detail = d.table("GrantCostDetail", detailColumns, rows, {
    totalLabel: "Total",
    emptyText: "No posts",
  });

  // --- £k summary: each line rounded from its £ total; totals add the rounded lines.
  d.blank();
  d.row([text("Summary in £k (totals add the rounded figures shown)", "subtitle")]);
  const kHeader = d.row([
    text("£k", "header"),
    null,
    null,
    null,
    null,
    null,
    ...years.map((fy) => text(financialYearLabel(fy), "header")),
    text("Window total", "header"),
  ]);
  void kHeader;
  const k = (x: number) => roundTo(x / 1000, K_DP);
  const kRows: number[] = [];
  const kValues: number[][] = [];
  const kLine = (
    label: string,
    refs: (y: number) => string,
    values: (y: number) => number,
    style?: "total"
  ) => {
    const vals = years.map((_, y) => values(y));
    const r = d.nextRow() + 1;
    const cells: CellInput[] = [text(label, style), null, null, null, null, null];
    vals.forEach((v, y) => cells.push(formula(refs(y), v, "moneyK", style)));
    cells.push(
      formula(
        `=ROUND(SUM(${yearLetters[0]}${r}:${yearLetters[n - 1]}${r}),1)`,
        roundTo(
          vals.reduce((s, v) => s + v, 0),
          K_DP
        ),
        "moneyK",
        style
      )
    );
    d.row(cells);
    kRows.push(r);
    kValues.push(vals);
    return { row: r, values: vals };
  };
  const partLines = parts.map((p) =>
    kLine(
      p.label[0].toUpperCase() + p.label.slice(1),
      (y) => `=ROUND(${detail.totalAddress[`${p.key}${y}`]}/1000,1)`,
      (y) => k(costing.yearTotals[y][p.key])
    )
  );
  const first = partLines[0].row;
  const last = partLines[partLines.length - 1].row;
  const kTotal = kLine(
    "Total cost",
    (y) => `=ROUND(SUM(${yearLetters[y]}${first}:${yearLetters[y]}${last}),1)`,
    (y) =>
      roundTo(
        partLines.reduce((s, l) => s + l.values[y], 0),
        K_DP
      ),
    "total"
  );
  const kVac = kLine(
    "Less vacancy factor",
    (y) => `=ROUND(${yearLetters[y]}${vacancyRow}/1000,1)`,
    (y) => k(deduction(costing.vacancy.byYear[y]))
  );
  let kCommit = kLine(
    "Net cost",
    (y) => `=ROUND(${yearLetters[y]}${kTotal.row}+${yearLetters[y]}${kVac.row},1)`,
    (y) => roundTo(kTotal.values[y] + kVac.values[y], K_DP),
    "total"
  );
  if (withExit) {
    const kExit = kLine(
      "Exit-cost contingency",
      (y) => (y === n - 1 ? `=ROUND(${table.totalAddress.exit}/1000,1)` : "=0"),
      (y) => (y === n - 1 ? k(costing.exitCost) : 0)
    );
    const net = kCommit;
    kCommit = kLine(
      "Total commitment",
      (y) => `=ROUND(${yearLetters[y]}${net.row}+${yearLetters[y]}${kExit.row},1)`,
      (y) => roundTo(net.values[y] + kExit.values[y], K_DP),
      "total"
    );
  }
  if (grantTotal !== undefined) {
    const kCommitTotal = roundTo(
      kCommit.values.reduce((s, v) => s + v, 0),
      K_DP
    );
    const r = d.nextRow() + 1;
    const kGrantYears = years.map((fy) => k(grantYear(fy) ?? 0));
    const kGrantTotal = hasByYear
      ? roundTo(
          kGrantYears.reduce((s, v) => s + v, 0),
          K_DP
        )
      : k(grantTotal);
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
            book,
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

  // --- Per team or grade, summing each group's contiguous rows of the post table.
  if (input.groupBy && rows.length > 0) {
    d.blank();
    d.row([text(`Cost by ${input.groupBy} (£)`, "subtitle")]);
    d.row([
      text(input.groupBy === "team" ? "Team" : "Grade", "header"),
      null,
      null,
      null,
      text("FTE", "header"),
      null,
      ...years.map((fy) => text(financialYearLabel(fy), "header")),
      text("Window total", "header"),
    ]);
    let start = 0;
    while (start < rows.length) {
      const key = groupKey(rows[start].post, input.groupBy);
      let end = start;
      while (end + 1 < rows.length && groupKey(rows[end + 1].post, input.groupBy) === key) end++;
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
            group.reduce((s, pc) => s + pc.post.fte, 0),
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
            roundPenny(group.reduce((s, pc) => s + pc.years[y].total, 0)),
            "money"
          )
        )
      );
      cells.push(
        formula(
          `=ROUND(SUM(${totalLetter}${r0}:${totalLetter}${r1}),2)`,
          roundPenny(group.reduce((s, pc) => s + pc.total.total, 0)),
          "money"
        )
      );
      d.row(cells);
      start = end + 1;
    }
  }

  d.blank();
  methodologyLines(a, flat).forEach((l, i) => d.row([text(l, i === 0 ? "subtitle" : "note")]));

  const sheet = d.toSpec("grant", sheetName, { freeze: { rows: 0, columns: 1 }, minWidths: [32] });
  (sheet.cells[warningRow] as (SpecCell | null)[]).push(
    text(status, isWarning ? "warning" : "note")
  );

  const figures: SummaryFigure[] = [
    { label: "Total cost", value: costing.total.total, format: "money" },
    { label: "Less vacancy factor", value: deduction(costing.vacancy.total), format: "money" },
  ];
  if (withExit)
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
      value: commitment[y],
      format: "money",
    })
  );
  return {
    sheet,
    ...(book ? { live: book } : {}),
    summary: {
      key: "grant",
      sheetName,
      headline:
        `${grantName}: ${formatPounds(commitmentTotal)} over ${span} for ${posts.length} post${posts.length === 1 ? "" : "s"}` +
        (grantTotal === undefined
          ? ""
          : headroomTotal! < 0
            ? ` — over-committed by ${formatPounds(-headroomTotal!)}`
            : ` — within the grant, ${formatPounds(headroomTotal!)} headroom`),
      figures,
      warnings,
    },
  };
}
