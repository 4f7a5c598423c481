import { parseRangeA1, quoteSheetName } from "../core/grid";
import { MARKER_KEY, ownsSheet, parseMarker } from "./marker";
import type { OwnershipMarker } from "./marker";

export class NotOwnedError extends Error {
  constructor(sheet: string, why: string) {
    super(`Establishment Costing will not change ${quoteSheetName(sheet)}: ${why}`);
    this.name = "NotOwnedError";
  }
}

/**
 * The sheet and its mark, or a NotOwnedError. Two syncs: the sheet, then its mark
 * (a missing sheet has no properties to ask about).
 */
export async function ownedSheet(
  context: Excel.RequestContext,
  name: string
): Promise<{ sheet: Excel.Worksheet; marker: OwnershipMarker }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load("name");
  await context.sync();
  if (sheet.isNullObject) throw new NotOwnedError(name, "there is no sheet with that name");

  const property = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
  property.load("value");
  await context.sync();
  const marker = property.isNullObject ? undefined : parseMarker(property.value);
  if (marker === undefined || !ownsSheet(sheet.name, marker)) {
    throw new NotOwnedError(
      sheet.name,
      "it is not a sheet the add-in made (or it has been renamed or copied since)"
    );
  }
  return { sheet, marker };
}

/** A plain cell or range address on the sheet itself: "B4" or "B4:C6". */
export function checkLocalAddress(address: string): string {
  if (address.includes("!")) throw new Error(`'${address}' must not name a sheet`);
  parseRangeA1(address);
  return address;
}
