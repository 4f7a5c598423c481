import { quoteSheetName } from "../core/grid";
import { nameKey } from "../core/report/sheet-names";

// Sheet names are chosen the same way by both adapters: one implementation, in the core.
export {
  SHEET_NAME_MAX,
  cleanSheetName,
  freeSheetName,
  isDefaultSheetName,
  nameKey,
} from "../core/report/sheet-names";

/** Table names: letters, digits, underscores and full stops, starting with a letter or "_". */
export function cleanTableName(wanted: string): string {
  const cleaned = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

export function freeTableName(wanted: string, taken: ReadonlySet<string>): string {
  const base = cleanTableName(wanted);
  if (!taken.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

/** A sheet-qualified reference prefix outside string literals: Sheet1! or 'My sheet'! */
const SHEET_REF = /(?<![A-Za-z0-9_.'])('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!/g;

/**
 * Points references to other output sheets at the temporary sheets they are written to
 * first. When a temporary sheet is renamed to its final name, Excel rewrites the
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

/** Splits "Sheet1!A1:C3" or "'My sheet'!A1:C3" into sheet name and local address. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", local: address };
  const ref = address.slice(0, bang);
  const sheet = ref.startsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref;
  return { sheet, local: address.slice(bang + 1) };
}
