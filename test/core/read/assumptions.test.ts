import type { CellValue } from "../../../src/core/grid";
import { serialOf } from "../../../src/core/dates";
import {
  defaultAssumptions,
  defaultAssumptionsGrid,
  parsePayAward,
  readAssumptions,
} from "../../../src/core/read";
import { grid, messages, where } from "./helpers";

function sheet(rows: CellValue[][], name = "Assumptions") {
  return { grids: [grid(name, [["Setting", "Value", "Notes"], ...rows])] };
}

describe("defaults", () => {
  it("are the documented ones", () => {
    expect(defaultAssumptions()).toEqual({
      firstYear: 2025,
      years: 3,
      costingPoint: "bottom",
      incrementRule: "april",
      incrementServiceMonths: 6,
      gradeSteps: 4,
      payAwards: [],
      onCostMode: "statutory",
      flatOnCostRate: 0.3,
      pensionRate: 0.19,
      apprenticeshipLevy: true,
      vacancyFactor: 0,
      grant: {},
      exitCostWeeks: 0,
      managementGrades: [],
      agencyWeeksPerYear: 52,
      agencyHoursPerWeek: 37,
      agencyDaysPerWeek: 5,
      localityWeights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
      allocationUnit: 0.1,
    });
  });

  it("apply when the workbook has no assumptions sheet", () => {
    const r = readAssumptions(
      { grids: [grid("Staff", [["Position", "FTE"]])] },
      { defaultFirstYear: 2026 }
    );
    expect(r).toEqual({
      assumptions: defaultAssumptions(2026),
      source: { sheet: "", cells: {} },
      issues: [],
      found: false,
      scenarios: [],
    });
  });

  it.each([2025, 2024, 2030])(
    "the default sheet for %i reads back as the defaults exactly, with no issues",
    (fy) => {
      const values = defaultAssumptionsGrid(fy);
      const r = readAssumptions({ grids: [grid("Assumptions", values)] });
      expect(r.issues).toEqual([]);
      expect(r.found).toBe(true);
      expect(r.assumptions).toEqual(defaultAssumptions(fy));
    }
  );

  it("the default sheet lists every setting with its default and a note", () => {
    const values = defaultAssumptionsGrid(2025);
    expect(values[0]).toEqual(["Setting", "Value", "Notes"]);
    expect(values.slice(1, 8).map((r) => [r[0], r[1]])).toEqual([
      ["First financial year", "2025/26"],
      ["Number of years", 3],
      ["Costing point", "bottom"],
      ["Increment rule", "april"],
      ["Increment service months", 6],
      ["Points per grade", 4],
      ["Pay award 2025/26", ""],
    ]);
    const byLabel = new Map(values.map((r) => [r[0], r[1]]));
    expect(byLabel.get("Employer pension rate")).toBe("19%");
    expect(byLabel.get("Flat on-cost rate")).toBe("30%");
    expect(byLabel.get("Apprenticeship levy")).toBe("Yes");
    expect(byLabel.get("Weight: population")).toBe("50%");
    expect(byLabel.get("Allocation unit (FTE)")).toBe(0.1);
    expect(byLabel.get("Grant 2027/28")).toBe("");
    expect(values.every((r) => r.length === 3 && typeof r[2] === "string" && r[2] !== "")).toBe(
      true
    );
  });

  it("records the address of every setting's value cell, blank or not", () => {
    const r = readAssumptions({ grids: [grid("Assumptions", defaultAssumptionsGrid(2025))] });
    expect(r.source.sheet).toBe("Assumptions");
    expect(r.source.cells.firstYear).toBe("B2");
    expect(r.source.cells.years).toBe("B3");
    expect(r.source.cells["payAward:2025"]).toBe("B8");
    expect(r.source.cells["payAward:2027"]).toBe("B10");
    expect(Object.keys(r.source.cells)).toHaveLength(defaultAssumptionsGrid(2025).length - 1);
  });
});

describe("reading settings", () => {
  it("reads every kind of value", () => {
    const r = readAssumptions(
      sheet([
        ["First financial year", "2024/25"],
        ["Number of years", 4],
        ["Costing point", "Mid-point"],
        ["Increment rule", "Anniversary"],
        ["Pension rate", 0.195],
        ["Vacancy factor", 3],
        ["Apprenticeship levy", "N"],
        ["On-costs", "Flat rate"],
        ["Flat on-cost rate", "28%"],
        ["Employer NI rate", "15%"],
        ["NI monthly threshold", "£417"],
        ["Grant name", "Supporting Families"],
        ["Grant amount", "£750,000"],
        ["Grant 2024/25", "£250,000"],
        ["Grant 2025/26", 250000],
        ["Grant 2026/27", "£250k"],
        ["Grant start", "01/09/2024"],
        ["Grant end", 46477],
        ["Exit cost weeks", 12],
        ["Implementation date", "1 October 2024"],
        ["Management grades", "SS14, SS15; SS16"],
        ["Agency weeks per year", 46],
        ["Weight: population", "40%"],
        ["Weight: deprivation", "30%"],
        ["Weight: demand", "20%"],
        ["Weight: equal share", "10%"],
        ["Allocation unit", 0.5],
        ["FTE to share out", 20],
      ])
    );
    expect(r.issues).toEqual([]);
    expect(r.assumptions).toEqual({
      firstYear: 2024,
      years: 4,
      costingPoint: "mid",
      incrementRule: "anniversary",
      incrementServiceMonths: 6,
      gradeSteps: 4,
      payAwards: [],
      onCostMode: "flat",
      flatOnCostRate: 0.28,
      niRate: 0.15,
      niMonthlyThreshold: 417,
      pensionRate: 0.195,
      apprenticeshipLevy: false,
      vacancyFactor: 0.03,
      grant: {
        name: "Supporting Families",
        amount: 750000,
        amountsByYear: { 2024: 250000, 2025: 250000, 2026: 250000 },
        start: serialOf(2024, 9, 1),
        end: 46477,
      },
      exitCostWeeks: 12,
      implementationDate: serialOf(2024, 10, 1),
      managementGrades: ["SS14", "SS15", "SS16"],
      agencyWeeksPerYear: 46,
      agencyHoursPerWeek: 37,
      agencyDaysPerWeek: 5,
      localityWeights: { population: 0.4, deprivation: 0.3, demand: 0.2, equal: 0.1 },
      allocationUnit: 0.5,
      allocationTotalFte: 20,
    });
  });

  it("reads pay awards as a percentage, with a cash minimum in the same cell or its own row", () => {
    const r = readAssumptions(
      sheet([
        ["Pay award 2025/26", "3%"],
        ["Pay award 2026/27", "£1,290 or 2.5%"],
        ["Pay award 2027/28", 2],
        ["Pay award 2028/29", "2%"],
        ["Pay award minimum 2028/29", "£1,000"],
        ["Pay award minimum 2029/30", "£800"],
      ])
    );
    expect(r.issues).toEqual([]);
    expect(r.assumptions.payAwards).toEqual([
      { year: 2025, percent: 0.03 },
      { year: 2026, percent: 0.025, flatMinimum: 1290 },
      { year: 2027, percent: 0.02 },
      { year: 2028, percent: 0.02, flatMinimum: 1000 },
      { year: 2029, percent: 0, flatMinimum: 800 },
    ]);
    expect(r.source.cells["payAward:2026"]).toBe("B3");
    expect(r.source.cells["payAwardMinimum:2028"]).toBe("B6");
  });

  it.each<[CellValue, ReturnType<typeof parsePayAward>]>([
    ["3%", { percent: 0.03 }],
    [0.03, { percent: 0.03 }],
    [3, { percent: 0.03 }],
    ["£1,290 or 2.5%", { percent: 0.025, flatMinimum: 1290 }],
    ["2.5% or £1,290, whichever is higher", { percent: 0.025, flatMinimum: 1290 }],
    ["2.5% (minimum £1,290)", { percent: 0.025, flatMinimum: 1290 }],
    ["£1,290", { percent: 0, flatMinimum: 1290 }],
    ["3% maybe", undefined],
    ["TBC", undefined],
    ["", undefined],
  ])("pay award %p is %p", (input, expected) => {
    expect(parsePayAward(input)).toEqual(expected);
  });

  it("names the closest known setting for an unknown one", () => {
    const r = readAssumptions(
      sheet([
        ["Pensoin rate", "20%"],
        ["Vacancy factr", "2%"],
        ["Paye award 2025/26", "3%"],
      ])
    );
    expect(messages(r.issues)).toEqual([
      "Assumptions!A2: Unknown setting 'Pensoin rate' (did you mean 'Employer pension rate'?), ignored — rename it to 'Employer pension rate', or delete the row",
      "Assumptions!A3: Unknown setting 'Vacancy factr' (did you mean 'Vacancy factor'?), ignored — rename it to 'Vacancy factor', or delete the row",
      "Assumptions!A4: Unknown setting 'Paye award 2025/26' (did you mean 'Pay award 2025/26'?), ignored — rename it to 'Pay award 2025/26', or delete the row",
    ]);
    expect(r.issues.every((i) => i.severity === "warning")).toBe(true);
    expect(r.assumptions.pensionRate).toBe(0.19);
  });

  it("invalid values are errors at the value cell, with a fix", () => {
    const r = readAssumptions(
      sheet([
        ["First financial year", "2025/27"],
        ["Number of years", 2.5],
        ["Costing point", "somewhere"],
        ["Employer pension rate", "lots"],
        ["Apprenticeship levy", "perhaps"],
        ["Grant start", "31/02/2025"],
        ["Flat on-cost rate", "150%"],
        ["Allocation unit (FTE)", 0],
        ["Pay award 2025/26", "a bit"],
      ])
    );
    expect(messages(r.issues)).toEqual([
      "Assumptions!B2: First financial year '2025/27' is not a financial year — enter e.g. 2025/26",
      "Assumptions!B3: Number of years 2.5 is not a whole number — enter a whole number, e.g. 3",
      "Assumptions!B4: Costing point 'somewhere' is not one of the choices — enter one of: bottom, mid, top, actual",
      "Assumptions!B5: Employer pension rate 'lots' is not a percentage — enter e.g. 19% or 0.19",
      "Assumptions!B6: Apprenticeship levy 'perhaps' is not yes or no — enter Yes or No",
      "Assumptions!B7: Grant start '31/02/2025' is not a valid date — enter a date as dd/mm/yyyy, e.g. 01/09/2025",
      "Assumptions!B8: Flat on-cost rate 150% is out of range: it must be from 0% to 100% — enter e.g. 19% or 0.19",
      "Assumptions!B9: Allocation unit (FTE) 0 is out of range: it must be from 0.01 to 10 — enter a number, e.g. 0.1",
      "Assumptions!B10: Pay award 'a bit' is not a percentage — enter e.g. 3% or '£1,290 or 2.5%'",
    ]);
    expect(r.issues.every((i) => i.severity === "error")).toBe(true);
    expect(r.assumptions.firstYear).toBe(2025);
  });

  it("warns when the weights do not add to 100%, a rate looks high, or a setting is given twice", () => {
    const r = readAssumptions(
      sheet([
        ["Weight: population", "60%"],
        ["Vacancy factor", 0.5],
        ["Vacancy factor", "2%"],
      ])
    );
    expect(where(r.issues)).toEqual([
      "warning:setting-unusual@B3",
      "warning:duplicate-setting@A4",
      "warning:weights-not-100@B2",
    ]);
    expect(r.issues[2].message).toBe("The locality weights add up to 110%, not 100%");
    expect(r.assumptions.vacancyFactor).toBe(0.5);
  });

  it("a setting given twice with the same value is information, not a warning", () => {
    const r = readAssumptions(
      sheet([
        ["Employer pension rate", "19%"],
        ["Pension rate", " 19% "],
      ])
    );
    expect(where(r.issues)).toEqual(["info:duplicate-setting@A3"]);
    expect(messages(r.issues)).toEqual([
      "Assumptions!A3: Pension rate is set twice (first at A2) to the same value — nothing to do; delete one of the two rows to tidy up",
    ]);
    expect(r.assumptions.pensionRate).toBe(0.19);
  });

  it("checks the grant dates and yearly amounts against each other", () => {
    const r = readAssumptions(
      sheet([
        ["Grant amount", "£500,000"],
        ["Grant 2025/26", "£200,000"],
        ["Grant start", "01/04/2026"],
        ["Grant end", "31/03/2025"],
      ])
    );
    expect(messages(r.issues)).toEqual([
      "Assumptions!B5: Grant end 31/03/2025 is before the grant start 01/04/2026 — correct the dates",
      "Assumptions!B2: Grant amount £500000 is not the sum of the yearly amounts (£200000) — make them agree; the yearly amounts are used for each year's headroom",
    ]);
  });

  it("error cells in values are errors; headings and notes without a value are skipped", () => {
    const r = readAssumptions(
      sheet([
        ["Pay", "", ""],
        ["Employer pension rate", "#REF!"],
        ["Remember to check with HR", ""],
      ])
    );
    expect(where(r.issues)).toEqual(["error:setting-error-cell@B3"]);
  });
});

describe("finding the settings", () => {
  it("uses the first two columns of a sheet named Assumptions that has no header", () => {
    const r = readAssumptions({
      grids: [grid("assumptions", [["Costing assumptions"], ["Employer pension rate", "21%"]])],
    });
    expect(r.assumptions.pensionRate).toBe(0.21);
    expect(r.source.cells.pensionRate).toBe("B2");
  });

  it("finds a Setting | Value block on any sheet, at any offset", () => {
    const r = readAssumptions({
      grids: [
        grid("Staff", [["Position", "FTE"]]),
        grid("Inputs", [["My model"], [], ["", "Parameter", "Value"], ["", "Number of years", 5]], {
          row: 9,
          column: 1,
        }),
      ],
    });
    expect(r.assumptions.years).toBe(5);
    expect(r.source).toEqual({ sheet: "Inputs", cells: { years: "D13" } });
  });

  it("prefers an Excel Table named Assumptions", () => {
    const used = grid("Assumptions", [
      ["Setting", "Value"],
      ["Number of years", 2],
    ]);
    const table = grid(
      "Settings",
      [
        ["Setting", "Value"],
        ["Number of years", 7],
      ],
      { row: 0, column: 0 },
      "Assumptions"
    );
    expect(readAssumptions({ grids: [used, table] }).assumptions.years).toBe(7);
  });
});
