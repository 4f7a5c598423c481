import type { ExcelRun } from "../../src/excel";
import type { WorkbookPort } from "../../src/core/workbook/port";
import { createExcelWorkbook } from "../../src/excel";

/** Never called: proves at compile time that production can pass Excel.run as is. */
export function productionRun(): ExcelRun {
  return Excel.run;
}

it("implements the WorkbookPort", () => {
  const port: WorkbookPort = createExcelWorkbook(() => Promise.reject(new Error("not in Excel")));
  expect(typeof port.writeSheets).toBe("function");
});
