import { readLocalities } from "../../../src/core/read";
import { findAggregateRows } from "../../../src/core/read/aggregate-rows";
import type { Locality } from "../../../src/core/model";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, messages } from "./helpers";

const aggregateIssues = (r: ReturnType<typeof readLocalities>) =>
  r.issues.filter((i) => i.code === "aggregate-row");
const names = (r: ReturnType<typeof readLocalities>) => r.localities!.localities.map((l) => l.name);

describe("aggregate rows in the localities table", () => {
  it("leaves out a county row under its districts, with a warning at its cell", () => {
    const r = readLocalities({
      grids: [
        grid("Localities", [
          ["Locality", "Population 0-19", "IDACI", "Referrals"],
          ["Ashford", 28000, 0.14, 610],
          ["Canterbury", 31000, 0.16, 700],
          ["Dover", 23000, 0.21, 690],
          ["Kent", 82000, 0.17, 2000],
        ]),
      ],
    });
    expect(names(r)).toEqual(["Ashford", "Canterbury", "Dover"]);
    expect(messages(r.issues)).toEqual([
      "Localities!A5: 'Kent' looks like a total, not a locality: its Population 0-19 and Referrals are the sums of rows 2 to 4 ('Ashford' to 'Dover'), so it is left out of the shares — nothing to do if it is a total (label it 'Total' to say so, or delete the row); if it is a locality of its own, check its figures",
    ]);
    expect(r.issues[0].severity).toBe("warning");
  });

  it("finds a county row above the districts, as the sum of the rows under it", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Area", "Population", "Referrals"],
          ["Kent", 82000, 2000],
          ["Ashford", 28000, 610],
          ["Canterbury", 31000, 700],
          ["Dover", 23000, 690],
        ]),
      ],
    });
    expect(names(r)).toEqual(["Ashford", "Canterbury", "Dover"]);
    // 28,000 + 31,000 + 23,000 = 82,000 and 610 + 700 + 690 = 2,000: the run under it.
    expect(messages(aggregateIssues(r))).toEqual([
      "L!A2: 'Kent' looks like a total, not a locality: its Population and Referrals are the sums of rows 3 to 5 ('Ashford' to 'Dover'), so it is left out of the shares — nothing to do if it is a total (label it 'Total' to say so, or delete the row); if it is a locality of its own, check its figures",
    ]);
  });

  it("finds district subtotals under their wards and the county row under them", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Ward", "Population 0-19", "Contacts"],
          ["N1", 100, 10],
          ["N2", 200, 25],
          ["North", 300, 35],
          ["S1", 150, 5],
          ["S2", 50, 7],
          ["S3", 70, 8],
          ["South", 270, 20],
          ["County", 570, 55],
        ]),
      ],
    });
    expect(names(r)).toEqual(["N1", "N2", "S1", "S2", "S3"]);
    expect(aggregateIssues(r).map((i) => `${i.code}@${i.address}`)).toEqual([
      "aggregate-row@A4",
      "aggregate-row@A8",
      "aggregate-row@A9",
    ]);
    expect(messages(aggregateIssues(r))[1]).toContain("are the sums of rows 5 to 7 ('S1' to 'S3')");
  });

  it("does not take a locality for a total when only one figure adds up", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Locality", "Population 0-19", "Referrals"],
          ["A", 10000, 300],
          ["B", 20000, 300],
          ["C", 30000, 400],
        ]),
      ],
    });
    expect(names(r)).toEqual(["A", "B", "C"]);
    expect(r.issues.map((i) => i.code)).toEqual(["deprivation-column-missing"]);
  });

  it("compares only the additive columns the table has, never deprivation", () => {
    const at = (name: string, population: number, deprivation: number, demand = 0): Locality => ({
      sourceRow: 0,
      name,
      population,
      deprivation,
      demand,
      cells: {},
    });
    const rows = [at("A", 10, 0.2), at("B", 5, 0.4), at("All", 15, 0.27)];
    expect(findAggregateRows(rows, ["population"])).toEqual([
      { index: 2, sums: [0, 1], all: false },
    ]);
    expect(findAggregateRows(rows, [])).toEqual([]);
    // A row of zeros sums nothing; two rows are not a group to total.
    expect(
      findAggregateRows([at("A", 0, 0), at("B", 0, 0), at("C", 0, 0)], ["population"])
    ).toEqual([]);
    expect(findAggregateRows([at("A", 5, 0), at("B", 5, 0)], ["population"])).toEqual([]);
    // A row above two that add up to it, on the rows under it (sheet rows 2, 3, 4)…
    const on = (l: Locality, sourceRow: number): Locality => ({ ...l, sourceRow });
    const four = [at("A", 30, 0), at("B", 10, 0), at("C", 20, 0), at("D", 5, 0)];
    expect(findAggregateRows(four.map(on).slice(0, 3), ["population"])).toEqual([
      { index: 0, sums: [1, 2], all: false },
    ]);
    // …but not with a blank row between (A on row 1, B on row 3): 30 is not 65 − 30 either.
    expect(
      findAggregateRows(
        [on(four[0], 1), on(four[1], 3), on(four[2], 4), on(four[3], 5)],
        ["population"]
      )
    ).toEqual([]);
    // Decimals add up within rounding.
    expect(
      findAggregateRows([at("A", 0.1, 0), at("B", 0.2, 0), at("C", 0.3, 0)], ["population"])
    ).toEqual([{ index: 2, sums: [0, 1], all: false }]);
  });

  it("finds a locality's line above its wards, each run ending at the next line", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Locality", "Population 0-19", "Contacts"],
          ["North", 300, 35],
          ["N1", 100, 10],
          ["N2", 200, 25],
          ["South", 270, 20],
          ["S1", 150, 5],
          ["S2", 50, 7],
          ["S3", 70, 8],
        ]),
      ],
    });
    // North: 100 + 200 = 300 and 10 + 25 = 35; South: 150 + 50 + 70 = 270 and 5 + 7 + 8 = 20.
    expect(names(r)).toEqual(["N1", "N2", "S1", "S2", "S3"]);
    expect(messages(aggregateIssues(r))).toEqual([
      "L!A2: 'North' looks like a total, not a locality: its Population 0-19 and Contacts are the sums of rows 3 to 4 ('N1' to 'N2'), so it is left out of the shares — nothing to do if it is a total (label it 'Total' to say so, or delete the row); if it is a locality of its own, check its figures",
      "L!A5: 'South' looks like a total, not a locality: its Population 0-19 and Contacts are the sums of rows 6 to 8 ('S1' to 'S3'), so it is left out of the shares — nothing to do if it is a total (label it 'Total' to say so, or delete the row); if it is a locality of its own, check its figures",
    ]);
    expect(aggregateIssues(r).every((i) => i.severity === "warning")).toBe(true);
  });

  it("does not run a locality's line past a blank row, and finds a county line over it all", () => {
    const r = readLocalities({
      grids: [
        grid("L", [
          ["Locality", "Population 0-19", "Contacts"],
          ["County", 570, 55],
          [],
          ["North", 300, 35],
          ["N1", 100, 10],
          ["N2", 200, 25],
          ["South", 270, 20],
          ["S1", 150, 5],
          ["S2", 50, 7],
          ["S3", 70, 8],
        ]),
      ],
    });
    expect(names(r)).toEqual(["N1", "N2", "S1", "S2", "S3"]);
    // Past the blank row County's run would fail anyway (300 + 100 + 200 > 570): it is the
    // sum of the five wards left, 100 + 200 + 150 + 50 + 70 = 570 and 10 + 25 + 5 + 7 + 8 = 55.
    expect(aggregateIssues(r).map((i) => `${i.address} ${i.message.split(": ")[1]}`)).toEqual([
      "A2 its Population 0-19 and Contacts are the sums of the other 5 localities, so it is left out of the shares",
      "A4 its Population 0-19 and Contacts are the sums of rows 5 to 6 ('N1' to 'N2'), so it is left out of the shares",
      "A7 its Population 0-19 and Contacts are the sums of rows 8 to 10 ('S1' to 'S3'), so it is left out of the shares",
    ]);
  });

  it("shares the FTE to the wards alone, adding up exactly, when the locality lines are above them", () => {
    const result = buildWorkbook(
      {
        grids: [
          grid("Localities", [
            ["Locality", "Population 0-19", "Referrals"],
            ["North", 300, 35],
            ["N1", 100, 10],
            ["N2", 200, 25],
            ["South", 270, 20],
            ["S1", 150, 5],
            ["S2", 50, 7],
            ["S3", 70, 8],
          ]),
          grid("Assumptions", [
            ["Setting", "Value"],
            ["FTE to share out", 10],
            ["Allocation unit (FTE)", 0.1],
            ["Population weight", 1],
            ["Deprivation weight", 0],
            ["Demand weight", 0],
          ]),
        ],
      },
      { mode: "shareable", generatedAt: "2026-11-23", version: "0.1.0" }
    );
    expect(result.ok).toBe(true);
    const figures = Object.fromEntries(
      result.summaries.find((s) => s.key === "shares")!.figures.map((f) => [f.label, f.value])
    );
    // 100 units of 0.1 FTE by population of 570 (North and South left out, not 1,140):
    // quotas 17.54, 35.09, 26.32, 8.77, 12.28 → floors 17 + 35 + 26 + 8 + 12 = 98, and the
    // two largest remainders (S2 .77, N1 .54) take one more: 1.8 + 3.5 + 2.6 + 0.9 + 1.2 = 10.
    expect(figures).toMatchObject({
      "FTE shared out": 10,
      "N1: FTE": 1.8,
      "N2: FTE": 3.5,
      "S1: FTE": 2.6,
      "S2: FTE": 0.9,
      "S3: FTE": 1.2,
    });
    expect(Object.keys(figures).filter((k) => /^(North|South)\b/.test(k))).toEqual([]);
    expect(result.issues.filter((i) => i.code === "aggregate-row").map((i) => i.address)).toEqual([
      "A2",
      "A5",
    ]);
  });
});
