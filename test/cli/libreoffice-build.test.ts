import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SheetSpec } from "../../src/core/report";
import type { WrittenSheet } from "../../src/core/workbook/port";
import { writeAtomically } from "../../src/cli/files";
import { streamSheetSpecs } from "../../src/xlsx/stream";
import { defaultBuild } from "../../src/cli/engine";
import { LIBREOFFICE, describeWith } from "../support/requirements";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";
import {
  LibreOffice,
  TAGGED_PDF,
  agrees,
  formulaChecks,
  odsCharts,
  pdfFigures,
  type FormulaCheck,
} from "../xlsx/libreoffice";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "childrens-services.xlsx");

describeWith(
  [LIBREOFFICE],
  "LibreOffice recalculates the demo workbook's costed sheets, as estab build streams them",
  ([soffice]) => {
    let specs: SheetSpec[];
    let checks: FormulaCheck[];
    let charts: Awaited<ReturnType<typeof odsCharts>>;
    let figures: number;
    let figuresWithoutCharts: number;

    // One conversion for the file: LibreOffice takes seconds to start.
    beforeAll(async () => {
      const grids = readWorkbookGrids(await loadWorkbook(readFileSync(EXAMPLE)));
      const result = defaultBuild(grids, {
        mode: "shareable",
        generatedAt: "2025-06-01T09:30:00Z",
        version: "test",
      });
      expect(result.ok).toBe(true);
      specs = result.sheets;
      // Written as `estab build` writes it: streamed into a file (src/xlsx/stream.ts).
      const dir = mkdtempSync(path.join(tmpdir(), "estab-lo-build-"));
      const libreOffice = new LibreOffice(soffice);
      try {
        const file = path.join(dir, "costed.xlsx");
        let sheets: WrittenSheet[] = [];
        await writeAtomically(file, async (out) => {
          ({ sheets } = await streamSheetSpecs(out, specs));
        });
        const names = new Map(specs.map((s, i) => [s, sheets[i].name]));
        checks = formulaChecks(specs, await libreOffice.recalculate(readFileSync(file)), names);
        charts = await odsCharts(await libreOffice.convert(readFileSync(file), "ods"));
        figures = pdfFigures(await libreOffice.convert(readFileSync(file), "pdf", TAGGED_PDF));
        // The same sheets with no charts: what the PDF holds without them.
        const bare = path.join(dir, "bare.xlsx");
        await writeAtomically(bare, async (out) => {
          await streamSheetSpecs(
            out,
            specs.map((s) => ({ ...s, charts: [] }))
          );
        });
        figuresWithoutCharts = pdfFigures(
          await libreOffice.convert(readFileSync(bare), "pdf", TAGGED_PDF)
        );
      } finally {
        libreOffice.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);

    it("builds every calculated sheet, each with native formulas", () => {
      expect(specs.map((s) => s.key).sort()).toEqual([
        "assumptions",
        "changes",
        "cost",
        "grant",
        "scenarios",
        "shares",
      ]);
      for (const key of ["cost", "grant", "changes", "shares"]) {
        const sheet = specs.find((s) => s.key === key)!.name;
        expect(checks.filter((c) => c.sheet === sheet).length).toBeGreaterThan(0);
      }
    });

    it("reads back each sheet's chart, its series over the sheet's own cells", () => {
      expect(
        charts.map((c) => [c.title, c.categories, c.series.map((x) => [x.kind, x.values])])
      ).toEqual([
        [
          "Cost by line: salary and on-costs",
          "'Establishment Cost'.I6:'Establishment Cost'.L6",
          [["chart:bar", "'Establishment Cost'.I36:'Establishment Cost'.L36"]],
        ],
        [
          "Commitment per year against the grant",
          "'Grant Costing'.G31:'Grant Costing'.I31",
          [
            ["chart:bar", "'Grant Costing'.G15:'Grant Costing'.I15"],
            ["chart:line", "'Grant Costing'.G17:'Grant Costing'.I17"],
          ],
        ],
        [
          "Change in cost per team, proposed against now (full year)",
          "Restructure.A39:Restructure.A43",
          [["chart:bar", "Restructure.H39:Restructure.H43"]],
        ],
        [
          "FTE by locality, with the need index",
          "'Locality shares'.A17:'Locality shares'.A22",
          [
            ["chart:bar", "'Locality shares'.L17:'Locality shares'.L22"],
            ["chart:line", "'Locality shares'.J17:'Locality shares'.J22"],
          ],
        ],
        [
          "Cost and grant left by scenario, over the grant",
          "Scenarios.A92:Scenarios.A95",
          [
            ["chart:bar", "Scenarios.B92:Scenarios.B95"],
            ["chart:line", "Scenarios.C92:Scenarios.C95"],
          ],
        ],
      ]);
      expect(charts[2].horizontal).toBe(true);
    });

    it("renders the charts into a PDF: figures there that the same file without charts lacks", () => {
      expect(figuresWithoutCharts).toBe(0);
      // One figure per chart per page it is drawn on (a chart may cross a page break).
      expect(figures).toBeGreaterThanOrEqual(5);
    });

    it("gives every native formula of every sheet the core's value, to the penny", () => {
      const wrong = checks.filter((c) => !agrees(c));
      expect(wrong).toEqual([]);
    });
  }
);
