import type ExcelJS from "exceljs";
import type { SheetKey } from "../core/report";

/**
 * Which sheets this tool created and may replace. Each owned sheet carries a
 * workbook-level defined name `ESTAB_OWNED_<KEY>` pointing at its cell A1:
 *
 * - ExcelJS writes and reads defined names (it has no custom document properties), and
 *   Office.js sees them as `workbook.names`, so the add-in can read the CLI's marks;
 * - a name refers to the sheet, not to its tab text, so Excel keeps the mark when the
 *   user renames the sheet, and turns it into #REF! (no longer owned) if the sheet is
 *   deleted;
 * - a user's sheet never carries one, so it is never replaced.
 */
export const OWNED_NAME_PREFIX = "ESTAB_OWNED_";

export interface OwnedSheet {
  key: SheetKey;
  sheet: string;
}

const KEYS: readonly SheetKey[] = ["grant", "cost", "changes", "shares", "assumptions"];

export function ownedNameFor(key: SheetKey): string {
  return `${OWNED_NAME_PREFIX}${key.toUpperCase()}`;
}

/** "'Grant costing'!$A$1" → "Grant costing". */
function sheetOfRange(range: string): string | undefined {
  const bang = range.lastIndexOf("!");
  if (bang < 0) return undefined;
  const raw = range.slice(0, bang);
  return raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

function namesOf(wb: ExcelJS.Workbook): DefinedNameModel[] {
  return (wb.definedNames as unknown as { model: DefinedNameModel[] }).model;
}

function setNames(wb: ExcelJS.Workbook, model: DefinedNameModel[]): void {
  (wb.definedNames as unknown as { model: DefinedNameModel[] }).model = model;
}

/** The sheets this tool owns in the workbook (only those that still exist). */
export function ownedSheets(wb: ExcelJS.Workbook): OwnedSheet[] {
  const owned: OwnedSheet[] = [];
  for (const { name, ranges } of namesOf(wb)) {
    if (!name.toUpperCase().startsWith(OWNED_NAME_PREFIX)) continue;
    const key = name.slice(OWNED_NAME_PREFIX.length).toLowerCase() as SheetKey;
    if (!KEYS.includes(key)) continue;
    const sheet = ranges.length > 0 ? sheetOfRange(ranges[0]) : undefined;
    if (sheet !== undefined && wb.getWorksheet(sheet)) owned.push({ key, sheet });
  }
  return owned;
}

/** Marks `sheet` as this tool's sheet for `key`, replacing any earlier mark for that key. */
export function markOwned(wb: ExcelJS.Workbook, key: SheetKey, sheet: string): void {
  const name = ownedNameFor(key);
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  setNames(wb, [
    ...namesOf(wb).filter((n) => n.name.toUpperCase() !== name),
    { name, ranges: [`${quoted}!$A$1`] },
  ]);
}

/** Drops every mark pointing at `sheet` (before the sheet is removed). */
export function unmarkSheet(wb: ExcelJS.Workbook, sheet: string): void {
  setNames(
    wb,
    namesOf(wb).filter(
      (n) =>
        !(
          n.name.toUpperCase().startsWith(OWNED_NAME_PREFIX) &&
          n.ranges.some((r) => sheetOfRange(r) === sheet)
        )
    )
  );
}
