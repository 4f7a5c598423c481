import { columnLetters, parseRangeA1, quoteSheetName, toA1 } from "../../grid";
import type { Establishment, Localities, LocalityWeights } from "../../model";
import { roundTo } from "../../money";
import { allocateExact, fromUnits, needIndex, WEIGHT_SUM_TOLERANCE } from "../../shares";
import { decimalsOf } from "../../shares/units";
import type { SheetSpec } from "../sheet-spec";
import { assumptionCell } from "../assumption-cells";
import { formula, numberText as plainNumber, type Expr } from "../expr";
import {
  cellText,
  numberText,
  setLive,
  tableRows,
  textNumberReason,
  type LiveOutcome,
  type LiveSource,
  type TextCell,
} from "./common";

/**
 * Locality shares sheet, live. The builder already writes the figures worked out on the
 * sheet itself as native formulas (deprivation-weighted population = population × rate,
 * need index = Σ weight used × share, exact quota = FTE to share out × need index, cost =
 * ROUND(FTE allocated × cost per FTE, 2)); this pass points the rest at the source tables:
 * the localities' figures, each one-measure share (ESTAB.NEEDINDEX), FTE allocated
 * (ESTAB.ALLOCATE over the FTE to share out and the need index column) and, when it is the
 * establishment's own total, the FTE to share out (a SUM over the posts' FTE cells).
 */

/** "Sheet!B2:B4" when the localities' cells for a field run down one column in order. */
function columnRange(
  src: Localities,
  field: "population" | "deprivation" | "demand"
): string | undefined {
  const addresses = src.localities.map((l) => l.cells[field]);
  if (addresses.some((x) => x === undefined)) return undefined;
  const first = parseRangeA1(addresses[0] as string).start;
  const inOrder = addresses.every((x, i) => {
    const p = parseRangeA1(x as string).start;
    return p.column === first.column && p.row === first.row + i;
  });
  if (!inOrder) return undefined;
  return `${quoteSheetName(src.sheet)}!${addresses[0]}:${addresses[addresses.length - 1]}`;
}

/** Excel's limits on one formula: 8,192 characters, 255 arguments to a function. */
const MAX_FORMULA = 8192;
const MAX_ARGS = 255;

/**
 * The establishment's total FTE shared out in whole units, as a formula over the posts'
 * FTE cells, and the value it gives. The posts' cells only (never a TOTAL or sub-total
 * row): runs of consecutive rows become one range each. The rounding is the builder's
 * (totalToShare): the sum to 6 decimals, then to the nearest whole unit. SUM skips an FTE
 * typed as text, so then it is why not.
 */
export function establishmentFteFormula(
  est: Establishment,
  unit: number,
  textCell?: TextCell
): { formula: string; value: number } | string {
  const runs: { column: number; from: number; to: number }[] = [];
  let sum = 0;
  for (const post of est.posts) {
    const address = post.cells.fte ?? post.cells.currentFte;
    if (!address) {
      if (post.fte === 0) continue; // a new post with no FTE cell adds nothing
      return `${post.title || "a post"} has no FTE cell to add up`;
    }
    sum += post.fte;
    const { row, column } = parseRangeA1(address).start;
    const last = runs[runs.length - 1];
    if (last && last.column === column && last.to === row - 1) last.to = row;
    else runs.push({ column, from: row, to: row });
  }
  if (runs.length === 0) return "the establishment has no FTE cells";
  const text = textNumberReason(
    textCell,
    est.posts.map((p) => ({
      sheet: est.sheet,
      address: p.cells.fte ?? p.cells.currentFte,
      what: `FTE of ${p.title || "a post"}`,
      value: p.fte,
    }))
  );
  if (text) return text;
  if (runs.length > MAX_ARGS) return `the posts' FTE cells are in ${runs.length} separate ranges`;
  const sheet = quoteSheetName(est.sheet);
  const ranges = runs.map((r) => {
    const from = toA1({ row: r.from, column: r.column });
    return r.from === r.to
      ? `${sheet}!${from}`
      : `${sheet}!${from}:${columnLetters(r.column)}${r.to + 1}`;
  });
  const u = numberText(unit);
  const formula =
    unit === 1
      ? `=ROUND(ROUND(SUM(${ranges.join(",")}),6),0)`
      : `=ROUND(ROUND(ROUND(SUM(${ranges.join(",")}),6)/${u},0)*${u},${decimalsOf(unit)})`;
  if (formula.length > MAX_FORMULA) return "the formula adding up the posts' FTE would be too long";
  // As Excel works it out: ROUND is roundTo (half away from zero, read to 15 digits).
  const units = roundTo(roundTo(sum, 6) / unit, 0);
  return { formula, value: unit === 1 ? units : fromUnits(units, unit) };
}

/** A column by its header text on a given header row, or -1. */
const columnByHeaderRow = (sheet: SheetSpec, headerRow: number, h: string): number =>
  (sheet.cells[headerRow] ?? []).findIndex((c) => cellText(c).trim() === h);

/** Zero-based row of the settings row labelled `label` (column A), or -1. */
/**
 * `='Establishment Cost'!L38/'Establishment Cost'!E36`: the net cost after the vacancy
 * factor over the total FTE, as the builder works out the average cost per FTE.
 */
function costPerFteFormula(cost: SheetSpec): { formula: string; value: number } | undefined {
  const rows = tableRows(cost, "EstablishmentCost");
  if (!rows) return undefined;
  const header = cost.cells[rows.header] ?? [];
  const fteCol = header.findIndex((c) => cellText(c).trim() === "FTE");
  const costCol = header.findIndex((c) => cellText(c).trim() === "Total cost");
  const rowOf = (label: string) =>
    cost.cells.findIndex((line, r) => r > rows.header && cellText(line[0]) === label);
  const totalRow = rowOf("Total");
  const netRow = rowOf("Net cost after vacancy factor");
  const fte = cost.cells[totalRow]?.[fteCol];
  const net = cost.cells[netRow]?.[costCol];
  if (fteCol < 0 || costCol < 0 || !fte || !net || fte.kind === "text" || net.kind === "text")
    return undefined;
  if (typeof fte.value !== "number" || typeof net.value !== "number" || fte.value === 0)
    return undefined;
  const ref = (r: number, c: number) =>
    `${quoteSheetName(cost.name)}!${toA1({ row: r, column: c })}`;
  return {
    formula: `=${ref(netRow, costCol)}/${ref(totalRow, fteCol)}`,
    value: net.value / fte.value,
  };
}

const settingRow = (sheet: SheetSpec, label: string): number =>
  sheet.cells.findIndex((r) => cellText(r[0]).trim() === label);

const absolute = (row: number, column: number): string => `$${columnLetters(column)}$${row + 1}`;

/** Locality shares sheet: each locality's figures, shares and FTE allocated. */
export function liveLocalityShares(sheet: SheetSpec, source: LiveSource): LiveOutcome {
  const { localities: src, assumptions: a } = source;
  if (!src)
    return { sheet, liveCells: 0, notLive: ["No localities table given to point the formulas at"] };
  const rows = tableRows(sheet, "LocalityShares");
  if (!rows) return { sheet, liveCells: 0, notLive: ["The sheet has no LocalityShares table"] };
  const ranges = [
    columnRange(src, "population"),
    columnRange(src, "deprivation"),
    columnRange(src, "demand"),
  ];
  if (ranges.some((r) => r === undefined))
    return {
      sheet,
      liveCells: 0,
      notLive: ["The localities' figures are not in one column each, in order"],
    };
  const header = sheet.cells[rows.header] ?? [];
  const column = (h: string) => header.findIndex((c) => cellText(c).trim() === h);
  const needCol = column("Need index");
  const fteCol = column("FTE allocated");
  const cells = sheet.cells.map((r) => [...r]);
  const n = src.localities.length;
  const dataRow = (i: number) => cells[rows.first + i];
  const numberAt = (r: number, c: number): number | undefined => {
    const cell = cells[r]?.[c];
    return cell && cell.kind !== "text" && typeof cell.value === "number" ? cell.value : undefined;
  };
  const notLive: string[] = [];
  let liveCells = 0;
  const setExactly = (r: number, col: number, live: string, expected: number, what: string) => {
    if (setLive(cells, r, col, { live }, what, notLive, expected)) liveCells++;
  };
  const setLocality = (i: number, col: number, live: string, expected: number, what: string) =>
    setExactly(rows.first + i, col, live, expected, `${src.localities[i].name} ${what}`);

  // The FTE to share out: the assumption as typed stays a value; the establishment's own
  // total becomes a SUM over the posts' FTE cells, so editing a post's FTE flows through.
  const totalRow = settingRow(sheet, "FTE to share out");
  const rolesTable = sheet.tables.some((t) => t.name === "RoleLocalityFte");
  if (totalRow >= 0 && a.allocationTotalFte === undefined && !rolesTable) {
    const est = source.establishment;
    const total = est
      ? establishmentFteFormula(est, a.allocationUnit, source.textCell)
      : "no establishment given";
    if (typeof total === "string") notLive.push(`FTE to share out: ${total}`);
    else setExactly(totalRow, 1, total.formula, total.value, "FTE to share out");
  }
  // Typed on the Assumptions sheet, it refers to that cell, so an edit there is shared out.
  const typed = assumptionCell(source.assumptionCells, "allocationTotalFte");
  if (totalRow >= 0 && a.allocationTotalFte !== undefined && !rolesTable && typed)
    setExactly(totalRow, 1, `=VALUE(${formula(typed)})`, a.allocationTotalFte, "FTE to share out");
  // The average cost per FTE: the Establishment Cost sheet's net cost ÷ its FTE, when that
  // sheet is built in the same run (the adapters point the reference at its final name).
  const costRow = settingRow(sheet, "Average cost per FTE (salary plus on-costs)");
  const costValue = costRow >= 0 ? numberAt(costRow, 1) : undefined;
  if (costValue !== undefined) {
    const average = source.establishmentCost && costPerFteFormula(source.establishmentCost);
    if (!average)
      notLive.push(
        "Average cost per FTE: the Establishment Cost sheet was not built with this one, so it is the figure when built (build both to make it live)"
      );
    else setExactly(costRow, 1, average.formula, average.value, "Average cost per FTE");
  }
  if (rolesTable)
    notLive.push("FTE by role and locality: controlled rounding has no cell function");

  // Each measure's share is the need index with all the weight on that measure.
  const ONE_MEASURE: ReadonlyArray<[string, LocalityWeights]> = [
    ["Population share", { population: 1, deprivation: 0, demand: 0, equal: 0 }],
    ["Deprivation share", { population: 0, deprivation: 1, demand: 0, equal: 0 }],
    ["Demand share", { population: 0, deprivation: 0, demand: 1, equal: 0 }],
    ["Equal share", { population: 0, deprivation: 0, demand: 0, equal: 1 }],
  ];
  const shareColumns = ONE_MEASURE.flatMap(([h, weights]) => {
    const col = column(h);
    if (col < 0) return [];
    let values: number[] | undefined;
    try {
      values = needIndex(
        src.localities.map((l) => l.population),
        src.localities.map((l) => l.deprivation),
        src.localities.map((l) => l.demand),
        weights
      );
    } catch {
      values = undefined;
    }
    const constant = `{${[weights.population, weights.deprivation, weights.demand, weights.equal].join(",")}}`;
    return [{ col, h, values, formula: `ESTAB.NEEDINDEX(${ranges.join(",")},${constant})` }];
  });
  // The figures as written on the localities table: references to its cells.
  const ECHO: ReadonlyArray<[string, "population" | "deprivation" | "demand"]> = [
    ["Population 0–19", "population"],
    ["Deprivation rate", "deprivation"],
    ["Demand", "demand"],
  ];
  const echoColumns = ECHO.flatMap(([h, field]) => {
    const col = column(h);
    return col < 0 ? [] : [{ col, h, field }];
  });
  // FTE allocated: Hamilton over the sheet's own FTE to share out and need index column,
  // exactly the core's call (allocateExact of the same total, indices and unit).
  const totalValue = totalRow >= 0 ? numberAt(totalRow, 1) : undefined;
  const index = Array.from({ length: n }, (_, i) =>
    needCol >= 0 ? numberAt(rows.first + i, needCol) : undefined
  );
  let allocated: number[] | undefined;
  if (fteCol >= 0 && totalValue !== undefined && index.every((x) => x !== undefined)) {
    try {
      allocated = allocateExact(totalValue, index as number[], a.allocationUnit);
    } catch {
      allocated = undefined;
    }
  }
  const needRange =
    needCol >= 0
      ? `${absolute(rows.first, needCol)}:${absolute(rows.first + n - 1, needCol)}`
      : undefined;
  // Need index = Σ weight used × share, in the core's order, over the "Weight used" cells
  // and the row's shares; exact quota = FTE to share out × need index. Native formulas,
  // live mode only: unrounded figures (see the builder).
  const weights = tableRows(sheet, "ShareWeights");
  const usedCol = weights ? columnByHeaderRow(sheet, weights.header, "Weight used") : -1;
  const shareCols = ["Population share", "Deprivation share", "Demand share", "Equal share"].map(
    column
  );
  const weightRows = weights ? [0, 1, 2, 3].map((k) => weights.first + k) : [];
  const weightValues = weightRows.map((r) => numberAt(r, usedCol));
  if (weights) liveWeights(weights.header, weightRows, usedCol);
  const canNeed =
    needCol >= 0 &&
    usedCol >= 0 &&
    weights !== undefined &&
    weights.last - weights.first + 1 >= 4 &&
    shareCols.every((c) => c >= 0) &&
    weightValues.every((w) => w !== undefined);
  const quotaCol = column("Exact FTE quota");

  /**
   * The weights: each given weight its Assumptions sheet cell (VALUE reads "50%" as typed),
   * each weight used the given one, or scaled by their sum when they do not add up to 100%,
   * as normaliseWeights does; so an edited weight flows into every need index.
   */
  function liveWeights(header: number, rowsAt: number[], used: number): void {
    const givenCol = columnByHeaderRow(sheet, header, "Weight given");
    const keys = ["population", "deprivation", "demand", "equal"] as const;
    const cellsOf = keys.map((k) => assumptionCell(source.assumptionCells, `localityWeights.${k}`));
    if (givenCol < 0 || used < 0 || cellsOf.some((c) => !c)) return;
    const given = rowsAt.map((r) => absolute(r, givenCol));
    const sum = `SUM(${given[0]}:${given[3]})`;
    keys.forEach((k, i) => {
      const label = `weight given: ${k}`;
      setExactly(
        rowsAt[i],
        givenCol,
        `=VALUE(${formula(cellsOf[i] as Expr)})`,
        a.localityWeights[k],
        label
      );
      const value = numberAt(rowsAt[i], used);
      if (value === undefined) return;
      setExactly(
        rowsAt[i],
        used,
        `=IF(ABS(${sum}-1)<=${plainNumber(WEIGHT_SUM_TOLERANCE)},${given[i]},${given[i]}/${sum})`,
        value,
        `weight used: ${k}`
      );
    });
  }
  for (let i = 0; i < n; i++) {
    const r = rows.first + i;
    if (canNeed) {
      const shares = shareCols.map((c) => numberAt(r, c));
      if (shares.every((x) => x !== undefined)) {
        const value = (weightValues as number[]).reduce(
          (sum, w, k) => (k === 0 ? w * (shares[0] as number) : sum + w * (shares[k] as number)),
          0
        );
        const text = shareCols
          .map((c, k) => `${absolute(weightRows[k], usedCol)}*${columnLetters(c)}${r + 1}`)
          .join("+");
        setLocality(i, needCol, `=${text}`, value, "need index");
      }
    }
    const need = needCol >= 0 ? numberAt(r, needCol) : undefined;
    if (quotaCol >= 0 && totalValue !== undefined && need !== undefined)
      setLocality(
        i,
        quotaCol,
        `=${absolute(totalRow, 1)}*${columnLetters(needCol)}${r + 1}`,
        totalValue * need,
        "exact FTE quota"
      );
  }
  for (let i = 0; i < n; i++) {
    for (const e of echoColumns) {
      const address = src.localities[i].cells[e.field];
      const value = src.localities[i][e.field];
      if (!address || typeof value !== "number") continue;
      // A figure typed as text ("14,820") would show as text: it stays a value.
      const text = textNumberReason(source.textCell, [
        { sheet: src.sheet, address, what: e.h.toLowerCase(), value },
      ]);
      if (text && dataRow(i)?.[e.col]?.kind === "number")
        notLive.push(`${src.localities[i].name} ${e.h.toLowerCase()}: ${text}`);
      else if (!text)
        setLocality(i, e.col, `=${quoteSheetName(src.sheet)}!${address}`, value, e.h.toLowerCase());
    }
    for (const sc of shareColumns)
      if (sc.values)
        setLocality(i, sc.col, `=INDEX(${sc.formula},${i + 1})`, sc.values[i], sc.h.toLowerCase());
    if (fteCol >= 0) {
      if (allocated && needRange)
        setLocality(
          i,
          fteCol,
          `=INDEX(ESTAB.ALLOCATE(${absolute(totalRow, 1)},${needRange},${numberText(a.allocationUnit)}),${i + 1})`,
          allocated[i],
          "FTE allocated"
        );
      else if (dataRow(i)?.[fteCol]?.kind === "number")
        notLive.push(
          `${src.localities[i].name} FTE allocated: no FTE to share out or need index figures to allocate by`
        );
    }
  }
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}
