/**
 * Numbers typed as text in the source ("1.0", "2", "0.5", "37", "£36.50", "14,820"): the
 * reader reads them, and so do the ESTAB functions they are passed to, but a plain
 * reference shows the text, SUM skips it, N() reads it as 0 and arithmetic over it is
 * #VALUE! (HyperFormula, and Excel outside its own locale). Built live by buildWorkbook,
 * the sheets are live wherever the formula reads such a cell only as a function argument;
 * every figure shown, copied or computed from such a cell stays a value with a reason
 * naming the cell. Evaluated with the source sheets in HyperFormula (text kept as text),
 * every cell comes out exactly as the shareable build has it, and after an edit exactly
 * as a shareable rebuild of the edited source has it.
 */
import { HyperFormula } from "hyperformula";
import { cellOf, compare, hfSheet, recalculates, sheetGrid, type Raw } from "./live-harness";
import { holdsText, type CellValue } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/read";
import type { SheetSpec } from "../../../src/core/report";
import { buildWorkbook, localitySharesSheet } from "../../../src/core/workbook/build";
import { costEstablishment, financialYearsWindow } from "../../../src/core/costing";
import { buildEstablishmentCostSheet } from "../../../src/core/report/establishment-cost";
import { buildRestructureSheet } from "../../../src/core/report/restructure";
import { annualCostOf } from "../../../src/core/changes";
import { buildGrantCostingSheet } from "../../../src/core/report/grant-costing";
import type { Establishment, Localities } from "../../../src/core/model";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

// Columns: A post, B team, C grade, D salary, E FTE, F headcount, G proposed FTE,
// H contract, I proposed contract, J agency rate, K hours.
const STAFF: CellValue[][] = [
  [
    "Position Name",
    "Team",
    "Grade",
    "Salary",
    "FTE",
    "No of Staff",
    "Proposed FTE",
    "Contract",
    "Proposed contract",
    "Agency rate",
    "Hours",
  ],
  // FTE and headcount as text.
  ["Team Manager", "East", "SS11", 40000, "1.0", "1", 1, "permanent", "", "", ""],
  // A proposed FTE as text.
  ["Family Worker", "East", "SS08", 24000, 2, 3, "1.5", "permanent", "", "", ""],
  // Agency now, permanent as proposed: rate and hours as text.
  ["Social Worker", "West", "SS09", 38000, 1, 1, 1, "agency", "permanent", "£36.50", "37"],
  // FTE as text and no headcount (one person, from the FTE); proposed FTE as text.
  ["Admin Officer", "West", "SS05", 20000, "0.6", "", "0.5", "permanent", "", "", ""],
  // All numbers: live throughout.
  ["Part-time Worker", "West", "SS06", 22000, 0.5, 1, 0.5, "permanent", "", "", ""],
  // Agency, no hours: now FTE × 37 over an FTE typed as text; as proposed, over a number.
  ["Locum", "East", "SS09", 38000, "1", "", 1, "agency", "", 40, ""],
  ["Total", "", "", "", "6.1", 8, "", "", "", "", ""],
];

const LOCALITIES: CellValue[][] = [
  ["Locality", "Population 0-19", "IDACI", "Referrals"],
  ["North", "14,820", 0.2, 300],
  ["South", 20000, 0.1, 300],
  ["West", 10000, 0.3, 400],
];

function grids(staff = STAFF, localities = LOCALITIES): WorkbookGrids {
  return {
    grids: [
      sheetGrid("Staff", staff),
      sheetGrid("Localities", localities),
      sheetGrid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2025/26"],
        ["Years", 3],
        ["Employer pension rate", "19%"],
        ["Grant amount", 500000],
      ]),
    ],
  };
}

const request = (mode: "live" | "shareable"): BuildRequest => ({
  mode,
  only: ["cost", "grant", "changes", "shares"],
  generatedAt: "2026-01-01",
  version: "test",
});

function build(g: WorkbookGrids, mode: "live" | "shareable"): SheetSpec[] {
  const built = buildWorkbook(g, request(mode));
  expect(built.ok).toBe(true);
  return built.sheets;
}

/** A source table as HyperFormula rows: text stays text ("1.0" is not read as a number). */
const hfSource = (values: CellValue[][]): Raw[][] =>
  values.map((row) => row.map((v) => (v === "" ? null : typeof v === "string" ? `'${v}` : v)));

function liveWorkbook(live: SheetSpec[], g: WorkbookGrids): HyperFormula {
  registerEstab();
  return HyperFormula.buildFromSheets(
    {
      ...Object.fromEntries(g.grids.map((x) => [x.sheet, hfSource(x.values)])),
      ...Object.fromEntries(live.map((s) => [s.name, hfSheet(s, "live")])),
    },
    { ...HF_CONFIG, useArrayArithmetic: true }
  );
}

/** Every reason the live pass gives, in full (the build's summary shows the first three). */
function reasons(sheets: SheetSpec[]): string[] {
  const g = grids();
  const inputs = readWorkbook(g);
  const source = {
    establishment: inputs.establishment,
    localities: inputs.localities,
    payScales: inputs.payScales,
    assumptions: inputs.assumptions,
    textCell: (sheet: string, address: string) => holdsText(g.grids, sheet, address),
  };
  // Every sheet defines its live figures as it is built: each builder says which stay values.
  const est = inputs.establishment as Establishment;
  const input = {
    establishment: est,
    assumptions: inputs.assumptions,
    payScales: inputs.payScales,
    generatedAt: "2026-01-01",
    version: "test",
    live: { textCell: source.textCell },
  };
  const cost = (): string[] => buildEstablishmentCostSheet(input).live?.notLive ?? [];
  const grant = (): string[] => buildGrantCostingSheet(input).live?.notLive ?? [];
  // Restructure is costed in the first FY (there is no implementation date).
  const changes = (): string[] =>
    buildRestructureSheet({
      ...input,
      costOf: annualCostOf(inputs.assumptions, inputs.payScales, inputs.assumptions.firstYear),
      live: { textCell: source.textCell, assumptions: inputs.assumptions },
    }).live?.notLive ?? [];
  const shares = (): string[] => {
    const a = inputs.assumptions;
    const costing = costEstablishment(est.posts, a, financialYearsWindow(a.firstYear, 1));
    const built = localitySharesSheet(
      inputs.localities as Localities,
      est,
      a,
      { generatedAt: "2026-01-01", version: "test" },
      () => costing,
      { textCell: source.textCell, establishment: est }
    );
    return "issue" in built ? [built.issue.message] : (built.live?.notLive ?? []);
  };
  const built: Partial<Record<SheetSpec["key"], () => string[]>> = { cost, grant, changes, shares };
  return sheets.flatMap((s) => built[s.key]?.() ?? []);
}

const textReason = (cell: string, what: string, read: number) =>
  `${cell} holds the ${what} as text (read as ${read}): type it as a number to make this figure live`;

describe("live sheets over numbers typed as text", () => {
  const live = build(grids(), "live");
  const shareable = build(grids(), "shareable");
  const [cost, grant, changes, shares] = live;
  const localityTable = shares.cells.findIndex(
    (row) => row[0]?.kind === "text" && row[0].text === "Locality"
  );
  const hf = liveWorkbook(live, grids());

  it("builds the sheets it is asked for", () => {
    expect(live.map((s) => s.key)).toEqual(["cost", "grant", "changes", "shares"]);
  });

  it.each([0, 1, 2, 3])("sheet %i: every cell is the shareable build's figure", (i) => {
    const { got, want } = compare(hf, live[i].name, shareable[i]);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it("keeps live the figures that read the text cells only as ESTAB arguments", () => {
    // ESTAB.POSTCOST reads "1.0" as the reader does.
    expect(cellOf(cost, "Team Manager", "Total cost").live).toMatch(
      /^=ESTAB\.POSTCOST\(Staff!D2,Staff!E2,/
    );
    expect(cellOf(grant, "Admin Officer", "2025/26 total cost").live).toMatch(/ESTAB\.PROFILE/);
    // Hours "37" and rate "£36.50" passed to ESTAB.AGENCYCOST.
    expect(cellOf(changes, "Social Worker", "Cost now (a year)").live).toBe(
      "=ESTAB.AGENCYCOST(Staff!J4,IF(LEN(Staff!K4)=0,Staff!E4*37,Staff!K4),52)"
    );
    // The agency cost reads the source cells, the copies beside it being values.
    const agencyRow = changes.cells.findIndex((row) =>
      row.some((c) => c?.kind === "text" && c.text === "Agency rate (£ an hour)")
    );
    expect(cellOf(changes, "Social Worker", "Agency cost (a year)", agencyRow).live).toBe(
      "=ESTAB.AGENCYCOST(Staff!J4,IF(LEN(Staff!K4)=0,Staff!E4*37,Staff!K4),52)"
    );
    // FTE "1.0" and headcount "1" as arguments.
    expect(cellOf(changes, "Team Manager", "Cost now (a year)").live).toBe(
      // The settings: the workbook's Assumptions sheet, its one on-cost row (pension).
      '=ESTAB.POSTCOST(Staff!D2,Staff!E2,"2025/26",Staff!F2,,,,"total",Assumptions!$A$4:$B$4)'
    );
    // ESTAB.NEEDINDEX reads "14,820" in its range.
    expect(cellOf(shares, "North", "Population share").live).toMatch(/ESTAB\.NEEDINDEX/);
    // Every number as typed is live.
    expect(cellOf(cost, "Part-time Worker", "FTE").live).toBe("=Staff!E6");
    expect(cellOf(changes, "Part-time Worker", "Cost proposed (a year)").live).toMatch(/POSTCOST/);
    expect(cellOf(shares, "South", "Population 0–19", localityTable).live).toBe("=Localities!B3");
  });

  it("leaves a value, naming the cell, wherever a formula would show or compute with text", () => {
    const valueOnly = [
      cellOf(cost, "Team Manager", "FTE").cell,
      cellOf(cost, "Team Manager", "Headcount").cell,
      cellOf(cost, "Admin Officer", "Headcount").cell,
      cellOf(grant, "Admin Officer", "FTE").cell,
      cellOf(changes, "Team Manager", "FTE now").cell,
      cellOf(changes, "Team Manager", "Cost proposed (a year)").cell,
      cellOf(changes, "Family Worker", "FTE proposed").cell,
      cellOf(changes, "Family Worker", "Cost proposed (a year)").cell,
      cellOf(changes, "Admin Officer", "Cost proposed (a year)").cell,
      cellOf(changes, "Locum", "Cost now (a year)").cell,
      // As proposed, a blank Proposed FTE would mean the FTE now, "1" typed as text, × 37.
      cellOf(changes, "Locum", "Cost proposed (a year)").cell,
      cellOf(shares, "North", "Population 0–19", localityTable).cell,
    ];
    valueOnly.forEach((c, i) => {
      expect([i, c?.kind]).toEqual([i, "number"]);
      expect([i, c && c.kind !== "text" ? c.live : "text"]).toEqual([i, undefined]);
    });
    const all = reasons(shareable);
    expect(all).toEqual(
      expect.arrayContaining([
        `Team Manager (row 2) fte: ${textReason("Staff!E2", "FTE", 1)}`,
        `Team Manager (row 2) headcount: ${textReason("Staff!F2", "headcount", 1)}`,
        `Admin Officer (row 5) headcount: ${textReason("Staff!E5", "FTE", 0.6)}`,
        `Source total row FTE: ${textReason("Staff!E8", "total FTE", 6.1)}`,
        `Team Manager (row 2) FTE now: ${textReason("Staff!E2", "FTE", 1)}`,
        `Team Manager (row 2) cost proposed: ${textReason("Staff!F2", "headcount", 1)}`,
        `Family Worker (row 3) FTE proposed: ${textReason("Staff!G3", "proposed FTE", 1.5)}`,
        `Family Worker (row 3) cost proposed: ${textReason("Staff!G3", "proposed FTE", 1.5)}`,
        `Admin Officer (row 5) cost proposed: ${textReason("Staff!G5", "proposed FTE", 0.5)}`,
        `Locum (row 7) cost now: ${textReason("Staff!E7", "FTE", 1)}`,
        `Locum (row 7) cost proposed: ${textReason("Staff!E7", "FTE", 1)}`,
        `Social Worker (row 4) agency rate: ${textReason("Staff!J4", "agency rate", 36.5)}`,
        `Social Worker (row 4) agency hours a week: ${textReason("Staff!K4", "hours a week", 37)}`,
        `FTE to share out: ${textReason("Staff!E2", "FTE of Team Manager", 1)}`,
        `North population 0–19: ${textReason("Localities!B2", "population 0–19", 14820)}`,
      ])
    );
  });

  it("follows an edit to a number cell as a shareable rebuild has it", () => {
    // Family Worker's salary and South's population, typed as numbers.
    const staff = STAFF.map((row) => [...row]);
    staff[2][3] = 25500;
    const localities = LOCALITIES.map((row) => [...row]);
    localities[2][1] = 18000;
    const edited = build(grids(staff, localities), "shareable");
    const book = liveWorkbook(live, grids());
    book.setCellContents({ sheet: book.getSheetId("Staff") as number, row: 2, col: 3 }, 25500);
    book.setCellContents({ sheet: book.getSheetId("Localities") as number, row: 2, col: 1 }, 18000);
    let changed = 0;
    live.forEach((spec, i) => {
      const follows = recalculates(spec, true);
      const { got, want } = compare(book, spec.name, edited[i], follows);
      expect(got).toEqual(want);
      const before = compare(hf, spec.name, shareable[i], follows).want;
      changed += want.filter((w, k) => JSON.stringify(w) !== JSON.stringify(before[k])).length;
    });
    expect(changed).toBeGreaterThan(0);
  });
});
