/**
 * Layouts a finance officer tried that were read wrong, each now read right or said at its
 * cell: an unlabelled total row, an FTE change column, a salary including on-costs, a
 * Status of "DEL", a sheet named "Budget assumptions", a pay award typed 1 for 1%, a year's
 * NI threshold typed as the month's.
 */
import { readAssumptions, readEstablishment, readWorkbook } from "../../../src/core/read";
import { grid, where } from "./helpers";

const staff = (rows: (string | number)[][]) => readEstablishment({ grids: [grid("Staff", rows)] });

describe("an unlabelled total row under the posts", () => {
  it("is left out when its title says it is the whole, and said at its cell", () => {
    const r = staff([
      ["Position", "Grade", "FTE", "No of staff", "Salary"],
      ["Social Worker", "SS10", 5, 5, 37035],
      ["Senior Social Worker", "SS11", 2, 2, 41511],
      ["Team Manager", "SS13", 1, 1, 51515],
      ["Overall establishment", "", 8, 8, 319712],
    ]);
    const est = r.establishment!;
    expect(est.posts.map((p) => p.title)).toEqual([
      "Social Worker",
      "Senior Social Worker",
      "Team Manager",
    ]);
    expect(est.totals).toMatchObject([{ label: "Overall establishment", fte: 8, headcount: 8 }]);
    const issue = r.issues.find((i) => i.code === "unlabelled-total")!;
    expect([issue.severity, issue.address, issue.message]).toEqual([
      "warning",
      "A5",
      "'Overall establishment' looks like a total, not a post: its FTE (8) is the sum of the 3 posts above it, so it is not costed",
    ]);
  });

  it("is kept, with a warning, when it has a post's grade", () => {
    const r = staff([
      ["Position", "Grade", "FTE", "Salary"],
      ["Social Worker", "SS10", 1, 37035],
      ["Family Worker", "SS8", 1, 30000],
      ["Support Workers", "SS5", 2, 67035],
    ]);
    expect(r.establishment!.posts).toHaveLength(3);
    expect(where(r.issues).filter((w) => w.includes("unlabelled"))).toEqual([
      "warning:unlabelled-total@A4",
    ]);
  });
});

describe("headings that are not the figure they name", () => {
  it("reads Current FTE, not an FTE change column beside it", () => {
    const r = staff([
      ["Position", "Grade", "Salary", "Current FTE", "FTE change (+/-)"],
      ["Social Worker", "SS10", 37035, 10, 2],
      ["Team Manager", "SS13", 51515, 2, 0],
    ]);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([10, 2]);
  });

  it("does not cost a salary including on-costs as the salary (the on-costs would count twice)", () => {
    const r = staff([
      ["Position", "FTE", "Salary inc. on-costs"],
      ["Social Worker", 1, 49000],
    ]);
    expect(where(r.issues).filter((w) => w.startsWith("error"))).toEqual([
      "error:salary-column-missing@A1",
    ]);
  });
});

describe("a Status that deletes the post", () => {
  it.each(["DEL", "Post to be deleted", "To delete"])("reads %s as deleted", (status) => {
    const r = staff([
      ["Position", "Salary", "Current FTE", "Proposed FTE", "Status"],
      ["Team Manager", 45718, 3, "", status],
      ["Social Worker", 38000, 2, "", ""],
    ]);
    expect(r.establishment!.posts.map((p) => p.proposedFte)).toEqual([0, undefined]);
  });
});

describe("assumptions as finance officers type them", () => {
  it("finds a sheet named 'Budget assumptions'", () => {
    const r = readAssumptions({
      grids: [
        grid("Budget assumptions", [
          ["Assumption", "2026/27", "2027/28"],
          ["Employer pension", "21%", "21%"],
          ["Vacancy factor", "4%", ""],
        ]),
      ],
    });
    expect(r.found).toBe(true);
    expect([r.assumptions.pensionRate, r.assumptions.vacancyFactor]).toEqual([0.21, 0.04]);
  });

  it("warns of a pay award typed 1 (100%) for 1%", () => {
    const r = readAssumptions({
      grids: [
        grid("Assumptions", [
          ["Setting", "Value"],
          ["First financial year", "2026/27"],
          ["Pay award 2027/28", 1],
        ]),
      ],
    });
    expect(r.issues.map((i) => [i.severity, i.address, i.message])).toEqual([
      ["warning", "B3", "Pay award 2027/28 of 100% is far above any pay award, and is costed so"],
    ]);
  });

  it("warns of a year's NI threshold typed where the month's goes", () => {
    const r = readAssumptions({
      grids: [
        grid("Assumptions", [
          ["Setting", "Value"],
          ["NI threshold", "£5,000"],
        ]),
      ],
    });
    expect(r.assumptions.niMonthlyThreshold).toBe(5000);
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.fix])).toEqual([
      [
        "warning",
        "setting-unusual",
        "B2",
        // £5,000 ÷ 12 = £416.67, which HMRC publishes as £417.
        "if it is a year's, type it with its period, '£5,000 a year' (read as £417 a month, in whole pounds as HMRC publishes its thresholds)",
      ],
    ]);
  });
});

describe("weekly hours typed in a post's FTE cell", () => {
  it("is warned at the FTE cell when it equals the post's Contracted Hours", () => {
    const r = staff([
      ["Job Title", "FTE", "Contracted Hours", "Annual Salary"],
      ["Social Worker", 1, 37, 38626],
      ["Social Worker", 18.5, 18.5, 38626],
    ]);
    const said = r.issues.filter((i) => i.code === "fte-is-hours");
    expect(said.map((i) => [i.severity, i.address, i.message])).toEqual([
      [
        "warning",
        "B3",
        "FTE 18.5 for 'Social Worker' is its weekly hours, and is costed as 18.5 full-time posts",
      ],
    ]);
  });
});

describe("an Assumptions sheet typed by hand", () => {
  const sheet = readAssumptions({
    grids: [
      grid("Assumptions", [
        ["Setting", "Value", "Owner", "Last updated", "Pay award 4%"],
        ["First financial year", "2026/27", "J Smith", "01/11/2026", ""],
        ["Superannuation", "22.9%", "Pensions team", "", ""],
        ["Pay inflation 27/28", "2.5%", "", "", "4%"],
      ]),
    ],
  });

  it("reads Superannuation as the pension rate and a short year (27/28) as its financial year", () => {
    expect(sheet.assumptions.pensionRate).toBe(0.229);
    expect(sheet.assumptions.payAwards).toEqual([{ year: 2027, percent: 0.025 }]);
  });

  it("takes Owner and Last updated for columns about the settings, not scenarios", () => {
    expect(sheet.scenarios.map((s) => s.name)).toEqual(["Pay award 4%"]);
    expect(sheet.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("a salary column in thousands written £'000", () => {
  it("is read as thousands of pounds", () => {
    const r = staff([
      ["Position", "FTE", "Salary £'000"],
      ["Social Worker", 1, 37.5],
    ]);
    expect(r.establishment!.posts[0].salary).toBe(37500);
  });
});

describe("more than one table that could be the establishment", () => {
  const list = (title: string, fte: number) => [
    [title],
    ["Position", "Grade", "FTE", "Salary"],
    ["Social Worker", "SS10", fte, 38626],
  ];

  it("takes two years' budgets for two budgets, not a restructure, and says which is costed", () => {
    const r = readWorkbook({
      grids: [
        grid("Budget 2025-26", list("Children's social care budget", 12)),
        grid("Budget 2024-25", list("Children's social care budget", 10)),
      ],
    });
    expect(r.establishment!.sheet).toBe("Budget 2025-26");
    expect(r.restructure).toBeUndefined();
    expect(
      r.issues.filter((i) => i.code === "establishment-table-not-read").map((i) => i.message)
    ).toEqual([
      "'Budget 2024-25'!A2:D3 could be the establishment too, but it is not read: the establishment costed is 'Budget 2025-26'!A2:D3",
    ]);
  });

  it("warns that a sheet per service leaves the others' posts out of the figures", () => {
    const r = readWorkbook({
      grids: [
        grid("Early Help", list("Early Help", 4)),
        grid("CSC", [...list("Children's Social Care", 10), ["Team Manager", "SS12", 2, 47000]]),
      ],
    });
    expect(r.establishment!.sheet).toBe("Early Help");
    const said = r.issues.filter((i) => i.code === "establishment-part-not-read");
    expect(said.map((i) => [i.severity, `${i.sheet}!${i.address}`, i.message])).toEqual([
      [
        "warning",
        "CSC!A2",
        "CSC!A2:D4 has the establishment's columns and 2 rows under them, and is not costed: the figures are 'Early Help'!A2:D3's only",
      ],
    ]);
    expect(said[0].fix).toBe(
      'if the sheets are parts of one establishment (a sheet per service), put their posts in one table with a Team or Service column: one table is costed; to cost this one instead, pick it (the task pane\'s table list, or estab build --establishment "CSC")'
    );
  });

  it("still pairs two structures by their years", () => {
    const r = readWorkbook({
      grids: [
        grid("Structure 2025", list("Early Help", 4)),
        grid("Structure 2026", list("Early Help", 5)),
      ],
    });
    expect(r.restructure?.structures).toMatchObject({
      current: { sheet: "Structure 2025" },
      proposed: { sheet: "Structure 2026" },
    });
  });

  it("does not take a list of proposed deletions for the proposed structure", () => {
    const r = readWorkbook({
      grids: [
        grid("Establishment", list("Current establishment", 18)),
        grid("Savings S12", list("Proposed deletions 2026/27", 1)),
      ],
    });
    expect(r.restructure).toBeUndefined();
    expect(r.establishment!.sheet).toBe("Establishment");
    expect(r.issues.map((i) => i.code)).toContain("establishment-table-not-read");
  });
});

describe("an HR export, a row per person", () => {
  it("takes the Employee No as the post's ID, so a row pasted twice is warned", () => {
    const r = staff([
      ["Employee No", "Job Title", "FTE", "Annual Salary"],
      ["100234", "Social Worker", 1, 38626],
      ["100235", "Social Worker", 1, 38626],
      ["100235", "Social Worker", 1, 38626],
    ]);
    expect(where(r.issues).filter((w) => w.includes("duplicate"))).toEqual([
      "warning:duplicate-post-id@A4",
    ]);
  });
});

describe("a Pension scheme column (LGPS, TPS)", () => {
  it("is the scheme's name, not the post's pension rate: not read, and no error", () => {
    const r = staff([
      ["Position", "FTE", "Salary", "Pension scheme"],
      ["Teacher", 1, 38000, "TPS"],
      ["Social Worker", 1, 37000, "LGPS"],
    ]);
    expect(r.establishment!.columns.pensionRate).toBeUndefined();
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
