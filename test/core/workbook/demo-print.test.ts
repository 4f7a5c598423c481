/**
 * The demo workbook built as a manager gets it: every calculated sheet has its header
 * frozen and repeated on each printed page, a footer with the build date, columns wide
 * enough for the posts' titles, plain words (no repository path in any cell), and a
 * readable build date in the provenance line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SheetSpec } from "../../../src/core/report";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { WorkbookGrids } from "../../../src/core/workbook/types";
import { loadWorkbook, readWorkbookGrids } from "../../../src/xlsx";

const DEMO = path.join(__dirname, "../../../examples/childrens-services.xlsx");
let grids: WorkbookGrids;
beforeAll(async () => {
  grids = readWorkbookGrids(await loadWorkbook(readFileSync(DEMO)));
});

const built = (mode: "shareable" | "live"): SheetSpec[] => {
  const b = buildWorkbook(grids, { generatedAt: "2026-12-04T14:19:00Z", version: "test", mode });
  expect(b.ok).toBe(true);
  return b.sheets;
};

const texts = (s: SheetSpec): string[] =>
  s.cells
    .flat()
    .flatMap((c) =>
      !c ? [] : c.kind === "text" ? [c.text] : typeof c.value === "string" ? [c.value] : []
    );

describe.each(["shareable", "live"] as const)("the demo built %s", (mode) => {
  it("builds the five calculated sheets and the Assumptions sheet", () => {
    expect(built(mode).map((s) => s.key)).toEqual([
      "cost",
      "grant",
      "changes",
      "shares",
      "scenarios",
      "assumptions",
    ]);
  });

  it("writes no cell that points at a repository path, nor the jargon replaced", () => {
    for (const s of built(mode))
      for (const t of texts(s)) {
        expect(`${s.name}: ${t}`).not.toMatch(/docs\//);
        expect(`${s.name}: ${t}`).not.toMatch(/Window total|Hamilton|largest remainder|quota/i);
      }
  });

  it("freezes each sheet's table header, repeats it on every page, footers with the date", () => {
    for (const s of built(mode)) {
      expect(s.freeze?.rows).toBeGreaterThan(0);
      const header = (s.freeze?.rows ?? 0) - 1;
      expect(s.cells[header]?.[0]?.style).toBe("header");
      expect(s.page.titleRows).toEqual({ first: header, last: header });
      expect(s.page.footer).toEqual({ builtOn: "4 December 2026, 14:19 UTC" });
      const total = s.columnWidths.reduce((a, b) => a + b, 0);
      expect(s.page.fitToWidth).toBe(total <= 200);
      if (!s.page.fitToWidth) {
        expect(s.page.titleColumns).toBe(s.freeze?.columns);
        expect(s.page.pagesWide).toBe(Math.ceil(total / 200));
      }
    }
  });

  it("freezes the per-post tables' header rows on Establishment Cost and Grant Costing", () => {
    const sheets = built(mode);
    const headerOf = (key: string, table: string) => {
      const s = sheets.find((x) => x.key === key) as SheetSpec;
      const range = s.tables.find((t) => t.name === table)?.range ?? "";
      return { freeze: s.freeze, headerRow: Number(/^[A-Z]+(\d+)/.exec(range)?.[1]) };
    };
    const cost = headerOf("cost", "EstablishmentCost");
    expect(cost.freeze).toEqual({ rows: cost.headerRow, columns: 1 });
    const grant = headerOf("grant", "GrantCostPerPost");
    expect(grant.freeze).toEqual({ rows: grant.headerRow, columns: 1 });
  });

  it("gives the provenance line a readable date", () => {
    const cost = built(mode).find((s) => s.key === "cost") as SheetSpec;
    expect(texts(cost)[2]).toMatch(/ · built 4 December 2026, 14:19 UTC$/);
    expect(texts(cost).join("\n")).not.toContain("2026-12-04T");
  });

  it("makes the post title column wide enough for the longest title", () => {
    const cost = built(mode).find((s) => s.key === "cost") as SheetSpec;
    const header = (cost.freeze?.rows ?? 0) - 1;
    const column = (cost.cells[header] ?? []).findIndex(
      (c) => c?.kind === "text" && c.text === "Post"
    );
    expect(column).toBeGreaterThanOrEqual(0);
    expect(cost.columnWidths[column]).toBeGreaterThanOrEqual(
      "Head of Early Help and Family Support".length
    );
  });
});
