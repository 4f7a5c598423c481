import type { ContractType, Post } from "../model";
import { gradeKey } from "../model";

/**
 * What a restructure does to a post. A post can change in several ways at once (regraded
 * and increased); `classification` is the one that matters most to the report, in the
 * order below, and `changes` lists every one that applies.
 */
export type ChangeKind =
  | "new"
  | "deleted"
  | "contract changed"
  | "regraded"
  | "increased"
  | "reduced"
  | "team changed"
  | "funding changed"
  | "unchanged";

export const CHANGE_KINDS: readonly ChangeKind[] = [
  "new",
  "deleted",
  "contract changed",
  "regraded",
  "increased",
  "reduced",
  "team changed",
  "funding changed",
  "unchanged",
];

/** FTE differences smaller than this are float noise, not a change. */
const FTE_TOLERANCE = 1e-9;
/** Salaries differing by less than half a penny are the same salary. */
const SALARY_TOLERANCE = 0.005;

/** The post's FTE after the restructure: the proposed FTE, or the current one when none is given. */
export function proposedFteOf(post: Post): number {
  return post.proposedFte ?? post.fte;
}

/** A blank contract type is read as permanent, the usual case in an establishment list. */
export function currentContractOf(post: Post): ContractType {
  return post.contractType ?? "permanent";
}

export function proposedContractOf(post: Post): ContractType {
  return post.proposedContractType ?? currentContractOf(post);
}

/** Regraded: a different proposed grade, or (same or no grade) a different proposed salary. */
export function isRegraded(post: Post): boolean {
  if (post.proposedGrade !== undefined && post.proposedGrade.trim() !== "") {
    if (post.grade === undefined || gradeKey(post.grade) !== gradeKey(post.proposedGrade))
      return true;
  }
  return (
    post.proposedSalary !== undefined &&
    post.salary !== undefined &&
    Math.abs(post.proposedSalary - post.salary) >= SALARY_TOLERANCE
  );
}

/** Every change that applies to the post, most important first; ["unchanged"] when none. */
export function classifyPost(post: Post): ChangeKind[] {
  const current = post.fte;
  const proposed = proposedFteOf(post);
  const hadPost = current > FTE_TOLERANCE;
  const willHave = proposed > FTE_TOLERANCE;
  if (!hadPost && willHave) return ["new"];
  if (hadPost && !willHave) return ["deleted"];
  if (!hadPost && !willHave) return ["unchanged"];
  const changes: ChangeKind[] = [];
  if (currentContractOf(post) !== proposedContractOf(post)) changes.push("contract changed");
  if (isRegraded(post)) changes.push("regraded");
  if (proposed - current > FTE_TOLERANCE) changes.push("increased");
  if (current - proposed > FTE_TOLERANCE) changes.push("reduced");
  // Only a proposed list can move a post (the one-table form has no proposed team).
  if (post.proposedTeam !== undefined) changes.push("team changed");
  if (post.proposedFunding !== undefined) changes.push("funding changed");
  return changes.length > 0 ? changes : ["unchanged"];
}

/** "Regraded, increased" for a sheet cell. */
export function describeChanges(changes: readonly ChangeKind[]): string {
  const s = changes.join(", ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Management: flagged in the table, or its grade (before or after) is a management grade. */
export function isManagementGrade(
  grade: string | undefined,
  managementGrades: readonly string[]
): boolean {
  if (grade === undefined) return false;
  const key = gradeKey(grade);
  return managementGrades.some((g) => gradeKey(g) === key);
}
