/**
 * Live Locality shares sheet when the FTE to share out is the establishment's own total:
 * B5 adds up the posts' FTE cells (never the sub-total or TOTAL rows), so editing a post's
 * FTE flows through the quota, the allocation (still adding up exactly) and the cost.
 */
import {
  compare,
  EXAMPLE9_LOCALITIES,
  example9Localities,
  hfSheet,
  recalculates,
  type Raw,
} from "./live-harness";
import { plainAssumptions } from "../../../src/core/costing";
import type { Assumptions, Establishment, Post } from "../../../src/core/model";
import { buildLocalitySharesSheet } from "../../../src/core/report/locality-shares";
import { establishmentFteDefinition } from "../../../src/core/report/locality-inputs";
import { formula, lit, numberValue } from "../../../src/core/report/expr";
import { makeShareable } from "../../../src/core/report/shareable";
import { allocateExact, needIndex } from "../../../src/core/shares";
import { estabWorkbook } from "../../functions/hyperformula-estab";

const LOCALITIES = EXAMPLE9_LOCALITIES;
const localities = example9Localities;

// An establishment with a team sub-total between its posts and a TOTAL at the foot.
const STAFF: Raw[][] = [
  ["Post", "FTE"],
  ["Social Worker", 12],
  ["Family Support", 5.5],
  ["East sub-total", 17.5],
  ["Admin", 2.5],
  ["Manager", 1.43],
  ["TOTAL", 21.43],
];
const postRows = [1, 2, 4, 5];
const posts: Post[] = postRows.map((r) => ({
  sourceRow: r,
  title: String(STAFF[r][0]),
  fte: STAFF[r][1] as number,
  cells: { title: `A${r + 1}`, fte: `B${r + 1}` },
}));
const est: Establishment = {
  sheet: "Staff list",
  range: "A1:B7",
  headerRow: 0,
  columns: { title: 0, fte: 1 },
  posts,
  totals: [
    { sourceRow: 3, label: "East sub-total", kind: "subtotal", fte: 17.5, cells: {} },
    { sourceRow: 6, label: "TOTAL", kind: "total", fte: 21.43, cells: {} },
  ],
};
const assumptions: Assumptions = {
  ...plainAssumptions(2024, 1),
  localityWeights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
  allocationUnit: 0.1,
  allocationTotalFte: undefined,
};
const COST_PER_FTE = 45000.5;
const sheetFor = (establishmentFte: number, locs = localities, live = false) =>
  buildLocalitySharesSheet({
    localities: locs,
    assumptions,
    establishmentFte,
    costPerFte: COST_PER_FTE,
    generatedAt: "2026-01-01",
    version: "test",
    live: live ? { establishment: est } : undefined,
  });

/** The definition printed: the formula and the value it gives, or why there is none. */
function printedFte(e: Establishment, unit: number) {
  const d = establishmentFteDefinition(e, lit(unit));
  return "reason" in d ? d.reason : { formula: `=${formula(d)}`, value: numberValue(d) };
}

describe("the establishment's FTE as a formula", () => {
  it("adds up the posts' cells in runs of consecutive rows, skipping sub-total and TOTAL rows", () => {
    expect(printedFte(est, 0.1)).toEqual({
      formula: "=ROUND(ROUND(ROUND(SUM('Staff list'!B2:B3,'Staff list'!B5:B6),6)/0.1,0)*0.1,1)",
      value: 21.4,
    });
    expect(printedFte(est, 1)).toEqual({
      formula: "=ROUND(ROUND(SUM('Staff list'!B2:B3,'Staff list'!B5:B6),6),0)",
      value: 21,
    });
    expect(printedFte(est, 0.5)).toMatchObject({ value: 21.5 });
  });

  it("says why when a post with FTE has no cell to add up", () => {
    const noCell = {
      ...est,
      posts: [...posts, { sourceRow: 9, title: "Floating", fte: 1, cells: {} }],
    };
    expect(printedFte(noCell, 0.1)).toBe("Floating has no FTE cell to add up");
    const newPost = {
      ...est,
      posts: [...posts, { sourceRow: 9, title: "New", fte: 0, cells: {} }],
    };
    expect(printedFte(newPost, 0.1)).toMatchObject({ value: 21.4 });
  });
});

describe("live Locality shares sheet sharing the establishment's own FTE", () => {
  const built = sheetFor(21.43, localities, true);
  const outcome = { sheet: built.sheet, ...built.live! };
  const hf = estabWorkbook({
    Localities: LOCALITIES,
    "Staff list": STAFF,
    Live: hfSheet(outcome.sheet, "live"),
  });
  const live = hf.getSheetId("Live") as number;
  afterAll(() => hf.destroy());
  const cell = (address: string) => {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    return outcome.sheet.cells[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
  };
  const fteCells = [17, 18, 19].map((r) => ({ sheet: live, row: r - 1, col: 11 }));

  it("makes B5 a SUM over the posts' FTE and FTE allocated an ALLOCATE over B5 and the need index", () => {
    expect(built.result.total).toBe(21.4);
    expect(cell("B5")).toMatchObject({
      value: 21.4,
      live: "=ROUND(ROUND(ROUND(SUM('Staff list'!B2:B3,'Staff list'!B5:B6),6)/0.1,0)*0.1,1)",
    });
    expect(cell("L17")).toMatchObject({
      value: 5.8,
      live: "=INDEX(ESTAB.ALLOCATE($B$5,$J$17:$J$19,0.1),1)",
    });
    // B5 is a formula over the posts: not an input cell. The unit is the figure 0.1 in
    // ALLOCATE (no Assumptions cell to follow), so B6 drives nothing: a plain figure.
    expect((cell("B5") as { style?: string }).style).toBeUndefined();
    expect(cell("B6")).toEqual({ kind: "number", value: 0.1, format: "fte" });
    expect(cell("K18")).toMatchObject({ kind: "number", live: "=$B$5*J18" });
    expect(cell("J19")).toMatchObject({
      kind: "number",
      live: "=$C$10*F19+$C$11*G19+$C$12*H19+$C$13*I19",
    });
    expect(cell("M19")).toMatchObject({ formula: "=ROUND(L19*$B$7,2)" });
    // The cost per FTE is the whole costed establishment's: with no Establishment Cost
    // sheet built alongside to refer to, a value, and the reason given.
    expect(cell("B7")).toEqual({
      kind: "number",
      value: COST_PER_FTE,
      format: "money",
      style: "input",
    });
    expect(outcome.notLive).toEqual([
      "Average cost per FTE: the Establishment Cost sheet was not built with this one, so it is the figure when built (build both to make it live)",
    ]);
    // 3 localities × (3 figures, 4 shares, need index, quota, FTE allocated) and B5.
    expect(outcome.liveCells).toBe(3 * 10 + 1);
  });

  it("evaluates in HyperFormula to exactly the shareable sheet's values", () => {
    const { got, want } = compare(hf, live, makeShareable(outcome.sheet));
    expect(got).toEqual(want);
    expect(fteCells.map((a) => hf.getCellValue(a))).toEqual(built.result.fte);
    expect(built.result.fte).toEqual([5.8, 8.5, 7.1]);
  });

  it("recalculates when a post's FTE and a locality's population are edited", () => {
    const staff = hf.getSheetId("Staff list") as number;
    hf.setCellContents({ sheet: staff, row: 5, col: 1 }, 3.37); // Manager 1.43 → 3.37
    // The sub-total and TOTAL rows are not edited: they are not added up.
    expect(hf.getCellValue({ sheet: live, row: 4, col: 1 })).toBe(23.4);
    hf.setCellContents({ sheet: hf.getSheetId("Localities") as number, row: 1, col: 1 }, 14000);
    const index = needIndex([14000, 20000, 10000], [0.2, 0.1, 0.3], [300, 300, 400], {
      ...assumptions.localityWeights,
    });
    const expected = allocateExact(23.4, index, 0.1);
    expect(expected).toEqual([7.7, 8.5, 7.2]);
    expect(fteCells.map((a) => hf.getCellValue(a))).toEqual(expected);
    // Every live or native formula cell as the sheet built from the edited tables has it:
    // quota, cost (at the same cost per FTE), totals and the check that they add up.
    const rebuilt = sheetFor(23.37, {
      ...localities,
      localities: localities.localities.map((l, i) => (i === 0 ? { ...l, population: 14000 } : l)),
    }).sheet;
    const { got, want } = compare(hf, live, rebuilt, recalculates(outcome.sheet));
    expect(got).toEqual(want);
    // 31 live, 2 native per locality (weighted population, cost), 2 + 11 totals, 2 checks.
    expect(got.length).toBe(3 * 10 + 1 + 3 * 2 + 2 + 11 + 2);
    const check = outcome.sheet.cells.findIndex(
      (r) => r[0]?.kind === "text" && r[0].text === "Check"
    );
    expect(hf.getCellValue({ sheet: live, row: check, col: 1 })).toBe("Adds up exactly");
  });
});
