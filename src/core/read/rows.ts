import type { CellValue } from "../grid";
import { isBlank } from "../grid/grid";
import { parseNumber } from "./values";

/** What kind of totals row a label makes. */
export type TotalKind = "subtotal" | "total" | "grand-total";

/** True when every cell of the row is empty (a spacer row). */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * "TOTAL", "Totals", "Total FTE" → total; "Grand total" → grand-total; "Sub-total",
 * "Subtotal", "Early Help total" → subtotal. Anything else is not a totals label.
 */
export function totalKindOf(text: string): TotalKind | undefined {
  if (!/total/i.test(text)) return undefined; // cheap test first: this runs on every text cell
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (/^grand totals?\b/.test(label) || /^overall totals?\b/.test(label)) return "grand-total";
  if (/^sub ?totals?\b/.test(label)) return "subtotal";
  if (/^totals?\b/.test(label)) return "total";
  if (/\b(?:sub ?)?totals?$/.test(label)) return "subtotal";
  return undefined;
}

/** The first totals label in the row's text cells, skipping the given columns (numeric ones). */
export function totalsLabelOf(
  row: readonly CellValue[] | undefined,
  skip: ReadonlySet<number>
): { label: string; kind: TotalKind; column: number } | undefined {
  if (!row) return undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== "string" || skip.has(c)) continue;
    const kind = totalKindOf(v);
    if (kind) return { label: v.trim(), kind, column: c };
  }
  return undefined;
}

/** True when one of the given columns holds a number: the mark of a data row. */
export function hasNumberIn(
  row: readonly CellValue[] | undefined,
  columns: readonly number[]
): boolean {
  if (!row) return false;
  for (const c of columns) if (parseNumber(row[c]) !== undefined) return true;
  return false;
}
