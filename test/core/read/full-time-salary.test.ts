import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][]) => readEstablishment({ grids: [grid("Payroll", rows)] });

describe("two salary columns, one the other × FTE (a payroll's pay and full-time salary)", () => {
  it("costs the full-time one, wherever it is, and says so at the heading set aside", () => {
    const r = read([
      ["Employee Number", "Job Title", "FTE", "Actual Salary", "FTE Salary"],
      ["1001", "Family Worker", 0.5, 15000, 30000],
      ["1002", "Social Worker", 0.8, 32000, 40000],
      ["1003", "Team Manager", 1, 48000, 48000],
    ]);
    const posts = r.establishment!.posts;
    expect(posts.map((p) => p.salary)).toEqual([30000, 40000, 48000]);
    expect(posts[0].cells.salary).toBe("E2");
    expect(r.establishment!.columns.salary).toBe(4);
    expect(where(r.issues).filter((w) => /salary|duplicate/.test(w))).toEqual([
      "info:salary-full-time-chosen@D1",
    ]);
    expect(r.issues.find((i) => i.code === "salary-full-time-chosen")!.message).toBe(
      "Column D 'Actual Salary' is not costed: it is column E 'FTE Salary' × FTE on the rows ('Family Worker': £30,000 × 0.5 = £15,000), so column E 'FTE Salary', the full-time salary, is costed (the FTE is applied once)"
    );
  });

  it("keeps the left-most when it is the full-time one, and says the other is not costed", () => {
    const r = read([
      ["Post", "FTE", "Salary", "Actual Salary"],
      ["Family Worker", 0.5, 30000, 15000],
    ]);
    expect(r.establishment!.posts[0].salary).toBe(30000);
    expect(where(r.issues)).toEqual(["info:salary-full-time-chosen@D1"]);
  });

  it("with only full-time rows, goes by the heading that names the full-time salary", () => {
    const r = read([
      ["Post", "FTE", "Actual Salary", "FT Salary"],
      ["Team Manager", 1, 48000, 48000],
    ]);
    expect(r.establishment!.columns.salary).toBe(3);
    expect(r.issues.find((i) => i.code === "salary-full-time-chosen")).toMatchObject({
      address: "C1",
      message:
        "Column C 'Actual Salary' is not costed: column D 'FT Salary' is headed as the full-time salary, so column D 'FT Salary', the full-time salary, is costed (the FTE is applied once)",
    });
  });

  it("leaves two salary columns the rows do not relate to the generic warning", () => {
    const r = read([
      ["Post", "FTE", "Salary", "Annual salary"],
      ["Family Worker", 0.5, 30000, 31000],
    ]);
    expect(r.establishment!.posts[0].salary).toBe(30000);
    expect(where(r.issues)).toEqual(["warning:duplicate-column@D1"]);
  });
});
