export * from "./dates";
export * from "./financial-year";
