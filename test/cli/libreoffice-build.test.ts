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
import { LibreOffice, agrees, formulaChecks, type FormulaCheck } from "../xlsx/libreoffice";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "childrens-services.xlsx");

describeWith(
  [LIBREOFFICE],
  "LibreOffice recalculates the demo workbook's costed sheets, as estab build streams them",
  ([soffice]) => {
    let specs: SheetSpec[];
    let checks: FormulaCheck[];

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

    it("gives every native formula of every sheet the core's value, to the penny", () => {
      const wrong = checks.filter((c) => !agrees(c));
      expect(wrong).toEqual([]);
    });
  }
);
