/**
 * Live and shareable sheets. A live sheet's computed cells carry an ESTAB.* formula over
 * the workbook's own cells (each defined as the sheet is built: render.ts); "make
 * shareable" turns it back into values plus native formulas for colleagues without the
 * add-in, and withLiveFormulas gives the live sheet as a file writer writes it.
 */
import type { SheetSpec } from "./sheet-spec";

/**
 * Make shareable: the same sheet with every ESTAB formula dropped, leaving the values the
 * core computed and the native formulas (SUM totals, headroom), which any spreadsheet
 * recalculates to the same figures.
 */
export function makeShareable(sheet: SheetSpec): SheetSpec {
  return {
    ...sheet,
    cells: sheet.cells.map((row) =>
      row.map((c) => {
        if (!c || c.kind === "text" || c.live === undefined) return c;
        const { live: _live, ...rest } = c;
        return rest;
      })
    ),
  };
}

/** A cell formula that needs the add-in: any call into the ESTAB namespace. */
export const ESTAB_CALL = /(^|[^A-Za-z0-9_.])ESTAB\./i;

/**
 * A formula a shareable sheet cannot keep: a call into the ESTAB namespace (it needs the
 * add-in), or a reference to another sheet (the source table, the Assumptions sheet, the
 * scenario switch), which the values it stands beside no longer follow: kept, an edited
 * FTE or pension rate would move some figures and not others. A shareable sheet holds
 * values and formulas over its own cells only, as a shareable build writes it.
 */
export function followsInputs(formula: string): boolean {
  if (ESTAB_CALL.test(formula)) return true;
  // A "!" outside the formula's text literals is a reference to a cell of another sheet.
  return formula.replace(/"(?:[^"]|"")*"/g, '""').includes("!");
}

/**
 * The sheet as a live workbook holds it: each cell with a live formula becomes that
 * formula, with the value it gives as its cached value, so a writer that writes formulas
 * and values (the CLI's) writes the live sheet as the task pane does.
 */
export function withLiveFormulas(sheet: SheetSpec): SheetSpec {
  return {
    ...sheet,
    cells: sheet.cells.map((row) =>
      row.map((c) => {
        if (!c || c.kind === "text" || c.live === undefined) return c;
        return {
          kind: "formula",
          formula: c.live,
          value: c.value,
          format: c.format,
          style: c.style,
        };
      })
    ),
  };
}
