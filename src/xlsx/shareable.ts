import type ExcelJS from "exceljs";
import { ESTAB_CALL } from "../core/report";
import { markShareable } from "./ownership";

/**
 * Make shareable, in a file, as the Excel adapter does it in Excel: every ESTAB.* formula
 * of the sheet becomes its cached result (what Excel last calculated, or what the build
 * wrote), native formulas stay, and the sheet is marked shareable (its ESTAB_LIVE_* name
 * goes). Returns how many formulas became values. Used by `estab share` and the preview.
 */
export function makeSheetShareable(wb: ExcelJS.Workbook, sheet: string): number {
  const ws = wb.getWorksheet(sheet);
  let converted = 0;
  ws?.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const formula = cell.formula;
      if (typeof formula !== "string" || !ESTAB_CALL.test(formula)) return;
      cell.value = cell.result ?? null;
      converted++;
    })
  );
  markShareable(wb, sheet);
  return converted;
}
