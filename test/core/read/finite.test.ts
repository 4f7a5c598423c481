/**
 * Whatever the readers accept costs to finite figures: establishments, localities and
 * assumptions with figures at and around their limits (and far beyond them) either stop at
 * an error naming a cell, or build every sheet with finite numbers only. Never Infinity,
 * never NaN, never an exception.
 */
import fc from "fast-check";
import type { CellValue } from "../../../src/core/grid";
import { hasErrors } from "../../../src/core/grid";
import { LIMITS, readWorkbook } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid } from "./helpers";

/** Figures at, inside and just past a limit, and far beyond any. */
const around = (limit: { min: number; max: number }): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { weight: 40, arbitrary: fc.double({ min: limit.min, max: limit.max, noNaN: true }) },
    { weight: 8, arbitrary: fc.constantFrom<CellValue>(limit.min, limit.max) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<CellValue>(
        limit.max * 1.0001,
        limit.min - 1,
        1e308,
        -1e308,
        "1e999",
        5e-324,
        "TBC"
      ),
    }
  );

/** The establishment's columns, in the order the generated rows fill them. */
const STAFF_HEADER: CellValue[] = [
  "Position",
  "FTE",
  "No of staff",
  "Salary",
  "Proposed FTE",
  "Proposed salary",
  "Hours",
  "Agency hourly rate",
  "Contract",
  "Pension rate",
  "Start date",
];

const post = fc.tuple(
  fc.constantFrom("Social Worker", "Team Manager", "Agency cover"),
  around(LIMITS.fte),
  around(LIMITS.headcount),
  around(LIMITS.salary),
  around(LIMITS.fte),
  around(LIMITS.salary),
  around(LIMITS.hoursPerWeek),
  around(LIMITS.agencyHourlyRate),
  fc.constantFrom<CellValue>("Permanent", "Agency", ""),
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<CellValue>("19%", 0.5, 1, "") },
    { weight: 1, arbitrary: fc.constant<CellValue>(1e308) }
  ),
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<CellValue>("01/04/2025", "", 45000, "31/12/2199") },
    { weight: 1, arbitrary: fc.constant<CellValue>(1e308) }
  )
);

const locality = fc.tuple(
  fc.constantFrom("North", "South", "East"),
  around(LIMITS.population),
  around(LIMITS.deprivation),
  around(LIMITS.demand)
);

const setting = fc.oneof(
  fc.tuple(
    fc.constant("Number of years"),
    fc.oneof(fc.integer({ min: 1, max: 20 }), around(LIMITS.years))
  ),
  fc.tuple(
    fc.constant("Pay award 2026/27"),
    fc.constantFrom<CellValue>("100%", "-50%", "£100,000 or 100%", 1e308)
  ),
  fc.tuple(
    fc.constant("Pay award 2030/31"),
    fc.constantFrom<CellValue>("100%", "£100,000", "1e999")
  ),
  fc.tuple(fc.constant("Grant amount"), around(LIMITS.grantAmount)),
  fc.tuple(fc.constant("Exit cost weeks"), fc.integer({ min: 0, max: 104 })),
  fc.tuple(fc.constant("Flat on-cost rate"), fc.constantFrom<CellValue>("100%", "0%", 1e308)),
  fc.tuple(fc.constant("On-cost method"), fc.constantFrom<CellValue>("flat", "statutory")),
  fc.tuple(fc.constant("NI monthly threshold"), around(LIMITS.niMonthlyThreshold)),
  fc.tuple(fc.constant("Allocation unit (FTE)"), fc.constantFrom<CellValue>(0.01, 0.1, 1, 10)),
  fc.tuple(fc.constant("FTE to share out"), fc.constantFrom<CellValue>("", 1_000_000, 20)),
  fc.tuple(fc.constant("Weight: equal share"), fc.constantFrom<CellValue>("100%", "0%")),
  fc.tuple(fc.constant("Points per grade"), fc.integer({ min: 1, max: 50 })),
  fc.tuple(fc.constant("Costing point"), fc.constantFrom<CellValue>("top", "bottom", "mid"))
);

const workbook = fc
  .record({
    posts: fc.array(post, { minLength: 1, maxLength: 6 }),
    // A TOTAL row is only checked against the posts, whatever it says.
    total: fc.option(
      fc.tuple(
        fc.constant("TOTAL"),
        fc.constantFrom<CellValue>(1e308, -1e308, 5, "1e999"),
        fc.constantFrom<CellValue>(1e308, -1e308, 2)
      )
    ),
    localities: fc.array(locality, { maxLength: 3 }),
    settings: fc.array(setting, { maxLength: 6 }),
  })
  .map(({ posts, total, localities, settings }) => ({
    grids: [
      grid("Staff", [STAFF_HEADER, ...posts, ...(total ? [total] : [])]),
      grid("Need", [["Locality", "Population 0-19", "IDACI", "Referrals"], ...localities]),
      grid("Assumptions", [["Setting", "Value"], ...settings]),
    ],
  }));

function numbersIn(result: ReturnType<typeof buildWorkbook>): number[] {
  const out: number[] = [];
  for (const sheet of result.sheets)
    for (const row of sheet.cells)
      for (const cell of row) {
        if (cell?.kind === "number") out.push(cell.value);
        if (cell?.kind === "formula" && typeof cell.value === "number") out.push(cell.value);
      }
  for (const s of result.summaries) for (const f of s.figures) out.push(f.value);
  return out;
}

describe("figures the readers accept cost to finite numbers", () => {
  it("every sheet built from an accepted workbook holds only finite numbers", () => {
    let built = 0;
    fc.assert(
      fc.property(workbook, (wb) => {
        const read = readWorkbook(wb);
        const result = buildWorkbook(wb, {
          mode: "shareable",
          generatedAt: "now",
          version: "test",
        });
        expect(result.ok).toBe(!hasErrors(read.issues) && !hasErrors(result.issues));
        if (!result.ok) return;
        built++;
        expect(numbersIn(result).filter((n) => !Number.isFinite(n))).toEqual([]);
      }),
      { numRuns: 300 }
    );
    // Most generated workbooks hold a refused figure; enough must build for this to mean something.
    expect(built).toBeGreaterThan(40);
  });

  it("the costliest establishment the limits allow still costs to finite figures", () => {
    const row: CellValue[] = [
      "Chief",
      LIMITS.fte.max,
      LIMITS.headcount.max,
      LIMITS.salary.max,
      LIMITS.fte.max,
      LIMITS.salary.max,
      LIMITS.hoursPerWeek.max,
      LIMITS.agencyHourlyRate.max,
      "Agency",
      "100%",
      "",
    ];
    const years = Array.from({ length: 20 }, (_, i): CellValue[] => [
      `Pay award ${2026 + i}`,
      "£100,000 or 100%",
    ]);
    const wb = {
      grids: [
        grid("Staff", [STAFF_HEADER, ...Array.from({ length: 50 }, () => row)]),
        grid("Need", [
          ["Locality", "Population 0-19", "IDACI", "Referrals"],
          ["North", LIMITS.population.max, LIMITS.deprivation.max, LIMITS.demand.max],
          ["South", LIMITS.population.max, LIMITS.deprivation.max, LIMITS.demand.max],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Number of years", 20],
          ["Grant amount", LIMITS.grantAmount.max],
          ["Exit cost weeks", LIMITS.exitCostWeeks.max],
          ["Allocation unit (FTE)", 1],
          ...years,
        ]),
      ],
    };
    const result = buildWorkbook(wb, { mode: "shareable", generatedAt: "now", version: "test" });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.sheets.length).toBeGreaterThanOrEqual(4);
    expect(numbersIn(result).filter((n) => !Number.isFinite(n))).toEqual([]);
  });
  it("a grant of a sliver of a penny is read as £0, so % of the grant used stays finite", () => {
    // The case fast-check found: FTE 10,000, salary £5e-7, grant £5e-324.
    const wb = {
      grids: [
        grid("Staff", [
          ["Position", "FTE", "No of staff", "Salary"],
          ["Chief", 10_000, 10_000, 5e-7],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Grant amount", 5e-324],
        ]),
      ],
    };
    expect(readWorkbook(wb).assumptions.grant.amount).toBe(0);
    const result = buildWorkbook(wb, { mode: "shareable", generatedAt: "now", version: "test" });
    expect(result.ok).toBe(true);
    expect(numbersIn(result).filter((n) => !Number.isFinite(n))).toEqual([]);
  });
});
