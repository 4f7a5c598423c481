/**
 * Live and shareable sheets. A live sheet's computed per-post cells carry an ESTAB.*
 * formula that reads the post's own cells on the establishment sheet, so the sheet
 * recalculates when the user edits the establishment; "make shareable" turns it back into
 * values plus native formulas for colleagues without the add-in. Both are pure passes
 * over a built SheetSpec, so the sheet builders stay as they are.
 *
 * A cell is made live only when the formula gives exactly the value the core wrote: the
 * pass works the figure out again the way the function will (same core call, same
 * inputs) and leaves any cell it cannot reproduce as a value, saying why.
 */
import {
  costingPointIndex,
  costingWindow,
  costPost,
  PLAIN_DEFAULTS,
  plainAssumptions,
  postCostInYear,
  type CostFigures,
  type PlainSettings,
} from "../costing";
import { roundPenny } from "../money";
import { financialYearLabel, financialYearOf, type FinancialYear } from "../dates";
import { columnLetters, parseRangeA1, quoteSheetName } from "../grid";
import { agencyAnnualCost, FULL_TIME_HOURS, proposedPostOf } from "../changes";
import type {
  Assumptions,
  Establishment,
  Localities,
  LocalityWeights,
  PayScales,
  Post,
  PostField,
} from "../model";
import { allocateExact, needIndex } from "../shares";
import { grantPosts } from "./grant-costing";
import type { NumberCell, SheetSpec, SpecCell } from "./sheet-spec";

export interface LiveSource {
  /** The establishment the sheet was built from: its sheet name and each post's cell addresses. */
  establishment?: Establishment;
  /** The localities table the Locality shares sheet was built from. */
  localities?: Localities;
  assumptions: Assumptions;
}

export interface LiveOutcome {
  /** The sheet with `live` set on every cell that could be made live. */
  sheet: SheetSpec;
  /** Cells given an ESTAB formula. */
  liveCells: number;
  /** Cells left as values, each with the reason ("Family Support Worker: pay from the grade range"). */
  notLive: string[];
}

type Figure = keyof CostFigures;

/** The figure each money column of the Establishment Cost table shows, by its header. */
const COST_HEADERS: ReadonlyArray<[RegExp, Figure]> = [
  [/^salary$/i, "salary"],
  [/^employer ni$/i, "ni"],
  [/^employer pension$/i, "pension"],
  [/^apprenticeship levy$/i, "levy"],
  [/^on-costs/i, "flatOnCost"],
  [/^total cost$/i, "total"],
];

/** The `figure` argument of ESTAB.POSTCOST for each engine figure. */
const FIGURE_ARG: Record<Figure, string> = {
  salary: "salary",
  ni: "ni",
  pension: "pension",
  levy: "levy",
  flatOnCost: "flat",
  total: "total",
};

/** A number as formula text: JavaScript's shortest round-trip form, which Excel reads back exactly. */
const numberText = (x: number): string => String(x);
const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The settings argument as an array constant: only what differs from the functions'
 * defaults, so a plain formula stays short. Returns "" when nothing differs.
 */
export function settingsConstant(
  a: Assumptions,
  options: { grantDates?: boolean; gradePoints?: boolean } = {}
): string {
  const rows: string[] = [];
  if (!a.apprenticeshipLevy) rows.push(`"Levy","No"`);
  if (a.niRate !== undefined) rows.push(`"NI rate",${numberText(a.niRate)}`);
  if (a.niMonthlyThreshold !== undefined)
    rows.push(`"NI threshold",${numberText(a.niMonthlyThreshold)}`);
  if (a.pensionRate) rows.push(`"Pension rate",${numberText(a.pensionRate)}`);
  if (a.onCostMode === "flat") {
    rows.push(`"On-cost mode","flat"`, `"Flat on-cost rate",${numberText(a.flatOnCostRate)}`);
  }
  if (options.gradePoints) {
    // Only read with a points range: where on the grade the post starts and when it moves up.
    rows.push(`"Costing point",${quoted(a.costingPoint)}`);
    if (a.incrementRule !== PLAIN_DEFAULTS.incrementRule)
      rows.push(`"Increment rule",${quoted(a.incrementRule)}`);
    if (a.incrementServiceMonths !== PLAIN_DEFAULTS.incrementServiceMonths)
      rows.push(`"Increment service months",${numberText(a.incrementServiceMonths)}`);
  }
  if (options.grantDates && a.grant.start !== undefined)
    rows.push(`"Grant start",${numberText(a.grant.start)}`);
  if (options.grantDates && a.grant.end !== undefined)
    rows.push(`"Grant end",${numberText(a.grant.end)}`);
  return rows.length ? `{${rows.join(";")}}` : "";
}

/** What the settings constant above tells the functions, as the engine's settings. */
function settingsOf(a: Assumptions): PlainSettings {
  return {
    apprenticeshipLevy: a.apprenticeshipLevy,
    niRate: a.niRate,
    niMonthlyThreshold: a.niMonthlyThreshold,
    pensionRate: a.pensionRate,
    onCostMode: a.onCostMode,
    flatOnCostRate: a.onCostMode === "flat" ? a.flatOnCostRate : 0,
  };
}

function refTo(est: Establishment, post: Post, ...fields: PostField[]): string | undefined {
  for (const f of fields) {
    const cell = post.cells[f];
    if (cell) return `${quoteSheetName(est.sheet)}!${cell}`;
  }
  return undefined;
}

/**
 * A post costed from its grade's minimum and maximum (costing point bottom, mid or top, no
 * pay scale): its salary points as formulas over the two cells, and the values those
 * formulas give. The points are gradePoints(min, max, gradeSteps) written out:
 * ROUND(min+(max-min)*k/(steps-1),2), the ends being the cells themselves.
 */
export interface GradeRangePay {
  /** The salary at the costing point: the min cell, the max cell, or a ROUND over both. */
  salary: string;
  /** What `salary` gives now. */
  salaryValue: number;
  /** Every point, bottom to top, as one array expression (the min cell alone for one point). */
  points: string;
  /** What `points` gives now. */
  pointValues: number[];
}

/** Why a post's pay is not its grade range as the formulas write it, or the range. */
export function gradeRangePay(
  est: Establishment,
  post: Post,
  a: Assumptions
): GradeRangePay | string {
  const min = refTo(est, post, "minSalary");
  const max = refTo(est, post, "maxSalary");
  if (a.costingPoint === "actual") return "costed at the actual salary, and there is none";
  if (!min || !max) return "no salary cell, and no grade minimum and maximum cells";
  const lo = post.minSalary;
  const hi = post.maxSalary;
  if (lo === undefined || hi === undefined || !(lo >= 0) || !(hi >= 0))
    return "the grade minimum or maximum is not a salary";
  if (hi < lo) return "the grade maximum is below the minimum";
  const n = Math.max(1, Math.floor(a.gradeSteps));
  // The formulas always make n points; gradePoints makes one when min = max, the same salary.
  const at = (k: number): number =>
    k === 0 ? lo : k === n - 1 ? hi : roundPenny(lo + ((hi - lo) * k) / (n - 1));
  const point = (k: number): string =>
    k === 0 ? min : k === n - 1 ? max : `ROUND(${min}+(${max}-${min})*${k}/${n - 1},2)`;
  const i = costingPointIndex(n, a.costingPoint);
  const ks = Array.from({ length: n }, (_, k) => k);
  return {
    salary: point(i),
    salaryValue: at(i),
    points: n === 1 ? min : `ROUND(${min}+(${max}-${min})*{${ks.join(",")}}/${n - 1},2)`,
    pointValues: n === 1 ? [lo] : ks.map((k) => roundPenny(lo + ((hi - lo) * k) / (n - 1))),
  };
}

/**
 * Costed from the grade range, as payLadderFor does: the post has a grade minimum or
 * maximum, and the costing point is bottom, mid or top, or there is no actual salary.
 */
const paidFromGrade = (post: Post, a: Assumptions): boolean =>
  (post.minSalary !== undefined || post.maxSalary !== undefined) &&
  (a.costingPoint !== "actual" || post.salary === undefined);

/**
 * =ESTAB.POSTCOST(salary, fte, fy, headcount, start, end, pensionRate, figure, settings)
 * over the post's own cells; undefined when the post has no salary or FTE cell to read.
 * `salaryExpr` replaces the salary cell (a grade-range post's pay at its costing point).
 */
export function postCostFormula(
  est: Establishment,
  post: Post,
  fy: FinancialYear,
  figure: Figure,
  settings: string,
  salaryExpr?: string
): string | undefined {
  const salary = salaryExpr ?? refTo(est, post, "salary");
  const fte = refTo(est, post, "fte", "currentFte");
  if (!salary || !fte) return undefined;
  const args = [
    salary,
    fte,
    quoted(financialYearLabel(fy)),
    refTo(est, post, "headcount") ?? "",
    refTo(est, post, "startDate") ?? "",
    refTo(est, post, "endDate") ?? "",
    refTo(est, post, "pensionRate") ?? "",
    quoted(FIGURE_ARG[figure]),
  ];
  // Blank optional arguments stay in place: =ESTAB.POSTCOST(A5,B5,"2024/25",,,,,"ni").
  if (settings) args.push(settings);
  return `=ESTAB.POSTCOST(${args.join(",")})`;
}

/** The figure ESTAB.POSTCOST gives for this post: the same core call the function makes. */
function postCostValue(
  post: Post,
  fy: FinancialYear,
  figure: Figure,
  a: Assumptions,
  salary = post.salary as number
): number {
  return postCostInYear(
    {
      salary,
      fte: post.fte,
      headcount: post.headcount,
      startDate: post.startDate,
      endDate: post.endDate,
      pensionRate: post.pensionRate,
    },
    fy,
    settingsOf(a)
  )[figure];
}

function tableRows(
  sheet: SheetSpec,
  name: string
): { header: number; first: number; last: number; column: number } | undefined {
  const table = sheet.tables.find((t) => t.name === name);
  if (!table) return undefined;
  const { start, end } = parseRangeA1(table.range);
  return { header: start.row, first: start.row + 1, last: end.row, column: start.column };
}

const cellText = (c: SpecCell | null | undefined): string => (c && c.kind === "text" ? c.text : "");

/** Establishment Cost sheet: each post's salary, NI, pension, levy and total for the year. */
function liveEstablishmentCost(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  const { establishment: est, assumptions: a } = source;
  if (!est)
    return { sheet, liveCells: 0, notLive: ["No establishment given to point the formulas at"] };
  const notLive: string[] = [];
  const rows = tableRows(sheet, "EstablishmentCost");
  if (!rows) return { sheet, liveCells: 0, notLive: ["The sheet has no EstablishmentCost table"] };
  const headerRow = sheet.cells[rows.header] ?? [];
  const figureColumns: Array<[number, Figure]> = [];
  headerRow.forEach((c, j) => {
    const hit = COST_HEADERS.find(([re]) => re.test(cellText(c).trim()));
    if (hit) figureColumns.push([j, hit[1]]);
  });
  const settings = settingsConstant(a);
  const cells = sheet.cells.map((r) => [...r]);
  let liveCells = 0;
  est.posts.forEach((post, i) => {
    const r = rows.first + i;
    if (r > rows.last) return;
    // From the grade range: the salary argument is the costing point over the min/max cells.
    const grade = paidFromGrade(post, a) ? gradeRangePay(est, post, a) : undefined;
    for (const [j, figure] of figureColumns) {
      const cell = cells[r][j];
      if (!cell || cell.kind !== "number") continue;
      let reason: string | undefined;
      let live: string | undefined;
      if (typeof grade === "string") reason = `pay from the grade: ${grade}`;
      else if (grade) {
        live = postCostFormula(est, post, a.firstYear, figure, settings, grade.salary);
        if (!live) reason = "no FTE cell in the source table";
        else if (postCostValue(post, a.firstYear, figure, a, grade.salaryValue) !== cell.value)
          reason =
            "the grade range formula would not give the sheet's figure (a pay scales table?)";
      } else {
        live = postCostFormula(est, post, a.firstYear, figure, settings);
        if (!live) reason = "no salary or FTE cell in the source table";
        else if (
          post.salary === undefined ||
          postCostValue(post, a.firstYear, figure, a) !== cell.value
        )
          reason = "pay comes from the grade or pay scales, which ESTAB.POSTCOST does not read";
      }
      if (reason || !live) {
        notLive.push(`${post.title} (row ${post.sourceRow + 1}) ${FIGURE_ARG[figure]}: ${reason}`);
        continue;
      }
      cells[r][j] = { ...cell, live } satisfies NumberCell;
      liveCells++;
    }
  });
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}

/** Pay awards as an array constant of FY, percentage and flat minimum rows; "" when none. */
export function awardsConstant(a: Assumptions): string {
  if (a.payAwards.length === 0) return "";
  const rows = a.payAwards.map(
    (w) =>
      `${quoted(financialYearLabel(w.year))},${numberText(w.percent)},${numberText(w.flatMinimum ?? 0)}`
  );
  return `{${rows.join(";")}}`;
}

/**
 * =INDEX(ESTAB.PROFILE(salary, fte, firstFy, years, start, end, awards, , headcount,
 * pensionRate, figure, settings), 1, k): year k of the post's profile over the window
 * ("total" by default; "salary", "ni", "pension", "levy" or "flat" for the detail table).
 */
export function profileYearFormula(
  est: Establishment,
  post: Post,
  a: Assumptions,
  k: number,
  grade?: GradeRangePay,
  figure: Figure = "total"
): string | undefined {
  // From the grade range: a blank salary, the points over the min/max cells, and the costing point.
  const salary = grade ? "" : refTo(est, post, "salary");
  const fte = refTo(est, post, "fte", "currentFte");
  if (salary === undefined || !fte) return undefined;
  const settings = settingsConstant(a, { grantDates: true, gradePoints: grade !== undefined });
  const args = [
    salary,
    fte,
    quoted(financialYearLabel(a.firstYear)),
    numberText(a.years),
    refTo(est, post, "startDate") ?? "",
    refTo(est, post, "endDate") ?? "",
    awardsConstant(a),
    grade?.points ?? "",
    refTo(est, post, "headcount") ?? "",
    refTo(est, post, "pensionRate") ?? "",
    quoted(FIGURE_ARG[figure]),
  ];
  if (settings) args.push(settings);
  return `=INDEX(ESTAB.PROFILE(${args.join(",")}),1,${k})`;
}

/** Each year's figures of a post as ESTAB.PROFILE gives them: the same core call the function makes. */
function profileYears(post: Post, a: Assumptions, grade?: GradeRangePay): CostFigures[] {
  const assumptions = plainAssumptions(a.firstYear, a.years, {
    ...settingsOf(a),
    payAwards: a.payAwards,
    ...(grade
      ? {
          costingPoint: a.costingPoint,
          incrementRule: a.incrementRule,
          incrementServiceMonths: a.incrementServiceMonths,
        }
      : {}),
  });
  const plain: Post = {
    sourceRow: 0,
    title: "Post",
    grade: grade ? POINTS_GRADE : undefined,
    fte: post.fte,
    headcount: post.headcount,
    salary: grade ? undefined : post.salary,
    pensionRate: post.pensionRate,
    startDate: post.startDate,
    endDate: post.endDate,
    cells: {},
  };
  // With points, ESTAB.PROFILE hands them to the engine as a pay scale of one grade.
  const scales: PayScales | undefined = grade && {
    sheet: "",
    points: grade.pointValues.map((salary, i) => ({ grade: POINTS_GRADE, point: i + 1, salary })),
  };
  return costPost(plain, assumptions, costingWindow({ ...assumptions, grant: a.grant }), scales)
    .years;
}

const POINTS_GRADE = "points";

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
function liveGrantCosting(sheet: SheetSpec, source: LiveSource): LiveOutcome {
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

/** "Sheet!B2:B4" when the localities' cells for a field run down one column in order. */
function columnRange(
  src: Localities,
  field: "population" | "deprivation" | "demand"
): string | undefined {
  const addresses = src.localities.map((l) => l.cells[field]);
  if (addresses.some((x) => x === undefined)) return undefined;
  const first = parseRangeA1(addresses[0] as string).start;
  const inOrder = addresses.every((x, i) => {
    const p = parseRangeA1(x as string).start;
    return p.column === first.column && p.row === first.row + i;
  });
  if (!inOrder) return undefined;
  return `${quoteSheetName(src.sheet)}!${addresses[0]}:${addresses[addresses.length - 1]}`;
}

/** Locality shares sheet: each locality's need index and FTE allocated. */
function liveLocalityShares(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  const { localities: src, assumptions: a } = source;
  if (!src)
    return { sheet, liveCells: 0, notLive: ["No localities table given to point the formulas at"] };
  const rows = tableRows(sheet, "LocalityShares");
  if (!rows) return { sheet, liveCells: 0, notLive: ["The sheet has no LocalityShares table"] };
  const ranges = [
    columnRange(src, "population"),
    columnRange(src, "deprivation"),
    columnRange(src, "demand"),
  ];
  if (ranges.some((r) => r === undefined))
    return {
      sheet,
      liveCells: 0,
      notLive: ["The localities' figures are not in one column each, in order"],
    };
  const header = sheet.cells[rows.header] ?? [];
  const needCol = header.findIndex((c) => cellText(c).trim() === "Need index");
  const fteCol = header.findIndex((c) => cellText(c).trim() === "FTE allocated");
  const cells = sheet.cells.map((r) => [...r]);
  const n = src.localities.length;
  const dataRow = (i: number) => cells[rows.first + i];
  const w = a.localityWeights;
  const need = `ESTAB.NEEDINDEX(${ranges.join(",")},{${[w.population, w.deprivation, w.demand, w.equal].map(numberText).join(",")}})`;
  const index = needIndex(
    src.localities.map((l) => l.population),
    src.localities.map((l) => l.deprivation),
    src.localities.map((l) => l.demand),
    w
  );
  // The total shared is what the allocations add up to (exactly, by construction).
  const fteCells = Array.from({ length: n }, (_, i) => dataRow(i)?.[fteCol]);
  const total = Number(
    fteCells
      .reduce(
        (sum, c) => sum + (c && c.kind !== "text" && typeof c.value === "number" ? c.value : 0),
        0
      )
      .toFixed(9)
  );
  const allocated = allocateExact(total, index, a.allocationUnit);
  const notLive: string[] = [];
  let liveCells = 0;
  const setLive = (i: number, col: number, live: string, expected: number, what: string) => {
    const cell = dataRow(i)?.[col];
    if (!cell || cell.kind !== "number") return;
    if (cell.value !== expected) {
      notLive.push(
        `${src.localities[i].name} ${what}: the formula would not give the sheet's figure`
      );
      return;
    }
    dataRow(i)[col] = { ...cell, live } satisfies NumberCell;
    liveCells++;
  };
  // Each measure's share is the need index with all the weight on that measure.
  const ONE_MEASURE: ReadonlyArray<[string, LocalityWeights]> = [
    ["Population share", { population: 1, deprivation: 0, demand: 0, equal: 0 }],
    ["Deprivation share", { population: 0, deprivation: 1, demand: 0, equal: 0 }],
    ["Demand share", { population: 0, deprivation: 0, demand: 1, equal: 0 }],
    ["Equal share", { population: 0, deprivation: 0, demand: 0, equal: 1 }],
  ];
  const shareColumns = ONE_MEASURE.flatMap(([h, weights]) => {
    const col = header.findIndex((c) => cellText(c).trim() === h);
    if (col < 0) return [];
    let values: number[] | undefined;
    try {
      values = needIndex(
        src.localities.map((l) => l.population),
        src.localities.map((l) => l.deprivation),
        src.localities.map((l) => l.demand),
        weights
      );
    } catch {
      values = undefined;
    }
    const constant = `{${[weights.population, weights.deprivation, weights.demand, weights.equal].join(",")}}`;
    return [{ col, h, values, formula: `ESTAB.NEEDINDEX(${ranges.join(",")},${constant})` }];
  });
  // The figures as written on the localities table: references to its cells.
  const ECHO: ReadonlyArray<[string, "population" | "deprivation" | "demand"]> = [
    ["Population 0–19", "population"],
    ["Deprivation rate", "deprivation"],
    ["Demand", "demand"],
  ];
  const echoColumns = ECHO.flatMap(([h, field]) => {
    const col = header.findIndex((c) => cellText(c).trim() === h);
    return col < 0 ? [] : [{ col, h, field }];
  });
  for (let i = 0; i < n; i++) {
    for (const e of echoColumns) {
      const address = src.localities[i].cells[e.field];
      const value = src.localities[i][e.field];
      if (address && typeof value === "number")
        setLive(i, e.col, `=${quoteSheetName(src.sheet)}!${address}`, value, e.h.toLowerCase());
    }
    for (const sc of shareColumns)
      if (sc.values)
        setLive(i, sc.col, `=INDEX(${sc.formula},${i + 1})`, sc.values[i], sc.h.toLowerCase());
    if (needCol >= 0) setLive(i, needCol, `=INDEX(${need},${i + 1})`, index[i], "need index");
    if (fteCol >= 0)
      setLive(
        i,
        fteCol,
        `=INDEX(ESTAB.ALLOCATE(${numberText(total)},${need},${numberText(a.allocationUnit)}),${i + 1})`,
        allocated[i],
        "FTE allocated"
      );
  }
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}

/** The cell, or `fallback` when the cell is empty (LEN(cell)=0: blank or empty text). */
const ifBlank = (cell: string, fallback: string): string =>
  `IF(LEN(${cell})=0,${fallback},${cell})`;

/** A column's letter by its header text in a table's header row. */
function columnByHeader(sheet: SheetSpec, headerRow: number, header: string): number {
  return (sheet.cells[headerRow] ?? []).findIndex((c) => cellText(c).trim() === header);
}

/**
 * Restructure sheet: each post's cost now and proposed (a year), and the change between
 * them (full year and, with an implementation date, part year). The proposed side reads
 * the proposed FTE and salary cells where the table has them, falling back to the current
 * ones as the core does; headcount scales with FTE, rounded up.
 */
function liveRestructure(sheet: SheetSpec, source: LiveSource): LiveOutcome {
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

/**
 * Fills `live` on the computed per-post cells of a built sheet, from the establishment's
 * cell addresses. Sheets with no per-post figures the functions can give (yet) come back
 * unchanged, with a note in notLive.
 */
export function liveFormulas(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  if (sheet.key === "cost") return liveEstablishmentCost(sheet, source);
  if (sheet.key === "grant") return liveGrantCosting(sheet, source);
  if (sheet.key === "shares") return liveLocalityShares(sheet, source);
  if (sheet.key === "changes") return liveRestructure(sheet, source);
  return { sheet, liveCells: 0, notLive: [`The ${sheet.name} sheet has no live formulas yet`] };
}

/**
 * Make shareable: the same sheet with every ESTAB formula dropped, leaving the values the
 * core computed and the native formulas (SUM totals, headroom), which any spreadsheet
 * recalculates to the same figures.
 */
export function makeShareable(sheet: SheetSpec): SheetSpec {
  return {
    ...sheet,
    cells: sheet.cells.map((row) =>
      row.map((c) => {
        if (!c || c.kind === "text" || c.live === undefined) return c;
        const { live: _live, ...rest } = c;
        return rest;
      })
    ),
  };
}
