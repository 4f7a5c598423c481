import type { PostCosting } from "../costing";
import type { Establishment } from "../model";
import type { TextCell } from "./text-numbers";
import { identityDefinition } from "./post-inputs";
import { figureCell, type LiveBook } from "./render";
import { text } from "./sheet-spec";
import type { ColumnSpec } from "./table-layout";

/** What a live costing sheet defines its per-post cells over: the establishment's cells. */
export interface PostLive {
  book: LiveBook;
  establishment: Establishment;
  textCell?: TextCell;
}

/** "Family Support Worker (row 4)": a post as the build summary names it. */
export const postName = (pc: PostCosting): string =>
  `${pc.post.title} (row ${pc.post.sourceRow + 1})`;

/**
 * The columns that say which post a costed row is, as both costing sheets show them:
 * Post, Post ID, Team, Grade, FTE and Headcount (the people NI was worked out for); in a
 * live sheet FTE and headcount are defined over the post's cells.
 */
export function postIdentityColumns(live?: PostLive): ColumnSpec<PostCosting>[] {
  const identity = (what: "fte" | "headcount", value: (pc: PostCosting) => number) =>
    live
      ? (pc: PostCosting) =>
          figureCell(
            live.book,
            value(pc),
            () => identityDefinition(live.establishment, pc.post, what, value(pc), live.textCell),
            () => `${postName(pc)} ${what}`,
            what === "fte" ? "fte" : "integer"
          )
      : value;
  return [
    { key: "title", header: "Post", width: 30, cell: (pc) => text(pc.post.title) },
    { key: "id", header: "Post ID", width: 10, cell: (pc) => text(pc.post.postId ?? "") },
    { key: "team", header: "Team", width: 16, cell: (pc) => text(pc.post.team ?? "") },
    { key: "grade", header: "Grade", width: 8, cell: (pc) => text(pc.post.grade ?? "") },
    {
      key: "fte",
      header: "FTE",
      format: "fte",
      totalDecimals: 6,
      cell: identity("fte", (pc) => pc.post.fte),
    },
    {
      key: "people",
      header: "Headcount",
      format: "integer",
      totalDecimals: 6,
      cell: identity("headcount", (pc) => pc.years[0]?.people ?? 0),
    },
  ];
}
