/**
 * The proposed side of a restructure as the tryout-3 tester typed it (their workbook
 * scripts mk-14, mk-14b, mk-14e), written with ExcelJS and built through the CLI.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { capture, PLAIN_ASSUMPTIONS } from "./support";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-restructure-reading-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Rows = (string | number)[][];

async function build(
  sheets: Record<string, Rows>,
  after?: (ws: ExcelJS.Worksheet, name: string) => void
): Promise<{ code: number; json: BuildJson }> {
  const file = path.join(dir, "in.xlsx");
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries({ ...sheets, Assumptions: PLAIN_ASSUMPTIONS })) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => (ws.getRow(i + 1).values = r));
    after?.(ws, name);
  }
  await wb.xlsx.writeFile(file);
  const c = capture();
  const args = ["build", file, "-o", path.join(dir, "out.xlsx"), "--json"];
  const code = await main(args, c.io);
  return { code, json: JSON.parse(c.stdout()) as BuildJson };
}

const changesOf = (json: BuildJson) => json.sheets.find((s) => s.key === "changes")!.totals;
const issuesOf = (json: BuildJson, codes: string[]) =>
  json.issues.filter((i) => codes.includes(i.code)).map((i) => [i.severity, i.code, i.address]);

// One post at £38,000: 38,000 + NI (38,000 − 5,004) × 15% 4,949.40 + pension 7,220 + levy 190.
const SOCIAL_WORKER = 50359.4;

it("mk-14e: a Status in officers' words deletes seven posts of nine (-£352,515.80, not -£100,718.80)", async () => {
  const words = [
    "Deleted - VR",
    "Delete (vacant)",
    "Deletion",
    "To delete",
    "Disestablish",
    "Remove post",
    "Redundancy",
    "Ringfenced",
    "No change",
  ];
  const { code, json } = await build({
    Restructure: [
      ["Post ID", "Position", "Grade", "Salary", "Current FTE", "Proposed FTE", "Status"],
      ...words.map((s, i) => [`P${i + 1}`, "Social Worker", "SS09", 38000, 1, "", s]),
    ],
  });
  expect(code).toBe(0);
  const totals = changesOf(json);
  expect(totals["Full-year effect"]).toBe(-352515.8);
  expect(totals["Full-year effect"]).toBeCloseTo(-7 * SOCIAL_WORKER, 2);
  expect([totals["FTE now"], totals["FTE proposed"]]).toEqual([9, 2]);
  expect(issuesOf(json, ["status-read-as-deleted", "status-not-read"])).toEqual([
    ["info", "status-read-as-deleted", "G2"],
    ["info", "status-read-as-deleted", "G3"],
    ["info", "status-read-as-deleted", "G6"],
    ["info", "status-read-as-deleted", "G7"],
    ["info", "status-read-as-deleted", "G8"],
  ]);
});
