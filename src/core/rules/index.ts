/** Reference data and small rules: employer NI by tax year, apprenticeship levy, rounding. */
export {
  NI_TABLE,
  NI_TABLE_FIRST_YEAR,
  NI_TABLE_LAST_YEAR,
  niRulesFor,
  employerNi,
  type NiTableRow,
  type NiSource,
  type NiOverrides,
  type NiYearRules,
} from "./national-insurance";
export { APPRENTICESHIP_LEVY_RATE, APPRENTICESHIP_LEVY_FIRST_YEAR, levyRateFor } from "./levy";
