import { MARKER_KEY, ownsSheet, parseMarker } from "./marker";
import type { OwnershipMarker } from "./marker";

export type Visibility = Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";

/** What the workbook held before a write: enough to put it back. */
export interface SheetInfo {
  id: string;
  name: string;
  visibility: Visibility;
  position: number;
  marker?: OwnershipMarker;
  owned: boolean;
  tables: string[];
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  activeId: string;
}

/**
 * Two syncs whatever the workbook's size: the sheet list, then every sheet's ownership
 * mark and table names together.
 */
export async function inspectWorkbook(context: Excel.RequestContext): Promise<WorkbookInfo> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/visibility,items/position");
  const active = worksheets.getActiveWorksheet();
  active.load("id");
  await context.sync();

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
      tables: tables.items.map((t) => t.name),
    };
  });
  return { sheets, activeId: active.id };
}
