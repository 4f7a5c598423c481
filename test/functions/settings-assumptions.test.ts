/**
 * The Assumptions sheet itself as the `settings` range: a live Grant Costing sheet passes
 * its Setting | Value block to ESTAB.PROFILE, which reads the costing settings and the pay
 * awards from it and skips the settings that are not the functions' (vacancy factor,
 * weights …). A name neither the functions nor the sheet know is still an error.
 */
import { runFunction } from "../../src/functions/definitions";
import { EstabFunctionError } from "../../src/functions/errors";
import type { ArgValue } from "../../src/functions/args";

// ESTAB.PROFILE(salary, fte, firstFy, years, start, end, awards, points, headcount, pensionRate, figure, settings)
const profile = (settings: unknown[][], awards: ArgValue = null) =>
  runFunction("PROFILE", [
    25000,
    1,
    "2024/25",
    3,
    null,
    null,
    awards,
    null,
    1,
    null,
    "total",
    settings as never,
  ]);

describe("ESTAB.PROFILE with an Assumptions sheet as its settings", () => {
  const SHEET = [
    ["First financial year", "2024/25"],
    ["Number of years", 3],
    ["Pay award 2024/25", ""],
    ["Pay award 2025/26", "3%"],
    ["Pay award 2026/27", "£1,290 or 2.5%"],
    ["Employer pension rate", "19%"],
    ["Apprenticeship levy", "Yes"],
    ["Vacancy factor", "3%"],
    ["Weight: population", "50%"],
  ];

  it("reads the pay awards and the rates from it, as the same awards given as their own range", () => {
    const asOwnRange = runFunction("PROFILE", [
      25000,
      1,
      "2024/25",
      3,
      null,
      null,
      [
        ["2025/26", 0.03, 0],
        ["2026/27", 0.025, 1290],
      ],
      null,
      1,
      null,
      "total",
      [["Pension rate", 0.19]],
    ]);
    expect(profile(SHEET)).toEqual(asOwnRange);
    // DOMAIN worked example: 32,069.75 in 2024/25 at 19% pension, then the awards.
    expect((profile(SHEET) as number[][])[0][0]).toBe(32069.75);
    expect((profile(SHEET) as number[][])[0][1]).not.toBe(
      (profile(SHEET.filter((r) => !String(r[0]).startsWith("Pay award"))) as number[][])[0][1]
    );
  });

  it("lets an awards range given as its own argument win", () => {
    const none = profile(SHEET, [["2025/26", 0, 0]]);
    const flat = profile(SHEET.filter((r) => !String(r[0]).startsWith("Pay award")));
    expect(none).toEqual(flat);
  });

  it("still refuses a name neither the functions nor the Assumptions sheet know", () => {
    expect(() => profile([...SHEET, ["Levvy", "No"]])).toThrow(EstabFunctionError);
    expect(() => profile([["Pay award 2025/26", "lots"]])).toThrow(/not a pay award/);
  });
});
