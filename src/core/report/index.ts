export * from "./sheet-spec";
