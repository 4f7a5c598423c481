import fc from "fast-check";
import type { Establishment, Post } from "../../../src/core/model";
import { buildRestructureSheet } from "../../../src/core/report/restructure";
import { assumptions, post, simpleCostOf } from "../changes/fixtures";
import { cellAt, recalculate, rowIndexOf, tableHeaders } from "./restructure-spec-check";

function establishment(posts: Post[]): Establishment {
  return { sheet: "Staff list", range: "A3:M12", headerRow: 2, columns: {}, posts, totals: [] };
}

const posts = [
  post({ title: "Team Manager", team: "East", grade: "SS11", salary: 40000 }),
  post({
    title: "Senior Practitioner",
    team: "East",
    grade: "SS10",
    salary: 36000,
    proposedFte: 0,
  }),
  post({
    title: "Family Worker",
    team: "East",
    grade: "SS08",
    salary: 24000,
    fte: 2,
    proposedFte: 3,
  }),
  post({ title: "Admin", team: "West", grade: "SS05", salary: 20000, fte: 1, proposedFte: 0.5 }),
  post({
    title: "Practice Lead",
    team: "West",
    grade: "SS10",
    salary: 36000,
    proposedGrade: "SS11",
    proposedSalary: 40000,
  }),
  post({
    title: "Social Worker",
    team: "West",
    grade: "SS09",
    salary: 38000,
    contractType: "agency",
    proposedContractType: "permanent",
    agencyHourlyRate: 35,
    hoursPerWeek: 37,
  }),
  post({ title: '=HYPERLINK("x")', grade: "SS07", salary: 22000, fte: 0, proposedFte: 1 }),
];

const build = (ps: Post[], a = assumptions) =>
  buildRestructureSheet({
    establishment: establishment(ps),
    assumptions: a,
    costOf: simpleCostOf,
    generatedAt: "2025-06-01",
    version: "0.1.0",
  });

describe("restructure sheet", () => {
  const { sheet, summary } = build(posts);

  it("lays out the posts table with unique headers and native totals below", () => {
    expect(sheet.key).toBe("changes");
    expect(sheet.name).toBe("Restructure");
    expect(cellAt(sheet, "A1")).toEqual({
      kind: "text",
      text: "Proposed versus current structure",
      style: "title",
    });
    expect(sheet.tables.map((t) => t.name)).toEqual([
      "RestructurePosts",
      "RestructureTeams",
      "RestructureAgency",
    ]);
    expect(sheet.tables[0].range).toBe("A5:P12");
    const headers = tableHeaders(sheet);
    headers.forEach((h) => expect(new Set(h).size).toBe(h.length));
    expect(headers[0]).toEqual([
      "Post",
      "Team",
      "Grade now",
      "Grade proposed",
      "Contract now",
      "Contract proposed",
      "FTE now",
      "FTE proposed",
      "FTE change",
      "Cost now (a year)",
      "Cost proposed (a year)",
      "Change (full year)",
      "Change (part year)",
      "Classification",
      "Management now",
      "Management proposed",
    ]);
    // Row 6: first post; row 13: totals.
    expect(cellAt(sheet, "A6")).toMatchObject({ kind: "text", text: "Team Manager" });
    expect(cellAt(sheet, "J7")).toMatchObject({ kind: "number", value: 45000, format: "money" });
    expect(cellAt(sheet, "N7")).toMatchObject({ kind: "text", text: "Deleted" });
    expect(cellAt(sheet, "A13")).toMatchObject({ kind: "text", text: "Total", style: "total" });
    expect(cellAt(sheet, "L13")).toEqual({
      kind: "formula",
      formula: "=ROUND(SUM(L6:L12),2)",
      value: -14840,
      format: "money",
      style: "total",
    });
    expect(cellAt(sheet, "M13")).toMatchObject({
      formula: "=ROUND(SUM(M6:M12),2)",
      value: -7399.68,
    });
    expect(cellAt(sheet, "G13")).toMatchObject({ formula: "=ROUND(SUM(G6:G12),6)", value: 7 });
    expect(sheet.freeze).toEqual({ rows: 5, columns: 1 });
  });

  it("gives every team figure as a native formula over the posts table, by team", () => {
    // Row 16: team header; East, West and "No team" on rows 17-19.
    expect(cellAt(sheet, "A17")).toMatchObject({ kind: "text", text: "East" });
    expect(cellAt(sheet, "B17")).toEqual({
      kind: "formula",
      formula: "=COUNTIF(B6:B12,A17)",
      value: 3,
      format: "integer",
    });
    expect(cellAt(sheet, "C18")).toMatchObject({
      formula: "=ROUND(SUMIF(B6:B12,A18,G6:G12),6)",
      value: 3,
    });
    expect(cellAt(sheet, "D17")).toMatchObject({
      formula: "=ROUND(SUMIF(B6:B12,A17,H6:H12),6)",
      value: 4,
    });
    expect(cellAt(sheet, "E18")).toMatchObject({ formula: "=ROUND(D18-C18,6)", value: -0.5 });
    expect(cellAt(sheet, "F19")).toMatchObject({
      formula: "=ROUND(SUMIF(B6:B12,A19,J6:J12),2)",
      value: 0,
    });
    expect(cellAt(sheet, "H17")).toMatchObject({
      formula: "=ROUND(SUMIF(B6:B12,A17,L6:L12),2)",
    });
    expect(cellAt(sheet, "I18")).toMatchObject({
      formula: "=ROUND(SUMIF(B6:B12,A18,M6:M12),2)",
    });
  });

  it("writes a team's figures as values when a criterion would not read its name as plain text", () => {
    const odd = ["1 Team", "Team*", "Jan 2025", "TRUE", "east", "East"].map((team, i) =>
      post({ title: `Post ${i}`, team, salary: 20000 })
    );
    const s = build(odd).sheet;
    const first = rowIndexOf(s, "Team") + 1;
    const kinds = odd.map((_, i) => s.cells[first + i][1]?.kind);
    expect(kinds).toEqual(["number", "number", "number", "number", "number", "number"]);
    const fine = build([post({ title: "P", team: "Team 1 (North)", salary: 20000 })]).sheet;
    expect(fine.cells[rowIndexOf(fine, "Team") + 1][1]?.kind).toBe("formula");
    for (const c of recalculate(s)) expect(c.actual).toEqual(c.expected);
  });

  it("writes management now / proposed of a management-grade post as a formula over its FTE", () => {
    // Team Manager (SS11) is management while it has FTE; Practice Lead becomes SS11.
    expect(cellAt(sheet, "O6")).toEqual({
      kind: "formula",
      formula: '=IF(G6>0.000000001,"Yes","No")',
      value: "Yes",
    });
    expect(cellAt(sheet, "P10")).toMatchObject({
      formula: '=IF(H10>0.000000001,"Yes","No")',
      value: "Yes",
    });
    expect(cellAt(sheet, "O10")).toEqual({ kind: "text", text: "No" });
  });

  it("writes a post title that looks like a formula as text", () => {
    expect(cellAt(sheet, "A12")).toEqual({ kind: "text", text: '=HYPERLINK("x")' });
  });

  it("every native formula recalculates to exactly the value the core wrote", () => {
    const checks = recalculate(sheet);
    expect(checks.length).toBeGreaterThan(20);
    for (const c of checks)
      expect({ at: c.address, f: c.formula, v: c.actual }).toEqual({
        at: c.address,
        f: c.formula,
        v: c.expected,
      });
  });

  it("gives key figures: net effect, management cost and its % change, agency saving", () => {
    const at = (label: string) => sheet.cells[rowIndexOf(sheet, label)][1];
    expect(at("Net saving (full-year effect, negative)")).toMatchObject({
      formula: "=L13",
      value: -14840,
    });
    expect(at("Part-year effect in 2025/26")).toMatchObject({ value: -7399.68 });
    expect(at("Management cost before")).toMatchObject({
      formula: '=ROUND(SUMIF(O6:O12,"Yes",J6:J12),2)',
      value: 50000,
    });
    expect(at("Management cost after")).toMatchObject({ value: 100000 });
    expect(at("Management cost change (%)")).toMatchObject({ value: 1, format: "percent" });
    expect(at("Agency conversions: saving a year")).toMatchObject({ value: 19840 });
    expect(at("Check: team totals equal post totals")).toMatchObject({ value: "OK" });
  });

  it("summarises for the task pane", () => {
    expect(summary.headline).toBe(
      "Net saving of £14,840.00 a year (full-year effect); £7,399.68 in 2025/26; management cost up 100%"
    );
    expect(summary.figures.find((f) => f.label === "Full-year effect")?.value).toBe(-14840);
    expect(summary.warnings).toEqual([]);
  });

  it("without an implementation date leaves out the part-year column and says why", () => {
    const s = build(posts, { ...assumptions, implementationDate: undefined }).sheet;
    expect(tableHeaders(s)[0]).not.toContain("Change (part year)");
    expect(s.cells.some((r) => r[0]?.kind === "text" && r[0].style === "warning")).toBe(true);
    for (const c of recalculate(s)) expect(c.actual).toEqual(c.expected);
  });

  it("with no agency posts says so instead of an empty table", () => {
    const s = build(posts.slice(0, 3)).sheet;
    expect(s.tables.map((t) => t.name)).toEqual(["RestructurePosts", "RestructureTeams"]);
    expect(rowIndexOf(s, "No agency posts are converted to employed posts.")).toBeGreaterThan(0);
  });
});

describe("restructure sheet properties", () => {
  it("formulas always recalculate to the core's values; totals equal the sum of parts", () => {
    const arb = fc.record({
      fte: fc.constantFrom(0, 0.5, 1, 1.37, 2, 0.6),
      proposedFte: fc.option(fc.constantFrom(0, 0.5, 1, 2.5, 0.81), { nil: undefined }),
      salary: fc.integer({ min: 1500000, max: 9000000 }).map((p) => p / 100),
      team: fc.constantFrom("A", "B", "C", undefined),
      grade: fc.constantFrom("SS08", "SS11"),
      proposedGrade: fc.option(fc.constantFrom("SS08", "SS11"), { nil: undefined }),
      contractType: fc.constantFrom("permanent" as const, "agency" as const, undefined),
      agencyHourlyRate: fc.option(
        fc.integer({ min: 2000, max: 6000 }).map((p) => p / 100),
        { nil: undefined }
      ),
      management: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arb, { minLength: 1, maxLength: 15 }), (rows) => {
        const r = build(rows.map((f, i) => post({ title: `Post ${i}`, ...f })));
        for (const c of recalculate(r.sheet)) expect(c.actual).toEqual(c.expected);
        // A post with FTE and no cost leaves the net figure to the posts that have one.
        const incomplete = r.result.uncosted.length > 0;
        const label = incomplete ? "Full-year effect of the costed posts" : "Full-year effect";
        const fye = r.summary.figures.find((f) => f.label === label)!.value;
        expect(fye).toBe(
          incomplete ? r.result.costedEffect.fullYear : r.result.totals.fullYearEffect
        );
      }),
      { numRuns: 40 }
    );
  });
});
