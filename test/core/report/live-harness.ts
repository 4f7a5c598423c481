/** Shared by the live-sheet tests: SheetSpecs as HyperFormula input, and cell-by-cell comparison. */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { Localities } from "../../../src/core/model";
import type { SheetSpec } from "../../../src/core/report";

export type Raw = string | number | boolean | null;

/** A SheetSpec as HyperFormula input: live formula, else native formula, else value or text. */
export function hfSheet(spec: SheetSpec, mode: "live" | "shareable"): Raw[][] {
  return spec.cells.map((row) =>
    row.map((c) => {
      if (!c) return null;
      // Text stays text, as the adapters write it ("19%" on the Assumptions sheet is not 0.19).
      if (c.kind === "text") return `'${c.text}`;
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

/** The cells of `spec` that must follow an edit: live, and (unless `liveOnly`) native formulas. */
export const recalculates =
  (spec: SheetSpec, liveOnly = false) =>
  (r: number, col: number): boolean => {
    const c = spec.cells[r]?.[col];
    if (!c || c.kind === "text") return false;
    return c.live !== undefined || (!liveOnly && c.kind === "formula");
  };

/** DOMAIN worked example 9's localities: the table as a sheet, and as the reader gives it. */
export const EXAMPLE9_LOCALITIES: Raw[][] = [
  ["Locality", "Population 0-19", "IDACI", "Referrals"],
  ["A", 10000, 0.2, 300],
  ["B", 20000, 0.1, 300],
  ["C", 10000, 0.3, 400],
];

export const example9Localities: Localities = {
  sheet: "Localities",
  range: "A1:D4",
  localities: EXAMPLE9_LOCALITIES.slice(1).map((r, i) => ({
    sourceRow: i + 1,
    name: String(r[0]),
    population: r[1] as number,
    deprivation: r[2] as number,
    demand: r[3] as number,
    cells: {
      name: `A${i + 2}`,
      population: `B${i + 2}`,
      deprivation: `C${i + 2}`,
      demand: `D${i + 2}`,
    },
  })),
};

/** A source sheet's values as a grid from A1. */
export const sheetGrid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

/**
 * The Assumptions sheet of the pay tests: 2025/26 for three years, pension 19%, four points
 * a grade, awards of 3% and 2.5% or £1,290, costed at `costingPoint` against `grant`.
 */
export const payAssumptionsGrid = (costingPoint: string, grant: number): Grid =>
  sheetGrid("Assumptions", [
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
    ["Years", 3],
    ["Employer pension rate", "19%"],
    ["Costing point", costingPoint],
    ["Points per grade", 4],
    ["Pay award 2026/27", "3%"],
    ["Pay award 2027/28", "2.5% or £1,290"],
    ["Grant amount", grant],
  ]);

/** The cell of the post's row (by title) under a header of one of the sheet's tables. */
export function cellOf(spec: SheetSpec, title: string, header: string, after = 0) {
  const headerRow = spec.cells.findIndex(
    (row, r) => r >= after && row.some((c) => c?.kind === "text" && c.text === header)
  );
  const col = spec.cells[headerRow].findIndex((c) => c?.kind === "text" && c.text === header);
  const r = spec.cells.findIndex(
    (row, i) => i > headerRow && row[0]?.kind === "text" && row[0].text === title
  );
  const c = spec.cells[r][col];
  return { r, col, live: c && c.kind !== "text" ? c.live : undefined, cell: c };
}

/** A source grid as HyperFormula rows from A1: text stays text, as in Excel ("19%" is not 0.19). */
export const hfGrid = (grid: Grid): Raw[][] =>
  grid.values.map((row) =>
    row.map((v) => (v === "" ? null : typeof v === "string" ? `'${v}` : (v as Raw)))
  );
