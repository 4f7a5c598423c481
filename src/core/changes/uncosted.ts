import { columnLetters, quoteSheetName, type Issue } from "../grid";
import type { Establishment, PostField } from "../model";
import { isRegraded } from "./classify";
import type { PostChange, ProposedVersusCurrent } from "./proposed-versus-current";

export type CostSide = "current" | "proposed";

/** A cell on a sheet: where a missing figure is to be typed. */
export interface CostCell {
  sheet: string;
  address: string;
}

/**
 * The cell to fill so that a side of a post can be costed: as proposed, the Proposed
 * salary cell (or, for a post not regraded, its Salary; for a regraded one, its Proposed
 * grade); now, its Salary, else its Grade. A post of two lists points at the list it
 * came from. The title cell when the table has none of those columns.
 */
export function costCellOf(est: Establishment, c: PostChange, side: CostSide): CostCell {
  const post = c.post;
  const s = post.structure;
  if (side === "proposed" && s?.proposed) {
    const cells = s.proposedCells ?? {};
    const address = cells.salary ?? cells.grade ?? cells.title ?? s.proposed.address;
    return { sheet: s.proposed.sheet, address: address ?? `A${s.proposed.row}` };
  }
  const at = (field: PostField): string | undefined => {
    const column = est.columns[field];
    return (
      post.cells[field] ??
      (column !== undefined ? `${columnLetters(column)}${post.sourceRow + 1}` : undefined)
    );
  };
  const fields: PostField[] =
    side === "current"
      ? ["salary", "grade"]
      : isRegraded(post)
        ? ["proposedSalary", "proposedGrade"]
        : ["proposedSalary", "salary", "grade"];
  const address =
    fields.map(at).find((a) => a !== undefined) ?? at("title") ?? `A${post.sourceRow + 1}`;
  return { sheet: s?.current?.sheet ?? est.sheet, address };
}

/** Every side with FTE but no cost, with the cell to fill: what an incomplete comparison lacks. */
export function uncostedCells(
  est: Establishment,
  r: Pick<ProposedVersusCurrent, "uncosted">
): Array<{ change: PostChange; side: CostSide; cell: CostCell }> {
  return r.uncosted.flatMap((change) =>
    (change.noCost ?? []).map((side) => ({ change, side, cell: costCellOf(est, change, side) }))
  );
}

/** "Establishment!H12, H15; 'Proposed structure'!D7": the cells, each sheet named once. */
export function cellList(all: readonly CostCell[], max = 5): string {
  // A post with neither side costed points at one cell twice: name it once.
  const seen = new Set<string>();
  const cells = all.filter((c) => {
    const key = `${c.sheet}!${c.address}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const shown = cells.slice(0, max);
  const parts: string[] = [];
  let sheet: string | undefined;
  for (const c of shown) {
    parts.push(c.sheet === sheet ? c.address : `${quoteSheetName(c.sheet)}!${c.address}`);
    sheet = c.sheet;
  }
  const more = cells.length - shown.length;
  return parts.join(", ") + (more > 0 ? ` and ${more} more` : "");
}

/** A warning at the cell to fill for each post side with FTE but nothing to cost it by. */
export function uncostedIssues(
  est: Establishment,
  r: Pick<ProposedVersusCurrent, "uncosted">
): Issue[] {
  return uncostedCells(est, r).map(({ change, side, cell }) => ({
    severity: "warning",
    code: "restructure-no-cost",
    sheet: cell.sheet,
    address: cell.address,
    message: `${change.title} has ${side} FTE (${side === "current" ? change.currentFte : change.proposedFte}) but no salary and no pay scale for its grade, so it has no ${side} cost: the Restructure sheet's net figure leaves this post out`,
    fix:
      side === "proposed"
        ? "type the proposed salary (or a grade the pay scales have) and build again"
        : "type the salary (or a grade the pay scales have) and build again",
  }));
}
