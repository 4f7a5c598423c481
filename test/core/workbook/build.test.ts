import type { CellValue, Grid } from "../../../src/core/grid";
import { serialOf } from "../../../src/core/dates";
import { buildWorkbook, localitySharesSheet } from "../../../src/core/workbook/build";
import { roundPenny } from "../../../src/core/money";
import { DEFAULT_FIRST_YEAR, readAssumptions, readWorkbook } from "../../../src/core/read";
import { financialYearLabel } from "../../../src/core/dates";
import { costEstablishment, costingWindow } from "../../../src/core/costing";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { makeShareable, type SheetSpec } from "../../../src/core/report";
import { SETTINGS_USED_HEADING } from "../../../src/core/report/settings-used";

const request: BuildRequest = { mode: "shareable", generatedAt: "2026-11-23", version: "0.1.0" };

function grid(sheet: string, values: CellValue[][]): Grid {
  return { sheet, origin: { row: 0, column: 0 }, values };
}

const establishment = grid("Staff", [
  ["SUPPORTING FAMILIES STAFF - GRADES AND SALARY SCALES", "", "", "", "", "", ""],
  [
    "Position Name",
    "Grade",
    "Minimum Salary",
    "Maximum Salary",
    "FTE",
    "No of Staff",
    "Proposed FTE",
  ],
  ["Family Support Worker", "SS08", "£20,862", "£22,546", 3, 4, 3],
  ["Unit Manager", "SS11", 29531, 32440, 1, 1, 0],
  ["", "", "", "", "", "", ""],
  ["Senior Practitioner", "SS10", "£27,000", "£28,500", 0, 0, 1],
  ["TOTAL", "", "", "", 4, 5, 4],
]);

const assumptions = grid("Assumptions", [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
  ["Years", 2],
  ["Employer pension rate", "19%"],
  ["Grant amount", 250000],
]);

const localities = grid("Localities", [
  ["Locality", "Population 0-19", "IDACI rate", "Referrals"],
  ["A", 10000, 0.2, 300],
  ["B", 20000, 0.1, 300],
  ["C", 10000, 0.3, 400],
]);

const workbook: WorkbookGrids = { grids: [establishment, assumptions, localities] };

/** Every cell of a spec as the values an adapter would write, for reading it back. */
function asGrid(spec: SheetSpec): Grid {
  return grid(
    spec.name,
    spec.cells.map((row) =>
      row.map((c) => (c === null ? "" : c.kind === "text" ? c.text : c.value))
    )
  );
}

describe("buildWorkbook", () => {
  const result = buildWorkbook(workbook, request);

  it("builds every sheet the workbook has data for, in order", () => {
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.sheets.map((s) => s.key)).toEqual([
      "cost",
      "grant",
      "changes",
      "shares",
      "assumptions",
    ]);
    expect(result.summaries.map((s) => s.key)).toEqual([
      "cost",
      "grant",
      "changes",
      "shares",
      "assumptions",
    ]);
  });

  it("gives the grant sheet the same pounds as the costing engine on the same posts", () => {
    const inputs = readWorkbook(workbook);
    const costing = costEstablishment(
      inputs.establishment!.posts,
      inputs.assumptions,
      costingWindow(inputs.assumptions)
    );
    const grant = result.sheets.find((s) => s.key === "grant")!;
    const values = grant.cells.flat().flatMap((c) => (c && c.kind !== "text" ? [c.value] : []));
    expect(costing.total.total).toBeGreaterThan(0);
    expect(values).toContain(costing.total.total);
  });

  it("writes an assumptions sheet that reads back to the assumptions used", () => {
    const sheet = result.sheets.find((s) => s.key === "assumptions")!;
    const used = readWorkbook(workbook).assumptions;
    const back = readAssumptions({ grids: [asGrid(sheet)] });
    expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(back.assumptions).toEqual(used);
    expect(used.firstYear).toBe(2025);
    expect(used.pensionRate).toBe(0.19);
  });

  it("builds only what is asked for", () => {
    const only = buildWorkbook(workbook, { ...request, only: ["shares", "cost"] });
    expect(only.sheets.map((s) => s.key)).toEqual(["cost", "shares"]);
  });

  it("refuses a sheet the workbook has no data for, naming where to add it", () => {
    const noLocalities = buildWorkbook(
      { grids: [establishment, assumptions] },
      { ...request, only: ["shares"] }
    );
    expect(noLocalities.ok).toBe(false);
    expect(noLocalities.sheets).toEqual([]);
    expect(noLocalities.issues).toContainEqual(
      expect.objectContaining({
        severity: "error",
        code: "no-data-for-shares",
        sheet: "Staff",
        address: "A2",
      })
    );
  });

  it("skips sheets without data when nothing in particular is asked for", () => {
    const partial = buildWorkbook({ grids: [establishment, assumptions] }, request);
    expect(partial.ok).toBe(true);
    expect(partial.sheets.map((s) => s.key)).toEqual(["cost", "grant", "changes", "assumptions"]);
  });

  it("returns no sheets at all when the table has an error", () => {
    const broken = grid(
      "Staff",
      establishment.values.map((row, r) =>
        r === 2 ? row.map((v, c) => (c === 4 ? "full time" : v)) : row
      )
    );
    const failed = buildWorkbook({ grids: [broken, assumptions, localities] }, request);
    expect(failed.ok).toBe(false);
    expect(failed.sheets).toEqual([]);
    expect(failed.summaries).toEqual([]);
    expect(failed.issues).toContainEqual(
      expect.objectContaining({
        severity: "error",
        sheet: "Staff",
        address: "E3",
        value: "full time",
      })
    );
  });

  it("costs a restructure in the financial year it takes effect", () => {
    const withDate = grid("Assumptions", [
      ...assumptions.values,
      ["Implementation date", "01/10/2026"],
    ]);
    const r = buildWorkbook(
      { grids: [establishment, withDate, localities] },
      { ...request, only: ["changes"] }
    );
    expect(r.ok).toBe(true);
    expect(readWorkbook({ grids: [withDate] }).assumptions.implementationDate).toBe(
      serialOf(2026, 10, 1)
    );
    const figure = (summary: (typeof r.summaries)[0], label: string) =>
      summary.figures.find((f) => f.label === label)?.value;
    const inYear = r.summaries[0];
    const firstYear = buildWorkbook(workbook, { ...request, only: ["changes"] }).summaries[0];
    // 2025/26 and 2026/27 have the same NI rules and no pay award here, so the full-year
    // effect is the same in either year; only the dated run has a part-year effect.
    const fye = figure(inYear, "Full-year effect")!;
    expect(fye).toBe(figure(firstYear, "Full-year effect"));
    expect(figure(firstYear, "Part-year effect")).toBeUndefined();
    // 1 October 2026 to 31 March 2027 is 182 of the year's 365 days; each of the three
    // changed posts is rounded to the penny.
    expect(Math.abs(figure(inYear, "Part-year effect")! - (fye * 182) / 365)).toBeLessThanOrEqual(
      0.015
    );
  });

  it("in live mode adds ESTAB formulas that make shareable gives back exactly", () => {
    // Posts costed from their own salary can be live; grade-range posts stay values.
    const withSalary = grid("Staff", [
      ["Post", "Salary", "FTE", "No of Staff", "Proposed FTE"],
      ["Family Support Worker", 24000, 2, 2, 2],
      ["Unit Manager", 32000, 1, 1, 0],
    ]);
    const wb = { grids: [withSalary, assumptions, localities] };
    const live = buildWorkbook(wb, { ...request, mode: "live" });
    const shareable = buildWorkbook(wb, request);
    const liveCells = (spec: SheetSpec) =>
      spec.cells.flat().filter((c) => c && c.kind !== "text" && c.live !== undefined);
    expect(shareable.sheets.flatMap(liveCells)).toEqual([]);
    const grant = live.sheets.find((sh) => sh.key === "grant")!;
    expect(liveCells(grant).length).toBeGreaterThan(0);
    // Costs are ESTAB formulas; FTE and headcount are references to the source cells.
    const formulas = liveCells(grant).map((c) => (c && c.kind !== "text" ? c.live : ""));
    // … and the grant in £k a ROUND over the grant's own cell.
    for (const f of formulas)
      expect(f).toMatch(/^=(.*ESTAB\.|Staff![A-Z]+\d+$|ROUND\(\$[A-Z]+\$\d+\/1000,1\)$)/);
    expect(formulas.filter((f) => f?.includes("ESTAB.PROFILE")).length).toBeGreaterThan(0);
    expect(live.sheets.map(makeShareable)).toEqual(shareable.sheets);
  });

  it("never reads its own calculated sheets as input, but does read its assumptions sheet", () => {
    const costSheet = result.sheets.find((sh) => sh.key === "cost")!;
    const assumptionsSheet = result.sheets.find((sh) => sh.key === "assumptions")!;
    const outputsOnly = { grids: [asGrid(costSheet), asGrid(assumptionsSheet)] };
    const rebuilt = buildWorkbook(outputsOnly, {
      ...request,
      outputSheets: [costSheet.name, assumptionsSheet.name],
    });
    expect(rebuilt.ok).toBe(false);
    expect(rebuilt.issues.map((i) => i.code)).toContain("table-not-found");
    expect(rebuilt.sheets).toEqual([]);
    // The assumptions sheet it wrote is still read: 2025/26 and 19% pension, not the defaults.
    const again = buildWorkbook(
      { grids: [establishment, asGrid(costSheet), asGrid(assumptionsSheet)] },
      { ...request, only: ["cost"], outputSheets: [costSheet.name, assumptionsSheet.name] }
    );
    expect(again.ok).toBe(true);
    // The same sheet, but for where each setting came from: now the copy's cells, typed.
    const upToSettings = (cells: SheetSpec["cells"]) =>
      cells.slice(
        0,
        cells.findIndex((row) => row[0]?.kind === "text" && row[0].text === SETTINGS_USED_HEADING)
      );
    expect(upToSettings(again.sheets[0].cells)).toEqual(upToSettings(costSheet.cells));
    expect(upToSettings(costSheet.cells).length).toBeGreaterThan(20);
    const said = again.sheets[0].cells.flat().map((c) => (c?.kind === "text" ? c.text : ""));
    expect(said).toContain(
      "Employer pension: 19% of salary for a post with no rate of its own — typed at Assumptions!B18."
    );
  });

  it("costs from the caller's financial year when the workbook has no assumptions sheet", () => {
    const r = buildWorkbook(
      { grids: [establishment] },
      { ...request, only: ["cost"], defaultFirstYear: 2026 }
    );
    expect(r.ok).toBe(true);
    expect(r.summaries[0].headline).toContain("2026/27");
  });
});

describe("grades spelt differently in the establishment and the pay scales", () => {
  it("costs a 'G8' post from the 'Grade 8' pay scale, to the penny", () => {
    const spelt = (grade: string): WorkbookGrids => ({
      grids: [
        grid("Staff", [
          ["Position", "Grade", "FTE", "Headcount"],
          ["Social Worker", grade, 1, 1],
        ]),
        grid("Pay", [
          ["Grade", "Point", "Salary"],
          ["Grade 8", 25, 25000],
          ["Grade 8", 26, 26000],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["First financial year", "2024/25"],
          ["Costing point", "bottom"],
          ["Pension rate", "19%"],
        ]),
      ],
    });
    const request: BuildRequest = {
      mode: "shareable",
      generatedAt: "now",
      version: "test",
      only: ["cost"],
    };
    const g8 = buildWorkbook(spelt("G8"), request);
    expect(g8.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const total = (r: typeof g8) =>
      r.summaries[0].figures.find((f) => f.label === "Total cost")?.value;
    // Worked example 1 of the domain brief: £25,000, 1 FTE, all of 2024/25, pension 19%.
    expect(total(g8)).toBe(32069.75);
    expect(total(buildWorkbook(spelt("Grade 8"), request))).toBe(32069.75);
  });
});

describe("a workbook with no Assumptions sheet", () => {
  it("is built on the defaults, and one note at the establishment says which and how to set them", () => {
    const wb: WorkbookGrids = {
      grids: [
        grid("Staff", [
          ["Youth service establishment"],
          [],
          ["Position", "Salary", "FTE"],
          ["Youth Worker", 26000, 1],
        ]),
      ],
    };
    const r = buildWorkbook(wb, { mode: "shareable", generatedAt: "now", version: "test" });
    expect(r.ok).toBe(true);
    const notes = r.issues.filter((i) => i.code === "assumptions-defaults");
    expect(notes).toEqual([
      {
        severity: "info",
        code: "assumptions-defaults",
        sheet: "Staff",
        address: "A3",
        message: `No Assumptions sheet was found, so the defaults were used: first financial year ${financialYearLabel(DEFAULT_FIRST_YEAR)} for 3 years, posts costed at the bottom of the grade, no pay awards, employer pension 19%, employer NI by the tax year's rates and the apprenticeship levy, no vacancy factor, no grant. To set them, add an Assumptions sheet: 'estab init' writes one with every setting, and the task pane's Assumptions tab creates it`,
        fix: "nothing to do if the defaults are what you want",
      },
    ]);
    // With the sheet, nothing of the kind.
    const withSheet = buildWorkbook(
      {
        grids: [
          ...wb.grids,
          grid("Assumptions", [
            ["Setting", "Value"],
            ["Pension rate", "20%"],
          ]),
        ],
      },
      { mode: "shareable", generatedAt: "now", version: "test" }
    );
    expect(withSheet.issues.filter((i) => i.code === "assumptions-defaults")).toEqual([]);
  });
});

describe("a workbook with no headcount column", () => {
  const staff = (header: CellValue[], row: CellValue[]): WorkbookGrids => ({
    grids: [
      grid("Staff", [header, row]),
      grid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2025/26"],
      ]),
    ],
  });
  const request: BuildRequest = { mode: "shareable", generatedAt: "now", version: "test" };

  it("takes each row's people as its FTE rounded up, and says so once at the table", () => {
    const r = buildWorkbook(
      staff(["Position", "Salary", "FTE"], ["Family Support", 20000, 1.5]),
      request
    );
    expect(r.issues.filter((i) => i.code === "headcount-column-missing")).toEqual([
      {
        severity: "info",
        code: "headcount-column-missing",
        sheet: "Staff",
        address: "A1",
        message:
          "The establishment has no headcount column, so each row's people are taken as its FTE rounded up (2.5 FTE as 3 people) for employer NI, which is worked out per person",
        fix: "add a 'No of staff' (headcount) column if a row's FTE is shared by more people, or map one",
      },
    ]);
    // Worked example 3's row costed as 2 people, not the 3 a headcount would say.
    const ni = (b: typeof r) =>
      b.summaries[0].figures.find((f) => f.label === "Employer NI")?.value;
    expect(ni(r)).toBe(roundPenny(2 * 12 * 0.15 * (15000 / 12 - 417)));
    const counted = buildWorkbook(
      staff(["Position", "Salary", "FTE", "Headcount"], ["Family Support", 20000, 1.5, 3]),
      request
    );
    expect(ni(counted)).toBe(2248.2);
    expect(counted.issues.filter((i) => i.code === "headcount-column-missing")).toEqual([]);
  });

  it("says nothing with flat on-costs, where people do not change a figure", () => {
    const flat = staff(["Position", "Salary", "FTE"], ["Family Support", 20000, 1.5]);
    flat.grids[1].values.push(["On-cost method", "flat"]);
    const r = buildWorkbook(flat, request);
    expect(r.issues.filter((i) => i.code === "headcount-column-missing")).toEqual([]);
  });
});

describe("a share-out the figures cannot make", () => {
  it("is an error at the localities table, not an unexpected error", () => {
    const localities = {
      sheet: "Need",
      range: "A3:D5",
      localities: [
        { name: "A", population: 100, deprivation: 0.2, demand: 3, sourceRow: 3, cells: {} },
        { name: "B", population: 200, deprivation: 0.1, demand: 4, sourceRow: 4, cells: {} },
      ],
    } as unknown as Parameters<typeof localitySharesSheet>[0];
    // The readers refuse this at its cell; past them, the share-out's own refusal is caught.
    const a = {
      ...readAssumptions({ grids: [] }).assumptions,
      // A total in part units is now rounded to the unit and shared; a negative one the
      // share-out still refuses.
      allocationTotalFte: -1,
      allocationUnit: 1,
    };
    const out = localitySharesSheet(
      localities,
      undefined,
      a,
      { generatedAt: "now", version: "t" },
      () => {
        throw new Error("no establishment to cost");
      }
    );
    expect(out).toEqual({
      issue: {
        severity: "error",
        code: "shares-total-not-valid",
        sheet: "Need",
        address: "A3",
        message: expect.stringMatching(
          /^The locality shares cannot be worked out: The FTE to share out must be zero or more/
        ),
        fix: "change the localities or the share-out settings on the assumptions sheet",
      },
    });
  });
});

describe("locality shares asked of an empty localities table", () => {
  it("says the table is empty, not that there is none", () => {
    const r = buildWorkbook(
      {
        grids: [
          grid("Staff", [
            ["Position", "Salary", "FTE", "Headcount"],
            ["Youth Worker", 26000, 1, 1],
          ]),
          grid("Need", [["Locality", "Population 0-19", "IDACI", "Referrals"]]),
        ],
      },
      { mode: "shareable", generatedAt: "now", version: "test", only: ["shares"] }
    );
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === "error").map((i) => i.message)).toEqual([
      "Cannot build the shares sheet: the localities table has no localities under its header",
    ]);
  });
});

describe("a grant's name against the posts' Funding", () => {
  const book = (grantName: string, funding: CellValue[] | undefined): WorkbookGrids => ({
    grids: [
      grid("Staff", [
        ["Position", "Salary", "FTE", "Headcount", ...(funding ? ["Funding"] : [])],
        ["Family Worker", 25000, 1, 1, ...(funding ? [funding[0]] : [])],
        ["Team Manager", 40000, 1, 1, ...(funding ? [funding[1]] : [])],
      ]),
      grid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2024/25"],
        ["Grant name", grantName],
        ["Grant amount", 100000],
      ]),
    ],
  });
  const request: BuildRequest = {
    mode: "shareable",
    generatedAt: "now",
    version: "test",
    only: ["grant"],
  };
  const headline = (r: ReturnType<typeof buildWorkbook>) => r.summaries[0]?.headline ?? "";

  it("matches the name as people type it: case, punctuation, a year at the end", () => {
    const r = buildWorkbook(
      book("Supporting Families 2024/25", ["supporting-families", "Base budget"]),
      request
    );
    expect(r.issues.filter((i) => i.code.startsWith("grant-"))).toEqual([]);
    expect(headline(r)).toMatch(/for 1 post\b/);
  });

  it("says so at the Grant name cell when no post's Funding names it, and costs none", () => {
    const r = buildWorkbook(
      book("Suporting Families", ["Supporting Families", "Base budget"]),
      request
    );
    expect(r.issues.filter((i) => i.code.startsWith("grant-"))).toEqual([
      {
        severity: "warning",
        code: "grant-matches-no-post",
        sheet: "Assumptions",
        address: "B3",
        value: undefined,
        message:
          "No post's Funding names the grant 'Suporting Families', so the Grant Costing sheet costs no posts: the Funding column names 'Supporting Families', 'Base budget'",
        fix: "type the grant's name as the Funding column has it, or name the grant on the posts it pays for",
      },
    ]);
    expect(headline(r)).toMatch(/for 0 posts\b/);
    // The sheet says it too, for a manager who opens it without the add-in.
    const said = r.sheets[0].cells
      .flat()
      .filter(
        (c) =>
          c?.kind === "text" &&
          c.text.startsWith("WARNING: no post's Funding names the grant 'Suporting Families'")
      );
    expect(said.length).toBeGreaterThan(0);
  });

  it("costs every post when there is no Funding column, and notes it", () => {
    const r = buildWorkbook(book("Supporting Families", undefined), request);
    expect(
      r.issues
        .filter((i) => i.code.startsWith("grant-"))
        .map((i) => [i.severity, i.address, i.message])
    ).toEqual([
      [
        "info",
        "B3",
        "The establishment has no Funding column, so every post is costed against the grant 'Supporting Families'",
      ],
    ]);
    expect(headline(r)).toMatch(/for 2 posts\b/);
  });
});

describe("no grant set up", () => {
  it("labels the sheet a multi-year cost and says no grant is set up, not 'Grant costing: Grant'", () => {
    const r = buildWorkbook(
      {
        grids: [
          grid("Staff", [
            ["Position", "Salary", "FTE", "Headcount"],
            ["Youth Worker", 26000, 1, 1],
          ]),
          grid("Assumptions", [
            ["Setting", "Value"],
            ["First financial year", "2025/26"],
          ]),
        ],
      },
      { mode: "shareable", generatedAt: "now", version: "test", only: ["grant"] }
    );
    const texts = r.sheets[0].cells.flat().flatMap((c) => (c?.kind === "text" ? [c.text] : []));
    expect(texts[0]).toBe("Multi-year cost (no grant set up)");
    expect(texts).toContain(
      "No grant is set up (no Grant name or Grant amount on the Assumptions sheet): this is the multi-year cost of the posts, with no headroom."
    );
    expect(texts.some((t) => t.startsWith("Grant costing"))).toBe(false);
    expect(r.summaries[0].headline).toMatch(
      /^Multi-year cost: £[\d,.]+ over 2025\/26 to 2027\/28 for 1 post$/
    );
  });
});
