import { serialOf } from "../../../src/core/dates";
import {
  parseBoolean,
  parseContractType,
  parseDate,
  parseMeasure,
  parseMoney,
  parseNumber,
  parsePercent,
  parsePoint,
  parseText,
  parseYear,
  parsePayAward,
  matchSetting,
} from "../../../src/core/read";

describe("parseMoney", () => {
  it.each([
    [20862, 20862],
    ["20862", 20862],
    ["20862.00", 20862],
    ["£20,862", 20862],
    [" £ 20,862 ", 20862],
    ["£20.9k", 20900],
    ["£20.9K", 20900],
    ["20.9k", 20900],
    ["£1.2m", 1200000],
    ["(1,200)", -1200],
    ["(£1,200)", -1200],
    ["-£1,200", -1200],
    ["£-1,200", -1200],
    ["£1,234,567.89", 1234567.89],
    ["£20,862 pa", 20862],
    ["£20,862 p.a.", 20862],
    ["GBP 500", 500],
    [".5", 0.5],
  ])("%p is %p", (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each([
    ["TBC"],
    ["n/a"],
    [""],
    ["   "],
    ["#REF!"],
    [true],
    ["£"],
    ["1,23"],
    ["--5"],
    ["£20,862 approx"],
    [NaN],
    [Infinity],
  ])("%p is not money", (input) => {
    expect(parseMoney(input)).toBeUndefined();
  });
});

describe("parsePercent: a number above 1 is read as percent points", () => {
  it.each([
    ["12%", 0.12],
    [0.12, 0.12],
    [12, 0.12],
    ["12", 0.12],
    ["0.12", 0.12],
    ["19.5%", 0.195],
    ["2.3%", 0.023],
    ["0.5%", 0.005],
    [" 30 % ", 0.3],
    [1, 1],
    ["1%", 0.01],
    [0, 0],
    ["0%", 0],
    ["-2%", -0.02],
    [100, 1],
  ])("%p is %p", (input, expected) => {
    expect(parsePercent(input)).toBe(expected);
  });

  it.each([["twelve"], ["12%%"], [""], [false], ["#N/A"]])("%p is not a percentage", (input) => {
    expect(parsePercent(input)).toBeUndefined();
  });
});

describe("parseNumber and parseMeasure", () => {
  it("reads plain numbers and numeric text, never words or £", () => {
    expect(parseNumber(47.93)).toBe(47.93);
    expect(parseNumber(" 0.5 ")).toBe(0.5);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("full time")).toBeUndefined();
    expect(parseNumber("£5")).toBeUndefined();
    expect(parseNumber("5%")).toBeUndefined();
    expect(parseNumber(true)).toBeUndefined();
  });
  it("parseMeasure keeps rates and scores as given and reads % text as a fraction", () => {
    expect(parseMeasure(0.2)).toBe(0.2);
    expect(parseMeasure(25.3)).toBe(25.3);
    expect(parseMeasure("20%")).toBe(0.2);
  });
});

describe("parseDate", () => {
  it("reads UK text dates day first: 01/09/2018 is 1 September 2018", () => {
    expect(parseDate("01/09/2018")).toBe(serialOf(2018, 9, 1));
    expect(parseDate("1/9/2018")).toBe(serialOf(2018, 9, 1));
    expect(parseDate("1/9/18")).toBe(serialOf(2018, 9, 1));
    expect(parseDate("01-09-2018")).toBe(serialOf(2018, 9, 1));
    expect(parseDate("01.09.2018")).toBe(serialOf(2018, 9, 1));
    expect(parseDate("13/01/2025")).toBe(serialOf(2025, 1, 13));
  });
  it("reads ISO and written-out dates", () => {
    expect(parseDate("2018-09-01")).toBe(43344);
    expect(parseDate("2018-09-01T00:00:00Z")).toBe(43344);
    expect(parseDate("1 September 2018")).toBe(43344);
    expect(parseDate("1st Sept 2018")).toBe(43344);
    expect(parseDate("01-Sep-2018")).toBe(43344);
    expect(parseDate("16 sep 24")).toBe(serialOf(2024, 9, 16));
  });
  it("reads Excel serial numbers, dropping the time of day", () => {
    expect(parseDate(43344)).toBe(43344);
    expect(parseDate(43344.75)).toBe(43344);
    expect(parseDate("43344")).toBe(43344);
  });
  it.each([
    ["31/02/2024"],
    ["29/02/2023"],
    ["13/13/2024"],
    ["00/01/2024"],
    ["2024"],
    [2024],
    ["Septober 1 2018"],
    ["1 Septober 2018"],
    ["soon"],
    [true],
    [-5],
  ])("rejects %p", (input) => {
    expect(parseDate(input)).toBeUndefined();
  });
  it("accepts 29 February in a leap year", () => {
    expect(parseDate("29/02/2024")).toBe(serialOf(2024, 2, 29));
  });
});

describe("parseBoolean", () => {
  it.each([
    ["Y", true],
    ["y", true],
    ["Yes", true],
    ["TRUE", true],
    ["1", true],
    [1, true],
    [true, true],
    ["x", true],
    ["N", false],
    ["no", false],
    ["False", false],
    ["0", false],
    [0, false],
    [false, false],
  ])("%p is %p", (input, expected) => {
    expect(parseBoolean(input)).toBe(expected);
  });
  it.each([["maybe"], [2], [""], ["#VALUE!"]])("%p is neither", (input) => {
    expect(parseBoolean(input)).toBeUndefined();
  });
});

describe("other parsers", () => {
  it("reads contract types in the users' words", () => {
    expect(parseContractType("Permanent")).toBe("permanent");
    expect(parseContractType("Temp")).toBe("temporary");
    expect(parseContractType("Fixed-term")).toBe("fixed-term");
    expect(parseContractType("FTC")).toBe("fixed-term");
    expect(parseContractType("Locum")).toBe("agency");
    expect(parseContractType("Seconded")).toBe("secondment");
    expect(parseContractType("Zero hours")).toBe("other");
    expect(parseContractType("Apprentice")).toBeUndefined();
  });
  it("reads spinal points, financial years and text", () => {
    expect(parsePoint("SCP 12")).toBe(12);
    expect(parsePoint(12)).toBe(12);
    expect(parsePoint("Point 7")).toBe(7);
    expect(parsePoint("twelve")).toBeUndefined();
    expect(parseYear("2025/26")).toBe(2025);
    expect(parseYear(2024)).toBe(2024);
    expect(parseYear(serialOf(2025, 3, 31))).toBe(2024);
    expect(parseYear("2025/27")).toBeUndefined();
    expect(parseText(5)).toBe("5");
    expect(parseText("  SS08 ")).toBe("SS08");
    // Never trimmed into formula-looking text: the tab or newline in front stays.
    expect(parseText("\t=1+1 ")).toBe("\t=1+1");
    expect(parseText("\n+44 20 7946 0000")).toBe("\n+44 20 7946 0000");
    expect(parseText("-Vacant")).toBe("-Vacant");
    expect(parseText("")).toBeUndefined();
  });
});

describe("text far longer than any figure", () => {
  // A hand-made file can hold 32,767 characters in a cell; the number patterns would take
  // time growing with the square of the length, so such text is never read as a figure.
  const long = [
    "1".repeat(32_767),
    `${"1".repeat(32_000)}x`,
    `£${"1,".repeat(16_000)}x`,
    `${"1".repeat(32_000)}%`,
  ];

  it.each(long.map((t) => [t.slice(0, 6), t]))("%p… is not a figure", (_, text) => {
    expect(parseNumber(text)).toBeUndefined();
    expect(parseMoney(text)).toBeUndefined();
    expect(parsePercent(text)).toBeUndefined();
    expect(parseDate(text)).toBeUndefined();
    expect(parsePoint(text)).toBeUndefined();
    expect(parseYear(text)).toBeUndefined();
    expect(parsePayAward(text)).toBeUndefined();
    expect(matchSetting(text)).toBeUndefined();
  });

  it("up to 255 characters, a figure is still read", () => {
    expect(parseNumber(`${" ".repeat(250)}12`)).toBe(12);
  });
});
