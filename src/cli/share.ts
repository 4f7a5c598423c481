/**
 * `estab share`: a live workbook made shareable, as the task pane's Make shareable does it:
 * on every sheet this tool wrote live, each ESTAB.* formula becomes the value it shows (the
 * value Excel last calculated, or the one the build wrote), native formulas stay, and the
 * sheet is marked shareable. The source sheets are left as they are.
 */
import path from "node:path";
import type ExcelJS from "exceljs";
import { loadWorkbook, saveWorkbook } from "../xlsx";
import { liveOwnedSheets } from "../xlsx/ownership";
import { makeSheetShareable } from "../xlsx/shareable";
import { UsageError, readInput, sameFile, writeAtomically } from "./files";
import type { CliIo } from "./io";
import { plural } from "./format";

export interface ShareOptions {
  output?: string;
}

/** "costed.xlsx" → "costed-shareable.xlsx", beside the input. */
export function shareOutputPath(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}-shareable.xlsx`);
}

export async function runShare(input: string, options: ShareOptions, io: CliIo): Promise<number> {
  const output = options.output ?? shareOutputPath(input);
  if (!/\.xlsx$/i.test(output))
    throw new UsageError(`The output '${output}' must be an .xlsx file.`);
  if (sameFile(input, output))
    throw new UsageError(`The output would overwrite '${input}'. Choose another name with -o.`);
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(await readInput(input));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`'${input}' is not an Excel workbook that can be read (.xlsx).`);
  }
  const live = liveOwnedSheets(wb);
  let converted = 0;
  for (const { sheet } of live) converted += makeSheetShareable(wb, sheet);
  await writeAtomically(output, await saveWorkbook(wb));
  io.stdout.write(
    live.length === 0
      ? `Wrote ${output}: it has no live sheets, so nothing needed changing.\n`
      : `Wrote ${output}: ${plural(live.length, "sheet")} made shareable (${live.map((l) => l.sheet).join(", ")}), ${plural(converted, "live formula")} (ESTAB calls and references to other sheets) replaced by ${converted === 1 ? "its value" : "their values"}.\n`
  );
  return 0;
}
