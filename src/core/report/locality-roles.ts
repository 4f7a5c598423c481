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
  /** Roles typed with no posts behind them: no cost per FTE, left out of costByLocality. */
  uncosted?: string[];
}

/** More roles than this are not tabulated: a table of thousands of titles says nothing. */
export const MAX_ROLES = 200;

/** "Family Support Worker" and "family support worker " are one role. */
export const roleKey = (title: string): string => title.trim().replace(/\s+/g, " ").toLowerCase();

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
      `By role: the roles' FTE are shared as whole ${formatNumber(unit, 10)} FTE units adding up to the ${formatNumber(total, 6)} FTE shared out (in proportion to each role's FTE, the steps left over after rounding down going to the roles that lost most): ${moved.slice(0, 5).join(", ")}${moved.length > 5 ? ` and ${moved.length - 5} more` : ""}.`
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

/**
 * Roles the analyst typed, each with its own FTE, across the localities with both totals
 * exact; each locality's cost at the roles' costs per FTE where known. A role no post is
 * in has no cost: left out of the cost by locality, and said.
 */
export function shareTypedRoles(
  roles: readonly SharedRole[],
  needIndex: readonly number[],
  unit: number,
  warnings: string[]
): RolesShared {
  const allocation = allocateMatrixDetailed(
    roles.map((r) => r.fte),
    needIndex,
    unit
  );
  if (!roles.some((r) => r.costPerFte !== undefined)) return { roles: [...roles], allocation };
  const uncosted = roles.filter((r) => r.costPerFte === undefined).map((r) => r.name);
  if (uncosted.length > 0) {
    const one = uncosted.length === 1;
    warnings.push(
      `No post of the establishment has the role ${uncosted.join(", ")}, so ${one ? "it has" : "they have"} no cost per FTE and the cost by locality leaves ${one ? "it" : "them"} out. Give the posts of ${one ? "that role" : "those roles"} that Role (or title) to cost ${one ? "it" : "them"}.`
    );
  }
  const costs = costOfMatrix(
    allocation.cells,
    roles.map((r) => r.costPerFte ?? 0)
  );
  return { roles: [...roles], allocation, costByLocality: costs.byLocality, uncosted };
}

/**
 * Each typed role's cost per FTE: that of the establishment's posts of that role (by their
 * Role column when there is one, else by title), when there are any.
 */
export function costedTypedRoles(
  typed: readonly { name: string; fte: number }[],
  posts: readonly EstablishmentRole[]
): SharedRole[] {
  const byKey = new Map(posts.map((r) => [roleKey(r.name), r]));
  return typed.map((t) => {
    const p = byKey.get(roleKey(t.name));
    return p && p.fte > 0 ? { ...t, costPerFte: p.cost / p.fte } : { name: t.name, fte: t.fte };
  });
}
