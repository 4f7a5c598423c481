import type { Issue } from "../grid";
import { positionIn, toA1 } from "../grid";
import type { RolesTable, TypedRole } from "../model";
import { formatNumber } from "../money";
import { inWholeUnits } from "../shares/units";
import type { WorkbookGrids } from "../workbook/types";
import { fieldForHeader, type TableCandidate } from "./detect";
import { issueAtAddress } from "./issues";
import { locateTable } from "./locate";
import { ESTABLISHMENT_SCHEMA, ROLES_SCHEMA, type RoleField } from "./schemas";
import { readTable } from "./table";
import { describeValue } from "./text";

export interface ReadRolesResult {
  roles?: RolesTable;
  /** The table read, so the other readers can leave it out (it is no post list). */
  chosen?: TableCandidate<RoleField>;
  issues: Issue[];
}

/** Establishment columns a roles table may have besides unknown ones: nothing else of a post's. */
const ROLE_TABLE_FIELDS = new Set(["role", "fte", "currentFte"]);

/**
 * The roles table the analyst typed (Role | FTE), when there is one: a table whose headers
 * name no other establishment column (a post list has a title, grade or salary). Each
 * role's FTE must be whole allocation units, and add up to the FTE to share out when that
 * is typed: either is an error at its cell.
 */
export function readRoles(
  workbook: WorkbookGrids,
  unit: number,
  typedTotal: number | undefined
): ReadRolesResult {
  const located = locateTable(workbook, ROLES_SCHEMA, {}, false);
  const roleTables = located.candidates.filter((c) =>
    c.headers.every((h) => {
      const field = fieldForHeader(ESTABLISHMENT_SCHEMA, h.text);
      return field === undefined || ROLE_TABLE_FIELDS.has(field);
    })
  );
  const chosen = roleTables[0];
  if (!chosen) return { issues: [] };
  const grid = workbook.grids[chosen.gridIndex];
  const read = readTable(grid, chosen, ROLES_SCHEMA);
  const issues = [...read.issues];
  const roles: TypedRole[] = [];
  for (const row of read.rows) {
    const name = String(row.values.role ?? "").trim();
    const fte = row.values.fte;
    if (name === "" || typeof fte !== "number") continue; // blank cells: reported by readTable
    const cell = row.cells.fte;
    if (Math.abs(inWholeUnits(fte, unit) - fte) > 1e-9 && cell !== undefined)
      issues.push(
        issueAtAddress(
          grid.sheet,
          cell,
          "error",
          "role-fte-not-whole-units",
          `${describeValue(name)}'s ${formatNumber(fte, 6)} FTE is not a whole number of ${formatNumber(unit, 10)} FTE units, the allocation unit`,
          `enter it in steps of ${formatNumber(unit, 10)} FTE, or change 'Allocation unit (FTE)' on the Assumptions sheet`,
          fte
        )
      );
    roles.push({ name, fte, ...(cell !== undefined ? { cell } : {}) });
  }
  const fteColumn = chosen.columns.fte ?? grid.origin.column;
  const fteHeader = toA1(positionIn(grid, chosen.headerIndex, fteColumn - grid.origin.column));
  const sum = roles.reduce((s, r) => s + r.fte, 0);
  if (typedTotal !== undefined && roles.length > 0 && Math.abs(sum - typedTotal) > 1e-9)
    issues.push(
      issueAtAddress(
        grid.sheet,
        fteHeader,
        "error",
        "roles-differ-from-total",
        `The roles table's FTE add up to ${formatNumber(sum, 6)} but 'FTE to share out' on the Assumptions sheet is ${formatNumber(typedTotal, 6)}`,
        "make them agree, or clear 'FTE to share out' to share out the roles' FTE"
      )
    );
  if (roles.length === 0) return { chosen, issues };
  const table: RolesTable = { sheet: chosen.sheet, range: chosen.range, fteHeader, roles };
  if (chosen.table !== undefined) table.table = chosen.table;
  return { roles: table, chosen, issues };
}

/** The workbook with a table's cells blanked, so no other reader takes it for its own. */
export function withoutTable<F extends string>(
  workbook: WorkbookGrids,
  table: TableCandidate<F>
): WorkbookGrids {
  const columns = table.headers.map((h) => h.column);
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  return {
    grids: workbook.grids.map((g, i) =>
      i !== table.gridIndex
        ? g
        : {
            ...g,
            values: g.values.map((row, r) =>
              r < table.headerIndex || r > table.lastIndex
                ? row
                : row.map((v, c) =>
                    c + g.origin.column >= first && c + g.origin.column <= last ? "" : v
                  )
            ),
          }
    ),
  };
}
