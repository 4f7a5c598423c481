import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { childrensServicesWorkbook } from "../../src/cli/demo-workbook";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";

const NOW = new Date(Date.UTC(2025, 5, 1, 9, 30));

async function buildJson(
  input: string,
  output: string
): Promise<{ code: number; json: BuildJson }> {
  const out: string[] = [];
  const code = await main(["build", input, "-o", output, "--json"], {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: () => true, isTTY: false },
    now: () => NOW,
  });
  return { code, json: JSON.parse(out.join("")) as BuildJson };
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-far-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("estab build on a workbook with one value at XFD1048576", () => {
  it("builds the same figures as without it, from small grids", async () => {
    const plain = path.join(dir, "plain.xlsx");
    const far = path.join(dir, "far.xlsx");
    await childrensServicesWorkbook().xlsx.writeFile(plain);
    const wb = childrensServicesWorkbook();
    wb.getWorksheet("Establishment")!.getCell("XFD1048576").value = "stray";
    await wb.xlsx.writeFile(far);

    const { grids } = readWorkbookGrids(await loadWorkbook(readFileSync(far)));
    const sizes = grids.map((g) => [g.sheet, g.values.length, g.values[0].length]);
    expect(sizes).toEqual([
      ["Establishment", 39, 19],
      ["Establishment", 1, 1],
      // Setting | Value | Notes and the demo's three scenario columns.
      ["Assumptions", 24, 6],
      ["Localities", 7, 4],
      ["Localities", 7, 4],
    ]);

    const before = await buildJson(plain, path.join(dir, "plain-out.xlsx"));
    const after = await buildJson(far, path.join(dir, "far-out.xlsx"));
    expect(after.code).toBe(0);
    expect(after.json.sheets).toEqual(before.json.sheets);
    expect(after.json.issues).toEqual(before.json.issues);
    expect(after.json.sheets.map((s) => s.key).sort()).toEqual([
      "assumptions",
      "changes",
      "cost",
      "grant",
      "scenarios",
      "shares",
    ]);
  });
});

describe("estab build on figures no workbook should hold", () => {
  it("refuses Infinity, NaN and '1e999' at their cells (exit 1), never writing them", async () => {
    const wb = childrensServicesWorkbook();
    const ws = wb.getWorksheet("Establishment")!;
    // The file says <v>Infinity</v> and <v>NaN</v>, as a hostile or broken writer would.
    ws.getCell("G5").value = Infinity;
    ws.getCell("G6").value = NaN;
    ws.getCell("G7").value = "1e999";
    const input = path.join(dir, "bad.xlsx");
    await wb.xlsx.writeFile(input);
    const { code, json } = await buildJson(input, path.join(dir, "out.xlsx"));
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(
      json.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.address}`)
    ).toEqual(["Establishment!G5", "Establishment!G6", "Establishment!G7"]);
    expect(readdirSync(dir)).toEqual(["bad.xlsx"]);
  });
});
