import { readLocalities } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (demandHeading: string, demand: number[], weights?: { demand: number }) =>
  readLocalities(
    {
      grids: [
        grid("Localities", [
          ["Locality", "Population 0-19", "IDACI rate", demandHeading],
          ["North", 8000, 0.25, demand[0]],
          ["South", 16000, 0.15, demand[1]],
          ["East", 4000, 0.35, demand[2]],
        ]),
      ],
    },
    weights
      ? { weights: { population: 0.5, deprivation: 0.5, demand: weights.demand, equal: 0 } }
      : {}
  );

describe("a demand column of rates (tryout mk-18)", () => {
  it("is read as counts, with a warning at its heading giving the count to type", () => {
    const r = read("CIN rate per 10,000 children", [400, 300, 600]);
    expect(r.localities?.localities.map((l) => l.demand)).toEqual([400, 300, 600]);
    expect(where(r.issues)).toEqual(["warning:demand-rate@D1"]);
    expect(r.issues[0].message).toBe(
      "Column D 'CIN rate per 10,000 children' looks like a rate, but demand is shared by counts: each locality's figure is read as a count, so a locality with fewer children and the same rate gets the same demand share"
    );
    expect(r.issues[0].fix).toBe(
      "give demand as a count (referrals, children in need): the rate × the population it is of ÷ 10,000 ('North': 400 × 8,000 ÷ 10,000 = 320); or set the demand weight to 0%"
    );
  });

  it("takes a percentage column of fractions (25% kept as 0.25) as the rate itself", () => {
    const r = read("Referrals (% of children)", [0.05, 0.02, 0.1]);
    expect(r.issues[0].fix).toBe(
      "give demand as a count (referrals, children in need): the rate × the population it is of ('North': 0.05 × 8,000 = 400); or set the demand weight to 0%"
    );
  });

  it("says a rate with no base, and is a note while the demand weight is 0%", () => {
    expect(read("CIN rate", [4, 3, 6]).issues[0].fix).toBe(
      "give demand as a count (referrals, children in need): the rate × the population it is of; or set the demand weight to 0%"
    );
    expect(where(read("Referrals per 1,000", [4, 3, 6], { demand: 0 }).issues)).toEqual([
      "info:demand-rate@D1",
    ]);
  });

  it("says nothing of a count", () => {
    expect(read("Referrals per year", [400, 300, 600]).issues).toEqual([]);
  });
});
