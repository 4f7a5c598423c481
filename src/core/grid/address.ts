import type { CellPosition, Grid } from "./grid";
import { isErrorValue, positionIn } from "./grid";

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0) throw new RangeError(`bad column index ${column}`);
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`bad column letters '${letters}'`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** {row: 6, column: 4} → "E7". */
export function toA1(position: CellPosition): string {
  return `${columnLetters(position.column)}${position.row + 1}`;
}

/** "E7" or "$E$7" → {row: 6, column: 4}. */
export function fromA1(address: string): CellPosition {
  // Read character by character: every live figure's text check reads a cell's address,
  // and a regular expression's match was most of the time and the memory it took.
  const a = address.trim();
  let i = a.charCodeAt(0) === DOLLAR ? 1 : 0;
  let column = 0;
  const lettersFrom = i;
  for (let c = upper(a.charCodeAt(i)); c >= 65 && c <= 90; c = upper(a.charCodeAt(++i)))
    column = column * 26 + (c - 64);
  const letters = i - lettersFrom;
  if (a.charCodeAt(i) === DOLLAR) i++;
  const digitsFrom = i;
  let row = 0;
  for (let c = a.charCodeAt(i); c >= 48 && c <= 57; c = a.charCodeAt(++i))
    row = row * 10 + (c - 48);
  if (letters < 1 || letters > 3 || i === digitsFrom || i !== a.length)
    throw new RangeError(`'${address}' is not an A1 cell address`);
  return { row: row - 1, column: column - 1 };
}

const DOLLAR = 36;
/** A letter's code in upper case (a–z → A–Z); any other code as it is. */
const upper = (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c);

/** "A1:C3" from two corners. */
export function rangeA1(topLeft: CellPosition, bottomRight: CellPosition): string {
  return `${toA1(topLeft)}:${toA1(bottomRight)}`;
}

/** Parses "A1:C3" (or a single cell) into its corners. */
export function parseRangeA1(range: string): { start: CellPosition; end: CellPosition } {
  const [a, b] = range.split(":");
  const start = fromA1(a);
  return { start, end: b === undefined ? start : fromA1(b) };
}

/** The top-left cell of "A3:H40" ("A3"): where an issue about a whole table is put. */
export function topLeftOf(range: string): string {
  return toA1(parseRangeA1(range).start);
}

/** A sheet name as Excel writes it inside a reference: quoted when it is not a plain word. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet1!E7", the address users see in messages and can paste into the Name Box. */
export function sheetAddress(sheet: string, position: CellPosition): string {
  return `${quoteSheetName(sheet)}!${toA1(position)}`;
}

/** A1 address of grid cell [r][c] on its sheet. */
export function cellA1(grid: Grid, r: number, c: number): string {
  return toA1(positionIn(grid, r, c));
}

/**
 * Whether the cell at `address` on `sheet` holds text, read from the sheets' grids (a
 * table's grid repeats its sheet's cells, so sheets are enough). A sheet may come as
 * several grids, one per region of values: the one holding the cell is read.
 */
export function holdsText(grids: readonly Grid[], sheet: string, address: string): boolean {
  const at = fromA1(address);
  const grid = grids.find(
    (g) =>
      g.sheet === sheet &&
      g.table === undefined &&
      at.row >= g.origin.row &&
      at.row < g.origin.row + g.values.length &&
      at.column >= g.origin.column &&
      at.column < g.origin.column + (g.values[at.row - g.origin.row]?.length ?? 0)
  );
  const value = grid?.values[at.row - grid.origin.row]?.[at.column - grid.origin.column];
  return typeof value === "string" && value !== "" && !isErrorValue(value);
}
