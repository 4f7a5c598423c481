import ExcelJS from "exceljs";
import JSZip from "jszip";
import { childrensServicesWorkbook } from "../../src/cli/demo-workbook";
import {
  checkWorkbookBytes,
  loadWorkbook,
  READ_LIMITS,
  saveWorkbook,
  WorkbookRefused,
  type ReadLimits,
} from "../../src/xlsx";

const limits = (over: Partial<ReadLimits>): ReadLimits => ({ ...READ_LIMITS, ...over });

async function smallWorkbook(cells = 10): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  for (let i = 1; i <= cells; i++) ws.getCell(i, 1).value = i;
  return saveWorkbook(wb);
}

/** The workbook with its first sheet's XML changed by `edit`. */
async function withSheetXml(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", edit(xml));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as Error
  );

describe("checkWorkbookBytes: refused before ExcelJS is given the file", () => {
  it("passes the demo workbook and a small one under the default limits", async () => {
    await expect(
      checkWorkbookBytes(await saveWorkbook(childrensServicesWorkbook()))
    ).resolves.toBeUndefined();
    await expect(checkWorkbookBytes(await smallWorkbook())).resolves.toBeUndefined();
  });

  it("refuses a file that is not a zip, in a plain sentence", async () => {
    const err = await refusal(
      checkWorkbookBytes(new TextEncoder().encode("Post,FTE\nSocial Worker,1\n"), "'posts.xlsx'")
    );
    expect(err).toBeInstanceOf(WorkbookRefused);
    expect(err?.message).toBe(
      "'posts.xlsx' is a text file (a CSV or similar), not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx)."
    );
  });

  it("names what a file that is not a workbook is: password-protected, an old .xls, a web page", async () => {
    const ole = (...streamNames: string[]) => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      let at = 1024; // the directory: each entry's name in UTF-16
      for (const n of streamNames)
        for (const ch of n) {
          bytes[at] = ch.charCodeAt(0);
          at += 2;
        }
      return bytes;
    };
    const said = async (data: Uint8Array) =>
      (await refusal(checkWorkbookBytes(data, "'staff.xlsx'")))?.message;
    expect(await said(ole("EncryptionInfo", "EncryptedPackage"))).toBe(
      "'staff.xlsx' is a password-protected workbook, which cannot be read. In Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it), save, and try again."
    );
    expect(await said(ole("Workbook", "SummaryInformation"))).toBe(
      "'staff.xlsx' is an old Excel 97-2003 workbook (.xls) or another older Office file. Open it in Excel and save it as an Excel Workbook (.xlsx)."
    );
    expect(await said(new TextEncoder().encode("<html><body><table><tr><td>Post</td>"))).toBe(
      "'staff.xlsx' is a web page or XML export saved with a workbook's name, not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx)."
    );
    // Neither zip, OLE nor text: the general sentence.
    expect(await said(new Uint8Array([0, 1, 2, 3, 0, 255]))).toBe(
      "'staff.xlsx' is not an Excel workbook (.xlsx). Old .xls files and password-protected workbooks: open it in Excel and save it as .xlsx without a password."
    );
  });

  it("refuses a zip with no workbook inside", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    zip.file("xl/worksheets/sheet1.xml", "<worksheet/>");
    const err = await refusal(
      checkWorkbookBytes(await zip.generateAsync({ type: "uint8array" }), "'a.xlsx'")
    );
    expect(err?.message).toBe(
      "'a.xlsx' is a zip file with no Excel workbook inside (no xl/workbook.xml). Open it in Excel and save it as .xlsx."
    );
    await expect(loadWorkbook(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(
      WorkbookRefused
    );
  });

  it("refuses a file over the size limit, and one with too many parts", async () => {
    const bytes = await smallWorkbook();
    await expect(
      checkWorkbookBytes(bytes, "'big.xlsx'", limits({ fileBytes: bytes.byteLength - 1 }))
    ).rejects.toThrow(/^'big.xlsx' is \d+ MB; workbooks over \d+ MB are not read\.$/);
    const parts = Object.keys((await JSZip.loadAsync(bytes)).files).length;
    await expect(checkWorkbookBytes(bytes, "x", limits({ parts: 3 }))).rejects.toThrow(
      /holds \d+ parts; a workbook has a few dozen/
    );
    expect(parts).toBeGreaterThan(3);
  });

  it("stops inflating a zip bomb at the limit, whatever sizes the zip declares", async () => {
    // 20 MB of zeros deflates to about 20 kB; then the zip is made to declare 1 byte.
    const zip = await JSZip.loadAsync(await smallWorkbook());
    zip.file("xl/media/image1.png", new Uint8Array(20 * 1024 * 1024));
    const honest = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(honest.byteLength).toBeLessThan(200_000);
    const lying = declareSize(honest, "xl/media/image1.png", 1);
    for (const bytes of [honest, lying]) {
      const err = await refusal(
        checkWorkbookBytes(bytes, "'bomb.xlsx'", limits({ unpackedBytes: 10 * 1024 * 1024 }))
      );
      expect(err?.message).toMatch(
        /^'bomb.xlsx' unpacks to more than 10 MB; workbooks that big are not read/
      );
    }
    // The lie is the zip's only: declared, the part is one byte.
    const declared = (await JSZip.loadAsync(lying)).file("xl/media/image1.png") as unknown as {
      _data: { uncompressedSize: number };
    };
    expect(declared._data.uncompressedSize).toBe(1);
  });

  it("counts cells and rows with an XML parser, and every cell of a merged area", async () => {
    const bytes = await smallWorkbook(10); // 10 rows of one cell
    await expect(checkWorkbookBytes(bytes, "x", limits({ cells: 20 }))).resolves.toBeUndefined();
    await expect(checkWorkbookBytes(bytes, "'c.xlsx'", limits({ cells: 19 }))).rejects.toThrow(
      "'c.xlsx' has more than 19 cells (counting every cell of a merged area, every row and column); workbooks that big are not read."
    );
    // One merge over the whole sheet: ExcelJS would make a cell object for each of its 17 billion cells.
    const merged = await withSheetXml(bytes, (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="XFD1048576:A1"/></mergeCells>'
      )
    );
    await expect(checkWorkbookBytes(merged, "'m.xlsx'")).rejects.toThrow(
      /more than 3,000,000 cells/
    );
  });

  it("counts the columns a <col> element makes, however many it claims", async () => {
    const columns = async (max: number) =>
      withSheetXml(await smallWorkbook(), (xml) =>
        xml.replace("<sheetData>", `<cols><col min="1" max="${max}" width="9"/></cols><sheetData>`)
      );
    // Styling every column, as real workbooks do, is read.
    await expect(checkWorkbookBytes(await columns(16_384))).resolves.toBeUndefined();
    await expect(checkWorkbookBytes(await columns(1_000_000_000))).rejects.toThrow(
      /more than 3,000,000 cells/
    );
  });

  it("refuses data validation over the whole sheet (ExcelJS keeps an entry per cell)", async () => {
    const validated = await withSheetXml(await smallWorkbook(), (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><dataValidations count="1"><dataValidation type="list" sqref="C1:C1048576 A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>'
      )
    );
    await expect(checkWorkbookBytes(validated, "'v.xlsx'")).rejects.toThrow(
      "'v.xlsx' has data validation (drop-down lists or input rules) or named ranges over more than 10,000,000 cells; workbooks like that are not read. Limit them to the rows in use and try again."
    );
    // Whole-column validation on a few columns, as real workbooks have, is read.
    const columns = await withSheetXml(await smallWorkbook(), (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><dataValidations count="1"><dataValidation type="list" sqref="C1:C1048576 D1:D1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>'
      )
    );
    await expect(checkWorkbookBytes(columns)).resolves.toBeUndefined();
  });

  it("refuses a named range over the whole sheet (ExcelJS keeps an entry per cell)", async () => {
    const named = async (ref: string) => {
      const zip = await JSZip.loadAsync(await smallWorkbook());
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      const names = `<definedNames><definedName name="Everything">${ref}</definedName></definedNames>`;
      zip.file(
        "xl/workbook.xml",
        xml.includes("<definedNames>")
          ? xml.replace("<definedNames>", names.replace("</definedNames>", ""))
          : xml.replace("<calcPr", `${names}<calcPr`)
      );
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    };
    await expect(
      checkWorkbookBytes(await named("S!$A$1:$XFD$1048576"), "'n.xlsx'")
    ).rejects.toThrow(
      /^'n.xlsx' has data validation \(drop-down lists or input rules\) or named ranges over more than 10,000,000 cells/
    );
    // A print area or a filter over a whole establishment is read.
    await expect(
      checkWorkbookBytes(await named("S!$A$1:$S$100003,'S'!$A$1:$A$4"))
    ).resolves.toBeUndefined();
  });

  it("counts the elements of every XML part ExcelJS parses, styles and strings too", async () => {
    const zip = await JSZip.loadAsync(await smallWorkbook());
    const styles = await zip.file("xl/styles.xml")!.async("string");
    // Every <xf/> would be a style object in ExcelJS's model: a styles bomb packs millions.
    zip.file("xl/styles.xml", styles.replace("</cellXfs>", `${"<xf/>".repeat(5_000)}</cellXfs>`));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expect(
      checkWorkbookBytes(bomb, "'s.xlsx'", limits({ xmlElements: 5_000 }))
    ).rejects.toThrow(
      "'s.xlsx' holds more than 5,000 XML elements (cells, styles, strings and the rest); workbooks that big are not read."
    );
    await expect(
      checkWorkbookBytes(bomb, "'s.xlsx'", limits({ xmlElements: 6_000 }))
    ).resolves.toBeUndefined();
  });

  it("leaves malformed sheet XML for ExcelJS, which loadWorkbook reports as damaged", async () => {
    const broken = await withSheetXml(await smallWorkbook(), (xml) =>
      xml.replace("</sheetData>", "<row")
    );
    await expect(checkWorkbookBytes(broken)).resolves.toBeUndefined();
    await expect(loadWorkbook(broken, "'d.xlsx'")).rejects.toThrow(
      "'d.xlsx' is not an Excel workbook that can be read (.xlsx): a part of it is damaged. Open it in Excel and save it again."
    );
  });
});

/**
 * The zip with one part's uncompressed size rewritten in its local header and central
 * directory entry (the fields a zip reader trusts), as a hostile file would declare it.
 */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  const nameAt = (offset: number, length: number) =>
    length === encoded.length && encoded.every((b, i) => out[offset + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)))
      view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)))
      view.setUint32(i + 24, size, true);
  }
  return out;
}
