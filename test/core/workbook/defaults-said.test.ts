/**
 * Issue 13, nothing silent: every default, fallback and guess a build takes is said at the
 * cell it came from. One row per kind: a workbook laid out as a finance officer might, the
 * issue it must give and where. A new default joins this list (and docs/input-format.md's
 * table of issues, which the last test checks), or it is a silent one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Issue } from "../../../src/core/grid";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { DEFAULT_CASES as CASES } from "../../support/defaults-cases";

const said = (i: Issue) => `${i.severity} ${i.code} ${i.sheet}!${i.address}`;

describe("every default a build takes is said at its cell", () => {
  it.each(CASES.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    const r = buildWorkbook(
      { grids: c.grids },
      { mode: "shareable", generatedAt: "now", version: "test" }
    );
    expect(r.issues.map(said)).toContain(c.said);
  });

  it("and each is listed in docs/input-format.md's table of issues", () => {
    const doc = readFileSync(path.join(__dirname, "../../../docs/input-format.md"), "utf8");
    const codes = CASES.map((c) => c.said.split(" ")[1]);
    expect(codes.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
