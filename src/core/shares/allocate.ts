import { SharesInputError } from "./errors";
import { checkUnitCount, decimalsOf, fromUnits, nearestWhole, toUnits } from "./units";

/**
 * Largest-remainder (Hamilton) allocation: each share gets the whole units of its exact
 * quota, and the units left over go one each to the largest remainders. Ties (equal
 * remainders to 9 decimal places) go to the larger share, then to the earlier one in the
 * list. The result always adds up exactly to the total and every allocation is its quota
 * rounded down or up (never more than one unit away from it).
 */

export interface UnitAllocation {
  /** Whole units per share. */
  units: number[];
  /** Exact quota per share, in units (total × share ÷ sum of shares). */
  quotas: number[];
}

/** Remainders and shares are compared at this precision so that float noise never breaks a tie. */
const TIE_SCALE = 1e9;

function checkWeights(weights: readonly number[]): number {
  if (weights.length === 0) {
    throw new SharesInputError("no-shares", "There is nothing to share out to: no shares given");
  }
  let sum = 0;
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) {
      throw new SharesInputError(
        "share-not-valid",
        `Share ${i + 1} must be a number, zero or more (was ${w})`
      );
    }
    sum += w;
  });
  if (!Number.isFinite(sum)) {
    throw new SharesInputError(
      "shares-too-large",
      "The shares add up to more than a number can hold; scale them down (only their proportions matter)"
    );
  }
  return sum;
}

/** Floor that treats 6.9999999999 as 7: the quota was 7 before float arithmetic. */
function snappedFloor(x: number): number {
  return nearestWhole(x) ?? Math.floor(x);
}

/** Hamilton allocation of a whole number of units by (not necessarily normalised) shares. */
export function allocateUnits(totalUnits: number, weights: readonly number[]): UnitAllocation {
  if (!Number.isInteger(totalUnits) || totalUnits < 0) {
    throw new SharesInputError(
      "total-not-valid",
      `The number of units to share out must be a whole number, zero or more (was ${totalUnits})`
    );
  }
  checkUnitCount(totalUnits, "The number of units to share out");
  const sum = checkWeights(weights);
  if (totalUnits === 0) return { units: weights.map(() => 0), quotas: weights.map(() => 0) };
  if (sum <= 0) {
    throw new SharesInputError(
      "shares-all-zero",
      "Every share is zero, so there is no way to divide the total"
    );
  }
  const quotas = weights.map((w) => (totalUnits * w) / sum);
  let units = quotas.map(snappedFloor);
  let left = totalUnits - units.reduce((s, u) => s + u, 0);
  // Snapping can round a quota up past the total (a quota a hair under a whole number
  // that really is not one); plain floors never do.
  if (left < 0) {
    units = quotas.map(Math.floor);
    left = totalUnits - units.reduce((s, u) => s + u, 0);
  }
  // Each floor is less than one unit short of its quota, so at most one unit per share
  // is left over; with the unit count capped this holds, and the loop below is bounded.
  if (left < 0 || left > weights.length) {
    throw new SharesInputError("cannot-allocate", "The total could not be shared out exactly");
  }
  giveLeftovers(units, quotas, weights, sum, left);
  return { units, quotas };
}

/**
 * One more unit each to the `left` largest remainders (ties: larger share, then earlier).
 * A native numeric sort of the remainders finds the cut; only the shares tied at the cut
 * are ordered one by one, so a million shares take a fraction of a second.
 */
function giveLeftovers(
  units: number[],
  quotas: readonly number[],
  weights: readonly number[],
  sum: number,
  left: number
): void {
  if (left === 0) return;
  const n = weights.length;
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++)
    remainder[i] = Math.round(Math.max(0, quotas[i] - units[i]) * TIE_SCALE);
  const cut = Float64Array.from(remainder).sort()[n - left];
  const tied: number[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (remainder[i] > cut) {
      units[i] += 1;
      given++;
    } else if (remainder[i] === cut) tied.push(i);
  }
  const share = (i: number) => Math.round((weights[i] / sum) * TIE_SCALE);
  tied.sort((a, b) => share(b) - share(a) || a - b);
  for (let k = 0; k < left - given; k++) units[tied[k]] += 1;
}

/**
 * Shares `total` FTE out by `weights` in steps of `unit` (1, 0.5, 0.1 FTE) so the
 * allocations add up exactly to the total. Weights need not add up to 1.
 * allocateExact(10, [0.37, 0.33, 0.30], 0.5) → [3.5, 3.5, 3].
 */
export function allocateExact(total: number, weights: readonly number[], unit = 1): number[] {
  const { units } = allocateUnits(toUnits(total, unit), weights);
  const decimals = decimalsOf(unit);
  return units.map((u) => fromUnits(u, unit, decimals));
}

/** The exact (unrounded) FTE quota of each share: what Hamilton rounds. */
export function exactQuotas(total: number, weights: readonly number[]): number[] {
  const sum = checkWeights(weights);
  if (sum <= 0) {
    throw new SharesInputError(
      "shares-all-zero",
      "Every share is zero, so there is no way to divide the total"
    );
  }
  // The share first, then the total: total × w can underflow to 0 for a tiny weight (5e-324)
  // while w ÷ sum is exact, and the quotas must add up to the total.
  return weights.map((w) => total * (w / sum));
}
