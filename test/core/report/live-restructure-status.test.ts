/**
 * The live Restructure sheet over a one-table restructure typed with a dated Status and a
 * dash beside "No change" (brief t5s): in a real formula engine the live figures must come
 * out as the shareable sheet has them: the dated post's part-year effect from its own date,
 * the dash read as no change (the FTE now), not as the 0 that N("-") would give.
 */
import { compare, hfSheet, type Raw } from "./live-harness";
import { serialOf } from "../../../src/core/dates";
import { readEstablishment } from "../../../src/core/read";
import { defaultAssumptions } from "../../../src/core/read/assumptions";
import { annualCostOf } from "../../../src/core/changes";
import { buildRestructureSheet } from "../../../src/core/report/restructure";
import { makeShareable } from "../../../src/core/report/shareable";
import { estabWorkbook } from "../../functions/hyperformula-estab";
import { grid } from "../read/helpers";

const SHEET = "Restructure plan";
const ROWS: Raw[][] = [
  ["Position", "Salary", "Current FTE", "Proposed FTE", "Status"],
  ["Social Worker", 40000, 1, null, "Deleted from 01/10/2025"],
  ["Team Manager", 52000, 1, "-", "No change"],
  ["Business Support", 24000, 1, 0.5, null],
];
const a = {
  ...defaultAssumptions(2025),
  onCostMode: "flat" as const,
  flatOnCostRate: 0.3,
  costingPoint: "actual" as const,
  implementationDate: serialOf(2025, 7, 1),
};

describe("live Restructure sheet of a dated Status and a dash beside No change", () => {
  // The reader's blank cells are "" (HyperFormula's are null).
  const cells = ROWS.map((row) => row.map((v) => v ?? ""));
  const est = readEstablishment({ grids: [grid(SHEET, cells)] }).establishment!;
  const built = buildRestructureSheet({
    establishment: est,
    assumptions: a,
    costOf: annualCostOf(a),
    generatedAt: "2026-01-01",
    version: "test",
    live: { assumptions: a },
  });

  it("has the dated post's part-year effect from 1 October and the dash's post unchanged", () => {
    // −52,000 × 182/365 = −25,928.77; unchanged 0; −15,600 × 274/365 = −11,710.68.
    expect(
      built.result.posts.map((p) => [p.title, p.proposedFte, p.change, p.partYearChange])
    ).toEqual([
      ["Social Worker", 0, -52000, -25928.77],
      ["Team Manager", 1, 0, 0],
      ["Business Support", 0.5, -15600, -11710.68],
    ]);
    expect(built.live?.notLive).toEqual([]);
    // The part-year formulas: the dated post's own day (1 October 2025), the other from 1 July.
    const formulas = built.sheet.cells
      .flat()
      .flatMap((c) => (c && "live" in c && c.live ? [c.live] : []));
    const fractions = formulas.filter((f) => f.includes("ESTAB.FYFRACTION"));
    expect(fractions.map((f) => /FYFRACTION\((\d+)/.exec(f)?.[1])).toEqual([
      String(serialOf(2025, 10, 1)),
      String(serialOf(2025, 7, 1)),
      String(serialOf(2025, 7, 1)),
    ]);
  });

  it("gives the same figures in HyperFormula as the shareable sheet", () => {
    const hf = estabWorkbook({ [SHEET]: ROWS, Live: hfSheet(built.sheet, "live") });
    const { got, want } = compare(hf, "Live", makeShareable(built.sheet));
    expect(got).toEqual(want);
    hf.destroy();
  });
});
