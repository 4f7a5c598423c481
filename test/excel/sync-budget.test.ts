import { createExcelWorkbook, MAX_REQUEST_BYTES } from "../../src/excel";
import { FakeExcel } from "./fake/excel";
import { postsSpec } from "./specs";

/** Writes a grant sheet and (unless `one`) a cost sheet of `rows` posts each. */
async function write(rows: number, one = false): Promise<FakeExcel> {
  const excel = new FakeExcel();
  const book = createExcelWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
  const cost = postsSpec(rows, { key: "cost", name: "Cost", table: "Cost" });
  await book.writeSheets(one ? [cost] : [postsSpec(rows, { chart: true }), cost]);
  return excel;
}

const total = (excel: FakeExcel): number => excel.requests.reduce((s, r) => s + r.bytes, 0);

describe("sync budget", () => {
  it.each([
    [10, 5],
    [1_000, 5],
  ])("writes two sheets of %i rows in %i syncs", async (rows, syncs) => {
    const excel = await write(rows);
    expect(excel.syncs).toBe(syncs);
    expect(excel.largestRequest).toBeLessThan(MAX_REQUEST_BYTES);
  });

  it("writes 100,000 rows in 4 fixed syncs plus one per 4 MB, no request over 4 MB", async () => {
    const excel = await write(100_000, true);
    const bytes = total(excel);
    console.log(
      `100,000 rows: ${excel.syncs} syncs, ${bytes} bytes, largest ${excel.largestRequest}`
    );
    expect(excel.syncs).toBe(11);
    // 2 to look, 1 to swap, 1 to delete; the cell writes are as few as the bytes allow.
    expect(excel.syncs - 4).toBe(Math.ceil(bytes / MAX_REQUEST_BYTES));
    expect(excel.largestRequest).toBeLessThan(MAX_REQUEST_BYTES);
    expect(excel.values("Cost", "A100004:B100005")).toEqual([
      ["P100000", "Family Support Worker 100000"],
      ["TOTAL", ""],
    ]);
    expect(excel.cell("Cost", "G100004")?.formula).toBe("=E100004+F100004");
    expect(excel.cell("Cost", "D100005")?.formula).toBe("=SUM(D5:D100004)");
  }, 120_000);

  it("reads a small workbook in 3 syncs (names, addresses, values)", async () => {
    const excel = await write(1_000);
    excel.resetCounters();
    const grids = await createExcelWorkbook(excel.run, {
      isSetSupported: excel.isSetSupported,
    }).read();
    expect(excel.syncs).toBe(3);
    expect(excel.largestResponse).toBeLessThan(MAX_REQUEST_BYTES);
    expect(grids.grids).toHaveLength(4); // Sheet1 is empty: no grid
  });
});
