/**
 * The live Restructure sheet in a real formula engine (HyperFormula, ESTAB functions
 * registered from the same table as Excel's): per-post FTE and costs, the team table's
 * native COUNTIF/SUMIF formulas and the agency conversions must come out exactly as the
 * shareable sheet has them, and after editing the establishment exactly as a sheet built
 * from the edited establishment has them.
 */
import { compare, hfSheet, recalculates, type Raw } from "./live-harness";
import { plainAssumptions } from "../../../src/core/costing";
import { serialOf } from "../../../src/core/dates";
import type { Assumptions, Establishment, PayScales, Post } from "../../../src/core/model";
import { buildRestructureSheet } from "../../../src/core/report/restructure";
import { annualCostOf } from "../../../src/core/changes";
import { makeShareable } from "../../../src/core/report/shareable";
import type { SheetSpec } from "../../../src/core/report";
import { estabWorkbook } from "../../functions/hyperformula-estab";

const SHEET = "Current and proposed";
const SCALES = "Pay Scales";
const HEAD = [
  "Post",
  "Team",
  "Grade",
  "Salary",
  "FTE",
  "Headcount",
  "Proposed FTE",
  "Proposed salary",
  "Contract",
  "Proposed contract",
  "Agency rate",
  "Hours",
  "Proposed grade",
];
const ROWS: Raw[][] = [
  ["Team Manager", "East", "SS11", 40000, 1, 1, null, null, "permanent", null, null, null, null],
  [
    "Senior Practitioner",
    "East",
    "SS10",
    36000,
    1,
    1,
    0,
    null,
    "permanent",
    null,
    null,
    null,
    null,
  ],
  ["Family Worker", "East", "SS08", 24000, 2, 3, 3, null, "permanent", null, null, null, null],
  ["Admin", "West", "SS05", "£20,000", 1, null, 0.5, null, "permanent", null, null, null, null],
  [
    "Practice Lead",
    "West",
    "SS10",
    36000,
    1,
    1,
    null,
    40000,
    "permanent",
    null,
    null,
    null,
    "SS11",
  ],
  ["Social Worker", "West", "SS09", 38000, 1, 1, null, null, "agency", "permanent", 35, 37, null],
  ["New Post", "West", "SS07", 22000, 0, null, 1, null, "permanent", null, null, null, null],
  // Regraded with no proposed salary: priced at the new grade's pay scale.
  [
    "Regraded Worker",
    "East",
    "SS08",
    24000,
    0.8,
    1,
    null,
    null,
    "permanent",
    null,
    null,
    null,
    "SS12",
  ],
  // Agency cover with no hours: FTE × 37 a week.
  [
    "Agency Cover",
    "North",
    "SS09",
    37000,
    0.6,
    1,
    null,
    null,
    "agency",
    "permanent",
    41.5,
    null,
    null,
  ],
];
const FIELDS = [
  "title",
  "team",
  "grade",
  "salary",
  "fte",
  "headcount",
  "proposedFte",
  "proposedSalary",
  "contractType",
  "proposedContractType",
  "agencyHourlyRate",
  "hoursPerWeek",
  "proposedGrade",
] as const;

/** The Establishment the reader would give for these rows: values parsed, each field's cell kept. */
function establishmentOf(rows: Raw[][]): Establishment {
  const posts: Post[] = rows.map((row, i) => {
    const p: Post = { sourceRow: i + 1, title: String(row[0]), fte: 0, cells: {} };
    const fields = p as unknown as Record<string, unknown>;
    FIELDS.forEach((f, c) => {
      const v = row[c];
      p.cells[f] = `${String.fromCharCode(65 + c)}${i + 2}`;
      if (v === null) return;
      fields[f] = f === "salary" && typeof v === "string" ? 20000 : v;
    });
    return p;
  });
  return { sheet: SHEET, range: "A1:M10", headerRow: 0, columns: {}, posts, totals: [] };
}

/** SS12 on four points, the salaries in C2:C5. */
const SCALE_ROWS: Raw[][] = [
  ["Grade", "Point", "Salary"],
  ["SS12", 30, 41000],
  ["SS12", 31, 42200],
  ["SS12", 32, 43400],
  ["SS12", 33, 44800],
];
const payScales: PayScales = {
  sheet: SCALES,
  points: SCALE_ROWS.slice(1).map((r, i) => ({
    grade: String(r[0]),
    point: Number(r[1]),
    salary: Number(r[2]),
    cell: `C${i + 2}`,
  })),
};

const assumptions: Assumptions = {
  ...plainAssumptions(2025, 1, { pensionRate: 0.19 }),
  implementationDate: serialOf(2025, 10, 1),
  agencyWeeksPerYear: 52,
  costingPoint: "bottom",
  managementGrades: ["SS11"],
};

function build(est: Establishment): SheetSpec {
  return buildRestructureSheet({
    establishment: est,
    assumptions,
    costOf: annualCostOf(assumptions, payScales, 2025),
    generatedAt: "2026-01-01",
    version: "test",
  }).sheet;
}

/** The sheet built live: each figure defined over the source cells as it is built. */
function buildLive(est: Establishment): { sheet: SheetSpec; liveCells: number; notLive: string[] } {
  const built = buildRestructureSheet({
    establishment: est,
    assumptions,
    costOf: annualCostOf(assumptions, payScales, 2025),
    generatedAt: "2026-01-01",
    version: "test",
    live: { assumptions, payScales },
  });
  return {
    sheet: built.sheet,
    liveCells: built.live?.liveCells ?? 0,
    notLive: built.live?.notLive ?? [],
  };
}

/** The cell under `header` (first match from the top) in the row whose first text is `label`. */
function at(spec: SheetSpec, label: string, header: string, afterRow = 0) {
  const headerRow = spec.cells.findIndex(
    (row, r) => r >= afterRow && row.some((c) => c?.kind === "text" && c.text === header)
  );
  const col = spec.cells[headerRow].findIndex((c) => c?.kind === "text" && c.text === header);
  const row = spec.cells.findIndex(
    (line, r) =>
      r > headerRow && line.some((c, i) => i <= 1 && c?.kind === "text" && c.text === label)
  );
  return { row, col, cell: spec.cells[row]?.[col] };
}

describe("live Restructure sheet", () => {
  const est = establishmentOf(ROWS);
  const built = build(est);
  const outcome = buildLive(est);
  const liveOf = (label: string, header: string, afterRow = 0) => {
    const c = at(outcome.sheet, label, header, afterRow).cell;
    return c && c.kind !== "text" ? (c.live ?? (c.kind === "formula" ? c.formula : c)) : c;
  };
  const agencyRow = () =>
    outcome.sheet.cells.findIndex(
      (r) => r[0]?.kind === "text" && r[0].text === "Agency conversions"
    );

  it("makes every per-post figure and the agency conversions live, the regrade at its pay scale", () => {
    expect(outcome.notLive).toEqual([]);
    // 9 posts × (FTE now, proposed, change, cost now, proposed, change, part year), and
    // 2 agency conversions × (rate, hours, agency cost, permanent cost, saving, per FTE, and
    // like for like: FTE converted, its saving, the cost of the FTE change).
    expect(outcome.liveCells).toBe(9 * 7 + 2 * 9);
    const q = `'${SHEET}'`;
    expect(liveOf("Admin", "FTE now")).toBe(`=${q}!E5`);
    // Blank means unchanged, a figure is the FTE proposed (0 or "Deleted" deletes).
    expect(liveOf("Admin", "FTE proposed")).toBe(`=IF(LEN(${q}!G5)=0,${q}!E5,N(${q}!G5))`);
    expect(liveOf("Team Manager", "FTE proposed")).toBe(`=IF(LEN(${q}!G2)=0,${q}!E2,N(${q}!G2))`);
    expect(liveOf("Admin", "FTE change")).toBe("=ROUND(H9-G9,6)");
    // The regrade: SS12's bottom point, from the pay scales table.
    expect(String(liveOf("Regraded Worker", "Cost proposed (a year)"))).toContain(
      `=ESTAB.POSTCOST('${SCALES}'!C2,IF(LEN(${q}!G9)=0,${q}!E9,N(${q}!G9)),"2025/26",`
    );
    const a = agencyRow();
    expect(liveOf("Social Worker", "Agency rate (£ an hour)", a)).toBe(`=${q}!K7`);
    expect(liveOf("Social Worker", "Hours a week", a)).toBe(
      `=IF(LEN(${q}!L7)=0,${q}!E7*37,${q}!L7)`
    );
    const { row } = at(outcome.sheet, "Social Worker", "Agency cost (a year)", a);
    expect(liveOf("Social Worker", "Agency cost (a year)", a)).toBe(
      `=ESTAB.AGENCYCOST(C${row + 1},D${row + 1},52)`
    );
    expect(liveOf("Social Worker", "Permanent cost (a year)", a)).toBe(
      liveOf("Social Worker", "Cost proposed (a year)")
    );
    expect(liveOf("Social Worker", "Saving (a year)", a)).toBe(`=ROUND(F${row + 1}-G${row + 1},2)`);
    expect(liveOf("Social Worker", "Saving per FTE", a)).toBe(
      `=ROUND(F${row + 1}/G11-G${row + 1}/H11,2)`
    );
    // Weeks a year is an assumption: a value.
    expect(at(outcome.sheet, "Social Worker", "Weeks a year", a).cell).toMatchObject({
      kind: "number",
      value: 52,
    });
    expect(
      (at(outcome.sheet, "Social Worker", "Weeks a year", a).cell as { live?: string }).live
    ).toBeUndefined();
  });

  it("gives the team table native COUNTIF/SUMIF formulas in both modes", () => {
    const east = at(built, "East", "Posts (rows)");
    expect(east.cell).toMatchObject({
      kind: "formula",
      formula: `=COUNTIF(B6:B14,A${east.row + 1})`,
      value: 4,
    });
    expect(liveOf("East", "FTE proposed", east.row - 1)).toBe(
      `=ROUND(SUMIF(B6:B14,A${east.row + 1},H6:H14),6)`
    );
    expect(makeShareable(outcome.sheet)).toEqual(built);
  });

  it("evaluates in HyperFormula to exactly the shareable sheet's values", () => {
    const hf = estabWorkbook({
      [SHEET]: [HEAD, ...ROWS],
      [SCALES]: SCALE_ROWS,
      Live: hfSheet(outcome.sheet, "live"),
    });
    const { got, want } = compare(hf, "Live", makeShareable(outcome.sheet));
    expect(got).toEqual(want);
    hf.destroy();
  });

  /** Edits the source in HyperFormula; every live and native cell must equal a build of the edited rows. */
  function expectFollows(edits: Array<[number, number, Raw]>): SheetSpec {
    const hf = estabWorkbook({
      [SHEET]: [HEAD, ...ROWS],
      [SCALES]: SCALE_ROWS,
      Live: hfSheet(outcome.sheet, "live"),
    });
    const rows = ROWS.map((r) => [...r]);
    for (const [r, c, v] of edits) {
      rows[r][c] = v;
      hf.setCellContents({ sheet: hf.getSheetId(SHEET) as number, row: r + 1, col: c }, v);
    }
    const rebuilt = build(establishmentOf(rows));
    const { got, want } = compare(hf, "Live", rebuilt, recalculates(outcome.sheet));
    hf.destroy();
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(100);
    return rebuilt;
  }

  it("recalculates when a proposed FTE is edited: the post, its team and the key figures follow", () => {
    // Admin to 0.6 FTE; the Senior Practitioner kept at half time instead of deleted; the
    // Team Manager (SS11, management) deleted: management cost after follows.
    const rebuilt = expectFollows([
      [3, 6, 0.6],
      [1, 6, 0.5],
      [0, 6, 0],
    ]);
    // Management after: only the Practice Lead, regraded to SS11, is left.
    const valueOf = (label: string, header: string) => {
      const c = at(rebuilt, label, header).cell;
      return c && c.kind !== "text" ? c.value : undefined;
    };
    const mgmt = rebuilt.cells.findIndex(
      (r) => r[0]?.kind === "text" && r[0].text === "Management cost after"
    );
    expect(rebuilt.cells[mgmt][1]).toMatchObject({
      value: valueOf("Practice Lead", "Cost proposed (a year)"),
    });
    const admin = annualCostOf(assumptions, payScales, 2025)({ ...est.posts[3], fte: 0.6 });
    expect(valueOf("Admin", "Cost proposed (a year)")).toBe(admin.total);
    // East proposed: 0 + 0.5 + 3 + 0.8.
    const east = at(rebuilt, "East", "Posts (rows)").row - 1;
    expect(at(rebuilt, "East", "FTE proposed", east).cell).toMatchObject({ value: 4.3 });
  });

  it("recalculates when a salary, a proposed salary and an agency rate are edited", () => {
    expectFollows([
      [0, 3, 41000], // Team Manager's salary
      [4, 7, 42000], // Practice Lead's proposed salary
      [5, 10, 37.25], // Social Worker's agency rate
      [8, 4, 0.7], // Agency Cover's FTE: hours and saving per FTE follow
    ]);
  });
});
