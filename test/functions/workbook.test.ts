/**
 * A workbook of ESTAB formulas evaluated in a real formula engine (HyperFormula), with
 * the functions registered from the same table Excel's come from. Every result must be
 * exactly what src/core gives when called directly, and the DOMAIN.md worked examples
 * 1, 2, 3, 4, 8 and 9 come out exactly through formulas.
 */
import { DetailedCellError } from "hyperformula";
import {
  financialYearFraction,
  financialYearLabel,
  financialYearOf,
  serialOf,
} from "../../src/core/dates";
import {
  applyPayAward,
  costPost,
  FIGURES,
  financialYearsWindow,
  levyForPay,
  niForPay,
  pensionForPay,
  plainAssumptions,
  postCostInYear,
  salaryAtPoint,
} from "../../src/core/costing";
import { allocateExact, allocateMatrix, needIndex } from "../../src/core/shares";
import { agencyAnnualCost, agencyVersusPermanent, partYearFraction } from "../../src/core/changes";
import { estabWorkbook } from "./hyperformula-estab";

type Value = number | string | boolean | null;

const d = serialOf;
const AWARDS = [
  { year: 2025, percent: 0.03 },
  { year: 2026, percent: 0.025 },
  { year: 2027, percent: 0.02 },
];
const NEED = {
  population: [10000, 20000, 10000],
  deprivation: [0.2, 0.1, 0.3],
  demand: [300, 300, 400],
};
const WEIGHTS = { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 };

/** Source figures the formulas point at, as a report author would lay them out. */
const INPUTS: Value[][] = [
  // A points    B-D awards                E   F shares  G   H-J localities        K weights  L  M-N settings        O  P-R award with minimum  S single points
  [
    24000,
    "2025/26",
    0.03,
    null,
    null,
    0.37,
    null,
    10000,
    0.2,
    300,
    0.5,
    null,
    "Levy",
    false,
    null,
    "2025/26",
    0.025,
    1290,
    20000,
  ],
  [
    24600,
    "2026/27",
    0.025,
    null,
    null,
    0.33,
    null,
    20000,
    0.1,
    300,
    0.3,
    null,
    "Pension rate",
    0.19,
    null,
    null,
    null,
    null,
    60000,
  ],
  [
    25200,
    "2027/28",
    0.02,
    null,
    null,
    0.3,
    null,
    10000,
    0.3,
    400,
    0.2,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
];

interface Case {
  formula: string;
  expected: Value | Value[][];
  /** The DOMAIN.md figure, where the case is a worked example. */
  domain?: Value | Value[][];
}

const row = (values: Value[]): Value[][] => [values];
const column = (values: Value[]): Value[][] => values.map((v) => [v]);

const profile6 = costPost(
  { sourceRow: 0, title: "Post", fte: 1, grade: "G", startDate: d(2024, 9, 1), cells: {} },
  plainAssumptions(2024, 4, { payAwards: AWARDS }),
  financialYearsWindow(2024, 4),
  {
    sheet: "",
    points: [24000, 24600, 25200].map((salary, i) => ({ grade: "G", point: i + 1, salary })),
  }
).years;

const CASES: Case[] = [
  // FY and part years
  {
    formula: "=ESTAB.FINYEAR(DATE(2024,9,1))",
    expected: financialYearLabel(financialYearOf(d(2024, 9, 1))),
    domain: "2024/25",
  },
  { formula: "=ESTAB.FINYEAR(DATE(2025,3,31))", expected: "2024/25" },
  { formula: "=ESTAB.FINYEAR(DATE(2025,4,1))", expected: "2025/26" },
  { formula: '=ESTAB.FINYEAR("16/09/2024")', expected: "2024/25" },
  {
    formula: '=ESTAB.FYFRACTION(DATE(2024,9,1),,"2024/25")',
    expected: financialYearFraction(2024, d(2024, 9, 1)),
  },
  {
    formula: '=ESTAB.FYFRACTION(DATE(2024,9,1),,"2024/25","months")',
    expected: financialYearFraction(2024, d(2024, 9, 1), undefined, "months"),
    domain: 7 / 12,
  },
  {
    // The same measure as a restructure's part-year effect.
    formula: "=ESTAB.FYFRACTION(DATE(2025,10,1),,DATE(2025,10,1))",
    expected: partYearFraction(d(2025, 10, 1)).fraction,
  },
  { formula: '=ESTAB.FYFRACTION(DATE(2023,1,1),DATE(2023,2,1),"2024/25")', expected: 0 },
  // Employer NI: DOMAIN worked examples 1–4
  {
    formula: '=ESTAB.EMPLOYERNI(25000,"2024/25")',
    expected: niForPay(25000, 2024),
    domain: 2194.75,
  },
  {
    formula: '=ESTAB.EMPLOYERNI(25000,"2025/26")',
    expected: niForPay(25000, 2025),
    domain: 2999.4,
  },
  {
    formula: '=ESTAB.EMPLOYERNI(1.5*20000,"2025/26",3)',
    expected: niForPay(30000, 2025, { people: 3 }),
    domain: 2248.2,
  },
  {
    formula: '=ESTAB.EMPLOYERNI(1.5*20000,"2025/26",1)',
    expected: niForPay(30000, 2025),
    domain: 3749.4,
  },
  {
    formula: '=ESTAB.EMPLOYERNI(30000,"2022/23")',
    expected: niForPay(30000, 2022),
    domain: 3037.18,
  },
  {
    formula: "=ESTAB.EMPLOYERNI(30000,2025,1,10%,500)",
    expected: niForPay(30000, 2025, { niRate: 0.1, niMonthlyThreshold: 500 }),
  },
  { formula: '=ESTAB.EMPLOYERNI(30000,"2030/31")', expected: niForPay(30000, 2030) },
  { formula: "=ESTAB.PENSION(25000,19%)", expected: pensionForPay(25000, 0.19), domain: 4750 },
  // A "Pension %" column holding 19 is read as 19%, as the establishment reader reads it.
  { formula: '=ESTAB.PENSION("£25,000",19)', expected: pensionForPay(25000, 0.19) },
  { formula: '=ESTAB.LEVY(25000,"2024/25")', expected: levyForPay(25000, 2024), domain: 125 },
  { formula: '=ESTAB.LEVY(25000,"2016/17")', expected: levyForPay(25000, 2016), domain: 0 },
  { formula: '=ESTAB.LEVY(25000,"2024/25",FALSE())', expected: levyForPay(25000, 2024, false) },
  // Full cost of a post
  {
    formula: '=ESTAB.POSTCOST(25000,1,"2024/25",1,,,19%)',
    expected: postCostInYear({ salary: 25000, fte: 1, headcount: 1, pensionRate: 0.19 }, 2024)
      .total,
    domain: 32069.75,
  },
  {
    formula: '=ESTAB.POSTCOST(25000,1,"2025/26",1,,,19%)',
    expected: postCostInYear({ salary: 25000, fte: 1, headcount: 1, pensionRate: 0.19 }, 2025)
      .total,
    domain: 32874.4,
  },
  {
    formula: '=ESTAB.POSTCOST(20000,1.5,"2025/26",3,,,,"ni")',
    expected: postCostInYear({ salary: 20000, fte: 1.5, headcount: 3 }, 2025).ni,
    domain: 2248.2,
  },
  // Headcount 0 (a new post nobody fills yet) is read as the engine reads it: the FTE
  // rounded up, 2 people for 1.5 FTE, so the NI threshold is counted twice.
  {
    formula: '=ESTAB.POSTCOST(20000,1.5,"2025/26",0,,,,"ni")',
    expected: postCostInYear({ salary: 20000, fte: 1.5, headcount: 2 }, 2025).ni,
  },
  {
    formula: '=ESTAB.POSTCOST(30000,1,"2022/23",,,,,"ni")',
    expected: postCostInYear({ salary: 30000, fte: 1 }, 2022).ni,
    domain: 3037.18,
  },
  {
    formula: '=ESTAB.POSTCOST(24000,1,"2024/25",,DATE(2024,9,16),,20%)',
    expected: postCostInYear(
      { salary: 24000, fte: 1, startDate: d(2024, 9, 16), pensionRate: 0.2 },
      2024
    ).total,
    domain: 16726.77,
  },
  {
    formula: '=ESTAB.POSTCOST(25000,1,"2024/25",,,,,"total",Inputs!M1:N2)',
    expected: postCostInYear({ salary: 25000, fte: 1 }, 2024, {
      apprenticeshipLevy: false,
      pensionRate: 0.19,
    }).total,
  },
  // Multi-year profile: DOMAIN worked example 6 through a formula, and every figure
  {
    formula: '=ESTAB.PROFILE(,1,"2024/25",4,DATE(2024,9,1),,Inputs!B1:D3,Inputs!A1:A3,,,"salary")',
    expected: row(profile6.map((y) => y.salary)),
    domain: row([14000, 25338, 26604.9, 27137]),
  },
  {
    formula: '=ESTAB.PROFILE(,1,2024,4,DATE(2024,9,1),,Inputs!B1:D3,Inputs!A1:A3,,,"all")',
    expected: FIGURES.map((f) => profile6.map((y) => y[f])),
  },
  {
    formula: "=ESTAB.PROFILE(25000,0.5,2024,3,,DATE(2026,6,30),Inputs!B1:C3,,1,19%)",
    expected: row(
      costPost(
        {
          sourceRow: 0,
          title: "Post",
          fte: 0.5,
          headcount: 1,
          salary: 25000,
          pensionRate: 0.19,
          endDate: d(2026, 6, 30),
          cells: {},
        },
        plainAssumptions(2024, 3, { payAwards: AWARDS }),
        financialYearsWindow(2024, 3)
      ).years.map((y) => y.total)
    ),
  },
  // Salary at a point: example 6's full-time salaries, and example 7's flat minimum
  {
    formula: "=ESTAB.SALARY(Inputs!A1:A3,1,1,Inputs!B1:C3,2024)",
    expected: salaryAtPoint([24000, 24600, 25200], 1, 2024, 2025, AWARDS),
  },
  {
    formula: "=ESTAB.SALARY(Inputs!A1:A3,1,3,Inputs!B1:C3,2024)",
    expected: salaryAtPoint([24000, 24600, 25200], 3, 2024, 2027, AWARDS),
  },
  { formula: "=ESTAB.SALARY(Inputs!A1:A3,2,0)", expected: 24600 },
  {
    formula: '=ESTAB.SALARY(Inputs!S1,1,1,Inputs!P1:R1,"2024/25")',
    expected: applyPayAward(20000, { percent: 0.025, flatMinimum: 1290 }),
    domain: 21290,
  },
  {
    formula: '=ESTAB.SALARY(Inputs!S2,1,1,Inputs!P1:R1,"2024/25")',
    expected: applyPayAward(60000, { percent: 0.025, flatMinimum: 1290 }),
    domain: 61500,
  },
  // Shares: DOMAIN worked examples 8 and 9
  {
    formula: "=ESTAB.ALLOCATE(10,Inputs!F1:F3,0.5)",
    expected: column(allocateExact(10, [0.37, 0.33, 0.3], 0.5)),
    domain: column([3.5, 3.5, 3]),
  },
  { formula: "=ESTAB.ALLOCATE(7,{1,1,1})", expected: row(allocateExact(7, [1, 1, 1])) },
  {
    formula: "=ESTAB.NEEDINDEX(Inputs!H1:H3,Inputs!I1:I3,Inputs!J1:J3,Inputs!K1:K3)",
    expected: column(needIndex(NEED.population, NEED.deprivation, NEED.demand, WEIGHTS)),
  },
  {
    formula:
      "=ESTAB.ALLOCATE(20,ESTAB.NEEDINDEX(Inputs!H1:H3,Inputs!I1:I3,Inputs!J1:J3,Inputs!K1:K3),0.1)",
    expected: column(
      allocateExact(20, needIndex(NEED.population, NEED.deprivation, NEED.demand, WEIGHTS), 0.1)
    ),
    domain: column([5.4, 7.9, 6.7]),
  },
  // Roles × localities: three roles' 20 FTE over example 9's need; the localities' totals
  // are example 9's 5.4 / 7.9 / 6.7 and each role's its FTE.
  {
    formula:
      "=ESTAB.ALLOCATEGRID({12;5.5;2.5},ESTAB.NEEDINDEX(Inputs!H1:H3,Inputs!I1:I3,Inputs!J1:J3,Inputs!K1:K3),0.1)",
    expected: allocateMatrix(
      [12, 5.5, 2.5],
      needIndex(NEED.population, NEED.deprivation, NEED.demand, WEIGHTS),
      0.1
    ),
  },
  {
    formula: "=ESTAB.ALLOCATEGRID({1,8,3},Inputs!F1:F3)",
    expected: allocateMatrix([1, 8, 3], [0.37, 0.33, 0.3], 1),
  },
  // Agency versus permanent
  { formula: "=ESTAB.AGENCYCOST(35,37,52)", expected: agencyAnnualCost(35, 37, 52), domain: 67340 },
  {
    formula: '=ESTAB.AGENCYSAVING(35,37,52,ESTAB.POSTCOST(40000,1,"2025/26",1,,,19%))',
    expected: agencyVersusPermanent(
      35,
      37,
      52,
      postCostInYear({ salary: 40000, fte: 1, headcount: 1, pensionRate: 0.19 }, 2025).total
    ).saving,
  },
];

const sizeOf = (v: Value | Value[][]): { rows: number; columns: number } =>
  Array.isArray(v) ? { rows: v.length, columns: v[0].length } : { rows: 1, columns: 1 };

/** One case per block of rows in column A, spills given the rows they need. */
function layout(cases: Case[]): { sheet: Value[][]; at: number[] } {
  const sheet: Value[][] = [];
  const at: number[] = [];
  for (const c of cases) {
    at.push(sheet.length);
    sheet.push([c.formula]);
    for (let r = 1; r < sizeOf(c.expected).rows + 1; r++) sheet.push([null]);
  }
  return { sheet, at };
}

describe("ESTAB functions in a HyperFormula workbook", () => {
  const { sheet, at } = layout(CASES);
  const hf = estabWorkbook({ Inputs: INPUTS, Checks: sheet });
  const checks = hf.getSheetId("Checks") as number;
  const read = (i: number): Value | Value[][] => {
    const { rows, columns } = sizeOf(CASES[i].expected);
    const cell = (r: number, c: number): Value => {
      const v = hf.getCellValue({ sheet: checks, row: at[i] + r, col: c });
      return v instanceof DetailedCellError ? `${v.value} ${v.message}` : v;
    };
    if (!Array.isArray(CASES[i].expected)) return cell(0, 0);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => cell(r, c))
    );
  };
  afterAll(() => hf.destroy());

  it.each(CASES.map((c, i) => [c.formula, i] as const))("%s equals the core", (_formula, i) => {
    expect(read(i)).toEqual(CASES[i].expected);
  });

  it("gives the DOMAIN.md worked examples 1, 2, 3, 4, 6, 7, 8 and 9 exactly through formulas", () => {
    const withDomain = CASES.map((c, i) => ({ c, i })).filter(({ c }) => c.domain !== undefined);
    expect(withDomain.length).toBeGreaterThanOrEqual(15);
    for (const { c, i } of withDomain)
      expect({ formula: c.formula, value: read(i) }).toEqual({
        formula: c.formula,
        value: c.domain,
      });
  });
});

describe("errors in a HyperFormula workbook", () => {
  const errors: Array<[string, string, RegExp]> = [
    ['=ESTAB.EMPLOYERNI("lots",2025)', "#VALUE!", /pay must be a number/],
    ['=ESTAB.EMPLOYERNI(25000,"2024/26")', "#VALUE!", /financial year such as "2024\/25"/],
    [
      '=ESTAB.POSTCOST(-1,1,"2024/25")',
      "#VALUE!",
      /salary must be from 0 to 10,000,000 \(was -1\)/,
    ],
    ["=ESTAB.PENSION(25000,190)", "#VALUE!", /rate must be from 0% to 100% \(was 190%\)/],
    ["=ESTAB.ALLOCATE(10.05,{1,2},0.1)", "#VALUE!", /not a whole number of 0.1 FTE units/],
    ["=ESTAB.ALLOCATE(10,{0,0})", "#VALUE!", /Every share is zero/],
    ["=ESTAB.NEEDINDEX({1,2},{0.1,0.2},{5,6},{1,1})", "#VALUE!", /weights must be 3 or 4 values/],
    [
      "=ESTAB.ALLOCATEGRID({1.05},{1,1},0.1)",
      "#VALUE!",
      /Role 1's FTE \(1.05 FTE\) is not a whole number of 0.1 FTE units/,
    ],
    ["=ESTAB.ALLOCATEGRID({1},{0,0})", "#VALUE!", /Every share is zero/],
    ['=ESTAB.POSTCOST(25000,1,"2024/25",,,,,"bonus")', "#VALUE!", /figure must be one of/],
    [
      '=ESTAB.POSTCOST(25000,1,"2024/25",,DATE(2025,1,1),DATE(2024,5,1))',
      "#VALUE!",
      /end date is before the start date/,
    ],
    ['=ESTAB.POSTCOST(25000,1,"2024/25",,,,,,Inputs!A1:B1)', "#VALUE!", /"Levvy" is not a setting/],
    ["=ESTAB.AGENCYCOST(-35,37,52)", "#VALUE!", /hourly rate must be zero or more/],
    ["=ESTAB.FINYEAR(12)", "#VALUE!", /date from 1 March 1900/],
    ["=ESTAB.PENSION(1/0,19%)", "#DIV/0!", /.*/],
  ];
  const hf = estabWorkbook({ Errors: errors.map(([f]) => [f]), Inputs: [["Levvy", false]] });
  afterAll(() => hf.destroy());

  it.each(errors.map((e, i) => [e[0], i] as const))("%s is an error with a message", (_f, i) => {
    const v = hf.getCellValue({ sheet: 0, row: i, col: 0 });
    expect(v).toBeInstanceOf(DetailedCellError);
    const err = v as DetailedCellError;
    expect(err.value).toBe(errors[i][1]);
    expect(err.message ?? "").toMatch(errors[i][2]);
  });
});
