/**
 * `estab build --live` and `estab share` on the demo workbook: the live file is the
 * workbook itself with the calculated sheets added as formulas over its cells, which
 * HyperFormula (ESTAB functions registered) evaluates to exactly the shareable build's
 * figures; `estab share` turns every ESTAB formula into the figure it shows.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HyperFormula } from "hyperformula";
import type ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { followsInputs, type SheetSpec } from "../../src/core/report";
import { buildWorkbook } from "../../src/core/workbook/build";
import { loadWorkbook, ownedSheets, readWorkbookGrids, serialFromDate } from "../../src/xlsx";
import { liveOwnedSheets } from "../../src/xlsx/ownership";
import { HF_CONFIG, registerEstab } from "../functions/hyperformula-estab";

const DEMO = path.join(__dirname, "../../examples/childrens-services.xlsx");
const NOW = new Date(Date.UTC(2025, 5, 1, 9, 30));

const io = () => {
  const out: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: () => undefined, isTTY: false },
      now: () => NOW,
    },
    stdout: () => out.join(""),
  };
};

type Raw = string | number | boolean | null;

/**
 * A worksheet as HyperFormula input: text kept as text, and formulas as formulas on the
 * sheets the build wrote (the user's own formulas, e.g. a TOTAL row's SUM, as the values
 * Excel saved, which is what the reader read).
 */
function hfRows(ws: ExcelJS.Worksheet, ours: boolean): Raw[][] {
  const rows: Raw[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: Raw[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as unknown;
      let raw: Raw = null;
      if (typeof cell.formula === "string")
        raw = ours ? `=${cell.formula}` : ((cell.result as Raw | undefined) ?? null);
      else if (typeof v === "string") raw = `'${v}`;
      else if (typeof v === "number" || typeof v === "boolean") raw = v;
      else if (v instanceof Date) raw = serialFromDate(v);
      line[c - 1] = raw;
    });
    rows[r - 1] = line;
  });
  return Array.from(rows, (line) => Array.from(line ?? [], (x) => x ?? null));
}

/** Every figure of a shareable spec, by position, for comparison with a sheet's values. */
function figures(spec: SheetSpec): Array<{ r: number; c: number; v: unknown }> {
  return spec.cells.flatMap((row, r) =>
    row.flatMap((cell, c) => (cell && cell.kind !== "text" ? [{ r, c, v: cell.value }] : []))
  );
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-live-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("estab build --live, then estab share", () => {
  const live = () => path.join(dir, "live.xlsx");
  const shared = () => path.join(dir, "shared.xlsx");
  let shareable: SheetSpec[];

  beforeAll(async () => {
    const c = io();
    expect(await main(["build", DEMO, "--live", "-o", live()], c.io)).toBe(0);
    const grids = readWorkbookGrids(await loadWorkbook(readFileSync(DEMO)));
    const build = (mode: "live" | "shareable") =>
      buildWorkbook(grids, { mode, generatedAt: NOW.toISOString(), version: "test" }).sheets;
    // The live Scenarios sheet has the Scenario in use switch above the comparison (its
    // figures are the shareable build's, moved down): its own figures are the live build's.
    const scenarios = build("live").find((s) => s.key === "scenarios");
    shareable = build("shareable")
      .filter((s) => s.key !== "assumptions")
      .map((s) => (s.key === "scenarios" && scenarios ? scenarios : s));
  });

  it("writes the workbook itself with the calculated sheets added, marked live", async () => {
    const wb = await loadWorkbook(readFileSync(live()));
    const source = await loadWorkbook(readFileSync(DEMO));
    const names = wb.worksheets.map((w) => w.name);
    for (const ws of source.worksheets) expect(names).toContain(ws.name);
    // The demo's own Assumptions sheet is the one the formulas refer to: no copy is written.
    expect(liveOwnedSheets(wb).map((o) => o.sheet)).toEqual(
      expect.arrayContaining([
        "Establishment Cost",
        "Grant Costing",
        "Restructure",
        "Locality shares",
      ])
    );
    expect(names.filter((n) => n.startsWith("Assumptions"))).toEqual(["Assumptions"]);
    const cost = wb.getWorksheet("Establishment Cost") as ExcelJS.Worksheet;
    const formulas: string[] = [];
    cost.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.formula === "string") formulas.push(cell.formula);
      })
    );
    // The cost formulas read the settings from the Scenarios sheet's Assumptions in use
    // block, which reads the workbook's own Assumptions sheet through the switch.
    expect(formulas.filter((f) => f.includes("ESTAB.POSTCOST")).length).toBeGreaterThan(100);
    expect(formulas.some((f) => f.includes(",Scenarios!$A$"))).toBe(true);
    expect(formulas.some((f) => f.includes("Assumptions!"))).toBe(false);
  });

  it("evaluates in HyperFormula to exactly the shareable build's figures", async () => {
    const wb = await loadWorkbook(readFileSync(live()));
    registerEstab();
    const ours = new Set(ownedSheets(wb).map((o) => o.sheet));
    const sheets = Object.fromEntries(
      wb.worksheets.map((ws) => [ws.name, hfRows(ws, ours.has(ws.name))])
    );
    const hf = HyperFormula.buildFromSheets(sheets, { ...HF_CONFIG, useArrayArithmetic: true });
    for (const spec of shareable) {
      const id = hf.getSheetId(spec.name) as number;
      const want = figures(spec);
      const got = want.map(({ r, c }) => ({
        r,
        c,
        v: hf.getCellValue({ sheet: id, row: r, col: c }),
      }));
      expect({ sheet: spec.name, got }).toEqual({ sheet: spec.name, got: want });
    }
    hf.destroy();
  });

  it("share turns every ESTAB formula into the figure it shows, and marks the sheets shareable", async () => {
    const c = io();
    expect(await main(["share", live(), "-o", shared()], c.io)).toBe(0);
    expect(c.stdout()).toMatch(
      /5 sheets made shareable .* live formulas \(ESTAB calls and references to other sheets\) replaced by their values/
    );
    const wb = await loadWorkbook(readFileSync(shared()));
    expect(liveOwnedSheets(wb)).toEqual([]);
    expect(ownedSheets(wb).length).toBe(5);
    // The scenario switch's list goes with the formulas it switched.
    const scenarios = wb.getWorksheet("Scenarios") as ExcelJS.Worksheet & {
      dataValidations: { model: Record<string, unknown> };
    };
    expect(Object.values(scenarios.dataValidations.model).filter(Boolean)).toEqual([]);
    for (const spec of shareable) {
      const ws = wb.getWorksheet(spec.name) as ExcelJS.Worksheet;
      const got = figures(spec).map(({ r, c }) => {
        const cell = ws.getCell(r + 1, c + 1);
        // Nothing left that follows the inputs: no ESTAB call, no other sheet's cell.
        expect(followsInputs(cell.formula ?? "")).toBe(false);
        const v = typeof cell.formula === "string" ? cell.result : cell.value;
        // As ExcelJS reads them back: a date-formatted result as a Date, "" as nothing.
        return { r, c, v: v instanceof Date ? serialFromDate(v) : (v ?? "") };
      });
      expect({ sheet: spec.name, got }).toEqual({ sheet: spec.name, got: figures(spec) });
    }
  });
});
