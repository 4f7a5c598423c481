import { serialOf } from "../../../src/core/dates";
import type { Assumptions, Establishment, Post } from "../../../src/core/model";

/** A post with sensible defaults; tests override what they are about. */
export function makePost(overrides: Partial<Post> = {}): Post {
  return { sourceRow: 5, title: "Family Support Worker", fte: 1, cells: {}, ...overrides };
}

/** Assumptions with everything a costing test does not care about switched off. */
export function makeAssumptions(overrides: Partial<Assumptions> = {}): Assumptions {
  return {
    firstYear: 2024,
    years: 1,
    costingPoint: "actual",
    incrementRule: "april",
    incrementServiceMonths: 6,
    gradeSteps: 4,
    payAwards: [],
    onCostMode: "statutory",
    flatOnCostRate: 0,
    pensionRate: 0,
    apprenticeshipLevy: true,
    vacancyFactor: 0,
    grant: {},
    exitCostWeeks: 0,
    managementGrades: [],
    agencyWeeksPerYear: 46,
    localityWeights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
    allocationUnit: 1,
    ...overrides,
  };
}

export function makeEstablishment(
  posts: Post[],
  overrides: Partial<Establishment> = {}
): Establishment {
  return {
    sheet: "Establishment",
    range: "A3:H40",
    headerRow: 2,
    columns: {},
    posts,
    totals: [],
    ...overrides,
  };
}

/** UK day/month/year to a serial: d(16, 9, 2024) is 16 September 2024. */
export const d = (day: number, month: number, year: number): number => serialOf(year, month, day);
