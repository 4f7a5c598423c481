/**
 * Building the sheets in live mode (ESTAB formulas over the source cells, each checked
 * to give exactly the written value) against building them shareable, in the same run:
 * the live pass's own cost as a ratio. Not a goal of an issue; here so that a slow live
 * pass shows up (the task pane builds live sheets in Excel).
 *
 *   npm run bench -- live        (or: node dist/bench/bench/live.bench.js [posts])
 */
import { measure, peakRssMb, ratioTable } from "./harness";
import { largeWorkbook } from "../src/cli/demo-workbook";
import { buildWorkbook } from "../src/core/workbook/build";
import { loadWorkbook, readWorkbookGrids } from "../src/xlsx";

async function main(posts: number): Promise<void> {
  const grids = readWorkbookGrids(
    await loadWorkbook(await largeWorkbook(posts).xlsx.writeBuffer())
  );
  const request = { generatedAt: "2026-01-01", version: "bench" };
  const shareable = measure(`buildWorkbook shareable, ${posts.toLocaleString("en-GB")} posts`, () =>
    buildWorkbook(grids, { ...request, mode: "shareable" })
  );
  const live = measure(`buildWorkbook live, ${posts.toLocaleString("en-GB")} posts`, () =>
    buildWorkbook(grids, { ...request, mode: "live" })
  );
  const built = buildWorkbook(grids, { ...request, mode: "live" });
  const liveCells = built.sheets
    .flatMap((s) => s.cells.flat())
    .filter((c) => c && c.kind !== "text" && c.live !== undefined).length;
  process.stdout.write(
    [
      `${posts.toLocaleString("en-GB")} posts (the demo's repeated); ${liveCells.toLocaleString("en-GB")} live cells; median of 5 runs.`,
      "",
      ratioTable(shareable, [live]),
      "",
      `Peak RSS ${peakRssMb()} MB.`,
      "",
    ].join("\n")
  );
}

main(Number(process.argv[2] ?? 8000)).catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
