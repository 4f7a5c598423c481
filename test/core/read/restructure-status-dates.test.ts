/**
 * A one-table restructure as finance officers type its Status (brief t5s, items 1 to 3): a
 * date in the Status ("Deleted from 01/10/2025", "New from 01/01/2026", "Ends 31/03/2026"),
 * a Delete (Y/N) column, and a dash beside a Status that keeps the post. Each is read, said at
 * its cell, and costed: the full-year and part-year effects worked out by hand below.
 */
import { annualCostOf, proposedVersusCurrent } from "../../../src/core/changes";
import { costPostIn, financialYearsWindow, prepareCosting } from "../../../src/core/costing";
import { serialOf } from "../../../src/core/dates";
import { readEstablishment } from "../../../src/core/read";
import { defaultAssumptions } from "../../../src/core/read/assumptions";
import { grid } from "./helpers";

// Flat on-costs of 30% on the actual salary: a post costs salary × FTE × 1.3 a year. The
// restructure is implemented on 1 July 2025: 274 of 2025/26's 365 days.
const a = {
  ...defaultAssumptions(2025),
  onCostMode: "flat" as const,
  flatOnCostRate: 0.3,
  costingPoint: "actual" as const,
  implementationDate: serialOf(2025, 7, 1),
};
const HEADER = ["Post ID", "Position", "Salary", "Current FTE", "Proposed FTE", "Status"];

function said(issues: ReturnType<typeof readEstablishment>["issues"]) {
  return issues.map((i) => [i.severity, i.code, i.address, i.message]);
}

describe("a Status with a date (item 1)", () => {
  const r = readEstablishment({
    grids: [
      grid("Restructure", [
        HEADER,
        ["P1", "Social Worker", 40000, 1, "", "Deleted from 01/10/2025"],
        ["P2", "Senior Practitioner", 45000, 1, "", "Deleted wef 1 Oct 25"],
        ["P3", "Practice Lead", 50000, "", 1, "New from 01/01/2026"],
        ["P4", "Family Support Worker", 30000, 1, "", "Ends 31/03/2026"],
        ["P5", "Team Manager", 52000, 1, "", "No change"],
        ["P6", "Business Support", 24000, 1, 0.5, ""],
      ]),
    ],
  });
  const posts = r.establishment!.posts;

  it("reads the status word, and the date as the post's end (or start) and the day its change runs from", () => {
    expect(
      posts.map((p) => [p.postId, p.proposedFte, p.endDate, p.startDate, p.changeDate])
    ).toEqual([
      // Deleted from 1 October: in post to 30 September.
      ["P1", 0, serialOf(2025, 9, 30), undefined, serialOf(2025, 10, 1)],
      ["P2", 0, serialOf(2025, 9, 30), undefined, serialOf(2025, 10, 1)],
      ["P3", 1, undefined, serialOf(2026, 1, 1), serialOf(2026, 1, 1)],
      // Ends on 31 March 2026: its last day; the change from 1 April 2026.
      ["P4", 0, serialOf(2026, 3, 31), undefined, serialOf(2026, 4, 1)],
      ["P5", undefined, undefined, undefined, undefined],
      ["P6", 0.5, undefined, undefined, undefined],
    ]);
  });

  it("says at the Status cell what was read, with the dates", () => {
    expect(said(r.issues)).toEqual([
      [
        "info",
        "status-read-as-deleted",
        "F2",
        "Status 'Deleted from 01/10/2025' is read as deleted from 1 October 2025: 'Social Worker' has a proposed FTE of 0 and an End date of 30 September 2025, so it is costed to then, and its part-year effect on the Restructure sheet runs from 1 October 2025",
      ],
      [
        "info",
        "status-read-as-deleted",
        "F3",
        "Status 'Deleted wef 1 Oct 25' is read as deleted from 1 October 2025: 'Senior Practitioner' has a proposed FTE of 0 and an End date of 30 September 2025, so it is costed to then, and its part-year effect on the Restructure sheet runs from 1 October 2025",
      ],
      [
        "info",
        "status-read-as-new",
        "F4",
        "Status 'New from 01/01/2026' is read as new from 1 January 2026: 'Practice Lead' has a Start date of 1 January 2026, and its part-year effect on the Restructure sheet runs from 1 January 2026",
      ],
      [
        "info",
        "status-read-as-deleted",
        "F5",
        "Status 'Ends 31/03/2026' is read as ending on 31 March 2026: 'Family Support Worker' has a proposed FTE of 0 and an End date of 31 March 2026, so it is costed to then, and its part-year effect on the Restructure sheet runs from 1 April 2026",
      ],
      [
        "info",
        "proposed-fte-blank-unchanged",
        "E1",
        "1 post has a blank Proposed FTE, read as no change (proposed FTE = current FTE)",
      ],
    ]);
  });

  it("costs each dated change from its own date in the part-year effect, the others from 1 July", () => {
    const result = proposedVersusCurrent(posts, a, annualCostOf(a));
    expect(result.posts.map((p) => [p.post.postId, p.change, p.partYearChange])).toEqual([
      // −40,000 × 1.3 = −52,000 a year; × 182/365 (1 October to 31 March) = −25,928.77.
      ["P1", -52000, -25928.77],
      // −45,000 × 1.3 = −58,500; × 182/365 = −29,169.86.
      ["P2", -58500, -29169.86],
      // 50,000 × 1.3 = 65,000; × 90/365 (1 January to 31 March) = 16,027.40.
      ["P3", 65000, 16027.4],
      // −30,000 × 1.3 = −39,000 a year; from 1 April 2026, none of it falls in 2025/26.
      ["P4", -39000, 0],
      ["P5", 0, 0],
      // −0.5 × 24,000 × 1.3 = −15,600; × 274/365 (the implementation date, 1 July) = −11,710.68.
      ["P6", -15600, -11710.68],
    ]);
    // −52,000 − 58,500 + 65,000 − 39,000 − 15,600 = −100,100; part year: the sum of the above.
    expect(result.totals.fullYearEffect).toBe(-100100);
    expect(result.totals.partYearEffect).toBe(-50781.91);
  });

  it("costs the current post to its End date: 6 of 2025/26's 12 months, 40,000 × 0.5 × 1.3 = £26,000", () => {
    const ctx = prepareCosting(a, financialYearsWindow(2025, 1));
    expect(costPostIn(ctx, posts[0]).years[0].total).toBe(26000);
  });
});

describe("a Status date that is a month, unreadable, or disagrees with the post's own date", () => {
  const r = readEstablishment({
    grids: [
      grid("Restructure", [
        [...HEADER, "End date"],
        ["P1", "Practice Lead", 50000, "", 1, "New from Jan 2026", ""],
        ["P2", "Social Worker", 40000, 1, "", "Deleted from Sep-25", ""],
        ["P3", "Social Worker", 42000, 1, "", "Deleted from 01/10/2025", "31/03/2026"],
        ["P4", "Team Manager", 52000, 1, 1, "New from 01/01/2026", ""],
      ]),
    ],
  });
  const posts = r.establishment!.posts;

  it("takes a month's 1st with a warning, reads no date from Sep-25, and costs the End date column", () => {
    expect(
      posts.map((p) => [p.postId, p.proposedFte, p.startDate, p.endDate, p.changeDate])
    ).toEqual([
      ["P1", 1, serialOf(2026, 1, 1), undefined, serialOf(2026, 1, 1)],
      ["P2", 0, undefined, undefined, undefined],
      // The End date typed is costed; the change runs from the day after it.
      ["P3", 0, undefined, serialOf(2026, 3, 31), serialOf(2026, 4, 1)],
      ["P4", 1, undefined, undefined, undefined],
    ]);
    expect(said(r.issues)).toEqual([
      [
        "warning",
        "status-read-as-new",
        "F2",
        "Status 'New from Jan 2026' is read as new from 1 January 2026: 'Practice Lead' has a Start date of 1 January 2026, and its part-year effect on the Restructure sheet runs from 1 January 2026 ('Jan 2026' has no day, so the 1st is taken)",
      ],
      [
        "warning",
        "status-date-not-read",
        "F3",
        "Status 'Deleted from Sep-25' is read as deleted, but 'Sep-25' is not a date I read, so no date is used: 'Social Worker' is costed as it is now for the whole year, and its part-year effect runs from the implementation date",
      ],
      [
        "warning",
        "status-date-differs",
        "F4",
        "Status 'Deleted from 01/10/2025' dates the change from 1 October 2025, but the End date of 'Social Worker' at G4 is 31 March 2026: the End date is used, so the post is costed to 31 March 2026 and its part-year effect runs from 1 April 2026",
      ],
      [
        "warning",
        "status-date-not-used",
        "F5",
        "Status 'New from 01/01/2026' dates a change from 1 January 2026, but the post has a current FTE of 1, so it is not new: the date is not used, and the part-year effect of 'Team Manager' runs from the implementation date",
      ],
    ]);
  });
});

describe("a Delete (Y/N) column (item 2)", () => {
  const read = (heading: string) =>
    readEstablishment({
      grids: [
        grid("Restructure", [
          ["Post ID", "Position", "Salary", "Current FTE", "Proposed FTE", heading],
          ["P1", "Social Worker", 40000, 1, "", "N"],
          ["P2", "Senior Practitioner", 45000, 1, "", "Y"],
          ["P3", "Team Manager", 52000, 1, "", ""],
          ["P4", "Business Support", 24000, 1, "", "Yes"],
        ]),
      ],
    });

  it.each(["Deleted?", "To delete", "Delete (Y/N)"])(
    "reads Y under '%s' as deleted and N or blank as no change, said at the heading",
    (heading) => {
      const r = read(heading);
      expect(
        r.establishment!.posts.map((p) => [p.postId, p.proposedFte, p.proposedFteFrom])
      ).toEqual([
        ["P1", undefined, "blank: unchanged"],
        ["P2", 0, "status deleted"],
        ["P3", undefined, "blank: unchanged"],
        ["P4", 0, "status deleted"],
      ]);
      expect(said(r.issues)).toEqual([
        [
          "info",
          "proposed-fte-blank-unchanged",
          "E1",
          "2 posts have a blank Proposed FTE, read as no change (proposed FTE = current FTE)",
        ],
        [
          "info",
          "delete-column-read",
          "F1",
          `Column F '${heading}' is read as a Status: Y deletes the post (proposed FTE 0), and N or a blank leaves it as it is; 2 posts are deleted by it (rows 3 and 5)`,
        ],
      ]);
      // −45,000 × 1.3 − 24,000 × 1.3 = −58,500 − 31,200 = −89,700 a year.
      const result = proposedVersusCurrent(r.establishment!.posts, a, annualCostOf(a));
      expect(result.totals.fullYearEffect).toBe(-89700);
    }
  );
});

describe("a dash or n/a beside a Status that keeps the post, and contradictions (item 3)", () => {
  const r = readEstablishment({
    grids: [
      grid("Restructure", [
        HEADER,
        ["P1", "Social Worker", 40000, 1, "-", "No change"],
        ["P2", "Senior Practitioner", 45000, 1, "—", "Retained"],
        ["P3", "Team Manager", 52000, 1, "n/a", "Same"],
        ["P4", "Business Support", 24000, 1, "-", ""],
        ["P5", "Practice Lead", 50000, 1, 0, "No change"],
        ["P6", "Family Support Worker", 30000, 1, 1, "Deleted"],
      ]),
    ],
  });
  const posts = r.establishment!.posts;

  it("reads a dash beside a keeping status as no change, a dash alone as nil, and costs the typed figure of a contradiction", () => {
    expect(posts.map((p) => [p.postId, p.proposedFte, p.proposedFteFrom])).toEqual([
      ["P1", undefined, "status unchanged"],
      ["P2", undefined, "status unchanged"],
      ["P3", undefined, "status unchanged"],
      // A typed figure (a dash alone is 0) is the proposed FTE as typed: no reading kept.
      ["P4", 0, undefined],
      ["P5", 0, undefined],
      ["P6", 1, undefined],
    ]);
    const result = proposedVersusCurrent(posts, a, annualCostOf(a));
    // P1–P3 unchanged; P4 deleted: −24,000 × 1.3 = −31,200; P5 deleted: −50,000 × 1.3 = −65,000; P6 kept.
    expect(result.posts.map((p) => p.change)).toEqual([0, 0, 0, -31200, -65000, 0]);
  });

  it("says each reading at its cell and each contradiction at the Status", () => {
    expect(said(r.issues)).toEqual([
      [
        "info",
        "proposed-fte-read-as",
        "E2",
        "Proposed FTE '-' beside Status 'No change' is read as no change: 'Social Worker' keeps its 1 FTE",
      ],
      [
        "info",
        "proposed-fte-read-as",
        "E3",
        "Proposed FTE '—' beside Status 'Retained' is read as no change: 'Senior Practitioner' keeps its 1 FTE",
      ],
      [
        "info",
        "proposed-fte-read-as",
        "E4",
        "Proposed FTE 'n/a' beside Status 'Same' is read as no change: 'Team Manager' keeps its 1 FTE",
      ],
      [
        "info",
        "proposed-fte-read-as",
        "E5",
        "Proposed FTE '-' is read as 0 FTE (a dash is nought): the post is deleted",
      ],
      [
        "warning",
        "status-kept-with-fte-0",
        "F6",
        "Status 'No change' says 'Practice Lead' stays, but its Proposed FTE is 0: it is costed as deleted (proposed FTE 0), not as no change",
      ],
      [
        "warning",
        "status-deleted-with-fte",
        "F7",
        "Status says 'Deleted' but Proposed FTE is 1 for 'Family Support Worker': the post is kept at 1 FTE",
      ],
    ]);
  });
});

describe("n/a in Proposed FTE beside a Status that deletes the post", () => {
  it("is deleted with no guess to warn of: the Status says so", () => {
    const r = readEstablishment({
      grids: [
        grid("Restructure", [
          HEADER,
          ["P1", "Social Worker", 40000, 1, "n/a", "Deleted from 01/10/2025"],
        ]),
      ],
    });
    expect(
      r.establishment!.posts.map((p) => [p.proposedFte, p.proposedFteFrom, p.endDate])
    ).toEqual([[0, "deleted typed", serialOf(2025, 9, 30)]]);
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["info", "status-read-as-deleted", "F2"],
    ]);
  });
});
