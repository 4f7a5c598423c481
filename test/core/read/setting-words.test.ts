/**
 * Assumptions values typed the way budget papers type them (tryout 5): each read to the
 * figure the words give, said at the Value cell, and costed; words that give no figure
 * keep the setting's default with a warning saying which, never a silent 0.
 *
 * The post costed is the one of docs/methodology.md: £25,000, 1 FTE, 1 person, all of
 * 2025/26, with the statutory 15% above £417 a month:
 * NI = 12 × 15% × (25,000/12 − 417) = 15% × (25,000 − 5,004) = £2,999.40; pension 19%
 * £4,750; levy 0.5% £125; total £32,874.40.
 */
import type { CellValue } from "../../../src/core/grid";
import { costEstablishment, financialYearsWindow } from "../../../src/core/costing";
import { assumptionsGrid, readAssumptions, readWorkbook } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, messages } from "./helpers";

const STAFF = grid("Establishment", [
  ["Position", "Salary", "FTE", "No of staff"],
  ["Family Worker", 25000, 1, 1],
]);

const SAID = new Set([
  "setting-read-as",
  "setting-not-known",
  "setting-invalid",
  "setting-unusual",
  "setting-out-of-range",
]);

/** The settings rows (Setting | Value from row 2) over 2025/26 for `years` years, costed. */
function costed(rows: CellValue[][], years = 1, staff = STAFF) {
  const inputs = readWorkbook({
    grids: [
      staff,
      grid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2025/26"],
        ["Number of years", years],
        ...rows,
      ]),
    ],
  });
  const a = inputs.assumptions;
  const costing = costEstablishment(
    inputs.establishment!.posts,
    a,
    financialYearsWindow(a.firstYear, a.years)
  );
  const said = inputs.issues.filter((i) => SAID.has(i.code));
  return {
    a,
    costing,
    year: (i = 0) => costing.posts[0].years[i],
    said: said.map((i) => [i.severity, i.code, i.address]),
    text: messages(said),
  };
}

describe("percentages with words", () => {
  it("reads '21.5% (LGPS)' as 21.5%, costs it, and says so at the cell", () => {
    const r = costed([["Pension rate", "21.5% (LGPS)"]]);
    // 21.5% × £25,000 = £5,375.
    expect(r.year().pension).toBe(5375);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
    expect(r.text).toEqual([
      "Assumptions!B4: Pension rate '21.5% (LGPS)' is read as 21.5%; the words 'LGPS' are not read — nothing to do; keep words about the figure in a Notes column",
    ]);
  });

  it("reads '19% (LGPS)' as 19%, the figure the brief's finance officer typed", () => {
    const r = costed([["Employer pension rate", "19% (LGPS)"]]);
    expect(r.year().pension).toBe(4750);
    expect(r.text[0]).toContain("'19% (LGPS)' is read as 19%");
  });

  it("reads '19.5 %' (a space before the sign) as 19.5% with nothing to say", () => {
    const r = costed([["Employer pension rate", "19.5 %"]]);
    // 19.5% × £25,000 = £4,875.
    expect(r.year().pension).toBe(4875);
    expect(r.said).toEqual([]);
  });

  it("reads a vacancy factor '3% of pay' as 3% off the year's total", () => {
    const r = costed([["Vacancy factor", "3% of pay"]]);
    // 3% × £32,874.40 = £986.232 → £986.23; net £31,888.17.
    expect(r.costing.vacancy.byYear).toEqual([986.23]);
    expect(r.costing.netByYear).toEqual([31888.17]);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
  });

  it("reads a pay award '3.5% from April' as 3.5% from 1 April", () => {
    const r = costed([["Pay award 2026/27", "3.5% from April"]], 2);
    // 2026/27: £25,000 × 1.035 = £25,875; NI 15% × (25,875 − 5,004) = £3,130.65.
    expect(r.year(1).salary).toBe(25875);
    expect(r.year(1).ni).toBe(3130.65);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
    expect(r.text[0]).toBe(
      "Assumptions!B4: Pay award 2026/27 '3.5% from April' is read as 3.5%; the words 'from April' are not read — nothing to do; keep words about the figure in a Notes column"
    );
  });

  it("warns that a pay award 'from September' is costed from 1 April", () => {
    const r = costed([["Pay award 2026/27", "3% from September"]], 2);
    // £25,000 × 1.03 = £25,750, for the whole of 2026/27.
    expect(r.year(1).salary).toBe(25750);
    expect(r.said).toEqual([["warning", "setting-read-as", "B4"]]);
    expect(r.text[0]).toBe(
      "Assumptions!B4: Pay award 2026/27 '3% from September' is read as 3% from 1 April: pay awards are costed from 1 April, as back-dated awards are paid — nothing to do if it is back-dated to April; if not, that year's pay is overstated by the months before it is paid"
    );
  });

  it("warns that words naming a year are not read, as one rate is costed for every year", () => {
    const r = costed([["Employer pension rate", "20% from 2027"]]);
    // 20% × £25,000 = £5,000.
    expect(r.year().pension).toBe(5000);
    expect(r.said).toEqual([["warning", "setting-read-as", "B4"]]);
    expect(r.text[0]).toContain("is read as 20% for every year costed; the words 'from 2027'");
  });

  it("refuses two percentages in one cell, saying what to type", () => {
    const r = costed([["Employer pension rate", "19% rising to 20%"]]);
    expect(r.a.pensionRate).toBe(0.19);
    expect(r.text).toEqual([
      "Assumptions!B4: Employer pension rate '19% rising to 20%' has 2 percentages, and the setting takes one — type the one rate to cost, e.g. 19%; a rate that changes from year to year can be costed as a scenario",
    ]);
  });
});

describe("the apprenticeship levy typed as its rate", () => {
  it.each([
    ["0.5%", "Apprenticeship levy '0.5%' is read as Yes: the levy is charged at 0.5% of pay"],
    [
      "Yes (0.5%)",
      "Apprenticeship levy 'Yes (0.5%)' is read as Yes: the levy is charged at 0.5% of pay",
    ],
    [
      "statutory",
      "Apprenticeship levy 'statutory' is read as Yes: the levy is charged at its statutory 0.5% of pay",
    ],
  ])("reads %s as Yes: 0.5% of £25,000 is £125", (typed, message) => {
    const r = costed([["Apprenticeship levy", typed]]);
    expect(r.year().levy).toBe(125);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
    expect(r.text[0]).toContain(message);
  });

  it("reads 'No (0%)' as No: no levy", () => {
    const r = costed([["Apprenticeship levy", "No (0%)"]]);
    expect(r.year().levy).toBe(0);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
  });

  it("refuses a levy rate that is not the law's", () => {
    const r = costed([["Apprenticeship levy", "Yes (1%)"]]);
    expect(r.text).toEqual([
      "Assumptions!B4: Apprenticeship levy 'Yes (1%)' gives the levy a rate of 1%, but its rate is set by law: 0.5% of pay — type Yes to charge it (0.5% of pay) or No",
    ]);
  });
});

describe("money with a period", () => {
  // £9,100 a year is £758.33 a month, which HMRC publishes as £758:
  // NI = 15% × (25,000 − 12 × 758) = 15% × 15,904 = £2,385.60.
  it.each([
    [
      "£9,100 a year",
      "NI monthly threshold '£9,100 a year' is read as £758 a month (£9,100 ÷ 12 = £758.33, rounded to whole pounds as HMRC publishes its thresholds)",
    ],
    [
      "£9,100 pa",
      "NI monthly threshold '£9,100 pa' is read as £758 a month (£9,100 ÷ 12 = £758.33, rounded to whole pounds as HMRC publishes its thresholds)",
    ],
    [
      "£175 a week",
      "NI monthly threshold '£175 a week' is read as £758 a month (£175 a week is HMRC's weekly threshold for £9,100 a year: £9,100 ÷ 12 = £758.33, rounded to whole pounds as HMRC publishes its thresholds)",
    ],
    ["£758 a month", "NI monthly threshold '£758 a month' is read as £758 a month"],
    [
      "£758 per person per month",
      "NI monthly threshold '£758 per person per month' is read as £758 a month",
    ],
  ])("reads an NI threshold %s as £758 a month and costs NI on it", (typed, message) => {
    const r = costed([["NI monthly threshold", typed]]);
    expect(r.a.niMonthlyThreshold).toBe(758);
    expect(r.year().ni).toBe(2385.6);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
    expect(r.text[0]).toContain(`Assumptions!B4: ${message}`);
  });

  it("reads £5,000 a year and £96 a week both as HMRC's £417 a month", () => {
    // £5,000 ÷ 12 = £416.67 → £417; £96 is HMRC's weekly figure for £5,000 (÷ 52 = £96.15).
    for (const typed of ["£5,000 a year", "£96 a week"]) {
      const r = costed([["NI secondary threshold", typed]]);
      expect(r.a.niMonthlyThreshold).toBe(417);
      expect(r.year().ni).toBe(2999.4);
    }
  });

  it("reads a weekly threshold HMRC does not publish as its 52 weeks ÷ 12, to whole pounds", () => {
    const r = costed([["NI monthly threshold", "£100 a week"]]);
    // £100 × 52 ÷ 12 = £433.33 → £433; NI 15% × (25,000 − 5,196) = £2,970.60.
    expect(r.a.niMonthlyThreshold).toBe(433);
    expect(r.year().ni).toBe(2970.6);
    expect(r.text[0]).toContain(
      "is read as £433 a month (£100 × 52 ÷ 12 = £433.33, rounded to whole pounds as HMRC publishes its thresholds)"
    );
  });

  it("costs '£5k' (no period) as a month's, as before, with the warning saying how to type a year's", () => {
    const r = costed([["NI monthly threshold", "£5k"]]);
    // £25,000 a year is £2,083.33 a month, below £5,000: no NI.
    expect(r.year().ni).toBe(0);
    expect(r.said).toEqual([["warning", "setting-unusual", "B4"]]);
    expect(r.text[0]).toContain(
      "type it with its period, '£5,000 a year' (read as £417 a month, in whole pounds as HMRC publishes its thresholds)"
    );
  });

  it("converts a year's grant typed a month: £20,000 a month is £240,000 for the year", () => {
    const r = costed([["Grant 2025/26", "£20,000 a month"]]);
    expect(r.a.grant.amountsByYear).toEqual({ 2025: 240000 });
    expect(r.text).toEqual([
      "Assumptions!B4: Grant 2025/26 '£20,000 a month' is read as £240,000 a year (£20,000 × 12 = £240,000) — nothing to do if that is the figure you mean; type the figure a year to cost another",
    ]);
  });

  it("refuses a Grant amount (the whole grant) typed as a year's, rather than costing one year's as all", () => {
    const r = costed([["Grant amount", "£250,000 a year"]], 3);
    expect(r.a.grant.amount).toBeUndefined();
    expect(r.said).toEqual([["error", "setting-invalid", "B4"]]);
    expect(r.text[0]).toBe(
      "Assumptions!B4: Grant amount '£250,000 a year' is a year's figure, but the Grant amount is the whole grant over all its years — type the whole grant (£750,000 if it is £250,000 a year for the 3 years costed), or each year's in a row such as 'Grant 2025/26'"
    );
  });

  it("reads a pay award minimum typed a week as a year's: £25 × 52 = £1,300", () => {
    const r = costed(
      [
        ["Pay award 2026/27", "2%"],
        ["Pay award minimum 2026/27", "£25 a week"],
      ],
      2
    );
    // The larger of 2% (£500) and £1,300: £26,300.
    expect(r.year(1).salary).toBe(26300);
    expect(r.said).toEqual([["info", "setting-read-as", "B5"]]);
  });
});

describe("durations", () => {
  it("reads exit cost '3 months' as 13 weeks: 13/52 × £25,000 = £6,250", () => {
    const r = costed([["Exit cost weeks", "3 months"]]);
    expect(r.costing.exitCost).toBe(6250);
    expect(r.text).toEqual([
      "Assumptions!B4: Exit cost weeks '3 months' is read as 13 weeks (3 months × 52 ÷ 12) — nothing to do if that is what you mean; type the weeks to cost another figure",
    ]);
  });

  it("reads '4 weeks' of exit costs as 4: 4/52 × £25,000 = £1,923.08", () => {
    const r = costed([["Redundancy weeks", "4 weeks' pay"]]);
    expect(r.costing.exitCost).toBe(1923.08);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
  });

  it("reads '6 mths' and '26 weeks' of service as 6 months, and refuses 4 weeks (0.92 months)", () => {
    expect(costed([["Increment service months", "3 mths"]]).a.incrementServiceMonths).toBe(3);
    expect(costed([["Increment service months", "26 weeks"]]).a.incrementServiceMonths).toBe(6);
    const r = costed([["Increment service months", "4 weeks"]]);
    expect(r.a.incrementServiceMonths).toBe(6);
    expect(r.text).toEqual([
      "Assumptions!B4: Increment service months '4 weeks' is 0.92 months (4 weeks × 12 ÷ 52), not a whole number of months — type a whole number of months, e.g. 1",
    ]);
  });

  it("reads a full-time week '37 hours a week', so 18.5 hours is 0.5 FTE: £12,500", () => {
    const hours = grid("Establishment", [
      ["Position", "Salary", "Hours", "No of staff"],
      ["Family Worker", 25000, 18.5, 1],
    ]);
    const r = costed([["Full-time hours a week", "37 hours a week"]], 1, hours);
    expect(r.year().salary).toBe(12500);
    expect(r.said).toEqual([["info", "setting-read-as", "B4"]]);
  });

  it("refuses hours typed for days", () => {
    const r = costed([["Agency days per week", "37 hours"]]);
    expect(r.text).toEqual([
      "Assumptions!B4: Agency days per week '37 hours' is in hours, but the setting is a number of days a week — type the days, e.g. 5",
    ]);
  });
});

describe("the increment day", () => {
  it.each(["1st April", "1st of April", "April each year"])("reads %s as april", (typed) => {
    const r = costed([["Increment rule", typed]]);
    expect(r.a.incrementRule).toBe("april");
    expect(r.text).toEqual([
      `Assumptions!B4: Increment rule '${typed}' is read as april: one point each 1 April — nothing to do`,
    ]);
  });

  it("reads the date Excel makes of '1 April' (01/04/2026) as april", () => {
    // 46113 is 1 April 2026 as an Excel serial.
    const r = costed([["Increment rule", 46113]]);
    expect(r.a.incrementRule).toBe("april");
    expect(r.text[0]).toContain("Increment rule 01/04/2026 (a date) is read as april");
  });

  it("refuses another day, saying how to cost posts' own increment dates", () => {
    const r = costed([["Increment rule", "1 September"]]);
    expect(r.said).toEqual([["error", "setting-invalid", "B4"]]);
    expect(r.text[0]).toBe(
      "Assumptions!B4: Increment rule '1 September' is a day other than 1 April, and increments are costed each 1 April, on each post's start-date anniversary, or not at all — type april, anniversary or none; for posts that step up on their own dates, type anniversary and give each post its start date"
    );
  });

  it("refuses a grant start with no year, suggesting the first financial year's", () => {
    const r = costed([["Grant start", "1 April"]]);
    expect(r.text).toEqual([
      "Assumptions!B4: Grant start '1 April' has no year — type the date with its year, e.g. 1 April 2025 or 01/04/2025",
    ]);
  });
});

describe("words that give no figure", () => {
  it.each(["TBC", "tbc", "not yet agreed", "to be confirmed", "?", "n/a", "TBC - awaiting NJC"])(
    "a pay award %s: no award costed, said as a warning (never a silent 0)",
    (typed) => {
      const r = costed([["Pay award 2026/27", typed]], 2);
      expect(r.year(1).salary).toBe(25000);
      expect(r.said).toEqual([["warning", "setting-not-known", "B4"]]);
      expect(r.text).toEqual([
        `Assumptions!B4: Pay award 2026/27 '${typed}' gives no figure yet, so the sheets use no pay award for 2026/27 — type the figure when it is known (or one to plan with) to cost it`,
      ]);
    }
  );

  it("a pension rate 'TBC' is costed at the default 19%, said", () => {
    const r = costed([["Employer pension rate", "TBC"]]);
    expect(r.year().pension).toBe(4750);
    expect(r.text).toEqual([
      "Assumptions!B4: Employer pension rate 'TBC' gives no figure yet, so the sheets use the default, 19% — type the figure when it is known (or one to plan with) to cost it",
    ]);
  });

  it("an NI rate 'n/a' is the statutory rate, with the figure", () => {
    const r = costed([["Employer NI rate", "n/a"]]);
    expect(r.year().ni).toBe(2999.4);
    expect(r.said).toEqual([["warning", "setting-not-known", "B4"]]);
    expect(r.text[0]).toContain(
      "Employer NI rate 'n/a' gives no figure yet, so the sheets use the statutory rate of each year costed (15% for 2025/26)"
    );
  });

  it("'statutory' for NI is the statutory rate and threshold, a note", () => {
    const r = costed(
      [
        ["Employer NI rate", "statutory"],
        ["NI threshold", "Statutory"],
      ],
      3
    );
    expect(r.year().ni).toBe(2999.4);
    expect(r.said).toEqual([
      ["info", "setting-read-as", "B4"],
      ["info", "setting-read-as", "B5"],
    ]);
    expect(r.text).toEqual([
      "Assumptions!B4: Employer NI rate 'statutory' is read as the statutory rate of each year costed (15% for 2025/26 to 2027/28) — nothing to do; type a figure only to cost another",
      "Assumptions!B5: NI threshold 'Statutory' is read as the statutory threshold of each year costed (£417 a month for 2025/26 to 2027/28) — nothing to do; type a figure only to cost another",
    ]);
  });

  it("'statutory' for the pension rate is warned: there is none, so the default 19% is used", () => {
    const r = costed([["Pension rate", "statutory"]]);
    expect(r.year().pension).toBe(4750);
    expect(r.said).toEqual([["warning", "setting-not-known", "B4"]]);
    expect(r.text[0]).toBe(
      "Assumptions!B4: Pension rate 'statutory' gives no figure (there is no statutory employer pension rate: each pension fund sets its own), so the sheets use the default, 19% — type your pension fund's employer rate, e.g. 19%"
    );
  });

  it("a grant amount 'TBC' leaves the grant with no amount", () => {
    const r = costed([
      ["Grant name", "Family Hubs"],
      ["Grant amount", "TBC"],
    ]);
    expect(r.a.grant.amount).toBeUndefined();
    expect(r.text).toEqual([
      "Assumptions!B5: Grant amount 'TBC' gives no figure yet, so the sheets use no grant amount, so no headroom against the grant — type the figure when it is known (or one to plan with) to cost it",
    ]);
  });
});

describe("safety", () => {
  it.each<CellValue>([
    "=19%",
    "+3% of pay",
    "=SUM(1)% of pay",
    "1e999% (LGPS)",
    "-5% (LGPS)",
    "19% ".repeat(100),
    `TBC${" ".repeat(300)}x`,
    "£1e999 a year",
    "(£5,000) a year",
  ])("never throws on %p, and writes back no typed text", (typed) => {
    for (const setting of ["Employer pension rate", "NI monthly threshold", "Pay award 2026/27"]) {
      const read = readAssumptions({
        grids: [
          grid("Assumptions", [
            ["Setting", "Value"],
            [setting, typed],
          ]),
        ],
      });
      // The sheet the build writes holds the figures used, never the typed words.
      const written = assumptionsGrid(read.assumptions).flat();
      expect(written).not.toContain(typed);
      expect(written.some((v) => typeof v === "string" && /^[=+@]/.test(v))).toBe(false);
    }
  });

  it("builds the sheets with values typed with words, and says each at its cell", () => {
    const built = buildWorkbook(
      {
        grids: [
          STAFF,
          grid("Assumptions", [
            ["Setting", "Value"],
            ["First financial year", "2025/26"],
            ["Number of years", 2],
            ["Employer pension rate", "21.5% (LGPS)"],
            ["Pay award 2026/27", "TBC"],
            ["Grant name", "Family Hubs"],
            ["Grant 2025/26", "£20,000 a month"],
            ["Grant 2026/27", "£240k pa"],
          ]),
        ],
      },
      { mode: "shareable", generatedAt: "now", version: "test", only: ["grant"] }
    );
    expect(built.ok).toBe(true);
    const codes = built.issues.filter((i) => SAID.has(i.code)).map((i) => `${i.code}@${i.address}`);
    expect(codes).toEqual(["setting-read-as@B4", "setting-read-as@B7", "setting-not-known@B5"]);
    const numbers = (label: string) =>
      built.sheets[0].cells
        .find((row) => row[0]?.kind === "text" && row[0].text === label)!
        .flatMap((c) => (c?.kind === "number" ? [c.value] : []));
    // £20,000 a month is £240,000 for 2025/26; '£240k pa' is 2026/27's £240,000.
    expect(numbers("Grant available").slice(0, 2)).toEqual([240000, 240000]);
    // 21.5% pension £5,375 and no award for 2026/27 ('TBC'): £25,000 + £2,999.40 + £5,375
    // + £125 = £33,499.40 each year.
    expect(numbers("Family Worker").slice(2, 4)).toEqual([33499.4, 33499.4]);
  });
});

describe("the settings used, as the sheets list them", () => {
  it("names a 'TBC' award and a 'statutory' NI rate as defaults, not as typed", () => {
    const built = buildWorkbook(
      {
        grids: [
          STAFF,
          grid("Assumptions", [
            ["Setting", "Value"],
            ["First financial year", "2025/26"],
            ["Number of years", 2],
            ["Employer NI rate", "statutory"],
            ["Pay award 2026/27", "TBC"],
            ["Grant name", "Family Hubs"],
          ]),
        ],
      },
      { mode: "shareable", generatedAt: "now", version: "test", only: ["grant"] }
    );
    const lines = built.sheets[0].cells.flat().flatMap((c) => (c?.kind === "text" ? [c.text] : []));
    expect(lines).toContain("Pay award 2026/27: none — default (Assumptions!B5 says 'TBC').");
    expect(lines).toContain(
      "Employer NI 2025/26: 15% of each person's pay above £417 a month — default: the statutory 2025/26 rate and threshold (Assumptions!B4 says 'statutory'; not on the Assumptions sheet)."
    );
  });
});

describe("in a scenario column", () => {
  it("reads the scenario's words at its own cell, and the base's once", () => {
    const r = readAssumptions({
      grids: [
        grid("Assumptions", [
          ["Setting", "Value", "NJC offer"],
          ["First financial year", "2025/26", ""],
          ["Pay award 2026/27", "TBC", "3.5% (NJC offer)"],
          ["Employer pension rate", "21.5% (LGPS)", ""],
        ]),
      ],
    });
    expect(r.assumptions.payAwards).toEqual([]);
    expect(r.scenarios[0].assumptions.payAwards).toEqual([{ year: 2026, percent: 0.035 }]);
    expect(r.scenarios[0].assumptions.pensionRate).toBe(0.215);
    expect(
      r.issues.filter((i) => SAID.has(i.code)).map((i) => `${i.severity}:${i.code}@${i.address}`)
    ).toEqual([
      "info:setting-read-as@B4",
      "warning:setting-not-known@B3",
      "info:setting-read-as@C3",
    ]);
  });
});
