import { formatNumber, roundTo } from "../money";
import { SharesInputError } from "./errors";

/**
 * Allocations are counted in whole units (posts, half posts, tenths of a post) so that
 * adding them up is integer arithmetic and cannot drift; only the final figures are
 * turned back into FTE.
 */

/** How close a float must be to a whole number to be taken as that whole number. */
export const WHOLE_TOLERANCE = 1e-9;

/** n when x is n give or take float noise; undefined otherwise. */
export function nearestWhole(x: number): number | undefined {
  const r = Math.round(x);
  return Math.abs(x - r) <= WHOLE_TOLERANCE * Math.max(1, Math.abs(x)) ? r : undefined;
}

export function checkUnit(unit: number): void {
  if (!Number.isFinite(unit) || unit <= 0) {
    throw new SharesInputError(
      "unit-not-positive",
      `The allocation unit must be a positive number of FTE such as 1, 0.5 or 0.1 (was ${unit})`
    );
  }
}

/**
 * The most units one share-out counts: 1,000,000 FTE in steps of 0.1. It keeps the unit
 * arithmetic exact (a product of two counts stays below 2^53) and the work bounded.
 */
export const MAX_UNITS = 10_000_000;

/** A share-out of more than MAX_UNITS units is refused before any work is done. */
export function checkUnitCount(units: number, what: string): void {
  if (units > MAX_UNITS) {
    throw new SharesInputError(
      "too-many-units",
      `${what} is ${units > 1e15 ? "far" : `${formatNumber(units, 0)} units,`} more than the ${formatNumber(MAX_UNITS, 0)} units one share-out can count; use a larger unit or a smaller total`
    );
  }
}

/** 20 FTE in 0.1 FTE units → 200. Throws when the total is not a whole number of units. */
export function toUnits(fte: number, unit: number, what = "The total"): number {
  checkUnit(unit);
  if (!Number.isFinite(fte) || fte < 0) {
    throw new SharesInputError("total-not-valid", `${what} must be zero or more FTE (was ${fte})`);
  }
  checkUnitCount(fte / unit, `${what} (${fte} FTE in steps of ${unit})`);
  const units = nearestWhole(fte / unit);
  if (units === undefined) {
    throw new SharesInputError(
      "unit-not-whole",
      `${what} (${fte} FTE) is not a whole number of ${unit} FTE units; use a unit that divides it, e.g. 0.1 or 0.01`
    );
  }
  return units;
}

/** Decimal places a unit needs (0.5 → 1, 0.25 → 2, 1 → 0); at most 10. */
export function decimalsOf(unit: number): number {
  for (let d = 0; d <= 10; d++) {
    const scaled = unit * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= WHOLE_TOLERANCE * Math.max(1, scaled)) return d;
  }
  return 10;
}

/** 54 units of 0.1 → 5.4 (not 5.4000000000000004). */
export function fromUnits(units: number, unit: number, decimals = decimalsOf(unit)): number {
  return roundTo(units * unit, decimals);
}

/**
 * A total in whole units: as it is when it is one (give or take float noise), else the
 * nearest whole number of units, as Excel's ROUND(total / unit, 0) × unit gives it (half
 * away from zero, on the total read to 15 digits: 20.05 in steps of 0.1 is 20.1).
 */
export function inWholeUnits(fte: number, unit: number): number {
  checkUnit(unit);
  if (!Number.isFinite(fte) || fte < 0 || nearestWhole(fte / unit) !== undefined) return fte;
  return fromUnits(roundTo(fte / unit, 0), unit);
}
