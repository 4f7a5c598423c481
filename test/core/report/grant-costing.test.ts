import { buildGrantCostingSheet } from "../../../src/core/report/grant-costing";
import type { SheetSpec } from "../../../src/core/report/sheet-spec";
import { d, makeAssumptions, makeEstablishment, makePost } from "../costing/factories";
import { cellAt, recalculate, rowIndexOf, tableHeaders } from "./restructure-spec-check";

const provenance = { generatedAt: "2025-01-15T10:00:00Z", version: "0.1.0" };

function expectFormulasAgree(sheet: SheetSpec): void {
  const checks = recalculate(sheet);
  expect(checks.length).toBeGreaterThan(0);
  for (const c of checks) {
    if (typeof c.expected === "number") {
      expect({
        at: c.address,
        f: c.formula,
        v: Math.abs((c.actual as number) - c.expected) < 0.005,
      }).toEqual({
        at: c.address,
        f: c.formula,
        v: true,
      });
    } else {
      expect({ at: c.address, v: c.actual }).toEqual({ at: c.address, v: c.expected });
    }
  }
}

// Two posts, 2024/25 to 2025/26, grant 1 September 2024 to 31 March 2026 of £80,000.
// A: £25,000, 1 FTE, from 1 September 2024 (7 months, then a full year).
// B: £24,000, 2 FTE shared by 3, throughout.
const establishment = makeEstablishment([
  makePost({
    title: "Family Support Worker",
    postId: "FS1",
    team: "East",
    grade: "SS08",
    salary: 25000,
  }),
  makePost({
    title: "Family Support Worker",
    postId: "FS2",
    team: "West",
    grade: "SS08",
    salary: 24000,
    fte: 2,
    headcount: 3,
  }),
  makePost({ title: "Unit Manager", postId: "UM1", team: "East", grade: "SS11", salary: 31000 }),
]);
const assumptions = makeAssumptions({
  years: 2,
  pensionRate: 0.19,
  vacancyFactor: 0.02,
  exitCostWeeks: 4,
  grant: { name: "Supporting Families", amount: 250000, start: d(1, 9, 2024), end: d(31, 3, 2026) },
});

describe("Grant Costing sheet", () => {
  const { sheet, summary } = buildGrantCostingSheet({
    establishment,
    assumptions,
    groupBy: "team",
    ...provenance,
  });

  it("lays out title, window, provenance and a per-post table with FY columns", () => {
    expect(cellAt(sheet, "A1")).toMatchObject({
      kind: "text",
      text: "Grant costing: Supporting Families",
    });
    expect(cellAt(sheet, "A2")).toMatchObject({ kind: "text" });
    expect((cellAt(sheet, "A2") as { text: string }).text).toContain("01/09/2024 to 31/03/2026");
    expect((cellAt(sheet, "A3") as { text: string }).text).toBe(
      "Source: Establishment!A3:H40 · Establishment Costing 0.1.0 · built 15 January 2025, 10:00 UTC"
    );
    expect(sheet.tables.map((t) => t.name)).toEqual(["GrantCostPerPost", "GrantCostDetail"]);
    const headers = tableHeaders(sheet);
    expect(headers[0]).toEqual([
      "Post",
      "Post ID",
      "Team",
      "Grade",
      "FTE",
      "Headcount",
      "2024/25 total cost",
      "2025/26 total cost",
      "Total over the grant",
      "Exit-cost contingency (4 weeks)",
    ]);
    for (const h of headers) {
      expect(new Set(h).size).toBe(h.length);
      expect(h.every((x) => x.length > 0)).toBe(true);
    }
    // Grouped by team: East posts first.
    const tableRow = Number(/\d+/.exec(sheet.tables[0].range)![0]);
    expect(cellAt(sheet, `B${tableRow + 1}`)).toMatchObject({ text: "FS1" });
    expect(cellAt(sheet, `B${tableRow + 2}`)).toMatchObject({ text: "UM1" });
    expect(cellAt(sheet, `B${tableRow + 3}`)).toMatchObject({ text: "FS2" });
  });

  it("writes the per-post figures and SUM totals directly below the table", () => {
    // FS1 2024/25: 7 × £2,083.33 = £14,583.33; NI 7 × 13.8% × 1,325.33 = £1,280.27;
    // pension 19% = £2,770.83; levy £72.92; total £18,707.35.
    const top = Number(/\d+/.exec(sheet.tables[0].range)![0]);
    expect(cellAt(sheet, `G${top + 1}`)).toMatchObject({ kind: "number", value: 18707.35 });
    expect(cellAt(sheet, `I${top + 1}`)).toMatchObject({
      kind: "formula",
      formula: `=ROUND(SUM(G${top + 1}:H${top + 1}),2)`,
    });
    const totalRow = Number(/:[A-Z]+(\d+)/.exec(sheet.tables[0].range)![1]) + 1;
    expect(cellAt(sheet, `A${totalRow}`)).toMatchObject({ text: "Total cost" });
    expect(cellAt(sheet, `G${totalRow}`)).toMatchObject({
      kind: "formula",
      formula: `=ROUND(SUM(G${top + 1}:G${totalRow - 1}),2)`,
    });
    expect(cellAt(sheet, `A${totalRow + 1}`)).toMatchObject({ text: "Less vacancy factor" });
    expect(cellAt(sheet, `F${totalRow + 1}`)).toMatchObject({
      kind: "number",
      value: 0.02,
      format: "percent",
    });
    expect(cellAt(sheet, `G${totalRow + 1}`)).toMatchObject({
      formula: `=-ROUND(G${totalRow}*$F$${totalRow + 1},2)`,
    });
  });

  it("has every native formula recalculate (HyperFormula) to the value the core wrote", () => {
    expectFormulasAgree(sheet);
  });

  it("sets the grant against the costs: headroom, % used, status", () => {
    const statusRow = rowIndexOf(sheet, "Grant status");
    const status = sheet.cells[statusRow].find((c) => c?.kind === "formula");
    expect(status).toMatchObject({ value: "Within grant" });
    expect(summary.figures.find((f) => f.label === "Grant")?.value).toBe(250000);
    const headroom = summary.figures.find((f) => f.label === "Headroom")!.value;
    const commitment = summary.figures.find((f) => f.label === "Total commitment")!.value;
    expect(headroom).toBeCloseTo(250000 - commitment, 6);
    expect(summary.headline).toMatch(
      /^Supporting Families: £[\d,]+\.\d\d over 2024\/25 to 2025\/26 for 3 posts — within the grant/
    );
    expect(summary.warnings).toEqual([]);
  });

  it("warns in words and by formula when the grant is over-committed", () => {
    const small = { ...assumptions, grant: { ...assumptions.grant, amount: 100000 } };
    const over = buildGrantCostingSheet({ establishment, assumptions: small, ...provenance });
    expect((cellAt(over.sheet, "A4") as { text: string; style: string }).text).toMatch(
      /^WARNING: over-committed by £/
    );
    expect(cellAt(over.sheet, "A4")).toMatchObject({ style: "warning" });
    expect(over.summary.warnings[0]).toMatch(/over-committed/);
    const statusRow = rowIndexOf(over.sheet, "Grant status");
    expect(over.sheet.cells[statusRow].find((c) => c?.kind === "formula")).toMatchObject({
      value: "Over-committed",
    });
    expectFormulasAgree(over.sheet);
  });

  it("handles yearly grant amounts, flat on-costs and no exit costs", () => {
    const yearly = {
      ...assumptions,
      onCostMode: "flat" as const,
      flatOnCostRate: 0.3,
      exitCostWeeks: 0,
      grant: { name: "Supporting Families", amountsByYear: { 2024: 60000, 2025: 100000 } },
    };
    const built = buildGrantCostingSheet({ establishment, assumptions: yearly, ...provenance });
    expect(tableHeaders(built.sheet)[1]).toContain("2024/25 on-costs (flat 30%)");
    expect(() => rowIndexOf(built.sheet, "Headroom in year")).not.toThrow();
    expectFormulasAgree(built.sheet);
  });

  it("presents £k figures whose totals add up on the page", () => {
    const header = rowIndexOf(sheet, "£k");
    const label = (r: number) => (sheet.cells[r][0] as { text: string }).text;
    expect([1, 2, 3, 4, 5].map((i) => label(header + i))).toEqual([
      "Salary",
      "Employer NI",
      "Employer pension",
      "Apprenticeship levy",
      "Total cost",
    ]);
    for (const col of [6, 7, 8]) {
      const v = (r: number) => (sheet.cells[r][col] as { value: number }).value;
      const parts = v(header + 1) + v(header + 2) + v(header + 3) + v(header + 4);
      expect(v(header + 5)).toBeCloseTo(parts, 9);
    }
  });

  it("costs only the grant's posts when the table names their funding", () => {
    const mixed = makeEstablishment([
      makePost({ title: "Grant post", salary: 25000, funding: "supporting families" }),
      makePost({ title: "Core post", salary: 25000, funding: "Base budget" }),
    ]);
    const built = buildGrantCostingSheet({ establishment: mixed, assumptions, ...provenance });
    expect(built.summary.headline).toMatch(/for 1 post\b/);
  });

  it("works with no posts", () => {
    const built = buildGrantCostingSheet({
      establishment: makeEstablishment([]),
      assumptions,
      ...provenance,
    });
    expectFormulasAgree(built.sheet);
  });
});
