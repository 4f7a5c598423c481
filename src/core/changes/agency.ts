import { formatNumber, formatPounds, roundPenny } from "../money";

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

/** Hours a week that read as one person's full-time week (35 to 40 covers the usual contracts). */
export const FULL_TIME_WEEK_RANGE = { min: 35, max: 40 } as const;

/** What the ambiguity check found: the hours read, what the FTE implies, and a likely intended figure. */
export interface AgencyHoursAmbiguity {
  /** The row's Hours as read (the whole row's hours a week). */
  hours: number;
  /** hours ÷ 37: the FTE those hours pay for. */
  hoursFte: number;
  /** FTE × 37: the hours the row's FTE implies (what a blank Hours would use). */
  fteHours: number;
  /** Workers on the row when known (headcount above 1, or a whole FTE above 1). */
  workers?: number;
  /** hours × workers, when workers is known: the figure if the hours were each worker's. */
  perWorkerTotal?: number;
}

/**
 * Whether an agency row's Hours may be each worker's hours rather than the whole row's.
 * The Hours of an agency row are read as the row's total hours a week, so a row of
 * 2 FTE with Hours 37 is costed as 1 FTE's worth: right if the row's total is 37, half
 * the cost if 37 is each worker's week. Fires (returns the details) only when the hours
 * are at least 20% short of FTE × 37 and either:
 *  - FTE is above 1 and the hours are one person's full-time week (35 to 40), or
 *  - headcount is above 1 and hours × headcount is FTE × 37 (within 5%): each person's hours.
 * Ordinary rows do not fire: FTE 0.5 with 18.5 hours, FTE 1 with 37, FTE 2 with 74, or
 * hours that merely disagree with the FTE (FTE 0.5 with 10 hours) are left alone.
 */
export function agencyHoursAmbiguity(
  fte: number,
  hours: number,
  headcount?: number,
  fullTimeHours: number = FULL_TIME_HOURS
): AgencyHoursAmbiguity | undefined {
  if (!(fte > 0) || !(hours > 0)) return undefined;
  const fteHours = fte * fullTimeHours;
  if (hours > 0.8 * fteHours + 1e-9) return undefined;
  const oneFullWeek =
    fte > 1 + 1e-9 && hours >= FULL_TIME_WEEK_RANGE.min && hours <= FULL_TIME_WEEK_RANGE.max;
  const people = headcount !== undefined && headcount > 1 ? headcount : undefined;
  const eachPersons =
    people !== undefined && Math.abs(hours * people - fteHours) <= 0.05 * fteHours;
  if (!oneFullWeek && !eachPersons) return undefined;
  const whole = Math.abs(fte - Math.round(fte)) < 1e-9 ? Math.round(fte) : undefined;
  const workers = people ?? whole;
  const out: AgencyHoursAmbiguity = {
    hours,
    hoursFte: Math.round((hours / fullTimeHours) * 100) / 100,
    fteHours: Math.round(fteHours * 100) / 100,
  };
  if (workers !== undefined) {
    out.workers = workers;
    out.perWorkerTotal = Math.round(hours * workers * 100) / 100;
  }
  return out;
}

/** The agency week the rates are converted with (Assumptions: agency hours, days and weeks). */
export interface AgencyWeek {
  hoursPerWeek: number;
  daysPerWeek: number;
  weeksPerYear: number;
}

/** An agency rate turned hourly, and how, for the sheet and the note at the rate's cell. */
export interface HourlyAgencyRate {
  hourly: number;
  /** The rate as quoted, when it was not hourly. */
  quoted?: { amount: number; unit: "day" | "week" | "year" };
  /** "£260.00 a day ÷ 7.4 hours a day (37 hours a week over 5 days)"; absent for an hourly rate. */
  conversion?: string;
}

const pounds = (x: number) => formatPounds(x);
const figure = (x: number) => formatNumber(x);

/**
 * The post's agency rate per hour: as typed, or converted from the day, week or year rate
 * it was quoted at. A day is hours per week ÷ days per week hours (37 ÷ 5 = 7.4); a year
 * is hours per week × weeks per year hours (37 × 52 = 1,924). Unrounded, so that the
 * annual cost of a full-time worker is the quoted rate × days or weeks to the penny
 * (£260 a day × 5 × 52 = £67,600.00).
 */
export function hourlyAgencyRate(
  post: { agencyHourlyRate?: number; agencyRate?: HourlyAgencyRate["quoted"] },
  week: AgencyWeek
): HourlyAgencyRate | undefined {
  if (post.agencyHourlyRate !== undefined) return { hourly: post.agencyHourlyRate };
  const q = post.agencyRate;
  if (!q) return undefined;
  const { hoursPerWeek: h, daysPerWeek: d, weeksPerYear: w } = week;
  const quoted = { amount: q.amount, unit: q.unit };
  if (q.unit === "day")
    return {
      hourly: q.amount / (h / d),
      quoted,
      conversion: `${pounds(q.amount)} a day ÷ ${figure(h / d)} hours a day (${figure(h)} hours a week over ${figure(d)} days)`,
    };
  if (q.unit === "week")
    return {
      hourly: q.amount / h,
      quoted,
      conversion: `${pounds(q.amount)} a week ÷ ${figure(h)} hours a week`,
    };
  return {
    hourly: w > 0 ? q.amount / (h * w) : 0,
    quoted,
    conversion: `${pounds(q.amount)} a year ÷ ${figure(h * w)} hours a year (${figure(h)} hours a week × ${figure(w)} weeks)`,
  };
}

/** The agency week of the assumptions, with the defaults for settings not given. */
export function agencyWeekOf(a: {
  agencyWeeksPerYear: number;
  agencyHoursPerWeek?: number;
  agencyDaysPerWeek?: number;
}): AgencyWeek {
  return {
    hoursPerWeek: a.agencyHoursPerWeek ?? FULL_TIME_HOURS,
    daysPerWeek: a.agencyDaysPerWeek ?? 5,
    weeksPerYear: a.agencyWeeksPerYear,
  };
}
