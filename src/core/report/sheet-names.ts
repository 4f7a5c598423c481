/**
 * How this tool names the sheets it writes, shared by both adapters (the Office.js one in
 * src/excel and the ExcelJS one in src/xlsx) so they choose the same names and agree on
 * which names are "ours". Pure: no Office, no ExcelJS.
 */

import { quoteSheetName } from "../grid";
import type { SheetKey } from "./sheet-spec";

/**
 * The name each sheet is built under when the caller gives none (`buildWorkbook` never
 * does). A sheet marked only by its `ESTAB_OWNED_<KEY>` name is ours while its name is
 * still this or "Name (n)" (src/excel/owned.ts).
 */
export const SHEET_NAMES: Readonly<Record<SheetKey, string>> = {
  grant: "Grant Costing",
  cost: "Establishment Cost",
  changes: "Restructure",
  shares: "Locality shares",
  scenarios: "Scenarios",
  assumptions: "Assumptions",
};

/** Excel's limit on sheet-name length. */
export const SHEET_NAME_MAX = 31;

/** Characters Excel refuses in a sheet name. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A name Excel accepts: no []:*?/\, no leading/trailing apostrophe, at most 31 characters. */
export function cleanSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(BAD_SHEET_CHARS, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, SHEET_NAME_MAX)
    .trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/** Excel compares sheet and table names without regard to case. */
export const nameKey = (name: string): string => name.toLocaleUpperCase("en-GB");

/**
 * The wanted name if free, else "Name (2)", "Name (3)" … shortened so the suffix fits
 * in 31 characters. `taken` holds nameKey()s.
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = cleanSheetName(wanted);
  if (!taken.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

/**
 * Whether `sheetName` is a name this tool would give a sheet it wants to call `wanted`:
 * the cleaned wanted name itself, or one of `freeSheetName`'s "Name (n)" forms (n ≥ 2,
 * shortened to fit 31 characters), ignoring case. Both adapters trust a sheet marked only
 * by its `ESTAB_OWNED_<KEY>` name while this holds: the name follows the sheet when the
 * user renames it, and a renamed sheet is the user's.
 */
export function isDefaultSheetName(sheetName: string, wanted: string): boolean {
  const base = cleanSheetName(wanted);
  const name = nameKey(sheetName);
  if (name === nameKey(base)) return true;
  const numbered = / \((\d+)\)$/.exec(sheetName);
  if (numbered === null || numbered[1].startsWith("0") || Number(numbered[1]) < 2) return false;
  const suffix = numbered[0];
  return name === nameKey(base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix);
}

/** A sheet-qualified reference prefix outside string literals: Sheet1! or 'My sheet'! */
const SHEET_REF = /(?<![A-Za-z0-9_.'])('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!/g;

/**
 * Points references to other output sheets at the names they are written under (the
 * Excel adapter: the temporary sheets they are written to first). When a temporary sheet is renamed to its final name, Excel rewrites the
 * references to follow it; a reference left on the old name would follow the old sheet
 * into deletion and become #REF!.
 */
export function retargetSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || !formula.includes("!")) return formula;
  // Split on string literals ("…" with "" escapes) so text inside quotes is never touched.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(SHEET_REF, (whole, ref: string) => {
            const name = ref.startsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref;
            const target = renames.get(nameKey(name));
            return target === undefined ? whole : `${quoteSheetName(target)}!`;
          })
    )
    .join("");
}
