import type { CellValue, Grid } from "../../../src/core/grid";
import { parseRangeA1 } from "../../../src/core/grid";
import { proposedVersusCurrent } from "../../../src/core/changes";
import { readEstablishment } from "../../../src/core/read";
import { assumptions, simpleCostOf } from "../changes/fixtures";
import { grid, messages, where } from "./helpers";

const HEADER = ["Position", "Team", "Grade", "Salary", "FTE", "Proposed FTE"];

/** Title in row 1 (merged across), header in row 4, posts in rows 5 to 11. */
function establishment(facts: Partial<Grid> = {}, posts?: CellValue[][]): Grid {
  const rows = posts ?? [
    ["Social Worker", "Social Work", "SS09", 36000, 1, 1],
    ["Social Worker", "", "SS09", 36000, 1, 0],
    ["Senior Practitioner", "", "SS10", 40000, 1, 1],
    ["Team Manager", "", "SS11", 48000, 1, 1],
    ["Admin Officer", "", "SS05", 24000, 0.5, 0.5],
    ["Family Support Worker", "Early Help", "SS08", 28000, 1, 1],
    ["Family Support Worker", "Early Help", "SS08", 28000, 1, 2],
  ];
  return {
    ...grid("Establishment", [
      ["Children's Services establishment 2025/26", "", "", "", "", ""],
      ["", "", "", "", "", ""],
      ["", "", "", "", "", ""],
      HEADER,
      ...rows,
    ]),
    ...facts,
  };
}

const merges = (...ranges: string[]) => ranges.map(parseRangeA1);
const relevant = (codes: string[]) => (i: { code: string }) => codes.includes(i.code);

describe("merged label cells", () => {
  const read = readEstablishment({ grids: [establishment({ merges: merges("A1:F1", "B5:B9") })] });
  const posts = read.establishment!.posts;

  it("reads a team merged down over five posts in each of them, with a note at the merge", () => {
    expect(posts.map((p) => p.team)).toEqual([
      "Social Work",
      "Social Work",
      "Social Work",
      "Social Work",
      "Social Work",
      "Early Help",
      "Early Help",
    ]);
    const notes = read.issues.filter(relevant(["merged-label", "merged-figure"]));
    expect(where(notes)).toEqual(["info:merged-label@B5"]);
    expect(messages(notes)).toEqual([
      "Establishment!B5: Team 'Social Work' is one cell merged over B5:B9, so each of the 5 posts in rows 5 to 9 is read with Team 'Social Work' — nothing to do if that is right; for a post with another Team, unmerge the cells and type each post's own",
    ]);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("points each filled post's Team at the merge's cell, where the value is", () => {
    expect(posts.map((p) => p.cells.team)).toEqual(["B5", "B5", "B5", "B5", "B5", "B10", "B11"]);
    expect(posts[1].cells.fte).toBe("E6");
  });

  it("gives the team totals of the whole merge", () => {
    const teams = proposedVersusCurrent(posts, assumptions, simpleCostOf).teams;
    expect(
      teams.map((t) => [t.team, t.posts, t.currentFte, t.currentCost, t.proposedCost])
    ).toEqual([
      // (36,000 + 36,000 + 40,000 + 48,000 + 12,000) × 1.25 now; the second social worker deleted.
      ["Social Work", 5, 4.5, 215000, 170000],
      ["Early Help", 2, 2, 70000, 105000],
    ]);
  });

  it("without the merge fact, the blank cells are no team (what was read before)", () => {
    const plain = readEstablishment({ grids: [establishment()] }).establishment!.posts;
    expect(plain.map((p) => p.team ?? "")).toEqual([
      "Social Work",
      "",
      "",
      "",
      "",
      "Early Help",
      "Early Help",
    ]);
  });

  it("refuses a figure merged over several posts: it would count for each", () => {
    const rows: CellValue[][] = [
      ["Social Worker", "Social Work", "SS09", 36000, 3, ""],
      ["Social Worker", "Social Work", "SS09", 36000, "", ""],
      ["Social Worker", "Social Work", "SS09", 36000, "", ""],
    ];
    const result = readEstablishment({
      grids: [establishment({ merges: merges("E5:E7") }, rows)],
    });
    const merged = result.issues.filter(relevant(["merged-figure"]));
    expect(messages(merged)).toEqual([
      "Establishment!E5: FTE 3 is one cell merged over E5:E7, so it is no one post's figure: the 3 posts in rows 5 to 7 would each count it — unmerge the cells (Home › Merge & Center) and give each post its own FTE",
    ]);
    expect(merged[0].severity).toBe("error");
    // The posts under it keep their own (blank) FTE: nothing is copied.
    expect(where(result.issues.filter(relevant(["fte-missing"])))).toEqual([
      "error:fte-missing@E6",
      "error:fte-missing@E7",
    ]);
  });

  it("leaves alone a merge inside one row, over an unread column, or over blank rows only", () => {
    const rows: CellValue[][] = [
      ["Social Worker", "Social Work", "SS09", 36000, 1, "", "see note"],
      ["Social Worker", "", "SS09", 36000, 1, "", ""],
      ["", "", "", "", "", "", ""],
      ["Team Manager", "Early Help", "SS11", 48000, 1, "", ""],
      ["", "", "", "", "", "", ""],
    ];
    const g = establishment({ merges: merges("A5:B5", "G5:G6", "B8:B9") }, rows);
    g.values[3] = [...HEADER, "Comments"];
    const result = readEstablishment({ grids: [g] });
    expect(result.issues.filter(relevant(["merged-label", "merged-figure"]))).toEqual([]);
    expect(result.establishment!.posts.map((p) => p.team ?? "")).toEqual([
      "Social Work",
      "",
      "Early Help",
    ]);
  });

  it("does not count or fill a TOTAL row under the merge", () => {
    const rows: CellValue[][] = [
      ["Social Worker", "Social Work", "SS09", 36000, 1, ""],
      ["Team Manager", "", "SS11", 48000, 1, ""],
      ["Social Work total", "", "", "", 2, ""],
    ];
    const result = readEstablishment({
      grids: [establishment({ merges: merges("B5:B7") }, rows)],
    });
    expect(result.issues.filter(relevant(["merged-label"]))[0].message).toBe(
      "Team 'Social Work' is one cell merged over B5:B7, so each of the 2 posts in rows 5 to 7 is read with Team 'Social Work'"
    );
    expect(result.establishment!.posts.map((p) => p.team)).toEqual(["Social Work", "Social Work"]);
    expect(result.issues.filter(relevant(["total-mismatch"]))).toEqual([]);
    expect(result.establishment!.totals).toHaveLength(1);
  });

  it("says so at the header when the merges could not be listed", () => {
    const result = readEstablishment({ grids: [establishment({ mergesUnknown: true })] });
    const notes = result.issues.filter(relevant(["merges-unchecked"]));
    expect(where(notes)).toEqual(["info:merges-unchecked@A4"]);
    expect(notes[0].message).toBe(
      "Merged cells could not be checked: Excel could not list them (that needs ExcelApi 1.13, and at most 512 merged areas in a range), and a merged cell's value is read in its first row only"
    );
  });
});

describe("hidden and filtered-out rows", () => {
  it("costs a hidden post like every row, with a warning at its first cell", () => {
    // Sheet rows 7 and 9 (zero-based 6 and 8) hidden.
    const result = readEstablishment({ grids: [establishment({ hiddenRows: [6, 8] })] });
    const posts = result.establishment!.posts;
    expect(posts).toHaveLength(7);
    expect(posts.reduce((n, p) => n + p.fte, 0)).toBe(6.5);
    const hidden = result.issues.filter(relevant(["hidden-row", "hidden-rows-more"]));
    expect(messages(hidden)).toEqual([
      "Establishment!A7: Row 7 ('Senior Practitioner') is hidden or filtered out, and is read as a post like every row (Excel's SUM counts it too) — nothing to do if it is a post (unhide it to check it); if it is not (an old post kept out of sight), delete the row or move it off the table; in a restructure, a Status of Deleted deletes it from the proposed structure only",
      "Establishment!A9: Row 9 ('Admin Officer') is hidden or filtered out, and is read as a post like every row (Excel's SUM counts it too) — nothing to do if it is a post (unhide it to check it); if it is not (an old post kept out of sight), delete the row or move it off the table; in a restructure, a Status of Deleted deletes it from the proposed structure only",
    ]);
    expect(hidden.every((i) => i.severity === "warning")).toBe(true);
  });

  it("names the first 20 hidden posts and counts the rest in one warning", () => {
    const rows: CellValue[][] = Array.from({ length: 30 }, (_, i) => [
      `Post ${i + 1}`,
      "Early Help",
      "SS08",
      28000,
      1,
      "",
    ]);
    // Every post hidden but the first two: sheet rows 7 to 34.
    const hiddenRows = Array.from({ length: 28 }, (_, i) => 6 + i);
    const result = readEstablishment({ grids: [establishment({ hiddenRows }, rows)] });
    expect(result.establishment!.posts).toHaveLength(30);
    const hidden = result.issues.filter(relevant(["hidden-row", "hidden-rows-more"]));
    expect(hidden).toHaveLength(21);
    expect(where(hidden.slice(0, 2))).toEqual(["warning:hidden-row@A7", "warning:hidden-row@A8"]);
    expect(where(hidden.slice(19))).toEqual([
      "warning:hidden-row@A26",
      "warning:hidden-rows-more@A27",
    ]);
    expect(hidden[20].message).toBe(
      "8 more hidden or filtered-out rows are read as posts like every row (rows 27 to 34)"
    );
  });

  it("says nothing of a hidden blank row or a hidden row outside the table", () => {
    const rows: CellValue[][] = [
      ["Social Worker", "Social Work", "SS09", 36000, 1, ""],
      ["", "", "", "", "", ""],
      ["Team Manager", "Social Work", "SS11", 48000, 1, ""],
    ];
    const result = readEstablishment({
      grids: [establishment({ hiddenRows: [1, 2, 5] }, rows)],
    });
    expect(result.issues.filter(relevant(["hidden-row", "hidden-rows-more"]))).toEqual([]);
  });
});
