import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][]) => readEstablishment({ grids: [grid("Staff", rows)] });

describe("a salary pro rata (the pay for the post's FTE)", () => {
  it("is costed as a full-time salary of pay ÷ FTE, so the pay is not multiplied by the FTE again", () => {
    const r = read([
      ["Post", "FTE", "Salary (pro rata)"],
      ["Social Worker", 0.5, 18000],
      ["Senior Practitioner", 0.81, 32400],
      ["Manager", 1, 40000],
    ]);
    const posts = r.establishment!.posts;
    expect(posts.map((p) => p.salary)).toEqual([36000, 32400 / 0.81, 40000]);
    // The pay itself again, to the penny, as the costing multiplies by the FTE.
    expect(posts.map((p) => Math.round(p.salary! * p.fte * 100) / 100)).toEqual([
      18000, 32400, 40000,
    ]);
    // No salary cell: a live formula must not read the pay as a full-time salary.
    expect(posts[0].cells).toMatchObject({ proRataSalary: "C2" });
    expect(posts[0].cells.salary).toBeUndefined();
    const note = r.issues.find((i) => i.code === "salary-pro-rata")!;
    expect(note).toMatchObject({ severity: "info", sheet: "Staff", address: "C1" });
    expect(note.message).toContain("'Social Worker' at C2: £18,000 ÷ 0.5 FTE = £36,000 full time");
  });

  it("costs the Salary column when both are there, and says the pro-rata one is not read", () => {
    const r = read([
      ["Post", "FTE", "Salary", "Salary (pro rata)"],
      ["Social Worker", 0.5, 36000, 18000],
    ]);
    expect(r.establishment!.posts[0].salary).toBe(36000);
    expect(where(r.issues).filter((w) => w.includes("pro-rata"))).toEqual([
      "info:salary-pro-rata-not-read@D1",
    ]);
  });

  it("leaves a post of no FTE with no salary and no error (it costs nothing)", () => {
    const r = read([
      ["Post", "FTE", "Pro rata salary"],
      ["Vacant post", 0, 0],
      ["Manager", 1, 40000],
    ]);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([undefined, 40000]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("a pro-rata pay over a tiny FTE", () => {
  it("is refused at the pay's cell, not costed as a salary of millions", () => {
    const r = read([
      ["Post", "FTE", "Pro rata salary"],
      ["Sessional worker", 0.001, 20900],
    ]);
    expect(
      r.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.address, i.message])
    ).toEqual([
      [
        "salary-pro-rata-out-of-range",
        "C2",
        "Pay £20,900 at FTE 0.001 for 'Sessional worker' is a full-time salary of more than £10,000,000",
      ],
    ]);
    expect(r.establishment!.posts[0].salary).toBeUndefined();
  });
});

describe("weekly hours with no FTE column", () => {
  it("is refused at the header with how to work FTE out from the hours column", () => {
    const r = read([
      ["Post", "Contracted hours", "Salary"],
      ["Social Worker", 37, 36000],
      ["Family Worker", 18.5, 28000],
    ]);
    const error = r.issues.find((i) => i.code === "fte-column-missing")!;
    expect(error).toMatchObject({ severity: "error", sheet: "Staff", address: "A1" });
    expect(error.fix).toBe(
      "set 'Full-time hours a week' on the Assumptions sheet (e.g. 37) to work each post's FTE out from column B 'Contracted hours', or add an FTE column (e.g. =B2/37 for a 37-hour week), or map one"
    );
  });
});
