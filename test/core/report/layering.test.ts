/**
 * The sheet builders sit below the workbook build: report must not import from workbook
 * (workbook imports report), or the two modules would be one tangled cycle again.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const REPORT = path.join(__dirname, "../../../src/core/report");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("src/core/report", () => {
  it("imports nothing from src/core/workbook", () => {
    const offenders = sources(REPORT).filter((f) =>
      /from\s+"(?:\.\.\/)+workbook(?:\/|")/.test(readFileSync(f, "utf8"))
    );
    expect(offenders.map((f) => path.relative(REPORT, f))).toEqual([]);
  });
});
