/**
 * The ExcelJS adapter: .xlsx workbooks ⇄ Grids and SheetSpecs. Usable in Node (the estab
 * CLI) and in the browser (the task pane's preview): no Node APIs in here.
 */
export { readWorkbookGrids, gridValueOf, serialFromDate } from "./read";
export { writeSheetSpecs, safeSheetName, uniqueHeaders, type WriteOptions } from "./write";
export {
  ownedSheets,
  markOwned,
  ownedNameFor,
  OWNED_NAME_PREFIX,
  type OwnedSheet,
} from "./ownership";
export { loadWorkbook, saveWorkbook, newWorkbook } from "./io";
export { READ_LIMITS, WorkbookRefused, checkWorkbookBytes, type ReadLimits } from "./limits";
