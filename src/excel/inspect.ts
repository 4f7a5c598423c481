import type { SheetKey } from "../core/report";
import { OWNED_NAME_PREFIX, readOwnedName } from "../xlsx/ownership";
import { MARKER_KEY, ownsSheet, parseMarker } from "./marker";
import type { OwnershipMarker } from "./marker";
import { nameKey } from "./names";

export type Visibility = Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";

/** What the workbook held before a write: enough to put it back. */
export interface SheetInfo {
  id: string;
  name: string;
  visibility: Visibility;
  position: number;
  marker?: OwnershipMarker;
  /**
   * Owned by its custom property: the mark's name is the sheet's name. Not the whole
   * rule: `ownedKey` (owned.ts) also counts a name-only mark on a default name.
   */
  owned: boolean;
  /**
   * Only for a sheet with no custom property: the key of the workbook-level
   * `ESTAB_OWNED_<KEY>` name that refers to its A1 (the CLI's mark). Whether that makes it
   * ours depends on its name still being a default one (`replaceable` in write.ts against
   * the spec's name, `ownedKey` in owned.ts against the key's default name).
   */
  nameMark?: SheetKey;
  tables: string[];
}

/** A workbook-level `ESTAB_OWNED_…` name as it was, so a rollback can put it back. */
export interface OwnedNameInfo {
  name: string;
  formula: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  activeId: string;
  /** Every workbook-level name starting `ESTAB_OWNED_` (any target, even #REF!). */
  ownedNames: OwnedNameInfo[];
}

export const isOwnedName = (name: string): boolean =>
  name.toUpperCase().startsWith(OWNED_NAME_PREFIX);

/**
 * Two syncs whatever the workbook's size: the sheet list and the workbook's defined
 * names, then every sheet's ownership mark and table names together.
 */
export async function inspectWorkbook(context: Excel.RequestContext): Promise<WorkbookInfo> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/visibility,items/position");
  const active = worksheets.getActiveWorksheet();
  active.load("id");
  const names = context.workbook.names;
  names.load("items/name,items/formula,items/type");
  await context.sync();

  const ownedNames = names.items
    .filter((n) => isOwnedName(n.name))
    .map((n) => ({ name: n.name, formula: n.formula, type: String(n.type) }));
  // Sheet (by nameKey) → key, from names that still refer to a sheet's A1.
  const nameMarks = new Map<string, SheetKey>();
  for (const n of ownedNames) {
    const mark = n.type === "Range" ? readOwnedName(n.name, n.formula) : undefined;
    if (mark !== undefined) nameMarks.set(nameKey(mark.sheet), mark.key);
  }

  const probes = worksheets.items.map((sheet) => {
    const property = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
    property.load("value");
    const tables = sheet.tables;
    tables.load("items/name");
    return { sheet, property, tables };
  });
  await context.sync();

  const sheets = probes.map(({ sheet, property, tables }): SheetInfo => {
    const marker = property.isNullObject ? undefined : parseMarker(property.value);
    return {
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      position: sheet.position,
      marker,
      owned: ownsSheet(sheet.name, marker),
      // The custom property is authoritative where present: a renamed or copied sheet
      // that still carries it is the user's, whatever a name says.
      nameMark: property.isNullObject ? nameMarks.get(nameKey(sheet.name)) : undefined,
      tables: tables.items.map((t) => t.name),
    };
  });
  return {
    sheets,
    activeId: active.id,
    ownedNames: ownedNames.map(({ name, formula }) => ({ name, formula })),
  };
}
