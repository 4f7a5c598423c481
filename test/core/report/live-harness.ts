/** Shared by the live-sheet tests: SheetSpecs as HyperFormula input, and cell-by-cell comparison. */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import type { SheetSpec } from "../../../src/core/report";

export type Raw = string | number | boolean | null;

/** A SheetSpec as HyperFormula input: live formula, else native formula, else value or text. */
export function hfSheet(spec: SheetSpec, mode: "live" | "shareable"): Raw[][] {
  return spec.cells.map((row) =>
    row.map((c) => {
      if (!c) return null;
      if (c.kind === "text") return c.text.startsWith("=") ? `'${c.text}` : c.text;
      if (mode === "live" && c.live) return c.live;
      return c.kind === "formula" ? c.formula : c.value;
    })
  );
}

/** Every number or formula cell of the spec (or those `only` picks) against the engine's value at the same place. */
export function compare(
  hf: HyperFormula,
  sheet: number | string,
  spec: SheetSpec,
  only?: (r: number, col: number) => boolean
): { got: unknown[]; want: unknown[] } {
  const id = typeof sheet === "number" ? sheet : (hf.getSheetId(sheet) as number);
  const got: unknown[] = [];
  const want: unknown[] = [];
  spec.cells.forEach((row, r) =>
    row.forEach((c, col) => {
      if (!c || c.kind === "text" || (only && !only(r, col))) return;
      const v = hf.getCellValue({ sheet: id, row: r, col });
      got.push({ r, col, v: v instanceof DetailedCellError ? `${v.value} ${v.message}` : v });
      want.push({ r, col, v: c.value });
    })
  );
  return { got, want };
}
