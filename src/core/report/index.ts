export * from "./sheet-spec";
export { buildEstablishmentCostSheet, type EstablishmentCostInput } from "./establishment-cost";
export type { SheetBuild, SheetSummary, SummaryFigure } from "./summary";
export { buildGrantCostingSheet, type GrantCostingInput } from "./grant-costing";
export { buildRestructureSheet, type RestructureSheetInput } from "./restructure";
export {
  buildLocalitySharesSheet,
  localityShares,
  type LocalitySharesSheetInput,
  type LocalityShares,
} from "./locality-shares";
export { buildAssumptionsSheet, ASSUMPTIONS_SHEET_NAME } from "./assumptions-sheet";
export type { Provenance } from "./print";
export { ESTAB_CALL, followsInputs, makeShareable, withLiveFormulas } from "./shareable";
export { buildScenariosSheet, type ScenariosSheetInput } from "./scenarios";
export { scenarioFigures, type ScenarioFigures, type ScenarioInputs } from "./scenario-figures";
