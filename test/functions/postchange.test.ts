/**
 * ESTAB.POSTCHANGE: a post's full-year cost change in a restructure, in a real formula
 * engine (HyperFormula), against hand-worked figures, ESTAB.POSTCOST and the Restructure
 * sheet's Change (full year).
 */
import { DetailedCellError } from "hyperformula";
import { estabWorkbook } from "./hyperformula-estab";
import { buildWorkbook } from "../../src/core/workbook/build";
import { grid, oneTable } from "../core/workbook/incomplete-fixture";

// 2025/26 (NI 15% over £417 a month per person, pension 19%, levy 0.5%), by hand:
// £45,000 → £59,774.40; £40,000 → £53,049.40; £48,000 → £63,809.40; 3 × £36,000 → £143,008.20
// (3 people); 4 × £36,000 → £190,677.60 (4 people).
const CASES: Array<[string, number]> = [
  ['=ESTAB.POSTCHANGE(45000,1,48000,1,"2025/26",,,19%)', 4035],
  ['=ESTAB.POSTCHANGE(,0,48000,1,"2025/26",,,19%)', 63809.4],
  ['=ESTAB.POSTCHANGE(40000,1,,0,"2025/26",,,19%)', -53049.4],
  ['=ESTAB.POSTCHANGE(45000,1,,,"2025/26",,,19%)', 0],
  ['=ESTAB.POSTCHANGE(36000,3,,4,"2025/26",3,4,19%)', 47669.4],
  // Equal to the difference of the two POSTCOSTs it stands for.
  ['=ESTAB.POSTCOST(48000,1,"2025/26",,,,19%)-ESTAB.POSTCOST(45000,1,"2025/26",,,,19%)', 4035],
];

describe("ESTAB.POSTCHANGE in a HyperFormula workbook", () => {
  const hf = estabWorkbook({
    Checks: [...CASES.map(([f]) => [f]), ['=ESTAB.POSTCHANGE(,1,48000,1,"2025/26")']],
  });
  afterAll(() => hf.destroy());

  it.each(CASES.map(([f, v], i) => [f, v, i] as const))("%s is %d", (_f, value, i) => {
    expect(hf.getCellValue({ sheet: 0, row: i, col: 0 })).toBeCloseTo(value, 9);
  });

  it("asks for the salary of a side with FTE", () => {
    const v = hf.getCellValue({ sheet: 0, row: CASES.length, col: 0 });
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).value).toBe("#VALUE!");
    expect((v as DetailedCellError).message).toBe(
      "salaryNow is blank: give the salary of the post with FTE 1"
    );
  });
});

it("gives the Restructure sheet's Change (full year) for a post", () => {
  // The Lead regraded with a proposed salary of £48,000 (the sheet's default pension is 19%).
  const values = oneTable.values.map((r, i) =>
    i === 3 ? r.map((v, j) => (j === 7 ? 48000 : v)) : r
  );
  const built = buildWorkbook(
    {
      grids: [
        grid("Establishment", values),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["First financial year", "2025/26"],
        ]),
      ],
    },
    { mode: "shareable", generatedAt: "2026-12-04", version: "0.1.0", only: ["changes"] }
  );
  const sheet = built.sheets.find((s) => s.key === "changes")!;
  const header = sheet.cells.findIndex((r) =>
    r.some((c) => c?.kind === "text" && c.text === "Change (full year)")
  );
  const col = sheet.cells[header].findIndex(
    (c) => c?.kind === "text" && c.text === "Change (full year)"
  );
  const lead = sheet.cells.find((r) => r[0]?.kind === "text" && r[0].text === "Lead")!;
  const cell = lead[col]!;
  const change = cell.kind === "text" ? NaN : Number(cell.value);
  expect(change).toBe(4035);

  const hf = estabWorkbook({ Checks: [['=ESTAB.POSTCHANGE(45000,1,48000,1,"2025/26",,,19%)']] });
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(change);
  hf.destroy();
});
