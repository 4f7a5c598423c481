/**
 * The expression type: one tree, evaluated for the shareable value and printed for the
 * live formula. The printed formulas go into HyperFormula (ESTAB functions registered
 * from the same table as Excel's) and must give exactly the evaluated values.
 */
import { HyperFormula } from "hyperformula";
import {
  add,
  absolute,
  assumptionRef,
  cellRef,
  div,
  EQ,
  formula,
  GT,
  IF,
  INDEX,
  ABS,
  LEN,
  lit,
  MAX,
  mul,
  N,
  neg,
  needsSource,
  omitted,
  OR,
  ROUND,
  ROUNDUP,
  sourceRef,
  sub,
  SUM,
  value,
  ExprError,
  call,
  cellFormula,
  type Expr,
} from "../../../src/core/report/expr";
import {
  agencyCost,
  allocateCall,
  fyFraction,
  needIndexCall,
  postCost,
  profile,
  profileYear,
  salaryOf,
  settingsOfRange,
} from "../../../src/core/report/estab-calls";
import { HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

describe("printing", () => {
  it("brackets only where precedence needs them, left-associative", () => {
    const [a, b, c] = ["A1", "B1", "C1"].map((x) => sourceRef("S", x, 1));
    expect(formula(mul(add(a, b), c), "S")).toBe("(A1+B1)*C1");
    expect(formula(add(a, mul(b, c)), "S")).toBe("A1+B1*C1");
    expect(formula(sub(a, sub(b, c)), "S")).toBe("A1-(B1-C1)");
    expect(formula(sub(sub(a, b), c), "S")).toBe("A1-B1-C1");
    expect(formula(div(a, mul(b, c)), "S")).toBe("A1/(B1*C1)");
    expect(formula(neg(ROUND(mul(a, b), 2)), "S")).toBe("-ROUND(A1*B1,2)");
  });

  it("qualifies references to other sheets, quoting names that need it", () => {
    const salary = sourceRef("Staff List", "C4", 25000);
    const rate = assumptionRef("Assumptions", "$B$20", 0.03);
    expect(formula(mul(salary, rate), "Establishment Cost")).toBe(
      "'Staff List'!C4*Assumptions!$B$20"
    );
    expect(formula(cellRef("L36", lit(5)), "Establishment Cost")).toBe("L36");
    expect(formula(cellRef("L38", lit(5), "Establishment Cost"), "Locality shares")).toBe(
      "'Establishment Cost'!L38"
    );
  });

  it("writes text quoted, arrays as constants and leaves trailing omitted arguments out", () => {
    const f = call("X", () => 0, lit('say "hi"'), omitted, lit(true), omitted, omitted);
    expect(formula(f)).toBe('X("say ""hi""",,TRUE)');
    expect(
      formula(
        lit([
          [1, "a"],
          [2, null],
        ])
      )
    ).toBe('{1,"a";2,}');
    expect(absolute("C4")).toBe("$C$4");
    expect(absolute("B2:C5")).toBe("$B$2:$C$5");
  });

  it("writes a cell's formula as = and the same text, for a call, its arguments left out or not, and any other expression", () => {
    const a = sourceRef("Staff list", "A1", 1);
    const b = sourceRef("S", "B1", 2);
    const inner = ROUND(add(a, b), 2);
    const outer = call("X", () => 0, inner, omitted, lit("t"), omitted);
    for (const e of [outer, call("Y", () => 0), call("Z", () => 0, omitted), add(a, b), a, lit(3)])
      expect(cellFormula(e, "S")).toBe(`=${formula(e, "S")}`);
    expect(cellFormula(outer, "S")).toBe(`=X(ROUND('Staff list'!A1+B1,2),,"t")`);
    // A subtree printed before (a post's pay shared by its figures) prints the same in it.
    expect(
      cellFormula(
        call("W", () => 0, inner),
        "S"
      )
    ).toBe(`=W(ROUND('Staff list'!A1+B1,2))`);
  });
});

describe("evaluating", () => {
  it("computes as Excel does: blanks are 0, ROUND half away from zero, text in arithmetic is an error", () => {
    expect(value(ROUND(lit(2.675), 2))).toBe(2.68);
    expect(value(ROUND(lit(-0.125), 2))).toBe(-0.13);
    expect(value(add(lit(null), lit(3)))).toBe(3);
    expect(
      value(
        SUM(
          lit([
            [1, "x"],
            [null, 2.5],
          ]),
          lit(1)
        )
      )
    ).toBe(4.5);
    expect(() => value(add(lit("£3"), lit(1)))).toThrow(ExprError);
    expect(() => value(div(lit(1), lit(0)))).toThrow("#DIV/0!");
  });

  it("evaluates only the branch IF takes, as a spreadsheet does; OR is true when any test is", () => {
    // A new post (no FTE now): the headcount's scaling is never worked out, so no #DIV/0!.
    const fte = lit(0);
    const scaled = IF(EQ(N(fte), lit(0)), lit(""), div(lit(3), fte));
    expect(value(scaled)).toBe("");
    expect(() => value(IF(EQ(N(fte), lit(1)), lit(""), div(lit(3), fte)))).toThrow("#DIV/0!");
    expect(value(OR(EQ(lit(1), lit(2)), GT(lit(3), lit(2))))).toBe(true);
    expect(value(OR(EQ(lit(1), lit(2)), lit(0)))).toBe(false);
  });

  it("gives ESTAB.AGENCYCOST and ESTAB.FYFRACTION through the core calls the functions make", () => {
    // £35 an hour × 37 hours × 52 weeks; 1 October 2025 to 31 March: 182 of 2025/26's 365 days.
    expect(value(agencyCost(lit(35), lit(37), lit(52)))).toBe(67340);
    expect(value(fyFraction(lit(45931), undefined, 2025))).toBe(182 / 365);
    expect(formula(fyFraction(lit(45931), undefined, 2025))).toBe(
      'ESTAB.FYFRACTION(45931,,"2025/26")'
    );
  });

  it("follows another calculated cell to its expression", () => {
    const total = cellRef("L36", ROUND(mul(lit(1000), lit(1.5)), 2));
    expect(value(sub(total, lit(100)))).toBe(1400);
  });

  it("says whether a cell needs its sources (ESTAB calls, other sheets) or is a native formula over its own sheet", () => {
    expect(needsSource(ROUND(cellRef("A1", lit(1)), 2), "S")).toBe(false);
    expect(needsSource(cellRef("A1", lit(1), "Other"), "S")).toBe(true);
    expect(needsSource(sourceRef("S", "A1", 1), "S")).toBe(true);
    expect(needsSource(salaryOf(lit(1)), "S")).toBe(true);
  });
});

describe("settings ranges", () => {
  it("read the Assumptions sheet's own labels and the functions' names alike, setting only what they name", () => {
    const s = settingsOfRange([
      ["On-cost method", "statutory"],
      ["Employer NI rate", ""],
      ["Employer pension rate", "19%"],
      ["Apprenticeship levy", "No"],
    ]);
    expect(s.costing).toEqual({
      onCostMode: "statutory",
      niRate: undefined,
      pensionRate: 0.19,
      apprenticeshipLevy: false,
    });
    expect(settingsOfRange([["Flat on-cost rate", 0.3]]).costing).toEqual({
      flatOnCostRate: 0.3,
      onCostMode: "flat",
    });
    expect(settingsOfRange(null)).toEqual({ costing: {}, grant: {} });
  });
});

describe("printed formulas in HyperFormula give the evaluated values", () => {
  // A source table and an Assumptions block as a user's workbook holds them (text stays text).
  const STAFF: Array<Array<string | number | null>> = [
    ["Post", "Salary", "FTE", "Headcount", "Start", "End", "Pension"],
    ["Social worker", 38000, 1, 1, null, null, null],
    ["Family support", "£27,500", 0.5, null, 45536, null, 0.2],
    ["Team manager", 52000, 1.6, 2, null, 45900, null],
  ];
  const ASSUMPTIONS: Array<Array<string | number | null>> = [
    ["Setting", "Value"],
    ["On-cost method", "statutory"],
    ["Flat on-cost rate", "0%"],
    ["Employer NI rate", null],
    ["NI monthly threshold", null],
    ["Employer pension rate", "19%"],
    ["Apprenticeship levy", "Yes"],
    ["Vacancy factor", "3%"],
  ];
  const asHf = (rows: Array<Array<string | number | null>>) =>
    rows.map((r) => r.map((c) => (typeof c === "string" ? `'${c}` : c)));
  // What the reader reads from each cell, as a live sheet's references carry it.
  const read = (r: number, c: number): number | null => {
    const v = STAFF[r][c];
    return typeof v === "string" ? Number(v.replace(/[£,]/g, "")) : v;
  };
  const settingsRange = assumptionRef(
    "Assumptions",
    "$A$2:$B$7",
    ASSUMPTIONS.slice(1, 7).map((r) => r.map((c) => c))
  );
  const vacancy = assumptionRef("Assumptions", "$B$8", 0.03);

  function cases(): Expr[] {
    const out: Expr[] = [];
    for (let r = 1; r < STAFF.length; r++) {
      const ref = (c: number) => sourceRef("Staff", `${"ABCDEFG"[c]}${r + 1}`, read(r, c));
      const salary = typeof STAFF[r][1] === "string" ? salaryOf(ref(1)) : ref(1);
      for (const figure of ["salary", "ni", "pension", "levy", "total"] as const)
        out.push(
          postCost({
            salary,
            fte: ref(2),
            fy: 2025,
            headcount: ref(3),
            start: ref(4),
            end: ref(5),
            pensionRate: ref(6),
            figure,
            settings: settingsRange,
          })
        );
      const fte = ref(2);
      out.push(
        IF(
          GT(N(ref(3)), lit(0)),
          ref(3),
          IF(GT(fte, lit(0)), MAX(lit(1), ROUNDUP(sub(fte, lit(1e-9)), 0)), lit(0))
        )
      );
      out.push(IF(EQ(LEN(ref(5)), lit(0)), lit("open"), ref(5)));
      // A headcount scaled to a proposed FTE of 1.5, blank with no headcount.
      const scaled = div(mul(ref(3), lit(1.5)), fte);
      out.push(
        IF(
          OR(EQ(LEN(ref(3)), lit(0)), EQ(N(fte), lit(0))),
          lit(""),
          MAX(lit(1), ROUNDUP(sub(scaled, lit(1e-9)), 0))
        )
      );
      out.push(agencyCost(lit(36.5), mul(fte, lit(37)), lit(52)));
    }
    out.push(fyFraction(lit(45931), undefined, 2025));
    const total = postCost({ salary: lit(30000), fte: lit(1), fy: 2024, figure: "total" });
    out.push(neg(ROUND(mul(total, vacancy), 2)));
    out.push(INDEX(lit([[1, 2, 3]]), 1, 3));
    // INDEX with no column, ABS, and the share functions as the Locality shares sheet calls them.
    out.push(INDEX(lit([[4], [5]]), 2), ABS(lit(-2.5)));
    const column = (xs: number[]) => lit(xs.map((x) => [x]));
    const index = needIndexCall(
      column([10000, 20000, 10000]),
      column([0.2, 0.1, 0.3]),
      column([300, 300, 400]),
      lit([[0.5, 0.3, 0.2, 0]])
    );
    out.push(INDEX(index, 1), INDEX(index, 3));
    const allocation = allocateCall(lit(20), column([0.270714, 0.395714, 0.333572]), lit(0.1));
    out.push(INDEX(allocation, 1), INDEX(allocation, 2), INDEX(allocation, 3));
    return out;
  }

  it("for ESTAB.POSTCOST over source cells and the Assumptions range, and native arithmetic", () => {
    registerEstab();
    const exprs = cases();
    const hf = HyperFormula.buildFromSheets(
      {
        Staff: asHf(STAFF),
        Assumptions: asHf(ASSUMPTIONS),
        Calc: exprs.map((e) => [`=${formula(e, "Calc")}`]),
      },
      HF_CONFIG
    );
    const calc = hf.getSheetId("Calc") as number;
    const got = exprs.map((_, row) => hf.getCellValue({ sheet: calc, row, col: 0 }));
    expect(got).toEqual(exprs.map((e) => value(e)));
    // DOMAIN worked example 9: need index 0.270714 and 0.333571; 20 FTE as 5.4, 7.9, 6.7.
    const [a, c, ...fte] = got.slice(-5) as number[];
    expect([a, c].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.270714, 0.333571]);
    expect(fte).toEqual([5.4, 7.9, 6.7]);
    hf.destroy();
  });

  it("for ESTAB.PROFILE: the Assumptions block's awards and grant dates, or awards, points and settings as constants", () => {
    // An Assumptions block with pay awards (one a cash minimum), a costing point and grant dates.
    const BLOCK: Array<Array<string | number | null>> = [
      ["Employer pension rate", "19%"],
      ["Pay award 2025/26", "3%"],
      ["Pay award 2026/27", "£1,290 or 2.5%"],
      ["Costing point", "bottom"],
      ["Grant start", 45536],
      ["Grant end", 46265],
    ];
    const block = assumptionRef("Assumptions", "$A$1:$B$6", BLOCK);
    const points = lit([[24000, 24500, 25100]]);
    const awards = lit([
      ["2025/26", 0.04, 0],
      ["2026/27", 0.02, 1500],
    ]);
    const constants = lit([
      ["Levy", "No"],
      ["Costing point", "mid"],
    ]);
    const exprs: Expr[] = [];
    for (let r = 1; r < STAFF.length; r++) {
      const ref = (c: number) => sourceRef("Staff", `${"ABCDEFG"[c]}${r + 1}`, read(r, c));
      const post = {
        fte: ref(2),
        firstYear: 2024,
        years: 3,
        start: ref(4),
        end: ref(5),
        headcount: ref(3),
        pensionRate: ref(6),
      };
      for (const figure of ["total", "salary", "ni", "pension", "levy"] as const) {
        const fromBlock = profile({ ...post, salary: ref(1), figure, settings: block });
        const onPoints = profile({ ...post, points, awards, figure, settings: constants });
        for (const k of [1, 2, 3]) exprs.push(profileYear(fromBlock, k), profileYear(onPoints, k));
      }
    }
    registerEstab();
    const hf = HyperFormula.buildFromSheets(
      {
        Staff: asHf(STAFF),
        Assumptions: asHf(BLOCK),
        Calc: exprs.map((e) => [`=${formula(e, "Calc")}`]),
      },
      HF_CONFIG
    );
    const calc = hf.getSheetId("Calc") as number;
    const got = exprs.map((_, row) => hf.getCellValue({ sheet: calc, row, col: 0 }));
    const want = exprs.map((e) => value(e));
    expect(got).toEqual(want);
    // The awards move the figures year on year; the grant's dates cut the first and last years.
    expect(want.every((v) => typeof v === "number")).toBe(true);
    expect(new Set(want).size).toBeGreaterThan(exprs.length / 2);
    hf.destroy();
  });
});
