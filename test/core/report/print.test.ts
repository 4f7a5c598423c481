import { text, num, type SheetSpec } from "../../../src/core/report";
import {
  FIT_TO_WIDTH_LIMIT,
  MAX_FITTED_WIDTH,
  fittedWidths,
  printReady,
  readableDate,
} from "../../../src/core/report/print";

/** A title, a table A3:C5 with a totals row, and a long note outside the table. */
function sheet(widths: number[], freeze = { rows: 3, columns: 1 }): SheetSpec {
  return {
    key: "cost",
    name: "Establishment Cost",
    cells: [
      [text("Establishment cost 2025/26 and a title much longer than any column", "title")],
      [],
      [text("Post", "header"), text("FTE", "header"), text("Total", "header")],
      [text("Head of Early Help and Family Support"), num(1, "fte"), num(81234.5, "money")],
      [text("Family Support Worker"), num(0.5, "fte"), num(1234567.89, "money")],
      [text("Total", "total"), num(1.5, "fte", "total"), num(1315802.39, "money", "total")],
      [text("x".repeat(120), "note")],
    ],
    tables: [{ name: "T", range: "A3:C5" }],
    columnWidths: widths,
    freeze,
    notes: [],
    page: { orientation: "landscape", fitToWidth: true },
    charts: [],
  };
}

describe("readableDate", () => {
  it("gives the day, month in words, year and time of an ISO timestamp", () => {
    expect(readableDate("2026-12-04T14:19:07.123Z")).toBe("4 December 2026, 14:19 UTC");
    expect(readableDate("2025-06-01T09:00:00Z")).toBe("1 June 2025, 09:00 UTC");
  });
  it("gives a date alone without a time, and anything else as it is", () => {
    expect(readableDate("2025-06-01")).toBe("1 June 2025");
    expect(readableDate("yesterday")).toBe("yesterday");
    expect(readableDate("")).toBe("");
  });
});

describe("fittedWidths", () => {
  it("widens each column to its longest table cell, header with room for its filter, capped", () => {
    // "Head of Early Help and Family Support" is 37 characters: 37 + 2.
    // "FTE", bold, 3 × 1.2 rounded up + 4; "£1,234,567.89" is 13: 13 + 2.
    expect(fittedWidths(sheet([10, 6, 10]))).toEqual([39, 8, 15]);
  });
  it("never narrows a column the builder made wider, and ignores text outside tables", () => {
    expect(fittedWidths(sheet([45, 12, 20]))).toEqual([45, 12, 20]);
  });
  it("caps a column at MAX_FITTED_WIDTH", () => {
    const s = sheet([10, 6, 10]);
    s.cells[3][0] = text("y".repeat(200));
    expect(fittedWidths(s)[0]).toBe(MAX_FITTED_WIDTH);
  });
});

describe("printReady", () => {
  it("repeats the frozen header row on every page, fits a narrow sheet to one page wide, footers", () => {
    const s = printReady(sheet([10, 6, 10]), "2026-12-04T14:19:00Z");
    expect(s.page).toEqual({
      orientation: "landscape",
      fitToWidth: true,
      titleRows: { first: 2, last: 2 },
      footer: { builtOn: "4 December 2026, 14:19 UTC" },
    });
    expect(s.columnWidths).toEqual([39, 8, 15]);
  });
  it("prints a sheet wider than FIT_TO_WIDTH_LIMIT in sections, repeating the frozen columns", () => {
    const wide = Array.from({ length: 20 }, () => 14);
    expect(wide.reduce((a, b) => a + b, 0)).toBeGreaterThan(FIT_TO_WIDTH_LIMIT);
    const s = printReady(sheet(wide, { rows: 3, columns: 2 }), "2026-12-04T14:19:00Z");
    expect(s.page).toMatchObject({
      fitToWidth: false,
      titleColumns: 2,
      titleRows: { first: 2, last: 2 },
    });
  });
});
