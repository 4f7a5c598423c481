import { nameKey } from "../core/report/sheet-names";

// Sheet names are chosen the same way by both adapters: one implementation, in the core.
export {
  SHEET_NAME_MAX,
  cleanSheetName,
  freeSheetName,
  isDefaultSheetName,
  nameKey,
  retargetSheetRefs,
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

/** Splits "Sheet1!A1:C3" or "'My sheet'!A1:C3" into sheet name and local address. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", local: address };
  const ref = address.slice(0, bang);
  const sheet = ref.startsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref;
  return { sheet, local: address.slice(bang + 1) };
}
