import { readLocalities, readPayScales, readWorkbook } from "../../../src/core/read";
import { cabinetReportGrid } from "./fixtures/cabinet-report";
import { grid, messages, where } from "./helpers";

describe("localities", () => {
  it("reads the worked example's localities under a title row, with a reconciling total", () => {
    const g = grid("Need", [
      ["Locality need data 2024"],
      ["Locality", "Population 0-19", "IDACI rate", "Referrals"],
      ["A", 10000, 0.2, 300],
      ["B", "20,000", "10%", 300],
      ["C", 10000, 0.3, 400],
      ["Total", 40000, "", 1000],
    ]);
    const r = readLocalities({ grids: [cabinetReportGrid(), g] });
    expect(r.issues).toEqual([]);
    expect(r.localities).toEqual({
      sheet: "Need",
      range: "A2:D6",
      populationHeading: "Population 0-19",
      localities: [
        {
          sourceRow: 2,
          name: "A",
          population: 10000,
          deprivation: 0.2,
          demand: 300,
          cells: { name: "A3", population: "B3", deprivation: "C3", demand: "D3" },
        },
        {
          sourceRow: 3,
          name: "B",
          population: 20000,
          deprivation: 0.1,
          demand: 300,
          cells: { name: "A4", population: "B4", deprivation: "C4", demand: "D4" },
        },
        {
          sourceRow: 4,
          name: "C",
          population: 10000,
          deprivation: 0.3,
          demand: 400,
          cells: { name: "A5", population: "B5", deprivation: "C5", demand: "D5" },
        },
      ],
    });
  });

  it("accepts other headers: Area, Deprivation, Open cases", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Area", "0-19 population", "Deprivation", "Open cases"],
          ["North", 5000, 0.25, 120],
        ]),
      ],
    });
    expect(
      r.localities!.localities.map((l) => [l.name, l.population, l.deprivation, l.demand])
    ).toEqual([["North", 5000, 0.25, 120]]);
  });

  it("reports blank, negative and unreadable figures, a total that disagrees and mixed scales", () => {
    const g = grid("L", [
      ["Locality", "Population 0-19", "IDACI", "Referrals"],
      ["A", 10000, 0.2, ""],
      ["B", -5, 0.1, 300],
      ["C", "lots", 25.3, 300],
      ["A", 10000, 0.3, 10],
      ["D", 10000, 0.3, 10],
      ["Total", 99999, "", ""],
    ]);
    const r = readLocalities({ grids: [g] });
    expect(messages(r.issues)).toEqual([
      "L!B3: Population 0-19 -5 is out of range: it must be from 0 to 100,000,000 — enter the number of children and young people, e.g. 10000",
      "L!B4: Population 0-19 'lots' is not a number — enter the number of children and young people, e.g. 10000",
      "L!B7: Total row says Population 0-19 99999 but the 5 rows it covers add up to 30000 — check for missing, extra or double-counted rows; the rows are costed, not the total",
      "L!D2: Referrals is blank for 'A' — enter a figure (0 if there is none)",
    ]);
    // A's second row is not added to its first, which has an error (a locality's rows are
    // added up: localities-rows-added.test.ts).
    expect(r.localities!.localities.map((l) => l.name)).toEqual(["A", "D"]);
  });

  it("warns when the deprivation column mixes rates and scores", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Locality", "Population", "Deprivation", "Demand"],
          ["A", 1, 0.2, 1],
          ["B", 1, 25, 1],
          ["C", 1, 30, 1],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual(["warning:deprivation-mixed-scale@C2"]);
  });

  it("a missing measure column reads as 0 with a warning; no table at all is no issue", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Locality", "Population"],
          ["A", 100],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual([
      "warning:deprivation-column-missing@A1",
      "warning:demand-column-missing@A1",
    ]);
    expect(r.localities!.localities[0]).toMatchObject({
      name: "A",
      population: 100,
      deprivation: 0,
      demand: 0,
    });
    expect(readLocalities({ grids: [cabinetReportGrid()] })).toEqual({
      candidates: [],
      issues: [],
    });
  });

  it("a missing column whose weight is 0% is information; one a weight uses stays a warning", () => {
    const workbook = {
      grids: [
        grid("L", [
          ["Locality", "Population", "IDACI"],
          ["A", 100, 0.2],
        ]),
      ],
    };
    const zeroDemand = readLocalities(workbook, {
      weights: { population: 0.6, deprivation: 0.4, demand: 0, equal: 0 },
    });
    expect(where(zeroDemand.issues)).toEqual(["info:demand-column-missing@A1"]);
    expect(messages(zeroDemand.issues)).toEqual([
      "L!A1: The localities table has no Demand column, so Demand is read as 0 everywhere; its weight is 0%, so no share depends on it — nothing to do; add a Demand column before giving it a weight",
    ]);
    const someDemand = readLocalities(workbook, {
      weights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
    });
    expect(where(someDemand.issues)).toEqual(["warning:demand-column-missing@A1"]);
    // Population feeds the deprivation-weighted population too: 0% population weight is
    // not enough while deprivation has a weight.
    const noPopulation = readLocalities(
      {
        grids: [
          grid("L", [
            ["Locality", "IDACI", "Referrals"],
            ["A", 0.2, 30],
          ]),
        ],
      },
      { weights: { population: 0, deprivation: 0.5, demand: 0.5, equal: 0 } }
    );
    expect(where(noPopulation.issues)).toEqual(["warning:population-column-missing@A1"]);
  });
});

describe("pay scales", () => {
  it("reads grade, point, salary and optional year; the establishment is not mistaken for one", () => {
    const g = grid("Pay scales", [
      ["NJC pay spine"],
      ["Grade", "SCP", "Salary", "Year"],
      ["SS08", 12, "£24,000", "2024/25"],
      ["SS08", 13, "£24,600", "2024/25"],
      ["SS08", 14, "£25,200", 2024],
    ]);
    const est = grid("Staff", [
      ["Position", "Grade", "SCP", "Salary", "FTE"],
      ["Worker", "SS08", 12, 24000, 1],
    ]);
    const r = readPayScales({ grids: [est, g] });
    expect(r.issues).toEqual([]);
    expect(r.candidates.map((c) => c.sheet)).toEqual(["Pay scales"]);
    expect(r.payScales).toEqual({
      sheet: "Pay scales",
      points: [
        { grade: "SS08", point: 12, salary: 24000, year: 2024, cell: "C3" },
        { grade: "SS08", point: 13, salary: 24600, year: 2024, cell: "C4" },
        { grade: "SS08", point: 14, salary: 25200, year: 2024, cell: "C5" },
      ],
    });
  });

  it("reports blank points and duplicate points", () => {
    const r = readPayScales({
      grids: [
        grid("P", [
          ["Grade", "Point", "Salary"],
          ["A", "", 20000],
          ["A", 2, 21000],
          ["A", 2, 21500],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "P!B2: Point is blank on a row of grade 'A' — enter the point number, e.g. 12",
      "P!C4: Grade 'A' point 2 is listed twice (also at C3) with a different salary (£21000); the first is used — delete the wrong row",
    ]);
    expect(r.payScales!.points).toEqual([{ grade: "A", point: 2, salary: 21000, cell: "C3" }]);
  });

  it("a point listed twice with the same salary is information: nothing changes", () => {
    const r = readPayScales({
      grids: [
        grid("P", [
          ["Grade", "Point", "Salary"],
          ["A", 2, 21000],
          ["A", 2, "£21,000"],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual(["info:duplicate-point@C3"]);
    expect(messages(r.issues)).toEqual([
      "P!C3: Grade 'A' point 2 is listed twice (also at C2) with the same salary — nothing to do; delete one of the rows to tidy up",
    ]);
    expect(r.payScales!.points).toEqual([{ grade: "A", point: 2, salary: 21000, cell: "C2" }]);
  });

  it("says where two spellings of one grade meet ('G8' and 'Grade 8')", () => {
    const r = readPayScales({
      grids: [
        grid("P", [
          ["Grade", "Point", "Salary"],
          ["G8", 25, 30000],
          ["Grade 8", 25, 30500],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "P!C3: Grade 'Grade 8' point 25 is listed twice (also at C2 as 'G8', read as the same grade) with a different salary (£30000); the first is used — delete the wrong row",
    ]);
  });
});

describe("readWorkbook", () => {
  it("reads pay scales first, so grade-only posts are costable and salaries checked against the grade", () => {
    const workbook = {
      grids: [
        grid("Staff", [
          ["Position", "Grade", "Spinal point", "Salary", "FTE", "Headcount"],
          ["Worker A", "SS08", "", "", 1, 1],
          ["Worker B", "SS08", 20, 30000, 1, 1],
        ]),
        grid("Pay", [
          ["Grade", "SCP", "Salary"],
          ["SS08", 12, 24000],
          ["SS08", 13, 24600],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Number of years", 2],
        ]),
      ],
    };
    const r = readWorkbook(workbook);
    expect(r.establishment!.posts.map((p) => p.title)).toEqual(["Worker A", "Worker B"]);
    expect(r.payScales!.points).toHaveLength(2);
    expect(r.assumptions.years).toBe(2);
    expect(r.localities).toBeUndefined();
    expect(messages(r.issues)).toEqual([
      "Staff!D3: Salary £30000 for 'Worker B' is outside its grade (£24000 to £24600) — check the salary and the grade",
      "Staff!C3: Spinal point 20 for 'Worker B' is not a point of grade SS08 — check the point and the grade against the pay scales table",
      // The sheet sets only the number of years: the rest that shape every figure are said.
      "Assumptions!A2: The Assumptions sheet does not set these settings, so the default is used: First financial year 2025/26, Costing point bottom of the grade, Employer pension rate 19%, Increment rule one point each 1 April — add the row (or type its value) to set it; 'estab init' writes a sheet listing every setting",
      // Costed at the bottom of SS08, the typed salary is not used (tryout mk-36).
      "Staff!D1: The Salary column is not costed: the costing point is the bottom of the grade (the default: not set on an Assumptions sheet), so 1 post is costed at the grade's point, not the salary or spinal point typed (e.g. 'Worker B' row 3: £24,000.00, not £30,000.00) — set 'Costing point' to 'actual' on the Assumptions sheet to cost each post-holder's salary (or spinal point); nothing to do if the grade's point is what the budget wants",
    ]);
  });
});
