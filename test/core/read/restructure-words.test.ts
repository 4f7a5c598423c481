import { readEstablishment } from "../../../src/core/read";
import { statusWord } from "../../../src/core/read/status-words";
import { grid } from "./helpers";

const STATUS_HEADER = [
  "Post ID",
  "Position",
  "Grade",
  "Salary",
  "Current FTE",
  "Proposed FTE",
  "Status",
];

/** mk-14e: one table, Proposed FTE blank, a Status column saying what happens. */
function statuses(words: string[]) {
  return readEstablishment({
    grids: [
      grid("Restructure", [
        STATUS_HEADER,
        ...words.map((s, i) => [`P${i + 1}`, "Social Worker", "SS09", 38000, 1, "", s]),
      ]),
    ],
  });
}

describe("a Status column in the words officers use (tryout 3, mk-14e)", () => {
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
  const r = statuses(words);

  it("deletes the first seven posts and keeps Ringfenced and No change", () => {
    expect(r.establishment!.posts.map((p) => [p.postId, p.proposedFte, p.proposedFteFrom])).toEqual(
      [
        ["P1", 0, "status deleted"],
        ["P2", 0, "status deleted"],
        ["P3", 0, "status deleted"],
        ["P4", 0, "status deleted"],
        ["P5", 0, "status deleted"],
        ["P6", 0, "status deleted"],
        ["P7", 0, "status deleted"],
        ["P8", undefined, "blank: unchanged"],
        ["P9", undefined, "blank: unchanged"],
      ]
    );
  });

  it("says at the Status cell each deletion read from a word other than a plain one", () => {
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.message])).toEqual([
      [
        "info",
        "status-read-as-deleted",
        "G2",
        "Status 'Deleted - VR' is read as deleted: 'Social Worker' has a proposed FTE of 0",
      ],
      [
        "info",
        "status-read-as-deleted",
        "G3",
        "Status 'Delete (vacant)' is read as deleted: 'Social Worker' has a proposed FTE of 0",
      ],
      [
        "info",
        "status-read-as-deleted",
        "G6",
        "Status 'Disestablish' is read as deleted: 'Social Worker' has a proposed FTE of 0",
      ],
      [
        "info",
        "status-read-as-deleted",
        "G7",
        "Status 'Remove post' is read as deleted: 'Social Worker' has a proposed FTE of 0",
      ],
      [
        "info",
        "status-read-as-deleted",
        "G8",
        "Status 'Redundancy' is read as deleted: 'Social Worker' has a proposed FTE of 0",
      ],
      [
        "info",
        "proposed-fte-blank-unchanged",
        "F1",
        "2 posts have a blank Proposed FTE, read as no change (proposed FTE = current FTE)",
      ],
    ]);
  });

  it("warns at the Status cell of a status it does not read, beside a blank Proposed FTE", () => {
    const u = statuses(["At risk of redundancy", "Transferred out", "Permanent", "Vacant"]);
    expect(u.establishment!.posts.map((p) => p.proposedFte)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const warnings = u.issues.filter((i) => i.severity === "warning");
    expect(warnings.map((i) => [i.code, i.address, i.message])).toEqual([
      [
        "status-not-read",
        "G2",
        "Status 'At risk of redundancy' is not a status I read, and the Proposed FTE is blank, so 'Social Worker' is read as no change (proposed FTE = current FTE 1)",
      ],
      [
        "status-not-read",
        "G3",
        "Status 'Transferred out' is not a status I read, and the Proposed FTE is blank, so 'Social Worker' is read as no change (proposed FTE = current FTE 1)",
      ],
    ]);
    expect(warnings[0].fix).toBe(
      "enter the proposed FTE (0 if the post is deleted); statuses read as deleted: Deleted, Delete, Deletion, Disestablish, Remove, Redundancy, VR, Cease, Abolish (or a status starting or containing one, such as 'Deleted - VR'); as no change: No change, Unchanged, Ringfenced, Slotted in, Vacant, Regraded"
    );
  });

  it("does not look at a status beside a Proposed FTE typed as a figure", () => {
    const r2 = readEstablishment({
      grids: [
        grid("Restructure", [
          STATUS_HEADER,
          ["P1", "Social Worker", "SS09", 38000, 1, 0.5, "At risk"],
        ]),
      ],
    });
    expect(r2.issues).toEqual([]);
    expect(r2.establishment!.posts[0].proposedFte).toBe(0.5);
  });

  it.each([
    ["Deleted", "deleted"],
    ["VR", "deleted, read"],
    ["Voluntary redundancy", "deleted, read"],
    ["Post ceased", "deleted, read"],
    ["Abolished", "deleted, read"],
    ["Not deleted", "unknown"],
    ["Deletion withdrawn", "unknown"],
    ["Delete if VR accepted", "unknown"],
    ["No change - vacant", "no change"],
    ["Ringfenced - J Smith", "no change"],
    ["Vacant - delete", "deleted, read"],
    ["Unchanged", "no change"],
  ])("reads the status %s as %s", (status, word) => {
    expect(statusWord(status)).toBe(word);
  });
});

/** mk-14: a Current block beside a Proposed block, deletions marked in the Proposed FTE. */
describe("a Proposed FTE typed as a dash, n/a or a deletion phrase (tryout 3, mk-14)", () => {
  const r = readEstablishment({
    grids: [
      grid("Restructure", [
        ["Post ID", "Post title", "Current FTE", "Salary", "Proposed FTE"],
        ["P2", "Deputy Team Manager", 1, 46000, "-"],
        ["P3", "Social Worker", 1, 38000, "n/a"],
        ["P4", "Social Worker", 1, 38000, "Post deleted"],
        ["P5", "Social Worker", 1, 38000, "DELETE (VR)"],
        ["P6", "Social Worker", 1, 38000, "–"],
      ]),
    ],
  });

  it("reads each as a deletion", () => {
    expect(r.establishment!.posts.map((p) => [p.postId, p.proposedFte, p.proposedFteFrom])).toEqual(
      [
        ["P2", 0, undefined],
        ["P3", 0, "deleted typed"],
        ["P4", 0, "deleted typed"],
        ["P5", 0, "deleted typed"],
        ["P6", 0, undefined],
      ]
    );
  });

  it("says each reading at its cell, n/a (a guess) as a warning", () => {
    // The deletion phrase is said as its cell is read; a dash and n/a with the Status beside them.
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.message])).toEqual([
      [
        "info",
        "proposed-fte-read-as",
        "E5",
        "Proposed FTE 'DELETE (VR)' is read as deleted (proposed FTE 0)",
      ],
      [
        "info",
        "proposed-fte-read-as",
        "E2",
        "Proposed FTE '-' is read as 0 FTE (a dash is nought): the post is deleted",
      ],
      [
        "warning",
        "proposed-fte-assumed-deleted",
        "E3",
        "Proposed FTE 'n/a' is read as deleted (proposed FTE 0): 'n/a' is taken as no post in the proposed structure",
      ],
      [
        "info",
        "proposed-fte-read-as",
        "E6",
        "Proposed FTE '–' is read as 0 FTE (a dash is nought): the post is deleted",
      ],
    ]);
    expect(r.issues[2].fix).toBe(
      "enter 0 to delete the post, or leave the cell blank if the post is unchanged"
    );
  });
});

/** mk-14b: a new post with only its proposed side filled in. */
describe("a new post with only its proposed side (tryout 3, mk-14b)", () => {
  const HEADER = ["Post ID", "Post title", "Grade", "FTE", "Salary", "Grade", "FTE", "Salary"];
  const read = (row: (string | number)[]) =>
    readEstablishment({
      grids: [
        grid("Restructure", [
          ["", "", "Current", "", "", "Proposed", "", ""],
          HEADER,
          ["P1", "Team Manager", "SS12", 1, 50000, "SS13", 1, 54000],
          row,
        ]),
      ],
    });

  it("needs no current salary: it is costed at its proposed salary", () => {
    const r = read(["P8", "Practice Lead", "", "", "", "SS12", 1, 50000]);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const p8 = r.establishment!.posts[1];
    expect([p8.fte, p8.proposedFte, p8.salary, p8.proposedSalary, p8.proposedGrade]).toEqual([
      0,
      1,
      undefined,
      50000,
      "SS12",
    ]);
  });

  it("with no proposed salary either, is refused at the proposed Salary cell, which it names", () => {
    const r = read(["P8", "Practice Lead", "", "", "", "SS12", 1, ""]);
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.message, i.fix])).toEqual([
      [
        "error",
        "salary-missing",
        "H4",
        "No salary information for 'Practice Lead', a new post (no FTE now): no proposed salary, no salary, and no grade in a pay scales table",
        "enter its proposed salary (or a proposed grade in the pay scales table)",
      ],
    ]);
  });
});

/** mk-14d: a deleted post struck through in the proposed list instead of removed. */
describe("struck-through rows (tryout 3, mk-14d)", () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => [`P${i + 1}`, "Social Worker", "SS09", 38000, 1]);
  const read = (n: number, struck: number[]) =>
    readEstablishment({
      grids: [
        {
          ...grid("Proposed structure", [
            ["Post ID", "Position", "Grade", "Salary", "FTE"],
            ...rows(n),
          ]),
          struckRows: struck,
        },
      ],
    });

  it("costs the row, with a warning at its first cell", () => {
    const r = read(3, [2]);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 1, 1]);
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.message, i.fix])).toEqual([
      [
        "warning",
        "struck-row",
        "A3",
        "Row 3 ('Social Worker') is struck through, and is read as a post like every row, so it is costed (Excel's SUM counts it too); a strikethrough does not delete a post",
        "if the post is deleted, delete the row (in a restructure's one table, enter 0 as its Proposed FTE or a Status of Deleted); if it is a post, remove the strikethrough (Ctrl+5) to silence this",
      ],
    ]);
  });

  it("names the first 20 and counts the rest in one warning", () => {
    const struck = Array.from({ length: 23 }, (_, i) => i + 1);
    const r = read(23, struck);
    expect(r.issues.filter((i) => i.code === "struck-row")).toHaveLength(20);
    const more = r.issues.filter((i) => i.code === "struck-rows-more");
    expect(more.map((i) => [i.address, i.message])).toEqual([
      ["A22", "3 more struck-through rows are read as posts like every row (rows 22 to 24)"],
    ]);
  });
});
