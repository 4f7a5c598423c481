import type { Grid, Issue } from "../grid";
import { columnLetters, isBlank } from "../grid";
import type { WorkbookGrids } from "../workbook/types";
import type { ColumnMapping, Duplicate, TableCandidate } from "./detect";
import { chooseCandidate, detectTables, HEADER_SEARCH_ROWS } from "./detect";
import { issueAt } from "./issues";
import { editDistance, normaliseLabel } from "./text";
import type { TableSchema } from "./schema";
import { labelOf, NUMERIC_KINDS } from "./table";
import { parseNumber } from "./values";

/** Which table to read, when the workbook has several, and how to map its columns. */
export interface TableChoice<F extends string> {
  /** Sheet name or Excel Table name (case-insensitive); the best-scoring table when absent. */
  choice?: string;
  /** Field → header text or column letter; "" unmaps a field. Overrides the synonyms. */
  mapping?: ColumnMapping<F>;
}

export interface Located<F extends string> {
  candidates: TableCandidate<F>[];
  chosen?: TableCandidate<F>;
  grid?: Grid;
  issues: Issue[];
  /** Headings of the chosen table one slip from a column it lacks (each also an issue). */
  misses?: NearMiss<F>[];
}

function firstGrid(workbook: WorkbookGrids): Grid | undefined {
  return Array.isArray(workbook?.grids)
    ? workbook.grids.find((g) => g && typeof g === "object")
    : undefined;
}

/**
 * Finds the candidates, picks one, and reports what went wrong finding it. A table that
 * is needed (the establishment) and missing is an error; an optional one is not.
 */
export function locateTable<F extends string>(
  workbook: WorkbookGrids,
  schema: TableSchema<F>,
  options: TableChoice<F>,
  needed: boolean
): Located<F> {
  const mapping = options.mapping ?? {};
  const candidates = detectTables(workbook, schema, mapping);
  const chosen = chooseCandidate(candidates, options.choice);
  const issues: Issue[] = [];
  const fallback = firstGrid(workbook);
  const examples = schema.fields
    .slice(0, 4)
    .map((f) => f.synonyms[0])
    .join(", ");
  if (!chosen) {
    if (options.choice !== undefined && options.choice.trim() !== "" && fallback) {
      issues.push(
        issueAt(
          fallback,
          0,
          0,
          needed ? "error" : "warning",
          "table-not-found",
          `No ${schema.name} table found on a sheet or Excel Table named '${options.choice}'`,
          candidates.length
            ? `pick one of: ${[...new Set(candidates.map((c) => c.table ?? c.sheet))].join(", ")}`
            : `check the name, and that the table has a header row (e.g. ${examples})`
        )
      );
    } else if (needed && fallback) {
      issues.push(
        issueAt(
          fallback,
          0,
          0,
          "error",
          "table-not-found",
          `No ${schema.name} table found: no header row with a ${labelOf(schema, schema.keyField)} column and at least ${schema.minFields - 1} other known column (a header is looked for in the first ${HEADER_SEARCH_ROWS} rows of each block of cells)`,
          `add a header row (e.g. ${examples}), move the header up if it is lower down, or map the columns by hand`
        )
      );
    }
    return { candidates, issues };
  }
  const grid = workbook.grids[chosen.gridIndex];
  const headerColumn = chosen.headers[0]?.column ?? grid.origin.column;
  for (const u of chosen.unresolved) {
    issues.push(
      issueAt(
        grid,
        chosen.headerIndex,
        headerColumn - grid.origin.column,
        "error",
        "mapping-not-found",
        `${labelOf(schema, u.field)} is mapped to '${u.wanted}', but the header row has no such column`,
        `pick one of: ${chosen.headers.map((h) => h.text).join(", ")}`
      )
    );
  }
  issues.push(...latestYearNotes(grid, chosen, schema));
  for (const d of chosen.duplicates) {
    if (d.latest) continue;
    issues.push(
      issueAt(
        grid,
        chosen.headerIndex,
        d.column - grid.origin.column,
        "warning",
        "duplicate-column",
        `Column ${columnLetters(d.column)} also looks like ${labelOf(schema, d.field)}; column ${columnLetters(d.used)} is used${d.preferred ? preferredBecause(chosen, d) : ""}`,
        `if column ${columnLetters(d.column)} is the right one, map ${labelOf(schema, d.field)} to it`
      )
    );
  }
  const misses = nearMisses(chosen, schema, grid);
  issues.push(...misses.map((miss) => nearMissIssue(grid, chosen, miss)));
  return { candidates, chosen, grid, issues, misses };
}

/** ", as the heading 'Locality' is taken before 'Ward'": why the right-hand column won. */
function preferredBecause<F extends string>(chosen: TableCandidate<F>, d: Duplicate<F>): string {
  const text = (column: number) => chosen.headers.find((h) => h.column === column)?.text ?? "";
  return `, as the heading '${text(d.used)}' is taken before '${text(d.column)}'`;
}

/**
 * One note per field read from the latest of several yearly columns, at the header used:
 * the other years are not read, and the analyst must know which year the figures are.
 */
function latestYearNotes<F extends string>(
  grid: Grid,
  chosen: TableCandidate<F>,
  schema: TableSchema<F>
): Issue[] {
  const notes: Issue[] = [];
  for (const spec of schema.fields) {
    const others = chosen.duplicates.filter((d) => d.field === spec.field && d.latest);
    const used = chosen.columns[spec.field];
    if (others.length === 0 || used === undefined) continue;
    const text = (column: number) =>
      `${columnLetters(column)} '${chosen.headers.find((h) => h.column === column)?.text ?? ""}'`;
    const skipped = others.map((d) => d.column).sort((a, b) => a - b);
    notes.push(
      issueAt(
        grid,
        chosen.headerIndex,
        used - grid.origin.column,
        "info",
        "latest-year-used",
        `${spec.label} is read from the latest year's column, ${text(used)}; ${skipped.length === 1 ? "column" : "columns"} ${skipped.map(text).join(", ")} ${skipped.length === 1 ? "is" : "are"} not read`,
        `nothing to do if the latest year is what you want; otherwise map ${spec.label} to the column to use`
      )
    );
  }
  return notes;
}

/** How many slips make a near miss: one in a short heading, more in a long one. */
const slipsAllowed = (length: number): number => (length <= 4 ? 0 : length <= 8 ? 1 : 2);

/** A heading the reader did not recognise that is a slip from a field it still lacks. */
export interface NearMiss<F extends string> {
  /** Zero-based sheet column of the heading. */
  column: number;
  text: string;
  field: F;
  label: string;
}

/**
 * Headings the reader did not recognise that are a slip from a column it still lacks
 * ("Salery" for Salary, "FTE's" for FTE). Such a column is not read at all, so it must be
 * said at its heading, with what it looks like, rather than left out in silence.
 */
function nearMisses<F extends string>(
  chosen: TableCandidate<F>,
  schema: TableSchema<F>,
  grid: Grid
): NearMiss<F>[] {
  const lacking = schema.fields.filter((f) => chosen.columns[f.field] === undefined);
  const found: NearMiss<F>[] = [];
  for (const header of chosen.headers) {
    if (header.field !== undefined) continue;
    const heading = normaliseLabel(header.text.slice(0, 40));
    // "Postholder" over people's names is one slip from "Post holders" (a headcount), but
    // a column of names is not a column of figures: suggesting it would mislead.
    // Scanned only for a slip from a figure's heading: the column is read to its last row.
    let names: boolean | undefined;
    const holdsNames = () => (names ??= holdsNamesOnly(grid, chosen, header.column));
    let best: { field: (typeof lacking)[number]; distance: number } | undefined;
    for (const field of lacking)
      for (const synonym of field.synonyms) {
        const distance = editDistance(heading, normaliseLabel(synonym));
        if (distance > slipsAllowed(synonym.length) || (best && distance >= best.distance))
          continue;
        if (!NUMERIC_KINDS.has(field.kind) || !holdsNames()) best = { field, distance };
      }
    if (best)
      found.push({
        column: header.column,
        text: header.text.slice(0, 40),
        field: best.field.field,
        label: best.field.label,
      });
  }
  return found;
}

/** True when a column's cells under the header hold text and never a figure (names, notes). */
function holdsNamesOnly<F extends string>(
  grid: Grid,
  chosen: TableCandidate<F>,
  column: number
): boolean {
  const c = column - grid.origin.column;
  let text = false;
  for (let r = chosen.headerIndex + 1; r <= chosen.lastIndex; r++) {
    const v = grid.values[r]?.[c];
    if (isBlank(v)) continue;
    if (parseNumber(v) !== undefined) return false;
    text = true;
  }
  return text;
}

/** "Column D 'Salery' … (did you mean 'Salary'?)": what a near miss's issue says. */
export function nearMissText(miss: NearMiss<string>): string {
  return `column ${columnLetters(miss.column)} '${miss.text}' is not a heading the reader knows, so it was not read (did you mean '${miss.label}'?)`;
}

function nearMissIssue<F extends string>(
  grid: Grid,
  chosen: TableCandidate<F>,
  miss: NearMiss<F>
): Issue {
  const column = columnLetters(miss.column);
  const text = nearMissText(miss);
  return issueAt(
    grid,
    chosen.headerIndex,
    miss.column - grid.origin.column,
    "warning",
    "header-near-miss",
    text[0].toUpperCase() + text.slice(1),
    `rename the heading to '${miss.label}', or map ${miss.label} to column ${column}`
  );
}
