/**
 * The ESTAB functions on 1000×1000 ranges (a million cells), as Excel hands them over
 * (rows of cells), through the same door as a formula: argument checks, the core, the
 * finiteness check of the result. Goal: under a second each where the work allows.
 * Baseline: one pass that reads every cell of the range and sums it. Output goes into
 * docs/performance.md.
 */
import { measure, peakRssMb, ratioTable } from "./harness";
import { runFunction } from "../src/functions/definitions";
import { toArg } from "../src/functions/args";

const SIDE = 1000;

/** Positive, varied figures: like need data or weights, never all equal. */
const range: number[][] = Array.from({ length: SIDE }, (_, r) =>
  Array.from({ length: SIDE }, (_, c) => ((r * 7919 + c * 104729) % 997) + 1)
);
const column = (n: number) => range.slice(0, n).map((row) => [row[0]]);
const weights = [[0.5, 0.3, 0.2]];
const rising = Array.from({ length: SIDE }, (_, i) => [20_000 + 100 * i]);
const settings = Array.from({ length: SIDE * SIDE }, (_, i) =>
  i % 2 ? ["Levy", "TRUE"] : ["", ""]
);

/** As a formula calls it: arguments converted by the door, then the definition run. */
const call = (name: string, args: unknown[]) => () => runFunction(name, args.map(toArg));

const baseline = measure("baseline: read and sum every cell of a 1000×1000 range", () => {
  let sum = 0;
  for (const row of range) for (const x of row) sum += x;
  return sum;
});
const runs = [
  measure(
    "ALLOCATE 100,000 FTE in 0.1 over 1000×1000 weights",
    call("ALLOCATE", [100_000, range, 0.1]),
    3
  ),
  measure(
    "ALLOCATE 100 FTE in 0.1 over 1000×1000 weights (most get 0)",
    call("ALLOCATE", [100, range, 0.1]),
    3
  ),
  measure(
    "NEEDINDEX over 1000×1000 population, deprivation, demand",
    call("NEEDINDEX", [range, range, range, weights]),
    3
  ),
  measure(
    "PROFILE over 1,000 points, 50 years, all figures",
    call("PROFILE", [0, 1, 2025, 50, null, null, null, rising, 1, 0.19, "all", null]),
    3
  ),
  measure("SALARY over 1,000 points, 50 years", call("SALARY", [rising, 1, 50]), 3),
  measure(
    "POSTCOST with a 1,000,000-row settings range",
    call("POSTCOST", [30_000, 1, 2025, 1, null, null, 0.19, null, settings]),
    3
  ),
  measure("ALLOCATE over a 1000-row column", call("ALLOCATE", [1000, column(SIDE), 1])),
];

process.stdout.write(`${ratioTable(baseline, runs)}\n\n`);
const slowest = runs.reduce((a, b) => (a.medianMs > b.medianMs ? a : b));
process.stdout.write(
  `Slowest: ${slowest.name}, ${slowest.medianMs.toFixed(0)} ms (goal: under 1,000 ms). ` +
    `Peak RSS ${peakRssMb()} MB. Node ${process.version}.\n`
);
