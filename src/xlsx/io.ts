import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addChartsToZip, chartsToSave } from "./charts";
import { keepDrawings, keptDrawings, keptDrawingsOf, restoreDrawings } from "./kept-charts";
import { withOverrides } from "./package-parts";
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
    // ExcelJS drops charts: kept aside here, put back by saveWorkbook (src/xlsx/kept-charts.ts).
    keepDrawings(wb, await keptDrawings(bytes));
  } catch {
    throw new WorkbookRefused(
      `${name ?? "This file"} is not an Excel workbook that can be read (.xlsx): a part of it is damaged. Open it in Excel and save it again.`
    );
  }
  return wb;
}

/**
 * The workbook's bytes, with charts added after ExcelJS has saved it (ExcelJS neither
 * writes nor keeps them): those of the sheets writeSheetSpecs wrote (src/xlsx/charts.ts),
 * and those the file it was loaded from had on its other sheets (src/xlsx/kept-charts.ts).
 */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  const bytes = out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  const written = chartsToSave(wb);
  const kept = new Map([...keptDrawingsOf(wb)].filter(([name]) => !written.has(name)));
  if (kept.size === 0 && ![...written.values()].some((spec) => spec.charts.length > 0))
    return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const overrides = new Map([
    ...(await addChartsToZip(zip, written)),
    ...(await restoreDrawings(zip, kept)),
  ]);
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  zip.file("[Content_Types].xml", withOverrides(types, overrides));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}
