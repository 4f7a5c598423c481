/**
 * Values typed with words (tryout 2): "1.0 FTE", "50%", "£35,000 FTE", "32 076" and a
 * grade range in one Salary cell. The live sheets, evaluated in HyperFormula with the
 * source text kept as text, show exactly what the shareable build shows.
 */
import { HyperFormula } from "hyperformula";
import { compare, hfSheet, sheetGrid, type Raw } from "./live-harness";
import type { CellValue } from "../../../src/core/grid";
import type { SheetSpec } from "../../../src/core/report";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

const STAFF: CellValue[][] = [
  ["Post Title", "Grade", "FTE", "No of staff", "Salary"],
  ["Worker A", "SO1", "1.0 FTE", 1, 30000],
  ["Worker B", "SO1", "50%", 1, "£35,000 FTE"],
  ["Worker C", "SO1", 1, 1, "32 076"],
  ["Worker D", "SO1", 1, 1, "£32,076 - £35,745"],
  ["Worker E", "SO1", 0.5, 1, "32k-35k"],
];

const grids = (): WorkbookGrids => ({
  grids: [
    sheetGrid("Staff", STAFF),
    sheetGrid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "FY25/26"],
      ["Years", 3],
      ["Costing point", "mid"],
      ["Employer pension rate", "19%"],
      ["Grant amount", 500000],
    ]),
  ],
});

const request = (mode: "live" | "shareable"): BuildRequest => ({
  mode,
  only: ["cost", "grant"],
  generatedAt: "2026-01-01",
  version: "test",
});

function build(mode: "live" | "shareable"): SheetSpec[] {
  const built = buildWorkbook(grids(), request(mode));
  expect(built.ok).toBe(true);
  return built.sheets;
}

it("says why a grade range typed in one Salary cell stays a value in a live sheet", () => {
  const built = buildWorkbook(grids(), request("live"));
  const said = built.summaries.flatMap((s) => s.warnings).join(" ");
  expect(said).toContain(
    "its grade's minimum and maximum are typed in one cell, as text no formula can read"
  );
  expect(said).not.toContain("no salary cell, and no grade minimum and maximum cells");
});

const hfSource = (values: CellValue[][]): Raw[][] =>
  values.map((row) => row.map((v) => (v === "" ? null : typeof v === "string" ? `'${v}` : v)));

describe("values typed with words, live", () => {
  const live = build("live");
  const shareable = build("shareable");
  registerEstab();
  const hf = HyperFormula.buildFromSheets(
    {
      ...Object.fromEntries(grids().grids.map((x) => [x.sheet, hfSource(x.values)])),
      ...Object.fromEntries(live.map((s) => [s.name, hfSheet(s, "live")])),
    },
    { ...HF_CONFIG, useArrayArithmetic: true }
  );

  it.each([0, 1])("sheet %i: every cell is the shareable build's figure", (i) => {
    const { got, want } = compare(hf, live[i].name, shareable[i]);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it("costs each post from the value read (the cost sheet's FTE, and salary for the FTE)", () => {
    const headers = shareable[0].cells.find((row) =>
      row.some((c) => c?.kind === "text" && c.text === "FTE")
    );
    const texts = (headers ?? []).map((c) => (c?.kind === "text" ? c.text : ""));
    const rows = shareable[0].cells.filter(
      (row) => row[0]?.kind === "text" && /^Worker/.test(row[0].text)
    );
    const figure = (row: (typeof rows)[number], header: string) => {
      const c = row[texts.indexOf(header)];
      return c && c.kind !== "text" ? c.value : undefined;
    };
    expect(rows.map((row) => [figure(row, "FTE"), figure(row, "Salary")])).toEqual([
      [1, 30000],
      [0.5, 17500], // £35,000 FTE × 0.5
      [1, 32076],
      [1, 33910.5], // the mid-point of £32,076 and £35,745
      [0.5, 16750], // the mid-point of £32,000 and £35,000, × 0.5
    ]);
  });
});
