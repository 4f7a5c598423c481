import { readFileSync } from "node:fs";
import path from "node:path";
import type { Grid } from "../../src/core/grid";
import { readAssumptions, readWorkbook } from "../../src/core/read";
import type { WorkbookGrids } from "../../src/core/workbook/types";
import { createCoreEngine } from "../../src/taskpane/core-engine";
import { withoutOutputSheets } from "../../src/core/workbook/inputs";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";

const EXAMPLE = path.join(__dirname, "../../examples/childrens-services.xlsx");

async function example(): Promise<WorkbookGrids> {
  return readWorkbookGrids(await loadWorkbook(readFileSync(EXAMPLE)));
}

const engine = createCoreEngine({
  build: () => ({ ok: true, issues: [], sheets: [], summaries: [] }),
  today: () => new Date(2025, 10, 23),
  version: "test",
});

describe("the pane's view of the core", () => {
  it("finds the example's establishment, localities and column mapping", async () => {
    const wb = await example();
    const view = engine.inspectSource(wb, { mapping: {} });
    expect(view.establishment).toMatchObject({ sheet: "Establishment" });
    expect(view.localities).toMatchObject({ table: "Localities", rows: 6 });
    const byField = Object.fromEntries(view.mapping.map((m) => [m.field, m]));
    expect(byField.title.column).toBe("B");
    expect(byField.title.samples[0]).toBe("Head of Early Help and Family Support");
    expect(byField.currentFte.column).toBe("G");
    expect(view.headers.find((h) => h.column === "I")?.header).toBe("No of Staff");
    const posts = readWorkbook(wb).establishment?.posts ?? [];
    expect(view.totals).toEqual({
      posts: posts.length,
      fte: posts.reduce((sum, p) => sum + p.fte, 0),
      headcount: posts.reduce((sum, p) => sum + (p.headcount ?? 0), 0),
    });
  });

  it("applies a mapping override given as a column letter, and can leave a field out", async () => {
    const wb = await example();
    const view = engine.inspectSource(wb, { mapping: { headcount: "", funding: "C" } });
    const byField = Object.fromEntries(view.mapping.map((m) => [m.field, m]));
    expect(byField.headcount.column).toBeUndefined();
    expect(byField.headcount.overridden).toBe(true);
    expect(byField.funding).toMatchObject({ column: "C", overridden: true });
    expect(view.totals?.headcount).toBeUndefined();
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

  it("keeps the add-in's output sheets away from the readers, but not its assumptions", () => {
    const grid = (sheet: string, values: Grid["values"]): Grid => ({
      sheet,
      origin: { row: 0, column: 0 },
      values,
    });
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
