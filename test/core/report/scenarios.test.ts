import type { CellValue } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { SheetSpec, SpecCell } from "../../../src/core/report";
import { asBase, book, request, settings } from "./scenario-fixture";

const valueOf = (cell: SpecCell | null | undefined) =>
  cell === null || cell === undefined ? undefined : cell.kind === "text" ? cell.text : cell.value;

/** The row whose first cell is `label`, after rows whose first cells are `after`, in turn. */
function rowOf(
  spec: SheetSpec,
  label: string,
  ...after: string[]
): Array<string | number | undefined> {
  let start = 0;
  for (const a of after) start = spec.cells.findIndex((r, i) => i >= start && valueOf(r[0]) === a);
  const r = spec.cells.findIndex((row, i) => i >= start && valueOf(row[0]) === label);
  if (r < 0) throw new Error(`no row ${label}`);
  return spec.cells[r].map(valueOf);
}

function sheetOf(values: CellValue[][], key: string): SheetSpec {
  const result = buildWorkbook(book(values), request);
  expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  const sheet = result.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no ${key} sheet`);
  return sheet;
}

const grantFigure = (values: CellValue[][], label: string) =>
  buildWorkbook(book(values), request)
    .summaries.find((s) => s.key === "grant")
    ?.figures.find((f) => f.label === label)?.value;

const LINES = "Cost lines by scenario (£)";

describe("the Scenarios sheet", () => {
  const sheet = sheetOf(settings, "scenarios");

  it("is written by a plain build when the Assumptions sheet has scenarios, and not otherwise", () => {
    const plain = buildWorkbook(book(asBase(1)), request);
    expect(plain.sheets.map((s) => s.key)).toEqual([
      "cost",
      "grant",
      "changes",
      "shares",
      "assumptions",
    ]);
    expect(buildWorkbook(book(settings), request).sheets.map((s) => s.key)).toEqual([
      "cost",
      "grant",
      "changes",
      "shares",
      "scenarios",
      "assumptions",
    ]);
  });

  it.each([
    ["Pay award 4%", 3],
    ["NI 2025 early", 4],
    ["Vacancies 5%", 5],
    ["Grant cut 10%", 6],
  ])(
    "gives %s the window total of a build whose Value column is that scenario's, to the penny",
    (name, c) => {
      const row = rowOf(sheet, name, "Total cost by financial year (£)");
      expect(row[4]).toBe(grantFigure(asBase(c), "Total commitment"));
      const headroom = rowOf(sheet, `${name}: headroom`);
      expect(headroom[4]).toBe(grantFigure(asBase(c), "Headroom"));
    }
  );

  it("gives each year's cost as the Grant Costing sheet of that build does", () => {
    const grant = sheetOf(asBase(3), "grant");
    const net = rowOf(grant, "Net cost after vacancy factor");
    const row = rowOf(sheet, "Pay award 4%", "Total cost by financial year (£)");
    expect(row.slice(1, 4)).toEqual(net.slice(-4, -1));
  });

  it("the differences to base are native formulas over the totals, in £ and %", () => {
    const base = rowOf(sheet, "Base", "Total cost by financial year (£)");
    const pay = rowOf(sheet, "Pay award 4%", "Total cost by financial year (£)");
    const diff = Math.round(((pay[4] as number) - (base[4] as number)) * 100) / 100;
    expect(pay[5]).toBe(diff);
    expect(pay[6]).toBe(diff / (base[4] as number));
    expect(diff).toBeGreaterThan(0);
    const r = sheet.cells.findIndex((x) => valueOf(x[0]) === "Pay award 4%");
    expect(sheet.cells[r][5]).toMatchObject({
      kind: "formula",
      formula: `=ROUND(E${r + 1}-E${r},2)`,
    });
    // The vacancy factor takes 5% off each year; the grant cut changes no cost.
    const vac = rowOf(sheet, "Vacancies 5%", "Total cost by financial year (£)");
    expect(vac[4]).toBe(Math.round((base[4] as number) * 95) / 100);
    expect(rowOf(sheet, "Grant cut 10%", "Total cost by financial year (£)")[5]).toBe(0);
    // From 2025/26 the statutory NI is 15% over £417 a month already: the scenario differs
    // from the base in 2024/25 alone.
    const ni = rowOf(sheet, "NI 2025 early", "Difference to base by financial year (£)");
    expect(ni[1]).toBeGreaterThan(0);
    expect(ni.slice(2, 5)).toEqual([0, 0, ni[1]]);
  });

  it("each scenario's cost lines add up to its total, salary unchanged by the NI scenario", () => {
    const baseSalary = rowOf(sheet, "Salary", LINES, "Base");
    const niSalary = rowOf(sheet, "Salary", LINES, "NI 2025 early");
    expect(niSalary.slice(1, 5)).toEqual(baseSalary.slice(1, 5));
    expect(niSalary[5]).toBe(0);
    const ni = rowOf(sheet, "Employer NI", LINES, "NI 2025 early");
    const baseNi = rowOf(sheet, "Employer NI", LINES, "Base");
    // 2024/25 was 13.8% over £9,100: the scenario's 15% over £5,000 costs more.
    expect(ni[1] as number).toBeGreaterThan(baseNi[1] as number);
    const total = rowOf(sheet, "Total cost", LINES, "NI 2025 early");
    expect(total[4]).toBe(rowOf(sheet, "NI 2025 early", "Total cost by financial year (£)")[4]);
  });

  it("shows the restructure and the locality shares only where a scenario changes them", () => {
    const restructure = sheet.cells.findIndex(
      (r) => valueOf(r[0]) === "Restructure: full-year effect (£)"
    );
    const names = sheet.cells
      .slice(restructure + 2, restructure + 8)
      .map((r) => valueOf(r[0]))
      .filter((v) => typeof v === "string");
    expect(names[0]).toBe("Base");
    // The restructure is costed in 2024/25, the first year, whose award is in the salaries
    // already: only the NI scenario changes it.
    expect(names.slice(0, 3)).toEqual([
      "Base",
      "NI 2025 early",
      "The same as the base in: Pay award 4%, Vacancies 5%, Grant cut 10%.",
    ]);
    const header = rowOf(sheet, "Locality");
    // The vacancy factor lowers the cost per FTE, so the cost of the shares differs; the grant cut does not.
    expect(header).toContain("Vacancies 5%: cost");
    expect(header).not.toContain("Grant cut 10%: FTE");
  });

  it("says what each scenario changes, with its cells", () => {
    expect(
      rowOf(
        sheet,
        "NI 2025 early: Employer NI rate 15% (Assumptions!E6); NI monthly threshold £417 (Assumptions!E7)"
      )
    ).toBeDefined();
  });
});
