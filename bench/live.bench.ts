/**
 * Building the sheets in live mode (ESTAB and native formulas over the workbook's cells)
 * against building them shareable, in the same run: issue 16 asks for a live build within
 * 1.5× a shareable one. The two builds alternate run by run, so a change in the shared
 * machine's load falls on both, and the ratio is read by CPU time (user + system), which
 * the load moves much less than the wall clock.
 *
 *   npm run bench -- live        (or: node dist/bench/bench/live.bench.js [posts] [runs])
 */
import { loadavg } from "node:os";
import { measureAlternating, peakRssMb, ratioTable } from "./harness";
import { largeWorkbook } from "../src/cli/demo-workbook";
import { buildWorkbook } from "../src/core/workbook/build";
import { loadWorkbook, readWorkbookGrids } from "../src/xlsx";

async function main(posts: number, runs: number): Promise<void> {
  const grids = readWorkbookGrids(
    await loadWorkbook(await largeWorkbook(posts).xlsx.writeBuffer())
  );
  const request = { generatedAt: "2026-01-01", version: "bench" };
  const n = posts.toLocaleString("en-GB");
  const [shareable, live] = measureAlternating(
    [
      {
        name: `buildWorkbook shareable, ${n} posts`,
        fn: () => buildWorkbook(grids, { ...request, mode: "shareable" }),
      },
      {
        name: `buildWorkbook live, ${n} posts`,
        fn: () => buildWorkbook(grids, { ...request, mode: "live" }),
      },
    ],
    runs
  );
  const built = buildWorkbook(grids, { ...request, mode: "live" });
  const liveCells = built.sheets
    .flatMap((s) => s.cells.flat())
    .filter((c) => c && c.kind !== "text" && c.live !== undefined).length;
  process.stdout.write(
    [
      `${n} posts (the demo's repeated); ${liveCells.toLocaleString("en-GB")} live cells; ` +
        `live and shareable alternated, median of ${runs} runs each; load average ${loadavg()[0].toFixed(1)} at the end.`,
      "",
      ratioTable(shareable, [live]),
      "",
      `Live ÷ shareable by CPU time: ${(live.cpuMedianMs / shareable.cpuMedianMs).toFixed(2)}× ` +
        `(goal: within 1.5×); by wall time ${(live.medianMs / shareable.medianMs).toFixed(2)}×.`,
      `Peak RSS ${peakRssMb()} MB.`,
      "",
    ].join("\n")
  );
}

main(Number(process.argv[2] ?? 8000), Number(process.argv[3] ?? 5)).catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
