import { parseRangeA1, quoteSheetName } from "../../grid";
import type { Localities, LocalityWeights } from "../../model";
import { allocateExact, needIndex } from "../../shares";
import type { NumberCell, SheetSpec } from "../sheet-spec";
import { cellText, numberText, tableRows, type LiveOutcome, type LiveSource } from "./common";

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

/** Locality shares sheet: each locality's need index and FTE allocated. */
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
  const needCol = header.findIndex((c) => cellText(c).trim() === "Need index");
  const fteCol = header.findIndex((c) => cellText(c).trim() === "FTE allocated");
  const cells = sheet.cells.map((r) => [...r]);
  const n = src.localities.length;
  const dataRow = (i: number) => cells[rows.first + i];
  const w = a.localityWeights;
  const need = `ESTAB.NEEDINDEX(${ranges.join(",")},{${[w.population, w.deprivation, w.demand, w.equal].map(numberText).join(",")}})`;
  const index = needIndex(
    src.localities.map((l) => l.population),
    src.localities.map((l) => l.deprivation),
    src.localities.map((l) => l.demand),
    w
  );
  // The total shared is what the allocations add up to (exactly, by construction).
  const fteCells = Array.from({ length: n }, (_, i) => dataRow(i)?.[fteCol]);
  const total = Number(
    fteCells
      .reduce(
        (sum, c) => sum + (c && c.kind !== "text" && typeof c.value === "number" ? c.value : 0),
        0
      )
      .toFixed(9)
  );
  const allocated = allocateExact(total, index, a.allocationUnit);
  const notLive: string[] = [];
  let liveCells = 0;
  const setLive = (i: number, col: number, live: string, expected: number, what: string) => {
    const cell = dataRow(i)?.[col];
    if (!cell || cell.kind !== "number") return;
    if (cell.value !== expected) {
      notLive.push(
        `${src.localities[i].name} ${what}: the formula would not give the sheet's figure`
      );
      return;
    }
    dataRow(i)[col] = { ...cell, live } satisfies NumberCell;
    liveCells++;
  };
  // Each measure's share is the need index with all the weight on that measure.
  const ONE_MEASURE: ReadonlyArray<[string, LocalityWeights]> = [
    ["Population share", { population: 1, deprivation: 0, demand: 0, equal: 0 }],
    ["Deprivation share", { population: 0, deprivation: 1, demand: 0, equal: 0 }],
    ["Demand share", { population: 0, deprivation: 0, demand: 1, equal: 0 }],
    ["Equal share", { population: 0, deprivation: 0, demand: 0, equal: 1 }],
  ];
  const shareColumns = ONE_MEASURE.flatMap(([h, weights]) => {
    const col = header.findIndex((c) => cellText(c).trim() === h);
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
    const col = header.findIndex((c) => cellText(c).trim() === h);
    return col < 0 ? [] : [{ col, h, field }];
  });
  for (let i = 0; i < n; i++) {
    for (const e of echoColumns) {
      const address = src.localities[i].cells[e.field];
      const value = src.localities[i][e.field];
      if (address && typeof value === "number")
        setLive(i, e.col, `=${quoteSheetName(src.sheet)}!${address}`, value, e.h.toLowerCase());
    }
    for (const sc of shareColumns)
      if (sc.values)
        setLive(i, sc.col, `=INDEX(${sc.formula},${i + 1})`, sc.values[i], sc.h.toLowerCase());
    if (needCol >= 0) setLive(i, needCol, `=INDEX(${need},${i + 1})`, index[i], "need index");
    if (fteCol >= 0)
      setLive(
        i,
        fteCol,
        `=INDEX(ESTAB.ALLOCATE(${numberText(total)},${need},${numberText(a.allocationUnit)}),${i + 1})`,
        allocated[i],
        "FTE allocated"
      );
  }
  return { sheet: { ...sheet, cells }, liveCells, notLive };
}
