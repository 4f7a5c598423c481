import {
  calendarDateOf,
  daysInMonth,
  financialYearEnd,
  financialYearStart,
  serialOf,
  type FinancialYear,
  type Serial,
} from "../dates";
import type { Assumptions, PayScales, Post } from "../model";
import { levyRateFor, niRulesFor, type NiYearRules } from "../rules";
import { roundPenny } from "../money";
import {
  indexPayScales,
  ladderSalaries,
  payLadderFor,
  type PayLadder,
  type PayScaleIndex,
  type PaySource,
} from "./pay";
import { costingWindow, type CostingWindow } from "./window";

/** Per post-year slots in the results store, in this order. */
const F_MONTHS = 0,
  F_FTE_SALARY = 1,
  F_SALARY = 2,
  F_NI = 3,
  F_PENSION = 4,
  F_LEVY = 5,
  F_FLAT = 6,
  F_TOTAL = 7,
  SLOTS = 8;

/** The money figures of a cost: each rounded to the penny; total is the sum of the rounded parts. */
export interface CostFigures {
  salary: number;
  /** Employer National Insurance (0 in flat on-cost mode). */
  ni: number;
  /** Employer pension (0 in flat on-cost mode). */
  pension: number;
  /** Apprenticeship levy (0 in flat on-cost mode). */
  levy: number;
  /** All on-costs as one flat percentage of salary (0 in statutory mode). */
  flatOnCost: number;
  total: number;
}

/** One post in one financial year. */
export interface PostYearCost extends CostFigures {
  year: FinancialYear;
  /** Months costed, part months as fractions of the month by days (7 for 1 September to 31 March). */
  months: number;
  fte: number;
  /** People the NI threshold is applied for: the headcount, or the FTE rounded up. */
  people: number;
  /** Full-time annual salary in force on the last day costed in the year (0 when not costed). */
  fteSalary: number;
}

export interface PostCosting {
  post: Post;
  years: PostYearCost[];
  /** The post over the whole window (sums of the rounded yearly figures). */
  total: CostFigures;
  /** Exit-cost contingency at the end of the window; 0 unless set and the post runs to the end. */
  exitCost: number;
  pay: {
    source: PaySource;
    /** Full-time salary at the costing point in the first year costed (before any increment). */
    startSalary: number;
    /** Spinal point at the costing point, when the pay scales table gave one. */
    startPoint?: number;
    /** Points above the costing point the post can still move up. */
    pointsToTop: number;
    /** The two spinal points a mid-point between points is the mean of. */
    startBetween?: [number, number];
    /** Priced at its own point on a pay spine (pay scales with no grades). */
    spine?: true;
  };
  warnings: string[];
}

export interface YearTotal extends CostFigures {
  year: FinancialYear;
  fte: number;
  people: number;
}

export interface EstablishmentCosting {
  window: CostingWindow;
  years: FinancialYear[];
  posts: PostCosting[];
  /** Per FY: sums of the posts' rounded figures. */
  yearTotals: YearTotal[];
  /** Over the window: sums of the yearly totals. */
  total: CostFigures;
  vacancy: {
    rate: number;
    /** Per FY: the year's total × rate, rounded to the penny (a positive amount taken off). */
    byYear: number[];
    total: number;
  };
  /** Per FY: total less the vacancy deduction. */
  netByYear: number[];
  netTotal: number;
  /** Sum of the posts' exit-cost contingencies (falls in the last year). */
  exitCost: number;
  /** Rule and window warnings: carried-forward NI years, grant dates outside the years costed. */
  warnings: string[];
}

/**
 * Everything about the window that does not depend on the post, computed once: per-month
 * serials, NI thresholds and rates, levy rates, pay ladders by grade. The month loop then
 * reads flat typed arrays and allocates nothing.
 */
export interface CostingContext {
  assumptions: Assumptions;
  window: CostingWindow;
  years: FinancialYear[];
  ni: NiYearRules[];
  levyRates: Float64Array;
  fyStart: Float64Array;
  fyEnd: Float64Array;
  monthStart: Float64Array;
  monthEnd: Float64Array;
  monthDays: Float64Array;
  thresholds: Float64Array;
  rates: Float64Array;
  scales: PayScaleIndex;
  ladders: Map<string, { ladder: PayLadder; salaries: Float64Array }>;
  warnings: string[];
  /** Scratch per year, reused post after post: rung in force at the year's start, and a mid-year step day. */
  rung: Int32Array;
  stepDay: Float64Array;
  /** One post's results, before costPostIn copies them out. */
  scratch: Float64Array;
}

export function prepareCosting(
  assumptions: Assumptions,
  window: CostingWindow = costingWindow(assumptions),
  payScales?: PayScales
): CostingContext {
  const n = window.years;
  const years: FinancialYear[] = [];
  const ni: NiYearRules[] = [];
  const levyRates = new Float64Array(n);
  const fyStart = new Float64Array(n);
  const fyEnd = new Float64Array(n);
  const monthStart = new Float64Array(n * 12);
  const monthEnd = new Float64Array(n * 12);
  const monthDays = new Float64Array(n * 12);
  const thresholds = new Float64Array(n * 12);
  const rates = new Float64Array(n * 12);
  const warnings: string[] = [];
  const statutory = assumptions.onCostMode !== "flat";
  for (let y = 0; y < n; y++) {
    const fy = window.firstYear + y;
    years.push(fy);
    const rules = niRulesFor(fy, {
      rate: assumptions.niRate,
      monthlyThreshold: assumptions.niMonthlyThreshold,
    });
    ni.push(rules);
    if (statutory && rules.warning) warnings.push(rules.warning);
    levyRates[y] = levyRateFor(fy, assumptions.apprenticeshipLevy);
    fyStart[y] = financialYearStart(fy);
    fyEnd[y] = financialYearEnd(fy);
    for (let m = 0; m < 12; m++) {
      const k = y * 12 + m;
      const month = ((3 + m) % 12) + 1;
      const calYear = month >= 4 ? fy : fy + 1;
      const days = daysInMonth(calYear, month);
      monthStart[k] = serialOf(calYear, month, 1);
      monthEnd[k] = monthStart[k] + days - 1;
      monthDays[k] = days;
      thresholds[k] = rules.monthlyThreshold;
      rates[k] = rules.monthlyRates[m];
    }
  }
  return {
    assumptions,
    window,
    years,
    ni,
    levyRates,
    fyStart,
    fyEnd,
    monthStart,
    monthEnd,
    monthDays,
    thresholds,
    rates,
    scales: indexPayScales(payScales),
    ladders: new Map(),
    warnings,
    rung: new Int32Array(n),
    stepDay: new Float64Array(n),
    scratch: new Float64Array(n * SLOTS),
  };
}

/** People the NI threshold applies to: the headcount when known, otherwise the FTE rounded up. */
export function peopleFor(fte: number, headcount?: number): number {
  if (headcount !== undefined && Number.isFinite(headcount) && headcount > 0) return headcount;
  if (!Number.isFinite(fte) || fte <= 0) return 0;
  // 1e-9: an FTE of 2.0000000001 read from a sheet is two people, not three.
  return Math.max(1, Math.ceil(fte - 1e-9));
}

/** The date `months` calendar months after `serial`, the day clamped to the month's end (31 Aug + 6 → 28/29 Feb). */
export function addMonths(serial: Serial, months: number): Serial {
  const { year, month, day } = calendarDateOf(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return serialOf(y, m, Math.min(day, daysInMonth(y, m)));
}

function ladderOf(ctx: CostingContext, post: Post): { ladder: PayLadder; salaries: Float64Array } {
  const key = `${post.grade ?? ""}|${post.minSalary}|${post.maxSalary}|${post.salary}|${post.spinalPoint}`;
  let hit = ctx.ladders.get(key);
  if (!hit) {
    const a = ctx.assumptions;
    const ladder = payLadderFor(post, a.costingPoint, a.gradeSteps, ctx.scales, a.firstYear);
    const salaries = ladderSalaries(
      ladder,
      ctx.window.firstYear,
      ctx.window.years,
      a.firstYear,
      a.payAwards,
      ctx.scales
    );
    ctx.ladders.set(key, (hit = { ladder, salaries }));
  }
  return hit;
}

/**
 * Fills ctx.rung (rung in force on 1 April of each year, or on the first day paid) and
 * ctx.stepDay (the day of a mid-year increment, anniversary rule only; Infinity if none).
 */
function progress(
  ctx: CostingContext,
  ladder: PayLadder,
  startDate: Serial | undefined,
  firstPaid: Serial
): void {
  const n = ctx.window.years;
  const top = ladder.points.length - 1;
  const base = ladder.start;
  const rule = ctx.assumptions.incrementRule;
  ctx.stepDay.fill(Infinity);
  if (rule === "none" || base >= top) {
    ctx.rung.fill(base);
    return;
  }
  const firstPaidFy = ctx.window.firstYear + yearIndexOf(ctx, firstPaid);
  if (rule === "anniversary" && startDate !== undefined) {
    const start = calendarDateOf(startDate);
    let steps = 0;
    for (let y = 0; y < n; y++) {
      const fy = ctx.years[y];
      // The anniversary falling in this FY: its calendar year is fy for April–December, fy + 1 otherwise.
      const k = (start.month >= 4 ? fy : fy + 1) - start.year;
      const day = k >= 1 ? addMonths(startDate, 12 * k) : Infinity;
      if (day <= firstPaid) {
        ctx.rung[y] = Math.min(top, base + steps);
        continue;
      }
      if (day === ctx.fyStart[y]) steps++;
      ctx.rung[y] = Math.min(top, base + steps);
      if (day !== ctx.fyStart[y] && day <= ctx.fyEnd[y] && base + steps < top) {
        ctx.stepDay[y] = day;
        steps++;
      }
    }
    return;
  }
  // 1 April rule (and the anniversary rule without a start date): the first 1 April after
  // the first day paid, or a later one until the service requirement is met.
  let firstStep = firstPaidFy + 1;
  if (startDate !== undefined && rule === "april") {
    const qualifies = addMonths(startDate, ctx.assumptions.incrementServiceMonths);
    while (qualifies > financialYearStart(firstStep)) firstStep++;
  }
  for (let y = 0; y < n; y++) {
    ctx.rung[y] = Math.min(top, base + Math.max(0, ctx.years[y] - firstStep + 1));
  }
}

function yearIndexOf(ctx: CostingContext, serial: Serial): number {
  for (let y = ctx.window.years - 1; y >= 0; y--) if (serial >= ctx.fyStart[y]) return y;
  return -1;
}

const FIGURE_SLOT: Record<keyof CostFigures, number> = {
  salary: F_SALARY,
  ni: F_NI,
  pension: F_PENSION,
  levy: F_LEVY,
  flatOnCost: F_FLAT,
  total: F_TOTAL,
};

/**
 * A costed post. Its yearly figures live in a flat Float64Array (shared by every post of
 * an establishment), so costing 100,000 posts × 10 years makes no per-year objects; the
 * `years` and `total` objects are built the first time someone reads them.
 */
class CostedPost implements PostCosting {
  private yearsCache?: PostYearCost[];
  private totalCache?: CostFigures;
  /** Set when the figures were let go of: they are worked out again, identically, on first read. */
  private ctx?: CostingContext;
  constructor(
    readonly post: Post,
    private store: ArrayLike<number> | undefined,
    private offset: number,
    readonly fteCosted: number,
    readonly peopleCosted: number,
    private readonly fyList: readonly FinancialYear[],
    readonly exitCost: number,
    readonly pay: PostCosting["pay"],
    readonly warnings: string[]
  ) {}

  /** One figure of year index y (0 = first year of the window), without building objects. */
  figure(y: number, name: keyof CostFigures): number {
    return this.data()[this.offset + y * SLOTS + FIGURE_SLOT[name]];
  }

  monthsIn(y: number): number {
    return this.data()[this.offset + y * SLOTS + F_MONTHS];
  }

  /**
   * Lets go of the figures, keeping the context to work them out again. Costing is a pure
   * function of the post and the context, so the figures come back identical; holding
   * 100,000 posts then costs a few small objects each instead of every yearly figure.
   */
  release(ctx: CostingContext): this {
    this.store = undefined;
    this.ctx = ctx;
    return this;
  }

  private data(): ArrayLike<number> {
    if (this.store === undefined) {
      const ctx = this.ctx as CostingContext;
      ctx.scratch.fill(0);
      costPostInto(ctx, this.post, ctx.scratch, 0);
      this.store = ctx.scratch;
      this.offset = 0;
      this.detach();
    }
    return this.store as ArrayLike<number>;
  }

  peopleIn(y: number): number {
    return this.monthsIn(y) > 0 ? this.peopleCosted : 0;
  }

  /** Builds the objects and lets go of a borrowed store (the context's scratch). */
  detach(): this {
    // A plain array: small, on the JS heap, cheap for the GC (a small typed array is not).
    const len = this.fyList.length * SLOTS;
    const from = this.store as ArrayLike<number>;
    const copy: number[] = [];
    for (let i = 0; i < len; i++) copy.push(from[this.offset + i]);
    this.store = copy;
    this.offset = 0;
    return this;
  }

  get years(): PostYearCost[] {
    if (!this.yearsCache) {
      const d = this.data();
      this.yearsCache = this.fyList.map((year, y) => {
        const o = this.offset + y * SLOTS;
        return {
          year,
          months: d[o + F_MONTHS],
          fte: this.fteCosted,
          people: this.peopleCosted,
          fteSalary: d[o + F_FTE_SALARY],
          salary: d[o + F_SALARY],
          ni: d[o + F_NI],
          pension: d[o + F_PENSION],
          levy: d[o + F_LEVY],
          flatOnCost: d[o + F_FLAT],
          total: d[o + F_TOTAL],
        };
      });
    }
    return this.yearsCache;
  }

  get total(): CostFigures {
    if (!this.totalCache) {
      const t = zeroFigures();
      for (const f of FIGURES) {
        let sum = 0;
        for (let y = 0; y < this.fyList.length; y++) sum += this.figure(y, f);
        t[f] = roundPenny(sum);
      }
      this.totalCache = t;
    }
    return this.totalCache;
  }

  toJSON(): object {
    const { post, years, total, exitCost, pay, warnings } = this;
    return { post, years, total, exitCost, pay, warnings };
  }
}

const zeroFigures = (): CostFigures => ({
  salary: 0,
  ni: 0,
  pension: 0,
  levy: 0,
  flatOnCost: 0,
  total: 0,
});
const NO_WARNINGS: string[] = [];

/** Costs one post across the context's window. */
export function costPostIn(ctx: CostingContext, post: Post): PostCosting {
  ctx.scratch.fill(0);
  return costPostInto(ctx, post, ctx.scratch, 0).detach();
}

function costPostInto(
  ctx: CostingContext,
  post: Post,
  store: Float64Array,
  offset: number
): CostedPost {
  const a = ctx.assumptions;
  let warnings = NO_WARNINGS;
  const fte = Number.isFinite(post.fte) && post.fte > 0 ? post.fte : 0;
  if (!(Number.isFinite(post.fte) && post.fte >= 0))
    warnings = ["FTE is not a number of 0 or more: costed at 0"];
  const people = peopleFor(fte, post.headcount);
  const { ladder, salaries } = ladderOf(ctx, post);
  // No pay for no FTE (a new post, today) costs nothing whatever its salary: nothing to warn.
  if (ladder.warning && !(ladder.source === "none" && fte === 0))
    warnings = [...warnings, ladder.warning];
  const statutory = a.onCostMode !== "flat";
  const pensionRate = statutory ? (post.pensionRate ?? a.pensionRate) : 0;
  const flatRate = statutory ? 0 : a.flatOnCostRate;

  const firstPaid = Math.max(post.startDate ?? -Infinity, ctx.window.start);
  const lastPaid = Math.min(post.endDate ?? Infinity, ctx.window.end);
  progress(ctx, ladder, post.startDate, firstPaid);

  const n = ctx.window.years;
  const rungs = ladder.points.length;
  let endSalary = 0;
  const { monthStart, monthEnd, monthDays, thresholds, rates } = ctx;
  for (let y = 0; y < n; y++) {
    const o = offset + y * SLOTS;
    if (fte === 0 || lastPaid < ctx.fyStart[y] || firstPaid > ctx.fyEnd[y] || firstPaid > lastPaid)
      continue;
    const rung = ctx.rung[y];
    const step = ctx.stepDay[y];
    const s0 = salaries[y * rungs + rung];
    const s1 = step !== Infinity ? salaries[y * rungs + rung + 1] : s0;
    // Σ full-time salary × fraction of month; pay in a month is that × FTE / 12.
    let salaryMonths = 0;
    let months = 0;
    let ni = 0;
    for (let m = 0, k = y * 12; m < 12; m++, k++) {
      const ms = monthStart[k];
      const me = monthEnd[k];
      if (me < firstPaid || ms > lastPaid) continue;
      const from = ms > firstPaid ? ms : firstPaid;
      const to = me < lastPaid ? me : lastPaid;
      const frac = from === ms && to === me ? 1 : (to - from + 1) / monthDays[k];
      let sm: number;
      if (step > to) sm = s0 * frac;
      else if (step <= from) sm = s1 * frac;
      else sm = (s0 * (step - from) + s1 * (to - step + 1)) / monthDays[k];
      salaryMonths += sm;
      months += frac;
      if (statutory) {
        // Per person: rate × (pay / people − threshold) × people = rate × (pay − people × threshold).
        const above = (sm * fte) / 12 - people * thresholds[k];
        if (above > 0) ni += rates[k] * above;
      }
    }
    const salary = roundPenny((salaryMonths * fte) / 12);
    const niR = roundPenny(ni);
    const pension = roundPenny(salary * pensionRate);
    const levy = statutory ? roundPenny(salary * ctx.levyRates[y]) : 0;
    const flatOnCost = roundPenny(salary * flatRate);
    const fteSalary = step <= Math.min(lastPaid, ctx.fyEnd[y]) ? s1 : s0;
    endSalary = fteSalary;
    store[o + F_MONTHS] = months;
    store[o + F_FTE_SALARY] = fteSalary;
    store[o + F_SALARY] = salary;
    store[o + F_NI] = niR;
    store[o + F_PENSION] = pension;
    store[o + F_LEVY] = levy;
    store[o + F_FLAT] = flatOnCost;
    store[o + F_TOTAL] = roundPenny(salary + niR + pension + levy + flatOnCost);
  }
  const runsToEnd = lastPaid === ctx.window.end && firstPaid <= lastPaid;
  const exitCost =
    a.exitCostWeeks > 0 && runsToEnd ? roundPenny((a.exitCostWeeks / 52) * endSalary * fte) : 0;
  const startRung = ladder.points[ladder.start];
  return new CostedPost(
    post,
    store,
    offset,
    fte,
    people,
    ctx.years,
    exitCost,
    {
      source: ladder.source,
      startSalary: salaries[ladder.start],
      startPoint: startRung.point,
      pointsToTop: rungs - 1 - ladder.start,
      ...(startRung.meanOf ? { startBetween: startRung.meanOf } : {}),
      ...(ladder.grade === "" ? { spine: true as const } : {}),
    },
    warnings
  );
}

/** Costs one post. For many posts, prepareCosting once and call costPostIn. */
export function costPost(
  post: Post,
  assumptions: Assumptions,
  window: CostingWindow = costingWindow(assumptions),
  payScales?: PayScales
): PostCosting {
  return costPostIn(prepareCosting(assumptions, window, payScales), post);
}

/** Costs every post and totals them by year and over the window, with the vacancy factor. */
export function costEstablishment(
  posts: readonly Post[],
  assumptions: Assumptions,
  window: CostingWindow = costingWindow(assumptions),
  payScales?: PayScales
): EstablishmentCosting {
  const ctx = prepareCosting(assumptions, window, payScales);
  const n = ctx.window.years;
  const per = n * SLOTS;
  // Each post is costed into the context's scratch and added to the year totals; its own
  // figures are let go of and worked out again if read (see CostedPost.release), so memory
  // stays a few small objects per post and the month loop writes to memory in cache.
  const scratch = ctx.scratch;
  const sums = new Float64Array(per);
  const fte = new Float64Array(n);
  const people = new Float64Array(n);
  let exitCost = 0;
  const costed: PostCosting[] = new Array(posts.length);
  for (let i = 0; i < posts.length; i++) {
    scratch.fill(0);
    const pc = costPostInto(ctx, posts[i], scratch, 0);
    costed[i] = pc.release(ctx);
    exitCost += pc.exitCost;
    for (let y = 0; y < n; y++) {
      const o = y * SLOTS;
      if (scratch[o + F_MONTHS] > 0) {
        fte[y] += pc.fteCosted;
        people[y] += pc.peopleCosted;
      }
      for (let k = F_SALARY; k <= F_TOTAL; k++) sums[o + k] += scratch[o + k];
    }
  }
  return finishTotals(ctx, costed, sums, fte, people, exitCost);
}

/** Totals already-costed posts (sums of rounded figures, re-rounded to clear binary noise). */
export function totalCosting(
  ctx: CostingContext,
  costed: readonly PostCosting[]
): EstablishmentCosting {
  const n = ctx.window.years;
  const sums = new Float64Array(n * SLOTS);
  const fte = new Float64Array(n);
  const people = new Float64Array(n);
  let exitCost = 0;
  for (const pc of costed) {
    pc.years.forEach((c, y) => {
      for (const f of FIGURES) sums[y * SLOTS + FIGURE_SLOT[f]] += c[f];
      if (c.months > 0) {
        fte[y] += c.fte;
        people[y] += c.people;
      }
    });
    exitCost += pc.exitCost;
  }
  return finishTotals(ctx, costed, sums, fte, people, exitCost);
}

function finishTotals(
  ctx: CostingContext,
  costed: readonly PostCosting[],
  sums: Float64Array,
  fte: Float64Array,
  people: Float64Array,
  exitCost: number
): EstablishmentCosting {
  const yearTotals: YearTotal[] = ctx.years.map((year, y) => {
    const o = y * SLOTS;
    return {
      year,
      fte: Math.round(fte[y] * 1e6) / 1e6,
      people: people[y],
      salary: roundPenny(sums[o + F_SALARY]),
      ni: roundPenny(sums[o + F_NI]),
      pension: roundPenny(sums[o + F_PENSION]),
      levy: roundPenny(sums[o + F_LEVY]),
      flatOnCost: roundPenny(sums[o + F_FLAT]),
      total: roundPenny(sums[o + F_TOTAL]),
    };
  });
  const total = zeroFigures();
  for (const f of FIGURES) total[f] = roundPenny(yearTotals.reduce((s, t) => s + t[f], 0));
  return {
    window: ctx.window,
    years: ctx.years,
    posts: costed as PostCosting[],
    yearTotals,
    total,
    ...vacancyOn(yearTotals, ctx.assumptions.vacancyFactor),
    exitCost: roundPenny(exitCost),
    warnings: [...ctx.warnings],
  };
}

/**
 * The vacancy deduction and net cost on the year totals: each year's total × rate, to the
 * penny. Apart from the posts' costing, so a scenario that changes only the vacancy factor
 * reuses the base's costing (costing/shared.ts).
 */
export function vacancyOn(
  yearTotals: readonly YearTotal[],
  vacancyFactor: number
): Pick<EstablishmentCosting, "vacancy" | "netByYear" | "netTotal"> {
  const rate = vacancyFactor > 0 ? vacancyFactor : 0;
  const byYear = yearTotals.map((t) => roundPenny(t.total * rate));
  const netByYear = yearTotals.map((t, y) => roundPenny(t.total - byYear[y]));
  return {
    vacancy: { rate, byYear, total: roundPenny(byYear.reduce((s, v) => s + v, 0)) },
    netByYear,
    netTotal: roundPenny(netByYear.reduce((s, v) => s + v, 0)),
  };
}

export const FIGURES = [
  "salary",
  "ni",
  "pension",
  "levy",
  "flatOnCost",
  "total",
] as const satisfies readonly (keyof CostFigures)[];
