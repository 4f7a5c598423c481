/** Tryout 3's reader findings: what a layout is read as is said plainly (mk-09, mk-07, mk-15, mk-15b). */
import { readEstablishment, readLocalities } from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { grid, messages, where } from "./helpers";

describe("a description column beside its code (mk-09)", () => {
  it("reads 'Cost Centre' as the cost centre and 'Cost Centre Desc' as text, not a duplicate", () => {
    const r = readEstablishment({
      grids: [
        grid("iTrent export", [
          ["Position Title", "Grade", "FTE", "FTE Salary", "Cost Centre", "Cost Centre Desc"],
          ["Family Support Worker", "SS06", 1, 30000, "CH1001", "Early Help North"],
          ["Senior Practitioner", "SS09", 0.8, 40000, "CH1002", "Early Help South"],
        ]),
      ],
    });
    expect(r.establishment!.posts.map((p) => p.costCentre)).toEqual(["CH1001", "CH1002"]);
    expect(r.establishment!.columns.costCentre).toBe(4);
    expect(where(r.issues).filter((w) => w.includes("duplicate"))).toEqual([]);
  });

  it("does the same with the description first, and still warns of two codes", () => {
    const read = (headings: string[]) =>
      readEstablishment({
        grids: [
          grid("Staff", [
            ["Position", "Salary", "FTE", ...headings],
            ["Family Worker", 30000, 1, "x", "CH1001"],
          ]),
        ],
      });
    const described = read(["Cost Centre Name", "Cost Centre"]);
    expect(described.establishment!.posts[0].costCentre).toBe("CH1001");
    expect(where(described.issues).filter((w) => w.includes("duplicate"))).toEqual([]);
    // Two codes are still two codes: the second said at its heading.
    const twice = read(["Cost Centre", "Cost Code"]);
    expect(where(twice.issues).filter((w) => w.includes("duplicate"))).toEqual([
      "warning:duplicate-column@E1",
    ]);
  });
});

describe("maternity cover: two people on one post ID (mk-07)", () => {
  it("says both rows are costed, the FTE on the one post and what the table comes to", () => {
    const r = readEstablishment({
      grids: [
        grid("Establishment", [
          ["Post ID", "Position", "Salary", "FTE", "Contract type"],
          ["P10", "Social Worker", 40000, 1, "Permanent"],
          ["P10", "Social Worker", 40000, 1, "Temporary"],
          ["P11", "Social Worker", 40000, 1, "Permanent"],
        ]),
      ],
    });
    expect(r.establishment!.posts.length).toBe(3);
    expect(messages(r.issues.filter((i) => i.code === "duplicate-post-id"))).toEqual([
      "Establishment!A3: Post ID 'P10' is also used at A2: both rows are costed, 2 FTE on the one post (the table's 3 rows cost 3 FTE on 2 posts) — if one row covers a post-holder who is away and only one is paid, give the unpaid row an end date or FTE 0; otherwise give each post its own ID",
    ]);
  });
});

const staff = grid("Establishment", [
  ["Position", "Salary", "FTE", "No of staff"],
  ["Family Worker", 30000, 10, 10],
]);
const request = { mode: "shareable" as const, generatedAt: "now", version: "test" };
const texts = (r: ReturnType<typeof buildWorkbook>) =>
  r.sheets[0].cells.flat().flatMap((c) => (c?.kind === "text" ? [c.text] : []));

describe("the population's ages from its heading (mk-15)", () => {
  it("labels a 0-17 population 'Population 0–17' on the sheet, not 0–19", () => {
    const localities = grid("Localities", [
      ["Ward", "Resident population aged 0-17 (ONS MYE 2023)", "IDACI score 2019", "Referrals"],
      ["Northfield", 8000, 0.25, 300],
      ["Riverside", 12000, 0.15, 420],
    ]);
    expect(readLocalities({ grids: [localities] }).localities!.populationHeading).toBe(
      "Resident population aged 0-17 (ONS MYE 2023)"
    );
    const said = texts(
      buildWorkbook({ grids: [staff, localities] }, { ...request, only: ["shares"] })
    );
    expect(said).toContain("Population 0–17");
    expect(said.filter((t) => t.includes("0–19"))).toEqual([]);
    expect(
      said.some((t) => t.startsWith("Population share = the locality's 0–17 population"))
    ).toBe(true);
  });

  it("says 'Population' for a heading with no ages, and 0–19 for 'Population 0-19'", () => {
    const withHeading = (heading: string) =>
      texts(
        buildWorkbook(
          {
            grids: [
              staff,
              grid("Localities", [
                ["Locality", heading, "IDACI rate", "Referrals"],
                ["North", 8000, 0.2, 300],
                ["South", 12000, 0.15, 250],
              ]),
            ],
          },
          { ...request, only: ["shares"] }
        )
      );
    expect(withHeading("Population")).toContain("Population");
    expect(withHeading("Population").some((t) => /Population \d/.test(t))).toBe(false);
    expect(withHeading("Population 0-19")).toContain("Population 0–19");
  });
});

describe("a demand column that is zero for every locality (mk-15b)", () => {
  it("is a warning at its heading, which the CLI prints, besides the sheet's", () => {
    const localities = grid("Localities", [
      ["Locality", "Population 0-19", "IDACI rate", "Referrals"],
      ["North", 8000, 0.2, 0],
      ["South", 12000, 0.15, 0],
      ["East", 5000, 0.3, 0],
    ]);
    const r = buildWorkbook({ grids: [staff, localities] }, { ...request, only: ["shares"] });
    expect(messages(r.issues.filter((i) => i.code === "shares-measure-all-zero"))).toEqual([
      "Localities!D1: Every locality's demand is zero, so the demand share was taken as equal (1/3) for each — enter each locality's figures in this column, or set 'Weight: demand' to 0% on the Assumptions sheet",
    ]);
    // With no weight on demand, nothing is guessed and nothing said.
    const unweighted = buildWorkbook(
      {
        grids: [
          staff,
          localities,
          grid("Assumptions", [
            ["Setting", "Value"],
            ["Weight: population", "50%"],
            ["Weight: deprivation", "50%"],
            ["Weight: demand", "0%"],
          ]),
        ],
      },
      { ...request, only: ["shares"] }
    );
    expect(unweighted.issues.filter((i) => i.code === "shares-measure-all-zero")).toEqual([]);
  });
});
