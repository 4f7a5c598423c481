import fc from "fast-check";
import type { Localities } from "../../../src/core/model";
import { buildLocalitySharesSheet } from "../../../src/core/report/locality-shares";
import { SharesInputError } from "../../../src/core/shares";
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import { roundTo } from "../../../src/core/money";
import type { SheetSpec } from "../../../src/core/report/sheet-spec";
import { HF_CONFIG } from "../../functions/hyperformula-estab";
import { hfSheet } from "./live-harness";
import { cellAt, rowIndexOf, tableHeaders } from "./restructure-spec-check";

/**
 * ROUND as Excel and LibreOffice do it (roundTo, tested against Excel's own results in
 * test/core/money): HyperFormula's ROUND is Math.round(x × 100) ÷ 100, which gives
 * 32418630.33 for 591.5 × 54807.49 = 32418630.334999997…, where Excel reads the product
 * to 15 digits (…335) and gives …34. Registered for this test file only (jest gives each
 * file its own modules).
 */
class ExcelRound extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: {
      method: "round",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };
  round(ast: { args: unknown[] }, state: unknown): unknown {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("ROUND"),
      (x: number, d: number) => roundTo(x, Math.trunc(d))
    );
  }
}
HyperFormula.unregisterFunction("ROUND");
HyperFormula.registerFunctionPlugin(ExcelRound);

/**
 * Each native formula's value recalculated by HyperFormula next to the value the core
 * wrote. smartRounding off (as Excel and LibreOffice: full doubles): the need index and
 * exact quota are unrounded products and sums, compared to the last bit.
 */
function recalculate(spec: SheetSpec): { address: string; actual: unknown; expected: unknown }[] {
  const hf = HyperFormula.buildFromArray(hfSheet(spec, "shareable"), HF_CONFIG);
  const out = spec.cells.flatMap((row, r) =>
    row.flatMap((cell, c) =>
      cell?.kind === "formula"
        ? [
            {
              address: `${String.fromCharCode(65 + c)}${r + 1}`,
              actual: hf.getCellValue({ sheet: 0, row: r, col: c }) ?? "",
              expected: cell.value,
            },
          ]
        : []
    )
  );
  hf.destroy();
  return out;
}

// DOMAIN.md worked example 9.
const localities: Localities = {
  sheet: "Localities",
  range: "A1:D4",
  localities: [
    { sourceRow: 1, name: "A", population: 10000, deprivation: 0.2, demand: 300, cells: {} },
    { sourceRow: 2, name: "B", population: 20000, deprivation: 0.1, demand: 300, cells: {} },
    { sourceRow: 3, name: "C", population: 10000, deprivation: 0.3, demand: 400, cells: {} },
  ],
};
const assumptions = {
  localityWeights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
  allocationUnit: 0.1,
  allocationTotalFte: 20,
};
const base = { localities, assumptions, generatedAt: "2025-06-01", version: "0.1.0" };

describe("locality shares sheet", () => {
  const { sheet, summary, result } = buildLocalitySharesSheet({ ...base, costPerFte: 45000 });

  it("allocates worked example 9 exactly: A 5.4, B 7.9, C 6.7", () => {
    expect(result.fte).toEqual([5.4, 7.9, 6.7]);
    expect(result.cost).toEqual([243000, 355500, 301500]);
  });

  it("lays out settings, weights and the locality table with totals and a check", () => {
    expect(sheet.key).toBe("shares");
    expect(sheet.name).toBe("Locality shares");
    expect(cellAt(sheet, "A1")).toMatchObject({
      text: "Needs-led locality shares",
      style: "title",
    });
    expect(cellAt(sheet, "A2")).toMatchObject({
      text: "Source: Localities!A1:D4 · Establishment Costing 0.1.0 · built 1 June 2025",
    });
    // Shareable: no formula uses the FTE to share out or the unit to allocate (the
    // allocation is figures), so they are plain figures, not input cells.
    expect(cellAt(sheet, "B5")).toEqual({ kind: "number", value: 20, format: "fte" });
    expect(cellAt(sheet, "B6")).toEqual({ kind: "number", value: 0.1, format: "fte" });
    expect(sheet.tables).toEqual([
      { name: "ShareWeights", range: "A9:C13" },
      { name: "LocalityShares", range: "A16:M19" },
    ]);
    const headers = tableHeaders(sheet);
    headers.forEach((h) => expect(new Set(h).size).toBe(h.length));
    expect(headers[1]).toEqual([
      "Locality",
      "Population 0–19",
      "Deprivation rate",
      "Deprivation-weighted population",
      "Demand",
      "Population share",
      "Deprivation share",
      "Demand share",
      "Equal share",
      "Need index",
      "Share before rounding",
      "FTE allocated",
      "Cost (a year)",
    ]);
    expect(cellAt(sheet, "A17")).toMatchObject({ kind: "text", text: "A" });
    expect(cellAt(sheet, "D17")).toMatchObject({ value: 2000 });
    expect((cellAt(sheet, "J17") as { value: number }).value).toBeCloseTo(0.270714, 6);
    expect(cellAt(sheet, "L18")).toMatchObject({ kind: "number", value: 7.9, format: "fte" });
    expect(cellAt(sheet, "L20")).toEqual({
      kind: "formula",
      formula: "=ROUND(SUM(L17:L19),6)",
      value: 20,
      format: "fte",
      style: "total",
    });
    expect(cellAt(sheet, "M20")).toMatchObject({
      formula: "=ROUND(SUM(M17:M19),2)",
      value: 900000,
    });
    expect(cellAt(sheet, "J20")).toMatchObject({ value: 1 });
    expect(cellAt(sheet, "B21")).toMatchObject({ formula: "=ROUND(L20-B5,6)", value: 0 });
    expect(cellAt(sheet, "B22")).toMatchObject({ value: "Adds up exactly" });
    expect(sheet.freeze).toEqual({ rows: 16, columns: 1 });
  });

  it("works out each locality's weighted population and cost as native formulas", () => {
    expect(cellAt(sheet, "D17")).toEqual({
      kind: "formula",
      formula: "=B17*C17",
      value: 2000,
      format: "integer",
    });
    // The need index and exact quota are unrounded: values here, native formulas in live mode.
    expect(cellAt(sheet, "J18")).toEqual({
      kind: "number",
      value: result.need.needIndex[1],
      format: "percent",
    });
    expect(cellAt(sheet, "K19")).toEqual({
      kind: "number",
      value: 20 * result.need.needIndex[2],
      format: "fte",
    });
    expect(cellAt(sheet, "M17")).toEqual({
      kind: "formula",
      formula: "=ROUND(L17*$B$7,2)",
      value: 243000,
      format: "money",
    });
    // The figures they read are typed in (settings, weights used, localities) or, for the
    // shares and FTE allocated, the core's (live mode gives those ESTAB formulas).
    expect(cellAt(sheet, "B7")).toMatchObject({ kind: "number", value: 45000 });
    expect(cellAt(sheet, "C10")).toMatchObject({ kind: "number", value: 0.5 });
    expect(cellAt(sheet, "L17")).toMatchObject({ kind: "number", value: 5.4 });
    expect(result.quotas).toEqual(result.need.needIndex.map((x) => 20 * x));
  });

  it("rounds the cost to the penny as Excel does, also on a product a hair under a half penny", () => {
    // 591.5 FTE × £54,807.49 = 32,418,630.334999997…: Excel's ROUND reads it as …335 → …34.
    const r = buildLocalitySharesSheet({
      ...base,
      costPerFte: 54807.49,
      localities: {
        ...localities,
        localities: [
          { ...localities.localities[0], population: 0, deprivation: 0, demand: 1 },
          { ...localities.localities[1], population: 0, deprivation: 0, demand: 0 },
          { ...localities.localities[2], population: 1, deprivation: 0, demand: 0 },
        ],
      },
      assumptions: {
        localityWeights: { population: 0.4, deprivation: 0.3, demand: 0.2, equal: 0.1 },
        allocationUnit: 0.5,
        allocationTotalFte: 1109,
      },
    });
    expect(r.result.fte).toEqual([369.5, 148, 591.5]);
    expect(cellAt(r.sheet, "M19")).toMatchObject({
      formula: "=ROUND(L19*$B$7,2)",
      value: 32418630.34,
    });
    for (const c of recalculate(r.sheet))
      expect({ at: c.address, v: c.actual }).toEqual({ at: c.address, v: c.expected });
  });

  it("every native formula recalculates to exactly the value the core wrote", () => {
    const checks = recalculate(sheet);
    expect(checks.length).toBeGreaterThan(10);
    for (const c of checks)
      expect({ at: c.address, v: c.actual }).toEqual({ at: c.address, v: c.expected });
  });

  it("summarises", () => {
    expect(summary.headline).toBe(
      "20 FTE shared across 3 localities by need, in steps of 0.1 FTE; allocations add up exactly (£900,000.00 a year)"
    );
    expect(summary.figures.map((f) => [f.label, f.value])).toEqual([
      ["FTE shared out", 20],
      ["A: FTE", 5.4],
      ["B: FTE", 7.9],
      ["C: FTE", 6.7],
      ["Cost (a year)", 900000],
    ]);
    expect(summary.warnings).toEqual([]);
  });

  it("shares roles over localities with both totals exact and checks it in the sheet", () => {
    const r = buildLocalitySharesSheet({
      ...base,
      roles: [
        { name: "Social worker", fte: 12 },
        { name: "Family support", fte: 5.5 },
        { name: "Admin", fte: 2.5 },
      ],
    });
    const roles = r.result.roles!.allocation;
    expect(roles.localityTotals).toEqual([5.4, 7.9, 6.7]);
    expect(roles.cells.map((row) => Math.round(row.reduce((a, b) => a + b, 0) * 10) / 10)).toEqual([
      12, 5.5, 2.5,
    ]);
    expect(tableHeaders(r.sheet)[2]).toEqual(["Role", "Role FTE", "A", "B", "C", "Allocated"]);
    const check = r.sheet.cells[rowIndexOf(r.sheet, "Check: role and locality totals exact")][1];
    expect(check).toMatchObject({ value: "OK" });
    for (const c of recalculate(r.sheet))
      expect({ at: c.address, v: c.actual }).toEqual({ at: c.address, v: c.expected });
  });

  it("shares the establishment's roles across the localities, both totals exact, cost by the roles' own costs", () => {
    // 20 FTE over roles of 12, 5.5 and 2.43 FTE (19.93): quotas 12.042, 5.519, 2.439 FTE;
    // in tenths 120, 55, 24 rounded down, the tenth left to the largest remainder (0.42).
    const r = buildLocalitySharesSheet({
      ...base,
      costPerFte: 45000,
      establishmentRoles: [
        { name: "Social worker", fte: 12, cost: 12 * 52000 },
        { name: "Family support", fte: 5.5, cost: 5.5 * 31000 },
        { name: "Admin", fte: 2.43, cost: 2.43 * 24000 },
      ],
    });
    const roles = r.result.roles!;
    expect(roles.roles.map((x) => x.fte)).toEqual([12.1, 5.5, 2.4]);
    expect(roles.allocation.localityTotals).toEqual([5.4, 7.9, 6.7]);
    expect(tableHeaders(r.sheet)[2]).toEqual([
      "Role",
      "Role FTE",
      "A",
      "B",
      "C",
      "Allocated",
      "Cost per FTE",
    ]);
    const costRow = rowIndexOf(r.sheet, "Cost (a year) at each role's cost per FTE");
    const cells = roles.allocation.cells;
    const perFte = [52000, 31000, (2.43 * 24000) / 2.43];
    const byLocality = [0, 1, 2].map((j) =>
      roundTo(
        cells.reduce((sum, row, i) => sum + roundTo(row[j] * perFte[i], 2), 0),
        2
      )
    );
    expect(r.sheet.cells[costRow].slice(2, 6).map((c) => (c as { value: number }).value)).toEqual([
      ...byLocality,
      roundTo(byLocality[0] + byLocality[1] + byLocality[2], 2),
    ]);
    expect(r.sheet.cells[costRow][2]).toMatchObject({
      formula: `=ROUND(ROUND(C${costRow - 3}*$G$${costRow - 3},2)+ROUND(C${costRow - 2}*$G$${costRow - 2},2)+ROUND(C${costRow - 1}*$G$${costRow - 1},2),2)`,
    });
    const check = r.sheet.cells[rowIndexOf(r.sheet, "Check: role and locality totals exact")][1];
    expect(check).toMatchObject({ value: "OK" });
    expect(r.summary.warnings).toEqual([
      "By role: the roles' FTE are shared as whole 0.1 FTE units adding up to the 20 FTE shared out (in proportion to each role's FTE, the steps left over after rounding down going to the roles that lost most): Social worker 12 → 12.1, Admin 2.43 → 2.4.",
    ]);
    for (const c of recalculate(r.sheet))
      expect({ at: c.address, v: c.actual }).toEqual({ at: c.address, v: c.expected });
  });

  it("shares the establishment's FTE to the nearest unit when no total is set, with a warning", () => {
    const r = buildLocalitySharesSheet({
      ...base,
      assumptions: { ...assumptions, allocationTotalFte: undefined },
      establishmentFte: 192.43,
    });
    expect(r.result.total).toBe(192.4);
    expect(r.summary.warnings[0]).toMatch(
      /192.43 FTE is not a whole number of 0.1 FTE units; 192.4 FTE/
    );
    expect(r.sheet.cells.some((row) => row[0]?.style === "warning")).toBe(true);
  });

  it("shares a set total that is not whole units to the nearest unit, saying so", () => {
    // 20.05 in steps of 0.1 is a tie: half away from zero, as Excel's ROUND, is 20.1.
    const r = buildLocalitySharesSheet({
      ...base,
      assumptions: { ...assumptions, allocationTotalFte: 20.05 },
    });
    expect(r.result.total).toBe(20.1);
    expect(r.result.rounded).toEqual({ given: 20.05, from: "assumption" });
    expect(r.result.fte.reduce((a, b) => a + b * 10, 0)).toBeCloseTo(201, 9);
    expect(cellAt(r.sheet, "B5")).toMatchObject({ value: 20.1 });
    expect(r.summary.warnings).toEqual([
      "The FTE to share out 20.05 FTE is not a whole number of 0.1 FTE units; 20.1 FTE was shared out (the nearest whole number of units). Change 'FTE to share out' or 'Allocation unit (FTE)' to choose the figure.",
    ]);
    const half = buildLocalitySharesSheet({
      ...base,
      assumptions: { ...assumptions, allocationUnit: 0.5, allocationTotalFte: 23.3 },
    });
    expect(half.result.total).toBe(23.5);
    expect(half.result.fte).toEqual([6.5, 9, 8]);
    expect(half.sheet.cells[rowIndexOf(half.sheet, "Check")][1]).toMatchObject({
      value: "Adds up exactly",
    });
  });

  it("refuses roles that disagree with the total, and a negative total", () => {
    expect(() => buildLocalitySharesSheet({ ...base, roles: [{ name: "X", fte: 19 }] })).toThrow(
      /roles add up to 19 FTE but the FTE to share out is 20/
    );
    expect(() =>
      buildLocalitySharesSheet({ ...base, assumptions: { ...assumptions, allocationTotalFte: -1 } })
    ).toThrow(SharesInputError);
  });

  it("scales weights that do not add up to 100% and shows both", () => {
    const r = buildLocalitySharesSheet({
      ...base,
      assumptions: {
        ...assumptions,
        localityWeights: { population: 50, deprivation: 30, demand: 20, equal: 0 },
      },
    });
    expect(r.result.fte).toEqual([5.4, 7.9, 6.7]);
    expect(r.summary.warnings[0]).toMatch(/scaled/);
    expect(cellAt(r.sheet, "B9")).toMatchObject({ value: 50 });
    expect(cellAt(r.sheet, "C9")).toMatchObject({ value: 0.5 });
  });
});

describe("each need column formatted by what it holds (issue 15)", () => {
  // IMD scores, as a localities table gives them: not rates, so never shown as 2140%.
  const imd: Localities = {
    ...localities,
    localities: [
      { ...localities.localities[0], deprivation: 21.4, demand: 12.5 },
      { ...localities.localities[1], deprivation: 35.2 },
      { ...localities.localities[2], deprivation: 12.8 },
    ],
  };
  // No cost per FTE: the localities' rows are 16 to 18.
  const r = buildLocalitySharesSheet({ ...base, localities: imd });
  const note = (sheet: SheetSpec) =>
    sheet.cells.flatMap((row) =>
      row[0]?.kind === "text" && row[0].text.startsWith("Deprivation is read as")
        ? [row[0].text]
        : []
    );

  it("shows an IMD score as the score, a demand with decimals as it is, and says the need index used scores", () => {
    expect(tableHeaders(r.sheet)[1].slice(1, 5)).toEqual([
      "Population 0–19",
      "Deprivation score",
      "Deprivation-weighted population",
      "Demand",
    ]);
    expect(cellAt(r.sheet, "C16")).toEqual({ kind: "number", value: 21.4, format: "general" });
    expect(cellAt(r.sheet, "E16")).toMatchObject({ value: 12.5, format: "general" });
    expect(cellAt(r.sheet, "B16")).toMatchObject({ value: 10000, format: "integer" });
    // Population × score: 10,000 × 21.4 = 214,000; 20,000 × 35.2 = 704,000; 10,000 × 12.8 = 128,000.
    expect(cellAt(r.sheet, "D16")).toMatchObject({ formula: "=B16*C16", value: 214000 });
    expect(r.result.need.deprivationShare).toEqual([
      214000 / 1046000,
      704000 / 1046000,
      128000 / 1046000,
    ]);
    expect(note(r.sheet)).toEqual([
      "Deprivation is read as a score, not a rate: a locality's figure is above 1 (e.g. an IMD score of 21.4), shown as the score. The need index weights each locality's population by its score as given (population × score), so only the scores' proportions between localities count.",
    ]);
  });

  it("shows an IDACI rate as a percentage and says so", () => {
    const rates = buildLocalitySharesSheet(base).sheet;
    expect(tableHeaders(rates)[1][2]).toBe("Deprivation rate");
    expect(cellAt(rates, "C16")).toMatchObject({ value: 0.2, format: "percent" });
    expect(cellAt(rates, "E16")).toMatchObject({ value: 300, format: "integer" });
    expect(note(rates)).toEqual([
      "Deprivation is read as a rate: every locality's figure is between 0 and 1 (e.g. IDACI 0.20), shown as a percentage.",
    ]);
  });
});

describe("locality shares sheet properties", () => {
  it("allocations add up exactly and every formula recalculates to the core's value", () => {
    const loc = fc.record({
      population: fc.integer({ min: 0, max: 50000 }),
      deprivation: fc.integer({ min: 0, max: 600 }).map((x) => x / 1000),
      demand: fc.integer({ min: 0, max: 2000 }),
    });
    fc.assert(
      fc.property(
        fc
          .array(loc, { minLength: 1, maxLength: 8 })
          .filter((ls) => ls.some((l) => l.population > 0)),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(1, 0.5, 0.1),
        fc.option(
          fc.integer({ min: 2000000, max: 6000000 }).map((p) => p / 100),
          { nil: undefined }
        ),
        (ls, units, unit, costPerFte) => {
          const total = Math.round(units * unit * 10) / 10;
          const r = buildLocalitySharesSheet({
            ...base,
            costPerFte,
            localities: {
              ...localities,
              localities: ls.map((l, i) => ({
                ...l,
                sourceRow: i + 1,
                name: `L${i + 1}`,
                cells: {},
              })),
            },
            assumptions: {
              localityWeights: { population: 0.4, deprivation: 0.3, demand: 0.2, equal: 0.1 },
              allocationUnit: unit,
              allocationTotalFte: total,
            },
          });
          const sumUnits = r.result.fte.reduce((s, f) => s + Math.round(f / unit), 0);
          expect(sumUnits).toBe(Math.round(total / unit));
          for (const c of recalculate(r.sheet)) expect(c.actual).toEqual(c.expected);
          expect(r.sheet.cells[rowIndexOf(r.sheet, "Check")][1]).toMatchObject({
            value: "Adds up exactly",
          });
        }
      ),
      { numRuns: 60 }
    );
  });
});
