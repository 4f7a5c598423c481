/**
 * Costing engine throughput: post-months per second, single-threaded, against a baseline
 * measured in the same run (a plain loop doing one multiply-add per post-month, i.e. the
 * least any month-by-month costing could do).
 */
import { measure, peakRssMb, ratioTable } from "./harness";
import { costEstablishment, costingWindow, prepareCosting, costPostIn } from "../src/core/costing";
import type { Assumptions, Post } from "../src/core/model";
import { serialOf } from "../src/core/dates";

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const YEARS = 10;
const POST_MONTHS = POSTS * YEARS * 12;

const assumptions: Assumptions = {
  firstYear: 2024,
  years: YEARS,
  costingPoint: "bottom",
  incrementRule: "april",
  incrementServiceMonths: 6,
  gradeSteps: 4,
  payAwards: [2025, 2026, 2027, 2028].map((year) => ({ year, percent: 0.025, flatMinimum: 1290 })),
  onCostMode: "statutory",
  flatOnCostRate: 0,
  pensionRate: 0.19,
  apprenticeshipLevy: true,
  vacancyFactor: 0.03,
  grant: { start: serialOf(2024, 9, 1), end: serialOf(2034, 3, 31) },
  exitCostWeeks: 4,
  managementGrades: [],
  agencyWeeksPerYear: 46,
  localityWeights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
  allocationUnit: 1,
};

// Deterministic pseudo-random posts: 40 grades, part-time rows with headcount, some
// start and end dates mid-month, some on the anniversary of nothing in particular.
let seed = 42;
const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function makePosts(n: number): Post[] {
  const posts: Post[] = [];
  for (let i = 0; i < n; i++) {
    const g = i % 40;
    const min = 20000 + g * 1500;
    const fte = Math.round((0.5 + rand() * 5) * 100) / 100;
    posts.push({
      sourceRow: i + 4,
      title: `Post ${i}`,
      grade: `G${g}`,
      fte,
      headcount: rand() < 0.7 ? Math.ceil(fte + rand() * 2) : undefined,
      minSalary: min,
      maxSalary: min + 3000,
      startDate:
        rand() < 0.3
          ? serialOf(
              2024 + Math.floor(rand() * 5),
              1 + Math.floor(rand() * 12),
              1 + Math.floor(rand() * 28)
            )
          : undefined,
      endDate:
        rand() < 0.2
          ? serialOf(
              2029 + Math.floor(rand() * 5),
              1 + Math.floor(rand() * 12),
              1 + Math.floor(rand() * 28)
            )
          : undefined,
      cells: {},
    });
  }
  return posts;
}

const posts = makePosts(POSTS);
const salaries = new Float64Array(POSTS).map((_, i) => posts[i].minSalary ?? 0);
const window = costingWindow(assumptions);

let sink = 0;
const baseline = measure(
  `baseline: plain loop, ${POST_MONTHS.toLocaleString("en-GB")} multiply-adds`,
  () => {
    let acc = 0;
    for (let p = 0; p < POSTS; p++) {
      const s = salaries[p];
      for (let m = 0; m < YEARS * 12; m++) acc += s * 0.0833 + m;
    }
    sink += acc;
  }
);
const engine = measure(
  `costPostIn × ${POSTS.toLocaleString("en-GB")} posts × ${YEARS} years`,
  () => {
    const ctx = prepareCosting(assumptions, window);
    for (const p of posts) sink += costPostIn(ctx, p).total.total;
  }
);
const full = measure(`costEstablishment (with year totals, vacancy, exit costs)`, () => {
  sink += costEstablishment(posts, assumptions, window).netTotal;
});

// What costEstablishment must pay whatever its arithmetic: its results (8 doubles per
// post-year) land in fresh memory, and first-touching fresh pages is slow in some VMs.
const freshMemory = measure(`fresh memory: first write of ${POSTS * YEARS * 8} doubles`, () => {
  const store = new Float64Array(POSTS * YEARS * 8);
  for (let i = 0; i < store.length; i++) store[i] = i;
  sink += store[store.length - 1];
});

const rate = (ms: number): string =>
  `${(((POST_MONTHS / ms) * 1000) / 1e6).toFixed(1)} million post-months/s`;
console.log(ratioTable(baseline, [freshMemory, engine, full]));
console.log("");
console.log(`- costPostIn: ${rate(engine.medianMs)}`);
console.log(`- costEstablishment: ${rate(full.medianMs)}`);
// Memory held by a costed establishment, at half and all of the posts: linear in posts.
const gc = (globalThis as { gc?: () => void }).gc;
function heldMb(count: number): number {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const held = costEstablishment(posts.slice(0, count), assumptions, window);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  sink += held.netTotal;
  return (after - before) / 1024 / 1024;
}
if (gc) {
  const half = heldMb(POSTS / 2);
  const all = heldMb(POSTS);
  console.log(
    `- heap held by a costed establishment: ${half.toFixed(1)} MB for ${(POSTS / 2).toLocaleString("en-GB")} posts, ${all.toFixed(1)} MB for ${POSTS.toLocaleString("en-GB")} (${((all * 1024 * 1024) / POSTS).toFixed(0)} bytes a post, besides the posts themselves)`
  );
}
console.log(
  `- peak RSS after the runs: ${peakRssMb()} MB (including the ${POSTS.toLocaleString("en-GB")} input posts)`
);
if (sink === 42) console.log("");
