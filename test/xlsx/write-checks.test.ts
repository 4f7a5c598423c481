import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { formula, num, text, type SheetSpec, type SpecCell } from "../../src/core/report";
import { loadWorkbook, newWorkbook, saveWorkbook, writeSheetSpecs } from "../../src/xlsx";
import { CELL_TEXT_MAX } from "../../src/core/grid";
import { TEXT_FORMAT, checkSpecs } from "../../src/xlsx/write";
import { streamSheetSpecs } from "../../src/xlsx/stream";
import { assumptionsSpec, grantSpec } from "./sample-specs";

/** The grant sample with one more row holding `cell` in column C (row 15). */
function withCell(cell: SpecCell): SheetSpec {
  const spec = grantSpec();
  return { ...spec, cells: [...spec.cells, [null, null, cell]] };
}

/** What the streaming writer sends into its stream, as one buffer. */
async function streamBytes(specs: SheetSpec[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await streamSheetSpecs(out, specs);
  return Buffer.concat(chunks);
}

/** Both writers' output for `specs`, loaded back. */
async function bothWriters(specs: SheetSpec[]): Promise<ExcelJS.Workbook[]> {
  const wb = newWorkbook();
  writeSheetSpecs(wb, specs);
  return [await loadWorkbook(await saveWorkbook(wb)), await loadWorkbook(await streamBytes(specs))];
}

describe("the writers refuse what a workbook cannot hold, before anything is written", () => {
  it.each([Infinity, -Infinity, NaN])(
    "a number cell of %p, naming sheet and cell",
    async (value) => {
      const spec = withCell(num(value, "money"));
      const message = `Cannot write Grant costing!C15: ${value} is not a number Excel can hold. Nothing was written.`;
      expect(() => checkSpecs([assumptionsSpec(), spec])).toThrow(message);

      const wb = newWorkbook();
      expect(() => writeSheetSpecs(wb, [assumptionsSpec(), spec])).toThrow(message);
      expect(wb.worksheets).toHaveLength(0);

      const out = new PassThrough();
      let wrote = 0;
      out.on("data", (c: Buffer) => (wrote += c.length));
      await expect(streamSheetSpecs(out, [assumptionsSpec(), spec])).rejects.toThrow(message);
      expect(wrote).toBe(0);
    }
  );

  it("a formula whose cached result is not finite", () => {
    expect(() => checkSpecs([withCell(formula("=C9/0", Infinity, "money"))])).toThrow(
      "Cannot write Grant costing!C15: Infinity is not a number Excel can hold."
    );
  });

  it("passes every finite number, and refuses every other (any double)", () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        const check = () => checkSpecs([withCell(num(value))]);
        if (Number.isFinite(value)) expect(check).not.toThrow();
        else expect(check).toThrow(/is not a number Excel can hold/);
      })
    );
  });

  it("writes any finite number as itself (both writers)", async () => {
    const values = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 40);
    values.push(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e308, -0.1);
    const spec = { ...assumptionsSpec(), cells: values.map((v) => [num(v)]), tables: [] };
    for (const wb of await bothWriters([spec])) {
      const ws = wb.getWorksheet("Assumptions used")!;
      // Excel keeps no negative zero: -0 comes back as 0.
      expect(values.map((_, r) => ws.getCell(r + 1, 1).value)).toEqual(
        values.map((v) => (Object.is(v, -0) ? 0 : v))
      );
    }
  });

  it("text over Excel's 32,767 characters, in a cell or a formula's result", () => {
    expect(() => checkSpecs([withCell(text("x".repeat(CELL_TEXT_MAX)))])).not.toThrow();
    expect(() => checkSpecs([withCell(text("x".repeat(CELL_TEXT_MAX + 1)))])).toThrow(
      "Cannot write Grant costing!C15: its text is 32,768 characters, over Excel's 32,767. Nothing was written."
    );
    expect(() => checkSpecs([withCell(formula('=REPT("x",40000)', "x".repeat(40_000)))])).toThrow(
      /Grant costing!C15: its text is 40,000 characters/
    );
  });
});

describe("column widths", () => {
  it("refuses a width that is not finite and caps one over Excel's 255", async () => {
    expect(() => checkSpecs([grantSpec({ columnWidths: [40, Infinity] })])).toThrow(
      "Cannot write Grant costing: the width of column B is Infinity. Nothing was written."
    );
    for (const wb of await bothWriters([grantSpec({ columnWidths: [1e6, 12] })])) {
      const ws = wb.getWorksheet("Grant costing")!;
      expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([255, 12]);
    }
  });
});

describe("text is written as text", () => {
  it("carries the text format '@' in both writers, as the add-in writes it", async () => {
    for (const wb of await bothWriters([grantSpec()])) {
      const ws = wb.getWorksheet("Grant costing")!;
      expect(ws.getCell("A5").numFmt).toBe(TEXT_FORMAT); // a post title starting with "="
      expect(ws.getCell("A4").numFmt).toBe(TEXT_FORMAT); // a header
      expect(ws.getCell("B5").numFmt).not.toBe(TEXT_FORMAT); // a figure
    }
  });

  it("keeps a leading tab, newline or space, and never makes text a formula", async () => {
    const typed = ["\t=1+1", "\n+44 20 7946 0000", "  -5", " @SUM(A1)", "=cmd|' /C calc'!A0"];
    const spec = { ...assumptionsSpec(), cells: typed.map((t) => [text(t)]), tables: [] };
    for (const wb of await bothWriters([spec])) {
      const ws = wb.getWorksheet("Assumptions used")!;
      typed.forEach((t, r) => {
        const cell = ws.getCell(r + 1, 1);
        expect(cell.value).toBe(t);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe(TEXT_FORMAT);
      });
    }
  });
});
