export * from "./establishment";
export * from "./pay-scales";
export * from "./localities";
export * from "./assumptions";
export * from "./grade";
export * from "./funding";
