import { financialYearLabel, type FinancialYear } from "../dates";

/**
 * Employer (secondary Class 1) National Insurance by tax year. Costing treats the FY's
 * twelve months as the twelve tax months (see docs/methodology.md), so a tax year is
 * keyed here by the FY it mostly falls in: 2024 is 2024/25.
 */
export interface NiTableRow {
  year: FinancialYear;
  /** Monthly secondary threshold, £ per person per month. */
  monthlyThreshold: number;
  /** Annual threshold as published (shown in the methodology; the costing uses the monthly one). */
  annualThreshold: number;
  /** Rate as a fraction for April … March (twelve entries). */
  monthlyRates: readonly number[];
}

const flat = (rate: number): readonly number[] => Object.freeze(new Array<number>(12).fill(rate));

/** 2022/23: 15.05% April–October (the Health and Social Care Levy), 13.8% November–March. */
const RATES_2022 = Object.freeze([
  0.1505, 0.1505, 0.1505, 0.1505, 0.1505, 0.1505, 0.1505, 0.138, 0.138, 0.138, 0.138, 0.138,
]);

export const NI_TABLE: readonly NiTableRow[] = Object.freeze([
  { year: 2013, monthlyThreshold: 641, annualThreshold: 7696, monthlyRates: flat(0.138) },
  { year: 2014, monthlyThreshold: 663, annualThreshold: 7956, monthlyRates: flat(0.138) },
  { year: 2015, monthlyThreshold: 676, annualThreshold: 8112, monthlyRates: flat(0.138) },
  { year: 2016, monthlyThreshold: 676, annualThreshold: 8112, monthlyRates: flat(0.138) },
  { year: 2017, monthlyThreshold: 680, annualThreshold: 8164, monthlyRates: flat(0.138) },
  { year: 2018, monthlyThreshold: 702, annualThreshold: 8424, monthlyRates: flat(0.138) },
  { year: 2019, monthlyThreshold: 719, annualThreshold: 8632, monthlyRates: flat(0.138) },
  { year: 2020, monthlyThreshold: 732, annualThreshold: 8788, monthlyRates: flat(0.138) },
  { year: 2021, monthlyThreshold: 737, annualThreshold: 8840, monthlyRates: flat(0.138) },
  { year: 2022, monthlyThreshold: 758, annualThreshold: 9100, monthlyRates: RATES_2022 },
  { year: 2023, monthlyThreshold: 758, annualThreshold: 9100, monthlyRates: flat(0.138) },
  { year: 2024, monthlyThreshold: 758, annualThreshold: 9100, monthlyRates: flat(0.138) },
  { year: 2025, monthlyThreshold: 417, annualThreshold: 5000, monthlyRates: flat(0.15) },
  { year: 2026, monthlyThreshold: 417, annualThreshold: 5000, monthlyRates: flat(0.15) },
]);

export const NI_TABLE_FIRST_YEAR: FinancialYear = NI_TABLE[0].year;
export const NI_TABLE_LAST_YEAR: FinancialYear = NI_TABLE[NI_TABLE.length - 1].year;

/** Where a year's NI figures came from. */
export type NiSource = "table" | "carried-forward" | "before-table";

export interface NiOverrides {
  /** Rate for every month of every year, fraction. */
  rate?: number;
  /** Monthly secondary threshold for every year, £ per person. */
  monthlyThreshold?: number;
}

export interface NiYearRules {
  year: FinancialYear;
  monthlyThreshold: number;
  /** April … March. */
  monthlyRates: readonly number[];
  source: NiSource;
  /** True when both rate and threshold came from the user's overrides (the table's age then does not matter). */
  fullyOverridden: boolean;
  /** Set when the figures are not the table's own for this year: what the output must say. */
  warning?: string;
}

/**
 * The employer NI rules for a FY. After the table the last year is carried forward with a
 * warning; before it the first year is used with a warning (unless the user overrode both
 * rate and threshold), because a figure must still be shown but must not be trusted.
 */
export function niRulesFor(fy: FinancialYear, overrides: NiOverrides = {}): NiYearRules {
  let row = NI_TABLE.find((r) => r.year === fy);
  let source: NiSource = "table";
  if (!row) {
    source = fy > NI_TABLE_LAST_YEAR ? "carried-forward" : "before-table";
    row = source === "carried-forward" ? NI_TABLE[NI_TABLE.length - 1] : NI_TABLE[0];
  }
  const rateOverridden = overrides.rate !== undefined;
  const thresholdOverridden = overrides.monthlyThreshold !== undefined;
  const fullyOverridden = rateOverridden && thresholdOverridden;
  const rules: NiYearRules = {
    year: fy,
    monthlyThreshold: thresholdOverridden
      ? (overrides.monthlyThreshold as number)
      : row.monthlyThreshold,
    monthlyRates: rateOverridden ? flat(overrides.rate as number) : row.monthlyRates,
    source,
    fullyOverridden,
  };
  if (!fullyOverridden && source === "carried-forward") {
    rules.warning = `Employer NI for ${financialYearLabel(fy)} is not yet known: ${financialYearLabel(
      row.year
    )} rate and threshold carried forward.`;
  } else if (!fullyOverridden && source === "before-table") {
    rules.warning = `Employer NI for ${financialYearLabel(fy)} is before the built-in table (from ${financialYearLabel(
      NI_TABLE_FIRST_YEAR
    )}): ${financialYearLabel(row.year)} figures used; enter the NI rate and threshold to override.`;
  }
  return rules;
}

/**
 * Employer NI on one person's pay in one month: rate × (pay − monthly threshold), never
 * below zero. Works the same for a part month: payroll applies the full monthly threshold
 * to whatever is paid in the month.
 */
export function employerNi(
  payPerPersonMonth: number,
  rate: number,
  monthlyThreshold: number
): number {
  const above = payPerPersonMonth - monthlyThreshold;
  return above > 0 ? rate * above : 0;
}
