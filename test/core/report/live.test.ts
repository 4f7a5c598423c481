/**
 * Live sheets evaluated in a real formula engine: the source establishment sheet and the
 * live Establishment Cost sheet as two HyperFormula sheets, ESTAB functions registered
 * from the same table as Excel's. Every cell must come out exactly as the shareable sheet
 * has it, and editing the source must recalculate the live cells.
 */
import { HyperFormula } from "hyperformula";
import {
  compare,
  EXAMPLE9_LOCALITIES,
  example9Localities,
  hfSheet,
  recalculates,
  type Raw,
} from "./live-harness";
import { plainAssumptions, postCostInYear } from "../../../src/core/costing";
import { serialOf } from "../../../src/core/dates";
import { parseRangeA1 } from "../../../src/core/grid";
import type { Assumptions, Establishment, Localities, Post } from "../../../src/core/model";
import { buildEstablishmentCostSheet } from "../../../src/core/report/establishment-cost";
import { buildGrantCostingSheet } from "../../../src/core/report/grant-costing";
import { buildLocalitySharesSheet } from "../../../src/core/report/locality-shares";
import { allocateExact, needIndex } from "../../../src/core/shares";
import { makeShareable } from "../../../src/core/report/shareable";
import { costSettings } from "../../../src/core/report/assumption-cells";
import { formula } from "../../../src/core/report/expr";
import type { SheetSpec } from "../../../src/core/report";
import { estabWorkbook, HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

const SOURCE_SHEET = "Staff List";

/** The establishment as pasted: title rows above the header, text money, a blank pension cell. */
const SOURCE: Raw[][] = [
  ["SUPPORTING FAMILIES STAFF - GRADES AND SALARY SCALES"],
  [null],
  [
    "Position Name",
    "Grade",
    "Salary",
    "FTE",
    "No of Staff",
    "Start date",
    "End date",
    "Pension %",
    "Min",
    "Max",
  ],
  ["Family Support Worker", "SS08", 21500, 47.93, 61, null, null, null, null, null],
  ["Unit Manager", "SS11", "£32,440", 7, 7, null, null, 0.2, null, null],
  ["Outreach Worker", "SS09", 24000, 1, 1, "16/09/2024", null, "20%", null, null],
  [
    "Seasonal Worker",
    "SS07",
    "£20.9k",
    0.5,
    null,
    serialOf(2024, 6, 1),
    serialOf(2024, 11, 30),
    19,
    null,
    null,
  ],
  ["New Post (grade only)", "SS10", null, 1, 1, null, null, null, 26000, 28000],
];

const COLS = [
  "title",
  "grade",
  "salary",
  "fte",
  "headcount",
  "startDate",
  "endDate",
  "pensionRate",
  "minSalary",
  "maxSalary",
] as const;

/** The Establishment the reader would give for SOURCE: values parsed, each field's cell address kept. */
function establishmentOf(): Establishment {
  const parsed: Array<Partial<Post>> = [
    { salary: 21500, fte: 47.93, headcount: 61 },
    { salary: 32440, fte: 7, headcount: 7, pensionRate: 0.2 },
    { salary: 24000, fte: 1, headcount: 1, startDate: serialOf(2024, 9, 16), pensionRate: 0.2 },
    {
      salary: 20900,
      fte: 0.5,
      startDate: serialOf(2024, 6, 1),
      endDate: serialOf(2024, 11, 30),
      pensionRate: 0.19,
    },
    { fte: 1, headcount: 1, minSalary: 26000, maxSalary: 28000 },
  ];
  const posts: Post[] = parsed.map((p, i) => {
    const row = 3 + i;
    const cells: Post["cells"] = {};
    COLS.forEach((f, c) => {
      if (f !== "title") cells[f] = `${String.fromCharCode(65 + c)}${row + 1}`;
    });
    return {
      sourceRow: row,
      title: String(SOURCE[row][0]),
      grade: String(SOURCE[row][1]),
      fte: p.fte as number,
      ...p,
      cells,
    };
  });
  return {
    sheet: SOURCE_SHEET,
    range: "A3:J8",
    headerRow: 2,
    columns: Object.fromEntries(COLS.map((f, c) => [f, c])),
    posts,
    totals: [],
  };
}

function build(a: Assumptions): SheetSpec {
  return buildEstablishmentCostSheet({
    establishment: establishmentOf(),
    assumptions: a,
    generatedAt: "2026-01-01",
    version: "test",
  }).sheet;
}

/** The same sheet built live, with no Assumptions sheet to point at (assumptions as constants). */
function buildLive(a: Assumptions): { sheet: SheetSpec; liveCells: number; notLive: string[] } {
  const built = buildEstablishmentCostSheet({
    establishment: establishmentOf(),
    assumptions: a,
    generatedAt: "2026-01-01",
    version: "test",
    live: {},
  });
  return {
    sheet: built.sheet,
    liveCells: built.live?.liveCells ?? 0,
    notLive: built.live?.notLive ?? [],
  };
}

const SCENARIOS: Array<[string, Assumptions]> = [
  [
    "statutory on-costs, 2024/25, pension default 19%",
    plainAssumptions(2024, 1, { pensionRate: 0.19 }),
  ],
  [
    "2022/23 (two NI rates), no levy, NI overrides",
    {
      ...plainAssumptions(2022, 1, { apprenticeshipLevy: false }),
      niRate: 0.14,
      niMonthlyThreshold: 700,
    },
  ],
  [
    "flat on-costs 30%, 2025/26",
    plainAssumptions(2025, 1, { onCostMode: "flat", flatOnCostRate: 0.3 }),
  ],
];

describe.each(SCENARIOS)("live Establishment Cost sheet: %s", (_name, assumptions) => {
  const est = establishmentOf();
  const shareableSpec = build(assumptions);
  const outcome = buildLive(assumptions);
  const hf = estabWorkbook({ [SOURCE_SHEET]: SOURCE, Live: hfSheet(outcome.sheet, "live") });
  const live = hf.getSheetId("Live") as number;
  afterAll(() => hf.destroy());

  it("makes every post's FTE, headcount, full-time salary and figures live, over the source table's cells", () => {
    const formulas = outcome.sheet.cells
      .flat()
      .flatMap((c) => (c && c.kind !== "text" && c.live ? [c.live] : []));
    const figures = assumptions.onCostMode === "flat" ? 3 : 5; // salary, (NI, pension, levy | flat), total
    // 5 posts × (FTE, headcount, full-time salary and the figures).
    expect(outcome.liveCells).toBe(5 * (3 + figures));
    expect(formulas.length).toBe(outcome.liveCells);
    expect(formulas.slice(0, 3)).toEqual([
      "='Staff List'!D4",
      "='Staff List'!E4",
      "=ESTAB.SALARY('Staff List'!C4,1,0)",
    ]);
    expect(formulas[3]).toMatch(
      /^=ESTAB\.POSTCOST\('Staff List'!C4,'Staff List'!D4,"\d{4}\/\d{2}",'Staff List'!E4,/
    );
    // The grade-only post, costed at "actual" with no salary, is at the bottom of its grade: the minimum.
    expect(formulas).toContain("=ESTAB.SALARY('Staff List'!I8,1,0)");
    expect(outcome.notLive).toEqual([]);
  });

  it("evaluates in HyperFormula to exactly the shareable sheet's values, totals included", () => {
    const { got, want } = compare(hf, live, shareableSpec);
    expect(got).toEqual(want);
  });

  it("recalculates when the establishment is edited", () => {
    const source = hf.getSheetId(SOURCE_SHEET) as number;
    hf.setCellContents({ sheet: source, row: 3, col: 2 }, 23000); // Family Support Worker salary
    const post = { ...est.posts[0], salary: 23000 };
    const expected = postCostInYear(
      { salary: 23000, fte: post.fte, headcount: post.headcount },
      assumptions.firstYear,
      {
        pensionRate: assumptions.pensionRate,
        apprenticeshipLevy: assumptions.apprenticeshipLevy,
        niRate: assumptions.niRate,
        niMonthlyThreshold: assumptions.niMonthlyThreshold,
        onCostMode: assumptions.onCostMode,
        flatOnCostRate: assumptions.flatOnCostRate,
      }
    ).total;
    const rowOf = outcome.sheet.cells.findIndex(
      (row) => row[0]?.kind === "text" && row[0].text === "Family Support Worker"
    );
    const totalCol = outcome.sheet.cells[rowOf].length - 1;
    expect(hf.getCellValue({ sheet: live, row: rowOf, col: totalCol })).toBe(expected);
    hf.setCellContents({ sheet: source, row: 3, col: 2 }, 21500);
  });
});

describe("make shareable", () => {
  const a = plainAssumptions(2024, 1, { pensionRate: 0.19 });
  const built = build(a);
  const live = buildLive(a).sheet;

  it("gives back exactly the built sheet: values and native formulas, no ESTAB formula", () => {
    const shareable = makeShareable(live);
    expect(shareable).toEqual(built);
    expect(JSON.stringify(shareable)).not.toMatch(/ESTAB\./);
  });

  it("is a pure function: the live sheet is left as it was", () => {
    const before = JSON.stringify(live);
    makeShareable(live);
    expect(JSON.stringify(live)).toBe(before);
  });

  it("the shareable sheet recalculates in HyperFormula to the same values without the add-in", () => {
    const hf = HyperFormula.buildFromSheets(
      { [SOURCE_SHEET]: SOURCE, Shareable: hfSheet(makeShareable(live), "shareable") },
      { licenseKey: "gpl-v3", smartRounding: false }
    );
    const { got, want } = compare(hf, hf.getSheetId("Shareable") as number, makeShareable(live));
    expect(got).toEqual(want);
    hf.destroy();
  });
});

describe("settings written into live formulas", () => {
  it("carries only what differs from the functions' defaults", () => {
    // With no Assumptions sheet to point at, the settings are an array constant.
    expect(costSettings(undefined, plainAssumptions(2024, 1))).toBeUndefined();
    const differing = costSettings(undefined, {
      ...plainAssumptions(2024, 1, { apprenticeshipLevy: false, pensionRate: 0.19 }),
      niRate: 0.15,
    });
    expect(differing && formula(differing)).toBe(
      '{"Levy","No";"NI rate",0.15;"Pension rate",0.19}'
    );
  });
});

describe("live Grant Costing sheet", () => {
  const assumptions: Assumptions = {
    ...plainAssumptions(2024, 3, {
      pensionRate: 0.19,
      payAwards: [
        { year: 2025, percent: 0.03 },
        { year: 2026, percent: 0.025, flatMinimum: 1290 },
      ],
    }),
    // The grant starts and ends inside the years costed: the window is clipped to it.
    grant: {
      name: "Supporting Families",
      amount: 2_000_000,
      start: serialOf(2024, 9, 1),
      end: serialOf(2026, 8, 31),
    },
  };
  const est = establishmentOf();
  const input = { establishment: est, assumptions, generatedAt: "2026-01-01", version: "test" };
  const built = buildGrantCostingSheet(input).sheet;
  // Built live: each figure defined as the sheet is built, with no Assumptions sheet to
  // point at (the settings and awards are constants in the formulas).
  const liveBuild = buildGrantCostingSheet({ ...input, live: {} });
  const outcome = { sheet: liveBuild.sheet, ...liveBuild.live! };
  // Excel evaluates array arithmetic in a function argument natively; HyperFormula needs asking.
  registerEstab();
  const hf = HyperFormula.buildFromSheets(
    { [SOURCE_SHEET]: SOURCE, Live: hfSheet(outcome.sheet, "live") },
    { ...HF_CONFIG, useArrayArithmetic: true }
  );
  afterAll(() => hf.destroy());

  it("gives each post's FTE, headcount, yearly totals and salary/NI/pension/levy detail a formula over the source cells", () => {
    // 5 posts × (FTE and headcount + 3 years × (total + salary, NI, pension, levy)), and
    // the grant in £k as a ROUND over the grant's own cell.
    expect(outcome.liveCells).toBe(5 * 2 + 5 * 3 * 5 + 1);
    const first = outcome.sheet.cells
      .flat()
      .find((c) => c && c.kind !== "text" && c.live?.startsWith("=INDEX"));
    expect(first && first.kind !== "text" ? first.live : "").toMatch(
      /^=INDEX\(ESTAB\.PROFILE\('Staff List'!C4,'Staff List'!D4,"2024\/25",3,.*\{"2025\/26",0\.03,0;"2026\/27",0\.025,1290\}.*"Grant start",45536;"Grant end",46265\}\),1,1\)$/
    );
    // The grade-only post ("actual", no salary) starts at the bottom of its grade and moves up its points.
    expect(
      outcome.sheet.cells.flat().find((c) => c && c.kind !== "text" && c.live?.includes("I8"))
    ).toMatchObject({
      live: expect.stringContaining(
        `ROUND('Staff List'!I8+('Staff List'!J8-'Staff List'!I8)*{0,1,2,3}/3,2),'Staff List'!E8`
      ),
    });
    expect(outcome.notLive).toEqual([]);
    const detail = outcome.sheet.tables.find((t) => t.name === "GrantCostDetail");
    const { start } = parseRangeA1(detail?.range ?? "A1");
    const firstDetail = outcome.sheet.cells[start.row + 1]
      .slice(2, 6)
      .map((c) => (c && c.kind !== "text" ? c.live : undefined));
    ["salary", "ni", "pension", "levy"].forEach((figure, i) =>
      expect(firstDetail[i]).toMatch(new RegExp(`,"${figure}",\\{.*\\}\\),1,1\\)$`))
    );
  });

  it("evaluates in HyperFormula to exactly the shareable sheet's values: totals, vacancy, headroom, £k", () => {
    const { got, want } = compare(
      hf,
      hf.getSheetId("Live") as number,
      makeShareable(outcome.sheet)
    );
    expect(got).toEqual(want);
  });

  it("makes shareable back to exactly the built sheet", () => {
    expect(makeShareable(outcome.sheet)).toEqual(built);
  });

  it("keeps each post's exit-cost contingency a value, saying why", () => {
    const withExit = { ...assumptions, exitCostWeeks: 12 };
    const exitInput = { ...input, assumptions: withExit };
    const shareable = buildGrantCostingSheet(exitInput).sheet;
    const live = buildGrantCostingSheet({ ...exitInput, live: {} });
    const table = live.sheet.tables.find((t) => t.name === "GrantCostPerPost");
    const { start, end } = parseRangeA1(table?.range ?? "A1");
    const exit = live.sheet.cells[start.row].findIndex(
      (c) => c?.kind === "text" && c.text === "Exit-cost contingency (12 weeks)"
    );
    const exitCells = live.sheet.cells.slice(start.row + 1, end.row + 1).map((row) => row[exit]);
    expect(exitCells).toHaveLength(est.posts.length);
    for (const c of exitCells) expect(c?.kind === "number" && c.live === undefined).toBe(true);
    expect(exitCells.some((c) => c?.kind === "number" && c.value > 0)).toBe(true);
    const notLive = live.live?.notLive ?? [];
    expect(notLive).toEqual(
      est.posts.map(
        (p) =>
          `${p.title} (row ${p.sourceRow + 1}) exit-cost contingency: weeks of the salary rate at the grant's end, which no function gives`
      )
    );
    // The other figures stay live, one more cell per post holding the contingency as a value.
    expect(live.live?.liveCells).toBe(outcome.liveCells);
    expect(makeShareable(live.sheet)).toEqual(shareable);
  });
});

describe("live Locality shares sheet (DOMAIN worked example 9)", () => {
  const LOCALITIES = EXAMPLE9_LOCALITIES;
  const localities = example9Localities;
  const assumptions: Assumptions = {
    ...plainAssumptions(2024, 1),
    localityWeights: { population: 0.5, deprivation: 0.3, demand: 0.2, equal: 0 },
    allocationUnit: 0.1,
    allocationTotalFte: 20,
  };
  const built = buildLocalitySharesSheet({
    localities,
    assumptions,
    generatedAt: "2026-01-01",
    version: "test",
  }).sheet;
  const liveBuild = buildLocalitySharesSheet({
    localities,
    assumptions,
    generatedAt: "2026-01-01",
    version: "test",
    live: {},
  });
  const outcome = { sheet: liveBuild.sheet, ...liveBuild.live! };
  const hf = estabWorkbook({ Localities: LOCALITIES, Live: hfSheet(outcome.sheet, "live") });
  const live = hf.getSheetId("Live") as number;
  afterAll(() => hf.destroy());

  it("gives each locality's figures, shares and FTE allocated a formula over the localities table", () => {
    expect(outcome.notLive).toEqual([]);
    // One definition: the live sheet made shareable is the shareable build.
    expect(makeShareable(outcome.sheet)).toEqual(built);
    // 3 localities × (3 figures as written, 4 one-measure shares, need index, exact quota,
    // FTE allocated); the weighted population is a native formula in both modes.
    expect(outcome.liveCells).toBe(3 * 10);
    const formulas = outcome.sheet.cells
      .flat()
      .flatMap((c) => (c && c.kind !== "text" && c.live ? [c.live] : []));
    expect(formulas).toContain("=INDEX(ESTAB.ALLOCATE($B$5,$J$16:$J$18,0.1),1)");
    expect(formulas).toContain(
      "=INDEX(ESTAB.NEEDINDEX(Localities!B2:B4,Localities!C2:C4,Localities!D2:D4,{0,1,0,0}),2)"
    );
    expect(formulas).toContain("=Localities!D4");
    const at = (r: number, c: number) => outcome.sheet.cells[r - 1][c];
    expect(at(16, 9)).toMatchObject({
      kind: "number",
      live: "=$C$9*F16+$C$10*G16+$C$11*H16+$C$12*I16",
    });
    expect(at(17, 3)).toMatchObject({ formula: "=B17*C17", value: 2000 });
    expect(at(17, 3)).not.toHaveProperty("live");
    expect(at(18, 10)).toMatchObject({ kind: "number", live: "=$B$5*J18" });
  });

  it("evaluates in HyperFormula to exactly the shareable sheet's values: 5.4 / 7.9 / 6.7 FTE", () => {
    const { got, want } = compare(hf, live, makeShareable(outcome.sheet));
    expect(got).toEqual(want);
    const fte = outcome.sheet.cells
      .flat()
      .flatMap((c) => (c && c.kind !== "text" && c.live?.includes("ALLOCATE") ? [c.value] : []));
    expect(fte).toEqual([5.4, 7.9, 6.7]);
  });

  it("recalculates when a locality's referrals change", () => {
    hf.setCellContents({ sheet: hf.getSheetId("Localities") as number, row: 3, col: 3 }, 1000);
    const index = needIndex(
      [10000, 20000, 10000],
      [0.2, 0.1, 0.3],
      [300, 300, 1000],
      assumptions.localityWeights
    );
    const expected = allocateExact(20, index, 0.1);
    expect(expected).toEqual([4.9, 7.5, 7.6]);
    const rows = outcome.sheet.cells.flatMap((row, r) =>
      row.flatMap((c, col) =>
        c && c.kind !== "text" && c.live?.includes("ALLOCATE") ? [{ r, col }] : []
      )
    );
    expect(rows.map(({ r, col }) => hf.getCellValue({ sheet: live, row: r, col }))).toEqual(
      expected
    );
    // Every live or native formula cell, as the sheet built from the edited table has it.
    const edited: Localities = {
      ...localities,
      localities: localities.localities.map((l, i) => (i === 2 ? { ...l, demand: 1000 } : l)),
    };
    const rebuilt = buildLocalitySharesSheet({
      localities: edited,
      assumptions,
      generatedAt: "2026-01-01",
      version: "test",
    }).sheet;
    const { got, want } = compare(hf, live, rebuilt, recalculates(outcome.sheet));
    expect(got).toEqual(want);
    // 30 live, 1 native per locality, 2 weight totals, 10 locality totals and 2 checks.
    expect(got).toHaveLength(3 * 10 + 3 + 2 + 10 + 2);
    expect(rebuilt).not.toEqual(built);
  });
});
