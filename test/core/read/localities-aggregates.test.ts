import { readLocalities } from "../../../src/core/read";
import { findAggregateRows } from "../../../src/core/read/aggregate-rows";
import type { Locality } from "../../../src/core/model";
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
      "Localities!A5: 'Kent' looks like a total, not a locality: its Population 0-19 and Demand are the sums of rows 2 to 4 ('Ashford' to 'Dover'), so it is left out of the shares — nothing to do if it is a total (label it 'Total' to say so, or delete the row); if it is a locality of its own, check its figures",
    ]);
    expect(r.issues[0].severity).toBe("warning");
  });

  it("finds a county row above the districts, as the sum of all the others", () => {
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
    expect(messages(aggregateIssues(r))).toEqual([
      "L!A2: 'Kent' looks like a total, not a locality: its Population 0-19 and Demand are the sums of the other 3 localities, so it is left out of the shares — nothing to do if it is a total (label it 'Total' to say so, or delete the row); if it is a locality of its own, check its figures",
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
    // Decimals add up within rounding.
    expect(
      findAggregateRows([at("A", 0.1, 0), at("B", 0.2, 0), at("C", 0.3, 0)], ["population"])
    ).toEqual([{ index: 2, sums: [0, 1], all: false }]);
  });
});
