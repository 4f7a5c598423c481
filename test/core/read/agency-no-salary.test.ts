/**
 * Tryout B13 (mk-04): an agency row with a rate but no salary. The cost sheets cost every
 * row as employed, on its salary, so it is refused there: one error that says so, and no
 * "costed at the bottom of its grade" beside it, since it is not costed at all.
 */
import type { CellValue } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/read";
import { grid, where } from "./helpers";

const assumptions = grid("Assumptions", [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
]);
const read = (...rows: CellValue[][]) =>
  readWorkbook({
    grids: [
      grid("Establishment", [
        ["Post Title", "Grade", "FTE", "Salary", "Contract", "Day rate"],
        ...rows,
      ]),
      assumptions,
    ],
  });

describe("an agency row with a rate and no salary", () => {
  it("gets one error saying what the cost sheets need, and no bottom-of-grade warning", () => {
    const r = read(
      ["Social Worker", "PO1", 1, 38626, "Permanent", ""],
      ["Locum Social Worker", "PO1", 0.6, "", "Locum", "£45 ph"],
      ["Agency Team Manager", "PO5", 1, "", "Agency", 420]
    );
    const about = r.issues.filter((i) => /salary/.test(i.code));
    expect(where(about)).toEqual([
      "error:agency-salary-missing@B3",
      "error:agency-salary-missing@B4",
    ]);
    expect(about[1]).toMatchObject({
      message:
        "'Agency Team Manager' has an agency rate but no salary (no pay scales table to look up grade 'PO5'): the Establishment Cost and Grant Costing sheets cost an agency row as an employee, on its salary, so it cannot be costed there",
      fix: "enter the salary the post would be paid as an employee (or a grade in the pay scales table); its agency charge is costed on the Restructure sheet",
    });
  });

  it("with no agency rate, is the plain missing salary, still without the contradiction", () => {
    const r = read(["Team Manager", "PO5", 1, "", "Permanent", ""]);
    expect(where(r.issues.filter((i) => /salary/.test(i.code)))).toEqual([
      "error:salary-missing@B2",
    ]);
  });
});
