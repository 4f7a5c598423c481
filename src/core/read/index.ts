/**
 * Reading the user's workbook: Grids in, typed establishment, assumptions, localities and
 * pay scales out, with every problem as an Issue naming its cell. Pure TypeScript.
 */
export {
  readEstablishment,
  type ReadEstablishmentOptions,
  type ReadEstablishmentResult,
} from "./establishment";
export {
  readLocalities,
  type ReadLocalitiesOptions,
  type ReadLocalitiesResult,
} from "./localities";
export { readPayScales, type ReadPayScalesResult } from "./pay-scales";
export { readWorkbook, type ReadWorkbookOptions, type WorkbookInputs } from "./workbook";
export {
  readAssumptions,
  defaultAssumptions,
  defaultAssumptionsGrid,
  assumptionsGrid,
  findAssumptionsBlock,
  matchSetting,
  parsePayAward,
  settingNames,
  DEFAULT_FIRST_YEAR,
  SETTINGS,
  YEAR_SETTINGS,
  type ReadAssumptionsOptions,
  type ReadAssumptionsResult,
  type SettingShown,
} from "./assumptions";
export {
  findScenario,
  readScenarios,
  BASE_NAME,
  NOTE_HEADERS,
  STRUCTURAL_SETTINGS,
  SCENARIOS_SHEET_TITLE,
  type ScenariosRead,
} from "./scenarios";
export {
  detectTables,
  chooseCandidate,
  fieldForHeader,
  mapHeaderRow,
  stackedHeader,
  type StackedHeader,
  HEADER_SEARCH_ROWS,
  type ColumnMapping,
  type HeaderCell,
  type TableCandidate,
} from "./detect";
export { locateTable, type TableChoice } from "./locate";
export { readTable, type TableRead, type TableRow, type TableTotal } from "./table";
export { totalKindOf, type TotalKind } from "./rows";
export {
  ESTABLISHMENT_SCHEMA,
  LOCALITIES_SCHEMA,
  PAY_SCALES_SCHEMA,
  ROLES_SCHEMA,
  type LocalityField,
  type PayScaleField,
  type RoleField,
} from "./schemas";
export {
  KIND_RULES,
  type FieldSpec,
  type FieldValue,
  type TableSchema,
  type ValueKind,
} from "./schema";
export {
  parseBoolean,
  parseContractType,
  parseDate,
  parseMeasure,
  parseMoney,
  parseNumber,
  parseFte,
  parseMoneyRange,
  parsePercent,
  parsePoint,
  parseText,
  parseYear,
  CONTRACT_TYPE_WORDS,
} from "./values";
export {
  LIMITS,
  EARLIEST_DATE,
  LATEST_DATE,
  refusedForSize,
  withinLimit,
  type Limit,
} from "./limits";
export { normaliseLabel, editDistance, closestLabel } from "./text";
export { isNoFigureWord } from "./setting-words";
