import path from "node:path";
import ExcelJS from "exceljs";
import { hasErrors } from "../core/grid";
import type { SheetKey } from "../core/report";
import type { BuildResult, WorkbookGrids } from "../core/workbook/types";
import type { WrittenSheet } from "../core/workbook/port";
import {
  loadWorkbook,
  ownedSheets,
  readWorkbookGrids,
  saveWorkbook,
  writeSheetSpecs,
} from "../xlsx";
import { withLiveFormulas } from "../core/report";
import { readAssumptions } from "../core/read";
import { nameKey, retargetSheetRefs } from "../core/report/sheet-names";
import { streamSheetSpecs } from "../xlsx/stream";
import { financialYearOf, serialOf } from "../core/dates";
import type { BuildWorkbook } from "./engine";
import {
  UsageError,
  defaultOutputPath,
  openOutput,
  readInput,
  sameFile,
  type OutputFile,
} from "./files";
import { parseColumns } from "./columns";
import { issueLines, plural, summaryLines } from "./format";
import { progressOn, type Progress } from "./progress";
import type { CliIo } from "./io";

export const SHEET_CHOICES: readonly SheetKey[] = [
  "grant",
  "cost",
  "changes",
  "shares",
  "scenarios",
];

export interface BuildOptions {
  output?: string;
  only?: string;
  json?: boolean;
  /** Live: the workbook itself with the calculated sheets added, their figures as formulas over its cells. */
  live?: boolean;
  /** "field=header" or "table.field=letter", each a column mapping (see parseColumns). */
  column?: string[];
  /** Locality shares by role as well (the posts grouped by title). */
  roles?: boolean;
  /** The sheet or Excel Table to cost, when the workbook has several lists. */
  establishment?: string;
  /** A restructure's two lists: the current and the proposed structure (sheet or table names). */
  current?: string;
  proposed?: string;
  /** Build with a scenario's assumptions (a scenario column of the Assumptions sheet). */
  scenario?: string;
}

/** --current without --proposed (or the reverse) names half a restructure: a usage error. */
function tableChoices(
  options: BuildOptions
): Pick<BuildOptions, "establishment" | "current" | "proposed"> {
  const named = (v: string | undefined) =>
    v !== undefined && v.trim() !== "" ? v.trim() : undefined;
  const establishment = named(options.establishment);
  const current = named(options.current);
  const proposed = named(options.proposed);
  if ((current === undefined) !== (proposed === undefined))
    throw new UsageError(
      `--current and --proposed go together: name both lists of the restructure (for example --current "Current structure" --proposed "Proposed structure").`
    );
  return {
    ...(establishment !== undefined ? { establishment } : {}),
    ...(current !== undefined ? { current } : {}),
    ...(proposed !== undefined ? { proposed } : {}),
  };
}

/** "grant, cost" → ["grant", "cost"]; anything else is a usage error naming the choices. */
export function parseOnly(only: string | undefined): SheetKey[] | undefined {
  if (only === undefined) return undefined;
  const keys = only
    .split(",")
    .map((k) => k.trim().toLowerCase())
    .filter((k) => k !== "");
  const unknown = keys.filter((k) => !SHEET_CHOICES.includes(k as SheetKey));
  if (keys.length === 0 || unknown.length > 0)
    throw new UsageError(
      `--only takes a list of ${SHEET_CHOICES.join(", ")} (for example --only grant,cost); got '${only}'.`
    );
  return [...new Set(keys)] as SheetKey[];
}

/** The --json document: totals per sheet and the issues, for scripts. */
export interface BuildJson {
  ok: boolean;
  input: string;
  /** Absent when nothing was written. */
  output?: string;
  sheets: Array<{
    key: SheetKey;
    sheet: string;
    headline: string;
    totals: Record<string, number>;
    figures: BuildResult["summaries"][number]["figures"];
    warnings: string[];
  }>;
  issues: BuildResult["issues"];
}

function jsonOf(
  input: string,
  output: string | undefined,
  result: BuildResult,
  written: WrittenSheet[]
): BuildJson {
  const nameOf = (key: SheetKey, fallback: string) =>
    written.find((w) => w.key === key)?.name ?? fallback;
  return {
    ok: result.ok,
    input,
    ...(output !== undefined ? { output } : {}),
    sheets: result.summaries.map((s) => ({
      key: s.key,
      sheet: nameOf(s.key, s.sheetName),
      headline: s.headline,
      totals: Object.fromEntries(s.figures.map((f) => [f.label, f.value])),
      figures: s.figures,
      warnings: s.warnings,
    })),
    issues: result.issues,
  };
}

/** The workbook's sheets and tables as Grids, and the sheets an earlier build wrote into it. */
async function readGrids(
  input: string,
  keepSource = false
): Promise<{ grids: WorkbookGrids; outputSheets: string[]; source?: ExcelJS.Workbook }> {
  const bytes = await readInput(input);
  // Refused (WorkbookRefused, exit 2) when it is not a workbook or too big to hold.
  const source: ExcelJS.Workbook = await loadWorkbook(bytes, `'${input}'`);
  return {
    grids: readWorkbookGrids(source),
    outputSheets: ownedSheets(source).map((o) => o.sheet),
    // Only a live build writes into the workbook itself; a shareable one lets it go.
    ...(keepSource ? { source } : {}),
  };
}

/** Lists the errors (or prints them as JSON): nothing is written. Exit code 1. */
function reportBlocked(
  input: string,
  result: BuildResult,
  options: BuildOptions,
  io: CliIo
): number {
  if (options.json)
    io.stdout.write(
      `${JSON.stringify(jsonOf(input, undefined, { ...result, ok: false }, []), null, 2)}\n`
    );
  else {
    for (const line of issueLines(result.issues)) io.stderr.write(`${line}\n`);
    io.stderr.write(
      `Nothing was written. Correct the cells above in '${input}' and run the command again.\n`
    );
  }
  return 1;
}

/**
 * The calculated sheets into a new workbook, streamed row by row into a temporary file
 * beside the output and renamed into place when complete (src/xlsx/stream.ts).
 */
/**
 * Live: the calculated sheets written into the workbook itself, as the task pane writes
 * them in Excel, their figures as ESTAB and native formulas over its own cells (with the
 * values as cached results), so the file recalculates in Excel as the establishment or
 * the Assumptions sheet is edited. References to a calculated sheet follow the name it is
 * written under (a user's sheet holding the name keeps it).
 */
async function writeLive(
  result: BuildResult,
  grids: WorkbookGrids,
  source: ExcelJS.Workbook,
  output: string,
  file: OutputFile,
  progress: Progress
): Promise<WrittenSheet[]> {
  // A workbook with an Assumptions sheet keeps it, as the task pane does: the live formulas
  // refer to its cells, so the copy the build returns is not written.
  const own = readAssumptions(grids).found;
  const specs = result.sheets.filter((s) => !own || s.key !== "assumptions");
  progress.step(`Writing ${specs.length} sheets…`);
  const { sheets } = writeSheetSpecs(source, specs.map(withLiveFormulas), { mode: "live" });
  const renames = new Map(
    sheets.filter((w) => w.name !== w.requested).map((w) => [nameKey(w.requested), w.name])
  );
  if (renames.size > 0)
    for (const w of sheets)
      source.getWorksheet(w.name)?.eachRow((row) =>
        row.eachCell((cell) => {
          const { formula, result: cached } = cell;
          if (typeof formula === "string")
            cell.value = {
              formula: retargetSheetRefs(formula, renames),
              result: cached,
            } as ExcelJS.CellValue;
        })
      );
  progress.step(`Saving ${path.basename(output)}…`);
  await file.write(await saveWorkbook(source));
  return sheets;
}

async function writeResults(
  result: BuildResult,
  output: string,
  file: OutputFile,
  io: CliIo,
  progress: Progress
): Promise<WrittenSheet[]> {
  let sheets: WrittenSheet[] = [];
  const total = result.sheets.length;
  progress.step(`Writing sheet 1 of ${total} (${result.sheets[0]?.name ?? ""})…`);
  await file.write(async (out) => {
    ({ sheets } = await streamSheetSpecs(out, result.sheets, {
      creator: "Establishment Costing",
      created: io.now(),
      onSheet: (done) =>
        progress.step(
          done < total
            ? `Writing sheet ${done + 1} of ${total} (${result.sheets[done].name})…`
            : `Saving ${path.basename(output)}…`
        ),
    }));
  });
  return sheets;
}

/**
 * `estab build`: read the workbook, check it, cost it, and write a new workbook holding
 * the calculated sheets. Nothing is written when the workbook has errors. Returns the
 * exit code.
 */
export async function runBuild(
  input: string,
  options: BuildOptions,
  io: CliIo,
  build: BuildWorkbook,
  version: string
): Promise<number> {
  const only = parseOnly(options.only);
  const mappings = parseColumns(options.column);
  const choices = tableChoices(options);
  const output = options.output ?? defaultOutputPath(input);
  if (!/\.xlsx$/i.test(output))
    throw new UsageError(`The output '${output}' must be an .xlsx file.`);
  if (sameFile(input, output))
    throw new UsageError(
      `The output would overwrite the workbook you are costing ('${input}'). Choose another name with -o.`
    );

  // Before the work: a folder, a name too long or a folder that cannot be written is
  // found now, not after minutes of costing.
  const file = await openOutput(output);
  const progress = progressOn(io.stderr);
  let result: BuildResult;
  let written: WrittenSheet[] = [];
  let blocked = false;
  try {
    progress.step(`Reading ${path.basename(input)}…`);
    // Shareable: only the grids outlive this line: the file's bytes and ExcelJS's model of
    // it (the biggest things in memory) can be collected before the output is built. Live
    // keeps the model, which it writes the sheets into.
    const { grids, outputSheets, source: keep } = await readGrids(input, options.live);

    progress.step("Checking and costing…");
    const today = io.now();
    result = build(grids, {
      mode: options.live ? "live" : "shareable",
      // Without an assumptions sheet, cost from the financial year we are in.
      defaultFirstYear: financialYearOf(
        serialOf(today.getFullYear(), today.getMonth() + 1, today.getDate())
      ),
      // A workbook costed before: its calculated sheets are not read as input.
      outputSheets,
      ...(only ? { only } : {}),
      ...mappings,
      ...(options.roles ? { roles: true } : {}),
      ...choices,
      ...(options.scenario !== undefined ? { scenario: options.scenario } : {}),
      generatedAt: today.toISOString(),
      version,
    });

    blocked = !result.ok || hasErrors(result.issues);
    if (!blocked)
      written = keep
        ? await writeLive(result, grids, keep, output, file, progress)
        : await writeResults(result, output, file, io, progress);
  } finally {
    // Clears the progress line whatever happens, so messages start on a clean line.
    progress.done();
    // Errors or a failure: the temporary file goes (nothing happens once it is written).
    await file.discard();
  }
  if (blocked) return reportBlocked(input, result, options, io);

  if (options.json) {
    io.stdout.write(`${JSON.stringify(jsonOf(input, output, result, written), null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    `Wrote ${output} (${plural(written.length, "sheet")}: ${written.map((w) => w.name).join(", ")})${result.scenario !== undefined ? `, costed with the scenario '${result.scenario}'` : ""}\n`
  );
  for (const line of summaryLines(
    result.summaries.map((s) => ({
      ...s,
      sheetName: written.find((w) => w.key === s.key)?.name ?? s.sheetName,
    }))
  ))
    io.stdout.write(`${line}\n`);
  const warnings = issueLines(result.issues);
  if (warnings.length > 0) io.stdout.write(`\n${warnings.join("\n")}\n`);
  return 0;
}
