import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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
      ["Assumptions", 22, 3],
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
      "shares",
    ]);
  });
});
