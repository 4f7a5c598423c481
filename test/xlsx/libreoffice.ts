import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { toA1 } from "../../src/core/grid";
import type { SheetSpec } from "../../src/core/report";
import JSZip from "jszip";
import { loadWorkbook } from "../../src/xlsx";
import { all, kid, one, parseXml } from "./xml-tree";

const run = promisify(execFile);

/**
 * LibreOffice keeps an .xlsx file's cached formula results unless told to recalculate on
 * load: this profile setting makes it always recalculate, so what comes back is
 * LibreOffice's own arithmetic, not ours.
 */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * LibreOffice headless with a throw-away profile (no shared state, no lock clashes with
 * other runs). Starting a fresh profile costs LibreOffice several seconds, so a test file
 * keeps one for its conversions and removes it at the end.
 */
export class LibreOffice {
  private readonly dir = mkdtempSync(path.join(tmpdir(), "estab-lo-"));
  private readonly profile = path.join(this.dir, "profile");
  private runs = 0;

  constructor(private readonly soffice: string) {
    mkdirSync(path.join(this.profile, "user"), { recursive: true });
    writeFileSync(path.join(this.profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
  }

  /** Opens the workbook, recalculates it, saves it as .xlsx and reads that back. */
  async recalculate(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    return loadWorkbook(await this.convert(bytes, "xlsx", "xlsx:Calc MS Excel 2007 XML"));
  }

  /** Opens the workbook and saves it as `extension` ("ods", "pdf") with `filter`: its bytes. */
  async convert(bytes: Uint8Array, extension: string, filter = extension): Promise<Buffer> {
    const work = path.join(this.dir, `run-${++this.runs}`);
    const input = path.join(work, "in", "book.xlsx");
    const outDir = path.join(work, "out");
    mkdirSync(path.dirname(input), { recursive: true });
    mkdirSync(outDir);
    writeFileSync(input, bytes);
    const { stdout, stderr } = await run(
      this.soffice,
      [
        `-env:UserInstallation=file://${this.profile}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        input,
      ],
      { timeout: 120_000 }
    );
    const output = path.join(outDir, `book.${extension}`);
    // soffice exits 0 even when the conversion failed: the file is the only proof.
    if (!existsSync(output)) throw new Error(`LibreOffice wrote nothing.\n${stdout}\n${stderr}`);
    return readFileSync(output);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface FormulaCheck {
  sheet: string;
  address: string;
  formula: string;
  expected: number | string;
  actual: unknown;
}

function resultOf(cell: ExcelJS.Cell): unknown {
  // cell.value drops a formula's falsy cached result (0, false): ask for the result itself.
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

/** Every native formula of the specs with the value LibreOffice calculated for it. */
export function formulaChecks(
  specs: SheetSpec[],
  wb: ExcelJS.Workbook,
  sheetNames?: Map<SheetSpec, string>
): FormulaCheck[] {
  const checks: FormulaCheck[] = [];
  for (const spec of specs) {
    const name = sheetNames?.get(spec) ?? spec.name;
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`sheet '${name}' is missing from the recalculated workbook`);
    spec.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell?.kind !== "formula") return;
        const address = toA1({ row: r, column: c });
        checks.push({
          sheet: name,
          address,
          formula: cell.formula,
          expected: cell.value,
          actual: resultOf(ws.getCell(address)),
        });
      })
    );
  }
  return checks;
}

/** Equal to the penny for numbers, exactly for text. */
export function agrees(check: FormulaCheck): boolean {
  if (typeof check.expected === "number")
    return typeof check.actual === "number" && Math.abs(check.actual - check.expected) < 0.005;
  return check.actual === check.expected;
}

/** The charts LibreOffice found in an .ods it saved: class, categories and series. */
export async function odsCharts(ods: Buffer) {
  const zip = await JSZip.loadAsync(ods);
  const objects = Object.keys(zip.files)
    .filter((f) => /^Object \d+\/content\.xml$/.test(f))
    .sort();
  const charts = [];
  for (const f of objects) {
    const doc = parseXml(await zip.file(f)!.async("string"));
    const chart = one(doc, "chart:chart");
    charts.push({
      title: all(kid(chart, "chart:title"), "text:p")
        .map((p) => p.text)
        .join(""),
      horizontal: all(doc, "style:chart-properties").some(
        (p) => p.attrs["chart:vertical"] === "true"
      ),
      categories: one(chart, "chart:categories").attrs["table:cell-range-address"],
      series: all(chart, "chart:series").map((s) => ({
        kind: s.attrs["chart:class"],
        values: s.attrs["chart:values-cell-range-address"],
        axis: s.attrs["chart:attached-axis"],
      })),
    });
  }
  return charts;
}

/** LibreOffice's PDF filter, tagged: each chart it draws on a page is a /Figure element. */
export const TAGGED_PDF = 'pdf:calc_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}';

/** How many figures (charts, pictures) a tagged PDF's structure tree holds. */
export function pdfFigures(pdf: Buffer): number {
  return pdf.toString("latin1").split("/S/Figure").length - 1;
}
