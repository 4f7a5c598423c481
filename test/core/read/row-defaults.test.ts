/**
 * Issue 13, nothing silent: a blank a row's figures rest on is said at its cell. A blank (or
 * 0) headcount is costed as the FTE rounded up for employer NI; a blank pension rate at the
 * assumed rate. Each note is at the blank cell, and the figures are the ones it says.
 */
import type { CellValue } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/read";
import { ROW_NOTES_MAX } from "../../../src/core/read/row-defaults";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, where } from "./helpers";

const HEADER: CellValue[] = ["Post title", "Salary", "FTE", "No of staff", "Pension rate"];
const assumptions = (...rows: CellValue[][]) =>
  grid("Assumptions", [
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
    ["Employer pension rate", "19%"],
    ...rows,
  ]);
const rowNotes = (issues: ReturnType<typeof readWorkbook>["issues"]) =>
  issues.filter((i) => i.code === "headcount-blank" || i.code === "pension-rate-blank");

describe("blanks a row's figures rest on", () => {
  const wb = {
    grids: [
      grid("Staff", [
        HEADER,
        ["Team Manager", 52000, 1, 1, 0.2],
        ["Social Worker", 41000, 2.5, "", ""],
        ["Admin Officer", 24000, 0.6, 0, 0.15],
        ["Vacant post", 30000, 0, "", 0.2],
      ]),
      assumptions(),
    ],
  };

  it("are each said at the blank cell, with what was taken", () => {
    const notes = rowNotes(readWorkbook(wb).issues);
    expect(where(notes)).toEqual([
      "info:headcount-blank@D3",
      "info:headcount-blank@D4",
      "info:pension-rate-blank@E3",
    ]);
    expect(notes.map((n) => n.message)).toEqual([
      "Headcount is blank, so the post's 2.5 FTE is taken as 3 people for employer NI, which is worked out per person",
      "Headcount is 0, so the post's 0.6 FTE is taken as 1 person for employer NI, which is worked out per person",
      "Pension rate is blank, so the assumed employer pension rate (19%, set on the Assumptions sheet) is used for this post",
    ]);
  });

  it("cost as the notes say: 3 people's NI thresholds and 19% pension for the blank row", () => {
    const one = (row: CellValue[]) =>
      buildWorkbook(
        { grids: [grid("Staff", [HEADER, row]), assumptions()] },
        { mode: "shareable", generatedAt: "now", version: "test" }
      ).summaries[0].figures;
    const fig = (f: ReturnType<typeof one>, label: string) =>
      f.find((x) => x.label === label)?.value;
    const blank = one(["Social Worker", 41000, 2.5, "", ""]);
    const typed = one(["Social Worker", 41000, 2.5, 3, 0.19]);
    expect(fig(blank, "Employer NI")).toBe(fig(typed, "Employer NI"));
    expect(fig(blank, "Employer pension")).toBe(fig(typed, "Employer pension"));
    expect(fig(blank, "Employer pension")).toBe(19475);
  });

  it("are not said where the column is absent (one note at the table does that) or on-costs are flat", () => {
    const noColumns = readWorkbook({
      grids: [
        grid("Staff", [
          ["Post title", "Salary", "FTE"],
          ["Social Worker", 41000, 2.5],
        ]),
        assumptions(),
      ],
    });
    expect(rowNotes(noColumns.issues)).toEqual([]);
    expect(where(noColumns.issues.filter((i) => i.code === "headcount-column-missing"))).toEqual([
      "info:headcount-column-missing@A1",
    ]);
    const flat = readWorkbook({
      grids: [wb.grids[0], assumptions(["On-cost method", "flat"], ["Flat on-cost rate", "30%"])],
    });
    expect(rowNotes(flat.issues)).toEqual([]);
  });

  it(`name ${ROW_NOTES_MAX} cells of a kind, then count the rest in one note at the next`, () => {
    const rows = Array.from({ length: ROW_NOTES_MAX + 5 }, (_, i): CellValue[] => [
      `Post ${i + 1}`,
      30000,
      1,
      "",
      0.2,
    ]);
    const notes = rowNotes(
      readWorkbook({ grids: [grid("Staff", [HEADER, ...rows]), assumptions()] }).issues
    );
    expect(notes).toHaveLength(ROW_NOTES_MAX + 1);
    const last = notes[ROW_NOTES_MAX];
    expect(last.address).toBe(`D${ROW_NOTES_MAX + 2}`);
    expect(last.message).toBe(
      `5 more rows from D${ROW_NOTES_MAX + 2} have a blank (or 0) headcount, each taken as its FTE rounded up for employer NI`
    );
  });
});

describe("costing point 'actual' with no actual salary or point", () => {
  it("is a warning at the salary cell: the post is costed at the bottom of its grade", () => {
    const wb = {
      grids: [
        grid("Staff", [
          ["Post title", "Minimum salary", "Maximum salary", "Salary", "FTE"],
          ["Vacant post", 30000, 34000, "", 1],
          ["Filled post", 30000, 34000, 32000, 1],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Costing point", "actual"],
        ]),
      ],
    };
    const r = readWorkbook(wb);
    expect(
      r.issues
        .filter((i) => i.code === "actual-salary-missing")
        .map((i) => [i.severity, i.address, i.message])
    ).toEqual([
      [
        "warning",
        "D2",
        "No actual salary or spinal point, so with costing point 'actual' the post is costed at the bottom of its grade",
      ],
    ]);
    const built = buildWorkbook(wb, { mode: "shareable", generatedAt: "now", version: "test" });
    expect(built.summaries[0].figures.find((f) => f.label === "Salary")?.value).toBe(30000 + 32000);
  });
});
