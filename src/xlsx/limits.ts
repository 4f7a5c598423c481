import JSZip from "jszip";
import { SaxesParser } from "saxes";
import type { CellRange } from "../core/grid";
import { parseRangeA1, rangeA1 } from "../core/grid";

/**
 * How much a workbook may hold before it is refused, with a plain message, before the
 * damage: ExcelJS builds its whole model of a file in memory, a cell object for every
 * cell, and for every cell of a merged area or of a data validation's range. The limits
 * sit far above any establishment (a 100,000-post one with 18 columns is a 7 MB file,
 * 62 MB unpacked, 1.8 million cells) and below what a 4 GB Node process can hold.
 * docs/cli.md lists them.
 */
export interface ReadLimits {
  fileBytes: number;
  unpackedBytes: number;
  parts: number;
  cells: number;
  validatedCells: number;
  gridCells: number;
  xmlElements: number;
}

export const READ_LIMITS: Readonly<ReadLimits> = {
  /** Size of the .xlsx file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** The file's contents unpacked: every part of the zip, as really inflated. */
  unpackedBytes: 300 * 1024 * 1024,
  /** Parts in the zip (a workbook has a few dozen). */
  parts: 10_000,
  /** Cells in the sheets, counting every cell of a merged area. */
  cells: 3_000_000,
  /** Cells covered by data validation (ExcelJS keeps one entry for each). */
  validatedCells: 10_000_000,
  /** Cells in the grids read from the sheets, blanks between the values included. */
  gridCells: 10_000_000,
  /**
   * XML elements in every part ExcelJS parses, of which it makes objects (styles, shared
   * strings …): a 300 MB styles part of `<xf/>` would be 60 million. A 100,000-post
   * establishment has about 4 million; sheets at the cell limit about 7.
   */
  xmlElements: 12_000_000,
};

/** A file refused before it is read, or a sheet refused as it is read; the message says why. */
export class WorkbookRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookRefused";
  }
}

const NOT_A_WORKBOOK =
  "is not an Excel workbook (.xlsx). Old .xls files and password-protected workbooks: open it in Excel and save it as .xlsx without a password.";

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const count = (n: number) => n.toLocaleString("en-GB");

export function gridAreaRefused(sheet: string, range: CellRange, limit: number): WorkbookRefused {
  return new WorkbookRefused(
    `The values on sheet '${sheet}' are spread too widely to read (${rangeA1(range.start, range.end)} and the other areas read come to over ${count(limit)} cells, blanks included). Delete the stray values far from the tables and try again.`
  );
}

/** What JSZip offers for reading one part as it inflates (documented, not in its typings). */
interface StreamedPart {
  internalStream(type: "uint8array" | "string"): JSZip.JSZipStreamHelper<Uint8Array | string>;
  _data?: { uncompressedSize?: unknown };
}

/** Worksheets as ExcelJS recognises them (its own pattern, src: exceljs/lib/xlsx/xlsx.js). */
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** The parts ExcelJS may parse as XML: workbook, sheets, strings, styles, drawings, notes … */
const XML_PART = /[.](xml|rels|vml)$/i;

interface Tally {
  /** Bytes inflated so far, all parts. */
  bytes: number;
  cells: number;
  validated: number;
  elements: number;
}

/**
 * Refuses a file ExcelJS should not be given: not a zip, a zip with no workbook inside,
 * or more than the limits allow. Every part is inflated here as a stream, counting what
 * really comes out (declared sizes can lie), and each XML part is run through an XML
 * parser (saxes, the one ExcelJS uses) counting its elements and, in worksheets, cells,
 * merged and validated areas; the first limit passed stops the reading. Costs about a
 * fifth of ExcelJS's own load in CPU time (docs/performance.md).
 * `name` is how messages call the file.
 */
export async function checkWorkbookBytes(
  data: Uint8Array,
  name = "This file",
  limits: ReadLimits = READ_LIMITS
): Promise<void> {
  if (data.byteLength > limits.fileBytes)
    throw new WorkbookRefused(
      `${name} is ${mb(data.byteLength)}; workbooks over ${mb(limits.fileBytes)} are not read.`
    );
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new WorkbookRefused(`${name} ${NOT_A_WORKBOOK}`);
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  if (parts.length > limits.parts)
    throw new WorkbookRefused(
      `${name} holds ${count(parts.length)} parts; a workbook has a few dozen, and over ${count(limits.parts)} are not read.`
    );
  // ExcelJS reads the workbook part by this name only.
  if (!parts.some((f) => f.name.replace(/^\//, "") === "xl/workbook.xml"))
    throw new WorkbookRefused(
      `${name} is a zip file with no Excel workbook inside (no xl/workbook.xml). Open it in Excel and save it as .xlsx.`
    );
  const tooBig = () =>
    new WorkbookRefused(
      `${name} unpacks to more than ${mb(limits.unpackedBytes)}; workbooks that big are not read (an establishment of 100,000 posts unpacks to about 60 MB).`
    );
  const declared = parts.reduce((sum, f) => {
    const size = (f as unknown as StreamedPart)._data?.uncompressedSize;
    return sum + (typeof size === "number" ? size : 0);
  }, 0);
  if (declared > limits.unpackedBytes) throw tooBig();

  const tally: Tally = { bytes: 0, cells: 0, validated: 0, elements: 0 };
  for (const part of parts) {
    const xml = XML_PART.test(part.name)
      ? xmlCounter(name, tally, limits, WORKSHEET.test(part.name))
      : undefined;
    await inflate(part as unknown as StreamedPart, xml !== undefined, (chunk) => {
      tally.bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
      if (tally.bytes > limits.unpackedBytes) throw tooBig();
      if (xml && typeof chunk === "string") xml.write(chunk);
    });
    xml?.close();
  }
}

/** Streams one part through `onChunk`, stopping at the first error it or the inflater throws. */
function inflate(
  part: StreamedPart,
  asText: boolean,
  onChunk: (chunk: Uint8Array | string) => void
): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = part.internalStream(asText ? "string" : "uint8array");
    let failed = false;
    stream.on("data", (chunk) => {
      if (failed) return;
      try {
        onChunk(chunk);
      } catch (err) {
        failed = true;
        stream.pause();
        reject(err as Error);
      }
    });
    stream.on("error", (err) => {
      failed = true;
      reject(err);
    });
    stream.on("end", () => {
      if (!failed) resolve();
    });
    stream.resume();
  });
}

/**
 * An XML parser over one part adding its elements to the tally and, in a worksheet, its
 * cells, merged areas and validated areas, throwing as soon as one passes its limit.
 * Malformed XML is left for ExcelJS, which stops at the same first error (it uses saxes
 * too), to refuse.
 */
function xmlCounter(
  name: string,
  tally: Tally,
  limits: ReadLimits,
  worksheet: boolean
): { write(text: string): void; close(): void } {
  // No line and column tracking: only the counts are wanted.
  const parser = new SaxesParser({ position: false });
  const tooMany = () =>
    new WorkbookRefused(
      `${name} has more than ${count(limits.cells)} cells (counting every cell of a merged area); workbooks that big are not read.`
    );
  let broken = false;
  parser.on("error", () => {
    broken = true;
  });
  parser.on("opentag", (tag) => {
    if (++tally.elements > limits.xmlElements)
      throw new WorkbookRefused(
        `${name} holds more than ${count(limits.xmlElements)} XML elements (cells, styles, strings and the rest); workbooks that big are not read.`
      );
    if (!worksheet) return;
    // Names without a namespace prefix, as ExcelJS matches them.
    if (tag.name === "c") {
      if (++tally.cells > limits.cells) throw tooMany();
    } else if (tag.name === "mergeCell") {
      tally.cells += areaOf(tag.attributes.ref);
      if (tally.cells > limits.cells) throw tooMany();
    } else if (tag.name === "dataValidation") {
      tally.validated += areaOf(tag.attributes.sqref);
      if (tally.validated > limits.validatedCells)
        throw new WorkbookRefused(
          `${name} has data validation (drop-down lists or input rules) over more than ${count(limits.validatedCells)} cells; workbooks like that are not read. Limit the validation to the rows in use and try again.`
        );
    }
  });
  return {
    write(text) {
      if (!broken) parser.write(text);
    },
    close() {
      if (!broken) parser.close();
    },
  };
}

/** Cells in a space-separated list of ranges ("A1:B2 D4"); what does not parse counts nothing. */
function areaOf(refs: unknown): number {
  if (typeof refs !== "string") return 0;
  let area = 0;
  for (const ref of refs.trim().split(/\s+/)) {
    try {
      const { start, end } = parseRangeA1(ref);
      // Either way round, as ExcelJS takes it: "B9:A1" is A1:B9.
      area += (Math.abs(end.row - start.row) + 1) * (Math.abs(end.column - start.column) + 1);
    } catch {
      // ExcelJS cannot expand what does not parse either.
    }
  }
  return area;
}
