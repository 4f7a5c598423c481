/**
 * The Locality shares sheet through buildWorkbook (issue 15). An FTE to share out that is
 * not a whole number of allocation units: shared out to the nearest unit, with a warning at
 * the cell it came from; weights all 0% are an error at the weights' cells (shareable and
 * live, in HyperFormula). By role: the establishment's posts grouped by title.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import type { SheetSpec } from "../../../src/core/report";
import { estabWorkbook } from "../../functions/hyperformula-estab";
import { compare, hfSheet, type Raw } from "../report/live-harness";

/** The issues under test here; the notes naming defaults taken are tested in defaults-said. */
const besidesDefaults = <T extends { code: string }>(issues: readonly T[]): T[] =>
  issues.filter((i) => i.code !== "assumptions-not-set" && i.code !== "shares-defaults");

const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

const STAFF: CellValue[][] = [
  ["Position", "Salary", "FTE", "Headcount"],
  ["Youth Worker", 26000, 12.5, 13],
  ["Family Worker", 28000, 7.55, 8],
  ["TOTAL", "", 20.05, 21],
];
// DOMAIN worked example 9's localities.
const LOCALITIES: CellValue[][] = [
  ["Locality", "Population 0-19", "IDACI", "Referrals"],
  ["A", 10000, 0.2, 300],
  ["B", 20000, 0.1, 300],
  ["C", 10000, 0.3, 400],
];

function book(settings: CellValue[][]): WorkbookGrids {
  return {
    grids: [
      grid("Staff", STAFF),
      grid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2024/25"],
        ["Weight: population", "50%"],
        ["Weight: deprivation", "30%"],
        ["Weight: demand", "20%"],
        ["Weight: equal share", "0%"],
        ...settings,
      ]),
      grid("Localities", LOCALITIES),
    ],
  };
}

const request = (mode: "live" | "shareable" = "shareable"): BuildRequest => ({
  mode,
  only: ["shares"],
  generatedAt: "2026-01-01",
  version: "test",
});

/** The FTE figures (the cost follows from them and the establishment's costing). */
const figures = (r: ReturnType<typeof buildWorkbook>) =>
  r.summaries[0].figures.filter((f) => f.format === "fte").map((f) => [f.label, f.value]);

describe("an FTE to share out that is not a whole number of units", () => {
  it("shares 20.05 FTE in steps of 0.1 as 20.1, with a warning at the Assumptions cell", () => {
    const r = buildWorkbook(
      book([
        ["FTE to share out", 20.05],
        ["Allocation unit (FTE)", 0.1],
      ]),
      request()
    );
    expect(r.ok).toBe(true);
    expect(besidesDefaults(r.issues)).toEqual([
      {
        severity: "warning",
        code: "shares-total-rounded",
        sheet: "Assumptions",
        address: "B7",
        message:
          "The FTE to share out 20.05 FTE is not a whole number of 0.1 FTE units; 20.1 FTE is shared out (the nearest whole number of units)",
        fix: "type a whole number of 0.1 FTE units to share out that, or change 'Allocation unit (FTE)'",
      },
    ]);
    // 20.1 × need index (0.2707, 0.3955, 0.3338) by largest remainder in tenths.
    expect(figures(r)).toEqual([
      ["FTE shared out", 20.1],
      ["A: FTE", 5.4],
      ["B: FTE", 8],
      ["C: FTE", 6.7],
    ]);
    expect(r.summaries[0].warnings[0]).toMatch(/^The FTE to share out 20.05 FTE/);
  });

  it("shares 23.3 FTE in steps of 0.5 as 23.5", () => {
    const r = buildWorkbook(
      book([
        ["FTE to share out", "23.3"],
        ["Allocation unit (FTE)", 0.5],
      ]),
      request()
    );
    expect(r.ok).toBe(true);
    expect(
      besidesDefaults(r.issues).map((i) => [i.severity, i.code, `${i.sheet}!${i.address}`])
    ).toEqual([["warning", "shares-total-rounded", "Assumptions!B7"]]);
    expect(figures(r)).toEqual([
      ["FTE shared out", 23.5],
      ["A: FTE", 6.5],
      ["B: FTE", 9],
      ["C: FTE", 8],
    ]);
  });

  it("live, the FTE to share out rounds its Assumptions cell, so an edit there shares out as a fresh build", () => {
    const settings: CellValue[][] = [
      ["FTE to share out", 20.05],
      ["Allocation unit (FTE)", 0.1],
    ];
    const live = buildWorkbook(book(settings), request("live"));
    const sheet = live.sheets[0];
    const total = sheet.cells[4][1];
    expect(total && total.kind !== "text" && total.live).toBe(
      "=ROUND(ROUND(VALUE(Assumptions!$B$7)/$B$6,0)*$B$6,6)"
    );
    const raw = (g: Grid): Raw[][] =>
      g.values.map((row) => row.map((v) => (v === "" ? null : (v as Raw))));
    const source = book(settings).grids;
    const hf = estabWorkbook({
      ...Object.fromEntries(source.map((g) => [g.sheet, raw(g)])),
      [sheet.name]: hfSheet(sheet, "live"),
    });
    const shareable = buildWorkbook(book(settings), request()).sheets[0];
    const before = compare(hf, sheet.name, shareable);
    expect(before.got).toEqual(before.want);
    // 23.36 typed in: shared as 23.4, as a fresh build of the edited workbook.
    hf.setCellContents({ sheet: hf.getSheetId("Assumptions") as number, row: 6, col: 1 }, 23.36);
    const edited = buildWorkbook(book([["FTE to share out", 23.36], settings[1]]), request())
      .sheets[0] as SheetSpec;
    const { got, want } = compare(hf, sheet.name, edited);
    expect(got).toEqual(want);
    expect(hf.getCellValue({ sheet: hf.getSheetId(sheet.name) as number, row: 4, col: 1 })).toBe(
      23.4
    );
    hf.destroy();
  });

  it("shares the establishment's own 20.05 FTE as 20.1, with a warning at its TOTAL row's FTE", () => {
    const r = buildWorkbook(book([["Allocation unit (FTE)", 0.1]]), request());
    expect(r.ok).toBe(true);
    expect(besidesDefaults(r.issues)).toEqual([
      {
        severity: "warning",
        code: "shares-total-rounded",
        sheet: "Staff",
        address: "C4",
        message:
          "The establishment's 20.05 FTE is not a whole number of 0.1 FTE units; 20.1 FTE is shared out (the nearest whole number of units)",
        fix: "set 'FTE to share out' on the assumptions sheet to share out a different figure",
      },
    ]);
    expect(figures(r)[0]).toEqual(["FTE shared out", 20.1]);
  });

  it("with weights all 0% is an error at the weights' first cell, and nothing is built", () => {
    const g = book([["FTE to share out", 20]]);
    const values = g.grids[1].values.map((row) =>
      typeof row[0] === "string" && row[0].startsWith("Weight") ? [row[0], "0%"] : row
    );
    const r = buildWorkbook(
      { grids: [g.grids[0], { ...g.grids[1], values }, g.grids[2]] },
      request()
    );
    expect(r.ok).toBe(false);
    expect(r.sheets).toEqual([]);
    expect(
      besidesDefaults(r.issues).map((i) => [i.severity, i.code, `${i.sheet}!${i.address}`])
    ).toEqual([
      ["warning", "weights-not-100", "Assumptions!B3"],
      ["error", "weights-all-zero", "Assumptions!B3"],
    ]);
  });
});

describe("a rate typed as text with no % sign", () => {
  it("stays the reader's figure: Excel's VALUE(\"3\") is 3, where the reader reads 3%", () => {
    const g = book([["Vacancy factor", "3"]]);
    g.grids[1].values = g.grids[1].values.map((row) =>
      row[0] === "Weight: population" ? [row[0], "50"] : row
    );
    const r = buildWorkbook(g, { ...request("live"), only: ["cost", "shares"] });
    const live = (key: string, label: string) => {
      const sheet = r.sheets.find((x) => x.key === key) as SheetSpec;
      const row = sheet.cells.find((line) => line[0]?.kind === "text" && line[0].text === label);
      const cell = row?.find((c, i) => i > 0 && c && c.kind !== "text");
      return cell && cell.kind !== "text" ? [cell.value, cell.live] : undefined;
    };
    expect(live("cost", "Less vacancy factor")).toEqual([0.03, undefined]);
    expect(live("shares", "Population 0–19")).toEqual([0.5, undefined]);
    // Typed with its % sign, VALUE reads it as the reader does: live.
    const pct = buildWorkbook(book([["Vacancy factor", "3%"]]), {
      ...request("live"),
      only: ["cost"],
    });
    const row = pct.sheets[0].cells.find(
      (line) => line[0]?.kind === "text" && line[0].text === "Less vacancy factor"
    );
    expect(row?.[1]).toMatchObject({ value: 0.03, live: "=VALUE(Assumptions!$B$7)" });
  });
});

describe("any FTE to share out and unit (property)", () => {
  it("builds, sharing the nearest whole number of units, within half a unit of the figure typed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }).map((x) => x / 1000),
        fc.constantFrom(1, 0.5, 0.25, 0.1, 0.05, 0.01),
        (typed, unit) => {
          const r = buildWorkbook(
            book([
              ["FTE to share out", typed],
              ["Allocation unit (FTE)", unit],
            ]),
            request()
          );
          expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
          const shared = r.summaries[0].figures[0].value;
          const units = Math.round(shared / unit);
          expect(Math.abs(units * unit - shared)).toBeLessThan(1e-9);
          expect(Math.abs(shared - typed)).toBeLessThanOrEqual(unit / 2 + 1e-9);
          const fte = r.summaries[0].figures.slice(1, 4).map((f) => f.value);
          expect(fte.reduce((s, x) => s + Math.round(x / unit), 0)).toBe(units);
          // Said at the cell exactly when the figure typed was not whole units.
          expect(r.issues.some((i) => i.code === "shares-total-rounded")).toBe(
            Math.abs(shared - typed) > 1e-9
          );
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("locality shares by role (request.roles)", () => {
  const staff: CellValue[][] = [
    ["Position", "Salary", "FTE", "Headcount"],
    ["Family Support Worker", 26000, 3, 3],
    ["Manager", 40000, 1, 1],
    ["family support worker ", 26000, 2.5, 3],
    ["Admin", 21000, 1.5, 2],
  ];
  const g: WorkbookGrids = {
    grids: [grid("Staff", staff), book([]).grids[1], grid("Localities", LOCALITIES)],
  };
  const byRole = (mode: "live" | "shareable") =>
    buildWorkbook(g, { ...request(mode), only: ["cost", "shares"], roles: true });

  it("shares the posts grouped by title, both totals exact, each locality's cost at the roles' costs", () => {
    const r = byRole("shareable");
    expect(r.ok).toBe(true);
    const sheet = r.sheets.find((s) => s.key === "shares") as SheetSpec;
    const at = (label: string) =>
      sheet.cells.findIndex((row) => row[0]?.kind === "text" && row[0].text === label);
    const header = sheet.cells.findIndex(
      (row) => row[0]?.kind === "text" && row[0].text === "Role"
    );
    const rows = sheet.cells
      .slice(header + 1, header + 4)
      .map((row) => row.slice(0, 6).map((c) => c && (c.kind === "text" ? c.text : c.value)));
    // 8 FTE: localities 2.1 / 3.2 / 2.7 (Hamilton over 0.2707, 0.3957, 0.3336; A and B tie
    // on 0.657, B has the larger need). Roles 5.5 / 1 / 1.5: cells role × locality ÷ 8
    // rounded down, the three tenths owed to the largest remainders that keep both totals:
    // Admin in A (0.9375), Manager in A (0.625), Family Support Worker in C (0.5625).
    expect(rows).toEqual([
      ["Family Support Worker", 5.5, 1.4, 2.2, 1.9, 5.5],
      ["Manager", 1, 0.3, 0.4, 0.3, 1],
      ["Admin", 1.5, 0.4, 0.6, 0.5, 1.5],
    ]);
    expect(sheet.cells[at("Check: role and locality totals exact")][1]).toMatchObject({
      value: "OK",
    });
    // Each role's cost per FTE: its posts' cost in the year ÷ their FTE (no vacancy factor here).
    const cost = r.sheets.find((s) => s.key === "cost") as SheetSpec;
    const totalOf = (title: string) =>
      cost.cells
        .filter((row) => row[0]?.kind === "text" && row[0].text.toLowerCase().trim() === title)
        .reduce((sum, row) => sum + ((row[row.length - 1] as { value: number }).value ?? 0), 0);
    const perFte = sheet.cells
      .slice(header + 1, header + 4)
      .map((row) => (row[6] as { value: number }).value);
    expect(perFte[0]).toBeCloseTo(totalOf("family support worker") / 5.5, 9);
    expect(perFte[1]).toBeCloseTo(totalOf("manager"), 9);
    expect(perFte[2]).toBeCloseTo(totalOf("admin") / 1.5, 9);
  });

  it("built live, the roles table stays values and the summary says why", () => {
    const r = byRole("live");
    const summary = r.summaries.find((s) => s.key === "shares");
    expect(
      summary?.warnings.some((w) =>
        w.includes("FTE by role and locality: controlled rounding has no cell function")
      )
    ).toBe(true);
  });

  it("without it, the sheet has no roles table", () => {
    const r = buildWorkbook(g, { ...request(), only: ["shares"] });
    expect(
      r.sheets[0].cells.some(
        (row) => row[0]?.kind === "text" && row[0].text === "FTE by role and locality"
      )
    ).toBe(false);
  });
});

describe("locality shares by the establishment's Role column", () => {
  const staff: CellValue[][] = [
    ["Position", "Role", "Salary", "FTE", "Headcount"],
    ["Senior Family Support Worker", "Family support", 26000, 3, 3],
    ["Team Manager", "Management", 40000, 1, 1],
    ["Family Support Worker", "family support ", 26000, 2.5, 3],
    ["Admin", "", 21000, 1.5, 2],
  ];
  const g = (rows: CellValue[][]): WorkbookGrids => ({
    grids: [grid("Staff", rows), book([]).grids[1], grid("Localities", LOCALITIES)],
  });
  const roleRows = (sheet: SheetSpec) => {
    const header = sheet.cells.findIndex(
      (row) => row[0]?.kind === "text" && row[0].text === "Role"
    );
    if (header < 0) return [];
    const rows: Array<Array<string | number | null | undefined>> = [];
    for (let r = header + 1; sheet.cells[r]?.[0]?.kind === "text"; r++)
      rows.push(sheet.cells[r].slice(0, 6).map((c) => c && (c.kind === "text" ? c.text : c.value)));
    return rows.filter((row) => typeof row[1] === "number" && row[0] !== "Total");
  };

  it("makes the roles × localities table without --roles, by Role (a blank Role by title), and says so at the Role header", () => {
    const r = buildWorkbook(g(staff), { ...request(), only: ["shares"] });
    expect(r.ok).toBe(true);
    // The same 8 FTE as by title above, the roles now 5.5 / 1 / 1.5 by Role.
    expect(roleRows(r.sheets[0])).toEqual([
      ["Family support", 5.5, 1.4, 2.2, 1.9, 5.5],
      ["Management", 1, 0.3, 0.4, 0.3, 1],
      ["Admin", 1.5, 0.4, 0.6, 0.5, 1.5],
    ]);
    expect(r.issues.filter((i) => i.code === "shares-by-role")).toMatchObject([
      { severity: "info", sheet: "Staff", address: "B1" },
    ]);
  });

  it("--roles still groups the posts by title, with no note", () => {
    const r = buildWorkbook(g(staff), { ...request(), only: ["shares"], roles: true });
    expect(roleRows(r.sheets[0]).map((row) => [row[0], row[1]])).toEqual([
      ["Senior Family Support Worker", 3],
      ["Team Manager", 1],
      ["Family Support Worker", 2.5],
      ["Admin", 1.5],
    ]);
    expect(r.issues.some((i) => i.code === "shares-by-role")).toBe(false);
  });

  it("a table whose only title column is headed Role reads it as the posts' title: no roles table", () => {
    const rows = staff.map((row) => row.slice(1));
    rows[4][0] = "Admin";
    const r = buildWorkbook(g(rows), { ...request(), only: ["shares"] });
    expect(r.ok).toBe(true);
    expect(roleRows(r.sheets[0])).toEqual([]);
    expect(r.issues.some((i) => i.code === "shares-by-role")).toBe(false);
  });
});

describe("locality shares by a roles table the analyst types", () => {
  const staff: CellValue[][] = [
    ["Position", "Salary", "FTE", "Headcount"],
    ["Family Support Worker", 26000, 3, 3],
    ["Manager", 40000, 1, 1],
    ["family support worker ", 26000, 2.5, 3],
    ["Admin", 21000, 1.5, 2],
  ];
  const ROLES: CellValue[][] = [
    ["Role", "FTE"],
    ["Family support worker", 5],
    ["Manager", 1],
    ["Social worker", 2],
  ];
  const g = (settings: CellValue[][] = [], roles = ROLES, withStaff = true): WorkbookGrids => ({
    grids: [
      ...(withStaff ? [grid("Staff", staff)] : []),
      book(settings).grids[1],
      grid("Localities", LOCALITIES),
      grid("Roles", roles),
    ],
  });
  const section = (sheet: SheetSpec) => {
    const header = sheet.cells.findIndex(
      (row) => row[0]?.kind === "text" && row[0].text === "Role"
    );
    return sheet.cells
      .slice(header + 1, header + 6)
      .map((row) => row.slice(0, 7).map((c) => c && (c.kind === "text" ? c.text : c.value)));
  };

  it("shares each role's FTE as typed, both totals exact, costed by the posts of each role; a role with no posts has no cost, and says so", () => {
    const r = buildWorkbook(g(), { ...request(), only: ["cost", "shares"] });
    expect(besidesDefaults(r.issues.filter((i) => i.severity !== "info"))).toEqual([]);
    const sheet = r.sheets.find((s) => s.key === "shares") as SheetSpec;
    const rows = section(sheet);
    // 8 FTE over need 0.2707 / 0.3957 / 0.3336: localities 2.1 / 3.2 / 2.7 as above.
    // Cells: role × locality ÷ 8 rounded down in tenths, the tenths owed to the largest
    // remainders keeping both totals: FSW 1.35/1.98/1.67 → 1.4/2.0/1.6 …
    const cells = rows.slice(0, 3).map((row) => row.slice(2, 5) as number[]);
    expect(rows.slice(0, 3).map((row) => [row[0], row[1], row[5]])).toEqual([
      ["Family support worker", 5, 5],
      ["Manager", 1, 1],
      ["Social worker", 2, 2],
    ]);
    [0, 1, 2].forEach((j) =>
      expect(roundTo1(cells.reduce((s, row) => s + row[j], 0))).toBe([2.1, 3.2, 2.7][j])
    );
    // Cost per FTE: the posts of that title's (Family Support Worker and family support
    // worker, 5.5 FTE), as the posts grouped by title give it; none for Social worker.
    const byTitle = buildWorkbook(g(), { ...request(), only: ["shares"], roles: true });
    const titleRows = section(byTitle.sheets[0]);
    expect(rows[0][6]).toBe(titleRows[0][6]);
    expect(rows[1][6]).toBe(titleRows[1][6]);
    expect(rows[2][6] ?? undefined).toBeUndefined();
    // Each locality's cost: Σ ROUND(FTE there × cost per FTE, 2) over the costed roles.
    const costRow = rows[4];
    expect(costRow[0]).toBe(
      "Cost (a year) at each role's cost per FTE (roles with no posts left out)"
    );
    [0, 1].forEach((j) => {
      const want =
        Math.round(cells[0][j] * (rows[0][6] as number) * 100) / 100 +
        Math.round(cells[1][j] * (rows[1][6] as number) * 100) / 100;
      expect(costRow[2 + j]).toBeCloseTo(want, 2);
    });
    expect(r.summaries.find((s) => s.key === "shares")?.warnings).toContain(
      "No post of the establishment has the role Social worker, so it has no cost per FTE and the cost by locality leaves it out. Give the posts of that role that Role (or title) to cost it."
    );
    expect(r.issues.filter((i) => i.code === "shares-by-role")).toMatchObject([
      { severity: "info", sheet: "Roles", address: "B1" },
    ]);
    // The roles table is no post list: the cost sheet costs the four posts only.
    expect(r.summaries.find((s) => s.key === "cost")?.headline).toMatch(/\b8 FTE\b|4 posts/);
  });

  it("with no establishment, shares the roles table's FTE out, said at its FTE header", () => {
    const r = buildWorkbook(g([], ROLES, false), { ...request(), only: undefined });
    expect(r.ok).toBe(true);
    expect(r.issues.filter((i) => i.code === "localities-only")).toMatchObject([
      { severity: "info", sheet: "Roles", address: "B1" },
    ]);
    expect(r.summaries.map((s) => s.key)).toEqual(["shares", "assumptions"]);
    expect(r.summaries[0].figures[0].value).toBe(8);
  });

  it("refuses a role's FTE that is not whole units, and roles that disagree with 'FTE to share out', at their cells", () => {
    const odd = ROLES.map((row) => [...row]);
    odd[3][1] = 2.25;
    const r = buildWorkbook(g([], odd), request());
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === "error")).toMatchObject([
      { code: "role-fte-not-whole-units", sheet: "Roles", address: "B4" },
    ]);
    const differ = buildWorkbook(g([["FTE to share out", 9]]), request());
    expect(differ.issues.filter((i) => i.severity === "error")).toMatchObject([
      {
        code: "roles-differ-from-total",
        sheet: "Roles",
        address: "B1",
        message:
          "The roles table's FTE add up to 8 but 'FTE to share out' on the Assumptions sheet is 9",
      },
    ]);
  });
});

const roundTo1 = (x: number) => Math.round(x * 10) / 10;

describe("any allocation unit", () => {
  it.each([
    // 20 FTE × need 0.2707 / 0.3957 / 0.3336 = 5.414 / 7.914 / 6.671 FTE.
    // Quarters: 21.66 / 31.66 / 26.69 units, floors 78 of 80; the two left go to C (0.686)
    // then B (0.657, tied with A, the larger need): 5.25 / 8 / 6.75.
    [0.25, [5.25, 8, 6.75]],
    // Twentieths: 108.29 / 158.29 / 133.43 units, floors 399 of 400; the one left to C.
    [0.05, [5.4, 7.9, 6.7]],
  ] as const)("shares 20 FTE in steps of %s exactly, with no warning", (unit, fte) => {
    const r = buildWorkbook(
      book([
        ["FTE to share out", 20],
        ["Allocation unit (FTE)", unit],
      ]),
      request()
    );
    expect(r.ok).toBe(true);
    expect(besidesDefaults(r.issues)).toEqual([]);
    expect(figures(r)).toEqual([
      ["FTE shared out", 20],
      ["A: FTE", fte[0]],
      ["B: FTE", fte[1]],
      ["C: FTE", fte[2]],
    ]);
    expect(r.summaries[0].headline).toContain(`in steps of ${unit} FTE`);
  });
});

describe("a localities table laid across the columns", () => {
  // The localities along row 3 from column C, the measures down column B.
  const across: CellValue[][] = [
    ["Need figures", "", "", "", ""],
    ["", "", "", "", ""],
    ["", "Locality", "A", "B", "C"],
    ["", "Population 0-19", 10000, 20000, 10000],
    ["", "IDACI", 0.2, 0.1, 0.3],
    ["", "Referrals", 300, 300, 400],
  ];
  const g: WorkbookGrids = {
    grids: [grid("Staff", STAFF), book([]).grids[1], grid("Localities", across)],
  };

  it("is refused at its Locality cell with what to do, not at the staff sheet", () => {
    const r = buildWorkbook(g, request());
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.code === "localities-transposed")).toEqual([
      {
        severity: "warning",
        code: "localities-transposed",
        sheet: "Localities",
        address: "B3",
        message:
          "The localities table at B3 has the localities across the columns and the figures down the rows, so it is not read and no locality shares are worked out",
        fix: "lay the table down the rows: a header row (Locality, Population 0-19, IDACI, Referrals) and one row per locality under it (copy it, then Paste Special › Transpose)",
      },
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toMatchObject([
      {
        code: "no-data-for-shares",
        sheet: "Localities",
        address: "B3",
        message:
          "Cannot build the shares sheet: the localities table has the localities across the columns; lay it down the rows",
      },
    ]);
  });

  it("a workbook without one says nothing of it", () => {
    const r = buildWorkbook(book([]), request());
    expect(r.issues.some((i) => i.code === "localities-transposed")).toBe(false);
  });
});

describe("input cells on the Locality shares sheet", () => {
  const roles = grid("Roles", [
    ["Role", "FTE"],
    ["Youth Worker", 12],
    ["Family Worker", 8],
  ]);
  const g: WorkbookGrids = { grids: [...book([]).grids, roles] };
  const b5 = (mode: "live" | "shareable") =>
    buildWorkbook(g, { ...request(mode), only: ["shares"] }).sheets[0].cells[4][1];

  it("the FTE to share out (here the roles' FTE added up) is a plain figure in both modes: the roles table is the input", () => {
    expect(b5("live")).toEqual({ kind: "number", value: 20, format: "fte", style: undefined });
    expect(b5("shareable")).toEqual({ kind: "number", value: 20, format: "fte" });
  });
});
