import {
  cellA1,
  columnIndex,
  columnLetters,
  fromA1,
  parseRangeA1,
  quoteSheetName,
  sheetAddress,
  toA1,
} from "../../../src/core/grid";
import { formatIssue } from "../../../src/core/grid";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("converts positions to A1 and back, with or without $", () => {
    expect(toA1({ row: 6, column: 4 })).toBe("E7");
    expect(fromA1("$E$7")).toEqual({ row: 6, column: 4 });
    expect(parseRangeA1("B3:D10")).toEqual({
      start: { row: 2, column: 1 },
      end: { row: 9, column: 3 },
    });
    expect(() => fromA1("7E")).toThrow(RangeError);
    expect(fromA1(" ab12 ")).toEqual({ row: 11, column: 27 });
    expect(fromA1("$XFD1048576")).toEqual({ row: 1048575, column: 16383 });
    for (const bad of ["", "$", "A", "12", "AAAA1", "A1B", "$$A1", "A$$1", "A-1", "A 1", "É1"])
      expect(() => fromA1(bad)).toThrow(RangeError);
  });

  it("offsets grid cells by the grid's origin", () => {
    const grid = { sheet: "Staff", origin: { row: 2, column: 1 }, values: [["x"]] };
    expect(cellA1(grid, 4, 3)).toBe("E7");
  });

  it("quotes sheet names that are not plain words", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("Staff list")).toBe("'Staff list'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(sheetAddress("Staff list", { row: 0, column: 0 })).toBe("'Staff list'!A1");
  });

  it("formats an issue the way the user reads it", () => {
    expect(
      formatIssue({
        severity: "error",
        code: "fte-not-number",
        sheet: "Sheet1",
        address: "E7",
        value: "full time",
        message: "FTE 'full time' is not a number",
        fix: "enter e.g. 1 or 0.5",
      })
    ).toBe("Sheet1!E7: FTE 'full time' is not a number — enter e.g. 1 or 0.5");
  });
});
