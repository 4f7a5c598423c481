import fc from "fast-check";
import type { CellValue, Grid, Issue } from "../../../src/core/grid";
import { CELL_TEXT_MAX, SEVERITIES, fromA1 } from "../../../src/core/grid";
import {
  assumptionsGrid,
  defaultAssumptions,
  defaultAssumptionsGrid,
  ESTABLISHMENT_SCHEMA,
  LOCALITIES_SCHEMA,
  PAY_SCALES_SCHEMA,
  parseBoolean,
  parseDate,
  parseMoney,
  parsePercent,
  readAssumptions,
  readEstablishment,
  readLocalities,
  readPayScales,
  readWorkbook,
  withinLimit,
} from "../../../src/core/read";

const POST_LIMITS = ESTABLISHMENT_SCHEMA.fields.flatMap((f) =>
  f.limit ? [[f.field, f.limit] as const] : []
);

const headerWords = [
  ...ESTABLISHMENT_SCHEMA.fields.flatMap((f) => f.synonyms.slice(0, 2)),
  ...LOCALITIES_SCHEMA.fields.map((f) => f.synonyms[0]),
  ...PAY_SCALES_SCHEMA.fields.map((f) => f.synonyms[0]),
  "Setting",
  "Value",
  "Employer pension rate",
  "Pay award 2025/26",
];

/** Values users really put in cells, plus anything at all. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "",
    " ",
    "TOTAL",
    "Sub-total",
    "Grand total",
    "#REF!",
    "#N/A",
    "£20,862",
    "(1,200)",
    "£20.9k",
    "12%",
    "01/09/2018",
    "31/02/2024",
    "Y",
    "full time",
    "Agency",
    "SS08",
    0,
    1,
    0.5,
    -1,
    47.93,
    43344,
    // Hostile: far beyond any limit, infinite, or longer than any figure is written.
    1e308,
    -1e308,
    Infinity,
    NaN,
    "1e999",
    "9".repeat(400),
    "x".repeat(40_000)
  ),
  fc.constantFrom<CellValue>(...headerWords),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
  fc.boolean()
);

const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 });

/** A grid that often has a plausible header row, so the deep paths run too. */
const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.constantFrom("Sheet1", "Staff", "Assumptions", "Need data", "Pay"),
    row: fc.nat({ max: 40 }),
    column: fc.nat({ max: 30 }),
    header: fc.option(
      fc
        .tuple(
          fc.constantFrom("Position", "Job title", "Locality", "Grade"),
          fc.array(fc.constantFrom(...headerWords), { minLength: 1, maxLength: 7 })
        )
        .map(([key, rest]) => [key, ...rest])
    ),
    body: rows,
    table: fc.option(fc.constantFrom("tblStaff", "Assumptions", "Localities")),
  })
  .map(({ sheet, row, column, header, body, table }) => {
    const g: Grid = { sheet, origin: { row, column }, values: header ? [header, ...body] : body };
    if (table !== null) g.table = table;
    return g;
  });

const workbookArb = fc.array(gridArb, { maxLength: 3 }).map((grids) => ({ grids }));

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

/** True when the issue names a cell on one of the workbook's grids (its origin, for an empty one). */
function onItsSheet(issue: Issue, grids: readonly Grid[]): boolean {
  if (!A1.test(issue.address)) return false;
  const p = fromA1(issue.address);
  return grids.some((g) => {
    const height = Math.max(1, g.values.length);
    const width = Math.max(1, ...g.values.map((r) => r.length));
    return (
      g.sheet === issue.sheet &&
      p.row >= g.origin.row &&
      p.row < g.origin.row + height &&
      p.column >= g.origin.column &&
      p.column < g.origin.column + width
    );
  });
}

function wellFormed(issue: Issue): boolean {
  return (
    SEVERITIES.includes(issue.severity) &&
    /^[a-z0-9-]+$/.test(issue.code) &&
    issue.message.length > 0 &&
    issue.fix.length > 0
  );
}

describe("the readers never throw, and every issue names a real cell on the right sheet", () => {
  it("readEstablishment (most generated workbooks hold a table, so the deep paths run)", () => {
    const found = fc
      .sample(workbookArb, { numRuns: 200, seed: 42 })
      .filter((w) => readEstablishment(w).establishment).length;
    expect(found).toBeGreaterThan(60);
    fc.assert(
      fc.property(workbookArb, (workbook) => {
        const r = readEstablishment(workbook);
        expect(r.issues.filter((i) => !onItsSheet(i, workbook.grids) || !wellFormed(i))).toEqual(
          []
        );
        for (const post of r.establishment?.posts ?? []) {
          expect(Number.isFinite(post.fte)).toBe(true);
          // Every figure of a post read is within its limit, so costing it stays finite.
          for (const [field, limit] of POST_LIMITS) {
            const v = (post as unknown as Record<string, unknown>)[field];
            if (typeof v === "number") expect(withinLimit(v, limit)).toBe(true);
          }
          expect(post.title.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
          expect(post.title).not.toBe("");
          for (const address of Object.values(post.cells)) expect(address).toMatch(A1);
        }
      }),
      { numRuns: 400 }
    );
  });

  it("readAssumptions always gives complete assumptions", () => {
    fc.assert(
      fc.property(workbookArb, (workbook) => {
        const r = readAssumptions(workbook);
        expect(r.issues.filter((i) => !onItsSheet(i, workbook.grids) || !wellFormed(i))).toEqual(
          []
        );
        expect(Number.isInteger(r.assumptions.firstYear)).toBe(true);
        expect(r.assumptions.pensionRate).toBeGreaterThanOrEqual(0);
        for (const address of Object.values(r.source.cells)) expect(address).toMatch(A1);
      }),
      { numRuns: 400 }
    );
  });

  it("readLocalities, readPayScales and readWorkbook", () => {
    fc.assert(
      fc.property(workbookArb, (workbook) => {
        const issues = [
          ...readLocalities(workbook).issues,
          ...readPayScales(workbook).issues,
          ...readWorkbook(workbook).issues,
        ];
        expect(issues.filter((i) => !onItsSheet(i, workbook.grids) || !wellFormed(i))).toEqual([]);
      }),
      { numRuns: 300 }
    );
  });

  it("the value parsers never throw on any value", () => {
    fc.assert(
      fc.property(fc.oneof(cell, fc.anything() as fc.Arbitrary<CellValue>), (value) => {
        parseMoney(value);
        parsePercent(value);
        parseDate(value);
        parseBoolean(value);
      })
    );
  });
});

describe("round trips", () => {
  it("money written the UK way reads back to the same pence", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (pence) => {
        const pounds = pence / 100;
        const text = `£${Math.abs(pounds).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`;
        expect(parseMoney(pounds < 0 ? `(${text})` : text)).toBe(pounds);
      })
    );
  });

  it("every valid day reads back from dd/mm/yyyy", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1950, 0, 1)),
          max: new Date(Date.UTC(2150, 11, 31)),
          noInvalidDate: true,
        }),
        (d) => {
          const text = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
          const serial = Math.round(
            (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) -
              Date.UTC(1899, 11, 30)) /
              86_400_000
          );
          expect(parseDate(text)).toBe(serial);
        }
      )
    );
  });

  it("the default assumptions sheet reads back as the defaults for any first year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (fy) => {
        const r = readAssumptions({
          grids: [
            {
              sheet: "Assumptions",
              origin: { row: 0, column: 0 },
              values: defaultAssumptionsGrid(fy),
            },
          ],
        });
        expect(r.issues).toEqual([]);
        expect(r.assumptions.firstYear).toBe(fy);
      }),
      { numRuns: 50 }
    );
  });
});

describe("assumptionsGrid", () => {
  const percentArb = fc.integer({ min: 0, max: 10000 }).map((n) => n / 10000); // 0.01% steps
  const assumptionsArb = fc
    .record({
      firstYear: fc.integer({ min: 2015, max: 2040 }),
      years: fc.integer({ min: 1, max: 6 }),
      costingPoint: fc.constantFrom(
        "bottom" as const,
        "mid" as const,
        "top" as const,
        "actual" as const
      ),
      incrementRule: fc.constantFrom("april" as const, "anniversary" as const, "none" as const),
      incrementServiceMonths: fc.integer({ min: 0, max: 12 }),
      gradeSteps: fc.integer({ min: 1, max: 10 }),
      awards: fc.array(
        fc.record({
          offset: fc.integer({ min: 0, max: 5 }),
          percent: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10000),
          flat: fc.option(fc.integer({ min: 1, max: 5000 })),
        }),
        { maxLength: 4 }
      ),
      onCostMode: fc.constantFrom("statutory" as const, "flat" as const),
      flatOnCostRate: percentArb,
      pensionRate: fc.integer({ min: 0, max: 4000 }).map((n) => n / 10000),
      apprenticeshipLevy: fc.boolean(),
      exitCostWeeks: fc.integer({ min: 0, max: 52 }),
      managementGrades: fc.array(fc.constantFrom("SS14", "SS15", "Band 8a"), { maxLength: 3 }),
      agencyWeeksPerYear: fc.integer({ min: 0, max: 53 }),
    })
    .map((r) => {
      const a = defaultAssumptions(r.firstYear);
      a.years = r.years;
      a.costingPoint = r.costingPoint;
      a.incrementRule = r.incrementRule;
      a.incrementServiceMonths = r.incrementServiceMonths;
      a.gradeSteps = r.gradeSteps;
      const byYear = new Map(r.awards.map((w) => [r.firstYear + w.offset, w]));
      a.payAwards = [...byYear]
        .sort((x, y) => x[0] - y[0])
        .map(([year, w]) =>
          w.flat === null
            ? { year, percent: w.percent }
            : { year, percent: w.percent, flatMinimum: w.flat }
        );
      a.onCostMode = r.onCostMode;
      a.flatOnCostRate = r.flatOnCostRate;
      a.pensionRate = r.pensionRate;
      a.apprenticeshipLevy = r.apprenticeshipLevy;
      a.exitCostWeeks = r.exitCostWeeks;
      a.managementGrades = [...new Set(r.managementGrades)];
      a.agencyWeeksPerYear = r.agencyWeeksPerYear;
      return a;
    });

  it("any assumptions written as a sheet read back the same", () => {
    fc.assert(
      fc.property(assumptionsArb, (a) => {
        const r = readAssumptions({
          grids: [
            { sheet: "Assumptions", origin: { row: 0, column: 0 }, values: assumptionsGrid(a) },
          ],
        });
        expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(r.assumptions).toEqual(a);
      }),
      { numRuns: 200 }
    );
  });
});
