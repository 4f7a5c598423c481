/**
 * Live Establishment Cost and Grant Costing sheets for posts priced from a pay scales
 * table (by costing point, or by spinal point with "actual"), from an actual salary inside
 * a grade range ("actual": the post moves up the grade's points), and from a salary alone;
 * FTE, headcount (a blank one derived as the engine does) and full-time salary as
 * formulas; the reconciliation's source TOTAL row figures as references. Built by
 * buildWorkbook from grids, then evaluated with the source and pay scales sheets in
 * HyperFormula: every figure must come out exactly as the shareable build has it, and
 * editing a pay scale or a source cell must give what buildWorkbook gives for the edit.
 */
import { HyperFormula } from "hyperformula";
import {
  cellOf,
  compare,
  hfGrid,
  hfSheet,
  payAssumptionsGrid,
  sheetGrid,
  type Raw,
} from "./live-harness";
import type { CellValue } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { makeShareable, type SheetSpec } from "../../../src/core/report";
import { HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

const STAFF: CellValue[][] = [
  [
    "Position Name",
    "Grade",
    "SCP",
    "Salary",
    "Minimum Salary",
    "Maximum Salary",
    "FTE",
    "No of Staff",
  ],
  // Priced from the pay scales (SS08): no salary, no spinal point.
  ["Support Worker", "SS08", "", "", "", "", 2, 3],
  // On spinal point 16 of SS09.
  ["Senior Worker", "SS09", 16, 27600, "", "", 1, 1],
  // No pay scale for SS10: its grade range, or ("actual") its salary moving up the range's points.
  ["Practitioner", "SS10", "", 26500, 26000, 28000, 1.5, 2],
  // A salary alone, and a blank headcount: the FTE rounded up (1).
  ["Admin Officer", "", "", 21000, "", "", 0.6, ""],
  ["Total", "", "", "", "", "", 5.1, 6],
];

const PAY_SCALES: CellValue[][] = [
  ["Grade", "Point", "Salary"],
  ["SS08", 10, 24000],
  ["SS08", 11, 24500],
  ["SS08", 12, 25100],
  ["SS08", 13, 25800],
  ["SS09", 14, 26500],
  ["SS09", 15, 27000],
  ["SS09", 16, 27600],
  ["SS09", 17, 28300],
];

function grids(costingPoint: string, staff = STAFF, scales = PAY_SCALES): WorkbookGrids {
  return {
    grids: [
      sheetGrid("Staff", staff),
      sheetGrid("Pay Scales", scales),
      payAssumptionsGrid(costingPoint, 500000),
    ],
  };
}

const request = (mode: "live" | "shareable"): BuildRequest => ({
  mode,
  only: ["cost", "grant"],
  generatedAt: "2026-01-01",
  version: "test",
});

function workbook(
  live: SheetSpec[],
  staff = STAFF,
  scales = PAY_SCALES,
  assumptions = payAssumptionsGrid("mid", 500000)
): HyperFormula {
  registerEstab();
  // Excel evaluates array arithmetic in a function argument natively; HyperFormula needs asking.
  return HyperFormula.buildFromSheets(
    {
      Staff: staff as Raw[][],
      "Pay Scales": scales as Raw[][],
      // The live formulas read their settings from the workbook's Assumptions sheet.
      Assumptions: hfGrid(assumptions),
      ...Object.fromEntries(live.map((s) => [s.name, hfSheet(s, "live")])),
    },
    { ...HF_CONFIG, useArrayArithmetic: true }
  );
}

const isLive = (spec: SheetSpec) => (r: number, col: number) => {
  const c = spec.cells[r]?.[col];
  return !!c && c.kind === "number" && c.live !== undefined;
};

describe.each(["mid", "actual"])("live sheets over pay scales, costed at %s", (point) => {
  const live = buildWorkbook(grids(point), request("live"));
  const shareable = buildWorkbook(grids(point), request("shareable"));
  const [cost, grant] = live.sheets;
  const hf = workbook(live.sheets, STAFF, PAY_SCALES, payAssumptionsGrid(point, 500000));
  afterAll(() => hf.destroy());

  it("builds, and makes shareable back to the shareable build", () => {
    expect(live.ok).toBe(true);
    expect(live.sheets.map(makeShareable)).toEqual(shareable.sheets);
  });

  it("leaves no number cell of either sheet a value, but the vacancy factor the Assumptions sheet lacks", () => {
    const values = (spec: SheetSpec) =>
      spec.cells.flatMap((row, r) =>
        row.flatMap((c, col) =>
          c && c.kind === "number" && c.live === undefined ? [[r + 1, col + 1]] : []
        )
      );
    const rowOf = (spec: SheetSpec, label: string) =>
      spec.cells.findIndex((row) => row[0]?.kind === "text" && row[0].text === label) + 1;
    // B: the vacancy factor, an assumption shown as a value.
    expect(values(cost)).toEqual([[rowOf(cost, "Less vacancy factor"), 2]]);
    // The grant (£ and £k) refers to the Assumptions sheet; this one has no vacancy factor row.
    expect(values(grant)).toEqual([[rowOf(grant, "Less vacancy factor"), 6]]);
    expect(live.summaries.flatMap((s) => s.warnings).filter((w) => /stay values/.test(w))).toEqual(
      []
    );
  });

  it("writes FTE and headcount as references, a blank headcount as the FTE rounded up", () => {
    expect(cellOf(cost, "Support Worker", "FTE").live).toBe("=Staff!G2");
    expect(cellOf(cost, "Support Worker", "Headcount").live).toBe("=Staff!H2");
    expect(cellOf(cost, "Admin Officer", "Headcount").live).toBe(
      "=IF(N(Staff!H5)>0,Staff!H5,IF(Staff!G5>0,MAX(1,ROUNDUP(Staff!G5-0.000000001,0)),0))"
    );
    expect(cellOf(cost, "Admin Officer", "Headcount").cell).toMatchObject({ value: 1 });
    expect(cellOf(grant, "Admin Officer", "Headcount").live).toBe(
      cellOf(cost, "Admin Officer", "Headcount").live
    );
  });

  it("prices pay scale posts from the pay scale cell of the costing point (or spinal point)", () => {
    const support = cellOf(cost, "Support Worker", "Salary");
    const senior = cellOf(cost, "Senior Worker", "Salary");
    if (point === "mid") {
      // Four points: the mid-point is the mean of the two middle ones, points 11 and 12 (C3, C4).
      expect(cellOf(cost, "Support Worker", "Full-time salary").live).toBe(
        "=ROUND(('Pay Scales'!C3+'Pay Scales'!C4)/2,2)"
      );
      expect(support.live).toMatch(
        /^=ESTAB\.POSTCOST\(ROUND\(\('Pay Scales'!C3\+'Pay Scales'!C4\)\/2,2\),Staff!G2,"2025\/26",Staff!H2,/
      );
      expect(support.cell).toMatchObject({ value: 49600 }); // (24,500 + 25,100) / 2 × 2 FTE
      // Mid of SS09: points 15 and 16 (C7, C8), not the post's actual point.
      expect(senior.live).toMatch(
        /^=ESTAB\.POSTCOST\(ROUND\(\('Pay Scales'!C7\+'Pay Scales'!C8\)\/2,2\),Staff!G3,/
      );
    } else {
      // No salary or spinal point: the bottom of the grade (point 10, C2), as the engine falls back to.
      expect(support.live).toMatch(/^=ESTAB\.POSTCOST\('Pay Scales'!C2,Staff!G2,/);
      expect(support.cell).toMatchObject({ value: 48000 });
      // Spinal point 16 of SS09: C8.
      expect(senior.live).toMatch(/^=ESTAB\.POSTCOST\('Pay Scales'!C8,Staff!G3,/);
      // The actual salary inside the SS10 range.
      expect(cellOf(cost, "Practitioner", "Full-time salary").live).toBe(
        "=ESTAB.SALARY(Staff!D4,1,0)"
      );
    }
  });

  it("gives ESTAB.PROFILE the grade's pay scale cells as the points, in point order", () => {
    const support = cellOf(grant, "Support Worker", "2026/27 total cost").live as string;
    const senior = cellOf(grant, "Senior Worker", "2026/27 total cost").live as string;
    const practitioner = cellOf(grant, "Practitioner", "2026/27 total cost").live as string;
    expect(support).toContain(",'Pay Scales'!C2:C5,Staff!H2,");
    expect(senior).toContain(",'Pay Scales'!C6:C9,Staff!H3,");
    expect(practitioner).toContain(",ROUND(Staff!E4+(Staff!F4-Staff!E4)*{0,1,2,3}/3,2),Staff!H4,");
    // The costing point (and the awards) come from the Assumptions sheet, its whole block.
    expect(support).toContain(`,"total",Assumptions!$A$2:$B$9),1,`);
    if (point === "mid") {
      expect(support).toMatch(/^=INDEX\(ESTAB\.PROFILE\(,Staff!G2,"2025\/26",3,/);
    } else {
      // "actual": the function finds the start by the salary: the spinal point's cell, the actual salary.
      expect(senior).toMatch(/^=INDEX\(ESTAB\.PROFILE\('Pay Scales'!C8,Staff!G3,/);
      expect(practitioner).toMatch(/^=INDEX\(ESTAB\.PROFILE\(Staff!D4,Staff!G4,/);
    }
    // A blank headcount: its cell itself, which the functions read blank (or 0) as the FTE rounded up.
    expect(cellOf(grant, "Admin Officer", "2026/27 total cost").live).toMatch(
      /^=INDEX\(ESTAB\.PROFILE\(Staff!D5,Staff!G5,"2025\/26",3,,,,,Staff!H5,,"total",Assumptions!/
    );
  });

  it("writes the source TOTAL row's FTE and headcount as references to its cells", () => {
    const header = cost.cells.findIndex((row) =>
      row.some((c) => c?.kind === "text" && c.text === "Source total row")
    );
    expect(cost.cells[header + 1][2]).toMatchObject({ value: 5.1, live: "=Staff!G6" });
    expect(cost.cells[header + 2][2]).toMatchObject({ value: 6, live: "=Staff!H6" });
  });

  it("evaluates in HyperFormula to exactly the shareable values", () => {
    for (const [i, spec] of shareable.sheets.entries()) {
      const { got, want } = compare(hf, live.sheets[i].name, spec);
      expect(got).toEqual(want);
    }
  });

  it("recalculates to buildWorkbook's figures when a pay scale and the source are edited", () => {
    const scales = PAY_SCALES.map((r) => [...r]);
    scales[3][2] = 25500; // SS08 point 12
    scales[8][2] = 29000; // SS09 point 17, the Senior Worker's next point
    const staff = STAFF.map((r) => [...r]);
    staff[3][3] = 27000; // Practitioner's actual salary
    staff[4][7] = 2; // Admin Officer's headcount, blank before
    staff[5][6] = 5.2; // the TOTAL row's FTE
    const rebuilt = buildWorkbook(grids(point, staff, scales), request("shareable"));
    const edits = workbook(live.sheets, staff, scales, payAssumptionsGrid(point, 500000));
    let checked = 0;
    for (const [i, spec] of rebuilt.sheets.entries()) {
      const { got, want } = compare(edits, live.sheets[i].name, spec, isLive(live.sheets[i]));
      expect(got).toEqual(want);
      checked += got.length;
    }
    expect(checked).toBeGreaterThan(100);
    const salary = cellOf(cost, "Support Worker", "Salary");
    const value = edits.getCellValue({
      sheet: edits.getSheetId(cost.name) as number,
      row: salary.r,
      col: salary.col,
    });
    // Mid: points 11 and 12 at (£24,500 + £25,500) / 2 × 2 FTE; actual: the bottom, point 10, unchanged.
    expect(value).toBe(point === "mid" ? 50000 : 48000);
    expect(rebuilt.sheets[1]).not.toEqual(shareable.sheets[1]);
    edits.destroy();
  });

  it("follows a headcount typed as text where the cell was blank, in the cost formulas", () => {
    const staff = STAFF.map((r) => [...r]);
    staff[4][7] = "2"; // Admin Officer's headcount, blank before, now text
    const rebuilt = buildWorkbook(grids(point, staff), request("shareable"));
    const edits = workbook(live.sheets, staff, PAY_SCALES, payAssumptionsGrid(point, 500000));
    const total = cellOf(cost, "Admin Officer", "Total cost");
    const rebuiltTotal = rebuilt.sheets[0].cells[total.r][total.col];
    const value = edits.getCellValue({
      sheet: edits.getSheetId(cost.name) as number,
      row: total.r,
      col: total.col,
    });
    expect(value).toBe(rebuiltTotal && rebuiltTotal.kind !== "text" ? rebuiltTotal.value : NaN);
    edits.destroy();
  });
});

describe("an actual salary inside a grade range, over three years (worked example)", () => {
  const live = buildWorkbook(grids("actual"), request("live"));
  const grant = live.sheets[1];
  const headers = ["2025/26 salary", "2026/27 salary", "2027/28 salary"];
  const hf = workbook(live.sheets, STAFF, PAY_SCALES, payAssumptionsGrid("actual", 500000));
  afterAll(() => hf.destroy());
  const evaluated = () =>
    headers.map((h) => {
      const { r, col } = cellOf(grant, "Practitioner", h, 20);
      return hf.getCellValue({ sheet: hf.getSheetId(grant.name) as number, row: r, col });
    });

  it("moves up the range's points from the actual salary each April, as the engine does", () => {
    // Points 26,000 / 26,666.67 / 27,333.33 / 28,000; salary £26,500 × 1.5 FTE:
    // 2025/26 39,750; 2026/27 the next point up with 3%: 26,666.67 × 1.03 × 1.5 = 41,200.01;
    // 2027/28 the next with 2.5% or £1,290: (27,333.33 × 1.03 + 1,290) × 1.5 = 44,164.99.
    const written = headers.map((h) => cellOf(grant, "Practitioner", h, 20).cell);
    expect(written.map((c) => (c && c.kind === "number" ? c.value : undefined))).toEqual([
      39750, 41200.01, 44164.99,
    ]);
    expect(cellOf(grant, "Practitioner", headers[0], 20).live).toBe(
      // Awards, pension rate and costing point: the Assumptions sheet's block.
      `=INDEX(ESTAB.PROFILE(Staff!D4,Staff!G4,"2025/26",3,,,,ROUND(Staff!E4+(Staff!F4-Staff!E4)*{0,1,2,3}/3,2),Staff!H4,,"salary",Assumptions!$A$2:$B$9),1,1)`
    );
    expect(evaluated()).toEqual([39750, 41200.01, 44164.99]);
  });

  it("recalculates when the actual salary is edited", () => {
    // £27,500: 41,250; then the top, 28,000 × 1.03 × 1.5 = 43,260; then (28,840 + 1,290) × 1.5 = 45,195.
    hf.setCellContents({ sheet: hf.getSheetId("Staff") as number, row: 3, col: 3 }, 27500);
    expect(evaluated()).toEqual([41250, 43260, 45195]);
    const staff = STAFF.map((r) => [...r]);
    staff[3][3] = 27500;
    const rebuilt = buildWorkbook(grids("actual", staff), request("shareable")).sheets[1];
    expect(
      headers.map((h) => {
        const c = cellOf(rebuilt, "Practitioner", h, 20).cell;
        return c && c.kind === "number" ? c.value : undefined;
      })
    ).toEqual([41250, 43260, 45195]);
  });
});

describe("exit-cost contingency", () => {
  it("stays a value per post, with the reason; everything else stays live and exact", () => {
    const g = grids("mid");
    const withExit: WorkbookGrids = {
      grids: g.grids.map((x) =>
        x.sheet === "Assumptions" ? { ...x, values: [...x.values, ["Exit cost weeks", 4]] } : x
      ),
    };
    const live = buildWorkbook(withExit, request("live"));
    const grant = live.sheets[1];
    const exit = cellOf(grant, "Support Worker", "Exit-cost contingency (4 weeks)");
    // 4/52 of the rate at the end: point 12 (25,100), then point 13 (25,800) with 3% = 26,574,
    // then the top with £1,290 = 27,864; × 2 FTE × 4/52 = 4,286.77.
    expect(exit.cell).toMatchObject({ value: 4286.77, kind: "number" });
    expect(exit.live).toBeUndefined();
    expect(live.summaries[1].warnings.join("\n")).toContain(
      "Support Worker (row 2) exit-cost contingency: weeks of the salary rate at the grant's end, which no function gives"
    );
    const shareable = buildWorkbook(withExit, request("shareable"));
    const hf = workbook(
      live.sheets,
      STAFF,
      PAY_SCALES,
      withExit.grids.find((x) => x.sheet === "Assumptions")
    );
    const { got, want } = compare(hf, grant.name, shareable.sheets[1]);
    expect(got).toEqual(want);
    hf.destroy();
  });
});

describe("pay scales the points argument cannot carry", () => {
  it("dated figures: one year live from the year's cell, the grant years stay values with the reason", () => {
    const scales: CellValue[][] = [
      ["Grade", "Point", "Salary", "Year"],
      ...PAY_SCALES.slice(1).map((r) => [...r, "2025/26"]),
      ["SS08", 10, 24800, "2026/27"],
    ];
    const live = buildWorkbook(grids("mid", STAFF, scales), request("live"));
    const [cost, grant] = live.sheets;
    // The mid-point: the mean of points 11 and 12, each that year's cell.
    expect(cellOf(cost, "Support Worker", "Salary").live).toMatch(
      /^=ESTAB\.POSTCOST\(ROUND\(\('Pay Scales'!C3\+'Pay Scales'!C4\)\/2,2\),/
    );
    expect(cellOf(grant, "Support Worker", "2025/26 total cost").live).toBeUndefined();
    expect(live.summaries[1].warnings.join("\n")).toContain(
      "Support Worker (row 2) year 1 total: pay from the pay scales, grade SS08: the pay scales give point 10 a figure by year, which the points argument cannot carry"
    );
    const hf = workbook(live.sheets, STAFF, scales);
    const shareable = buildWorkbook(grids("mid", STAFF, scales), request("shareable"));
    for (const [i, spec] of shareable.sheets.entries()) {
      const { got, want } = compare(hf, live.sheets[i].name, spec);
      expect(got).toEqual(want);
    }
    hf.destroy();
  });

  it("salary cells not in one contiguous range: the grant years stay values with the reason", () => {
    const scales: CellValue[][] = [
      PAY_SCALES[0],
      PAY_SCALES[1],
      PAY_SCALES[5], // an SS09 row between SS08's points
      ...PAY_SCALES.slice(2, 5),
      ...PAY_SCALES.slice(6),
    ];
    const live = buildWorkbook(grids("mid", STAFF, scales), request("live"));
    const [cost, grant] = live.sheets;
    // Points 11 and 12 moved down a row, under the SS09 row in C3.
    expect(cellOf(cost, "Support Worker", "Salary").live).toMatch(
      /^=ESTAB\.POSTCOST\(ROUND\(\('Pay Scales'!C4\+'Pay Scales'!C5\)\/2,2\),/
    );
    expect(cellOf(grant, "Support Worker", "2025/26 total cost").live).toBeUndefined();
    expect(live.summaries[1].warnings.join("\n")).toContain(
      "grade SS08: its salary cells are not one contiguous range in point order"
    );
    // SS09 (C3, C7:C9) is not contiguous either; the other posts stay live.
    expect(cellOf(grant, "Practitioner", "2025/26 total cost").live).toBeDefined();
  });
});
