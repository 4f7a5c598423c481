import { readLocalities } from "../../../src/core/read";
import { grid } from "./helpers";

const read = (header: string, deciles: number[]) =>
  readLocalities({
    grids: [
      grid("Need", [
        ["Locality", "Population 0-19", header, "Open cases"],
        ...deciles.map((d, i) => [`Area ${i + 1}`, 10000, d, 200]),
      ]),
    ],
  });

describe("a deprivation column of IMD deciles (1 = the most deprived tenth)", () => {
  it("weighs decile 1 the most: each deprivation is 11 − the decile, said at the heading", () => {
    const r = read("IMD decile (1 = most deprived)", [1, 9, 10]);
    expect(r.localities!.localities.map((l) => l.deprivation)).toEqual([10, 2, 1]);
    expect(r.localities!.deprivationFromDeciles).toBe(true);
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["info", "deprivation-deciles", "C1"],
    ]);
  });

  it("refuses a figure that is not a decile, at its cell", () => {
    const r = read("IMD decile", [1, 11]);
    expect(r.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.address])).toEqual([
      ["decile-invalid", "C3"],
    ]);
  });

  it("leaves a share of children in the most deprived deciles as the rate it is", () => {
    const r = read("% of children in IMD deciles 1-2", [0.4, 0.1]);
    expect(r.localities!.localities.map((l) => l.deprivation)).toEqual([0.4, 0.1]);
    expect(r.localities!.deprivationFromDeciles).toBeUndefined();
  });
});
