/**
 * The establishment's roles shared across localities (issue 15): its posts grouped by
 * title, each role's FTE and cost a year, and the share-out of the FTE shared in total by
 * role and locality with both totals exact (controlled rounding, shares/matrix.ts).
 */
import type { PostCosting } from "../costing";
import { formatNumber } from "../money";
import {
  allocateExact,
  allocateMatrixDetailed,
  costOfMatrix,
  type MatrixAllocation,
} from "../shares";

/** One role of the establishment: the posts of one title. */
export interface EstablishmentRole {
  name: string;
  /** The posts' FTE added up. */
  fte: number;
  /** The posts' cost in the year after the vacancy factor, as the average cost per FTE is. */
  cost: number;
}

/** A role as shared: its FTE in whole units, and its cost per FTE when known. */
export interface SharedRole {
  name: string;
  fte: number;
  costPerFte?: number;
}

export interface RolesShared {
  roles: SharedRole[];
  allocation: MatrixAllocation;
  /** Each locality's cost at each role's own cost per FTE (each cell to the penny, summed). */
  costByLocality?: number[];
}

/** More roles than this are not tabulated: a table of thousands of titles says nothing. */
export const MAX_ROLES = 200;

/** "Family Support Worker" and "family support worker " are one role. */
const roleKey = (title: string): string => title.trim().replace(/\s+/g, " ").toLowerCase();

/** What the posts are grouped by: their Role column, or their title. */
export type RolesBy = "role" | "title";

/**
 * The posts grouped by Role (a post with a blank Role by its title) or by title, spelt as
 * first met, in the order first met, with their FTE and their year's cost after the
 * vacancy factor. Posts with no FTE are left out.
 */
export function rolesOfPosts(
  posts: readonly PostCosting[],
  vacancyRate: number,
  by: RolesBy = "title"
): EstablishmentRole[] {
  const roles = new Map<string, { name: string; fte: number; gross: number }>();
  for (const pc of posts) {
    if (!(pc.post.fte > 0)) continue;
    const given = by === "role" ? pc.post.role?.trim() : undefined;
    const name = given || pc.post.title.trim() || "(no title)";
    const key = roleKey(name);
    const role = roles.get(key) ?? { name, fte: 0, gross: 0 };
    role.fte += pc.post.fte;
    role.gross += pc.years[0]?.total ?? 0;
    roles.set(key, role);
  }
  return [...roles.values()].map((r) => ({
    name: r.name,
    fte: r.fte,
    cost: r.gross * (1 - vacancyRate),
  }));
}

/**
 * The FTE shared in total split across the roles in proportion to their FTE (largest
 * remainder, in whole units: a role's figure is within one unit of its FTE and they add up
 * to the total), then each role across the localities with both totals exact. Undefined,
 * with a warning, when there is nothing to tabulate.
 */
export function shareRoles(
  roles: readonly EstablishmentRole[],
  total: number,
  unit: number,
  needIndex: readonly number[],
  warnings: string[]
): RolesShared | undefined {
  if (roles.length === 0 || total === 0) return undefined;
  if (roles.length > MAX_ROLES) {
    warnings.push(
      `The establishment has ${formatNumber(roles.length, 0)} different post titles, more than the ${MAX_ROLES} roles the sheet tabulates by locality: no roles × localities table. Give posts of one role one title.`
    );
    return undefined;
  }
  const targets = allocateExact(
    total,
    roles.map((r) => r.fte),
    unit
  );
  const moved = roles.flatMap((r, i) =>
    Math.abs(targets[i] - r.fte) > 1e-9
      ? [`${r.name} ${formatNumber(r.fte, 6)} → ${formatNumber(targets[i], 6)}`]
      : []
  );
  if (moved.length > 0)
    warnings.push(
      `By role: the roles' FTE are shared as whole ${formatNumber(unit, 10)} FTE units adding up to the ${formatNumber(total, 6)} FTE shared out (largest remainder, in proportion to each role's FTE): ${moved.slice(0, 5).join(", ")}${moved.length > 5 ? ` and ${moved.length - 5} more` : ""}.`
    );
  const allocation = allocateMatrixDetailed(targets, needIndex, unit);
  const shared = roles.map((r, i) => ({
    name: r.name,
    fte: targets[i],
    costPerFte: r.cost / r.fte,
  }));
  const costs = costOfMatrix(
    allocation.cells,
    shared.map((r) => r.costPerFte)
  );
  return { roles: shared, allocation, costByLocality: costs.byLocality };
}
