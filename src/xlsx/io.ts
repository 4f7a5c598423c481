import ExcelJS from "exceljs";

/**
 * Bytes ⇄ workbook, with no file system: the CLI reads and writes files around these,
 * the browser preview hands in what a file input or fetch gave it.
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; at run time it takes any array buffer view.
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}
