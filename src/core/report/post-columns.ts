import type { PostCosting } from "../costing";
import { text } from "./sheet-spec";
import type { ColumnSpec } from "./table-layout";

/**
 * The columns that say which post a costed row is, as both costing sheets show them:
 * Post, Post ID, Team, Grade, FTE and Headcount (the people NI was worked out for).
 * The live pass finds cells by these headers, so they are named once, here.
 */
export function postIdentityColumns(): ColumnSpec<PostCosting>[] {
  return [
    { key: "title", header: "Post", width: 30, cell: (pc) => text(pc.post.title) },
    { key: "id", header: "Post ID", width: 10, cell: (pc) => text(pc.post.postId ?? "") },
    { key: "team", header: "Team", width: 16, cell: (pc) => text(pc.post.team ?? "") },
    { key: "grade", header: "Grade", width: 8, cell: (pc) => text(pc.post.grade ?? "") },
    { key: "fte", header: "FTE", format: "fte", totalDecimals: 6, cell: (pc) => pc.post.fte },
    {
      key: "people",
      header: "Headcount",
      format: "integer",
      totalDecimals: 6,
      cell: (pc) => pc.years[0]?.people ?? 0,
    },
  ];
}
