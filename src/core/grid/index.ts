export * from "./grid";
export * from "./address";
export * from "./issue";
