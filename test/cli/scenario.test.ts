import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { capture } from "./support";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { childrensServicesWorkbook } from "../../src/cli/demo-workbook";
import { readWorkbook } from "../../src/core/read";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-scenario-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The demo's Assumptions sheet with `edit` applied, saved as `name`. */
async function demoWith(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = childrensServicesWorkbook();
  edit(wb.getWorksheet("Assumptions")!);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function rowOf(ws: ExcelJS.Worksheet, setting: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === setting) found = row;
  });
  if (!found) throw new Error(`no row ${setting}`);
  return found;
}

async function buildJson(file: string, extra: string[] = []): Promise<BuildJson> {
  const c = capture();
  const out = path.join(dir, `${path.basename(file, ".xlsx")}-${extra.length}-out.xlsx`);
  expect(await main(["build", file, "-o", out, "--json", ...extra], c.io)).toBe(0);
  return JSON.parse(c.stdout()) as BuildJson;
}

describe("estab build --scenario", () => {
  it("builds with the scenario's assumptions: the same figures as a workbook whose Value column holds them", async () => {
    // The demo's own scenario column D, "Pay award 4%" (2026/27 and 2027/28).
    const scenarioFile = await demoWith("scenario.xlsx", () => undefined);
    const typedIn = await demoWith("typed-in.xlsx", (ws) => {
      rowOf(ws, "Pay award 2026/27").getCell(2).value = 0.04;
      rowOf(ws, "Pay award 2027/28").getCell(2).value = 0.04;
    });
    const chosen = await buildJson(scenarioFile, ["--scenario", "pay award 4%"]);
    const expected = await buildJson(typedIn);
    const base = await buildJson(scenarioFile);
    const grant = (j: BuildJson) => j.sheets.find((s) => s.key === "grant")!.totals;
    expect(grant(chosen)).toEqual(grant(expected));
    // The award is higher, so the scenario costs more than the base, to the penny as typed in.
    expect(grant(chosen)["Total cost"]).toBeGreaterThan(grant(base)["Total cost"]);
    for (const key of ["cost", "grant", "changes", "shares"])
      expect(chosen.sheets.find((s) => s.key === key)?.totals).toEqual(
        expected.sheets.find((s) => s.key === key)?.totals
      );
    // The Scenarios sheet compares the Value column and its scenarios whichever is chosen.
    const scenarios = (j: BuildJson) => j.sheets.find((s) => s.key === "scenarios")?.totals;
    expect(scenarios(chosen)).toEqual(scenarios(base));
    expect(scenarios(base)?.["Pay award 4%: difference to base"]).toBe(
      Math.round((grant(chosen)["Total commitment"] - grant(base)["Total commitment"]) * 100) / 100
    );
  });

  it("names the scenario in what it prints and on every sheet costed with it, so it cannot pass for the base", async () => {
    const file = await demoWith("named.xlsx", () => undefined);
    const out = path.join(dir, "named-out.xlsx");
    const c = capture();
    expect(await main(["build", file, "-o", out, "--scenario", "pay award 4%"], c.io)).toBe(0);
    expect(c.stdout().split("\n")[0]).toMatch(/, costed with the scenario 'Pay award 4%'$/);
    const { grids } = readWorkbookGrids(await loadWorkbook(readFileSync(out)));
    const said = "with the scenario 'Pay award 4%' (its settings, the Value column's for the rest)";
    const lineWith = (sheet: string) =>
      grids
        .find((g) => g.sheet === sheet)
        ?.values.slice(0, 4)
        .flat()
        .find((v) => typeof v === "string" && v.includes("built"));
    for (const sheet of ["Establishment Cost", "Grant Costing", "Restructure", "Assumptions"])
      expect(lineWith(sheet)).toContain(said);
    // The Scenarios sheet compares every scenario with the base, whichever was built.
    expect(lineWith("Scenarios")).not.toContain("with the scenario");
    // And a build of the base names none.
    const base = path.join(dir, "base-out.xlsx");
    expect(await main(["build", file, "-o", base], capture().io)).toBe(0);
    const baseGrids = readWorkbookGrids(await loadWorkbook(readFileSync(base))).grids;
    const cost = baseGrids
      .find((g) => g.sheet === "Establishment Cost")
      ?.values.slice(0, 4)
      .flat();
    expect(cost?.some((v) => typeof v === "string" && v.includes("with the scenario"))).toBe(false);
  });

  it("an unknown name is an error listing the scenarios there are; nothing is written", async () => {
    const file = await demoWith("scenario.xlsx", () => undefined);
    const c = capture();
    const out = path.join(dir, "out.xlsx");
    expect(await main(["build", file, "-o", out, "--scenario", "Pay award 5%"], c.io)).toBe(1);
    expect(c.stderr()).toContain(
      "error    Assumptions!D1: There is no scenario 'Pay award 5%' on the Assumptions sheet: the scenarios are 'Pay award 4%', 'NI before April 2025', 'Vacancies 5%' — choose one of those names"
    );
    expect(existsSync(out)).toBe(false);
  });

  it("with --live, writes the Scenarios sheet's switch set to it, offering the base and every scenario", async () => {
    const file = await demoWith("scenario.xlsx", () => undefined);
    const c = capture();
    const out = path.join(dir, "out.xlsx");
    expect(
      await main(["build", file, "-o", out, "--live", "--scenario", "pay award 4%"], c.io)
    ).toBe(0);
    const wb = await loadWorkbook(readFileSync(out));
    const ws = wb.getWorksheet("Scenarios")!;
    expect(ws.getCell("A8").value).toBe("Scenario in use");
    // Set to the scenario as its column is headed, with the list of choices in the cell.
    expect(ws.getCell("B8").value).toBe("Pay award 4%");
    expect(ws.getCell("B8").dataValidation).toMatchObject({
      type: "list",
      formulae: ["$B$9:$E$9"],
      errorStyle: "warning",
    });
    expect(["B9", "C9", "D9", "E9"].map((a) => ws.getCell(a).value)).toEqual([
      "Base",
      "Pay award 4%",
      "NI before April 2025",
      "Vacancies 5%",
    ]);
    expect(ws.getCell("B10").value).toEqual({
      formula: "MATCH(SUMPRODUCT(($B$9:$E$9=$B$8)*{1,2,3,4}),{1,2,3,4},0)",
      result: 2,
    });
    // The live sheets read the In use cells, which hold the scenario's figures: 4% in 2026/27.
    const awardRow = ws.getColumn(1).values.findIndex((v) => v === "Pay award 2026/27");
    const inUse = ws.getCell(awardRow, 2).value as { formula: string; result: number };
    expect(inUse.result).toBe(0.04);
    expect(inUse.formula).toContain("CHOOSE($B$10-1,Assumptions!$D$");
    const grant = wb.getWorksheet("Grant Costing")!;
    const refs: string[] = [];
    grant.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell.value as { formula?: string } | null)?.formula;
        if (f?.includes("ESTAB.PROFILE")) refs.push(f);
      })
    );
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((f) => f.includes("Scenarios!$A$"))).toBe(true);
  });

  it("with --live but without the Scenarios sheet, is refused: there is no switch to set", async () => {
    const file = await demoWith("scenario.xlsx", () => undefined);
    const c = capture();
    const out = path.join(dir, "out.xlsx");
    expect(
      await main(
        ["build", file, "-o", out, "--live", "--scenario", "Pay award 4%", "--only", "grant"],
        c.io
      )
    ).toBe(1);
    expect(c.stderr()).toContain(
      `A live build of the scenario 'Pay award 4%' sets the Scenarios sheet's "Scenario in use" cell`
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("estab init --scenario", () => {
  it("adds an empty scenario column per name, which a filled-in cell makes a scenario", async () => {
    const file = path.join(dir, "starter.xlsx");
    const c = capture();
    expect(
      await main(["init", file, "--scenario", "Pay award 4%", "--scenario", "Vacancies 5%"], c.io)
    ).toBe(0);
    expect(c.stdout()).toContain(
      "with 2 scenario columns, 'Pay award 4%', 'Vacancies 5%': fill in only the settings each changes"
    );
    const wb = await loadWorkbook(readFileSync(file));
    const ws = wb.getWorksheet("Assumptions")!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(1).getCell(c).value)).toEqual([
      "Setting",
      "Value",
      "Notes",
      "Pay award 4%",
      "Vacancies 5%",
    ]);
    const read = readWorkbook(readWorkbookGrids(wb));
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.scenarios.map((s) => [s.name, s.changed])).toEqual([
      ["Pay award 4%", {}],
      ["Vacancies 5%", {}],
    ]);
    // Filled in, the column changes the vacancy factor.
    rowOf(ws, "Vacancy factor").getCell(5).value = "5%";
    const filled = readWorkbook(readWorkbookGrids(wb));
    expect(filled.scenarios[1].assumptions.vacancyFactor).toBe(0.05);
  });

  it("refuses a name that would not be read as a scenario (exit 2, nothing written)", async () => {
    const file = path.join(dir, "starter.xlsx");
    for (const [name, message] of [
      ["Notes", "'Notes' heads a notes column, so it would not be read as a scenario"],
      ["  ", "--scenario needs a name"],
      ["Base", "'Base' is the name of the Value column (the base), so it cannot name a scenario"],
      // The same rule as the task pane's form (newScenarioColumn).
      ["2026/27", "'2026/27' reads as a financial year"],
    ]) {
      const c = capture();
      expect(await main(["init", file, "--scenario", name], c.io)).toBe(2);
      expect(c.stderr()).toContain(message);
      expect(existsSync(file)).toBe(false);
    }
    const c = capture();
    expect(await main(["init", file, "--scenario", "Cut", "--scenario", "cut"], c.io)).toBe(2);
    expect(c.stderr()).toContain("The scenario 'cut' is given twice.");
  });
});

describe("a Scenarios sheet of the user's own, and the one the tool writes", () => {
  it("warns of a typed Scenarios sheet, and not of the one an earlier build wrote", async () => {
    // The demo (its Assumptions sheet has three scenario columns), built live:
    // the workbook itself, its own sheets and the calculated ones beside them.
    const demo = await demoWith("demo.xlsx", () => undefined);
    const built = path.join(dir, "built.xlsx");
    expect(await main(["build", demo, "--live", "-o", built], capture().io)).toBe(0);
    const codes = (j: BuildJson) => j.issues.filter((i) => i.code === "scenario-sheet-not-read");
    // Built again from it: its Scenarios sheet is the tool's, marked as such.
    const grids = readWorkbookGrids(await loadWorkbook(readFileSync(built), "built"));
    expect(grids.grids.some((g) => g.sheet === "Scenarios")).toBe(true);
    expect(codes(await buildJson(built))).toEqual([]);
    // An officer's own sheet of scenarios, a row each, is not read: said at its first cell.
    const typed = await demoWith("typed.xlsx", (ws) => {
      ws.workbook.addWorksheet("Scenario planning").addRows([
        ["Scenario", "Pay award 2026/27"],
        ["Pay award 5%", 0.05],
      ]);
    });
    expect(codes(await buildJson(typed)).map((i) => [i.sheet, i.address, i.message])).toEqual([
      [
        "Scenario planning",
        "A1",
        "The sheet 'Scenario planning' is not read: scenarios are read only from columns beside the Value column of the Assumptions sheet, so nothing on this sheet is costed or compared; the scenarios costed are the Assumptions sheet's: 'Pay award 4%', 'NI before April 2025', 'Vacancies 5%'",
      ],
    ]);
  });
});
