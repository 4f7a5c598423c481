/**
 * Every default, fallback and guess a build takes (issue 13, nothing silent), one workbook
 * per kind as a finance officer might lay it out, with the issue it must give and where.
 * The core's test (test/core/workbook/defaults-said.test.ts) and the CLI's
 * (test/cli/defaults-said.test.ts) run each. A new default joins this list, and
 * docs/input-format.md's tables, or it is a silent one.
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { grid } from "../core/read/helpers";

const STAFF: CellValue[] = ["Post title", "Grade", "Salary", "FTE", "No of staff", "Funding"];
const post = (title: string, salary: CellValue = 30000, extra: CellValue[] = []): CellValue[] => [
  title,
  "G8",
  salary,
  1,
  1,
  "Core",
  ...extra,
];
/** A sheet setting everything a figure rests on; `rows` replace a setting of the same name or follow. */
const settings = (...rows: CellValue[][]) => {
  const base: CellValue[][] = [
    ["First financial year", "2025/26"],
    ["Number of years", 3],
    ["Costing point", "bottom"],
    ["Employer pension rate", "19%"],
    ["Increment rule", "April"],
  ];
  const named = new Map(rows.map((r) => [r[0], r]));
  const kept = base.map((r) => named.get(r[0]) ?? r);
  const added = rows.filter((r) => !base.some((b) => b[0] === r[0]));
  return grid("Assumptions", [["Setting", "Value"], ...kept, ...added]);
};

export interface Case {
  what: string;
  grids: Grid[];
  /** The issue it must give: severity, code and "Sheet!A1". */
  said: string;
}

export const DEFAULT_CASES: Case[] = [
  {
    what: "no Assumptions sheet: every setting a default",
    grids: [grid("Staff", [STAFF, post("Social Worker")])],
    said: "info assumptions-defaults Staff!A1",
  },
  {
    what: "an Assumptions sheet that sets only some of the settings every figure rests on",
    grids: [
      grid("Staff", [STAFF, post("Social Worker")]),
      grid("Assumptions", [
        ["Setting", "Value"],
        ["Employer pension rate", "20%"],
      ]),
    ],
    said: "info assumptions-not-set Assumptions!A2",
  },
  {
    what: "no headcount column: people taken as FTE rounded up",
    grids: [
      grid("Staff", [
        ["Post title", "Salary", "FTE"],
        ["Social Worker", 30000, 1.5],
      ]),
      settings(),
    ],
    said: "info headcount-column-missing Staff!A1",
  },
  {
    what: "a blank headcount on a row",
    grids: [grid("Staff", [STAFF, ["Social Worker", "G8", 30000, 1.5, "", "Core"]]), settings()],
    said: "info headcount-blank Staff!E2",
  },
  {
    what: "a blank pension rate on a row",
    grids: [
      grid("Staff", [
        [...STAFF, "Pension rate"],
        post("Social Worker", 30000, [0.2]),
        post("Team Manager", 40000, [""]),
      ]),
      settings(),
    ],
    said: "info pension-rate-blank Staff!G3",
  },
  {
    what: "costing point actual with no actual salary or point",
    grids: [
      grid("Staff", [
        ["Post title", "Minimum salary", "Maximum salary", "Salary", "FTE"],
        ["Vacant post", 30000, 34000, "", 1],
      ]),
      settings(["Costing point", "actual"]),
    ],
    said: "warning actual-salary-missing Staff!D2",
  },
  {
    what: "a grant and no Funding column: every post costed against it",
    grids: [
      grid("Staff", [
        ["Post title", "Salary", "FTE", "No of staff"],
        ["Social Worker", 30000, 1, 1],
      ]),
      settings(["Grant name", "Family Hubs"], ["Grant amount", 100000]),
    ],
    said: "info grant-all-posts Assumptions!B7",
  },
  {
    what: "a grant no post's Funding names",
    grids: [
      grid("Staff", [STAFF, post("Social Worker")]),
      settings(["Grant name", "Family Hubs"], ["Grant amount", 100000]),
    ],
    said: "warning grant-matches-no-post Assumptions!B7",
  },
  {
    what: "a grant named with no amount: no headroom",
    grids: [
      grid("Staff", [STAFF, post("Social Worker")]),
      settings(["Grant name", "Core"], ["Grant amount", ""]),
    ],
    said: "info grant-amount-missing Assumptions!B8",
  },
  {
    what: "a heading one slip from a column the table lacks",
    grids: [
      grid("Staff", [
        ["Post title", "Grade", "Salary", "FTE", "No of staff", "Fundng"],
        post("Social Worker"),
      ]),
      settings(),
    ],
    said: "warning header-near-miss Staff!F1",
  },
  {
    what: "a salary that looks monthly among annual ones",
    grids: [
      grid("Staff", [
        STAFF,
        post("Social Worker A", 30000),
        post("Social Worker B", 31000),
        post("Social Worker C", 2550),
      ]),
      settings(),
    ],
    said: "warning salary-implausible Staff!C4",
  },
  {
    what: "two years of referrals: the latest used",
    grids: [
      grid("Staff", [STAFF, post("Social Worker")]),
      grid("Localities", [
        ["Locality", "Population 0-19", "IDACI", "Referrals 2023/24", "Referrals 2024/25"],
        ["North", 10000, 0.2, 300, 320],
        ["South", 12000, 0.1, 280, 260],
      ]),
      settings(),
    ],
    said: "info latest-year-used Localities!E1",
  },
  {
    what: "localities with no FTE to share out, unit or weights set",
    grids: [
      grid("Staff", [STAFF, post("Social Worker")]),
      grid("Localities", [
        ["Locality", "Population 0-19", "IDACI", "Referrals"],
        ["North", 10000, 0.2, 300],
        ["South", 12000, 0.1, 280],
      ]),
      settings(),
    ],
    said: "info shares-defaults Localities!A1",
  },
  {
    what: "a salary headed pro rata: the pay for the post's FTE, its full-time salary pay ÷ FTE",
    grids: [
      grid("Staff", [
        ["Post title", "FTE", "Salary (pro rata)"],
        ["Social Worker", 0.5, 18000],
      ]),
      settings(),
    ],
    said: "info salary-pro-rata Staff!C1",
  },
  {
    what: "an FTE column headed as a percentage of full time: 100 read as 1 FTE",
    grids: [
      grid("Staff", [
        ["Post title", "Salary", "FTE %"],
        ["Social Worker", 36000, 50],
      ]),
      settings(),
    ],
    said: "info column-unit-converted Staff!C1",
  },
  {
    what: "a pay award for the first year costed: taken to be in the salaries already",
    grids: [grid("Staff", [STAFF, post("Social Worker")]), settings(["Pay award 2025/26", "3%"])],
    said: "info pay-award-in-base Assumptions!B7",
  },
  {
    what: "a post on a hidden or filtered-out row: costed like every row",
    grids: [
      {
        ...grid("Staff", [STAFF, post("Social Worker"), post("Old post")]),
        hiddenRows: [2],
      },
      settings(),
    ],
    said: "warning hidden-row Staff!A3",
  },
  {
    what: "a team merged down over several posts: read in each of them",
    grids: [
      {
        ...grid("Staff", [
          [...STAFF, "Team"],
          post("Social Worker", 30000, ["Social Work"]),
          post("Senior Practitioner"),
        ]),
        merges: [{ start: { row: 1, column: 6 }, end: { row: 2, column: 6 } }],
      },
      settings(),
    ],
    said: "info merged-label Staff!G2",
  },
  {
    what: "a post on a struck-through row: costed like every row",
    grids: [
      {
        ...grid("Staff", [STAFF, post("Social Worker"), post("Old post")]),
        struckRows: [2],
      },
      settings(),
    ],
    said: "warning struck-row Staff!A3",
  },
  ...restructureCases(),
];

/** A one-table restructure's Proposed FTE and Status read as officers type them (tryout 3). */
function restructureCases(): Case[] {
  const head = [...STAFF, "Proposed FTE", "Status"];
  const one = (proposed: CellValue, status: CellValue) => [
    grid("Staff", [head, post("Social Worker", 30000, [proposed, status]), post("Team Manager")]),
    settings(),
  ];
  const list = (sheet: string, team: string) =>
    grid(sheet, [
      ["Post title", "Grade", "Team", "Salary", "FTE"],
      ["Business Support Officer", "G4", team, 24000, 1],
    ]);
  return [
    {
      what: "a Status other than a plain deletion word read as deleted",
      grids: one("", "Deleted - VR"),
      said: "info status-read-as-deleted Staff!H2",
    },
    {
      what: "a Status not read beside a blank Proposed FTE: no change",
      grids: one("", "At risk"),
      said: "warning status-not-read Staff!H2",
    },
    {
      what: "a dash in Proposed FTE: 0",
      grids: one("-", ""),
      said: "info proposed-fte-read-as Staff!G2",
    },
    {
      what: "n/a in Proposed FTE: deleted",
      grids: one("n/a", ""),
      said: "warning proposed-fte-assumed-deleted Staff!G2",
    },
    {
      what: "a post with no ID in another team in the proposed list: one post moved",
      grids: [list("Current structure", "North"), list("Proposed structure", "South"), settings()],
      said: "info structure-matched-moved Current structure!A2",
    },
  ];
}
