import { HyperFormula } from "hyperformula";
import type { SheetSpec, SpecCell } from "../../../src/core/report/sheet-spec";

/**
 * Shared by the restructure and locality-shares sheet tests: loads a SheetSpec into a
 * real formula engine (HyperFormula) and returns each formula's recalculated value next
 * to the value the core wrote, so a test can require them to be identical.
 */
export interface FormulaCheck {
  address: string;
  formula: string;
  expected: number | string;
  actual: unknown;
}

function toEngine(cell: SpecCell | null): string | number | null {
  if (cell === null) return null;
  if (cell.kind === "text") return `'${cell.text}`; // an apostrophe keeps text as text
  if (cell.kind === "number") return cell.value;
  return cell.formula;
}

const letters = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + letters(c % 26);

export function recalculate(spec: SheetSpec): FormulaCheck[] {
  const hf = HyperFormula.buildFromArray(
    spec.cells.map((row) => row.map(toEngine)),
    { licenseKey: "gpl-v3" }
  );
  const out: FormulaCheck[] = [];
  spec.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.kind !== "formula") return;
      const actual = hf.getCellValue({ sheet: 0, row: r, col: c });
      out.push({
        address: `${letters(c)}${r + 1}`,
        formula: cell.formula,
        expected: cell.value,
        actual: actual === null ? "" : actual,
      });
    })
  );
  hf.destroy();
  return out;
}

/** The cell at an A1 address. */
export function cellAt(spec: SheetSpec, address: string): SpecCell | null {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return spec.cells[Number(m[2]) - 1]?.[col] ?? null;
}

/** Text of every row's first cell, for finding rows by label. */
export function rowIndexOf(spec: SheetSpec, label: string): number {
  const i = spec.cells.findIndex((r) => r[0]?.kind === "text" && r[0].text === label);
  if (i < 0) throw new Error(`no row '${label}'`);
  return i;
}

/** Every table's header row is unique text. */
export function tableHeaders(spec: SheetSpec): string[][] {
  return spec.tables.map((t) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.range)!;
    const row = spec.cells[Number(m[2]) - 1];
    const first = m[1].charCodeAt(0) - 65;
    const last = [...m[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return row.slice(first, last + 1).map((c) => (c?.kind === "text" ? c.text : ""));
  });
}
