import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][]) =>
  readEstablishment({ grids: [grid("Establishment", rows)] });

describe("allowances in their own columns (tryout3 mk-03, mk-04, mk-04b)", () => {
  it("warns at each allowance heading that it is not costed, with its total (mk-03)", () => {
    const r = read([
      [
        "Post ID",
        "Position",
        "Grade",
        "Basic Salary",
        "FTE",
        "Car allowance",
        "Standby allowance",
        "Market supplement",
        "Acting up",
        "Honorarium",
      ],
      ["P1", "Social Worker", "SS09", 40000, 1, 1200, 2500, 3000, "", ""],
      ["P2", "Team Manager", "SS12", 50000, 1, 1200, "", "", 4000, 1000],
    ]);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([40000, 50000]);
    expect(where(r.issues)).toEqual([
      "warning:allowance-not-costed@F1",
      "warning:allowance-not-costed@G1",
      "warning:allowance-not-costed@H1",
      "warning:allowance-not-costed@I1",
      "warning:allowance-not-costed@J1",
    ]);
    expect(r.issues[0].message).toBe(
      "Column F 'Car allowance' looks like an allowance (£2,400 on 2 rows) and is not costed: only the basic salary is, with its on-costs"
    );
    expect(r.issues[0].fix).toBe(
      "to cost it, add it into column D 'Basic Salary' (e.g. =D2+F2; the salary is multiplied by the FTE and incremented, so add a part-time post's allowance ÷ its FTE); if it is budgeted elsewhere, nothing to do"
    );
    expect(r.issues[3].message).toBe(
      "Column I 'Acting up' looks like an allowance (£4,000 on 1 row) and is not costed: only the basic salary is, with its on-costs"
    );
  });

  it("does not read 'Acting up salary' or 'Market supplement pay' as the salary (mk-04)", () => {
    const r = read([
      ["Position", "Grade", "Salary", "FTE", "Acting up salary", "Market supplement pay"],
      ["Social Worker", "SS09", 40000, 1, 4000, 3000],
      ["Team Manager", "SS12", 50000, 1, "", ""],
    ]);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([40000, 50000]);
    expect(where(r.issues)).toEqual([
      "warning:allowance-not-costed@E1",
      "warning:allowance-not-costed@F1",
    ]);
  });

  it("keeps the Salary column when the allowance comes first (mk-04b)", () => {
    const r = read([
      ["Position", "Grade", "Acting up pay", "Salary", "FTE"],
      ["Social Worker", "SS09", 4000, 40000, 1],
      ["Team Manager", "SS12", "", 50000, 1],
    ]);
    expect(r.establishment!.columns.salary).toBe(3);
    expect(where(r.issues)).toEqual(["warning:allowance-not-costed@C1"]);
  });

  it("says nothing of an allowance column with nothing in it", () => {
    const r = read([
      ["Position", "Salary", "FTE", "Car allowance"],
      ["Social Worker", 40000, 1, ""],
    ]);
    expect(r.issues).toEqual([]);
  });
});
