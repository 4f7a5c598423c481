export * from "./errors";
export * from "./units";
export * from "./need-index";
export * from "./allocate";
export * from "./matrix";
export * from "./costs";
