export * from "./sheet-spec";
export { buildEstablishmentCostSheet, type EstablishmentCostInput } from "./establishment-cost";
export {
  buildGrantCostingSheet,
  grantPosts,
  type GrantCostingInput,
  type SheetBuild,
} from "./grant-costing";
export { buildRestructureSheet, type RestructureSheetInput } from "./restructure";
export {
  buildLocalitySharesSheet,
  localityShares,
  type LocalitySharesSheetInput,
  type LocalityShares,
} from "./locality-shares";
export { buildAssumptionsSheet, ASSUMPTIONS_SHEET_NAME } from "./assumptions-sheet";
export { liveFormulas, makeShareable, type LiveOutcome, type LiveSource } from "./live";
