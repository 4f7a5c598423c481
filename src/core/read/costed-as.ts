/**
 * What the cost sheets cost where a row says something else: an agency row costed as an
 * employee on its salary, a teacher in the TPS costed at the assumed pension rate, a
 * Salary column left uncosted by the costing point. Each said at the cell that says it.
 */
import { columnLetters, type Grid, type Issue } from "../grid";
import type { Assumptions, AssumptionsSource, Establishment, PayScales, Post } from "../model";
import { COSTING_POINT_WORDS } from "../model";
import { formatNumber, formatPounds } from "../money";
import { agencyAnnualCost, agencyWeekOf, hourlyAgencyRate } from "../changes/agency";
import { annualCostOf } from "../changes/engine-cost";
import { indexPayScales, isMoney, payLadderFor } from "../costing";
import { issueAtAddress } from "./issues";
import { rowNotes } from "./row-defaults";

const pounds = (x: number) => formatPounds(x);
const percent = (x: number) => `${formatNumber(x * 100, 2).replace(/\.?0+$/, "")}%`;

/** The agency rate columns, in the order a row's rate is taken from (the first filled). */
const AGENCY_FIELDS = [
  "agencyHourlyRate",
  "agencyDailyRate",
  "agencyWeeklyRate",
  "agencyAnnualRate",
] as const;

/**
 * An agency row with a salary: the Establishment Cost and Grant Costing sheets cost it as
 * an employee (pay plus on-costs), the Restructure sheet at its agency charge. A warning at
 * the rate's cell with both figures, so one post's two costs are never a surprise.
 */
export function agencyCostedAsEmployee(
  est: Establishment | undefined,
  a: Assumptions,
  payScales: PayScales | undefined
): Issue[] {
  if (!est) return [];
  const week = agencyWeekOf(a);
  // The costing is prepared only for a table with an agency rate.
  let costOf: ReturnType<typeof annualCostOf> | undefined;
  const hits = est.posts.flatMap((post) => {
    const rate = hourlyAgencyRate(post, week);
    const at = AGENCY_FIELDS.map((f) => post.cells[f]).find((c) => c !== undefined);
    if (!rate || at === undefined || !(post.fte > 0)) return [];
    const employed = (costOf ??= annualCostOf(a, payScales))(post);
    if (!(employed.total > 0)) return [];
    const hours = post.hoursPerWeek ?? post.fte * week.hoursPerWeek;
    const charge = agencyAnnualCost(rate.hourly, hours, week.weeksPerYear);
    const fy = `${a.firstYear}/${String((a.firstYear + 1) % 100).padStart(2, "0")}`;
    return [
      {
        address: at,
        message: `'${post.title}' is costed on the Establishment Cost and Grant Costing sheets as an employee: pay ${pounds(employed.salary)} a year, ${pounds(employed.total)} with employer on-costs in ${fy}, not at its agency charge, ${pounds(charge)} a year (${pounds(rate.hourly)} an hour × ${formatNumber(hours)} hours a week × ${formatNumber(week.weeksPerYear)} weeks), which is what the Restructure sheet costs for an agency post`,
      },
    ];
  });
  return rowNotes(
    est.sheet,
    hits,
    "warning",
    "agency-costed-as-employee",
    "nothing to do if the post is budgeted as employed; while an agency worker fills it, budget the agency charge (the Restructure sheet's figure) instead",
    "have an agency rate and are costed as employees on their salary, not at the agency charge"
  );
}

/** Pension schemes whose employer rate is not a council's LGPS rate. */
const SCHEMES: ReadonlyArray<{ test: RegExp; name: string; rate: string }> = [
  {
    test: /\bTPS\b|\bteach|\bSTPCD\b/i,
    name: "the Teachers' Pension Scheme",
    rate: "28.68% from April 2024",
  },
  {
    test: /\bNHS\b|\bNHSPS\b/i,
    name: "the NHS Pension Scheme",
    rate: "23.7% from April 2024, of which an NHS employer pays 14.38% itself",
  },
];

/** The establishment's unmapped columns whose heading names a pension scheme or terms. */
function schemeColumns(grid: Grid, est: Establishment): number[] {
  const mapped = new Set(Object.values(est.columns));
  const header = grid.values[est.headerRow - grid.origin.row] ?? [];
  return header.flatMap((v, c) =>
    typeof v === "string" &&
    /\b(?:pension|scheme|terms)\b/i.test(v) &&
    !mapped.has(c + grid.origin.column)
      ? [c]
      : []
  );
}

/**
 * A row whose pension scheme or terms column names the TPS (or NHS Pension) but has no
 * pension rate of its own is costed at the assumed rate, a council's LGPS figure: a
 * warning at the scheme cell (20 named, then a count) with the scheme's employer rate.
 */
export function pensionSchemes(
  grids: readonly Grid[],
  est: Establishment | undefined,
  a: Assumptions,
  source: AssumptionsSource
): Issue[] {
  if (!est || est.structures) return [];
  const grid = grids.find(
    (g) =>
      g.sheet === est.sheet &&
      (est.table === undefined || g.table === est.table) &&
      est.headerRow - g.origin.row >= 0 &&
      est.headerRow - g.origin.row < g.values.length
  );
  if (!grid) return [];
  const used =
    a.onCostMode === "flat"
      ? `the flat on-cost rate ${percent(a.flatOnCostRate)} (pension, NI and levy together)`
      : `the employer pension rate ${percent(a.pensionRate)} (${source.cells.pensionRate ? "set on the Assumptions sheet" : "the default: the Assumptions sheet does not set it"})`;
  const hits: Array<{ address: string; message: string }> = [];
  for (const c of schemeColumns(grid, est))
    for (const post of est.posts) {
      const v = grid.values[post.sourceRow - grid.origin.row]?.[c];
      const scheme = typeof v === "string" ? SCHEMES.find((s) => s.test.test(v)) : undefined;
      if (!scheme || post.pensionRate !== undefined) continue;
      hits.push({
        address: `${columnLetters(c + grid.origin.column)}${post.sourceRow + 1}`,
        message: `'${post.title}' is in ${scheme.name} ('${String(v)}') but is costed at ${used}, not the scheme's employer rate (${scheme.rate})`,
      });
    }
  return rowNotes(
    est.sheet,
    hits,
    "warning",
    "pension-scheme-rate",
    a.onCostMode === "flat"
      ? "cost on-costs by their parts (not flat) and give these posts a Pension rate column with the scheme's employer rate"
      : "add a Pension rate column with the scheme's employer rate on these posts (e.g. 28.68% for the TPS); other posts' blank rate stays the assumed one",
    "name a scheme with its own employer rate but are costed at the assumed rate"
  );
}

/** The salary a post starts the first FY on under a costing point. */
function startSalary(
  post: Post,
  point: Assumptions["costingPoint"],
  a: Assumptions,
  scales: ReturnType<typeof indexPayScales>
): number {
  const ladder = payLadderFor(post, point, a.gradeSteps, scales, a.firstYear);
  return ladder.points[ladder.start]?.salary ?? 0;
}

/**
 * A Salary column (or, with none, a spinal point column) that the costing point leaves
 * uncosted (bottom, mid or top of the grade costs the grade's point): a warning at its
 * heading, only when some post's salary or spinal point would have changed its figure,
 * with the first such post.
 */
export function salaryNotCosted(
  est: Establishment | undefined,
  a: Assumptions,
  source: AssumptionsSource,
  payScales: PayScales | undefined
): Issue[] {
  const column = est?.columns.salary ?? est?.columns.spinalPoint;
  if (!est || column === undefined || a.costingPoint === "actual") return [];
  const name = est.columns.salary !== undefined ? "Salary" : "spinal point";
  const scales = indexPayScales(payScales);
  // Posts alike in what prices them are alike here: each pair of salaries is found once.
  const seen = new Map<string, { costed: number; actual: number }>();
  const changed = est.posts.flatMap((post) => {
    if (!isMoney(post.salary) && post.spinalPoint === undefined) return [];
    const key = `${post.grade ?? ""}|${post.minSalary}|${post.maxSalary}|${post.salary}|${post.spinalPoint}`;
    let pair = seen.get(key);
    if (!pair) {
      pair = {
        costed: startSalary(post, a.costingPoint, a, scales),
        actual: startSalary(post, "actual", a, scales),
      };
      seen.set(key, pair);
    }
    return Math.abs(pair.costed - pair.actual) >= 0.005 ? [{ post, ...pair }] : [];
  });
  if (changed.length === 0) return [];
  const first = changed[0];
  const set = source.cells.costingPoint
    ? "set on the Assumptions sheet"
    : "the default: not set on an Assumptions sheet";
  return [
    issueAtAddress(
      est.sheet,
      `${columnLetters(column)}${est.headerRow + 1}`,
      "warning",
      "salary-not-costed",
      `The ${name} column is not costed: the costing point is the ${COSTING_POINT_WORDS[a.costingPoint]} (${set}), so ${changed.length === 1 ? "1 post is" : `${changed.length} posts are`} costed at the grade's point, not the salary or spinal point typed (e.g. '${first.post.title}' row ${first.post.sourceRow + 1}: ${pounds(first.costed)}, not ${pounds(first.actual)})`,
      "set 'Costing point' to 'actual' on the Assumptions sheet to cost each post-holder's salary (or spinal point); nothing to do if the grade's point is what the budget wants"
    ),
  ];
}
