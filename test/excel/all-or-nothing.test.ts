/**
 * Every write path is all or nothing (src/excel/atomic.ts): a failure at any sync, or a
 * batch Excel ran only partly, leaves the workbook exactly as it was: values, formulas,
 * number formats, looks, names and custom properties (the fake's full snapshot).
 */
import type { CellValue } from "../../src/core/grid";
import { createExcelWorkbook, MARKER_KEY } from "../../src/excel";
import type { ExcelWorkbook } from "../../src/excel";
import { markerValue } from "../../src/excel/marker";
import { FakeExcel } from "./fake/excel";
import type { FakeExcelOptions } from "./fake/excel";
import { postsSpec } from "./specs";

type Act = (book: ExcelWorkbook) => Promise<unknown>;

interface Case {
  name: string;
  setup: () => FakeExcel;
  act: Act;
  /** Request budget: small ones spread a write over several syncs. */
  maxRequestBytes?: number;
}

const book = (excel: FakeExcel, maxRequestBytes?: number): ExcelWorkbook =>
  createExcelWorkbook(excel.run, {
    isSetSupported: excel.isSetSupported,
    runId: () => "r1",
    maxRequestBytes,
  });

/** Syncs and operations per sync of the act on a fresh workbook. */
async function probe(c: Case): Promise<number[]> {
  const excel = c.setup();
  await c.act(book(excel, c.maxRequestBytes));
  return excel.requests.map((r) => r.operations);
}

async function expectUntouched(c: Case, n: number, after?: number): Promise<void> {
  const excel = c.setup();
  const before = excel.snapshot();
  excel.failAtSync = n;
  excel.failAfterOperations = after;
  await expect(c.act(book(excel, c.maxRequestBytes))).rejects.toThrow(
    `injected failure at sync ${n}`
  );
  expect(excel.snapshot()).toEqual(before);
}

const calculate = (f: string): CellValue =>
  f.includes("GRADENAME") ? "SS08" : f.includes("ESTAB.") ? 25862 : f.startsWith("=SUM") ? 7 : 3;

/** An Assumptions sheet as the CLI leaves it (name mark only), with a formula and formats. */
function assumptions(options: FakeExcelOptions = {}): FakeExcel {
  const excel = new FakeExcel({ calculate, ...options });
  excel.addSheet("Establishment", [["Post", "FTE"]]);
  excel.addSheet("Assumptions", [
    ["Assumptions used by Establishment Costing"],
    ["Setting", "Value", "Notes"],
    ["Pay award", 0.02, "00123", "00456"],
    ["Pension rate", "=B3*2", ""],
  ]);
  excel.sheet("Assumptions").cells.get(2 * 16384 + 2)!.numberFormat = "@";
  excel.sheet("Assumptions").cells.get(2 * 16384 + 1)!.numberFormat = "0.0%";
  excel.addName("ESTAB_OWNED_ASSUMPTIONS", "='Assumptions'!$A$1");
  excel.resetCounters();
  return excel;
}

const edits: Act = (b) =>
  b.updateOwnedCells("Assumptions", [
    { address: "B3", value: 0.05 },
    { address: "C3", value: "=from the pane" },
    { address: "B4", value: 0.2 },
    { address: "C4", value: "a note" },
    { address: "D9", value: 12 },
    // Text in a General cell (as an import leaves it), which Excel would retype as 456.
    { address: "D3", value: 7 },
  ]);

/** A live sheet the add-in wrote: ESTAB formulas (number and text results), a SUM, text. */
function liveSheet(rows: number, marked = true): FakeExcel {
  const excel = new FakeExcel({ calculate });
  const values: CellValue[][] = [["Post", "Grade", "Cost", "Total"]];
  for (let i = 1; i <= rows; i++) {
    values.push([
      `Family Support Worker ${i}`,
      `=ESTAB.GRADENAME(Establishment!C${i + 1})`,
      `=ESTAB.POSTCOST(Establishment!C${i + 1})`,
      `=SUM(C${i + 1}:C${i + 1})`,
    ]);
  }
  excel.addSheet("Grant Costing", values);
  excel.sheet("Grant Costing").cells.get(1 * 16384 + 2)!.numberFormat = "£#,##0";
  if (marked) {
    excel
      .sheet("Grant Costing")
      .properties.set(
        MARKER_KEY,
        markerValue({ key: "grant", name: "Grant Costing", mode: "live" })
      );
  } else {
    excel.addName("ESTAB_OWNED_GRANT", "='Grant Costing'!$A$1");
  }
  excel.resetCounters();
  return excel;
}

const cases: Case[] = [
  { name: "updateOwnedCells on a CLI Assumptions sheet", setup: () => assumptions(), act: edits },
  {
    name: "makeShareable, one write sync",
    setup: () => liveSheet(20),
    act: (b) => b.makeShareable("Grant Costing"),
  },
  {
    name: "makeShareable, writes over several syncs",
    setup: () => liveSheet(60),
    act: (b) => b.makeShareable("Grant Costing"),
    maxRequestBytes: 3_000,
  },
  {
    name: "makeShareable on a sheet with no custom property yet",
    setup: () => liveSheet(20, false),
    act: (b) => b.makeShareable("Grant Costing"),
  },
  {
    name: "writeSheets",
    setup: () => {
      const excel = new FakeExcel({ calculate });
      excel.addSheet("Establishment", [["Post"], ["Social Worker"]]);
      excel.resetCounters();
      return excel;
    },
    act: (b) => b.writeSheets([postsSpec(30)]),
  },
];

describe.each(cases)("all or nothing: $name", (c) => {
  it("leaves the workbook exactly as it was after a failure at any sync", async () => {
    const syncs = (await probe(c)).length;
    expect(syncs).toBeGreaterThanOrEqual(3);
    if (c.maxRequestBytes !== undefined) expect(syncs).toBeGreaterThan(5);
    for (let n = 1; n <= syncs; n++) await expectUntouched(c, n);
  });

  it("and after a batch Excel ran only partly", async () => {
    const operations = await probe(c);
    // The last sync of writeSheets deletes the sheets it replaced, which nothing can
    // bring back (docs/excel-adapter.md); here it replaces none, so every sync is tried.
    for (let n = 1; n <= operations.length; n++) {
      const count = operations[n - 1];
      for (let k = 0; k < count; k += Math.max(1, Math.floor(count / 6))) {
        await expectUntouched(c, n, k);
      }
    }
  });
});

describe("the restores themselves", () => {
  it("updateOwnedCells: the edit lands, text as text, in 3 syncs", async () => {
    const excel = assumptions();
    await edits(book(excel));
    expect(excel.syncs).toBe(3);
    expect(excel.values("Assumptions", "B3:C4")).toEqual([
      [0.05, "=from the pane"],
      [0.2, "a note"],
    ]);
    expect(excel.cell("Assumptions", "C3")?.formula).toBeUndefined();
    expect(excel.cell("Assumptions", "B4")?.formula).toBeUndefined();
  });

  it("a failed edit is put back: the formula, text as text, the format, the empty cell", async () => {
    const excel = assumptions();
    excel.failAtSync = 3;
    excel.failAfterOperations = 6; // three of the six cells written
    await expect(edits(book(excel))).rejects.toThrow(
      /^GeneralException: injected failure at sync 3\. The workbook is as it was\.$/
    );
    expect(excel.cell("Assumptions", "B4")).toEqual({
      value: 3,
      formula: "=B3*2",
      numberFormat: "General",
    });
    expect(excel.cell("Assumptions", "C3")).toEqual({ value: "00123", numberFormat: "@" });
    expect(excel.cell("Assumptions", "B3")).toEqual({ value: 0.02, numberFormat: "0.0%" });
    expect(excel.cell("Assumptions", "D9")).toBeUndefined();
    expect(excel.cell("Assumptions", "D3")).toEqual({ value: "00456", numberFormat: "General" });
  });

  it("writes back only the cells the failed batch reached", async () => {
    // Nothing applied: the restore reads the cells, finds them as they were, writes nothing
    // (so it never touches a cell it cannot write, such as a locked one).
    const untouched = assumptions();
    untouched.failAtSync = 3;
    untouched.failAfterOperations = 0;
    await expect(edits(book(untouched))).rejects.toThrow(/The workbook is as it was/);
    expect(untouched.syncs).toBe(4);
    // One of the six cells reached (B3, its value): one write, of that cell alone.
    const partly = assumptions();
    partly.failAtSync = 3;
    partly.failAfterOperations = 1;
    await expect(edits(book(partly))).rejects.toThrow(/The workbook is as it was/);
    expect(partly.syncs).toBe(5);
    expect(partly.requests[4].operations).toBe(3); // text-first format, values, format: B3 only
    expect(partly.cell("Assumptions", "B3")).toEqual({ value: 0.02, numberFormat: "0.0%" });
  });

  it("refuses an edit Excel could not hold before any sync", async () => {
    const excel = assumptions();
    const b = book(excel);
    await expect(
      b.updateOwnedCells("Assumptions", [{ address: "C3", value: "x".repeat(32_768) }])
    ).rejects.toThrow("C3: 32768 characters, more than the 32767 Excel holds in a cell");
    await expect(
      b.updateOwnedCells("Assumptions", [{ address: "B3", value: Infinity }])
    ).rejects.toThrow("B3: Infinity is not a number Excel can hold");
    expect(excel.syncs).toBe(0);
  });

  it("a refusal before anything is written is thrown as it is, with nothing to put back", async () => {
    const excel = assumptions();
    await expect(book(excel).makeShareable("Establishment")).rejects.toThrow(
      /^Establishment Costing will not change Establishment/
    );
    expect(excel.syncs).toBe(2);
  });

  it("says so, and what to check, when putting back fails too", async () => {
    const excel = assumptions();
    excel.failAtSync = 3;
    let runs = 0;
    const failingRestore: typeof excel.run = (batch) =>
      ++runs === 2 ? Promise.reject(new Error("Excel went away")) : excel.run(batch);
    const b = createExcelWorkbook(failingRestore, { isSetSupported: excel.isSetSupported });
    await expect(edits(b)).rejects.toThrow(
      "Tidying up failed too (Excel went away): check B3, C3, B4, C4, D9, D3 on Assumptions."
    );
    const live = liveSheet(3);
    live.failAtSync = 4;
    runs = 0;
    const failing: typeof live.run = (batch) =>
      ++runs === 2 ? Promise.reject(new Error("Excel went away")) : live.run(batch);
    await expect(
      createExcelWorkbook(failing, { isSetSupported: live.isSetSupported }).makeShareable(
        "Grant Costing"
      )
    ).rejects.toThrow(/some ESTAB formulas on 'Grant Costing' may already be values/);
  });
});
