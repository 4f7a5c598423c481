import { readEstablishment } from "../../../src/core/read";
import type { PayScales } from "../../../src/core/model";
import { grid, where } from "./helpers";

const ITRENT = [
  ["Assignment Number", "Position Title", "Grade", "Spinal Column Point", "FTE", "Annual Salary"],
  ["100234-1", "Family Support Worker", "SS06", 20, 0.5, 14350],
  ["100235-1", "Family Support Worker", "SS06", 20, 1, 28700],
  ["100236-1", "Family Support Worker", "SS06", 20, 0.6, 17220],
];
const SCALES: PayScales = {
  sheet: "Pay scales",
  points: [
    { grade: "SS06", point: 19, salary: 28000 },
    { grade: "SS06", point: 20, salary: 28700 },
    { grade: "SS06", point: 21, salary: 29400 },
  ],
};
const read = (rows: (string | number)[][], payScales?: PayScales, salary?: string) =>
  readEstablishment(
    { grids: [grid("iTrent export", rows)] },
    { ...(payScales ? { payScales } : {}), ...(salary ? { mapping: { salary } } : {}) }
  );
const pay = (r: ReturnType<typeof read>) =>
  r.establishment!.posts.map((p) => Math.round(p.salary! * p.fte * 100) / 100);

describe("one salary column that is pay for the FTE (iTrent 'Annual Salary', mk-09d)", () => {
  it("is read as pro rata when each part-time row is a full-time row's salary × FTE on its grade and point", () => {
    const r = read(ITRENT);
    expect(pay(r)).toEqual([14350, 28700, 17220]);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([28700, 28700, 28700]);
    expect(r.establishment!.posts[0].cells.proRataSalary).toBe("F2");
    expect(where(r.issues)).toEqual(["info:salary-read-as-pro-rata@F1"]);
    expect(r.issues[0].message).toBe(
      "Column F 'Annual Salary' is read as what each post is paid for its FTE (pro rata), not its full-time salary: every part-time row shows it ('Family Support Worker' at F2: £14,350 ÷ 0.5 FTE = £28,700, the salary of 'Family Support Worker' at F3 on the same grade SS06 point 20). Each post's full-time salary is its pay ÷ FTE, so the cost is the pay, not the pay × FTE again"
    );
    expect(r.issues[0].fix).toBe(
      "nothing to do if the column is the pay for each post's hours; if it holds full-time salaries, map Salary to it (--column Salary=F, or in the task pane pick it for Salary)"
    );
  });

  it("is read as pro rata by the pay scales when no full-time row shares the point", () => {
    const rows = [ITRENT[0], ITRENT[1], ITRENT[3]];
    const r = read(rows, SCALES);
    expect(pay(r)).toEqual([14350, 17220]);
    expect(where(r.issues)).toEqual(["info:salary-read-as-pro-rata@F1"]);
    expect(r.issues[0].message).toContain(
      "('Family Support Worker' at F2: £14,350 ÷ 0.5 FTE = £28,700, the pay scales' salary of SS06 point 20)"
    );
  });

  it("by the grade's range when the point is not given: each part-time salary below the grade, ÷ FTE inside it", () => {
    const rows = [
      ["Post", "Grade", "FTE", "Annual Salary"],
      ["Family Support Worker", "SS06", 0.5, 14200],
    ];
    const r = read(rows, SCALES);
    expect(r.establishment!.posts[0].salary).toBe(28400);
    expect(r.issues[0].message).toContain(
      "£14,200 ÷ 0.5 FTE = £28,400, inside grade SS06 (£28,000 to £29,400), which £14,200 is below"
    );
  });

  it("warns, and still reads pro rata, when some part-time rows cannot be checked", () => {
    const rows = [...ITRENT, ["100237-1", "Social Worker", "SS08", 30, 0.5, 20000]];
    const r = read(rows);
    expect(pay(r)).toEqual([14350, 28700, 17220, 20000]);
    expect(where(r.issues)).toEqual(["warning:salary-read-as-pro-rata-partly-shown@F1"]);
    expect(r.issues[0].message).toContain(
      "2 of 3 part-time rows show it ('Family Support Worker' at F2: £14,350 ÷ 0.5 FTE = £28,700, the salary of 'Family Support Worker' at F3 on the same grade SS06 point 20); F5 could not be checked (no full-time post on the same grade and point, no pay scales table)"
    );
  });

  it("keeps full-time salaries, warned, when a part-time row has the full-time salary", () => {
    const rows = [...ITRENT, ["100237-1", "Family Support Worker", "SS06", 20, 0.5, 28700]];
    const r = read(rows);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([14350, 28700, 17220, 28700]);
    expect(where(r.issues)).toEqual(["warning:salary-pro-rata-contradicted@F1"]);
    expect(r.issues[0].message).toBe(
      "Column F 'Annual Salary' is costed as full-time salaries × FTE, but its part-time rows disagree: some look like pay for their FTE ('Family Support Worker' at F2: £14,350 ÷ 0.5 FTE = £28,700, the salary of 'Family Support Worker' at F3 on the same grade SS06 point 20), others like full-time salaries ('Family Support Worker' at F5 at 0.5 FTE has the salary of 'Family Support Worker' at F3 at 1 FTE, £28,700)"
    );
  });

  it("says nothing and costs full-time salaries when the rows show nothing (different points)", () => {
    const rows = [
      ITRENT[0],
      ["1", "Family Support Worker", "SS06", 19, 0.5, 28000],
      ["2", "Family Support Worker", "SS06", 20, 1, 28700],
    ];
    const r = read(rows);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([28000, 28700]);
    expect(r.issues).toEqual([]);
  });

  it("leaves a Salary the user mapped to the column as full-time salaries", () => {
    const r = read(ITRENT, undefined, "F");
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([14350, 28700, 17220]);
    expect(r.issues.filter((i) => i.code.startsWith("salary"))).toEqual([]);
  });

  it("reads an FTE % column and money typed as text alike (SAP: 50 is 0.5 FTE)", () => {
    const r = read([
      ["Position", "Pay Scale Group", "Pay Scale Level", "FTE %", "Annual Salary"],
      ["Care Manager", "SS09", "30", 50, "£20,000"],
      ["Care Manager", "SS09", "30", 100, "£40,000"],
    ]);
    expect(r.establishment!.posts.map((p) => [p.fte, p.salary])).toEqual([
      [0.5, 40000],
      [1, 40000],
    ]);
    expect(where(r.issues)).toEqual([
      "info:salary-read-as-pro-rata@E1",
      "info:column-unit-converted@D1",
    ]);
  });
});
