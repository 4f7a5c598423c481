import { isSheetKey, type SheetKey } from "../core/report";

/**
 * Output sheets carry a worksheet custom property (ExcelApi 1.12) under this key. Custom
 * properties are saved inside the .xlsx, so the mark survives save and reopen, and they
 * are invisible to users, so nobody edits them by accident.
 */
export const MARKER_KEY = "EstablishmentCosting";

/** Bump when the marker's shape changes; readers accept any version they understand. */
export const MARKER_VERSION = 1;

export type OutputMode = "shareable" | "live";

export interface OwnershipMarker {
  key: SheetKey;
  /**
   * The name the sheet was written under. A copy the user makes (Move or Copy… keeps
   * custom properties) or a sheet the user renames no longer matches, so it counts as
   * the user's and is never replaced.
   */
  name: string;
  mode: OutputMode;
  version: number;
}

export function markerValue(marker: Omit<OwnershipMarker, "version">): string {
  return JSON.stringify({ ...marker, version: MARKER_VERSION });
}

/** The marker, or undefined when the text is not one of ours. Never throws. */
export function parseMarker(value: string | undefined): OwnershipMarker | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const m = parsed as Record<string, unknown>;
    if (typeof m.key !== "string" || !isSheetKey(m.key)) return undefined;
    if (typeof m.name !== "string") return undefined;
    if (typeof m.version !== "number" || m.version > MARKER_VERSION) return undefined;
    return {
      key: m.key as SheetKey,
      name: m.name,
      mode: m.mode === "live" ? "live" : "shareable",
      version: m.version,
    };
  } catch {
    return undefined;
  }
}

/** Owned means: our marker, and the sheet still has the name we gave it. */
export function ownsSheet(sheetName: string, marker: OwnershipMarker | undefined): boolean {
  return marker !== undefined && marker.name === sheetName;
}

/** Sheets this add-in is writing right now carry this prefix until they are swapped in. */
export const TEMP_SHEET_PREFIX = "EC tmp ";
export const RETIRED_SHEET_PREFIX = "EC old ";
