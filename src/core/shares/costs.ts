import { SharesInputError } from "./errors";
import { roundTo, sumMoney } from "../money";

/**
 * The cost that goes with each locality's FTE: FTE × an average annual cost per FTE
 * (salary plus on-costs, from the costing engine), rounded to the penny per locality.
 * The total is the sum of the rounded figures, so it adds up on the sheet.
 */
export function costOfAllocation(fte: readonly number[], costPerFte: number): number[] {
  if (!Number.isFinite(costPerFte) || costPerFte < 0) {
    throw new SharesInputError(
      "cost-not-valid",
      `The cost per FTE must be zero or more pounds (was ${costPerFte})`
    );
  }
  return fte.map((f) => roundTo(f * costPerFte, 2));
}

/**
 * Cost per locality of a roles × localities allocation, each role at its own cost per FTE:
 * each cell is rounded to the penny, a locality's cost is the sum of its cells.
 */
export function costOfMatrix(
  cells: readonly (readonly number[])[],
  costPerFteByRole: readonly number[]
): { cells: number[][]; byLocality: number[]; byRole: number[] } {
  if (costPerFteByRole.length !== cells.length) {
    throw new SharesInputError(
      "cost-lengths-differ",
      `Give one cost per FTE per role (${cells.length} roles, ${costPerFteByRole.length} costs)`
    );
  }
  const costs = cells.map((row, i) => costOfAllocation(row, costPerFteByRole[i]));
  const n = costs.length > 0 ? costs[0].length : 0;
  return {
    cells: costs,
    byRole: costs.map(sumMoney),
    byLocality: Array.from({ length: n }, (_, j) => sumMoney(costs.map((r) => r[j]))),
  };
}
