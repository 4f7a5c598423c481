import { createExcelWorkbook } from "../../src/excel";
import { FakeExcel } from "./fake/excel";
import { postsSpec } from "./specs";

/** A workbook with a user sheet, an owned sheet to replace, a clashing user sheet and a table. */
async function workbook(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  excel.addSheet("Establishment", [
    ["Post", "FTE"],
    ["Social Worker", 1],
  ]);
  excel.addTable("Establishment", "Posts", "A1:B2");
  await createExcelWorkbook(excel.run, {
    isSetSupported: excel.isSetSupported,
    runId: () => "old",
  }).writeSheets([postsSpec(3)]);
  excel.addSheet("Cost Summary", [["mine"]]);
  excel.state.activeSheetId = excel.sheet("Establishment").id;
  excel.resetCounters();
  return excel;
}

const specs = (): ReturnType<typeof postsSpec>[] => [
  postsSpec(40, { chart: true }),
  postsSpec(40, { key: "cost", name: "Cost Summary", table: "CostSummary" }),
];

async function syncsOfCleanWrite(maxRequestBytes?: number): Promise<number> {
  const excel = await workbook();
  await createExcelWorkbook(excel.run, {
    isSetSupported: excel.isSetSupported,
    maxRequestBytes,
  }).writeSheets(specs());
  return excel.syncs;
}

describe("all or nothing", () => {
  for (const [label, budget] of [
    ["one write sync", undefined],
    ["writes chunked over several syncs", 6_000],
  ] as const) {
    it(`leaves the workbook exactly as it was after a failure at any sync (${label})`, async () => {
      const total = await syncsOfCleanWrite(budget);
      expect(total).toBeGreaterThanOrEqual(5);
      if (budget !== undefined) expect(total).toBeGreaterThan(6);
      for (let n = 1; n <= total; n++) {
        const excel = await workbook();
        const before = excel.snapshot();
        excel.failAtSync = n;
        const book = createExcelWorkbook(excel.run, {
          isSetSupported: excel.isSetSupported,
          maxRequestBytes: budget,
        });
        await expect(book.writeSheets(specs())).rejects.toThrow(
          new RegExp(`injected failure at sync ${n}.*(The workbook is as it was|$)`)
        );
        expect(excel.snapshot()).toEqual(before);
        // The inspection syncs change nothing, so there is nothing to undo; after them, two to undo.
        expect(excel.syncs).toBe(n <= 2 ? n : n + 2);
      }
    });
  }

  it("puts the workbook back even when a failed batch ran partly, as real Excel's may", async () => {
    const total = await syncsOfCleanWrite();
    // Every sync but the last: that one deletes the replaced sheets, and a sheet Excel
    // has deleted cannot be brought back (see docs/excel-adapter.md).
    for (let n = 3; n < total; n++) {
      const probe = await workbook();
      probe.failAtSync = n;
      probe.failAfterOperations = 0;
      await createExcelWorkbook(probe.run, { isSetSupported: probe.isSetSupported })
        .writeSheets(specs())
        .catch(() => undefined);
      const operations = probe.requests[n - 1].operations;
      for (let k = 1; k < operations; k += Math.max(1, Math.floor(operations / 7))) {
        const excel = await workbook();
        const before = excel.snapshot();
        excel.failAtSync = n;
        excel.failAfterOperations = k;
        const book = createExcelWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
        await expect(book.writeSheets(specs())).rejects.toThrow(/The workbook is as it was/);
        expect(excel.snapshot()).toEqual(before);
      }
    }
  });

  it("says so when tidying up fails too", async () => {
    const excel = await workbook();
    const total = await syncsOfCleanWrite();
    excel.failAtSync = total; // the last step fails …
    const run = excel.run;
    let runs = 0;
    const failingCleanup: typeof run = (batch) =>
      ++runs === 2 ? Promise.reject(new Error("Excel went away")) : run(batch);
    const book = createExcelWorkbook(failingCleanup, { isSetSupported: excel.isSetSupported });
    await expect(book.writeSheets(specs())).rejects.toThrow(
      /Tidying up failed too \(Excel went away\).*EC tmp/
    );
  });
});
