import {
  calendarDateOf,
  daysInMonth,
  financialYearEnd,
  financialYearLabel,
  financialYearOf,
  financialYearStart,
  formatUkDate,
  monthsOfFinancialYear,
  parseFinancialYear,
  serialOf,
} from "../../../src/core/dates";

describe("Excel serial dates", () => {
  it("matches Excel's serials", () => {
    expect(serialOf(1900, 3, 1)).toBe(61);
    expect(serialOf(2018, 9, 1)).toBe(43344);
    expect(serialOf(2024, 4, 1)).toBe(45383);
    expect(calendarDateOf(45383)).toEqual({ year: 2024, month: 4, day: 1 });
    expect(formatUkDate(43344)).toBe("01/09/2018");
  });

  it("knows month lengths, leap years included", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2024, 9)).toBe(30);
  });
});

describe("financial years", () => {
  it("runs 1 April to 31 March", () => {
    expect(financialYearOf(serialOf(2024, 3, 31))).toBe(2023);
    expect(financialYearOf(serialOf(2024, 4, 1))).toBe(2024);
    expect(financialYearStart(2024)).toBe(serialOf(2024, 4, 1));
    expect(financialYearEnd(2024)).toBe(serialOf(2025, 3, 31));
  });

  it("is labelled 2024/25", () => {
    expect(financialYearLabel(2024)).toBe("2024/25");
    expect(financialYearLabel(2099)).toBe("2099/00");
  });

  it.each([
    ["2024/25", 2024],
    ["2024-25", 2024],
    ["FY2024/25", 2024],
    ["2024/2025", 2024],
    [" 2024 ", 2024],
    [2024, 2024],
    ["2024/26", undefined],
    ["24/25", undefined],
    ["next year", undefined],
    [2024.5, undefined],
  ])("reads %p as %p", (input, fy) => {
    expect(parseFinancialYear(input)).toBe(fy);
  });

  it("lists its months April first", () => {
    const months = monthsOfFinancialYear(2024);
    expect(months[0]).toEqual([2024, 4]);
    expect(months[8]).toEqual([2024, 12]);
    expect(months[11]).toEqual([2025, 3]);
  });
});
