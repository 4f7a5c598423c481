/**
 * The Locality shares sheet's inputs as expressions: each locality's figures as cells of
 * the localities table, the FTE to share out (its Assumptions cell, or the posts' FTE
 * added up), the weights' cells, and the average cost per FTE over the Establishment Cost
 * sheet's cells. The sheet renders these; the live formulas are these printed.
 */
import { columnLetters, parseRangeA1, toA1 } from "../grid";
import type { Establishment, Localities, LocalityWeights } from "../model";
import { decimalsOf } from "../shares/units";
import { assumptionCell, type AssumptionCells } from "./assumption-cells";
import type { FigureAt } from "./establishment-cost";
import { needIndexCall } from "./estab-calls";
import {
  call,
  cellRef,
  div,
  formula,
  INDEX,
  numberValue,
  lit,
  mul,
  ROUND,
  sourceRef,
  SUM,
  toNumber,
  type Expr,
} from "./expr";
import { textNumberReason, type TextCell } from "./text-numbers";
import type { Definition } from "./post-inputs";

export type LocalityField = "population" | "deprivation" | "demand";

/** "Localities!B2:B4" holding the figures, when the localities' cells of a field run down one column in order. */
export function localityRange(src: Localities, field: LocalityField): Expr | undefined {
  // Deciles are read as 11 − decile: the cells are not the figures (see the note there).
  if (field === "deprivation" && src.deprivationFromDeciles) return undefined;
  const addresses = src.localities.map((l) => l.cells[field]);
  if (addresses.length === 0 || addresses.some((x) => x === undefined)) return undefined;
  const first = parseRangeA1(addresses[0] as string).start;
  const inOrder = addresses.every((x, i) => {
    const p = parseRangeA1(x as string).start;
    return p.column === first.column && p.row === first.row + i;
  });
  if (!inOrder) return undefined;
  const range = `${addresses[0]}:${addresses[addresses.length - 1]}`;
  return sourceRef(
    src.sheet,
    range,
    src.localities.map((l) => [l[field]])
  );
}

/** A locality's figure as written on the localities table: its cell (one typed as text stays a value). */
export function localityFigure(
  src: Localities,
  i: number,
  field: LocalityField,
  what: string,
  textCell?: TextCell
): Definition {
  const l = src.localities[i];
  const address = l.cells[field];
  if (field === "deprivation" && src.deprivationFromDeciles)
    return { reason: "its deprivation is 11 − the decile in its cell" };
  if (!address) return lit(l[field]);
  const text = textNumberReason(textCell, [{ sheet: src.sheet, address, what, value: l[field] }]);
  return text ? { reason: text } : sourceRef(src.sheet, address, l[field]);
}

/**
 * Each measure's share as ESTAB.NEEDINDEX with all the weight on that measure, over the
 * localities' ranges; one call per measure, each locality's cell an INDEX into it.
 */
export function oneMeasureShares(
  src: Localities,
  weights: LocalityWeights
): ((i: number) => Definition) | undefined {
  const ranges = [
    localityRange(src, "population"),
    localityRange(src, "deprivation"),
    localityRange(src, "demand"),
  ];
  if (ranges.some((r) => r === undefined)) return undefined;
  const [p, d, m] = ranges as Expr[];
  const w = lit([[weights.population, weights.deprivation, weights.demand, weights.equal]]);
  const index = needIndexCall(p, d, m, w);
  return (i) => INDEX(index, i + 1);
}

/** Excel's limits on one formula: 8,192 characters, 255 arguments to a function. */
const MAX_FORMULA = 8192;
const MAX_ARGS = 255;

/**
 * The establishment's total FTE shared out in whole units, as a formula over the posts'
 * FTE cells. The posts' cells only (never a TOTAL or sub-total row): runs of consecutive
 * rows become one range each. The rounding is the builder's (totalToShare): the sum to 6
 * decimals, then to the nearest whole unit. SUM skips an FTE typed as text, so then it
 * says why not.
 */
export function establishmentFteDefinition(
  est: Establishment,
  unit: Expr,
  textCell?: TextCell
): Definition {
  const runs: { column: number; from: number; to: number; fte: number[] }[] = [];
  for (const post of est.posts) {
    const address = post.cells.fte ?? post.cells.currentFte;
    if (!address) {
      if (post.fte === 0) continue; // a new post with no FTE cell adds nothing
      return { reason: `${post.title || "a post"} has no FTE cell to add up` };
    }
    const { row, column } = parseRangeA1(address).start;
    const last = runs[runs.length - 1];
    if (last && last.column === column && last.to === row - 1) {
      last.to = row;
      last.fte.push(post.fte);
    } else runs.push({ column, from: row, to: row, fte: [post.fte] });
  }
  if (runs.length === 0) return { reason: "the establishment has no FTE cells" };
  const text = textNumberReason(
    textCell,
    est.posts.map((p) => ({
      sheet: est.sheet,
      address: p.cells.fte ?? p.cells.currentFte,
      what: `FTE of ${p.title || "a post"}`,
      value: p.fte,
    }))
  );
  if (text) return { reason: text };
  if (runs.length > MAX_ARGS)
    return { reason: `the posts' FTE cells are in ${runs.length} separate ranges` };
  const ranges = runs.map((r) => {
    const from = toA1({ row: r.from, column: r.column });
    const address = r.from === r.to ? from : `${from}:${columnLetters(r.column)}${r.to + 1}`;
    return sourceRef(
      est.sheet,
      address,
      r.fte.map((x) => [x])
    );
  });
  const total = inWholeUnits(ROUND(SUM(...ranges), 6), unit);
  if (formula(total).length + 1 > MAX_FORMULA)
    return { reason: "the formula adding up the posts' FTE would be too long" };
  return total;
}

/**
 * An FTE to the nearest whole unit, as the builder shares it out (inWholeUnits):
 * ROUND(x / unit, 0) × unit, rounded to the unit's decimals (float noise off). A unit that
 * is a cell (it follows the Assumptions sheet) is rounded to 6 decimals, enough for any
 * unit the reader takes; the figure is checked against the core's either way.
 */
const inWholeUnits = (fte: Expr, unit: Expr): Expr =>
  unit.kind === "lit" && unit.value === 1
    ? ROUND(fte, 0)
    : ROUND(
        mul(ROUND(div(fte, unit), 0), unit),
        unit.kind === "lit" ? decimalsOf(numberValue(unit)) : 6
      );

/** VALUE(cell): a number setting typed as a number or as text ("30"), as Excel reads it. */
export const numberOf = (cell: Expr): Expr => call("VALUE", ([v]) => toNumber(v), cell);

/**
 * The FTE to share out as typed on the Assumptions sheet, to the nearest whole unit (so
 * 20.05 typed there is shared as 20.1, as a fresh build shares it); the figure itself when
 * it has no cell there.
 */
export function typedTotalDefinition(
  ac: AssumptionCells | undefined,
  total: number,
  unit: Expr
): Definition {
  const cell = assumptionCell(ac, "allocationTotalFte");
  return cell ? inWholeUnits(numberOf(cell), unit) : lit(total);
}

/** The average cost per FTE: the Establishment Cost sheet's net cost ÷ its total FTE, as the build works it out. */
export function costPerFteDefinition(
  cost: { fte: FigureAt; netCost: FigureAt } | undefined
): Definition {
  if (!cost)
    return {
      reason:
        "the Establishment Cost sheet was not built with this one, so it is the figure when built (build both to make it live)",
    };
  const at = (f: FigureAt) => cellRef(f.address, lit(f.value), f.sheet);
  return div(at(cost.netCost), at(cost.fte));
}

/** A figure on this sheet as a formula refers to it: its address and the value written there. */
export const onSheet = (address: string, value: number | number[][]): Expr =>
  cellRef(address, lit(value));
