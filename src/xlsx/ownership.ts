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
 *
 * This is the mark both adapters write and read: the Office.js adapter (src/excel) writes
 * the same name next to its worksheet custom property and reads it with
 * `readOwnedName`. Because the name follows a rename, both adapters trust a name-only mark
 * only while the sheet's name is still one the tool would have chosen
 * (`isDefaultSheetName` in src/core/report/sheet-names.ts; docs/excel-adapter.md,
 * "Ownership marker").
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

/**
 * The key and sheet of an ownership name, or undefined when it is not one: the name must
 * be `ESTAB_OWNED_<KEY>` for a known key and refer to one sheet's cell A1. Takes ExcelJS's
 * range text ("'Grant costing'!$A$1") and Office.js's `NamedItem.formula`
 * ("='Grant costing'!$A$1") alike; a name Excel has turned into #REF! is not one.
 */
export function readOwnedName(name: string, reference: string): OwnedSheet | undefined {
  if (!name.toUpperCase().startsWith(OWNED_NAME_PREFIX)) return undefined;
  const key = name.slice(OWNED_NAME_PREFIX.length).toLowerCase() as SheetKey;
  if (!KEYS.includes(key)) return undefined;
  const range = reference.startsWith("=") ? reference.slice(1) : reference;
  if (range.includes("#REF!")) return undefined;
  const bang = range.lastIndexOf("!");
  if (bang < 0 || !/^\$?A\$?1$/i.test(range.slice(bang + 1))) return undefined;
  const sheet = sheetOfRange(range);
  return sheet === undefined || sheet === "" ? undefined : { key, sheet };
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
    const mark = ranges.length === 1 ? readOwnedName(name, ranges[0]) : undefined;
    if (mark !== undefined && wb.getWorksheet(mark.sheet)) owned.push(mark);
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
