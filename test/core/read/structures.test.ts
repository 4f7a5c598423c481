import type { CellValue } from "../../../src/core/grid";
import { annualCostOf, proposedVersusCurrent } from "../../../src/core/changes";
import { readWorkbook } from "../../../src/core/read";
import { structureSide } from "../../../src/core/read/structures";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, where } from "./helpers";

/**
 * One restructure, typed two ways. Current: six posts. Proposed: the Team Manager
 * unchanged, the Senior Practitioner deleted, the Social Workers up from 3 to 4 FTE, the
 * Admin Officer regraded SS05 → SS06 at £26,000, the agency Social Worker made permanent
 * (at £38,000), the Family Worker moved to the East team; and a new Practice Lead.
 */
const CURRENT: CellValue[][] = [
  [
    "Post ID",
    "Position",
    "Grade",
    "Team",
    "Salary",
    "FTE",
    "Contract type",
    "Agency hourly rate",
    "Funding",
  ],
  ["P1", "Team Manager", "SS11", "North", 45000, 1, "Permanent", "", "Core"],
  ["P2", "Senior Practitioner", "SS10", "North", 40000, 1, "Permanent", "", "Core"],
  ["P3", "Social Worker", "SS09", "North", 36000, 3, "Permanent", "", "Core"],
  ["P4", "Admin Officer", "SS05", "North", 24000, 1, "Permanent", "", "Core"],
  ["P5", "Social Worker (agency)", "SS09", "North", 36000, 1, "Agency", 35, "Core"],
  ["P6", "Family Worker", "SS07", "North", 28000, 1, "Permanent", "", "Core"],
];
/** The proposed list: columns in another order, no Agency rate column, one more post. */
const PROPOSED: CellValue[][] = [
  ["Position", "Post ID", "FTE", "Team", "Grade", "Contract type", "Salary", "Funding"],
  ["Team Manager", "P1", 1, "North", "SS11", "Permanent", 45000, "Core"],
  ["Social Worker", "P3", 4, "North", "SS09", "Permanent", 36000, "Core"],
  ["Admin Officer", "P4", 1, "North", "SS06", "Permanent", 26000, "Core"],
  ["Social Worker (agency)", "P5", 1, "North", "SS09", "Permanent", 38000, "Core"],
  ["Family Worker", "P6", 1, "East", "SS07", "Permanent", 28000, "Families First"],
  ["Practice Lead", "P7", 1, "North", "SS12", "Permanent", 48000, "Core"],
];
/** The same restructure as one table: Current FTE and Proposed FTE side by side. */
const ONE_TABLE: CellValue[][] = [
  [
    "Post ID",
    "Position",
    "Grade",
    "Team",
    "Salary",
    "Current FTE",
    "Contract type",
    "Agency hourly rate",
    "Funding",
    "Proposed FTE",
    "Proposed grade",
    "Proposed salary",
    "Proposed contract",
  ],
  ["P1", "Team Manager", "SS11", "North", 45000, 1, "Permanent", "", "Core", "", "", "", ""],
  ["P2", "Senior Practitioner", "SS10", "North", 40000, 1, "Permanent", "", "Core", 0, "", "", ""],
  ["P3", "Social Worker", "SS09", "North", 36000, 3, "Permanent", "", "Core", 4, "", "", ""],
  ["P4", "Admin Officer", "SS05", "North", 24000, 1, "Permanent", "", "Core", 1, "SS06", 26000, ""],
  [
    "P5",
    "Social Worker (agency)",
    "SS09",
    "North",
    36000,
    1,
    "Agency",
    35,
    "Core",
    1,
    "",
    38000,
    "Permanent",
  ],
  ["P6", "Family Worker", "SS07", "North", 28000, 1, "Permanent", "", "Core", 1, "", "", ""],
  ["P7", "Practice Lead", "SS12", "North", 48000, "", "Permanent", "", "Core", 1, "", "", ""],
];

const request = { mode: "shareable" as const, generatedAt: "now", version: "test" };

function figures(grids: ReturnType<typeof grid>[], options = {}) {
  const inputs = readWorkbook({ grids }, { defaultFirstYear: 2025, ...options });
  const est = inputs.restructure ?? inputs.establishment!;
  const a = inputs.assumptions;
  return { inputs, r: proposedVersusCurrent(est.posts, a, annualCostOf(a)) };
}

const costs = (r: ReturnType<typeof figures>["r"]) =>
  r.posts.map((p) => [
    p.title,
    p.currentFte,
    p.proposedFte,
    p.current.total,
    p.proposed.total,
    p.change,
  ]);

describe("two structures: found by their names, matched, and costed as the one-table form", () => {
  const one = figures([grid("Restructure", ONE_TABLE)]);
  const two = figures([grid("Current structure", CURRENT), grid("Proposed structure", PROPOSED)]);

  it("gives the very figures of the same restructure typed as one table", () => {
    expect(two.inputs.restructure).toBeDefined();
    expect(costs(two.r)).toEqual(costs(one.r));
    expect(two.r.totals).toEqual(one.r.totals);
    expect(two.r.management).toEqual(one.r.management);
    expect(two.r.agencyConversions).toEqual(one.r.agencyConversions);
    // Hand check of the Social Workers: 3 → 4 FTE at £36,000 is one more post's cost.
    const sw = two.r.posts.find((p) => p.title === "Social Worker")!;
    expect(sw.change).toBe(Math.round((sw.proposed.total - sw.current.total) * 100) / 100);
    expect(sw.proposed.total / 4).toBeCloseTo(sw.current.total / 3, 2);
  });

  it("classifies each change, and a move of team or funding only the two-list form can show", () => {
    expect(two.r.posts.map((p) => [p.title, p.changes])).toEqual([
      ["Team Manager", ["unchanged"]],
      ["Senior Practitioner", ["deleted"]],
      ["Social Worker", ["increased"]],
      ["Admin Officer", ["regraded"]],
      ["Social Worker (agency)", ["contract changed", "regraded"]],
      ["Family Worker", ["team changed", "funding changed"]],
      ["Practice Lead", ["new"]],
    ]);
    const moved = two.r.posts[5];
    expect([moved.team, moved.proposedTeam, moved.proposedFunding]).toEqual([
      "North",
      "East",
      "Families First",
    ]);
    expect(two.r.posts[4]).toMatchObject({
      currentContract: "agency",
      proposedContract: "permanent",
    });
  });

  it("says per post which rows it came from and how it was matched", () => {
    const p = two.r.posts;
    expect(p[0]).toMatchObject({
      currentSource: { sheet: "Current structure", row: 2, address: "B2" },
      proposedSource: { sheet: "Proposed structure", row: 2, address: "A2" },
      matchedBy: "post ID",
    });
    expect(p[1].proposedSource).toBeUndefined();
    expect(p[1].matchedBy).toBeUndefined();
    expect(p[6].currentSource).toBeUndefined();
    expect(p[6].proposedSource).toEqual({ sheet: "Proposed structure", row: 7, address: "A7" });
  });

  it("notes the two lists and the matching at the current list's header; the costing sheets cost the current list", () => {
    const note = two.inputs.issues.find((i) => i.code === "two-structures")!;
    expect([note.severity, note.sheet, note.address]).toEqual(["info", "Current structure", "A1"]);
    expect(note.message).toBe(
      "Read as a restructure from two lists (found by their names): current structure 'Current structure'!A1:I7, proposed structure 'Proposed structure'!A1:H7. Posts matched: 5 by post ID, 0 by title, grade and team, 0 by title and team; 1 current post not in the proposed list (deleted), 1 proposed post not in the current list (new). The costing sheets cost the current structure; the Restructure sheet compares the two"
    );
    expect(two.inputs.establishment!.sheet).toBe("Current structure");
    expect(two.inputs.establishment!.posts.map((p) => p.fte)).toEqual([1, 1, 3, 1, 1, 1]);
  });

  it("a plain build writes the Restructure sheet too, with the one-table form's headline", () => {
    const built = buildWorkbook(
      { grids: [grid("Current structure", CURRENT), grid("Proposed structure", PROPOSED)] },
      request
    );
    const oneBuilt = buildWorkbook({ grids: [grid("Restructure", ONE_TABLE)] }, request);
    expect(built.ok).toBe(true);
    expect(built.sheets.map((s) => s.key)).toEqual(["cost", "grant", "changes", "assumptions"]);
    const changes = (b: typeof built) => b.summaries.find((s) => s.key === "changes")!;
    expect(changes(built).figures).toEqual(changes(oneBuilt).figures);
  });
});

describe("two structures on one sheet, as two Excel Tables; and by year", () => {
  it("finds the tables by their names and gives the same figures", () => {
    const one = figures([grid("Restructure", ONE_TABLE)]);
    const two = figures([
      grid("Staffing", CURRENT, { row: 0, column: 0 }, "CurrentStructure"),
      grid("Staffing", PROPOSED, { row: 10, column: 0 }, "ProposedStructure"),
    ]);
    expect(two.inputs.restructure!.structures).toEqual({
      current: { sheet: "Staffing", range: "A1:I7", table: "CurrentStructure" },
      proposed: { sheet: "Staffing", range: "A11:H17", table: "ProposedStructure" },
    });
    expect(costs(two.r)).toEqual(costs(one.r));
    expect(two.r.posts[6].proposedSource).toEqual({ sheet: "Staffing", row: 17, address: "A17" });
  });

  it("finds two titled blocks on one sheet: 'Current structure' above, 'Proposed structure' below", () => {
    const one = figures([grid("Restructure", ONE_TABLE)]);
    const sheet = [
      ["Current structure"],
      ...CURRENT,
      [],
      [],
      [],
      ["Proposed structure"],
      ...PROPOSED,
    ];
    const two = figures([grid("Staffing", sheet)]);
    expect(two.inputs.restructure!.structures).toEqual({
      current: { sheet: "Staffing", range: "A2:I8" },
      proposed: { sheet: "Staffing", range: "A13:H19" },
    });
    expect(costs(two.r)).toEqual(costs(one.r));
  });

  it("takes 'Structure 2018' as the proposed and 'Structure 2017' as the current", () => {
    const two = figures([grid("Structure 2018", PROPOSED), grid("Structure 2017", CURRENT)]);
    expect(two.inputs.restructure!.structures!.current.sheet).toBe("Structure 2017");
    expect(two.inputs.issues.find((i) => i.code === "two-structures")!.message).toMatch(
      /^Read as a restructure from two lists \(found by their years, the later as proposed\)/
    );
  });

  it("reads words that say the side, and leaves others alone", () => {
    expect(
      ["Current structure", "As is", "Existing establishment", "Before", "Structure now"].map(
        structureSide
      )
    ).toEqual(["current", "current", "current", "current", "current"]);
    expect(
      ["Proposed structure", "To be", "New structure", "Future", "After"].map(structureSide)
    ).toEqual(["proposed", "proposed", "proposed", "proposed", "proposed"]);
    expect(
      ["Establishment", "Staffing 2025/26", "Current and proposed"].map(structureSide)
    ).toEqual([undefined, undefined, undefined]);
  });

  it("a one-table restructure, or a lone establishment, is read as before", () => {
    const one = figures([grid("Restructure", ONE_TABLE), grid("Proposed structure", PROPOSED)]);
    expect(one.inputs.restructure).toBeUndefined();
    expect(one.inputs.establishment!.sheet).toBe("Restructure");
    const lone = figures([grid("Current structure", CURRENT)]);
    expect(lone.inputs.restructure).toBeUndefined();
  });
});

describe("two structures named by the user", () => {
  const grids = [grid("Sheet1", CURRENT), grid("Sheet2", PROPOSED)];

  it("reads the lists named, whatever they are called", () => {
    const named = figures(grids, { current: "Sheet1", proposed: "sheet2" });
    expect(named.inputs.restructure!.structures!.proposed.sheet).toBe("Sheet2");
    expect(named.inputs.issues.find((i) => i.code === "two-structures")!.message).toMatch(
      /\(as named\)/
    );
    // Unnamed, nothing says which is which: one establishment, as before.
    expect(figures(grids).inputs.restructure).toBeUndefined();
  });

  it("a name that is no list, one side only, or the same list twice is an error", () => {
    const err = (options: object) =>
      readWorkbook({ grids }, options).issues.filter((i) => i.severity === "error");
    expect(err({ current: "Sheet1", proposed: "Nope" }).map((i) => i.message)).toEqual([
      "No establishment list found on a sheet or Excel Table named 'Nope' for the proposed structure",
    ]);
    expect(err({ current: "Sheet1" }).map((i) => i.message)).toEqual([
      "The current structure was named but not the proposed one",
    ]);
    expect(err({ current: "Sheet1", proposed: "Sheet1" }).map((i) => i.code)).toEqual([
      "structure-same-list",
    ]);
  });
});

describe("matching without post IDs", () => {
  const head = ["Position", "Grade", "Team", "Salary", "FTE"];

  it("matches by title, grade and team as people type them, then by title and team", () => {
    const two = figures([
      grid("Current", [
        head,
        ["Social Worker", "Grade 8", "North ", 36000, 1],
        ["Admin officer", "SS05", "North", 24000, 1],
      ]),
      grid("Proposed", [
        head,
        ["Admin Officer", "SS06", "north", 26000, 1],
        ["social  worker.", "G8", "North", 36000, 1],
      ]),
    ]);
    expect(two.r.posts.map((p) => [p.title, p.matchedBy, p.changes])).toEqual([
      ["Social Worker", "title, grade and team", ["unchanged"]],
      ["Admin officer", "title and team", ["regraded"]],
    ]);
  });

  it("pairs two current and three proposed 'Social Worker, SW2, North' in order, and says so at the cells", () => {
    const two = figures([
      grid("Current", [
        head,
        ["Social Worker", "SW2", "North", 36000, 1],
        ["Social Worker", "SW2", "North", 36000, 0.5],
      ]),
      grid("Proposed", [
        head,
        ["Social Worker", "SW2", "North", 36000, 1],
        ["Social Worker", "SW2", "North", 36000, 1],
        ["Social Worker", "SW2", "North", 36000, 1],
      ]),
    ]);
    expect(
      two.r.posts.map((p) => [p.currentFte, p.proposedFte, p.classification, p.inOrder])
    ).toEqual([
      [1, 1, "unchanged", true],
      [0.5, 1, "increased", true],
      [0, 1, "new", undefined],
    ]);
    const warning = two.inputs.issues.filter((i) => i.code === "structure-match-ambiguous");
    expect(where(warning)).toEqual(["warning:structure-match-ambiguous@A2"]);
    expect(warning[0].message).toBe(
      "2 current and 3 proposed posts are 'Social Worker, SW2, North' (matched by title, grade and team): paired in the order listed, Current!A2 with Proposed!A2, Current!A3 with Proposed!A3; Proposed!A4 is new"
    );
  });

  it("pairs the one post of a title, grade and salary that moved team, and says so at its row (tryout 3, mk-13c)", () => {
    const two = figures([
      grid("Current structure", [
        head,
        ["Social Worker", "SS09", "North", 38000, 4],
        ["Business Support Officer", "SS04", "North", 24000, 1],
      ]),
      grid("Proposed structure", [
        head,
        ["Social Worker", "SS09", "North", 38000, 4],
        ["Business Support Officer", "SS04", "South", 24000, 1],
      ]),
    ]);
    expect(two.r.posts.map((p) => [p.title, p.matchedBy, p.changes, p.change])).toEqual([
      ["Social Worker", "title, grade and team", ["unchanged"], 0],
      ["Business Support Officer", "title, grade and salary", ["team changed"], 0],
    ]);
    const said = two.inputs.issues.filter((i) => i.code === "structure-matched-moved");
    expect(said.map((i) => [i.severity, i.sheet, i.address, i.message])).toEqual([
      [
        "info",
        "Current structure",
        "A3",
        "'Business Support Officer' (SS04, £24,000) is in team 'North' now and team 'South' at 'Proposed structure'!A3: with no post ID, and the only such post in each list, it is read as one post moved team",
      ],
    ]);
    expect(two.inputs.issues.find((i) => i.code === "two-structures")!.message).toContain(
      "Posts matched: 0 by post ID, 1 by title, grade and team, 0 by title and team, 1 by title, grade and salary (in another team); 0 current posts not in the proposed list (deleted), 0 proposed posts not in the current list (new)"
    );
  });

  it("does not pair by salary two posts that moved (which went where?), nor a post with an ID", () => {
    const two = figures([
      grid("Current structure", [
        head,
        ["Business Support Officer", "SS04", "North", 24000, 1],
        ["Business Support Officer", "SS04", "East", 24000, 1],
      ]),
      grid("Proposed structure", [
        head,
        ["Business Support Officer", "SS04", "South", 24000, 1],
        ["Business Support Officer", "SS04", "West", 24000, 1],
      ]),
    ]);
    expect(two.r.posts.map((p) => p.classification)).toEqual(["deleted", "deleted", "new", "new"]);
    const ids = ["Post ID", ...head];
    const withIds = figures([
      grid("Current structure", [
        ids,
        ["P1", "Business Support Officer", "SS04", "North", 24000, 1],
      ]),
      grid("Proposed structure", [
        ids,
        ["P9", "Business Support Officer", "SS04", "South", 24000, 1],
      ]),
    ]);
    expect(withIds.r.posts.map((p) => p.classification)).toEqual(["deleted", "new"]);
  });

  it("an unmatched current post is deleted and an unmatched proposed post new", () => {
    const two = figures([
      grid("Current", [head, ["Youth Worker", "SS06", "South", 25000, 1]]),
      grid("Proposed", [head, ["Youth Officer", "SS06", "South", 25000, 1]]),
    ]);
    expect(two.r.posts.map((p) => [p.title, p.classification])).toEqual([
      ["Youth Worker", "deleted"],
      ["Youth Officer", "new"],
    ]);
  });

  it("prices a post regraded in the proposed list by that list's grade range when it gives no salary", () => {
    const range = ["Position", "Grade", "Team", "Minimum salary", "Maximum salary", "FTE"];
    const two = figures([
      grid("Current", [range, ["Team Leader", "SS09", "North", 36000, 38000, 1]]),
      grid("Proposed", [range, ["Team Leader", "SS10", "North", 39000, 41000, 1]]),
    ]);
    const one = figures([
      grid("Restructure", [
        [
          "Position",
          "Grade",
          "Team",
          "Salary",
          "Current FTE",
          "Proposed FTE",
          "Proposed grade",
          "Proposed salary",
        ],
        // Costed at the bottom of the grade by default: £36,000 now, £39,000 proposed.
        ["Team Leader", "SS09", "North", 36000, 1, 1, "SS10", 39000],
      ]),
    ]);
    expect(two.r.posts[0].changes).toEqual(["regraded"]);
    expect(costs(two.r)).toEqual(costs(one.r));
    expect(two.r.warnings.filter((w) => /no proposed cost/.test(w))).toEqual([]);
  });

  it("says which list's row a post without a cost is on", () => {
    const head = ["Position", "Grade", "Team", "Salary", "FTE"];
    const two = figures([
      grid("Current", [head, ["Youth Worker", "SS06", "South", 25000, 1]]),
      grid("Proposed", [
        head,
        ["Youth Worker", "SS06", "South", 25000, 1],
        ["Mentor", "", "South", "", 1],
      ]),
    ]);
    expect(two.r.warnings).toContain(
      "Mentor ('Proposed' row 3) has proposed FTE but no proposed cost: give a salary or a pay scale for its grade"
    );
  });
});
