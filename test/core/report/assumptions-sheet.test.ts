import { buildAssumptionsSheet } from "../../../src/core/report/assumptions-sheet";
import { assumptionCellsOf } from "../../../src/core/report/assumption-cells";
import { assumptionsGrid, defaultAssumptions, readAssumptions } from "../../../src/core/read";
import type { SheetSpec } from "../../../src/core/report";

/** The value cell of a setting on the written sheet. */
function valueOf(sheet: SheetSpec, label: string) {
  const row = sheet.cells.find((r) => r[0]?.kind === "text" && r[0].text === label);
  return row?.[1];
}

describe("the Assumptions sheet", () => {
  const a = {
    ...defaultAssumptions(2025),
    pensionRate: 0.2125,
    grant: { ...defaultAssumptions(2025).grant, amount: 750000, amountsByYear: { 2025: 250000 } },
  };
  const { sheet } = buildAssumptionsSheet(assumptionsGrid(a), {
    generatedAt: "2026-12-04T14:19:00Z",
    version: "test",
  });

  it("writes money settings as money and rates as percentages", () => {
    expect(valueOf(sheet, "Grant amount")).toEqual({
      kind: "number",
      value: 750000,
      format: "money",
      style: "input",
    });
    expect(valueOf(sheet, "Grant 2025/26")).toMatchObject({ value: 250000, format: "money" });
    expect(valueOf(sheet, "Flat on-cost rate")).toEqual({
      kind: "number",
      value: 0.3,
      format: "percent",
      style: "input",
    });
    expect(valueOf(sheet, "Vacancy factor")).toMatchObject({ value: 0, format: "percent" });
    expect(valueOf(sheet, "Weight: population")).toMatchObject({ value: 0.5, format: "percent" });
    // 21.25% would show as 21.3% in the 0.0% format: it stays as written.
    expect(valueOf(sheet, "Employer pension rate")).toMatchObject({ kind: "text", text: "21.25%" });
    // Not money: a count of weeks.
    expect(valueOf(sheet, "Agency weeks per year")).toMatchObject({ value: 52, format: "general" });
  });

  it("gives the build date in words", () => {
    expect(sheet.cells[1][0]).toMatchObject({
      text: "Edit the Value column; the Notes say what each setting means. Establishment Costing test · built 4 December 2026, 14:19 UTC.",
    });
  });

  it("reads back as the assumptions it was written from", () => {
    const cells = assumptionCellsOf(sheet);
    const grid = sheet.cells.map((r) =>
      r.map((c) => (!c ? "" : c.kind === "text" ? c.text : c.value))
    );
    const read = readAssumptions({
      grids: [{ sheet: sheet.name, origin: { row: 0, column: 0 }, values: grid }],
    });
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.assumptions.pensionRate).toBe(0.2125);
    expect(read.assumptions.flatOnCostRate).toBe(0.3);
    expect(read.assumptions.grant.amount).toBe(750000);
    expect(read.assumptions.grant.amountsByYear?.[2025]).toBe(250000);
    expect(cells.cells.flatOnCostRate).toBeDefined();
  });
});
