/**
 * The pure core: reachable from the task pane, the CLI and the cell functions alike.
 * Each concern's folder has an index of its own; this one re-exports the faces the
 * adapters use. Import from a folder directly for the rest.
 */
export * from "./grid";
export * from "./dates";
export * from "./model";
export * from "./report";
export * from "./workbook/types";
export * from "./workbook/port";
export { buildWorkbook, availableSheets, SHEET_ORDER } from "./workbook/build";
export { withoutOutputSheets } from "./workbook/inputs";
