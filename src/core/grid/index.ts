export * from "./grid";
export * from "./address";
export * from "./issue";
export * from "./regions";
export * from "./view";
