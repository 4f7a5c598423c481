/**
 * An Assumptions sheet laid out as a budget model is: the financial years across the top
 * ("Assumption | 2026/27 | 2027/28 | 2028/29") and a setting per row. A setting that has a
 * value per year (a pay award, a pay award's minimum, the grant) is read for each year
 * from its column; any other setting has one value for the whole costing, taken from the
 * first year that gives one, and a later year that differs is said at its cell rather
 * than dropped in silence. With no First financial year or Number of years typed, the
 * costing covers the years heading the columns.
 */
import type { CellValue, Grid, Issue } from "../grid";
import { isBlank, positionIn, toA1 } from "../grid";
import { financialYearLabel, parseFinancialYear, type FinancialYear } from "../dates";
import { issueAt } from "./issues";
import { describeValue } from "./text";

/** A column of the years-across layout and the financial year heading it. */
export interface YearColumn {
  column: number;
  year: FinancialYear;
}

const yearOf = (v: CellValue | undefined): FinancialYear | undefined =>
  typeof v === "string" || typeof v === "number" ? parseFinancialYear(v) : undefined;

/**
 * The header row of a years-across layout within the first rows of the grid: a label
 * (or blank) cell, then two or more consecutive columns headed by consecutive financial
 * years. Undefined when no row is one.
 */
export function yearsAcrossHeader(
  grid: Grid
): { row: number; labelColumn: number; years: YearColumn[] } | undefined {
  const limit = Math.min(grid.values.length, 30);
  for (let r = 0; r < limit; r++) {
    const row = grid.values[r] ?? [];
    const first = row.findIndex((v) => yearOf(v) !== undefined);
    if (first < 1) continue;
    const years: YearColumn[] = [];
    for (let c = first; c < row.length; c++) {
      const year = yearOf(row[c]);
      const previous = years[years.length - 1];
      if (year === undefined || (previous && year !== previous.year + 1)) break;
      years.push({ column: c, year });
    }
    if (years.length < 2) continue;
    const labelColumn = row.findIndex((v, c) => c < first && !isBlank(v));
    return { row: r, labelColumn: labelColumn < 0 ? 0 : labelColumn, years };
  }
  return undefined;
}

/** What one row of the layout gives: a setting's label and the column its value is read from. */
export interface YearEntry {
  label: string;
  column: number;
}

/** How a row's label is matched to the settings (assumptions.ts knows them). */
export interface YearMatch {
  /** "label year" names a setting kept per year (a pay award, the grant). */
  perYear: (label: string) => boolean;
  /**
   * The label alone names a setting that these values are one value of: "Grant" with a
   * name, not amounts; "Grant amount" with one amount (the whole grant), not one a year.
   */
  oneValue: (label: string, values: readonly CellValue[]) => boolean;
}

/** The settings one row gives: per year, or the one value of a setting named by the label. */
export function yearEntries(
  grid: Grid,
  r: number,
  label: string,
  years: readonly YearColumn[],
  match: YearMatch,
  issues: Issue[]
): YearEntry[] {
  const row = grid.values[r] ?? [];
  const filled = years.filter((y) => !isBlank(row[y.column]));
  if (filled.length === 0) return [];
  const withYear = (y: YearColumn) => `${label.trim()} ${financialYearLabel(y.year)}`;
  const kept = match.perYear(withYear(filled[0]));
  const values = filled.map((y) => row[y.column]);
  if (kept && !match.oneValue(label, values))
    return filled.map((y) => ({ label: withYear(y), column: y.column }));
  const [used, ...later] = filled;
  if (kept && typeof row[used.column] === "number")
    issues.push(
      issueAt(
        grid,
        r,
        used.column,
        "info",
        "years-across-one-value",
        `${describeValue(label.trim())} has one value, under ${financialYearLabel(used.year)}: it is read as ${describeValue(label.trim())} for the whole costing, not for ${financialYearLabel(used.year)} alone`,
        `if it is that year's alone, label the row '${withYear(used)}', or type the other years' values beside it`,
        row[used.column]
      )
    );
  const shown = (v: CellValue | undefined) => String(v).trim();
  for (const y of later)
    if (shown(row[y.column]) !== shown(row[used.column]))
      issues.push(
        issueAt(
          grid,
          r,
          y.column,
          "warning",
          "setting-varies-by-year",
          `${describeValue(label.trim())} is ${shown(row[y.column])} for ${financialYearLabel(y.year)}, but the costing takes one value for every year: ${shown(row[used.column])}, for ${financialYearLabel(used.year)} (${toA1(positionIn(grid, r, used.column))}), is used`,
          "if it changes from that year, cost the later years as a scenario (a column beside a Setting | Value sheet), or cost those years apart",
          row[y.column]
        )
      );
  return [{ label, column: used.column }];
}

/** The note that says how the sheet was read, at its header of years. */
export function yearsAcrossNote(
  grid: Grid,
  header: { row: number; years: readonly YearColumn[] },
  windowFromHeader: boolean
): Issue {
  const { row, years } = header;
  const first = years[0];
  const last = years[years.length - 1];
  const range = `${toA1(positionIn(grid, row, first.column))}:${toA1(positionIn(grid, row, last.column))}`;
  const window = windowFromHeader
    ? `; with no First financial year or Number of years typed, the costing covers ${financialYearLabel(first.year)} to ${financialYearLabel(last.year)}, the years heading the columns`
    : "";
  return issueAt(
    grid,
    row,
    first.column,
    "info",
    "assumptions-years-across",
    `The Assumptions sheet has the financial years across (${range}): pay awards and grant amounts are read for each year from its column, every other setting once, from the first year that gives it${window}`,
    "nothing to do if that is how the sheet is meant; a Setting | Value sheet ('estab init' writes one) can hold scenarios beside it"
  );
}
