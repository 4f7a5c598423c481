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

/** The signature every OLE compound file (an old .xls, an encrypted .xlsx) starts with. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An encrypted .xlsx is an OLE file holding this stream (its name is UTF-16 in the directory). */
const ENCRYPTION_INFO = new TextEncoder().encode("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o");

function startsWith(data: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

function holds(data: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Why a file that is not a zip is not a workbook, in the words that say what to do: a
 * password-protected workbook, an old .xls, a CSV or other text file named .xlsx.
 */
export function notAWorkbook(data: Uint8Array, name: string): WorkbookRefused {
  if (startsWith(data, OLE_SIGNATURE)) {
    return new WorkbookRefused(
      holds(data, ENCRYPTION_INFO)
        ? `${name} is a password-protected workbook, which cannot be read. In Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it), save, and try again.`
        : `${name} is an old Excel 97-2003 workbook (.xls) or another older Office file. Open it in Excel and save it as an Excel Workbook (.xlsx).`
    );
  }
  const head = data.subarray(0, 4096);
  if (head.length > 0 && !head.includes(0)) {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(head).trimStart().toLowerCase();
    if (text.startsWith("<") && /<(html|table|\?xml)/.test(text.slice(0, 200)))
      return new WorkbookRefused(
        `${name} is a web page or XML export saved with a workbook's name, not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx).`
      );
    return new WorkbookRefused(
      `${name} is a text file (a CSV or similar), not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx).`
    );
  }
  return new WorkbookRefused(`${name} ${NOT_A_WORKBOOK}`);
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const count = (n: number) => n.toLocaleString("en-GB");

export function gridAreaRefused(sheet: string, range: CellRange, limit: number): WorkbookRefused {
  return new WorkbookRefused(
    `The values on sheet '${sheet}' are spread too widely to read (${rangeA1(range.start, range.end)} and the other areas read come to over ${count(limit)} cells, blanks included). Delete the stray values far from the tables and try again.`
  );
}

/** The refusal of a file over the size limit; the CLI says it before reading the file. */
export function fileTooBig(
  name: string,
  bytes: number,
  limits: ReadLimits = READ_LIMITS
): WorkbookRefused {
  return new WorkbookRefused(
    `${name} is ${mb(bytes)}; workbooks over ${mb(limits.fileBytes)} are not read.`
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
  if (data.byteLength > limits.fileBytes) throw fileTooBig(name, data.byteLength, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw notAWorkbook(data, name);
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
      ? xmlCounter(name, tally, limits, partKind(part.name))
      : undefined;
    await inflate(part as unknown as StreamedPart, xml !== undefined, (chunk) => {
      tally.bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
      if (tally.bytes > limits.unpackedBytes) throw tooBig();
      if (xml && typeof chunk === "string") xml.write(chunk);
    });
    xml?.close();
  }
}

/** What ExcelJS does with a part, as far as its size goes (its own patterns, exceljs/lib/xlsx/xlsx.js). */
function partKind(partName: string): "worksheet" | "workbook" | "other" {
  if (WORKSHEET.test(partName)) return "worksheet";
  return partName.replace(/^\//, "") === "xl/workbook.xml" ? "workbook" : "other";
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
 * An XML parser over one part adding its elements to the tally, and what ExcelJS expands
 * into an object per cell: in a worksheet its cells, rows, columns, merged areas and
 * validated areas, in the workbook its named ranges. Throws as soon as one passes its
 * limit. Malformed XML is left for ExcelJS, which stops at the same first error (it uses
 * saxes too), to refuse.
 */
function xmlCounter(
  name: string,
  tally: Tally,
  limits: ReadLimits,
  kind: "worksheet" | "workbook" | "other"
): { write(text: string): void; close(): void } {
  // No line and column tracking: only the counts are wanted.
  const parser = new SaxesParser({ position: false });
  const cells = (n: number) => {
    tally.cells += n;
    if (tally.cells > limits.cells)
      throw new WorkbookRefused(
        `${name} has more than ${count(limits.cells)} cells (counting every cell of a merged area, every row and column); workbooks that big are not read.`
      );
  };
  const covered = (n: number) => {
    tally.validated += n;
    if (tally.validated > limits.validatedCells)
      throw new WorkbookRefused(
        `${name} has data validation (drop-down lists or input rules) or named ranges over more than ${count(limits.validatedCells)} cells; workbooks like that are not read. Limit them to the rows in use and try again.`
      );
  };
  let broken = false;
  parser.on("error", () => {
    broken = true;
  });
  // A named range's reference is its text: <definedName name="x">Sheet1!$A$1:$B$9</definedName>.
  let definedName: string[] | undefined;
  if (kind === "workbook") {
    parser.on("text", (text) => definedName?.push(text));
    parser.on("closetag", (tag) => {
      if (tag.name !== "definedName" || !definedName) return;
      covered(areaOf(definedName.join("").match(A1_RANGES)?.join(" ")));
      definedName = undefined;
    });
  }
  parser.on("opentag", (tag) => {
    if (++tally.elements > limits.xmlElements)
      throw new WorkbookRefused(
        `${name} holds more than ${count(limits.xmlElements)} XML elements (cells, styles, strings and the rest); workbooks that big are not read.`
      );
    // Names without a namespace prefix, as ExcelJS matches them.
    if (kind === "workbook") {
      if (tag.name === "definedName") definedName = [];
      return;
    }
    if (kind !== "worksheet") return;
    if (tag.name === "c" || tag.name === "row") cells(1);
    else if (tag.name === "col") cells(columnSpan(tag.attributes.min, tag.attributes.max));
    else if (tag.name === "mergeCell") cells(areaOf(tag.attributes.ref));
    else if (tag.name === "dataValidation") covered(areaOf(tag.attributes.sqref));
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

/** A1 references inside a formula-like text ("Sheet1!$A$1:$B$9,'My sheet'!$C$3"). */
const A1_RANGES = /\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/g;

/** Columns ExcelJS makes for <col min max>: one object each, whatever the numbers say. */
function columnSpan(min: unknown, max: unknown): number {
  const from = Number(min);
  const to = Number(max);
  return Number.isFinite(from) && Number.isFinite(to) && to >= from ? to - from + 1 : 1;
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
