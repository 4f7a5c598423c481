/** The pure core: reachable from the task pane, the CLI and the cell functions alike. */
export * from "./grid";
export * from "./dates";
export * from "./model";
export * from "./report";
export * from "./workbook/types";
export * from "./workbook/port";
