import { readFileSync } from "node:fs";
import path from "node:path";
import type { Grid } from "../../src/core/grid";
import { SETTINGS, YEAR_SETTINGS, readAssumptions, readWorkbook } from "../../src/core/read";
import type { WorkbookGrids } from "../../src/core/workbook/types";
import { SETTING_GROUP_KEYS, createCoreEngine } from "../../src/taskpane/core-engine";
import type { SourceChoice } from "../../src/taskpane/engine";
import { withoutOutputSheets } from "../../src/core/workbook/inputs";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";
import { buildWorkbook } from "../../src/core/workbook/build";

const EXAMPLE = path.join(__dirname, "../../examples/childrens-services.xlsx");

async function example(): Promise<WorkbookGrids> {
  return readWorkbookGrids(await loadWorkbook(readFileSync(EXAMPLE)));
}

const NO_CHOICE: SourceChoice = { mapping: {}, localityMapping: {} };

const grid = (sheet: string, values: Grid["values"]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

const engine = createCoreEngine({
  build: () => ({ ok: true, issues: [], sheets: [], summaries: [] }),
  today: () => new Date(2025, 10, 23),
  version: "test",
});

describe("the pane's view of the core", () => {
  it("finds the example's establishment, localities and column mapping", async () => {
    const wb = await example();
    const view = engine.inspectSource(wb, NO_CHOICE);
    expect(view.establishment).toMatchObject({ sheet: "Establishment" });
    expect(view.localities).toMatchObject({ table: "Localities", rows: 6 });
    expect(view.unavailable).toEqual({});
    const columns = view.columns.establishment!;
    const byField = Object.fromEntries(columns.mapping.map((m) => [m.field, m]));
    expect(byField.title.column).toBe("B");
    expect(byField.title.samples[0]).toBe("Head of Early Help and Family Support");
    expect(byField.currentFte.column).toBe("G");
    expect(columns.headers.find((h) => h.column === "I")?.header).toBe("No of Staff");
    const posts = readWorkbook(wb).establishment?.posts ?? [];
    expect(view.totals).toEqual({
      posts: posts.length,
      fte: posts.reduce((sum, p) => sum + p.fte, 0),
      headcount: posts.reduce((sum, p) => sum + (p.headcount ?? 0), 0),
    });
  });

  it("applies a mapping override given as a column letter, and can leave a field out", async () => {
    const wb = await example();
    const view = engine.inspectSource(wb, {
      mapping: { headcount: "", funding: "C" },
      localityMapping: {},
    });
    const byField = Object.fromEntries(
      view.columns.establishment!.mapping.map((m) => [m.field, m])
    );
    expect(byField.headcount.column).toBeUndefined();
    expect(byField.headcount.overridden).toBe(true);
    expect(byField.funding).toMatchObject({ column: "C", overridden: true });
    expect(view.totals?.headcount).toBeUndefined();
  });

  it("shows which of the example's locality columns is read as population, deprivation and demand", async () => {
    const view = engine.inspectSource(await example(), NO_CHOICE);
    const columns = view.columns.localities!;
    expect(columns.headers).toEqual([
      { column: "A", header: "Locality" },
      { column: "B", header: "Population 0-19" },
      { column: "C", header: "IDACI rate" },
      { column: "D", header: "Referrals (last 12 months)" },
    ]);
    expect(columns.mapping.map((m) => [m.field, m.label, m.column, m.samples])).toEqual([
      ["name", "Locality", "A", ["Northfield", "Riverside", "Eastgate"]],
      ["population", "Population 0-19", "B", ["14,820", "11,230", "18,460"]],
      ["deprivation", "Deprivation", "C", ["0.21", "0.12", "0.27"]],
      ["demand", "Demand", "D", ["612", "344", "798"]],
    ]);
    expect(columns.mapping.some((m) => m.overridden)).toBe(false);
  });

  it("remaps a locality column, and can leave one out, as the build would read it", async () => {
    const wb = await example();
    // Demand left out: the reader says so at the localities header.
    const view = engine.inspectSource(wb, {
      mapping: {},
      localityMapping: { demand: "", population: "D" },
    });
    const byField = Object.fromEntries(view.columns.localities!.mapping.map((m) => [m.field, m]));
    expect(byField.demand).toMatchObject({ column: undefined, samples: [], overridden: true });
    expect(byField.population).toMatchObject({
      column: "D",
      samples: ["612", "344", "798"],
      overridden: true,
    });
    expect(view.issues.map((i) => i.code)).toContain("demand-column-missing");
    expect(
      readWorkbook(wb, { localityMapping: { demand: "" } }).issues.map((i) => i.code)
    ).toContain("demand-column-missing");
  });

  it("shows a localities-only workbook's table and the note that only the shares are made", () => {
    const wb: WorkbookGrids = {
      grids: [
        grid("Areas", [
          ["Area", "Children 0-19", "IMD score", "Referrals"],
          ["North", 1200, 21.4, 40],
          ["South", 800, 30.1, 25],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["FTE to share out", 12],
        ]),
      ],
    };
    const view = engine.inspectSource(wb, NO_CHOICE);
    expect(view.establishment).toBeUndefined();
    expect(view.columns.establishment).toBeUndefined();
    expect(view.localities).toMatchObject({
      kind: "localities",
      sheet: "Areas",
      range: "A1:D3",
      rows: 2,
    });
    expect(view.columns.localities!.mapping.map((m) => m.column)).toEqual(["A", "B", "C", "D"]);
    expect(view.unavailable).toEqual({
      cost: "no establishment table was found",
      grant: "no establishment table was found",
      changes: "no establishment table was found",
      scenarios: "no establishment table was found",
    });
    const note = view.issues.find((i) => i.code === "localities-only");
    expect(note).toMatchObject({ severity: "info", sheet: "Assumptions", address: "B2" });
    expect(view.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("builds a localities-only workbook's shares, with the locality columns the user chose", () => {
    const real = createCoreEngine({
      build: buildWorkbook,
      today: () => new Date(2025, 10, 23),
      version: "test",
    });
    const wb: WorkbookGrids = {
      grids: [
        // Two figures columns the reader cannot tell apart: the user says which is demand.
        grid("Areas", [
          ["Area", "Children 0-19", "Figure A", "Figure B"],
          ["North", 1000, 10, 30],
          ["South", 1000, 30, 10],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["FTE to share out", 4],
          ["Population weight", "0%"],
          ["Deprivation weight", "0%"],
          ["Demand weight", "100%"],
          ["Equal share weight", "0%"],
        ]),
      ],
    };
    const request = {
      mode: "shareable" as const,
      generatedAt: "2025-11-23T00:00:00Z",
      version: "t",
    };
    const byC = real.build(wb, { ...request, localityMapping: { demand: "C" } });
    const byD = real.build(wb, { ...request, localityMapping: { demand: "D" } });
    expect(byC.ok).toBe(true);
    expect(byC.sheets.map((s) => s.key)).toEqual(["shares", "assumptions"]);
    expect(byC.issues.find((i) => i.code === "localities-only")?.severity).toBe("info");
    const fte = (r: typeof byC) =>
      r.summaries.find((s) => s.key === "shares")?.figures.map((f) => [f.label, f.value]);
    // All by demand: 10 and 30 share 4 FTE as 1 and 3; read from D, the other way round.
    expect(fte(byC)).toEqual([
      ["FTE shared out", 4],
      ["North: FTE", 1],
      ["South: FTE", 3],
    ]);
    expect(fte(byD)).toEqual([
      ["FTE shared out", 4],
      ["North: FTE", 3],
      ["South: FTE", 1],
    ]);
  });

  it("shows a date column's samples as dates, not serial numbers", () => {
    const wb: WorkbookGrids = {
      grids: [
        grid("Staff", [
          ["Position", "FTE", "Start date"],
          ["Family Support Worker", 1, 45901],
          ["Social Worker", 0.5, 45748],
        ]),
      ],
    };
    const start = engine
      .inspectSource(wb, NO_CHOICE)
      .columns.establishment!.mapping.find((m) => m.field === "startDate");
    expect(start).toMatchObject({ column: "C", samples: ["1 Sep 2025", "1 Apr 2025"] });
  });

  it("lists the example's assumptions with their cells, rates as percentages", async () => {
    const view = engine.inspectAssumptions(await example());
    expect(view.sheet).toBe("Assumptions");
    const pension = view.settings.find((s) => s.key === "pensionRate");
    expect(pension).toMatchObject({ address: "B8", display: "19.5%", input: { type: "percent" } });
    const award = view.settings.find((s) => s.key === "payAward:2026");
    expect(award).toMatchObject({ label: "Pay award 2026/27", address: "B6", display: "2.5%" });
    const grantStart = view.settings.find((s) => s.key === "grant.start");
    expect(grantStart?.display).toBe("01/09/2025");
    // Not on the sheet: shown with its default, not editable.
    const steps = view.settings.find((s) => s.key === "gradeSteps");
    expect(steps).toMatchObject({ isDefault: true, display: "4" });
    expect(steps?.address).toBeUndefined();
  });

  it("puts every setting the core knows in exactly one group of the form", () => {
    const listed = Object.values(SETTING_GROUP_KEYS).flat();
    const known = [...SETTINGS.map((s) => s.key), ...YEAR_SETTINGS.map((s) => s.key)];
    expect([...listed].sort()).toEqual([...new Set(known)].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("groups the example's settings: per-year grant and pay awards with their own group", async () => {
    const view = engine.inspectAssumptions(await example());
    const group = (key: string) => view.settings.find((s) => s.key === key)?.group;
    expect(group("grant.amount")).toBe("grant");
    expect(group("payAward:2026")).toBe("pay");
    expect(group("pensionRate")).toBe("onCosts");
    expect(group("exitCostWeeks")).toBe("restructure");
    expect(group("allocationUnit")).toBe("localities");
  });

  it("turns typed values into the cell values the core reads, and refuses what it cannot", async () => {
    const view = engine.inspectAssumptions(await example());
    const setting = (key: string) => view.settings.find((s) => s.key === key)!;
    expect(engine.parseSetting(setting("pensionRate"), "21.5%")).toEqual({ value: "21.5%" });
    expect(engine.parseSetting(setting("pensionRate"), "0.2")).toEqual({ value: "20%" });
    expect(engine.parseSetting(setting("grant.amount"), "£1,500,000")).toEqual({ value: 1500000 });
    expect(engine.parseSetting(setting("years"), "4")).toEqual({ value: 4 });
    expect(engine.parseSetting(setting("pensionRate"), "")).toEqual({ value: "" });
    expect(engine.parseSetting(setting("pensionRate"), "lots")).toEqual({
      error: expect.stringContaining("is not a percentage"),
    });
    expect(engine.parseSetting(setting("years"), "2.5")).toEqual({
      error: expect.stringContaining("not a whole number"),
    });
    expect(engine.parseSetting(setting("grant.start"), "31/02/2025")).toEqual({
      error: expect.stringContaining("not a valid date"),
    });
  });

  it("creates a default assumptions sheet that reads back as the defaults for this financial year", () => {
    const spec = engine.defaultAssumptionsSheet();
    expect(spec).toMatchObject({ key: "assumptions", name: "Assumptions" });
    const values = spec.cells.map((row) =>
      row.map((c) => (c === null ? "" : c.kind === "text" ? c.text : c.value))
    );
    const grid: Grid = { sheet: "Assumptions", origin: { row: 0, column: 0 }, values };
    const read = readAssumptions({ grids: [grid] });
    expect(read.issues).toEqual([]);
    expect(read.assumptions.firstYear).toBe(2025);
    expect(read.assumptions.pensionRate).toBe(0.19);
  });

  it("places a new scenario on the sheet it creates beside Notes, below its title rows", () => {
    const values = engine
      .defaultAssumptionsSheet()
      .cells.map((row) => row.map((c) => (c === null ? "" : c.kind === "text" ? c.text : c.value)));
    // Two rows of title and provenance, then the Setting | Value | Notes header on row 3.
    expect(values[2].slice(0, 3)).toEqual(["Setting", "Value", "Notes"]);
    const wb: WorkbookGrids = { grids: [grid("Assumptions", values)] };
    expect(engine.newScenario(wb, "Pay award 4%")).toEqual({
      name: "Pay award 4%",
      address: "D3",
      column: "D",
    });
    expect(engine.newScenario(wb, "Notes")).toEqual({
      error:
        "'Notes' heads a notes column, so it would not be read as a scenario; choose another name.",
    });
    expect(engine.newScenario({ grids: [] }, "Pay award 4%")).toEqual({
      error: "There is no assumptions sheet to add a scenario to",
    });
  });

  it("keeps the add-in's output sheets away from the readers, but not its assumptions", () => {
    const wb: WorkbookGrids = {
      grids: [
        grid("Staff", [["Position", "FTE"]]),
        grid("Grant Costing", [["Position", "FTE"]]),
        grid("Assumptions", [["Setting", "Value"]]),
      ],
    };
    expect(
      withoutOutputSheets(wb, ["Grant Costing", "Assumptions"]).grids.map((g) => g.sheet)
    ).toEqual(["Staff", "Assumptions"]);
    expect(withoutOutputSheets(wb, []).grids).toHaveLength(3);
  });
});

describe("the pane's view of a restructure and of scenarios", () => {
  const list = (sheet: string, swFte: number): Grid =>
    grid(sheet, [
      ["Post ID", "Position", "Grade", "Salary", "FTE"],
      ["P1", "Team Manager", "SS11", 45000, 1],
      ["P2", "Social Worker", "SS09", 36000, swFte],
    ]);
  const plan = grid("Plan", [
    ["Post ID", "Position", "Grade", "Salary", "Current FTE", "Proposed FTE"],
    ["P1", "Team Manager", "SS11", 45000, 1, ""],
    ["P2", "Social Worker", "SS09", 36000, 3, 2],
  ]);

  it("says which two lists were taken, the establishment being the current one", () => {
    const wb = { grids: [list("Current structure", 3), list("Proposed structure", 4)] };
    const view = engine.inspectSource(wb, NO_CHOICE);
    expect(view.restructure).toEqual({
      current: {
        kind: "establishment",
        id: "Current structure",
        sheet: "Current structure",
        range: "A1:E3",
        rows: 2,
      },
      proposed: {
        kind: "establishment",
        id: "Proposed structure",
        sheet: "Proposed structure",
        range: "A1:E3",
        rows: 2,
      },
    });
    expect(view.establishment?.id).toBe("Current structure");
    expect(view.totals).toEqual({ posts: 2, fte: 4 });
    expect(view.oneTableRestructures).toBeUndefined();
  });

  it("takes the lists the user names, and lists the tables with Proposed FTE", () => {
    const wb = { grids: [plan, list("Current structure", 3), list("Option B", 2)] };
    expect(engine.inspectSource(wb, NO_CHOICE)).toMatchObject({
      establishment: { id: "Plan" },
      oneTableRestructures: ["Plan"],
    });
    expect(engine.inspectSource(wb, NO_CHOICE).restructure).toBeUndefined();
    const named = engine.inspectSource(wb, {
      ...NO_CHOICE,
      current: "Option B",
      proposed: "Current structure",
    });
    expect(named.restructure?.current.id).toBe("Option B");
    expect(named.restructure?.proposed.id).toBe("Current structure");
    expect(named.establishment?.id).toBe("Option B");
    expect(named.totals).toEqual({ posts: 2, fte: 3 });
  });

  it("lists the Assumptions sheet's scenario columns, Notes not among them", () => {
    const wb = {
      grids: [
        grid("Assumptions", [
          ["Setting", "Value", "Notes", "Higher pension", "Vacancies 5%"],
          ["Employer pension rate", "19%", "LGPS", "25%", ""],
          ["Vacancy factor", "0%", "", "", "5%"],
        ]),
      ],
    };
    expect(engine.inspectAssumptions(wb).scenarios).toEqual(["Higher pension", "Vacancies 5%"]);
    expect(engine.inspectAssumptions({ grids: [] }).scenarios).toEqual([]);
  });
});
