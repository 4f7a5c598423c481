import type { Establishment, Post } from "../../../src/core/model";
import { buildRestructureSheet } from "../../../src/core/report/restructure";
import { assumptions, post, simpleCostOf } from "../changes/fixtures";
import { recalculate } from "./restructure-spec-check";

/** Salary and FTE in columns E and F of a sheet named "Staff list", posts from row 4. */
function establishment(posts: Post[]): Establishment {
  return {
    sheet: "Staff list",
    range: "A3:H12",
    headerRow: 2,
    columns: { title: 0, grade: 1, salary: 4, fte: 5, proposedGrade: 6 },
    posts,
    totals: [],
  };
}

const build = (ps: Post[]) =>
  buildRestructureSheet({
    establishment: establishment(ps),
    assumptions,
    costOf: simpleCostOf,
    generatedAt: "2025-06-01",
    version: "0.1.0",
  });

describe("a restructure with posts it cannot cost (simple costing: salary × FTE + 25%)", () => {
  const posts = [
    // Costed: £40,000 → £50,000 a year both sides, unchanged.
    post({ sourceRow: 3, title: "Team Manager", grade: "SS11", salary: 40000 }),
    // Costed: £24,000 × 2 → × 3 FTE: +£30,000.
    post({
      sourceRow: 4,
      title: "Family Worker",
      grade: "SS08",
      salary: 24000,
      fte: 2,
      proposedFte: 3,
    }),
    // No salary now: no current cost (the simple costing has no pay scales).
    post({ sourceRow: 5, title: "Mentor", grade: "SS06", fte: 1, proposedFte: 1 }),
    // Agency now, permanent proposed at a new grade with no salary: no proposed cost.
    post({
      sourceRow: 6,
      title: "Social Worker",
      grade: "SS09",
      salary: 38000,
      proposedGrade: "SS10",
      contractType: "agency",
      proposedContractType: "permanent",
      agencyHourlyRate: 35,
      hoursPerWeek: 37,
    }),
  ];
  const { sheet, summary, result } = build(posts);

  it("lists the posts without a cost, by side, and the effect of the others", () => {
    expect(result.uncosted.map((p) => [p.title, p.noCost])).toEqual([
      ["Mentor", ["current", "proposed"]],
      ["Social Worker", ["proposed"]],
    ]);
    expect(result.costedEffect.fullYear).toBe(30000);
    // The agency post's £67,340 a year is not a saving against a post with no cost.
    expect(result.agencyConversions).toEqual([]);
    expect(result.agencySaving).toBe(0);
  });

  it("headlines what is missing, with the cells, and no net figure", () => {
    // Part-year from 1 October 2025: 182 of 365 days of £30,000 = £14,958.90.
    expect(summary.headline).toBe(
      "Incomplete: 1 current and 2 proposed posts have no salary or grade to cost ('Staff list'!E6, G7); full-year effect of the costed posts £30,000.00 (additional resource); £14,958.90 in 2025/26; management cost down 0%"
    );
  });

  it("writes the costed figures as formulas that recalculate to the core's", () => {
    const checks = recalculate(sheet);
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c.actual).toEqual(c.expected);
    const labels = sheet.cells.map((r) => (r[0]?.kind === "text" ? r[0].text : ""));
    expect(labels).toContain("Full-year effect of the costed posts");
    expect(labels).toContain("Part-year effect of the costed posts in 2025/26");
    expect(labels.filter((l) => /^Net (saving|additional resource)/.test(l))).toEqual([]);
  });
});
