/**
 * docs/input-format.md lists every header each table accepts; the readers' schemas are
 * the truth. This keeps the two the same, so a synonym added in code is documented.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ESTABLISHMENT_SCHEMA,
  LOCALITIES_SCHEMA,
  PAY_SCALES_SCHEMA,
  ROLES_SCHEMA,
} from "../../../src/core/read";

const DOC = readFileSync(path.join(__dirname, "../../../docs/input-format.md"), "utf8");

/** The rows "| **Label** | a, b, c | …" of the section under `heading`, as label → names. */
function documented(heading: string): Map<string, string[]> {
  const start = DOC.indexOf(`\n## ${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = DOC.indexOf("\n## ", start + 1);
  const rows = new Map<string, string[]>();
  for (const line of DOC.slice(start, end === -1 ? undefined : end).split("\n")) {
    const m = /^\|\s*\*\*(.+?)\*\*\s*\|([^|]*)\|/.exec(line);
    if (m && !rows.has(m[1]))
      rows.set(
        m[1],
        m[2]
          .split(",")
          .map((n) => n.trim())
          .filter((n) => n !== "")
      );
  }
  return rows;
}

describe.each([
  ["The establishment", ESTABLISHMENT_SCHEMA],
  ["Localities", LOCALITIES_SCHEMA],
  ["Pay scales (optional)", PAY_SCALES_SCHEMA],
  ["Roles (optional)", ROLES_SCHEMA],
] as const)("docs/input-format.md, %s", (heading, schema) => {
  it("lists every column and every header name the reader accepts for it", () => {
    const rows = documented(heading);
    const fields = schema.fields as ReadonlyArray<{ label: string; synonyms: readonly string[] }>;
    for (const field of fields)
      expect({ column: field.label, names: rows.get(field.label) }).toEqual({
        column: field.label,
        names: [...field.synonyms],
      });
  });
});
