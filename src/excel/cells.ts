import { CELL_TEXT_MAX, type CellValue } from "../core/grid";
import { NUMBER_FORMATS } from "../core/report";
import type { SheetSpec, SpecCell } from "../core/report";
import { chartProblem } from "../core/report/charts";
import type { OutputMode } from "./marker";
import { retargetSheetRefs } from "./names";

/** Excel's number format for text: whatever is put in the cell stays text. */
export const TEXT_FORMAT = "@";

/**
 * One spec row as the three 2-D array rows Office.js takes. Order of writing matters:
 * formats first (so text cells are text-formatted before their text arrives), then
 * values, then formulas. `null` in a values row leaves the cell alone, which is how a
 * formula cell is skipped by the values write; text never goes through `formulas`.
 */
export interface LaidOutRow {
  values: (CellValue | null)[];
  formats: string[];
  /** Present only when the row has a formula; null for every non-formula cell. */
  formulas?: (string | null)[];
}

export interface LaidOutSheet {
  /** Columns written: the longest row's length (at least 1). */
  width: number;
  rows: LaidOutRow[];
}

/** A formula written into the sheet, or undefined when the cell is a value. */
function formulaFor(cell: SpecCell, mode: OutputMode): string | undefined {
  if (cell.kind === "text") return undefined;
  if (mode === "live" && cell.live !== undefined) return cell.live;
  return cell.kind === "formula" ? cell.formula : undefined;
}

function formatFor(cell: SpecCell): string {
  if (cell.kind === "text") return TEXT_FORMAT;
  return cell.format === undefined ? "" : NUMBER_FORMATS[cell.format];
}

/**
 * Spec cells → arrays. Sheet references to other output sheets are pointed at the
 * temporary names (see retargetSheetRefs).
 */
export function layOut(
  spec: SheetSpec,
  mode: OutputMode,
  renames: ReadonlyMap<string, string>
): LaidOutSheet {
  // reduce, not Math.max(...rows): spreading 100,000 arguments overflows the stack.
  const width = spec.cells.reduce((w, row) => Math.max(w, row.length), 1);
  const rows = spec.cells.map((row): LaidOutRow => {
    const values: (CellValue | null)[] = new Array<CellValue | null>(width).fill("");
    const formats: string[] = new Array<string>(width).fill("");
    let formulas: (string | null)[] | undefined;
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      formats[c] = formatFor(cell);
      const f = formulaFor(cell, mode);
      if (f === undefined) {
        values[c] = cell.kind === "text" ? cell.text : cell.value;
        return;
      }
      values[c] = null;
      formulas ??= new Array<string | null>(width).fill(null);
      formulas[c] = retargetSheetRefs(f, renames);
    });
    return formulas === undefined ? { values, formats } : { values, formats, formulas };
  });
  return { width, rows };
}

// Longer text than CELL_TEXT_MAX fails the whole batch in Excel.

/** Why Excel cannot hold `value` in a cell (it would fail the whole batch), or undefined. */
function valueProblem(value: CellValue): string | undefined {
  if (typeof value === "string" && value.length > CELL_TEXT_MAX) {
    return `${value.length} characters, more than the ${CELL_TEXT_MAX} Excel holds in a cell`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    return `${value} is not a number Excel can hold`;
  }
  return undefined;
}

/** The value, or an error naming the cell when Excel could not hold it (before anything is sent). */
export function checkCellValue(address: string, value: CellValue): CellValue {
  const problem = valueProblem(value);
  if (problem !== undefined) throw new Error(`${address}: ${problem}`);
  return value;
}

/** Checks a spec before anything is sent, so a malformed spec never half-writes. */
export function specProblems(spec: SheetSpec, mode: OutputMode): string[] {
  const problems: string[] = [];
  spec.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      const f = formulaFor(cell, mode);
      if (f !== undefined && !f.startsWith("=")) {
        problems.push(
          `${spec.name} row ${r + 1} column ${c + 1}: formula '${f}' must start with "="`
        );
      }
      // A formula's value is not written: Excel computes it.
      const written = cell.kind === "text" ? cell.text : cell.kind === "number" ? cell.value : "";
      const problem = valueProblem(written);
      if (problem !== undefined) {
        problems.push(`${spec.name} row ${r + 1} column ${c + 1}: ${problem}`);
      }
    })
  );
  for (const chart of spec.charts) {
    const problem = chartProblem(chart);
    if (problem !== undefined)
      problems.push(`${spec.name}: the chart '${chart.title}': ${problem}`);
  }
  return problems;
}

/** UTF-8 size of a string: what the request body costs on the wire. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Size of a value as it travels in the request: its JSON, in UTF-8 bytes. */
export const jsonBytes = (value: unknown): number => utf8Bytes(JSON.stringify(value));
