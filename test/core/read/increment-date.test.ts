import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

const rows = [
  ["Post ID", "Position", "Grade", "Salary", "FTE", "Start date", "Increment date"],
  ["P1", "Family Worker", "SS06", 28700, 1, "01/10/2020", "01/10"],
  ["P2", "Family Worker", "SS06", 30100, 1, "01/04/2015", "01/04"],
];
const read = (rule?: "april" | "anniversary") =>
  readEstablishment({ grids: [grid("Establishment", rows)] }, rule ? { incrementRule: rule } : {});

describe("an Increment date column (tryout3 mk-08)", () => {
  it("is not read, and the heading says which increment rule is costed and how to cost the posts' dates", () => {
    const r = read("april");
    expect(where(r.issues)).toEqual(["warning:increment-date-not-read@G1"]);
    expect(r.issues[0].message).toBe(
      "Column G 'Increment date' is not read: every post's increments follow the Increment rule, one point each 1 April"
    );
    expect(r.issues[0].fix).toBe(
      "to step each post on its own date, set 'Increment rule' to anniversary on the Assumptions sheet and give each post a Start date on its increment day and month; otherwise nothing to do"
    );
  });

  it("under the anniversary rule, asks that the start dates agree with it", () => {
    const r = read("anniversary");
    expect(r.issues[0].message).toBe(
      "Column G 'Increment date' is not read: every post's increments follow the Increment rule, one point on each start-date anniversary"
    );
    expect(r.issues[0].fix).toBe(
      "nothing to do if each post's start date falls on its increment date; otherwise make them agree, or delete the column"
    );
  });

  it("names the 1 April rule when no rule is given (the Assumptions sheet's default)", () => {
    expect(read().issues[0].message).toContain("one point each 1 April");
  });
});
