import ExcelJS from "exceljs";
import { addChartsToXlsx, chartsToSave } from "./charts";
import { checkWorkbookBytes, WorkbookRefused } from "./limits";

/**
 * Bytes ⇄ workbook, with no file system: the CLI reads and writes files around these,
 * the browser preview hands in what a file input or fetch gave it.
 */
/**
 * Reads .xlsx bytes into an ExcelJS workbook, after checkWorkbookBytes has looked inside
 * the zip: a file that is not a workbook, or too big for ExcelJS to hold, is refused
 * (WorkbookRefused, its message for the user) before ExcelJS is given it. `name` is how
 * messages call the file ("'budget.xlsx'").
 */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  name?: string
): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await checkWorkbookBytes(bytes, name);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; at run time it takes any array buffer view.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookRefused(
      `${name ?? "This file"} is not an Excel workbook that can be read (.xlsx): a part of it is damaged. Open it in Excel and save it again.`
    );
  }
  return wb;
}

/**
 * The workbook's bytes, with the charts of the sheets writeSheetSpecs wrote added after
 * ExcelJS has saved it (ExcelJS cannot write charts: src/xlsx/charts.ts).
 */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  const bytes = out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  return addChartsToXlsx(bytes, chartsToSave(wb));
}

export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}
