/** The Office.js door: reads the workbook into Grids, writes SheetSpecs back, owns its sheets. */
export { createExcelWorkbook, ExcelTooOldError } from "./workbook";
export type { ExcelWorkbook, ExcelWorkbookOptions, WriteSheetsOptions } from "./workbook";
export type { ExcelRun, IsSetSupported } from "./run";
export { MAX_REQUEST_BYTES, MIN_EXCEL_API, NOTES_EXCEL_API, SPECIAL_CELLS_EXCEL_API } from "./run";
export { MAX_READ_CELLS, TooMuchToReadError } from "./content";
export { MARKER_KEY, parseMarker } from "./marker";
export type { OutputMode, OwnershipMarker } from "./marker";
export { NotOwnedError } from "./owned";
export type { ShareableOutcome } from "./shareable";
export { charactersToPoints } from "./write";
export { STYLE_LOOKS } from "./styles";
