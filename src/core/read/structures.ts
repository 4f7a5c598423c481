import {
  matchStructures,
  mergedPost,
  type ListedPost,
  type MatchAmbiguity,
  type MatchedPair,
} from "../changes/match";
import type { Grid, Issue } from "../grid";
import { columnLetters, isBlank, quoteSheetName, topLeftOf } from "../grid";
import type { Establishment, IncrementRule, PayScales, Post, PostField, TableRef } from "../model";
import type { WorkbookGrids } from "../workbook/types";
import type { FullTimeWeek } from "./fte-from-hours";
import type { ColumnMapping, TableCandidate } from "./detect";
import { chooseCandidate, detectTables } from "./detect";
import { readEstablishment } from "./establishment";
import { issueAtAddress } from "./issues";
import { describeValue } from "./text";
import { formatPoundsInText } from "../money";
import { ESTABLISHMENT_SCHEMA } from "./schemas";

/** The two lists the user named (sheet or Excel Table names); found by their names when absent. */
export interface StructureChoice {
  current?: string;
  proposed?: string;
}

export interface ReadStructuresOptions extends StructureChoice {
  mapping?: ColumnMapping<PostField>;
  payScales?: PayScales;
  fullTimeWeek?: FullTimeWeek;
  incrementRule?: IncrementRule;
}

export interface StructuresRead {
  /** The current structure, as a plain establishment: what the costing sheets cost. */
  current: Establishment;
  /** The matched pairs in the one-table form: what the Restructure sheet compares. */
  restructure: Establishment;
  /** Every table that could be an establishment, best first. */
  candidates: TableCandidate<PostField>[];
  issues: Issue[];
}

type Side = "current" | "proposed";

const CURRENT_WORDS = /\b(current|now|existing|before|as is|present|today)\b/;
const PROPOSED_WORDS = /\b(proposed|new|future|after|to be|planned)\b/;

/** "Proposed structure" → proposed; "Current establishment" → current; both or neither → undefined. */
export function structureSide(label: string): Side | undefined {
  const words = label
    .replace(/([a-z])([A-Z])/g, "$1 $2") // "CurrentStructure", a table name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  // "Proposed deletions", "Savings S12": a list of changes, not a whole structure.
  if (PART_WORDS.test(words)) return undefined;
  const now = CURRENT_WORDS.test(words);
  const then = PROPOSED_WORDS.test(words);
  return now === then ? undefined : now ? "current" : "proposed";
}

/** Words of a list of some posts' changes rather than a structure. */
const PART_WORDS = /\b(deletions?|savings?|cuts?|reductions?|additions?|growth bids?|changes)\b/;

/** Words that say a list is a structure, so that two of them naming two years are then and now. */
const STRUCTURE_WORDS =
  /\b(structures?|restructure|establishments?|staffing|organisation|organization)\b/i;

/** The one year a label names ("Structure 2018", "2017/18" → 2017); undefined for none or several. */
function yearIn(label: string): number | undefined {
  const years = [...label.matchAll(/\b(19|20)\d\d\b/g)].map((m) => Number(m[0]));
  const distinct = [...new Set(years)];
  if (distinct.length === 1) return distinct[0];
  // "2017/18" or "2017-2018" names one financial year: its first calendar year.
  if (distinct.length === 2 && distinct[1] === distinct[0] + 1) return distinct[0];
  return undefined;
}

/** The grid rows a candidate owns: from below the previous table on its grid to its last row. */
function regionStart(c: TableCandidate<PostField>, all: readonly TableCandidate<PostField>[]) {
  const above = all
    .filter((o) => o.gridIndex === c.gridIndex && o.lastIndex < c.headerIndex)
    .map((o) => o.lastIndex + 1);
  return Math.max(0, ...above);
}

/** Table name, sheet name and the title rows above the header: what says which list it is. */
function labelsOf(
  c: TableCandidate<PostField>,
  grid: Grid,
  all: readonly TableCandidate<PostField>[]
): string[] {
  const titles: string[] = [];
  for (let r = regionStart(c, all); r < c.headerIndex; r++)
    for (const v of grid.values[r] ?? [])
      if (typeof v === "string" && !isBlank(v)) titles.push(v.slice(0, 200));
  return [c.table ?? "", c.sheet, titles.slice(-3).join(" ")].filter((s) => s.trim() !== "");
}

interface Found {
  current: TableCandidate<PostField>;
  proposed: TableCandidate<PostField>;
  how: string;
}

/** The side a candidate's labels say: its table or sheet name first, then its titles. */
function sideOfCandidate(labels: readonly string[]): Side | undefined {
  for (const l of labels) {
    const side = structureSide(l);
    if (side) return side;
  }
  return undefined;
}

/**
 * Two lists whose names or titles say current and proposed ("Current structure",
 * "Proposed structure"; "As is" / "To be"), or, failing words, two lists each naming one
 * year and saying they are structures ("Structure 2017", "Establishment 2018"): the later
 * is proposed. A list of some posts' changes ("Proposed deletions") is neither side.
 */
function detectPair(workbook: WorkbookGrids, candidates: readonly TableCandidate<PostField>[]) {
  const labelled = candidates.map((c) => ({
    c,
    labels: labelsOf(c, workbook.grids[c.gridIndex], candidates),
  }));
  const now = labelled.filter((l) => sideOfCandidate(l.labels) === "current");
  const then = labelled.filter((l) => sideOfCandidate(l.labels) === "proposed");
  if (now.length > 0 && then.length > 0)
    return { current: now[0].c, proposed: then[0].c, how: "found by their names" };
  if (candidates.length !== 2) return undefined;
  // "Budget 2025-26" and "Budget 2024-25" are two years' budgets, not a restructure.
  if (!labelled.every((l) => l.labels.some((x) => STRUCTURE_WORDS.test(x)))) return undefined;
  const years = labelled.map((l) => l.labels.map(yearIn).find((y) => y !== undefined));
  const [a, b] = years;
  if (a === undefined || b === undefined || a === b) return undefined;
  const [early, late] = a < b ? [candidates[0], candidates[1]] : [candidates[1], candidates[0]];
  return { current: early, proposed: late, how: "found by their years, the later as proposed" };
}

const nameOf = (c: TableCandidate<PostField>) =>
  c.table
    ? `table ${c.table} (${quoteSheetName(c.sheet)}!${c.range})`
    : `${quoteSheetName(c.sheet)}!${c.range}`;

/** The user's --current / --proposed, each a sheet or table name; an error for a name not found. */
function namedPair(
  workbook: WorkbookGrids,
  candidates: readonly TableCandidate<PostField>[],
  choice: StructureChoice
): Found | Issue {
  const sheet = workbook.grids[0]?.sheet ?? "Sheet1";
  const names = [...new Set(candidates.map((c) => c.table ?? c.sheet))].join(", ");
  const pick = (side: Side): TableCandidate<PostField> | Issue => {
    const wanted = choice[side];
    const found = wanted !== undefined ? chooseCandidate(candidates, wanted) : undefined;
    if (found) return found;
    return issueAtAddress(
      sheet,
      "A1",
      "error",
      "structure-not-found",
      wanted === undefined
        ? `The ${side === "current" ? "proposed" : "current"} structure was named but not the ${side} one`
        : `No establishment list found on a sheet or Excel Table named '${wanted}' for the ${side} structure`,
      names ? `name both lists; the lists found are: ${names}` : "check the names"
    );
  };
  const current = pick("current");
  if ("severity" in current) return current;
  const proposed = pick("proposed");
  if ("severity" in proposed) return proposed;
  if (current === proposed)
    return issueAtAddress(
      current.sheet,
      current.range.split(":")[0],
      "error",
      "structure-same-list",
      `The current and the proposed structure are the same list, ${nameOf(current)}`,
      "name two different sheets or Excel Tables"
    );
  return { current, proposed, how: "as named" };
}

/** The candidate alone, on a grid cut to its own rows (titles included), to read as the establishment. */
function alone(
  workbook: WorkbookGrids,
  c: TableCandidate<PostField>,
  all: readonly TableCandidate<PostField>[]
): WorkbookGrids {
  const grid = workbook.grids[c.gridIndex];
  const start = regionStart(c, all);
  const cut: Grid = {
    ...grid,
    origin: { row: grid.origin.row + start, column: grid.origin.column },
    values: grid.values.slice(start, c.lastIndex + 1),
  };
  return { grids: [cut] };
}

/**
 * A restructure from two lists, when the user names them or their names say so: both
 * read as establishments, their posts matched (see matchStructures) and merged into the
 * one-table form. Undefined when the workbook is not laid out so (one establishment, or
 * one table with a Proposed FTE column).
 */
export function readStructures(
  workbook: WorkbookGrids,
  options: ReadStructuresOptions = {}
): StructuresRead | { candidates: TableCandidate<PostField>[]; issues: Issue[] } | undefined {
  const candidates = detectTables(workbook, ESTABLISHMENT_SCHEMA, options.mapping ?? {});
  const named = options.current !== undefined || options.proposed !== undefined;
  // A one-table restructure (Proposed FTE beside the FTE) is read as it is.
  if (!named && candidates[0]?.columns.proposedFte !== undefined) return undefined;
  const found = named ? namedPair(workbook, candidates, options) : detectPair(workbook, candidates);
  if (!found) return undefined;
  if ("severity" in found) return { candidates, issues: [found] };
  const read = (c: TableCandidate<PostField>) =>
    readEstablishment(alone(workbook, c, candidates), {
      mapping: options.mapping,
      payScales: options.payScales,
      fullTimeWeek: options.fullTimeWeek,
      incrementRule: options.incrementRule,
    });
  const now = read(found.current);
  const then = read(found.proposed);
  const issues = [...now.issues, ...then.issues];
  if (!now.establishment || !then.establishment) return { candidates, issues };
  const merged = merge(now.establishment, then.establishment, found);
  return { ...merged, candidates, issues: [...merged.issues, ...issues] };
}

/** The proposed list's salary and grade cells, for an issue about pricing the post as proposed. */
function withProposedCells(post: Post, pair: MatchedPair, proposed: Establishment): Post {
  const then = pair.proposed?.post;
  if (!then || !post.structure) return post;
  const cells: Partial<Record<PostField, string>> = {};
  for (const field of ["salary", "grade", "title"] as const) {
    const column = proposed.columns[field];
    const address =
      then.cells[field] ??
      (column !== undefined ? `${columnLetters(column)}${then.sourceRow + 1}` : undefined);
    if (address) cells[field] = address;
  }
  return { ...post, structure: { ...post.structure, proposedCells: cells } };
}

const refOf = (e: Establishment): TableRef => ({
  sheet: e.sheet,
  range: e.range,
  ...(e.table ? { table: e.table } : {}),
});

function merge(
  current: Establishment,
  proposed: Establishment,
  found: Found
): { current: Establishment; restructure: Establishment; issues: Issue[] } {
  const listed = (e: Establishment): ListedPost[] =>
    e.posts.map((post) => ({ post, sheet: e.sheet }));
  const matching = matchStructures(listed(current), listed(proposed));
  const posts = matching.pairs.map((pair) => withProposedCells(mergedPost(pair), pair, proposed));
  const restructure: Establishment = {
    ...current,
    posts,
    totals: [],
    structures: { current: refOf(current), proposed: refOf(proposed) },
  };
  const header = topLeftOf(current.range);
  const count = (f: (p: (typeof matching.pairs)[number]) => boolean) =>
    matching.pairs.filter(f).length;
  const by = (rule: string) => count((p) => p.matchedBy === rule);
  const moved = matching.pairs.filter((p) => p.matchedBy === "title, grade and salary");
  const counted = (n: number, side: string) => `${n} ${side} post${n === 1 ? "" : "s"}`;
  const summary = issueAtAddress(
    current.sheet,
    header,
    "info",
    "two-structures",
    `Read as a restructure from two lists (${found.how}): current structure ${nameOf(found.current)}, proposed structure ${nameOf(found.proposed)}. Posts matched: ${by("post ID")} by post ID, ${by("title, grade and team")} by title, grade and team, ${by("title and team")} by title and team${moved.length > 0 ? `, ${moved.length} by title, grade and salary (in another team)` : ""}; ${counted(
      count((p) => !p.proposed),
      "current"
    )} not in the proposed list (deleted), ${counted(
      count((p) => !p.current),
      "proposed"
    )} not in the current list (new). The costing sheets cost the current structure; the Restructure sheet compares the two`,
    "if a list was taken wrongly, name them: --current and --proposed (CLI) or pick them in the task pane"
  );
  return {
    current,
    restructure,
    issues: [summary, ...moved.map(movedIssue), ...matching.ambiguities.map(ambiguityIssue)],
  };
}

/** A post with no ID paired across teams by its title, grade and salary: said at its row. */
function movedIssue(pair: MatchedPair): Issue {
  const now = pair.current!;
  const then = pair.proposed!;
  const { title, grade, salary } = now.post;
  return issueAtAddress(
    now.sheet,
    now.post.cells.title ?? `A${now.post.sourceRow + 1}`,
    "info",
    "structure-matched-moved",
    `${describeValue(title)} (${grade?.trim() || "no grade"}, ${formatPoundsInText(salary ?? 0)}) is in ${shownTeam(now.post.team)} now and ${shownTeam(then.post.team)} at ${cellOf(then)}: with no post ID, and the only such post in each list, it is read as one post moved team`,
    "nothing to do if it is the same post; if not, give the posts a Post ID in both lists"
  );
}

const shownTeam = (team: string | undefined) =>
  team?.trim() ? `team '${team.trim()}'` : "no team";

const cellOf = (l: ListedPost) =>
  `${quoteSheetName(l.sheet)}!${l.post.cells.title ?? `row ${l.post.sourceRow + 1}`}`;

/** Two current "Social Worker, SW2, North" and three proposed: paired in order, said at the cells. */
function ambiguityIssue(a: MatchAmbiguity): Issue {
  const n = Math.min(a.current.length, a.proposed.length);
  const pairs = a.current.slice(0, n).map((c, i) => `${cellOf(c)} with ${cellOf(a.proposed[i])}`);
  const rest = [
    ...a.current.slice(n).map((c) => `${cellOf(c)} is deleted`),
    ...a.proposed.slice(n).map((p) => `${cellOf(p)} is new`),
  ];
  const first = a.current[0];
  return issueAtAddress(
    first.sheet,
    first.post.cells.title ?? `A${first.post.sourceRow + 1}`,
    "warning",
    "structure-match-ambiguous",
    `${a.current.length} current and ${a.proposed.length} proposed posts are '${a.description}' (matched by ${a.matchedBy}): paired in the order listed, ${pairs.join(", ")}${rest.length ? `; ${rest.join(", ")}` : ""}`,
    "check the pairing; give the posts a Post ID in both lists to match them exactly"
  );
}
