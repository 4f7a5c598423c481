// Reading a 100,000-row establishment grid: detection, mapping, parsing, validation and
// totals, against a baseline that only touches every cell with Number().
import type { CellValue, Grid } from "../src/core/grid";
import { readEstablishment } from "../src/core/read";
import { loadavg } from "node:os";
import { measure, peakRssMb, ratioTable } from "./harness";

const ROWS = 100_000;

function establishmentGrid(rows: number): Grid {
  const values: CellValue[][] = [
    ["SUPPORTING FAMILIES STAFF - GRADES AND SALARY SCALES", "", "", "", "", "", "", "", "", ""],
    [
      "Post ID",
      "Position Name",
      "Grade",
      "Team",
      "Minimum Salary",
      "Maximum Salary",
      "Salary",
      "FTE",
      "No of Staff",
      "Start date",
    ],
  ];
  for (let i = 0; i < rows; i++) {
    const min = 20000 + (i % 20) * 1000;
    values.push([
      `P${i + 1}`,
      `Family Support Worker ${i % 50}`,
      `SS${String(5 + (i % 10)).padStart(2, "0")}`,
      `Team ${i % 30}`,
      i % 2 === 0 ? `£${min.toLocaleString("en-GB")}` : min, // half as £ text, as pasted
      min + 2500,
      i % 3 === 0 ? "" : min + 1000,
      i % 4 === 0 ? 0.5 : 1,
      1,
      i % 5 === 0 ? "01/09/2024" : 45383 + (i % 365),
    ]);
  }
  values.push(["", "TOTAL", "", "", "", "", "", rows * 0.875, rows, ""]);
  return { sheet: "Staffing", origin: { row: 0, column: 0 }, values };
}

const grid = establishmentGrid(ROWS);
const workbook = { grids: [grid] };

const baseline = measure("baseline: Number() on every cell", () => {
  let sum = 0;
  for (const row of grid.values) for (const v of row) sum += Number(v) || 0;
  return sum;
});
let posts = 0;
let issues = 0;
const read = measure(`readEstablishment, ${ROWS.toLocaleString("en-GB")} rows × 10 columns`, () => {
  const r = readEstablishment(workbook);
  posts = r.establishment?.posts.length ?? 0;
  issues = r.issues.length;
});

const small = establishmentGrid(ROWS / 10);
const readSmall = measure(
  `readEstablishment, ${(ROWS / 10).toLocaleString("en-GB")} rows (linearity check)`,
  () => readEstablishment({ grids: [small] })
);

/** CPU time of one read: steadier than wall time when the machine is shared. */
function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
const cpu = cpuMs(() => readEstablishment(workbook));

process.stdout.write(`${ratioTable(baseline, [readSmall, read])}\n\n`);
process.stdout.write(
  `CPU time of one 100,000-row read (all threads, GC included): ${cpu.toFixed(0)} ms. `
);
process.stdout.write(`Load average while running: ${loadavg()[0].toFixed(1)} on this machine.\n`);
process.stdout.write(
  `Posts read: ${posts.toLocaleString("en-GB")}; issues: ${issues}; peak RSS ${peakRssMb()} MB; goal under 1,000 ms.\n`
);
