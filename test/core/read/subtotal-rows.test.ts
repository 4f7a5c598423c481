/**
 * Subtotal rows with no "total" in their label (tryout mk-24, mk-39, mk-40): a row whose
 * figures are the sums of its block of posts is read as a subtotal, not costed, and said at
 * its row; a real post is never dropped (mk-35: a 2 FTE post under two 1 FTE posts).
 */
import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

type Cell = string | number;
const budget = (rows: Cell[][]) => readEstablishment({ grids: [grid("Budget", rows)] });
const HEAD = ["Cost Centre", "Post Title", "FTE", "No of staff", "Salary"];
const titles = (r: ReturnType<typeof budget>) => r.establishment!.posts.map((p) => p.title);
const said = (r: ReturnType<typeof budget>) =>
  r.issues.map((i) => `${i.severity}:${i.code}@${i.address}: ${i.message}`);

describe("a block's subtotal row labelled by its cost centre (mk-24)", () => {
  const r = budget([
    HEAD,
    ["EH100", "Family Worker", 2, 2, 30000],
    ["EH100", "EH Manager", 1, 1, 45000],
    ["", "EH100 Early Help", 3, 3, 105000],
    ["CS200", "Social Worker", 4, 4, 38626],
    ["CS200", "Team Manager", 1, 1, 47000],
    ["", "CS200 Social Care", 5, 5, 201504],
  ]);

  it("is left out of the posts and kept as a subtotal", () => {
    expect(titles(r)).toEqual(["Family Worker", "EH Manager", "Social Worker", "Team Manager"]);
    expect(r.establishment!.posts.reduce((s, p) => s + p.fte, 0)).toBe(8);
    expect(r.establishment!.totals).toEqual([
      {
        sourceRow: 3,
        label: "EH100 Early Help",
        kind: "subtotal",
        fte: 3,
        headcount: 3,
        cells: { title: "B4", fte: "C4", headcount: "D4", salary: "E4" },
      },
      {
        sourceRow: 6,
        label: "CS200 Social Care",
        kind: "subtotal",
        fte: 5,
        headcount: 5,
        cells: { title: "B7", fte: "C7", headcount: "D7", salary: "E7" },
      },
    ]);
  });

  it("is said at its row, with the rows it sums and what to do if it is a post", () => {
    expect(said(r)).toEqual([
      "info:subtotal-row@B4: 'EH100 Early Help' is read as a subtotal of the 2 posts on rows 2 to 3, not a post: its FTE (3), No of staff (3) and Salary (£105,000) are their sums and its label names their cost centre 'EH100', so it is not costed",
      "info:subtotal-row@B7: 'CS200 Social Care' is read as a subtotal of the 2 posts on rows 5 to 6, not a post: its FTE (5), No of staff (5) and Salary (£201,504) are their sums and its label names their cost centre 'CS200', so it is not costed",
    ]);
    expect(r.issues[0].fix).toBe(
      "nothing to do if it is a subtotal (label it 'Subtotal' to say so); if it is a post, give it a Post ID or grade (it is then read as a post)"
    );
  });
});

it("reads a subtotal labelled only by the service when its pay adds up too (mk-39)", () => {
  const r = budget([
    HEAD,
    ["EH100", "Family Worker", 2, 2, 30000],
    ["EH100", "EH Manager", 1, 1, 45000],
    ["", "Early Help", 3, 3, 75000], // the salaries added up, not the pay
    ["CS200", "Social Worker", 4, 4, 38626],
    ["CS200", "Team Manager", 1, 1, 47000],
    ["", "Social Care", 5, 5, 201504],
  ]);
  expect(titles(r)).toEqual(["Family Worker", "EH Manager", "Social Worker", "Team Manager"]);
  expect(said(r)).toEqual([
    "info:subtotal-row@B4: 'Early Help' is read as a subtotal of the 2 posts on rows 2 to 3, not a post: its FTE (3), No of staff (3) and Salary (£75,000) are their sums, so it is not costed",
    "info:subtotal-row@B7: 'Social Care' is read as a subtotal of the 2 posts on rows 5 to 6, not a post: its FTE (5), No of staff (5) and Salary (£201,504) are their sums, so it is not costed",
  ]);
});

it("reads a subtotal with its salary blank, with no salary error at it (mk-40)", () => {
  const r = budget([
    HEAD,
    ["EH100", "Family Worker", 2, 2, 30000],
    ["EH100", "EH Manager", 1, 1, 45000],
    ["", "EH100 Early Help", 3, 3, ""],
    ["CS200", "Social Worker", 4, 4, 38626],
    ["CS200", "Team Manager", 1, 1, 47000],
    ["", "CS200 Social Care", 5, 5, ""],
  ]);
  expect(titles(r)).toHaveLength(4);
  expect(where(r.issues)).toEqual(["info:subtotal-row@B4", "info:subtotal-row@B7"]);
  expect(r.issues[0].message).toBe(
    "'EH100 Early Help' is read as a subtotal of the 2 posts on rows 2 to 3, not a post: its FTE (3) and No of staff (3) are their sums and its label names their cost centre 'EH100', so it is not costed"
  );
});

describe("real posts are never dropped", () => {
  it("a 2 FTE post under two 1 FTE posts, its pay not their sum, is a post, and nothing is said (mk-35)", () => {
    const r = budget([
      ["Post Title", "FTE", "No of staff", "Salary"],
      ["Family Hub Coordinator", 1, 1, 36000],
      ["Seconded Practice Lead", 1, 1, 42000],
      ["Family Worker", 2, 2, 30000],
    ]);
    expect(titles(r)).toHaveLength(3);
    expect(r.issues).toEqual([]);
  });

  it("a 1 FTE post after a 1 FTE post is a post", () => {
    const r = budget([
      HEAD,
      ["EH100", "Family Worker", 1, 1, 30000],
      ["", "Family Worker", 1, 1, 30000],
    ]);
    expect(titles(r)).toHaveLength(2);
    expect(r.issues).toEqual([]);
  });

  it("a row repeating a one-post block under its cost centre is costed, with a warning", () => {
    const r = budget([
      HEAD,
      ["EH100", "Family Worker", 1, 1, 30000],
      ["", "EH100 Early Help", 1, 1, 30000],
      ["CS200", "Social Worker", 1, 1, 38000],
    ]);
    expect(titles(r)).toHaveLength(3);
    expect(said(r)).toEqual([
      "warning:subtotal-row-unsure@B3: 'EH100 Early Help' looks like a subtotal of the post on row 2, its label naming their cost centre 'EH100': its FTE (1), No of staff (1) and Salary (£30,000) are their sums: it may be a subtotal of that one post or a post of its own; it is costed as a post",
    ]);
  });

  it("a row that names its block but only partly adds up is costed, with a warning", () => {
    const r = budget([
      HEAD,
      ["EH100", "Family Worker", 2, 2, 30000],
      ["EH100", "EH Manager", 1, 1, 45000],
      ["", "EH100 Early Help", 3, 3, 100000],
      ["CS200", "Social Worker", 4, 4, 38626],
    ]);
    expect(titles(r)).toHaveLength(4);
    expect(said(r)).toEqual([
      "warning:subtotal-row-unsure@B4: 'EH100 Early Help' looks like a subtotal of the 2 posts on rows 2 to 3, its label naming their cost centre 'EH100': its FTE (3) and No of staff (3) are their sums, but its Salary (£100,000) is not (their sum is £75,000, or £105,000 by FTE); it is costed as a post",
    ]);
    expect(r.issues[0].fix).toBe(
      "if it is a subtotal, label it 'Subtotal' (it is then checked, not costed) or correct its figures; if it is a post, nothing to do"
    );
  });

  it("a post with a grade whose figures all add up is costed, with a warning", () => {
    const r = budget([
      ["Post Title", "Grade", "FTE", "Salary"],
      ["Social Worker", "SS10", 1, 37035],
      ["Family Worker", "SS8", 1, 30000],
      ["Support Workers", "SS5", 2, 67035],
      ["Team Manager", "SS13", 1, 51515],
    ]);
    expect(titles(r)).toHaveLength(4);
    expect(where(r.issues)).toEqual(["warning:subtotal-row-unsure@A4"]);
  });
});

describe("blocks and totals", () => {
  it("a blank row starts a block, and a labelled TOTAL below is checked against the posts only", () => {
    const r = budget([
      HEAD,
      ["EH100", "Family Worker", 2, 2, 30000],
      ["EH100", "EH Manager", 1, 1, 45000],
      [],
      ["CS200", "Social Worker", 4, 4, 38626],
      ["CS200", "Team Manager", 1, 1, 47000],
      ["", "CS200 Social Care", 5, 5, 201504],
      ["", "TOTAL", 8, 8, ""],
    ]);
    expect(titles(r)).toHaveLength(4);
    expect(where(r.issues)).toEqual(["info:blank-row@A4", "info:subtotal-row@B7"]);
    expect(r.issues[1].message).toContain("subtotal of the 2 posts on rows 5 to 6");
    expect(r.establishment!.totals.map((t) => [t.label, t.kind, t.fte])).toEqual([
      ["CS200 Social Care", "subtotal", 5],
      ["TOTAL", "total", 8],
    ]);
  });

  it("at the table's foot, a row that only partly adds up says so too", () => {
    const r = budget([
      HEAD,
      ["EH100", "Family Worker", 2, 2, 30000],
      ["EH100", "EH Manager", 1, 1, 45000],
      ["", "EH100 Early Help", 3, 3, 100000],
    ]);
    expect(titles(r)).toHaveLength(3);
    expect(said(r)).toEqual([
      "warning:unlabelled-total@B4: 'EH100 Early Help' looks like a total, not a post: its FTE (3) is the sum of the 2 posts above it, but its Salary (£100,000) is not (their sum is £75,000, or £105,000 by FTE); it is costed as a post",
    ]);
  });

  it("a labelled TOTAL that counts the subtotals too is a mismatch against the posts", () => {
    const r = budget([
      HEAD,
      ["EH100", "Family Worker", 2, 2, 30000],
      ["EH100", "EH Manager", 1, 1, 45000],
      ["", "EH100 Early Help", 3, 3, 105000],
      ["", "TOTAL", 6, 6, ""],
    ]);
    expect(said(r)).toContain(
      "warning:total-mismatch@C5: TOTAL row says FTE 6 but the 2 rows it covers add up to 3"
    );
  });

  it("an unlabelled total of every post at the foot, under subtotals, is the table's total", () => {
    const r = budget([
      HEAD,
      ["EH100", "Family Worker", 2, 2, 30000],
      ["EH100", "EH Manager", 1, 1, 45000],
      ["", "EH100 Early Help", 3, 3, 105000],
      ["CS200", "Social Worker", 4, 4, 38626],
      ["CS200", "Team Manager", 1, 1, 47000],
      ["", "CS200 Social Care", 5, 5, 201504],
      ["", "Children's Services", 8, 8, 306504],
    ]);
    expect(titles(r)).toHaveLength(4);
    expect(said(r)[0]).toBe(
      "warning:unlabelled-total@B8: 'Children's Services' looks like a total, not a post: its FTE (8) is the sum of the 4 posts above it, so it is not costed"
    );
    expect(r.establishment!.totals.map((t) => [t.label, t.kind, t.fte])).toEqual([
      ["EH100 Early Help", "subtotal", 3],
      ["CS200 Social Care", "subtotal", 5],
      ["Children's Services", "total", 8],
    ]);
  });

  it("names the first 20 subtotals, then counts the rest in one note", () => {
    const rows: Cell[][] = [HEAD];
    for (let k = 0; k < 23; k++) {
      const cc = `CC${100 + k}`;
      rows.push(
        [cc, "Family Worker", 1, 1, 30000],
        [cc, "Manager", 1, 1, 45000],
        ["", `${cc} team`, 2, 2, 75000]
      );
    }
    const r = budget(rows);
    expect(titles(r)).toHaveLength(46);
    const notes = r.issues.filter((i) => i.code === "subtotal-row");
    expect(notes).toHaveLength(21);
    expect(notes[19].address).toBe("B61");
    expect([notes[20].address, notes[20].message]).toEqual([
      "B64",
      "3 more rows from B64 are read as subtotals of the posts above them, not posts, and not costed",
    ]);
  });
});

describe("no false alarms", () => {
  it("a post after a one-post block, its team cell blank and its pay its own, is said nothing of", () => {
    const r = budget([
      ["Team", "Post Title", "FTE", "No of staff", "Salary"],
      ["Early Help", "Early Help Worker", 1, 1, 30000],
      ["", "Early Help Manager", 1, 1, 45000],
    ]);
    expect(titles(r)).toHaveLength(2);
    expect(r.issues).toEqual([]);
  });

  it("a last post whose title has 'service' in it, its pay its own, is said nothing of", () => {
    const r = budget([
      ["Post Title", "FTE", "No of staff", "Salary"],
      ["Family Worker", 1, 1, 30000],
      ["Family Worker", 1, 1, 30000],
      ["Customer Service Advisor", 2, 2, 25000],
    ]);
    expect(titles(r)).toHaveLength(3);
    expect(r.issues).toEqual([]);
  });
});

describe("a subtotal row labelled in the Team column, its Post Title blank (tried by hand)", () => {
  const head = ["Cost Centre", "Team", "Post Title", "FTE", "Salary"];
  const rows = (subtotal: number): Cell[][] => [
    head,
    ["EH100", "Family Support", "Family Support Worker", 1, 37035],
    ["EH100", "Family Support", "Senior FSW", 1, 39513],
    ["", "EH100 Family Support", "", 2, subtotal],
    ["EH200", "Youth Work", "Youth Worker", 1, 33366],
  ];

  it("is read as a subtotal by its sums and its label, not refused for having no Post Title", () => {
    const r = readEstablishment({ grids: [grid("Budget", rows(76548))] });
    expect(titles(r)).toEqual(["Family Support Worker", "Senior FSW", "Youth Worker"]);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(said(r)).toContain(
      "info:subtotal-row@B4: 'EH100 Family Support' is read as a subtotal of the 2 posts on rows 2 to 3, not a post: its FTE (2) and Salary (£76,548) are their sums and its label names their cost centre 'EH100', so it is not costed"
    );
  });

  it("that does not add up keeps the 'no Post Title' error alone, with how to label it", () => {
    const r = readEstablishment({ grids: [grid("Budget", rows(76549))] });
    expect(r.issues.filter((i) => i.severity !== "info").map((i) => [i.code, i.address])).toEqual([
      ["title-missing", "C4"],
    ]);
  });
});

describe("a subtotal row labelled in the first column, the Post No.'s (tryout t8b)", () => {
  const r = budget([
    ["Post No.", "Title", "Grade", "FTE", "Salary", "Cost Centre"],
    ["EH01", "Early Help Manager", "PO6", 1, 52000, "EH100"],
    ["EH02", "Family Worker", "SO1", 1, 31000, "EH100"],
    ["EH03", "Family Worker", "SO1", 0.5, 31000, "EH100"],
    // 1 + 1 + 0.5 = 2.5 FTE; £52,000 + £31,000 + £31,000 = £114,000 (salaries as typed).
    ["EH100 Early Help", "", "", 2.5, 114000, ""],
    ["EH04", "Youth Worker", "Sc6", 1, 27000, "EH200"],
    ["EH05", "Youth Worker", "Sc6", 1, 27000, "EH200"],
    ["EH200 Youth", "", "", 2, 54000, ""],
  ]);

  it("is read as a subtotal, not refused as a row with no Position", () => {
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(titles(r)).toEqual([
      "Early Help Manager",
      "Family Worker",
      "Family Worker",
      "Youth Worker",
      "Youth Worker",
    ]);
    expect(r.establishment!.posts.reduce((s, p) => s + p.fte, 0)).toBe(4.5);
    expect(said(r)).toEqual([
      "info:subtotal-row@A5: 'EH100 Early Help' is read as a subtotal of the 3 posts on rows 2 to 4, not a post: its FTE (2.5) and Salary (£114,000) are their sums and its label names their cost centre 'EH100', so it is not costed",
      "info:subtotal-row@A8: 'EH200 Youth' is read as a subtotal of the 2 posts on rows 6 to 7, not a post: its FTE (2) and Salary (£54,000) are their sums and its label names their cost centre 'EH200', so it is not costed",
    ]);
  });
});
