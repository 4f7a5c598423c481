import { roundPenny } from "../money";

/** The working week of one full-time post, used when an agency row gives no hours. */
export const FULL_TIME_HOURS = 37;

/** Agency worker's annual cost: hourly charge rate × hours a week × weeks a year, to the penny. */
export function agencyAnnualCost(hourlyRate: number, hoursPerWeek: number, weeks: number): number {
  for (const [what, v] of [
    ["hourly rate", hourlyRate],
    ["hours per week", hoursPerWeek],
    ["weeks per year", weeks],
  ] as const) {
    if (!Number.isFinite(v) || v < 0)
      throw new RangeError(`The agency ${what} must be zero or more (was ${v})`);
  }
  return roundPenny(hourlyRate * hoursPerWeek * weeks);
}

export interface AgencyComparison {
  agencyCost: number;
  permanentCost: number;
  /** Agency minus permanent: what converting saves a year (negative: it costs more). */
  saving: number;
}

/**
 * An agency post against the same post made permanent (salary plus on-costs, from the
 * costing engine). £35/h × 37 h × 52 weeks = £67,340.00 a year agency.
 */
export function agencyVersusPermanent(
  hourlyRate: number,
  hoursPerWeek: number,
  weeks: number,
  permanentAnnualCost: number
): AgencyComparison {
  const agencyCost = agencyAnnualCost(hourlyRate, hoursPerWeek, weeks);
  const permanentCost = roundPenny(permanentAnnualCost);
  return { agencyCost, permanentCost, saving: roundPenny(agencyCost - permanentCost) };
}
