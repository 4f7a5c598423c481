/**
 * The live "Scenario in use" switch on the Scenarios sheet (issue 18), proven in a real
 * formula engine: the demo workbook (three scenarios) built live goes into HyperFormula
 * with the ESTAB functions registered; setting the switch to each scenario gives every
 * live figure of every sheet exactly as a shareable build of that scenario writes it, back
 * to Base gives the base build, and a name that is no scenario gives #N/A, not the base.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HyperFormula } from "hyperformula";
import type { SheetSpec } from "../../../src/core/report";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { fromA1 } from "../../../src/core/grid";
import { loadWorkbook, readWorkbookGrids } from "../../../src/xlsx";
import { compare, hfGrid, hfSheet } from "../report/live-harness";
import { HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

const DEMO = path.join(__dirname, "../../../examples/childrens-services.xlsx");
const REQUEST: Omit<BuildRequest, "mode"> = {
  generatedAt: "2025-06-01T09:00:00Z",
  version: "test",
};
const SCENARIOS = ["Pay award 4%", "NI before April 2025", "Vacancies 5%"];
/** The sheets whose figures follow the switch; the Scenarios sheet's comparison does not. */
const FOLLOWING = ["cost", "grant", "changes", "shares"];

let grids: WorkbookGrids;
beforeAll(async () => {
  grids = readWorkbookGrids(await loadWorkbook(readFileSync(DEMO)));
});

const build = (mode: "live" | "shareable", scenario?: string, g: WorkbookGrids = grids) => {
  const built = buildWorkbook(g, { ...REQUEST, mode, ...(scenario ? { scenario } : {}) });
  expect(built.issues.filter((i) => i.severity === "error")).toEqual([]);
  return built;
};
const following = (sheets: SheetSpec[]) => sheets.filter((s) => FOLLOWING.includes(s.key));

/** The live build in HyperFormula: the workbook's own sheets (its Assumptions sheet kept) and the calculated ones. */
function engine(scenario?: string, book: WorkbookGrids = grids) {
  const built = build("live", scenario, book);
  const sheets: Record<string, ReturnType<typeof hfGrid>> = {};
  for (const g of book.grids.filter((x) => x.table === undefined)) sheets[g.sheet] = hfGrid(g);
  for (const s of built.sheets) if (s.key !== "assumptions") sheets[s.name] = hfSheet(s, "live");
  registerEstab();
  const hf = HyperFormula.buildFromSheets(sheets, { ...HF_CONFIG, useArrayArithmetic: true });
  const scenarios = built.sheets.find((s) => s.key === "scenarios") as SheetSpec;
  const validation = scenarios.validations?.[0];
  expect(validation).toBeDefined();
  const at = fromA1(validation?.address as string);
  const set = (name: string) =>
    hf.setCellContents(
      { sheet: hf.getSheetId(scenarios.name) as number, row: at.row, col: at.column },
      `'${name}`
    );
  return { hf, built, scenarios, set, at };
}

function expectFigures(hf: HyperFormula, want: SheetSpec[]) {
  expect(want.map((s) => s.key).sort()).toEqual([...FOLLOWING].sort());
  for (const spec of want) {
    const { got, want: expected } = compare(hf, spec.name, spec);
    expect({ sheet: spec.name, got }).toEqual({ sheet: spec.name, got: expected });
  }
}

describe("the Scenarios sheet's live switch, in HyperFormula", () => {
  it("puts the switch and the Assumptions in use block on the Scenarios sheet, set to Base", () => {
    const { scenarios, at } = engine();
    const cell = scenarios.cells[at.row][at.column];
    expect(cell).toMatchObject({ kind: "text", text: "Base" });
    expect(scenarios.cells[at.row][0]).toMatchObject({ kind: "text", text: "Scenario in use" });
    const choices = scenarios.cells[at.row + 1].slice(1).map((c) => c?.kind === "text" && c.text);
    expect(choices).toEqual(["Base", ...SCENARIOS]);
    expect(scenarios.validations).toEqual([
      {
        address: "B8",
        list: "$B$9:$E$9",
        warning: {
          title: "Not a scenario",
          message:
            "Not a name in the list: every live figure shows #N/A until the cell holds Base or a scenario's name.",
        },
      },
    ]);
    // Every live sheet reads its assumptions from the In use block, not the Assumptions sheet.
    const live = build("live").sheets.filter((s) => FOLLOWING.includes(s.key));
    const formulas = live.flatMap((s) =>
      s.cells.flat().flatMap((c) => (c && c.kind !== "text" && c.live ? [c.live] : []))
    );
    expect(formulas.some((f) => f.includes("Scenarios!$"))).toBe(true);
    expect(formulas.filter((f) => f.includes("Assumptions!"))).toEqual([]);
  });

  it("gives every live cell exactly the shareable value, the Scenarios sheet's own formulas included", () => {
    const { hf, built } = engine();
    expectFigures(hf, following(build("shareable").sheets));
    const scenarios = built.sheets.find((s) => s.key === "scenarios") as SheetSpec;
    const { got, want } = compare(hf, scenarios.name, scenarios);
    expect(got).toEqual(want);
  });

  it.each(SCENARIOS)(
    "switched to %s, gives every live figure as a shareable build of it, to the penny",
    (name) => {
      const { hf, set, scenarios, at } = engine();
      set(name);
      const want = following(build("shareable", name).sheets);
      expectFigures(hf, want);
      // The switch has teeth: the scenario's figures differ from the base's somewhere.
      expect(changedCells(want, following(build("shareable").sheets)).length).toBeGreaterThan(0);
      // The Scenarios sheet's comparison is each scenario's own figures: it does not follow.
      const comparison = (r: number) => r !== at.row + 2 && r < inUseRow(scenarios);
      const { got, want: still } = compare(hf, scenarios.name, scenarios, comparison);
      expect(got.length).toBeGreaterThan(150);
      expect(got).toEqual(still);
    }
  );

  it("back to Base, gives the base build's figures again", () => {
    const { hf, set } = engine();
    set("Vacancies 5%");
    set("Base");
    expectFigures(hf, following(build("shareable").sheets));
  });

  it("built for a scenario, starts with the switch set to it and its figures; switched to Base, the base's", () => {
    const { hf, scenarios, at, set } = engine("pay award 4%");
    expect(scenarios.cells[at.row][at.column]).toMatchObject({
      kind: "text",
      text: "Pay award 4%",
    });
    expectFigures(hf, following(build("shareable", "Pay award 4%").sheets));
    set("Base");
    expectFigures(hf, following(build("shareable").sheets));
  });

  it("with a name that is no scenario, gives #N/A in the figures, not the base's", () => {
    const { hf, set } = engine();
    set("Pay award 5%");
    const base = following(build("shareable").sheets);
    // Every figure some scenario changes is #N/A, so no base figure passes for a scenario's.
    const moving = new Set(
      SCENARIOS.flatMap((n) => changedCells(following(build("shareable", n).sheets), base))
    );
    expect(moving.size).toBeGreaterThan(100);
    const shown = base.flatMap(
      (spec) => compare(hf, spec.name, spec, (r, c) => moving.has(`${spec.key}!${r}:${c}`)).got
    );
    expect(shown).toHaveLength(moving.size);
    expect(shown.filter((g) => !String((g as { v: unknown }).v).startsWith("#N/A"))).toEqual([]);
  });
});

describe("the switch over an Assumptions sheet laid out otherwise", () => {
  /**
   * The demo's sheet a row lower, a Comments column between two scenarios, and a label
   * as a synonym ("Pension rate"): the switch picks each scenario's own column.
   */
  const otherwise = (): WorkbookGrids => ({
    grids: grids.grids.map((g) => {
      if (g.sheet !== "Assumptions") return g;
      const values = g.values.map((line, r) => [
        ...line.slice(0, 5),
        r === 0 ? "Comments" : r === 8 ? "agreed in May" : "",
        ...line.slice(5),
      ]);
      const pension = values.findIndex((line) => line[0] === "Employer pension rate");
      values[pension][0] = "Pension rate";
      return { ...g, values: [[], ...values] };
    }),
  });

  it.each(SCENARIOS)("switched to %s, gives its figures", (name) => {
    const book = otherwise();
    const { hf, set, scenarios } = engine(undefined, book);
    set(name);
    expectFigures(hf, following(build("shareable", name, book).sheets));
    const label = scenarios.cells.find(
      (row) => row[0]?.kind === "text" && row[0].text.endsWith("pension rate")
    );
    expect(label?.[0]).toMatchObject({ text: "Employer pension rate" });
    expect(JSON.stringify(scenarios.cells)).toContain("Assumptions!$G$13");
  });
});

describe("a scenario whose name holds a MATCH wildcard", () => {
  /** The demo with "NI before April 2025" renamed "Pay*", listed after "Pay award 4%". */
  const starred = (): WorkbookGrids => ({
    grids: grids.grids.map((g) => {
      if (g.sheet !== "Assumptions") return g;
      const values = g.values.map((line) => [...line]);
      expect(values[0].slice(3, 5)).toEqual(["Pay award 4%", "NI before April 2025"]);
      values[0][4] = "Pay*";
      return { ...g, values };
    }),
  });

  it("switched to it, gives its own figures, not those of the name the wildcard would match first", () => {
    const book = starred();
    const { hf, set } = engine(undefined, book);
    set("Pay*");
    const want = following(build("shareable", "Pay*", book).sheets);
    expectFigures(hf, want);
    // Excel's MATCH would have taken "Pay award 4%" for "Pay*" (HyperFormula's reads no
    // wildcards; scenarios-libreoffice.test.ts shows it in LibreOffice): their figures differ.
    const other = following(build("shareable", "Pay award 4%", book).sheets);
    expect(changedCells(want, other).length).toBeGreaterThan(0);
  });
});

describe("a scenario changing a setting the live sheets hold as a constant", () => {
  /** The demo with Vacancies 5% also moving the restructure a month later (Assumptions!F17). */
  const withDate = (): WorkbookGrids => ({
    grids: grids.grids.map((g) => {
      if (g.sheet !== "Assumptions") return g;
      const values = g.values.map((line) => [...line]);
      expect(values[16][0]).toBe("Implementation date");
      values[16][5] = 45962;
      return { ...g, values };
    }),
  });

  it("is said at the scenario's cell and beside the switch, in a live build only", () => {
    const g = withDate();
    const live = buildWorkbook(g, { ...REQUEST, mode: "live" });
    expect(live.ok).toBe(true);
    const said = live.issues.filter((i) => i.code === "scenario-constant-live");
    expect(said.map((i) => [i.severity, `${i.sheet}!${i.address}`])).toEqual([
      ["warning", "Assumptions!F17"],
    ]);
    expect(said[0].message).toBe(
      "Vacancies 5% changes Implementation date, which the live sheets hold as a constant: switching to it here does not change the figures that use it (they are Vacancies 5%'s only when built with it chosen)"
    );
    const sheet = live.sheets.find((s) => s.key === "scenarios") as SheetSpec;
    const warnings = sheet.cells
      .slice(0, 14)
      .flatMap((row) =>
        row[0]?.kind === "text" && row[0].style === "warning" ? [row[0].text] : []
      );
    expect(warnings).toEqual([said[0].message]);
    const shareable = buildWorkbook(g, { ...REQUEST, mode: "shareable" });
    expect(shareable.issues.filter((i) => i.code === "scenario-constant-live")).toEqual([]);
  });
});

/** The cells (sheet key!row:column) whose value differs between two builds of the same sheets. */
function changedCells(a: SheetSpec[], b: SheetSpec[]): string[] {
  return a.flatMap((spec, i) =>
    spec.cells.flatMap((row, r) =>
      row.flatMap((c, col) => {
        const other = b[i].cells[r]?.[col];
        if (!c || c.kind === "text" || !other || other.kind === "text") return [];
        return c.value !== other.value ? [`${spec.key}!${r}:${col}`] : [];
      })
    )
  );
}

/** The row of the Assumptions in use block's title. */
const inUseRow = (s: SheetSpec) =>
  s.cells.findIndex((row) => row[0]?.kind === "text" && row[0].text === "Assumptions in use");
