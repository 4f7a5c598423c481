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

/** The Restructure sheet's row for a post ID: its column values by header. */
async function restructureRow(postId: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
  let header: unknown[] = [];
  let found: unknown[] | undefined;
  for (const ws of wb.worksheets)
    ws.eachRow((row) => {
      const v = row.values as unknown[];
      if (v.includes("Post ID") && v.includes("Cost proposed (a year)")) header = v;
      else if (header.length > 0 && v[header.indexOf("Post ID")] === postId) found = v;
    });
  const cell = (x: unknown) =>
    x !== null && typeof x === "object" && "result" in x ? (x as { result: unknown }).result : x;
  return Object.fromEntries(Array.from(header, (h, i) => [String(h), cell(found?.[i])]));
}

/** mk-14: a Current block beside a Proposed block under merged group headings. */
function currentBesideProposed(deletions: (string | number)[], p8Now: (string | number)[]): Rows {
  return [
    ["Children's Social Care restructure 2025"],
    ["", "", "Current", "", "", "Proposed", "", "", ""],
    ["Post ID", "Post title", "Grade", "FTE", "Salary", "Grade", "FTE", "Salary", "Comments"],
    ["P1", "Team Manager", "SS12", 1, 50000, "SS13", 1, 54000, "Regraded"],
    ["P2", "Deputy Team Manager", "SS11", 1, 46000, "", deletions[0], "", "Deleted"],
    ["P3", "Social Worker", "SS09", 1, 38000, "", deletions[1], "", ""],
    ["P4", "Social Worker", "SS09", 1, 38000, "", "Post deleted", "", ""],
    ["P5", "Social Worker", "SS09", 1, 38000, "", deletions[2], "", ""],
    ["P6", "Social Worker", "SS09", 1, 38000, "SS09", 1, 38000, ""],
    ["P7", "Family Worker", "SS06", 1, 30000, "", "", "", ""],
    ["P8", "Practice Lead", ...p8Now, "SS12", 1, 50000, "New post"],
  ];
}
const merged = (ws: ExcelJS.Worksheet, name: string) => {
  if (name !== "Restructure") return;
  ws.mergeCells("C2:E2");
  ws.mergeCells("F2:H2");
};

// Current: 50,000 66,499.40; 46,000 61,119.40; 4 × 50,359.40; 30,000 39,599.40 = 368,655.80.
// Proposed: 54,000 71,879.40; 38,000 50,359.40; P7 39,599.40; new 50,000 66,499.40 = 228,337.60.
it.each([
  [
    "mk-14: '-', 'n/a', 'DELETE (VR)' and a new post with its proposed side only",
    ["-", "n/a", "DELETE (VR)"],
    ["", "", ""],
  ],
  ["mk-14b: 0, 'Deleted' and the same new post", [0, 0, "Deleted"], ["", "", ""]],
  ["mk-14c: the new post's salary typed on both sides", [0, 0, "Deleted"], ["SS12", "", 50000]],
])("%s: costed, the new post at £66,499.40", async (_, deletions, p8Now) => {
  const { code, json } = await build(
    { Restructure: currentBesideProposed(deletions, p8Now) },
    merged
  );
  expect(code).toBe(0);
  expect(changesOf(json)).toMatchObject({
    "Current cost (a year)": 368655.8,
    "Proposed cost (a year)": 228337.6,
    "Full-year effect": -140318.2,
    "FTE now": 7,
    "FTE proposed": 4,
  });
  const p8 = await restructureRow("P8");
  expect([p8["Cost now (a year)"], p8["Cost proposed (a year)"], p8.Classification]).toEqual([
    0,
    66499.4,
    "New",
  ]);
  expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
  // No pay for no FTE today costs nothing: no "costed at £0" warning on the cost sheets.
  expect(json.sheets.flatMap((s) => s.warnings).filter((w) => w.includes("Practice Lead"))).toEqual(
    []
  );
});

it("mk-14: the dash, n/a and DELETE (VR) are each said at their cell", async () => {
  const { json } = await build(
    { Restructure: currentBesideProposed(["-", "n/a", "DELETE (VR)"], ["", "", ""]) },
    merged
  );
  expect(
    issuesOf(json, ["proposed-fte-read-as", "proposed-fte-assumed-deleted", "salary-missing"])
  ).toEqual([
    // DELETE (VR) is said as its cell is read; the dash and n/a with the Status beside them.
    ["info", "proposed-fte-read-as", "G8"],
    ["info", "proposed-fte-read-as", "G5"],
    ["warning", "proposed-fte-assumed-deleted", "G6"],
  ]);
});

it("mk-14d: a post struck through in the proposed list is costed, with a warning at its row", async () => {
  const list: Rows = [
    ["Post ID", "Position", "Grade", "Team", "Salary", "FTE"],
    ["P1", "Social Worker", "SS09", "North", 38000, 1],
    ["P2", "Social Worker", "SS09", "North", 38000, 1],
    ["P3", "Team Manager", "SS12", "North", 50000, 1],
  ];
  const { code, json } = await build(
    { "Current structure": list, "Proposed structure": list },
    (ws, name) => {
      if (name === "Proposed structure")
        ws.getRow(3).eachCell((c) => (c.font = { strike: true, color: { argb: "FF808080" } }));
    }
  );
  expect(code).toBe(0);
  expect(changesOf(json)["Full-year effect"]).toBe(0);
  expect(
    json.issues.filter((i) => i.code === "struck-row").map((i) => [i.severity, i.sheet, i.address])
  ).toEqual([["warning", "Proposed structure", "A3"]]);
});
