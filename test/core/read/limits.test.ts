import fc from "fast-check";
import { CELL_TEXT_MAX, type CellValue } from "../../../src/core/grid";
import {
  LIMITS,
  readAssumptions,
  readEstablishment,
  readLocalities,
  readPayScales,
  readWorkbook,
} from "../../../src/core/read";
import { grid, messages, where } from "./helpers";

/** Values no real establishment holds, in every form a cell can give them. */
const HUGE: CellValue[] = [
  1e308,
  -1e308,
  "1e999",
  "-1e999",
  Infinity,
  -Infinity,
  NaN,
  "9".repeat(400),
];

function establishment(header: string, value: CellValue) {
  return readEstablishment({
    grids: [
      grid("Staff", [
        ["Position", "FTE", "Salary", header],
        ["Social Worker", 1, 30000, value],
      ]),
    ],
  });
}

describe("figures out of range are errors at their cell, with the range", () => {
  it("FTE of 1e308, '1e999' or a JS Infinity is refused, not costed", () => {
    for (const value of HUGE) {
      const r = readEstablishment({
        grids: [
          grid("Staff", [
            ["Position", "FTE", "Salary"],
            ["Social Worker", value, 30000],
          ]),
        ],
      });
      expect(where(r.issues)).toEqual(["error:fte-out-of-range@B2"]);
      expect(r.establishment?.posts).toEqual([]);
    }
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Position", "FTE", "Salary"],
          ["Social Worker", "1e999", 30000],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "Staff!B2: FTE '1e999' is out of range: it must be from 0 to 10,000 — enter e.g. 1 or 0.5",
    ]);
  });

  it("FTE up to 10,000 for one row is read; above it is an error", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), (fte) => {
        const r = readEstablishment({
          grids: [
            grid("S", [
              ["Position", "FTE", "Salary", "No of staff"],
              ["Team", fte, 30000, 20_000],
            ]),
          ],
        });
        expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(r.establishment?.posts[0].fte).toBe(fte);
      })
    );
    fc.assert(
      fc.property(fc.double({ min: 10_000, max: 1e308, noNaN: true, minExcluded: true }), (fte) => {
        const r = readEstablishment({
          grids: [
            grid("S", [
              ["Position", "FTE", "Salary"],
              ["Team", fte, 30000],
            ]),
          ],
        });
        expect(where(r.issues)).toEqual(["error:fte-out-of-range@B2"]);
      })
    );
  });

  it.each([
    ["No of staff", "headcount", "0 to 100,000"],
    ["Minimum salary", "min-salary", "£0 to £10,000,000"],
    ["Maximum salary", "max-salary", "£0 to £10,000,000"],
    ["Proposed salary", "proposed-salary", "£0 to £10,000,000"],
    ["Proposed FTE", "proposed-fte", "0 to 10,000"],
    ["Hours", "hours-per-week", "0 to 500,000"],
    ["Agency hourly rate", "agency-hourly-rate", "£0 to £10,000"],
    ["Pension rate", "pension-rate", "0% to 100%"],
    ["SCP", "spinal-point", "0 to 1,000"],
    ["Start date", "start-date", "01/01/1910 to 31/12/2199"],
    ["End date", "end-date", "01/01/1910 to 31/12/2199"],
  ])("%s: every huge value is refused at its cell (%s, %s)", (header, code, range) => {
    for (const value of HUGE) {
      const r = establishment(header, value);
      expect(where(r.issues)).toEqual([`error:${code}-out-of-range@D2`]);
      expect(r.issues[0].message).toContain(`is out of range: it must be from ${range}`);
    }
  });

  it("negative figures are out of range too (one rule: the limits)", () => {
    expect(messages(establishment("No of staff", -2).issues)).toEqual([
      "Staff!D2: No of staff -2 is out of range: it must be from 0 to 100,000 — enter the number of people, e.g. 3",
    ]);
    expect(where(establishment("Agency hourly rate", "-£35").issues)).toEqual([
      "error:agency-hourly-rate-out-of-range@D2",
    ]);
    expect(where(establishment("Pension rate", "-5%").issues)).toEqual([
      "error:pension-rate-out-of-range@D2",
    ]);
  });

  it("a salary above £10,000,000 is an error; £10,000,000 itself is read", () => {
    const read = (salary: CellValue) =>
      readEstablishment({
        grids: [
          grid("S", [
            ["Position", "FTE", "Salary"],
            ["Chief", 1, salary],
          ]),
        ],
      });
    expect(read("£10,000,000").issues).toEqual([]);
    expect(messages(read("£10.1m").issues)).toEqual([
      "S!C2: Salary '£10.1m' is out of range: it must be from £0 to £10,000,000 — enter an amount, e.g. 20862 or £20,862",
    ]);
  });

  it("localities: population, deprivation and demand", () => {
    for (const value of HUGE) {
      const r = readLocalities({
        grids: [
          grid("L", [
            ["Locality", "Population 0-19", "IDACI", "Referrals"],
            ["A", value, value, value],
            ["B", 100, 0.2, 3],
          ]),
        ],
      });
      expect(where(r.issues)).toEqual([
        "error:population-out-of-range@B2",
        "error:deprivation-out-of-range@C2",
        "error:demand-out-of-range@D2",
      ]);
      expect(r.localities?.localities.map((l) => l.name)).toEqual(["B"]);
    }
  });

  it("pay scales: point and salary", () => {
    const r = readPayScales({
      grids: [
        grid("Pay", [
          ["Grade", "SCP", "Salary"],
          ["SS08", 1e308, 24000],
          ["SS08", 13, "1e999"],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual([
      "error:point-out-of-range@B2",
      "error:salary-out-of-range@C3",
    ]);
    expect(r.payScales?.points).toEqual([]);
  });
});

describe("a TOTAL row out of range", () => {
  it("is a warning and is not checked (no table adds up to it), so no sheet shows it", () => {
    const r = readEstablishment({
      grids: [
        grid("S", [
          ["Position", "FTE", "Salary"],
          ["SW", 1, 30000],
          ["TOTAL", 1e308, ""],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "S!B3: FTE in the TOTAL row 1e+308 is out of range: it must be from 0 to 10,485,760,000, more than any table can add up to — correct the total; it is not checked",
    ]);
    expect(r.establishment?.totals[0].fte).toBeUndefined();
  });
});

describe("assumptions out of range are errors at the value cell, with the range", () => {
  const settings: Array<[string, string]> = [
    ["Number of years", "1 to 20"],
    ["Increment service months", "0 to 12"],
    ["Points per grade", "1 to 50"],
    ["Flat on-cost rate", "0% to 100%"],
    ["Employer NI rate", "0% to 50%"],
    ["NI monthly threshold", "£0 to £100,000"],
    ["Employer pension rate", "0% to 100%"],
    ["Vacancy factor", "0% to 100%"],
    ["Grant amount", "£0 to £100,000,000,000"],
    ["Grant start", "01/01/1910 to 31/12/2199"],
    ["Grant end", "01/01/1910 to 31/12/2199"],
    ["Exit cost weeks", "0 to 104"],
    ["Implementation date", "01/01/1910 to 31/12/2199"],
    ["Agency weeks per year", "0 to 53"],
    ["Weight: population", "0% to 100%"],
    ["Weight: deprivation", "0% to 100%"],
    ["Weight: demand", "0% to 100%"],
    ["Weight: equal share", "0% to 100%"],
    ["Allocation unit (FTE)", "0.01 to 10"],
    ["FTE to share out", "0 to 1,000,000"],
    ["Pay award 2025/26", "-50% to 100%"],
    ["Pay award minimum 2025/26", "£0 to £100,000"],
    ["Grant 2025/26", "£0 to £100,000,000,000"],
    ["First financial year", "1901/02 to 2199/00"],
  ];

  it.each(settings)("%s (%s)", (setting, range) => {
    for (const value of HUGE) {
      const r = readAssumptions({
        grids: [
          grid("Assumptions", [
            ["Setting", "Value"],
            [setting, value],
          ]),
        ],
      });
      expect(where(r.issues)).toEqual(["error:setting-out-of-range@B2"]);
      expect(r.issues[0].message).toContain(`is out of range: it must be from ${range}`);
    }
  });

  it("a flat cash minimum inside the pay award cell has its limit too", () => {
    const r = readAssumptions({
      grids: [
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Pay award 2025/26", "£1,000,000 or 2%"],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "Assumptions!B2: Pay award minimum £1000000 is out of range: it must be from £0 to £100,000 — enter e.g. 3% or '£1,290 or 2.5%'",
    ]);
  });

  it("the limits table holds no bound a default breaks", () => {
    const r = readAssumptions({ grids: [] });
    const a = r.assumptions;
    expect(a.years).toBeLessThanOrEqual(LIMITS.years.max);
    expect(a.allocationUnit).toBeGreaterThanOrEqual(LIMITS.allocationUnit.min);
    expect(a.pensionRate).toBeLessThanOrEqual(LIMITS.pensionRate.max);
  });
});

describe("empty tables", () => {
  it("an establishment with a header and no posts is an error at its header", () => {
    const r = readEstablishment({
      grids: [
        grid("Staff", [["Children's Services establishment"], [], ["Position", "FTE", "Salary"]]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "Staff!A3: The establishment table at A3:C3 has a header row but no posts under it — add the posts under the header (one row per post, with its Position and FTE), or pick another table",
    ]);
  });

  it("only a TOTAL row, or only headings, is no posts either", () => {
    const totalOnly = readEstablishment({
      grids: [
        grid("S", [
          ["Position", "FTE", "Salary"],
          ["TOTAL", 0, ""],
        ]),
      ],
    });
    expect(where(totalOnly.issues)).toEqual(["error:establishment-empty@A1"]);
    const headings = readEstablishment({
      grids: [grid("S", [["Position", "FTE", "Salary"], ["Early Help"], ["Safeguarding"]])],
    });
    expect(where(headings.issues)).toEqual([
      "info:section-heading@A2",
      "info:section-heading@A3",
      "error:establishment-empty@A1",
    ]);
  });

  it("rows that are all refused are reported as themselves, not as an empty table", () => {
    const r = readEstablishment({
      grids: [
        grid("S", [
          ["Position", "FTE", "Salary"],
          ["SW", "lots", 30000],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual(["error:fte-not-number@B2"]);
  });

  it("a localities table with no localities is a warning, and gives no localities to share to", () => {
    const r = readLocalities({
      grids: [grid("Need", [["Locality", "Population 0-19", "IDACI", "Referrals"]])],
    });
    expect(messages(r.issues)).toEqual([
      "Need!A1: The localities table at A1:D1 has a header row but no localities under it, so no locality shares are worked out — add one row per locality under the header, or delete the header row",
    ]);
    expect(r.localities).toBeUndefined();
  });
});

describe("text longer than Excel's 32,767 characters", () => {
  it("is cut to the limit at read time, with a warning at its cell", () => {
    const long = "x".repeat(CELL_TEXT_MAX + 10);
    const r = readEstablishment({
      grids: [
        grid("S", [
          ["Position", "FTE", "Salary", "Team"],
          [long, 1, 30000, long],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "S!A2: Position is longer than Excel's 32,767 characters, so it was cut to that length — shorten the text in this cell",
      "S!D2: Team is longer than Excel's 32,767 characters, so it was cut to that length — shorten the text in this cell",
    ]);
    expect(r.establishment?.posts[0].title).toHaveLength(CELL_TEXT_MAX);
    expect(r.establishment?.posts[0].team).toHaveLength(CELL_TEXT_MAX);
  });

  it("text of exactly 32,767 characters is read as it is", () => {
    const r = readEstablishment({
      grids: [
        grid("S", [
          ["Position", "FTE", "Salary"],
          ["y".repeat(CELL_TEXT_MAX), 1, 30000],
        ]),
      ],
    });
    expect(r.issues).toEqual([]);
  });

  it("a setting name of 40,000 characters is an unknown setting, answered in bounded work", () => {
    const r = readAssumptions({
      grids: [
        grid("Assumptions", [
          ["Setting", "Value"],
          [`Pension${" r".repeat(20_000)}`, "19%"],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual(["warning:unknown-setting@A2"]);
  });

  it("assumptions text (grant name, management grades) is cut too", () => {
    const r = readAssumptions({
      grids: [
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Grant name", "g".repeat(40_000)],
          ["Management grades", `SS14, ${"h".repeat(40_000)}`],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual(["warning:text-too-long@B2", "warning:text-too-long@B3"]);
    expect(r.assumptions.grant.name).toHaveLength(CELL_TEXT_MAX);
    expect(r.assumptions.managementGrades[0]).toBe("SS14");
  });
});

describe("locality shares are checked across tables before any is worked out", () => {
  const staff = grid("Staff", [
    ["Position", "FTE", "Headcount", "Salary"],
    ["SW", 2, 2, 30000],
  ]);
  const need = grid("Need", [
    ["Locality", "Population 0-19", "IDACI", "Referrals"],
    ["A", 100, 0.2, 3],
  ]);
  // The settings that shape every figure, set so the sheet leaves nothing to a default.
  const SHAPING: CellValue[][] = [
    ["First financial year", "2025/26"],
    ["Number of years", 3],
    ["Costing point", "bottom"],
    ["Employer pension rate", "19%"],
    ["Increment rule", "April"],
  ];
  const read = (settings: CellValue[][]) =>
    readWorkbook({
      grids: [staff, need, grid("Assumptions", [["Setting", "Value"], ...settings, ...SHAPING])],
    });

  it("weights all 0% are an error at the first weight", () => {
    const r = read([
      ["Weight: population", "0%"],
      ["Weight: deprivation", "0%"],
      ["Weight: demand", "0%"],
    ]);
    // The FTE to share out and the unit are not set: the note at the localities says so.
    expect(where(r.issues)).toEqual([
      "warning:weights-not-100@B2",
      "error:weights-all-zero@B2",
      "info:shares-defaults@A1",
    ]);
  });

  it("an FTE to share out that is not whole units is shared to the nearest unit, with a warning at its cell", () => {
    const r = read([
      ["FTE to share out", 1.23],
      ["Allocation unit (FTE)", 1],
    ]);
    expect(r.issues[0]).toMatchObject({ severity: "warning", code: "shares-total-rounded" });
    expect(messages(r.issues)).toEqual([
      "Assumptions!B2: The FTE to share out 1.23 FTE is not a whole number of 1 FTE units; 1 FTE is shared out (the nearest whole number of units) — type a whole number of 1 FTE units to share out that, or change 'Allocation unit (FTE)'",
      "Need!A1: The locality shares use a default the Assumptions sheet does not set: weights population 50%, deprivation 30%, demand 20% — set 'FTE to share out', 'Allocation unit (FTE)' or the 'Weight:' rows on the Assumptions sheet to choose them",
    ]);
  });

  it("more units than a share-out counts is an error, not a hang", () => {
    const r = read([
      ["FTE to share out", 1_000_000],
      ["Allocation unit (FTE)", 0.01],
    ]);
    expect(where(r.issues)).toEqual(["error:shares-too-many-units@B2", "info:shares-defaults@A1"]);
  });

  it("without localities none of this matters", () => {
    const r = readWorkbook({
      grids: [
        staff,
        grid("Assumptions", [["Setting", "Value"], ["FTE to share out", 1.23], ...SHAPING]),
      ],
    });
    expect(r.issues).toEqual([]);
  });
});
