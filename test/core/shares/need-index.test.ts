import {
  analyseNeed,
  needIndex,
  normaliseWeights,
  SharesInputError,
} from "../../../src/core/shares";

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

describe("need index", () => {
  // DOMAIN.md worked example 9.
  const population = [10_000, 20_000, 10_000];
  const deprivation = [0.2, 0.1, 0.3];
  const demand = [300, 300, 400];
  const weights = { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 };

  it("matches worked example 9 to 6 dp", () => {
    expect(needIndex(population, deprivation, demand, weights).map(round6)).toEqual([
      0.270714, 0.395714, 0.333571,
    ]);
  });

  it("shows each share", () => {
    const a = analyseNeed({ population, deprivation, demand }, weights);
    expect(a.populationShare).toEqual([0.25, 0.5, 0.25]);
    expect(a.deprivationWeighted).toEqual([2000, 2000, 3000]);
    expect(a.deprivationShare.map(round6)).toEqual([0.285714, 0.285714, 0.428571]);
    expect(a.demandShare).toEqual([0.3, 0.3, 0.4]);
    expect(a.equalShare.map(round6)).toEqual([0.333333, 0.333333, 0.333333]);
    expect(a.warnings).toEqual([]);
    expect(a.needIndex.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it("scales weights that do not add up to 100% and says so", () => {
    const given = { population: 50, deprivation: 30, demand: 20, equal: 0 };
    const a = analyseNeed({ population, deprivation, demand }, given);
    expect(a.needIndex.map(round6)).toEqual([0.270714, 0.395714, 0.333571]);
    expect(a.weights).toEqual(weights);
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toMatch(/add up to 10000%/);
    expect(
      normaliseWeights({ population: 0.4, deprivation: 0.4, demand: 0, equal: 0 }).weights
    ).toEqual({ population: 0.5, deprivation: 0.5, demand: 0, equal: 0 });
  });

  it("gives equal shares with the equal weight", () => {
    expect(
      needIndex([1, 2, 3, 4], [0, 0, 0, 0], [0, 0, 0, 0], {
        population: 0,
        deprivation: 0,
        demand: 0,
        equal: 1,
      })
    ).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("falls back to equal shares for a weighted measure with no data, with a warning", () => {
    const a = analyseNeed(
      { population: [1, 3], deprivation: [0.1, 0.1], demand: [0, 0] },
      {
        population: 0.5,
        deprivation: 0,
        demand: 0.5,
        equal: 0,
      }
    );
    expect(a.demandShare).toEqual([0.5, 0.5]);
    expect(a.needIndex).toEqual([0.375, 0.625]);
    expect(a.warnings.join()).toMatch(/demand is zero/);
  });

  it("refuses bad inputs with clear errors", () => {
    expect(() => needIndex([], [], [], weights)).toThrow(SharesInputError);
    expect(() => needIndex([1], [1, 2], [1], weights)).toThrow(/one value per locality/);
    expect(() => needIndex([-1, 2], [0, 0], [1, 1], weights)).toThrow(/Population for locality 1/);
    expect(() => needIndex([1, 2], [0, 0], [1, NaN], weights)).toThrow(/Demand for locality 2/);
    expect(() =>
      needIndex([1], [0], [1], { population: 0, deprivation: 0, demand: 0, equal: 0 })
    ).toThrow(/all zero/);
    expect(() => needIndex([1], [0], [1], { ...weights, demand: -0.2 })).toThrow(/demand weight/);
  });
});
