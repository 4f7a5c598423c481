import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][], week?: number) =>
  readEstablishment(
    { grids: [grid("Establishment", rows)] },
    week === undefined ? {} : { fullTimeWeek: { hours: week, sheet: "Assumptions", address: "B7" } }
  );

describe("an FTE that its hours ÷ full-time hours do not give (tryout3 mk-24)", () => {
  const rows = [
    ["Position Title", "Grade", "Salary", "FTE", "Contracted Hours", "Standard Hours"],
    ["Family Worker", "SS06", 30000, 1, 18.5, 37],
    ["Family Worker", "SS06", 30000, 1, 37, 37],
    ["Family Worker", "SS06", 30000, 0.6, 22.2, 37],
  ];

  it("costs the FTE and warns at its cell what the hours give", () => {
    const r = read(rows);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 1, 0.6]);
    expect(where(r.issues)).toEqual(["warning:fte-hours-disagree@D2"]);
    expect(r.issues[0].message).toBe(
      "FTE 1 for 'Family Worker' is not its hours: 18.5 of a 37-hour week is 0.5 FTE; the FTE 1 is costed"
    );
    expect(r.issues[0].fix).toBe(
      "if the post works 18.5 of 37 hours, enter 0.5 as its FTE; if the hours are out of date, correct them"
    );
  });

  it("divides by 'Full-time hours a week' when the row has no full-time hours, and says so", () => {
    const r = read(
      [
        ["Position", "Salary", "FTE", "Hours"],
        ["Family Worker", 30000, 0.5, 30],
      ],
      36
    );
    expect(r.issues.map((i) => i.message)).toEqual([
      "FTE 0.5 for 'Family Worker' is not its hours: 30 of a 36-hour week ('Full-time hours a week') is 0.8333 FTE; the FTE 0.5 is costed",
    ]);
  });

  it("leaves agency rows, new posts (FTE 0) and hours without a full-time week alone", () => {
    const r = read([
      ["Position", "Salary", "FTE", "Proposed FTE", "Hours", "Contract type"],
      ["Agency Social Worker", 40000, 1, 1, 74, "Agency"],
      ["New Family Worker", 30000, 0, 1, 37, "Permanent"],
      ["Family Worker", 30000, 1, 1, 18.5, "Permanent"],
    ]);
    expect(r.issues.filter((i) => i.code === "fte-hours-disagree")).toEqual([]);
  });
});
