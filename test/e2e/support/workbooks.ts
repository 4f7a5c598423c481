import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWorkbook, saveWorkbook } from "../../../src/xlsx";
import { ROOT } from "./preview-build";

export const EXAMPLE = path.join(ROOT, "examples/childrens-services.xlsx");

/**
 * Variants of the bundled example, written to a temporary folder for the file picker:
 * the e2e scenarios need a column the reader cannot map and a workbook without an
 * assumptions sheet, and the example (rightly) has neither.
 */
export async function exampleVariant(
  name: string,
  change: (wb: Awaited<ReturnType<typeof loadWorkbook>>) => void
): Promise<string> {
  const wb = await loadWorkbook(readFileSync(EXAMPLE));
  change(wb);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "estab-e2e-")), name);
  writeFileSync(file, await saveWorkbook(wb));
  return file;
}
