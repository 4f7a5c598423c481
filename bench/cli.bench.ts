/**
 * `estab build` on a 50,000-post workbook against a baseline measured in the same run:
 * ExcelJS simply reading that workbook and writing the same number of cells. Goal: the
 * whole build within 1.5× the baseline, peak memory under 1 GB. Each measurement runs in
 * its own child process so its peak memory (maxRSS) is its own. A third row, for
 * information only, writes the same cells through ExcelJS's streaming writer.
 *
 *   npm run bench -- cli            (or: node dist/bench/bench/cli.bench.js [posts])
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { measureAsync, ratioTable, type Measurement } from "./harness";
import { largeWorkbook } from "../src/cli/demo-workbook";
import { main } from "../src/cli/main";
import { loadWorkbook, saveWorkbook } from "../src/xlsx";

const RUNS = 2;

interface ChildReport {
  measurement: Measurement;
  maxRssMb: number;
  cells?: number;
}

const quiet = { write: () => true };

/** The whole command, in-process: read file, check, cost, lay out, write file. */
async function pipeline(input: string, output: string): Promise<void> {
  const code = await main(["build", input, "-o", output], {
    stdout: quiet,
    stderr: { ...quiet, isTTY: false },
    now: () => new Date(),
  });
  if (code !== 0) throw new Error(`estab build exited ${code}`);
}

/** ExcelJS reading the workbook, then writing `cells` numbers (in rows of 12) and saving. */
async function baseline(input: string, output: string, cells: number): Promise<void> {
  await loadWorkbook(readFileSync(input));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cells");
  const width = 12;
  for (let r = 0; r * width < cells; r++) {
    const row = ws.getRow(r + 1);
    for (let c = 0; c < width && r * width + c < cells; c++) row.getCell(c + 1).value = r + c / 100;
  }
  writeFileSync(output, await saveWorkbook(wb));
}

/**
 * Informational, not the goal's baseline: the same read, then the same cells written
 * through ExcelJS's streaming writer (rows committed as written), as the build now writes.
 */
async function streamingBaseline(input: string, output: string, cells: number): Promise<void> {
  await loadWorkbook(readFileSync(input));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true });
  const ws = wb.addWorksheet("Cells");
  const width = 12;
  for (let r = 0; r * width < cells; r++) {
    const row = ws.getRow(r + 1);
    for (let c = 0; c < width && r * width + c < cells; c++) row.getCell(c + 1).value = r + c / 100;
    row.commit();
    if (r % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  ws.commit();
  await wb.commit();
}

/** Cells the build wrote: what the baseline must write too. */
async function cellsIn(file: string): Promise<number> {
  const wb = await loadWorkbook(readFileSync(file));
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => n++)));
  return n;
}

/**
 * Each run starts from a collected heap, as a fresh `estab build` process does: without
 * this, V8 leaves the previous run's garbage uncollected while it has room, and maxRSS
 * measures the runs' sum rather than one run's peak. Done for every measurement alike
 * (the children run with --expose-gc), inside the timed function.
 */
function collected(fn: () => Promise<void>): () => Promise<void> {
  return () => {
    (globalThis as { gc?: () => void }).gc?.();
    return fn();
  };
}

async function child(kind: string, input: string, cells: number): Promise<void> {
  const output = path.join(path.dirname(input), `${kind}-out.xlsx`);
  const measurement =
    kind === "pipeline"
      ? await measureAsync(
          "estab build (read, check, cost, write)",
          collected(() => pipeline(input, output)),
          RUNS
        )
      : kind === "stream"
        ? await measureAsync(
            "(information) ExcelJS read + streaming write of the same number of cells",
            collected(() => streamingBaseline(input, output, cells)),
            RUNS
          )
        : await measureAsync(
            "baseline: ExcelJS read + write the same number of cells",
            collected(() => baseline(input, output, cells)),
            RUNS
          );
  const report: ChildReport = {
    measurement,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(kind === "pipeline" ? { cells: await cellsIn(output) } : {}),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild(kind: string, input: string, cells: number): ChildReport {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", __filename, kind, input, String(cells)],
    {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    }
  );
  return JSON.parse(out.trim().split("\n").pop()!) as ChildReport;
}

async function parent(posts: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "estab-bench-"));
  try {
    const input = path.join(dir, `establishment-${posts}.xlsx`);
    await largeWorkbook(posts).xlsx.writeFile(input);
    const built = runChild("pipeline", input, 0);
    const base = runChild("baseline", input, built.cells ?? 0);
    const streamed = runChild("stream", input, built.cells ?? 0);
    const ratio = built.measurement.medianMs / base.measurement.medianMs;
    process.stdout.write(
      [
        `${posts.toLocaleString("en-GB")} posts; the build wrote ${(built.cells ?? 0).toLocaleString("en-GB")} cells; median of ${RUNS} runs after a warm-up.`,
        "",
        ratioTable(base.measurement, [built.measurement, streamed.measurement]),
        "",
        `| peak memory (maxRSS) | MB |`,
        `|---|---:|`,
        `| baseline | ${base.maxRssMb} |`,
        `| estab build | ${built.maxRssMb} |`,
        `| (information) streaming write | ${streamed.maxRssMb} |`,
        "",
        `Time goal ≤ 1.5× baseline: ${ratio <= 1.5 ? "met" : "NOT met"} (${ratio.toFixed(2)}×). ` +
          `Memory goal < 1 GB: ${built.maxRssMb < 1024 ? "met" : "NOT met"} (${built.maxRssMb} MB).`,
        "",
      ].join("\n")
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [kind, input, cells] = process.argv.slice(2);
const job =
  kind === "pipeline" || kind === "baseline" || kind === "stream"
    ? child(kind, input, Number(cells))
    : parent(kind ? Number(kind) : 50_000);
job.catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
