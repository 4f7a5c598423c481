// Only the share-out API is public; the rounding helpers stay internal so their generic
// names cannot clash with other core modules' exports.
export { SharesInputError } from "./errors";
export { toUnits, fromUnits, checkUnitCount, inWholeUnits, MAX_UNITS } from "./units";
export * from "./need-index";
export * from "./allocate";
export * from "./matrix";
export { costOfAllocation, costOfMatrix } from "./costs";
