/**
 * Reading a workbook file (issue 12): the cells that hold values, not the used range.
 *
 * 1. The demo establishment with one stray value at XFD1048576 (its used range is the
 *    whole sheet: 17 billion cells), read by loadWorkbook + readWorkbookGrids, against the
 *    same workbook without the stray value. Goal: under 200 MB and under 2 s; the whole
 *    `estab build` on it in a fresh process is measured too (it crashed out of memory
 *    before).
 * 2. A 100,000-post establishment, read the same way (the zip checked first: inflated,
 *    cells counted), against ExcelJS loading the same bytes with no checks and no grids.
 *    Goal: reads as before (the checks and grids a small part of ExcelJS's own load).
 *
 * Each measurement runs in its own child process so its peak memory (maxRSS) is its own.
 *
 *   npm run bench -- file-read     (or: node dist/bench/bench/file-read.bench.js [posts])
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { loadavg } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { measureAsync, measureOnce, ratioTable, type Measurement } from "./harness";
import { childrensServicesWorkbook, largeWorkbook } from "../src/cli/demo-workbook";
import { main } from "../src/cli/main";
import { checkWorkbookBytes, loadWorkbook, readWorkbookGrids } from "../src/xlsx";

interface ChildReport {
  measurement: Measurement;
  maxRssMb: number;
  /** CPU time of one more run (all threads, GC included): steadier than wall time on a shared machine. */
  cpuMs: number;
  /** Cells in the grids read (blanks included), and the largest grid's. */
  gridCells?: number;
  largestGrid?: number;
}

const quiet = { write: () => true };

/** See cli.bench.ts: every run starts from a collected heap, as a fresh process does. */
function collected(fn: () => Promise<unknown>): () => Promise<unknown> {
  return () => {
    (globalThis as { gc?: () => void }).gc?.();
    return fn();
  };
}

async function readGrids(file: string): Promise<number[]> {
  const { grids } = readWorkbookGrids(await loadWorkbook(readFileSync(file)));
  return grids.map((g) => g.values.length * (g.values[0]?.length ?? 0));
}

const KINDS: Record<
  string,
  { name: string; runs: number; fn: (file: string) => Promise<unknown> }
> = {
  read: {
    name: "loadWorkbook + readWorkbookGrids",
    runs: 5,
    fn: readGrids,
  },
  exceljs: {
    name: "baseline: ExcelJS load alone (no checks, no grids)",
    runs: 2,
    fn: async (file) =>
      new ExcelJS.Workbook().xlsx.load(readFileSync(file) as unknown as ArrayBuffer),
  },
  check: {
    name: "(information) checkWorkbookBytes alone",
    runs: 2,
    fn: (file) => checkWorkbookBytes(readFileSync(file)),
  },
  build: {
    name: "estab build, one run in a fresh process",
    runs: 0,
    fn: async (file) => {
      const out = path.join(path.dirname(file), "built.xlsx");
      const code = await main(["build", file, "-o", out], {
        stdout: quiet,
        stderr: { ...quiet, isTTY: false },
        now: () => new Date(),
      });
      if (code !== 0) throw new Error(`estab build exited ${code}`);
    },
  },
};

async function child(kind: string, file: string, label: string, runs: number): Promise<void> {
  const job = KINDS[kind];
  let measurement: Measurement;
  if (runs === 0) measurement = await measureOnce(label, () => job.fn(file));
  else
    measurement = await measureAsync(
      label,
      collected(() => job.fn(file)),
      runs
    );
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  await job.fn(file);
  const used = process.cpuUsage(cpu);
  const areas = kind === "read" ? await readGrids(file) : undefined;
  const report: ChildReport = {
    measurement,
    maxRssMb,
    cpuMs: Math.round((used.user + used.system) / 1000),
    ...(areas
      ? { gridCells: areas.reduce((a, b) => a + b, 0), largestGrid: Math.max(...areas) }
      : {}),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild(kind: string, file: string, label: string, runs = KINDS[kind].runs): ChildReport {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", __filename, "child", kind, file, label, String(runs)],
    { encoding: "utf8", maxBuffer: 1 << 24 }
  );
  return JSON.parse(out.trim().split("\n").pop()!) as ChildReport;
}

const mb = (r: ChildReport) => `${r.maxRssMb}`;

async function parent(posts: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "estab-bench-read-"));
  try {
    const plain = path.join(dir, "demo.xlsx");
    const far = path.join(dir, "demo-far-cell.xlsx");
    await childrensServicesWorkbook().xlsx.writeFile(plain);
    const wb = childrensServicesWorkbook();
    wb.getWorksheet("Establishment")!.getCell("XFD1048576").value = "stray";
    await wb.xlsx.writeFile(far);

    const base = runChild("read", plain, "baseline: the demo establishment, read");
    const farRead = runChild("read", far, "the same with one value at XFD1048576, read");
    const farBuild = runChild("build", far, "estab build on it, one run in a fresh process");
    const met = (r: ChildReport) => r.maxRssMb < 200 && r.measurement.medianMs < 2000;

    const large = path.join(dir, `establishment-${posts}.xlsx`);
    await largeWorkbook(posts).xlsx.writeFile(large);
    const exceljs = runChild(
      "exceljs",
      large,
      `baseline: ExcelJS load alone, ${posts.toLocaleString("en-GB")} posts`
    );
    const read = runChild(
      "read",
      large,
      `loadWorkbook + readWorkbookGrids, ${posts.toLocaleString("en-GB")} posts`,
      2
    );
    const check = runChild("check", large, "(information) checkWorkbookBytes alone");

    process.stdout.write(
      [
        `Load average ${loadavg()[0].toFixed(1)} at the end (2 CPUs, shared).`,
        "",
        "### One far cell",
        "",
        ratioTable(base.measurement, [farRead.measurement, farBuild.measurement]),
        "",
        "| peak memory (maxRSS) | MB | grid cells read | largest grid |",
        "|---|---:|---:|---:|",
        `| demo establishment | ${mb(base)} | ${base.gridCells} | ${base.largestGrid} |`,
        `| with a value at XFD1048576 | ${mb(farRead)} | ${farRead.gridCells} | ${farRead.largestGrid} |`,
        `| estab build on it | ${mb(farBuild)} | | |`,
        "",
        `Goal under 200 MB and under 2 s: read ${met(farRead) ? "met" : "NOT met"}, whole build ${met(farBuild) ? "met" : "NOT met"}.`,
        "",
        `### ${posts.toLocaleString("en-GB")} posts`,
        "",
        ratioTable(exceljs.measurement, [read.measurement, check.measurement]),
        "",
        "| measurement | CPU ms of one run | × baseline | peak memory (maxRSS) MB |",
        "|---|---:|---:|---:|",
        ...[
          ["ExcelJS load alone", exceljs],
          ["loadWorkbook + readWorkbookGrids", read],
          ["checkWorkbookBytes alone", check],
        ].map(
          ([name, r]) =>
            `| ${name as string} | ${(r as ChildReport).cpuMs} | ${((r as ChildReport).cpuMs / exceljs.cpuMs).toFixed(2)} | ${mb(r as ChildReport)} |`
        ),
        "",
        `Grid cells read: ${read.gridCells?.toLocaleString("en-GB")} (largest grid ${read.largestGrid?.toLocaleString("en-GB")}).`,
        "",
      ].join("\n")
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [first, kind, file, label, runs] = process.argv.slice(2);
const job =
  first === "child"
    ? child(kind, file, label, Number(runs))
    : parent(first ? Number(first) : 100_000);
job.catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
