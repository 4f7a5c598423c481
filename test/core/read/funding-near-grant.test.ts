import { readWorkbook } from "../../../src/core/read";
import { grantPosts } from "../../../src/core/model";
import { grid } from "./helpers";

const read = (funding: string[]) =>
  readWorkbook({
    grids: [
      grid("Staff", [
        ["Post", "FTE", "Salary", "Funding"],
        ...funding.map((f, i) => [`Family Worker ${i + 1}`, 1, 30000, f]),
      ]),
      grid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2025/26"],
        ["Grant name", "Supporting Families"],
        ["Grant amount", "£500,000"],
      ]),
    ],
  });

describe("Funding that looks like the grant's name but is not it", () => {
  const r = read([
    "Supporting Families",
    "Supporting Families Programme",
    "Supporting Familes",
    "Supporting Families (DLUHC)",
    "Supporting Families Programme",
    "Core",
    "Family Hubs",
  ]);

  it("leaves those posts off the grant, as typed", () => {
    expect(grantPosts(r.establishment!, "Supporting Families").map((p) => p.title)).toEqual([
      "Family Worker 1",
    ]);
  });

  it("says so once per spelling, at its first cell, and not of other funding", () => {
    const said = r.issues.filter((i) => i.code === "funding-near-grant");
    expect(said.map((i) => [i.severity, i.address, i.message])).toEqual([
      [
        "warning",
        "D3",
        "Funding 'Supporting Families Programme' (D3 and 1 more) looks like the grant 'Supporting Families' but is not its name, so those 2 posts are not costed against the grant",
      ],
      [
        "warning",
        "D4",
        "Funding 'Supporting Familes' (D4) looks like the grant 'Supporting Families' but is not its name, so that post is not costed against the grant",
      ],
      [
        "warning",
        "D5",
        "Funding 'Supporting Families (DLUHC)' (D5) looks like the grant 'Supporting Families' but is not its name, so that post is not costed against the grant",
      ],
    ]);
  });

  it("takes 'and' left out of the grant's name as the same near miss", () => {
    const hubs = readWorkbook({
      grids: [
        grid("Staff", [
          ["Post", "FTE", "Salary", "Funding"],
          ["Hub Lead", 1, 40000, "Family Hubs & Start for Life"],
          ["Hub Worker", 1, 30000, "Family Hubs  Start For Life"],
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Grant name", "Family Hubs & Start for Life"],
        ]),
      ],
    });
    expect(
      hubs.issues.filter((i) => i.code === "funding-near-grant").map((i) => i.address)
    ).toEqual(["D3"]);
  });
});

describe("Funding that names a share of a post", () => {
  it("says a post is costed wholly against one funding, matched or not", () => {
    const r = read(["Supporting Families (50%)", "Supporting Families 50% / Core 50%", "Core"]);
    expect(grantPosts(r.establishment!, "Supporting Families").map((p) => p.title)).toEqual([
      "Family Worker 1",
    ]);
    const said = r.issues.filter((i) => i.code === "funding-share");
    expect(said.map((i) => [i.severity, i.address, i.message])).toEqual([
      [
        "warning",
        "D2",
        "Funding 'Supporting Families (50%)' (D2) names a share of a post, but a post is costed wholly against one funding: this post is costed in full against the grant 'Supporting Families'",
      ],
      [
        "warning",
        "D3",
        "Funding 'Supporting Families 50% / Core 50%' (D3) names a share of a post, but a post is costed wholly against one funding: this post is not costed against the grant 'Supporting Families' at all",
      ],
    ]);
  });
});

describe("a Grant funded (Y/N) column", () => {
  const flagged = (flags: string[]) =>
    readWorkbook({
      grids: [
        grid("Staff", [
          ["Post", "FTE", "Salary", "Grant funded? (Y/N)"],
          ...flags.map((f, i) => [`Family Worker ${i + 1}`, 1, 30000, f]),
        ]),
        grid("Assumptions", [
          ["Setting", "Value"],
          ["Grant name", "Supporting Families"],
          ["Grant amount", "£100,000"],
        ]),
      ],
    });

  it("costs against the grant only the posts marked Y", () => {
    const r = flagged(["Y", "N", "Yes", "No"]);
    expect(grantPosts(r.establishment!, "Supporting Families").map((p) => p.title)).toEqual([
      "Family Worker 1",
      "Family Worker 3",
    ]);
    expect(r.issues.filter((i) => i.code.startsWith("grant"))).toEqual([]);
  });

  it("warns at the grant's name when no post is marked Y", () => {
    const r = flagged(["N", "N"]);
    expect(
      r.issues.filter((i) => i.code === "grant-matches-no-post").map((i) => i.message)
    ).toEqual([
      "No post is marked Y in the Grant funded column, so the Grant Costing sheet costs no posts against the grant 'Supporting Families'",
    ]);
  });
});
