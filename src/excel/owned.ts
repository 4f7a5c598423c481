import { parseRangeA1, quoteSheetName } from "../core/grid";
import { SHEET_NAMES } from "../core/report/sheet-names";
import type { SheetKey } from "../core/report";
import { ownedNameFor, readOwnedName } from "../xlsx/ownership";
import { MARKER_KEY, ownsSheet, parseMarker } from "./marker";
import type { OwnershipMarker } from "./marker";
import { isDefaultSheetName, nameKey } from "./names";

export class NotOwnedError extends Error {
  constructor(sheet: string, why: string) {
    super(`Establishment Costing will not change ${quoteSheetName(sheet)}: ${why}`);
    this.name = "NotOwnedError";
  }
}

const KEYS = Object.keys(SHEET_NAMES) as SheetKey[];

/** What a sheet carries, as `inspectWorkbook` (SheetInfo) and `ownedSheet` read it. */
export interface SheetMarks {
  name: string;
  /** Our custom property parses and its name is the sheet's name. */
  owned: boolean;
  marker?: OwnershipMarker;
  /**
   * Only for a sheet with no custom property under our key: the key of the workbook's
   * `ESTAB_OWNED_<KEY>` name that refers to its A1.
   */
  nameMark?: SheetKey;
}

/**
 * The one rule for "owned" outside a write (ownedSheets, updateOwnedCells, makeShareable):
 * the key the sheet is ours for, or undefined when it is the user's.
 *
 * - The custom property, where present, decides: owned when it parses and names the sheet
 *   as it is called now; a renamed or copied sheet carrying it is the user's whatever any
 *   defined name says.
 * - With no custom property, the CLI's mark: the `ESTAB_OWNED_<KEY>` name refers to the
 *   sheet's A1 and the sheet's name is still a default one for that key
 *   (`isDefaultSheetName`), since a defined name follows a rename.
 *
 * `replaceable` in write.ts applies the same rule against the spec being written (whose
 * name is the default for its key).
 */
export function ownedKey(sheet: SheetMarks): SheetKey | undefined {
  if (sheet.owned) return sheet.marker?.key;
  const key = sheet.nameMark;
  return key !== undefined && isDefaultSheetName(sheet.name, SHEET_NAMES[key]) ? key : undefined;
}

export interface OwnedSheet {
  sheet: Excel.Worksheet;
  key: SheetKey;
  marker?: OwnershipMarker;
  /** The custom property's text as it is, or undefined when the sheet has none (for a restore). */
  property: string | undefined;
}

/**
 * The sheet, the key it is ours for, and its custom-property mark when it has one; else a
 * NotOwnedError. Two syncs: the sheet and the five `ESTAB_OWNED_<KEY>` names (looked up
 * one by one, not the whole names collection), then the sheet's custom property (a
 * missing sheet has no properties to ask about), with whatever `alongside` queues on the
 * sheet (what the caller reads next, read whether or not the sheet turns out to be ours).
 */
export async function ownedSheet(
  context: Excel.RequestContext,
  name: string,
  alongside: (sheet: Excel.Worksheet) => void = () => undefined
): Promise<OwnedSheet> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load("name");
  const names = KEYS.map((key) => {
    const item = context.workbook.names.getItemOrNullObject(ownedNameFor(key));
    item.load("formula,type");
    return { key, item };
  });
  await context.sync();
  if (sheet.isNullObject) throw new NotOwnedError(name, "there is no sheet with that name");

  const property = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
  property.load("value");
  alongside(sheet);
  await context.sync();

  const marker = property.isNullObject ? undefined : parseMarker(property.value);
  // As in inspectWorkbook: a name mark counts only on a sheet with no custom property.
  const nameMark = property.isNullObject
    ? names.find(({ key, item }) => {
        if (item.isNullObject || String(item.type) !== "Range") return false;
        const mark = readOwnedName(ownedNameFor(key), item.formula);
        return mark !== undefined && nameKey(mark.sheet) === nameKey(sheet.name);
      })?.key
    : undefined;
  const key = ownedKey({
    name: sheet.name,
    owned: ownsSheet(sheet.name, marker),
    marker,
    nameMark,
  });
  if (key === undefined) {
    throw new NotOwnedError(
      sheet.name,
      "it is not a sheet the add-in made (or it has been renamed or copied since)"
    );
  }
  return { sheet, key, marker, property: property.isNullObject ? undefined : property.value };
}

/** A plain cell or range address on the sheet itself: "B4" or "B4:C6". */
export function checkLocalAddress(address: string): string {
  if (address.includes("!")) throw new Error(`'${address}' must not name a sheet`);
  parseRangeA1(address);
  return address;
}
