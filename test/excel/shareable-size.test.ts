import type { CellValue } from "../../src/core/grid";
import { createExcelWorkbook, MARKER_KEY, MAX_REQUEST_BYTES, parseMarker } from "../../src/excel";
import { makeShareable } from "../../src/excel/shareable";
import { markerValue } from "../../src/excel/marker";
import { FakeExcel, WEB_RESPONSE_LIMIT } from "./fake/excel";

/** What the fake's Excel calculates: a number for a post's cost, text for a grade. */
function calculate(formula: string): CellValue {
  const n = Number(/(\d+)\)$/.exec(formula)?.[1] ?? 0);
  if (formula.includes("ESTAB.POSTCOST")) return 20862 + (n % 97) + 0.37;
  if (formula.includes("ESTAB.GRADENAME")) return `SS${String(5 + (n % 7)).padStart(2, "0")}`;
  if (formula.startsWith("=SUM")) return 1;
  return 0;
}

/**
 * A live sheet as the add-in leaves it: a header, then `rows` posts mixing text, numbers,
 * ESTAB formulas (a number and a text result) and a native SUM.
 */
function liveRows(rows: number): CellValue[][] {
  const out: CellValue[][] = [["Post ID", "Post", "Grade", "FTE", "Cost", "Total", "Notes"]];
  for (let i = 1; i <= rows; i++) {
    const r = i + 1;
    out.push([
      `P${String(i).padStart(6, "0")}`,
      `Family Support Worker ${i}`,
      `=ESTAB.GRADENAME(Establishment!C${r})`,
      i % 4 === 0 ? 0.5 : 1,
      `=ESTAB.POSTCOST(Establishment!C${r})`,
      `=SUM(D${r}:E${r})`,
      i % 13 === 0 ? `Covering maternity leave until ${i % 28}/09/2026` : "",
    ]);
  }
  return out;
}

/** An owned live sheet, marked by its custom property as the add-in marks it. */
function liveSheet(excel: FakeExcel, rows: CellValue[][]): void {
  excel.addSheet("Grant Costing", rows);
  excel
    .sheet("Grant Costing")
    .properties.set(MARKER_KEY, markerValue({ key: "grant", name: "Grant Costing", mode: "live" }));
  excel.resetCounters();
}

describe("make shareable on a large live sheet", () => {
  it("converts 50,000 rows with no response over the budget", async () => {
    const excel = new FakeExcel({ calculate });
    const rows = liveRows(50_000);
    liveSheet(excel, rows);

    const outcome = await createExcelWorkbook(excel.run, {
      isSetSupported: excel.isSetSupported,
    }).makeShareable("Grant Costing");
    expect(outcome).toEqual({ sheet: "Grant Costing", converted: 100_000 });

    // Nothing refused, and every response under the 4 MB budget.
    expect(excel.largestResponse).toBeLessThan(MAX_REQUEST_BYTES);
    expect(excel.largestRequest).toBeLessThan(MAX_REQUEST_BYTES);
    // Read in several blocks: in one sync the response would pass Excel's 5 MB.
    const readBytes = excel.requests.reduce((s, r) => s + r.responseBytes, 0);
    expect(readBytes).toBeGreaterThan(WEB_RESPONSE_LIMIT);
    const readSyncs = excel.requests.filter((r) => r.responseBytes > 100_000).length;
    expect(readSyncs).toBeGreaterThan(1);
    console.log(
      `make shareable, 50,000 rows: ${excel.syncs} syncs (${readSyncs} reading), ` +
        `${readBytes} response bytes, largest ${excel.largestResponse}; ` +
        `largest request ${excel.largestRequest}`
    );
    // ~290 bytes a row of formulas, values and number formats (read so that a failed
    // write can put them back): 2,976 rows first (7 × 192 bytes a row guessed), then
    // ~11,000 a sync (measured × 1.25). One more read sync than the bytes need, as for
    // read(): the first block is sized by the guess.
    expect(readSyncs).toBe(Math.ceil((readBytes * 1.25) / MAX_REQUEST_BYTES) + 1);
    expect(readSyncs).toBe(6);
    // 2 ownership (the used range's address with the second) + 6 read + 6 write (100,000
    // cells in 50,000 one-row writes, chunked by request size as before).
    expect(excel.syncs).toBe(14);

    for (let i = 0; i < rows.length; i++) {
      const r = i + 1;
      const [id, post, grade, fte, cost, total] = rows[i];
      if (i === 0) {
        expect(excel.values("Grant Costing", `A1:G1`)).toEqual([rows[0]]);
        continue;
      }
      // ESTAB formulas: now the values the fake calculated, with no formula left.
      const g = excel.cell("Grant Costing", `C${r}`);
      expect(g?.formula).toBeUndefined();
      expect(g).toMatchObject({ value: calculate(String(grade)), numberFormat: "@" });
      const c = excel.cell("Grant Costing", `E${r}`);
      expect(c?.formula).toBeUndefined();
      expect(c?.value).toBe(calculate(String(cost)));
      // Native formulas untouched; text stays text; numbers stay numbers.
      expect(excel.cell("Grant Costing", `F${r}`)?.formula).toBe(total);
      expect(excel.cell("Grant Costing", `A${r}`)).toMatchObject({
        value: id,
        numberFormat: "General",
      });
      expect(excel.cell("Grant Costing", `B${r}`)?.value).toBe(post);
      expect(excel.cell("Grant Costing", `D${r}`)?.value).toBe(fte);
    }
    expect(excel.cell("Grant Costing", "G14")?.value).toBe(rows[13][6]);
    expect(parseMarker(excel.sheet("Grant Costing").properties.get(MARKER_KEY))?.mode).toBe(
      "shareable"
    );
  }, 120_000);

  it("reads long text that the guess underestimates: a refused sync is retried in halves", async () => {
    const excel = new FakeExcel({ calculate });
    const long = (i: number): string => `${i} ${"Covering a long secondment. ".repeat(30)}`;
    const rows: CellValue[][] = Array.from({ length: 8_000 }, (_, i) => [
      long(i),
      long(i + 1),
      `=ESTAB.POSTCOST(Establishment!C${i + 1})`,
    ]);
    liveSheet(excel, rows);

    const outcome = await makeShareable(excel.run, "Grant Costing", MAX_REQUEST_BYTES);
    expect(outcome.converted).toBe(8_000);
    // 192 bytes a cell guessed (formulas, values, formats), so the first block is the whole
    // sheet (~27 MB): refused, then halved until a block fits; blocks sized from it after.
    const refused = excel.requests.filter((r) => r.responseBytes > WEB_RESPONSE_LIMIT);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    // The refusals are the first read syncs, one after another (after 2 ownership).
    expect(refused.map((r) => r.sync)).toEqual(refused.map((_, i) => 3 + i));
    const read = excel.requests.filter((r) => r.responseBytes <= WEB_RESPONSE_LIMIT);
    expect(Math.max(...read.map((r) => r.responseBytes))).toBeLessThan(MAX_REQUEST_BYTES);
    for (let i = 0; i < rows.length; i += 997) {
      const r = i + 1;
      expect(excel.cell("Grant Costing", `C${r}`)?.formula).toBeUndefined();
      expect(excel.cell("Grant Costing", `C${r}`)?.value).toBe(calculate(String(rows[i][2])));
      expect(excel.cell("Grant Costing", `A${r}`)?.value).toBe(rows[i][0]);
    }
  });

  it("says which row is too large when a single row is over the limit", async () => {
    const excel = new FakeExcel({ calculate });
    liveSheet(excel, [["=ESTAB.POSTCOST(Establishment!C5)"], ["x".repeat(WEB_RESPONSE_LIMIT)]]);
    await expect(makeShareable(excel.run, "Grant Costing", MAX_REQUEST_BYTES)).rejects.toThrow(
      "row 2 of 'Grant Costing' alone is over Excel's response limit"
    );
    // Nothing was written: the ESTAB formula is still there.
    expect(excel.cell("Grant Costing", "A1")?.formula).toBe("=ESTAB.POSTCOST(Establishment!C5)");
  });

  it("converts nothing and still marks an empty owned sheet, with no read sync", async () => {
    const excel = new FakeExcel();
    liveSheet(excel, []);
    const outcome = await makeShareable(excel.run, "Grant Costing", MAX_REQUEST_BYTES);
    expect(outcome).toEqual({ sheet: "Grant Costing", converted: 0 });
    // 2 ownership (the used range's address with the second) + 1 write (the mark).
    expect(excel.syncs).toBe(3);
    expect(parseMarker(excel.sheet("Grant Costing").properties.get(MARKER_KEY))?.mode).toBe(
      "shareable"
    );
  });
});
