/**
 * Live and shareable sheets. A live sheet's computed per-post cells carry an ESTAB.*
 * formula that reads the post's own cells on the establishment sheet, so the sheet
 * recalculates when the user edits the establishment; "make shareable" turns it back into
 * values plus native formulas for colleagues without the add-in. Both are pure passes
 * over a built SheetSpec, so the sheet builders stay as they are.
 *
 * A cell is made live only when the formula gives exactly the value the core wrote: the
 * pass works the figure out again the way the function will (same core call, same
 * inputs) and leaves any cell it cannot reproduce as a value, saying why.
 */
import type { SheetSpec } from "../sheet-spec";
import type { LiveOutcome, LiveSource } from "./common";
import { liveGrantCosting } from "./grant-costing";
import { liveRestructure } from "./restructure";

export { settingsConstant, type LiveOutcome, type LiveSource } from "./common";
export { gradeRangePay, type GradeRangePay } from "./pay";
export { awardsConstant, profileYearFormula } from "./formulas";

/**
 * Fills `live` on the computed per-post cells of a built sheet, from the establishment's
 * cell addresses. Sheets with no per-post figures the functions can give (yet) come back
 * unchanged, with a note in notLive.
 */
export function liveFormulas(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  // Establishment Cost and Locality shares define their live figures as they are built.
  if (sheet.key === "cost" || sheet.key === "shares")
    return {
      sheet,
      liveCells: 0,
      notLive: ["Build the sheet live: its figures are defined as it is built"],
    };
  if (sheet.key === "grant") return liveGrantCosting(sheet, source);
  if (sheet.key === "changes") return liveRestructure(sheet, source);
  return { sheet, liveCells: 0, notLive: [`The ${sheet.name} sheet has no live formulas yet`] };
}

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
