export * from "./classify";
export * from "./part-year";
export * from "./agency";
export * from "./proposed-versus-current";
export * from "./engine-cost";
export * from "./match";
export * from "./uncosted";
