/**
 * ESTAB custom functions: thin wrappers over src/core. The JSDoc tags below are read by
 * custom-functions-metadata-plugin to generate functions.json at build time.
 */
import { financialYearLabel, financialYearOf } from "../core/dates";

/**
 * The financial year (1 April to 31 March) a date falls in, e.g. "2024/25".
 * @customfunction FY
 * @param date A date (or Excel date serial number).
 * @returns The financial year label.
 */
export function fy(date: number): string {
  if (!Number.isFinite(date) || date < 61) {
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      "Give a date from 1 March 1900 on."
    );
  }
  return financialYearLabel(financialYearOf(date));
}
