/**
 * The settings used of a live sheet are text fixed at the build, while its figures follow
 * the Scenarios sheet's switch: each sheet that follows the switch says whose settings its
 * lines are and which cell its figures follow, so a switched sheet is not read by its lines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SheetSpec } from "../../../src/core/report";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { loadWorkbook, readWorkbookGrids } from "../../../src/xlsx";

const DEMO = path.join(__dirname, "../../../examples/childrens-services.xlsx");
const REQUEST = { generatedAt: "2026-12-07", version: "test" };
let grids: WorkbookGrids;
beforeAll(async () => {
  grids = readWorkbookGrids(await loadWorkbook(readFileSync(DEMO)));
});

const build = (extra: Partial<BuildRequest>) =>
  buildWorkbook(grids, { ...REQUEST, mode: "live", ...extra } as BuildRequest);
const texts = (s: SheetSpec | undefined) =>
  (s?.cells ?? []).flat().flatMap((c) => (c?.kind === "text" ? [c.text] : []));
const switchLine = (s: SheetSpec | undefined) =>
  texts(s).filter((t) => t.startsWith("These are the settings of"));

describe("settings used beside the live scenario switch", () => {
  it("names the base and the switch's cell on every sheet that follows it", () => {
    const built = build({});
    const scenarios = built.sheets.find((s) => s.key === "scenarios");
    // The switch's own cell: the row labelled Scenario in use, column B.
    const row = scenarios?.cells.findIndex(
      (r) => r?.[0]?.kind === "text" && r[0].text === "Scenario in use"
    );
    expect(row).toBeGreaterThanOrEqual(0);
    const cell = `Scenarios!B${(row as number) + 1}`;
    for (const key of ["cost", "grant", "changes"])
      expect(switchLine(built.sheets.find((s) => s.key === key))).toEqual([
        `These are the settings of the base (the Value column), in use when the sheet was built. The figures follow the Scenarios sheet's Scenario in use cell (${cell}): with another scenario in use they are costed on its settings (its Assumptions in use block), not on these.`,
      ]);
  });

  it("names the scenario a live build set the switch to", () => {
    const built = build({ scenario: "pay award 4%" });
    const line = switchLine(built.sheets.find((s) => s.key === "grant"));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/^These are the settings of the scenario 'Pay award 4%', in use/);
  });

  it("says nothing of a switch in a shareable build, nor in a live one without the Scenarios sheet", () => {
    const shareable = buildWorkbook(grids, { ...REQUEST, mode: "shareable" });
    const noSwitch = build({ only: ["cost", "grant"] });
    for (const b of [shareable, noSwitch])
      for (const s of b.sheets) expect(switchLine(s)).toEqual([]);
  });
});
