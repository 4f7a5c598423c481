/**
 * Issue 14 on the Restructure sheet: it says where each post's figures came from. One table:
 * how many blank Proposed FTEs were taken as unchanged, and each one's reading. Two lists:
 * the current and proposed row each post was matched from, and by which rule. An agency
 * conversion that also changes FTE: the saving like for like apart from the FTE change.
 */
import type { CellValue } from "../../../src/core/grid";
import type { SheetSpec } from "../../../src/core/report";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid } from "../read/helpers";

const SETTINGS = grid("Assumptions", [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
  ["Number of years", 1],
  ["Costing point", "bottom"],
  ["Employer pension rate", "19%"],
  ["Increment rule", "April"],
]);
const build = (...grids: ReturnType<typeof grid>[]) =>
  buildWorkbook(
    { grids: [...grids, SETTINGS] },
    { mode: "shareable", only: ["changes"], generatedAt: "now", version: "test" }
  );

/** The posts table as rows of shown text and numbers, by header. */
function postsTable(sheet: SheetSpec): Array<Record<string, CellValue>> {
  const t = sheet.tables.find((x) => x.name === "RestructurePosts")!;
  const [top, bottom] = [...t.range.matchAll(/\d+/g)].map((m) => Number(m[0]) - 1);
  const shown = (r: number) =>
    sheet.cells[r].map((c) => (!c ? "" : c.kind === "text" ? c.text : c.value));
  const header = shown(top) as string[];
  const rows: Array<Record<string, CellValue>> = [];
  for (let r = top + 1; r <= bottom; r++) {
    const line = shown(r);
    if (line.includes("Total")) break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, line[i] as CellValue])));
  }
  return rows;
}
const texts = (sheet: SheetSpec) =>
  sheet.cells.flatMap((row) => row.flatMap((c) => (c?.kind === "text" ? [c.text] : [])));

describe("the Restructure sheet says where each post's figures came from", () => {
  it("one table: a blank Proposed FTE is unchanged, counted in a note and shown per post", () => {
    const r = build(
      grid("Staff", [
        ["Post title", "Salary", "FTE", "Proposed FTE", "No of staff"],
        ["Team Manager", 45000, 1, "", 1],
        ["Social Worker", 36000, 3, 4, 3],
        ["Admin Officer", 24000, 1, 0, 1],
        ["Support Worker", 26000, 2, "Deleted", 2],
      ])
    );
    const sheet = r.sheets[0];
    expect(texts(sheet)).toContain(
      "1 post has a blank Proposed FTE, taken as unchanged (type 0, or 'Deleted', to delete a post)."
    );
    expect(
      postsTable(sheet).map((p) => [p.Post, p["FTE proposed"], p["Proposed FTE read as"]])
    ).toEqual([
      ["Team Manager", 1, "Blank: unchanged"],
      ["Social Worker", 4, ""],
      ["Admin Officer", 0, ""],
      ["Support Worker", 0, "'Deleted' typed"],
    ]);
  });

  it("two lists: each post's row now, row proposed and how it was matched", () => {
    const r = build(
      grid("Current structure", [
        ["Post ID", "Position", "Grade", "Team", "Salary", "FTE"],
        ["P1", "Team Manager", "SS11", "North", 45000, 1],
        ["P2", "Senior Practitioner", "SS10", "North", 40000, 1],
        ["", "Social Worker", "SS09", "North", 36000, 3],
      ]),
      grid("Proposed structure", [
        ["Position", "FTE", "Post ID", "Salary", "Grade", "Team"],
        ["Team Manager", 1, "P1", 45000, "SS11", "North"],
        ["Social Worker", 4, "", 36000, "SS09", "North"],
        ["Practice Lead", 1, "P7", 48000, "SS12", "North"],
      ])
    );
    const sheet = r.sheets[0];
    expect(texts(sheet).find((t) => t.startsWith("Source: "))).toMatch(
      /^Source: current structure 'Current structure'!A1:F4, proposed structure 'Proposed structure'!A1:F4 · /
    );
    expect(
      postsTable(sheet).map((p) => [p.Post, p["Row now"], p["Row proposed"], p["Matched by"]])
    ).toEqual([
      ["Team Manager", "'Current structure'!B2", "'Proposed structure'!A2", "post ID"],
      ["Senior Practitioner", "'Current structure'!B3", "", "not in the proposed list"],
      [
        "Social Worker",
        "'Current structure'!B4",
        "'Proposed structure'!A3",
        "title, grade and team",
      ],
      ["Practice Lead", "", "'Proposed structure'!A4", "not in the current list"],
    ]);
  });

  it("an agency conversion that grows: the saving like for like, less the cost of the growth", () => {
    const r = build(
      grid("Staff", [
        [
          "Post title",
          "Salary",
          "FTE",
          "Proposed FTE",
          "No of staff",
          "Contract type",
          "Proposed contract type",
          "Agency hourly rate",
        ],
        ["Social Worker", 36000, 1, 1.5, 1, "Agency", "Permanent", 40],
      ])
    );
    const sheet = r.sheets[0];
    const agency = sheet.tables.find((t) => t.name === "RestructureAgency")!;
    const top = Number(/\d+/.exec(agency.range)![0]) - 1;
    const header = sheet.cells[top].map((c) => (c?.kind === "text" ? c.text : ""));
    const row = sheet.cells[top + 1];
    const at = (h: string) => {
      const c = row[header.indexOf(h)];
      return c && c.kind !== "text" ? (c.value as number) : undefined;
    };
    const penny = (x: number) => Math.round(x * 100) / 100;
    // 1 agency FTE at £40 an hour, 37 hours, 52 weeks; 1.5 permanent FTE at the sheet's cost.
    const agencyCost = 40 * 37 * 52;
    const permanent = at("Permanent cost (a year)") as number;
    expect(at("Agency cost (a year)")).toBe(76960);
    // DOMAIN: like for like per FTE on the 1 FTE converted, and the 0.5 FTE growth apart.
    const growth = penny(0.5 * (permanent / 1.5));
    const net = penny(agencyCost - permanent);
    expect([
      at("Saving (a year)"),
      at("FTE converted"),
      at("Cost of the FTE change (a year)"),
      at("Saving like for like (a year)"),
    ]).toEqual([net, 1, growth, penny(net + growth)]);
    const figures = Object.fromEntries(r.summaries[0].figures.map((f) => [f.label, f.value]));
    expect([
      figures["Agency conversion saving (a year)"],
      figures["  of which like for like"],
      figures["  less the FTE change"],
    ]).toEqual([net, penny(net + growth), growth]);
  });
});
