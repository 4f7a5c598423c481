import { readEstablishment, stackedHeader } from "../../../src/core/read";
import { grid, where } from "./helpers";

/** A council's layout: title rows, then a header in two rows whose group headings were merged cells. */
const TWO_ROW_HEADER = [
  ["Children's Services - Staffing Establishment"],
  ["As at 1 April 2026"],
  [],
  ["Post", "", "Grade", "Salary", "", "FTE", "Team"],
  ["No.", "Title", "", "Min", "Max", "", ""],
  ["EH001", "Early Help Practitioner", "G7", 30000, 32000, 1, "Early Help"],
  ["EH002", "Early Help Practitioner", "G7", "£30,000", "£32,000", 0.5, "Early Help"],
  ["SW001", "Social Worker", "G9", 36000, 39000, 0.81, "Safeguarding"],
  ["", "GRAND TOTAL", "", "", "", 2.31, ""],
];

describe("a header in two rows", () => {
  it("reads each column by its group heading and its own", () => {
    const r = readEstablishment({ grids: [grid("Establishment", TWO_ROW_HEADER)] });
    const est = r.establishment!;
    expect(est.columns).toEqual({
      postId: 0,
      title: 1,
      grade: 2,
      minSalary: 3,
      maxSalary: 4,
      fte: 5,
      team: 6,
    });
    expect(est.range).toBe("A4:G9");
    expect(
      est.posts.map((p) => [p.postId, p.title, p.grade, p.minSalary, p.maxSalary, p.fte])
    ).toEqual([
      ["EH001", "Early Help Practitioner", "G7", 30000, 32000, 1],
      ["EH002", "Early Help Practitioner", "G7", 30000, 32000, 0.5],
      ["SW001", "Social Worker", "G9", 36000, 39000, 0.81],
    ]);
    // The first post's cells are on row 6, under both header rows.
    expect(est.posts[0].cells.title).toBe("B6");
    expect(where(r.issues).filter((w) => w.startsWith("error") || w.startsWith("warning"))).toEqual(
      []
    );
  });

  it("names each heading at the cell that holds it, upper or lower", () => {
    const r = readEstablishment({ grids: [grid("Establishment", TWO_ROW_HEADER)] });
    expect(r.candidates[0].headers.map((h) => [h.address, h.text])).toEqual([
      ["A5", "Post No."],
      ["B5", "Post Title"],
      ["C4", "Grade"],
      ["D5", "Salary Min"],
      ["E5", "Salary Max"],
      ["F4", "FTE"],
      ["G4", "Team"],
    ]);
  });

  it("reads current and proposed figures side by side under their group headings", () => {
    const r = readEstablishment({
      grids: [
        grid("Restructure", [
          ["Post", "Grade", "Current", "", "Proposed", ""],
          ["", "", "FTE", "Salary", "FTE", "Grade"],
          ["Team Manager", "G10", 1, 40000, 0, "G11"],
          ["Family Worker", "G7", 2, 30000, 2.5, "G7"],
        ]),
      ],
    });
    const est = r.establishment!;
    expect(est.columns.currentFte).toBe(2);
    expect(est.columns.salary).toBe(3);
    expect(est.columns.proposedFte).toBe(4);
    expect(est.columns.proposedGrade).toBe(5);
    expect(est.posts.map((p) => [p.title, p.fte, p.proposedFte, p.proposedGrade])).toEqual([
      ["Team Manager", 1, 0, "G11"],
      ["Family Worker", 2, 2.5, "G7"],
    ]);
  });

  it("keeps a one-row header whose first post is all text (money typed as text) as one row", () => {
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Position Name", "Grade", "Minimum Salary", "Maximum Salary", "FTE"],
          ["Family Support Worker", "SS08", "£20,862", "£22,546", "47.93"],
          ["Unit Manager", "SS11", "£29,531", "£32,440", "7"],
        ]),
      ],
    });
    expect(r.establishment!.posts.map((p) => [p.title, p.fte])).toEqual([
      ["Family Support Worker", 47.93],
      ["Unit Manager", 7],
    ]);
    expect(r.establishment!.range).toBe("A1:E3");
  });

  it("does not read a title row over the header as group headings", () => {
    expect(stackedHeader(["Staffing establishment"], ["Post", "FTE", "Salary"])).toBeUndefined();
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Staffing establishment 2026/27"],
          ["Post", "Grade", "FTE", "Salary"],
          ["Social Worker", "G9", 1, 36000],
        ]),
      ],
    });
    expect(r.candidates[0].headers.map((h) => h.text)).toEqual(["Post", "Grade", "FTE", "Salary"]);
  });

  it("runs a group heading only over the lower headings under it", () => {
    expect(stackedHeader(["Salary", "", "", "Team"], ["Min", "Max", "", "Notes"])).toEqual({
      cells: ["Salary Min", "Salary Max", "", "Team Notes"],
      upperOnly: new Set(),
    });
    expect(stackedHeader(["Grade", "Salary", ""], ["", "Min", "Max"])).toEqual({
      cells: ["Grade", "Salary Min", "Salary Max"],
      upperOnly: new Set([0]),
    });
  });
});

describe("a column of postholders' names", () => {
  it("is not suggested as a headcount, though 'Postholder' is one slip from 'Post holders'", () => {
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Post", "FTE", "Salary", "Postholder"],
          ["Social Worker", 1, 36000, "J Smith"],
          ["Social Worker", 1, 36000, "VACANT"],
        ]),
      ],
    });
    expect(where(r.issues).filter((w) => w.includes("near-miss"))).toEqual([]);
  });

  it("is still suggested when the column holds figures", () => {
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Post", "FTE", "Salary", "Postholder"],
          ["Social Worker", 1, 36000, 1],
          ["Social Worker", 2, 36000, 2],
        ]),
      ],
    });
    expect(where(r.issues).filter((w) => w.includes("near-miss"))).toEqual([
      "warning:header-near-miss@D1",
    ]);
  });
});
