import {
  buildEstablishmentCostSheet,
  roughPounds,
} from "../../../src/core/report/establishment-cost";
import { makeAssumptions, makeEstablishment, makePost } from "../costing/factories";
import { cellAt, recalculate, rowIndexOf, tableHeaders } from "./restructure-spec-check";

const provenance = { generatedAt: "2025-01-15T10:00:00Z", version: "0.1.0" };

// Example 1's post twice over (£32,069.75 each) and example 3's shared row in 2024/25:
// 1.5 FTE × £20,000 = £30,000 by 3 people; NI 13.8% × (30,000 − 3 × 758 × 12) = £374.256 → £374.26;
// pension 19% £5,700; levy £150; total £36,224.26.
const establishment = makeEstablishment(
  [
    makePost({ title: "Family Support Worker", postId: "FS1", salary: 25000, headcount: 1 }),
    makePost({ title: "Family Support Worker", postId: "FS2", salary: 25000 }),
    makePost({ title: "Outreach Worker", postId: "OW1", salary: 20000, fte: 1.5, headcount: 3 }),
  ],
  {
    totals: [
      { sourceRow: 9, label: "TOTAL", kind: "grand-total", fte: 3.5, headcount: 6, cells: {} },
    ],
  }
);
const assumptions = makeAssumptions({ pensionRate: 0.19, vacancyFactor: 0.05 });

describe("Establishment Cost sheet", () => {
  const { sheet, summary } = buildEstablishmentCostSheet({
    establishment,
    assumptions,
    ...provenance,
  });

  it("quotes the headline figure reports use", () => {
    // 32,069.75 × 2 + 36,224.26 = £100,363.76; 5 people (1 + 1 assumed + 3), 3.5 FTE.
    expect(summary.headline).toBe(
      "5 staff, 3.5 FTE, costing £100,363.76 in 2024/25 (about £100k a year)"
    );
    expect(cellAt(sheet, "A1")).toMatchObject({ text: "Establishment cost 2024/25" });
    expect(summary.figures.find((f) => f.label === "Total cost")?.value).toBe(100363.76);
    // Vacancy 5% = £5,018.188 → £5,018.19; net £95,345.57.
    expect(summary.figures.find((f) => f.label === "Net cost")?.value).toBe(95345.57);
  });

  it("has one row per post with salary, NI, pension, levy and total, and SUM totals below", () => {
    expect(tableHeaders(sheet)[0]).toEqual([
      "Post",
      "Post ID",
      "Team",
      "Grade",
      "FTE",
      "Headcount",
      "Full-time salary",
      "Costed at",
      "Salary",
      "Employer NI",
      "Employer pension",
      "Apprenticeship levy",
      "Total cost",
    ]);
    const top = Number(/\d+/.exec(sheet.tables[0].range)![0]);
    const row3 = sheet.cells[top + 2].map((c) => (c && c.kind !== "text" ? c.value : c?.text));
    expect(row3).toEqual([
      "Outreach Worker",
      "OW1",
      "",
      "",
      1.5,
      3,
      20000,
      "Salary as given",
      30000,
      374.26,
      5700,
      150,
      36224.26,
    ]);
    expect(cellAt(sheet, `M${top + 4}`)).toMatchObject({
      formula: `=ROUND(SUM(M${top + 1}:M${top + 3}),2)`,
      value: 100363.76,
    });
  });

  it("reconciles FTE and headcount with the source TOTAL row and warns on a difference", () => {
    const r = rowIndexOf(sheet, "Headcount");
    expect(sheet.cells[r].map((c) => (c && c.kind !== "text" ? c.value : c?.text))).toEqual([
      "Headcount",
      5,
      6,
      -1,
    ]);
    expect(summary.warnings[0]).toBe(
      'Headcount of the posts costed (5) differs from the source\'s "TOTAL" row (6) by -1.'
    );
    expect(cellAt(sheet, "A4")).toMatchObject({ style: "warning" });
    const fte = rowIndexOf(sheet, "FTE");
    expect(sheet.cells[fte].map((c) => (c && c.kind !== "text" ? c.value : c?.text))).toEqual([
      "FTE",
      3.5,
      3.5,
      0,
    ]);
  });

  it("has every native formula recalculate to the value the core wrote", () => {
    const checks = recalculate(sheet);
    expect(checks.length).toBeGreaterThan(10);
    for (const c of checks)
      expect(Math.abs((c.actual as number) - (c.expected as number))).toBeLessThan(0.005);
  });

  it("shows flat on-costs as one column", () => {
    const flat = buildEstablishmentCostSheet({
      establishment,
      assumptions: { ...assumptions, onCostMode: "flat", flatOnCostRate: 0.28 },
      ...provenance,
    });
    expect(tableHeaders(flat.sheet)[0]).toContain("On-costs (flat 28%)");
    expect(tableHeaders(flat.sheet)[0]).not.toContain("Employer NI");
    for (const c of recalculate(flat.sheet))
      expect(Math.abs((c.actual as number) - (c.expected as number))).toBeLessThan(0.005);
  });

  it("rounds headline money the way reports quote it", () => {
    expect(roughPounds(5312345.67)).toBe("£5.3m");
    expect(roughPounds(849999)).toBe("£850k");
  });
});
