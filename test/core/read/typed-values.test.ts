import { serialOf } from "../../../src/core/dates";
import { parseFinancialYear } from "../../../src/core/dates";
import type { Grid } from "../../../src/core/grid";
import {
  parseDate,
  parseFte,
  parseMoney,
  parseMoneyRange,
  parseNumber,
  parseYear,
  readAssumptions,
  readEstablishment,
  readWorkbook,
} from "../../../src/core/read";
import { grid, messages, where } from "./helpers";

// Values a finance officer types (tryout 2: mk-06, mk-08, mk-19, mk-22, mk-26, mk-29).

describe("financial years typed FY25/26 (mk-19)", () => {
  it.each([
    ["FY25/26", 2025],
    ["fy 25-26", 2025],
    ["FY2025/26", 2025],
    ["2025-2026", 2025],
  ])("%s is FY %d", (text, fy) => {
    expect(parseFinancialYear(text)).toBe(fy);
    expect(parseYear(text)).toBe(fy);
  });

  it.each(["FY25/27", "25/26", "26/27"])(
    "%s is refused (not consecutive, or no FY to say it is a year)",
    (text) => {
      expect(parseYear(text)).toBeUndefined();
    }
  );

  it("reads First financial year 'FY25/26' and pay awards labelled 2026/2027 and FY27/28", () => {
    const r = readAssumptions({
      grids: [
        grid("Assumptions", [
          ["Setting", "Value"],
          ["First financial year", "FY25/26"],
          ["Number of years", 3],
          ["Pay award 2026/2027", "3%"],
          ["Pay award FY27/28", "2%"],
        ]),
      ],
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.assumptions.firstYear).toBe(2025);
    expect(r.assumptions.payAwards.map((a) => [a.year, a.percent])).toEqual([
      [2026, 0.03],
      [2027, 0.02],
    ]);
  });

  it("after an unreadable first year, no note talks of the year used instead (C23)", () => {
    const wb = {
      grids: [
        grid("Establishment", [
          ["Post Title", "FTE", "Salary"],
          ["Family Worker", 1, 30000],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["First financial year", "twenty five"],
          ["Pay award 2024/25", "3%"],
        ]),
      ],
    };
    const inputs = readWorkbook(wb, { defaultFirstYear: 2026 });
    expect(where(inputs.issues)).toContain("error:setting-invalid@B2");
    expect(inputs.issues.map((i) => i.code)).not.toContain("pay-award-in-base");
  });
});

describe("FTE typed with words or a % sign (mk-26, mk-29, mk-08)", () => {
  it.each([
    ["1.0 FTE", 1],
    ["0.5 fte", 0.5],
    ["0.6 WTE", 0.6],
    ["50%", 0.5],
    ["100%", 1],
    ["37.5 %", 0.375],
    [0.5, 0.5],
  ])("%s is %d FTE", (value, fte) => {
    expect(parseFte(value)).toBe(fte);
  });

  it.each(["0.5 + 0.5", "0.6/0.4", "0.5 (18.5 hrs)", "full-time"])("%s is not one FTE", (value) => {
    expect(parseFte(value)).toBeUndefined();
  });

  function read(
    rows: Array<Array<string | number>>,
    header = ["Post Title", "FTE", "No of staff", "Salary"]
  ) {
    return readEstablishment({ grids: [grid("Establishment", [header, ...rows])] });
  }

  it("reads them and says at each cell how", () => {
    const r = read([
      ["Worker A", "1.0 FTE", 1, 30000],
      ["Worker B", "50%", 1, 35000],
      ["Worker C", 0.5, 1, 35000],
    ]);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 0.5, 0.5]);
    expect(messages(r.issues.filter((i) => i.code === "fte-read-as"))).toEqual([
      "Establishment!B2: FTE '1.0 FTE' is read as 1 FTE — nothing to do if that is right; otherwise type the figure alone",
      "Establishment!B3: FTE '50%' is read as 0.5 FTE (a percentage of full time) — nothing to do if that is right; otherwise type the figure alone",
    ]);
  });

  it("a '50%' cell in an 'FTE %' column of 50 and 100 is not divided by 100 again", () => {
    const r = read(
      [
        ["Worker A", 100, 1, 30000],
        ["Worker B", "50%", 1, 30000],
        ["Worker C", 50, 1, 30000],
      ],
      ["Post Title", "FTE %", "No of staff", "Salary"]
    );
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 0.5, 0.5]);
  });

  it("refuses a job share typed on one row, saying how to enter it", () => {
    const r = read([["Team Manager", "0.5 + 0.5", 2, 45000]]);
    expect(messages(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "Establishment!B2: FTE '0.5 + 0.5' is a job share's FTEs on one row, not one FTE — put each job sharer on a row of their own (0.5 FTE each), or enter the post's total FTE (1) with No of staff 2",
    ]);
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:fte-shares-on-one-row@B2",
    ]);
  });
});

describe("salaries typed with FTE or a space for thousands (mk-29)", () => {
  it.each([
    ["£35,000 FTE", 35000],
    ["35000 fte", 35000],
    ["32 076", 32076],
    ["£1 234 567", 1234567],
    ["32\u00a0076", 32076],
  ])("%s is £%d", (value, amount) => {
    expect(parseMoney(value)).toBe(amount);
  });

  it.each(["32 07", "3 2076", "£17,500 pro rata"])("%s is refused", (value) => {
    expect(parseMoney(value)).toBeUndefined();
  });

  it("a space separates thousands in a number too", () => {
    expect(parseNumber("1 000")).toBe(1000);
    expect(parseNumber("1 00")).toBeUndefined();
  });

  it("says at the cell how it was read", () => {
    const r = readEstablishment({
      grids: [
        grid("Establishment", [
          ["Post Title", "FTE", "No of staff", "Salary"],
          ["Worker B", 0.5, 1, "£35,000 FTE"],
          ["Worker E", 1, 1, "32 076"],
        ]),
      ],
    });
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([35000, 32076]);
    expect(messages(r.issues.filter((i) => i.code === "salary-read-as"))).toEqual([
      "Establishment!D2: Salary '£35,000 FTE' is read as £35,000 (a full-time salary) — nothing to do if that is right; otherwise type the figure alone",
      "Establishment!D3: Salary '32 076' is read as £32,076 (the space a thousands separator) — nothing to do if that is right; otherwise type the figure alone",
    ]);
  });
});

describe("a grade's range in one Salary cell (mk-22)", () => {
  it.each([
    ["£32,076 - £35,745", [32076, 35745]],
    ["£38,626-£41,511", [38626, 41511]],
    ["32k-35k", [32000, 35000]],
    ["£32,076 to £35,745", [32076, 35745]],
  ])("%s is %j", (value, range) => {
    expect(parseMoneyRange(value)).toEqual(range);
  });

  it.each(["-£1,200", "£35,745 - £32,076", "32-", "TBC"])("%s is not a range", (value) => {
    expect(parseMoneyRange(value)).toBeUndefined();
  });

  const table: Grid = grid("Establishment", [
    ["Post Title", "Grade", "FTE", "No of staff", "Salary Scale"],
    ["Senior Family Worker", "SO1", 1, 1, "£32,076 - £35,745"],
    ["Family Worker", "S6", 1, 1, "32k-35k"],
  ]);

  it("reads it as the post's minimum and maximum, said at the cell", () => {
    const r = readEstablishment({ grids: [table] });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.establishment!.posts.map((p) => [p.salary, p.minSalary, p.maxSalary])).toEqual([
      [undefined, 32076, 35745],
      [undefined, 32000, 35000],
    ]);
    expect(messages(r.issues.filter((i) => i.code === "salary-range"))).toEqual([
      "Establishment!E2: Salary '£32,076 - £35,745' is a range: read as the post's minimum £32,076 and maximum £35,745, costed as a minimum and maximum salary are — nothing to do if that is the grade's range; type the post-holder's salary alone to cost it instead",
      "Establishment!E3: Salary '32k-35k' is a range: read as the post's minimum £32,000 and maximum £35,000, costed as a minimum and maximum salary are — nothing to do if that is the grade's range; type the post-holder's salary alone to cost it instead",
    ]);
  });
});

describe("a month with no day in a date cell (mk-06)", () => {
  it("is refused with the day to type", () => {
    expect(parseDate("Sep-25")).toBeUndefined();
    expect(parseDate("1st Sept 2025")).toBe(serialOf(2025, 9, 1));
    const r = readEstablishment({
      grids: [
        grid("Establishment", [
          ["Post Title", "FTE", "Salary", "Contract", "Start date", "End date"],
          ["Family Worker A", 1, 30000, "Fixed-term", "Sep-25", "Mar-26"],
        ]),
      ],
    });
    expect(messages(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "Establishment!E2: Start date 'Sep-25' is a month with no day — enter the day as well, e.g. 01/09/2025 for a post starting in September 2025 or 30/09/2025 for one ending then",
      "Establishment!F2: End date 'Mar-26' is a month with no day — enter the day as well, e.g. 01/09/2025 for a post starting in September 2025 or 30/09/2025 for one ending then",
    ]);
    expect(where(r.issues.filter((i) => i.severity === "error"))).toEqual([
      "error:start-date-month-no-day@E2",
      "error:end-date-month-no-day@F2",
    ]);
  });
});
