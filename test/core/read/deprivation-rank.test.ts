import { readLocalities } from "../../../src/core/read";
import { grid } from "./helpers";

const read = (header: string, weights?: { deprivation: number }) =>
  readLocalities(
    {
      grids: [
        grid("Localities", [
          ["Locality", "Population 0-19", header, "Referrals 2024-25"],
          ["North", 10000, 20, 1000],
          ["South", 10000, 300, 1000],
        ]),
      ],
    },
    weights
      ? { weights: { population: 0.5, deprivation: weights.deprivation, demand: 0.5, equal: 0 } }
      : {}
  );

describe("a deprivation column of ranks (IMD rank, 1 = the most deprived)", () => {
  it("is refused at its heading, with what to give instead (it read upside down, in silence)", () => {
    const r = read("IMD rank");
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["error", "deprivation-rank", "C1"],
    ]);
    expect(r.issues[0].message).toBe(
      "Column C 'IMD rank' holds ranks, not a measure of deprivation: read as a score, the least deprived place would weigh the most: 'South' (rank 300) would weigh 15 times 'North' (rank 20), so the locality shares are not worked out"
    );
    expect(r.issues[0].fix).toMatch(/^give a measure instead: the IMD score/);
  });

  it("is a note when the deprivation weight is 0%: no share depends on it", () => {
    const r = read("Rank of IMD (1 = most deprived)", { deprivation: 0 });
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["info", "deprivation-rank", "C1"],
    ]);
  });

  it("leaves a score, and a decile, as they were read", () => {
    expect(read("IMD score").issues).toEqual([]);
    expect(read("IMD decile rank").issues.map((i) => i.code)).toEqual([
      "decile-invalid",
      "decile-invalid",
      "deprivation-deciles",
    ]);
  });
});
