import type { CellValue } from "../../../src/core/grid";
import {
  assumptionsGrid,
  defaultAssumptions,
  defaultAssumptionsGrid,
  findAssumptionsBlock,
  findScenario,
  readAssumptions,
} from "../../../src/core/read";
import { newScenarioColumn } from "../../../src/core/read/scenarios";
import { grid, where } from "./helpers";

const read = (values: CellValue[][]) => readAssumptions({ grids: [grid("Assumptions", values)] });

describe("scenario columns on the Assumptions sheet", () => {
  const values: CellValue[][] = [
    ["Setting", "Value", "Notes", "Pay award 4%", "NI 2025 early", "Vacancies"],
    ["First financial year", "2025/26", "first year", "", "", ""],
    ["Pay award 2025/26", "£1,290 or 2.5%", "NJC", "4%", "", ""],
    ["Pay award 2026/27", "2%", "", "4%", "", ""],
    ["Employer NI rate", "", "statutory", "", "15%", ""],
    ["NI monthly threshold", "", "", "", "£416.67", ""],
    ["Vacancy factor", "0%", "", "", "", "5%"],
    ["Employer pension rate", "19%", "LGPS", "", "", ""],
  ];

  it("reads each named column as the base with its changes; Notes is not a scenario", () => {
    const r = read(values);
    // Its 2025/26 award is the first year's: in the salaries already (next test).
    expect(where(r.issues)).toEqual(["info:scenario-award-in-base@D3"]);
    expect(r.scenarios.map((s) => [s.name, s.header, s.changed])).toEqual([
      ["Pay award 4%", "D1", { "payAward:2025": "D3", "payAward:2026": "D4" }],
      ["NI 2025 early", "E1", { niRate: "E5", niMonthlyThreshold: "E6" }],
      ["Vacancies", "F1", { vacancyFactor: "F7" }],
    ]);
    const base = r.assumptions;
    expect(base.payAwards).toEqual([
      { year: 2025, percent: 0.025, flatMinimum: 1290 },
      { year: 2026, percent: 0.02 },
    ]);
    // The award cell is replaced whole: "4%" has no cash minimum.
    expect(r.scenarios[0].assumptions).toEqual({
      ...base,
      payAwards: [
        { year: 2025, percent: 0.04 },
        { year: 2026, percent: 0.04 },
      ],
    });
    expect(r.scenarios[1].assumptions).toEqual({
      ...base,
      niRate: 0.15,
      niMonthlyThreshold: 416.67,
    });
    expect(r.scenarios[2].assumptions).toEqual({ ...base, vacancyFactor: 0.05 });
  });

  it("equals a sheet whose Value column holds the scenario's values", () => {
    const r = read(values);
    const asBase = read(
      values.map((row, i) => [row[0], i > 0 && row[3] !== "" ? row[3] : row[1], row[2]])
    );
    expect(r.scenarios[0].assumptions).toEqual(asBase.assumptions);
  });

  it("reports a bad value at the scenario's cell, as the base would", () => {
    const r = read([
      ["Setting", "Value", "Higher pension"],
      ["Employer pension rate", "19%", "lots"],
      ["Vacancy factor", "", "30%"],
    ]);
    expect(where(r.issues)).toEqual(["error:setting-invalid@C2", "warning:setting-unusual@C3"]);
    expect(r.issues[0].message).toBe("Employer pension rate 'lots' is not a percentage");
    expect(r.scenarios[0].assumptions.pensionRate).toBe(0.19);
  });

  it("refuses a scenario that changes a structural setting, at its cell, with the reason", () => {
    const r = read([
      ["Setting", "Value", "Longer"],
      ["First financial year", "2025/26", "2024/25"],
      ["Number of years", "3", "5"],
      ["On-cost method", "statutory", "flat"],
      ["Vacancy factor", "", "2%"],
    ]);
    expect(where(r.issues)).toEqual([
      "error:scenario-structural@C2",
      "error:scenario-structural@C3",
      "error:scenario-structural@C4",
    ]);
    expect(r.issues[1].message).toBe(
      "Scenario 'Longer' changes the number of years, which a scenario cannot: every scenario is compared with the base over the same years, costed the same way"
    );
    expect(r.scenarios[0].assumptions.years).toBe(3);
    expect(r.scenarios[0].changed).toEqual({ vacancyFactor: "C5" });
  });

  it("does not repeat the base's issues for each scenario", () => {
    const r = read([
      ["Setting", "Value", "S1", "S2"],
      ["Employer pension rate", "nineteen", "", ""],
      ["Vacancy factor", "", "1%", "2%"],
    ]);
    expect(where(r.issues)).toEqual(["error:setting-invalid@B2"]);
  });

  it("names twice is an error; an unheaded column with values is a note, not a scenario", () => {
    const r = read([
      ["Setting", "Value", "Comments", "Cut", "cut ", ""],
      ["Vacancy factor", "", "why", "1%", "2%", "3%"],
    ]);
    expect(where(r.issues)).toEqual([
      "error:scenario-name-twice@E1",
      "info:scenario-column-unnamed@F2",
    ]);
    expect(r.scenarios.map((s) => s.name)).toEqual(["Cut"]);
  });

  it("a scenario named Base is an error: that is the Value column's name", () => {
    const r = read([
      ["Setting", "Value", "base ", "Cut"],
      ["Vacancy factor", "", "1%", "2%"],
    ]);
    expect(where(r.issues)).toEqual(["error:scenario-name-base@C1"]);
    expect(r.scenarios.map((s) => s.name)).toEqual(["Cut"]);
  });

  it("the default sheet and any written assumptions have no scenarios", () => {
    expect(read(defaultAssumptionsGrid(2025)).scenarios).toEqual([]);
    const a = { ...defaultAssumptions(2025), vacancyFactor: 0.03 };
    expect(read(assumptionsGrid(a)).scenarios).toEqual([]);
  });

  it("notes that a scenario's award for the first year changes no figure", () => {
    const early = read([
      ["Setting", "Value", "Higher"],
      ["First financial year", "2025/26", ""],
      ["Pay award 2025/26", "2%", "4%"],
      ["Pay award 2026/27", "2%", "4%"],
    ]);
    expect(where(early.issues)).toEqual(["info:scenario-award-in-base@C3"]);
    expect(early.issues[0].message).toBe(
      "Scenario 'Higher' changes the pay award for 2025/26, which changes no figure: the salaries are taken to include the first financial year's award already"
    );
  });

  it("finds a scenario by name, case and spacing aside", () => {
    const r = read(values);
    expect(findScenario(r.scenarios, "pay  award 4%")?.name).toBe("Pay award 4%");
    expect(findScenario(r.scenarios, "Pay award 5%")).toBeUndefined();
  });
});

describe("where a new scenario's heading goes", () => {
  const block = (values: CellValue[][], origin = { row: 0, column: 0 }) => {
    const b = findAssumptionsBlock({ grids: [grid("Assumptions", values, origin)] });
    if (!b) throw new Error("no block");
    return b;
  };

  it("goes after the last heading, Notes and scenarios included, as estab init lays it out", () => {
    const values = defaultAssumptionsGrid(2025);
    expect(values[0]).toEqual(["Setting", "Value", "Notes"]);
    expect(newScenarioColumn(block(values), "  Pay award 4%  ")).toEqual({
      name: "Pay award 4%",
      row: 0,
      column: 3,
      address: "D1",
      letter: "D",
    });
    const withTwo = values.map((row, i) => [
      ...row,
      i === 0 ? "Cut" : "",
      i === 0 ? "Notes 2" : "",
    ]);
    expect(newScenarioColumn(block(withTwo), "Vacancies 5%")).toMatchObject({ address: "F1" });
  });

  it("skips a column with no heading that has values below, and counts from the sheet's origin", () => {
    const values: CellValue[][] = [
      ["Title", "", "", "", ""],
      ["Setting", "Value", "Notes", "", ""],
      ["Vacancy factor", "2%", "", "5%", ""],
    ];
    // D3 holds a value with no heading: heading D would make it a scenario's.
    expect(newScenarioColumn(block(values, { row: 3, column: 1 }), "Higher pension")).toEqual({
      name: "Higher pension",
      row: 1,
      column: 4,
      address: "F5",
      letter: "F",
    });
  });

  it("says why a name cannot be a scenario's", () => {
    const b = block([
      ["Setting", "Value", "Notes", "Pay award 4%"],
      ["Vacancy factor", "2%", "", ""],
    ]);
    const refused = (name: string) => {
      const r = newScenarioColumn(b, name);
      return "refused" in r ? [r.refused, r.reason] : ["placed", r.address];
    };
    expect(refused("  ")).toEqual(["blank", "A scenario needs a name, e.g. 'Pay award 4%'"]);
    expect(refused("BASE")).toEqual([
      "base",
      "'BASE' is the name of the Value column (the base), so it cannot name a scenario; choose another name.",
    ]);
    expect(refused("Comments")).toEqual([
      "notes",
      "'Comments' heads a notes column, so it would not be read as a scenario; choose another name.",
    ]);
    expect(refused("pay award  4%")).toEqual([
      "twice",
      "There is a scenario named 'Pay award 4%' already, at D1",
    ]);
    expect(refused("2026/27")).toEqual([
      "year",
      "'2026/27' reads as a financial year, and scenarios are shown beside the financial years; name what the scenario changes, e.g. 'Pay award 4%'",
    ]);
    expect(refused("x".repeat(41))).toEqual([
      "too-long",
      "A scenario's name is at most 40 characters (this one has 41): it labels the scenario's column, figures and chart",
    ]);
    expect(refused("x".repeat(40))).toEqual(["placed", "E1"]);
    // Text that looks like a formula is a name like any other: it is written as text.
    expect(refused("=1+1")).toEqual(["placed", "E1"]);
  });

  it("refuses a sheet with the years across the top, and one with no header row", () => {
    const across = block([
      ["Assumption", "2025/26", "2026/27"],
      ["Pay award", "2%", "3%"],
    ]);
    expect(newScenarioColumn(across, "Cut")).toMatchObject({ refused: "years-across" });
    const bare = block([["Vacancy factor", "2%"]]);
    expect(newScenarioColumn(bare, "Cut")).toMatchObject({ refused: "no-header" });
  });
});
