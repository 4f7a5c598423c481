/**
 * Live sheets for posts costed from their grade's minimum and maximum (no salary column),
 * as most establishments are: built by buildWorkbook in live mode from grids, then the
 * source sheet and the live sheets evaluated together in HyperFormula. Every figure must
 * come out exactly as the shareable build has it, and editing a grade's minimum must
 * recalculate to what buildWorkbook gives for the edited source.
 */
import { HyperFormula } from "hyperformula";
import {
  compare,
  hfGrid,
  hfSheet,
  payAssumptionsGrid,
  recalculates,
  sheetGrid,
  type Raw,
} from "./live-harness";
import type { CellValue } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { makeShareable, type SheetSpec } from "../../../src/core/report";
import { HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

const STAFF: CellValue[][] = [
  ["Position Name", "Grade", "Minimum Salary", "Maximum Salary", "FTE", "No of Staff"],
  ["Family Support Worker", "SS08", 20862, 22546, 3, 4],
  ["Unit Manager", "SS11", 29531, 32440, 1, 1],
  // Steps of £881.666…: the points between the ends are rounded to the penny.
  ["Senior Practitioner", "SS10", 25979, 28624, 0.5, 1],
];

function grids(costingPoint: string, staff: CellValue[][] = STAFF): WorkbookGrids {
  return { grids: [sheetGrid("Staff", staff), payAssumptionsGrid(costingPoint, 250000)] };
}

const request = (mode: "live" | "shareable"): BuildRequest => ({
  mode,
  only: ["cost", "grant"],
  generatedAt: "2026-01-01",
  version: "test",
});

const liveFormulasOf = (spec: SheetSpec): string[] =>
  spec.cells.flat().flatMap((c) => (c && c.kind !== "text" && c.live ? [c.live] : []));

describe.each(["bottom", "mid", "top"])("grade-range posts, costed at the %s", (point) => {
  const live = buildWorkbook(grids(point), request("live"));
  const shareable = buildWorkbook(grids(point), request("shareable"));
  const [cost, grant] = live.sheets;
  registerEstab();
  // Excel evaluates array arithmetic in a function argument natively; HyperFormula needs asking.
  const hf = HyperFormula.buildFromSheets(
    {
      Staff: STAFF as Raw[][],
      Assumptions: hfGrid(payAssumptionsGrid(point, 250000)),
      [cost.name]: hfSheet(cost, "live"),
      [grant.name]: hfSheet(grant, "live"),
    },
    { ...HF_CONFIG, useArrayArithmetic: true }
  );
  afterAll(() => hf.destroy());

  it("builds both sheets", () => {
    expect(live.ok).toBe(true);
    expect(live.sheets.map((s) => s.key)).toEqual(["cost", "grant"]);
    expect(makeShareable(cost)).toEqual(shareable.sheets[0]);
    expect(makeShareable(grant)).toEqual(shareable.sheets[1]);
  });

  it("makes the cost sheet's per-post figures live over the minimum and maximum cells", () => {
    const formulas = liveFormulasOf(cost);
    // FTE, headcount, full-time salary, then salary, NI, pension, levy, total.
    expect(formulas.length).toBe(3 * 8);
    const salary = {
      bottom: "Staff!C2",
      // (min + max) / 2 to the penny: DOMAIN's mid-point of a grade known by its range.
      mid: "ROUND\\(\\(Staff!C2\\+Staff!D2\\)/2,2\\)",
      top: "Staff!D2",
    }[point] as string;
    expect(formulas.slice(0, 3)).toEqual([
      "=Staff!E2",
      "=Staff!F2",
      // A bare cell is read through ESTAB.SALARY, as the cost formulas read it (text money too).
      point === "mid" ? `=${salary.replace(/\\/g, "")}` : `=ESTAB.SALARY(${salary},1,0)`,
    ]);
    expect(formulas[3]).toMatch(new RegExp(`^=ESTAB\\.POSTCOST\\(${salary},Staff!E2,"2025/26"`));
  });

  it("makes each grant year live with the grade's points built from the two cells", () => {
    const formulas = liveFormulasOf(grant);
    // 3 posts × (FTE, headcount, and 3 years: the total, then salary, NI, pension and levy in
    // the detail table), and the grant (£ and £k) from the Assumptions sheet.
    expect(formulas.length).toBe(3 * 2 + 3 * 3 * 5 + 2);
    expect(formulas.slice(0, 2)).toEqual(["=Staff!E2", "=Staff!F2"]);
    expect(formulas[2]).toContain("ROUND(Staff!C2+(Staff!D2-Staff!C2)*{0,1,2,3}/3,2)");
    // The costing point (and the awards) come from the Assumptions sheet, its whole block.
    expect(formulas[2]).toContain(`,"total",Assumptions!$A$2:$B$9),1,1)`);
  });

  it("evaluates in HyperFormula to exactly the shareable values", () => {
    for (const [i, spec] of shareable.sheets.entries()) {
      const { got, want } = compare(hf, live.sheets[i].name, spec);
      expect(got).toEqual(want);
    }
  });

  it("recalculates to buildWorkbook's figures when a grade minimum is edited", () => {
    const edited = STAFF.map((r) => [...r]);
    edited[3][2] = 26400; // Senior Practitioner minimum
    const rebuilt = buildWorkbook(grids(point, edited), request("shareable"));
    hf.setCellContents({ sheet: hf.getSheetId("Staff") as number, row: 3, col: 2 }, 26400);
    // The live cells. Cells echoing the source (the grade's minimum as written) are values of
    // the build, as are the £k lines over the detail.
    let checked = 0;
    for (const [i, spec] of rebuilt.sheets.entries()) {
      const { got, want } = compare(
        hf,
        live.sheets[i].name,
        spec,
        recalculates(live.sheets[i], true)
      );
      expect(got).toEqual(want);
      checked += got.length;
    }
    expect(checked).toBe(3 * 8 + 3 * 2 + 3 * 3 * 5 + 2);
    // The edit did change the figures at the bottom and mid (the top post stays on the maximum).
    if (point !== "top") expect(rebuilt.sheets[1]).not.toEqual(shareable.sheets[1]);
  });
});

describe("restructure of grade-range posts, costed at the mid", () => {
  const RESTRUCTURE: CellValue[][] = [
    [
      "Position Name",
      "Grade",
      "Minimum Salary",
      "Maximum Salary",
      "FTE",
      "No of Staff",
      "Proposed FTE",
      "Proposed grade",
      "Proposed salary",
      "Contract type",
      "Proposed contract",
      "Agency hourly rate",
      "Hours",
    ],
    // A reduction: 4 people on 3 FTE become 2 FTE (3 people). A blank proposed FTE is a deletion.
    ["Family Support Worker", "SS08", 20862, 22546, 3, 4, 2, "", "", "", "", "", ""],
    // A deletion.
    ["Unit Manager", "SS11", 29531, 32440, 1, 1, "", "", "", "", "", "", ""],
    // A regrade with a proposed salary.
    ["Senior Practitioner", "SS10", 25979, 28624, 0.5, 1, 0.5, "SS11", 31000, "", "", "", ""],
    // A regrade without one: priced from the new grade, which the formulas cannot read.
    ["Practice Lead", "SS10", 25979, 28624, 1, 1, 1, "SS12", "", "", "", "", ""],
    // A new post: no FTE now, 2 people proposed (headcount left to the engine).
    ["New Worker", "SS08", 20862, 22546, 0, 2, 2, "", "", "", "", "", ""],
    // An agency worker made permanent on the grade.
    ["Social Worker", "SS09", 24000, 26000, 1, 1, 1, "", "", "Agency", "Permanent", 32.5, 37],
  ];
  const restructureGrids = (staff: CellValue[][]): WorkbookGrids => {
    const g = grids("mid", staff);
    const [staffGrid, assumptions] = g.grids;
    return {
      grids: [
        staffGrid,
        {
          ...assumptions,
          values: [...assumptions.values, ["Implementation date", "01/10/2025"]],
        },
      ],
    };
  };
  const req = (mode: "live" | "shareable"): BuildRequest => ({
    ...request(mode),
    only: ["changes"],
  });
  const live = buildWorkbook(restructureGrids(RESTRUCTURE), req("live"));
  const shareable = buildWorkbook(restructureGrids(RESTRUCTURE), req("shareable"));
  const [sheet] = live.sheets;
  registerEstab();
  const hf = HyperFormula.buildFromSheets(
    {
      Staff: RESTRUCTURE as Raw[][],
      Assumptions: hfGrid(restructureGrids(RESTRUCTURE).grids[1]),
      [sheet.name]: hfSheet(sheet, "live"),
    },
    { ...HF_CONFIG, useArrayArithmetic: true }
  );
  afterAll(() => hf.destroy());

  it("makes each post's cost now and proposed live over its grade and proposed cells", () => {
    expect(live.ok).toBe(true);
    expect(makeShareable(sheet)).toEqual(shareable.sheets[0]);
    const formulas = liveFormulasOf(sheet);
    // 6 posts now (one agency), 5 proposed (not the regrade without a salary) and the
    // agency conversion's permanent cost; its agency cost; the 5 rows' two changes, the 6
    // FTE changes, and the conversion's saving and saving per FTE.
    expect(formulas.filter((f) => f.startsWith("=ESTAB.POSTCOST("))).toHaveLength(5 + 5 + 1);
    expect(formulas.filter((f) => f.startsWith("=ESTAB.AGENCYCOST("))).toHaveLength(1 + 1);
    // … and the conversion like for like: FTE converted, the FTE change's cost, its saving.
    expect(formulas.filter((f) => f.startsWith("=ROUND("))).toHaveLength(5 * 2 + 6 + 2 + 3);
    // Costed in the FY the restructure takes effect, at the grade's mid point.
    expect(formulas.find((f) => f.startsWith("=ESTAB.POSTCOST("))).toMatch(
      /^=ESTAB\.POSTCOST\(ROUND\(\(Staff!C2\+Staff!D2\)\/2,2\),Staff!E2,"2025\/26"/
    );
    expect(formulas).toContain(
      // A blank Proposed FTE would mean the FTE now (E4).
      `=ESTAB.POSTCOST(Staff!I4,IF(LEN(Staff!G4)=0,Staff!E4,N(Staff!G4)),"2025/26",IF(OR(LEN(Staff!F4)=0,N(Staff!E4)=0),"",MAX(1,ROUNDUP(Staff!F4*IF(LEN(Staff!G4)=0,Staff!E4,N(Staff!G4))/Staff!E4-0.000000001,0))),,,,"total",Assumptions!$A$4:$B$4)`
    );
  });

  it("evaluates in HyperFormula to exactly the shareable values", () => {
    const { got, want } = compare(hf, sheet.name, shareable.sheets[0]);
    expect(got).toEqual(want);
  });

  it("recalculates to buildWorkbook's figures when a grade minimum and a proposed FTE are edited", () => {
    const edited = RESTRUCTURE.map((r) => [...r]);
    edited[1][2] = 21000; // Family Support Worker minimum
    edited[1][6] = 2.5; // and proposed FTE
    const rebuilt = buildWorkbook(restructureGrids(edited), req("shareable"));
    const id = hf.getSheetId("Staff") as number;
    hf.setCellContents({ sheet: id, row: 1, col: 2 }, 21000);
    hf.setCellContents({ sheet: id, row: 1, col: 6 }, 2.5);
    const { got, want } = compare(hf, sheet.name, rebuilt.sheets[0], recalculates(sheet, true));
    expect(got).toEqual(want);
    expect(got).toHaveLength(6 * 3 + 6 + 5 + 5 * 2 + 6 + 3);
    expect(rebuilt.sheets[0]).not.toEqual(shareable.sheets[0]);
  });
});
