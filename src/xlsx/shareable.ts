import type ExcelJS from "exceljs";
import { followsInputs } from "../core/report";
import { markShareable } from "./ownership";

/**
 * Make shareable, in a file, as the Excel adapter does it in Excel: every formula that
 * follows the inputs (an ESTAB.* call, a reference to another sheet: `followsInputs`)
 * becomes its cached result (what Excel last calculated, or what the build wrote), native
 * formulas over the sheet's own cells stay, an in-cell list (the scenario switch) goes,
 * and the sheet is marked shareable (its ESTAB_LIVE_* name goes). Returns how many
 * formulas became values. Used by `estab share` and the preview.
 */
export function makeSheetShareable(wb: ExcelJS.Workbook, sheet: string): number {
  const ws = wb.getWorksheet(sheet);
  let converted = 0;
  ws?.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const formula = cell.formula;
      if (typeof formula !== "string" || !followsInputs(formula)) return;
      cell.value = cell.result ?? null;
      converted++;
    })
  );
  // A switch among values that no longer follow it would switch nothing.
  const validations = (ws as { dataValidations?: { model: Record<string, unknown> } } | undefined)
    ?.dataValidations;
  if (validations) validations.model = {};
  markShareable(wb, sheet);
  return converted;
}
