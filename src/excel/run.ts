/**
 * How the adapter reaches Excel. Production passes `Excel.run`; tests pass the fake's
 * `run`. Taking it as a parameter keeps the global `Excel`, which exists only inside
 * Office, out of this module.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, passed in for the same reason. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** Worksheet custom properties, the ownership mark: without them we cannot tell our sheets. */
export const MIN_EXCEL_API = "1.12";
/** Range.getSpecialCells and RangeAreas: where a sheet's values are. Below this, used ranges are read whole, up to a limit. */
export const SPECIAL_CELLS_EXCEL_API = "1.9";
/** Range.getMergedAreasOrNullObject: merged label cells; below this, the Grids say merges are unknown. */
export const MERGED_AREAS_EXCEL_API = "1.13";
/** Worksheet notes; below this, notes are skipped and the sheet's own note text stands. */
export const NOTES_EXCEL_API = "1.18";

/** The real check inside Office; outside it (tests, tools) every set counts as present. */
export function officeRequirements(): IsSetSupported {
  if (typeof Office === "undefined" || Office.context?.requirements === undefined)
    return () => true;
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

/** Excel on the web refuses requests over 5 MB; stay under 4 MB for headroom. */
export const MAX_REQUEST_BYTES = 4_000_000;
