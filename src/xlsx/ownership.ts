import type ExcelJS from "exceljs";
import { isSheetKey, type SheetKey } from "../core/report";

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

/**
 * The mode, next to the ownership mark: a live sheet (written with ESTAB.* formulas, or
 * asked for live in the preview) also carries `ESTAB_LIVE_<KEY>`, a defined name to the
 * same A1; a shareable sheet carries none. Kept apart from `ESTAB_OWNED_<KEY>` so that
 * mark, which both adapters read and the add-in writes and rolls back by its prefix, is
 * unchanged. A sheet is live only while both names of a key refer to it: writing a key's
 * sheet sets or drops its live name, making a sheet shareable drops it, and a deleted
 * sheet's name turns into #REF! (ignored). The `ESTAB_` names are the only mode a file
 * written by ExcelJS can carry (no worksheet custom properties).
 */
export const LIVE_NAME_PREFIX = "ESTAB_LIVE_";

export type SheetMode = "shareable" | "live";

export interface OwnedSheet {
  key: SheetKey;
  sheet: string;
}

export function ownedNameFor(key: SheetKey): string {
  return `${OWNED_NAME_PREFIX}${key.toUpperCase()}`;
}

export function liveNameFor(key: SheetKey): string {
  return `${LIVE_NAME_PREFIX}${key.toUpperCase()}`;
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
  return readMarkName(OWNED_NAME_PREFIX, name, reference);
}

/** The same for a live mark, `ESTAB_LIVE_<KEY>`: the same forms, the same checks. */
export function readLiveName(name: string, reference: string): OwnedSheet | undefined {
  return readMarkName(LIVE_NAME_PREFIX, name, reference);
}

function readMarkName(prefix: string, name: string, reference: string): OwnedSheet | undefined {
  if (!name.toUpperCase().startsWith(prefix)) return undefined;
  const key = name.slice(prefix.length).toLowerCase();
  if (!isSheetKey(key)) return undefined;
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

function marksIn(
  wb: ExcelJS.Workbook,
  read: (name: string, reference: string) => OwnedSheet | undefined
): OwnedSheet[] {
  const marks: OwnedSheet[] = [];
  for (const { name, ranges } of namesOf(wb)) {
    const mark = ranges.length === 1 ? read(name, ranges[0]) : undefined;
    if (mark !== undefined && wb.getWorksheet(mark.sheet)) marks.push(mark);
  }
  return marks;
}

/** The sheets this tool owns in the workbook (only those that still exist). */
export function ownedSheets(wb: ExcelJS.Workbook): OwnedSheet[] {
  return marksIn(wb, readOwnedName);
}

/**
 * The owned sheets whose mark says live: both `ESTAB_OWNED_<KEY>` and `ESTAB_LIVE_<KEY>`
 * refer to the sheet. A live name alone (its sheet no longer owned for that key) counts
 * for nothing.
 */
export function liveOwnedSheets(wb: ExcelJS.Workbook): OwnedSheet[] {
  const live = marksIn(wb, readLiveName);
  return ownedSheets(wb).filter((o) => live.some((l) => l.key === o.key && l.sheet === o.sheet));
}

const quotedA1 = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!$A$1`;

/**
 * Marks `sheet` as this tool's sheet for `key` in `mode` (shareable unless told),
 * replacing any earlier marks for that key: `ESTAB_OWNED_<KEY>` always, `ESTAB_LIVE_<KEY>`
 * for a live sheet only (a shareable one drops it). Both writers mark through this.
 */
export function markOwned(
  wb: ExcelJS.Workbook,
  key: SheetKey,
  sheet: string,
  mode: SheetMode = "shareable"
): void {
  const owned = ownedNameFor(key);
  const live = liveNameFor(key);
  setNames(wb, [
    ...namesOf(wb).filter((n) => ![owned, live].includes(n.name.toUpperCase())),
    { name: owned, ranges: [quotedA1(sheet)] },
    ...(mode === "live" ? [{ name: live, ranges: [quotedA1(sheet)] }] : []),
  ]);
}

/** Drops the names with one of `prefixes` that point at `sheet`. */
function dropMarks(wb: ExcelJS.Workbook, sheet: string, prefixes: readonly string[]): void {
  setNames(
    wb,
    namesOf(wb).filter(
      (n) =>
        !(
          prefixes.some((p) => n.name.toUpperCase().startsWith(p)) &&
          n.ranges.some((r) => sheetOfRange(r) === sheet)
        )
    )
  );
}

/** Drops every mark, ownership and live, pointing at `sheet` (before the sheet is removed). */
export function unmarkSheet(wb: ExcelJS.Workbook, sheet: string): void {
  dropMarks(wb, sheet, [OWNED_NAME_PREFIX, LIVE_NAME_PREFIX]);
}

/** Drops the live marks pointing at `sheet`, which stays owned: it is shareable now. */
export function markShareable(wb: ExcelJS.Workbook, sheet: string): void {
  dropMarks(wb, sheet, [LIVE_NAME_PREFIX]);
}
