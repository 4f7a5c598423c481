import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][]) =>
  readEstablishment({ grids: [grid("Establishment", rows)] });

describe("term-time-only posts (tryout3 mk-01, mk-02)", () => {
  it("warns at the weeks-worked cell that the post is costed for 52 weeks, and how to fold it into FTE (mk-01)", () => {
    const r = read([
      [
        "Post ID",
        "Position",
        "Grade",
        "Salary",
        "FTE",
        "No of staff",
        "Weeks worked",
        "Term time only",
      ],
      ["P1", "Teaching Assistant", "SS04", 24000, 1, 1, 39, "Y"],
      ["P2", "Family Worker", "SS06", 30000, 1, 1, 52, "N"],
    ]);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 1]);
    expect(where(r.issues)).toEqual(["warning:term-time-not-costed@G2"]);
    expect(r.issues[0].message).toBe(
      "'Teaching Assistant' looks term-time only (39 in 'Weeks worked') but is costed at its FTE 1 for the whole year (52 weeks)"
    );
    expect(r.issues[0].fix).toBe(
      "if its FTE does not yet allow for term time, enter FTE × the weeks it is paid for ÷ 52.143, the weeks paid being the weeks worked plus its paid holiday (e.g. with 5.6 weeks' holiday, 1 × (39 + 5.6) ÷ 52.143 = 0.8553); if it does, nothing to do"
    );
  });

  it("warns at a contract type or working pattern that says term time (mk-02)", () => {
    const r = read([
      ["Position", "Grade", "Salary", "FTE", "Contract type", "Working pattern"],
      ["Teaching Assistant", "SS04", 24000, 1, "Term time only", "39 weeks + holiday"],
      ["Learning Mentor", "SS05", 26000, 1, "TTO", "TTO"],
      ["Family Worker", "SS06", 30000, 1, "Permanent", "Full year"],
    ]);
    expect(r.issues.find((i) => i.code === "contract-type-unknown")!.message).toBe(
      "Contract type 'Term time only' is a working pattern (term time), not a contract type: read as 'other', and the post is costed for the whole year"
    );
    expect(where(r.issues).filter((w) => w.includes("term-time"))).toEqual([
      "warning:term-time-not-costed@E2",
      "warning:term-time-not-costed@E3",
    ]);
    expect(
      r.issues.find((i) => i.code === "term-time-not-costed" && i.address === "E3")!.message
    ).toBe(
      "'Learning Mentor' looks term-time only ('TTO' in 'Contract type') but is costed at its FTE 1 for the whole year (52 weeks)"
    );
  });

  it("reads 'Hours per week' as hours, not weeks, and 'Weeks per year' 52 as a full year", () => {
    const r = read([
      ["Position", "Salary", "FTE", "Hours per week", "Weeks per year"],
      ["Family Worker", 30000, 0.5, 18.5, 52],
    ]);
    expect(r.issues).toEqual([]);
  });
});
