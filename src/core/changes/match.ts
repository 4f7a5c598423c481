import type { Post, PostSource, StructureMatch } from "../model";
import { gradeKey } from "../model";

/** A post as read from one of the two lists, with the sheet it came from. */
export interface ListedPost {
  post: Post;
  sheet: string;
}

/** A current post and its proposed counterpart; one side absent for a deleted or new post. */
export interface MatchedPair {
  current?: ListedPost;
  proposed?: ListedPost;
  matchedBy?: StructureMatch;
  /** Paired in order among several posts with the same key (see MatchAmbiguity). */
  inOrder?: boolean;
}

/** Several posts on one side (or both) sharing a key: paired in the order they are listed. */
export interface MatchAmbiguity {
  matchedBy: StructureMatch;
  /** The key as the user would say it: "Social Worker, SW2, North". */
  description: string;
  current: ListedPost[];
  proposed: ListedPost[];
}

export interface StructureMatching {
  pairs: MatchedPair[];
  ambiguities: MatchAmbiguity[];
}

/** Text as people type it: case, spacing and punctuation do not matter ("Social worker " = "social-worker"). */
export function looseText(s: string | undefined): string {
  return (s ?? "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

interface Rule {
  matchedBy: StructureMatch;
  key: (p: Post) => string | undefined;
  describe: (p: Post) => string;
  /** Pairs only a key held by one post in each list, never in list order. */
  onlyOne?: boolean;
}

const shown = (s: string | undefined) => (s?.trim() ? s.trim() : "no team");

const RULES: readonly Rule[] = [
  {
    matchedBy: "post ID",
    key: (p) => (p.postId?.trim() ? p.postId.trim().toLowerCase() : undefined),
    describe: (p) => `post ID ${p.postId ?? ""}`,
  },
  {
    matchedBy: "title, grade and team",
    key: (p) => `${looseText(p.title)}|${gradeKey(p.grade ?? "")}|${looseText(p.team)}`,
    describe: (p) => `${p.title}, ${p.grade?.trim() || "no grade"}, ${shown(p.team)}`,
  },
  {
    matchedBy: "title and team",
    key: (p) => `${looseText(p.title)}|${looseText(p.team)}`,
    describe: (p) => `${p.title}, ${shown(p.team)}`,
  },
  // A post moved to another team, when nothing else could be it: a post with an ID keeps
  // to it, and two such posts (which moved where?) stay deleted and new.
  {
    matchedBy: "title, grade and salary",
    key: (p) =>
      p.postId?.trim() || p.salary === undefined
        ? undefined
        : `${looseText(p.title)}|${gradeKey(p.grade ?? "")}|${Math.round(p.salary * 100)}`,
    describe: (p) => `${p.title}, ${p.grade?.trim() || "no grade"}, £${p.salary ?? ""}`,
    onlyOne: true,
  },
];

function groupBy(posts: readonly ListedPost[], key: Rule["key"]): Map<string, ListedPost[]> {
  const out = new Map<string, ListedPost[]>();
  for (const p of posts) {
    const k = key(p.post);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

/**
 * Matches the posts of a current and a proposed list: by post ID where both lists give
 * one, then by title + grade + team, then by title + team (each as people type them), then
 * a post with no ID by title + grade + salary when it is the only one so in each list (a
 * post moved to another team).
 * Where several posts share a key they are paired in the order listed, and the
 * ambiguity is returned for the user to check. Unmatched current posts are deleted,
 * unmatched proposed posts new. Pairs come in the current list's order, new posts last.
 */
export function matchStructures(
  current: readonly ListedPost[],
  proposed: readonly ListedPost[]
): StructureMatching {
  const partner = new Map<ListedPost, MatchedPair>();
  const taken = new Set<ListedPost>();
  const ambiguities: MatchAmbiguity[] = [];
  const bothHaveIds =
    current.some((p) => p.post.postId?.trim()) && proposed.some((p) => p.post.postId?.trim());
  for (const rule of RULES) {
    if (rule.matchedBy === "post ID" && !bothHaveIds) continue;
    const left = groupBy(
      current.filter((p) => !partner.has(p)),
      rule.key
    );
    const right = groupBy(
      proposed.filter((p) => !taken.has(p)),
      rule.key
    );
    for (const [k, now] of left) {
      const then = right.get(k);
      if (!then || (rule.onlyOne && (now.length > 1 || then.length > 1))) continue;
      const inOrder = now.length > 1 || then.length > 1;
      if (inOrder)
        ambiguities.push({
          matchedBy: rule.matchedBy,
          description: rule.describe(now[0].post),
          current: now,
          proposed: then,
        });
      for (let i = 0; i < Math.min(now.length, then.length); i++) {
        const pair: MatchedPair = { current: now[i], proposed: then[i], matchedBy: rule.matchedBy };
        if (inOrder) pair.inOrder = true;
        partner.set(now[i], pair);
        taken.add(then[i]);
      }
    }
  }
  const pairs: MatchedPair[] = current.map((c) => partner.get(c) ?? { current: c });
  for (const p of proposed) if (!taken.has(p)) pairs.push({ proposed: p });
  return { pairs, ambiguities };
}

function sourceOf(listed: ListedPost | undefined): PostSource | undefined {
  if (!listed) return undefined;
  const { post, sheet } = listed;
  const address = post.cells.title ?? Object.values(post.cells).find((a) => a !== undefined);
  return { sheet, row: post.sourceRow + 1, ...(address ? { address } : {}) };
}

/** Salaries differing by less than half a penny are the same salary. */
const sameMoney = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && Math.abs(a - b) < 0.005;

/**
 * A matched pair as one post of the one-table form, so both forms share one arithmetic:
 * the current post's fields, with the proposed list's FTE as Proposed FTE and its grade,
 * salary and contract as the proposed ones where they differ. A field the proposed list
 * leaves blank (or has no column for) is no change, as a blank Proposed cell is. A new
 * post is the proposed post with current FTE 0; a deleted post has proposed FTE 0.
 */
export function mergedPost(pair: MatchedPair): Post {
  const now = pair.current?.post;
  const then = pair.proposed?.post;
  const structure: Post["structure"] = {
    ...(pair.matchedBy ? { matchedBy: pair.matchedBy } : {}),
    ...(pair.inOrder ? { inOrder: true } : {}),
  };
  const currentSource = sourceOf(pair.current);
  const proposedSource = sourceOf(pair.proposed);
  if (currentSource) structure.current = currentSource;
  if (proposedSource) structure.proposed = proposedSource;
  if (!now) {
    // New: the one-table form's row with a blank current FTE and a proposed figure.
    const post = then as Post;
    return { ...post, fte: 0, proposedFte: post.fte, cells: {}, structure };
  }
  const merged: Post = { ...now, cells: { ...now.cells }, structure };
  merged.proposedFte = then ? then.fte : 0;
  if (!then) return merged;
  if (then.grade?.trim() && gradeKey(then.grade) !== gradeKey(now.grade ?? ""))
    merged.proposedGrade = then.grade;
  if (then.salary !== undefined && !sameMoney(then.salary, now.salary))
    merged.proposedSalary = then.salary;
  // A new grade given by its range alone: priced as the proposed list has it (its mid-point
  // or chosen costing point), not left to the pay scales, which may not have it.
  else if (merged.proposedGrade !== undefined && then.salary === undefined) {
    if (then.minSalary !== undefined) merged.proposedMinSalary = then.minSalary;
    if (then.maxSalary !== undefined) merged.proposedMaxSalary = then.maxSalary;
  }
  if (then.contractType !== undefined) merged.proposedContractType = then.contractType;
  if (then.team?.trim() && looseText(then.team) !== looseText(now.team))
    merged.proposedTeam = then.team.trim();
  if (then.funding?.trim() && looseText(then.funding) !== looseText(now.funding))
    merged.proposedFunding = then.funding.trim();
  if (then.agencyHourlyRate !== undefined && merged.agencyHourlyRate === undefined)
    merged.agencyHourlyRate = then.agencyHourlyRate;
  return merged;
}
