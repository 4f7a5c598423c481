import { readLocalities } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][]) =>
  readLocalities({
    grids: [
      grid("Localities", [["Locality", "Population 0-19", "IMD score", "Contacts"], ...rows]),
    ],
  });

describe("several rows of one locality (its wards; tryout mk-17b)", () => {
  it("are one locality: population and demand added, deprivation weighted by population", () => {
    const r = read([
      ["North", 3000, 30, 120],
      ["North", 2500, 25, 80],
      ["South", 4000, 15, 90],
      ["South", 3500, 20, 100],
      ["East", 5000, 35, 200],
    ]);
    // North: (3,000 × 30 + 2,500 × 25) ÷ 5,500 = 152,500 ÷ 5,500.
    expect(
      r.localities?.localities.map((l) => [l.name, l.population, l.deprivation, l.demand])
    ).toEqual([
      ["North", 5500, 152500 / 5500, 200],
      ["South", 7500, 130000 / 7500, 190],
      ["East", 5000, 35, 200],
    ]);
    // The sums have no one cell: only the name's is kept.
    expect(r.localities?.localities[0].cells).toEqual({ name: "A2" });
    expect(r.localities?.localities[0].addedFrom).toEqual(["A2", "A3"]);
    expect(r.localities?.localities[2].cells).toEqual({
      name: "A6",
      population: "B6",
      deprivation: "C6",
      demand: "D6",
    });
    expect(where(r.issues)).toEqual(["info:locality-rows-added@A2", "info:locality-rows-added@A4"]);
    expect(r.issues[0].message).toBe(
      "Locality 'North' has 2 rows (A2, A3), shared to as one locality: Population 0-19 5,500, Contacts 200, IMD score 27.73, the average weighted by population"
    );
  });

  it("warns when the rows are the same, as if typed twice, and adds them all the same", () => {
    const r = read([
      ["North", 3000, 30, 120],
      ["South", 4000, 15, 90],
      ["north ", 3000, 30, 120],
    ]);
    expect(r.localities?.localities.map((l) => [l.name, l.population, l.demand])).toEqual([
      ["North", 6000, 240],
      ["South", 4000, 90],
    ]);
    expect(r.issues.map((i) => [i.severity, i.address, i.message, i.fix])).toEqual([
      [
        "warning",
        "A2",
        "Locality 'North' has 2 rows (A2, A4), shared to as one locality: Population 0-19 6,000, Contacts 240, IMD score 30, the average weighted by population; the rows' figures are the same, as if one row was typed twice",
        "delete the row typed twice; if they are parts of the locality (wards), nothing to do",
      ],
    ]);
  });
});
