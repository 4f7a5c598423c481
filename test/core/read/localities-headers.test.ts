import { fieldForHeader, LOCALITIES_SCHEMA, readLocalities } from "../../../src/core/read";
import { grid, messages } from "./helpers";

const field = (header: string) => fieldForHeader(LOCALITIES_SCHEMA, header);

describe("localities headers as analysts write them", () => {
  it.each([
    ["% of population aged 0-19 in IMD deciles 1-2", "deprivation"],
    ["% of children in the 10% most deprived areas", "deprivation"],
    ["Index of Multiple Deprivation 2019", "deprivation"],
    ["IDACI decile", "deprivation"],
    ["Average IMD score", "deprivation"],
    ["Population 0–19 (mid-2022)", "population"],
    ["Aged 0 to 19", "population"],
    ["Number of children", "population"],
    ["Children and young people", "population"],
    ["Children", "population"],
    ["Referrals 2024/25", "demand"],
    ["Contacts (12 months)", "demand"],
    ["Caseload at 31 March", "demand"],
    ["CIN", "demand"],
    ["Children in need", "demand"],
    ["Children on CP plans", "demand"],
    ["Child protection plans", "demand"],
    ["Open cases", "demand"],
  ])("%s is %s", (header, expected) => {
    expect(field(header)).toBe(expected);
  });

  it("reads a natural table: the deprivation column is not a second population column", () => {
    const r = readLocalities({
      grids: [
        grid("Localities", [
          ["Locality", "Population 0-19", "% of population aged 0-19 in IMD deciles 1-2", "CIN"],
          ["North", 12000, "35%", 210],
          ["South", 8000, 0.12, 90],
        ]),
      ],
    });
    expect(r.issues).toEqual([]);
    expect(
      r.localities!.localities.map((l) => [l.name, l.population, l.deprivation, l.demand])
    ).toEqual([
      ["North", 12000, 0.35, 210],
      ["South", 8000, 0.12, 90],
    ]);
  });

  it("uses the latest of several years of referrals, and says so at the header used", () => {
    const r = readLocalities({
      grids: [
        grid("Need", [
          ["Locality", "Population 0-19", "IDACI", "Referrals 2023/24", "Referrals 2024/25"],
          ["North", 12000, 0.2, 300, 320],
          ["South", 8000, 0.1, 100, 90],
        ]),
      ],
    });
    expect(r.localities!.localities.map((l) => [l.name, l.demand])).toEqual([
      ["North", 320],
      ["South", 90],
    ]);
    expect(messages(r.issues)).toEqual([
      "Need!E1: Demand is read from the latest year's column, E 'Referrals 2024/25'; column D 'Referrals 2023/24' is not read — nothing to do if the latest year is what you want; otherwise map Demand to the column to use",
    ]);
    expect(r.issues[0].severity).toBe("info");
  });

  it("finds the latest year wherever it stands, among three", () => {
    const r = readLocalities({
      grids: [
        grid("Need", [
          ["Area", "Population", "Contacts 2024/25", "Contacts 2022/23", "Contacts 2023/24"],
          ["North", 12000, 500, 300, 400],
        ]),
      ],
    });
    expect(r.localities!.localities[0].demand).toBe(500);
    expect(messages(r.issues)).toEqual([
      "Need!C1: Demand is read from the latest year's column, C 'Contacts 2024/25'; columns D 'Contacts 2022/23', E 'Contacts 2023/24' are not read — nothing to do if the latest year is what you want; otherwise map Demand to the column to use",
      "Need!A1: The localities table has no Deprivation column, so Deprivation is read as 0 everywhere — add a Deprivation column, or set its weight to 0% in the assumptions",
    ]);
  });

  it("keeps the left-most column, with a warning, when the two headers do not both name a year", () => {
    const r = readLocalities({
      grids: [
        grid("Need", [
          ["Locality", "Population", "IDACI", "Referrals", "Referrals 2024/25"],
          ["North", 12000, 0.2, 300, 320],
        ]),
      ],
    });
    expect(r.localities!.localities[0].demand).toBe(300);
    expect(messages(r.issues)).toEqual([
      "Need!E1: Column E also looks like Demand; column D is used — if column E is the right one, map Demand to it",
    ]);
  });

  it("a mapping still wins over the latest year", () => {
    const r = readLocalities(
      {
        grids: [
          grid("Need", [
            ["Locality", "Population", "IDACI", "Referrals 2023/24", "Referrals 2024/25"],
            ["North", 12000, 0.2, 300, 320],
          ]),
        ],
      },
      { mapping: { demand: "Referrals 2023/24" } }
    );
    expect(r.localities!.localities[0].demand).toBe(300);
    expect(r.issues).toEqual([]);
  });
});

describe("a Ward column and a Locality column (the earlier name in the Locality list wins)", () => {
  const read = (rows: (string | number)[][]) => readLocalities({ grids: [grid("Wards", rows)] });

  it("reads the Locality column right of the Ward column as the place, and says so at the Ward", () => {
    const r = read([
      ["Ward", "Locality", "Population 0-19", "Referrals"],
      ["Abbey", "North", 3000, 120],
      ["Brook", "North", 2500, 80],
      ["Castle", "South", 4000, 90],
    ]);
    // North: 3,000 + 2,500 = 5,500 and 120 + 80 = 200, its two wards' rows added up.
    expect(r.localities!.localities.map((l) => [l.name, l.population, l.demand])).toEqual([
      ["North", 5500, 200],
      ["South", 4000, 90],
    ]);
    expect(messages(r.issues.filter((i) => i.code === "duplicate-column"))).toEqual([
      "Wards!A1: Column A also looks like Locality; column B is used, as the heading 'Locality' is taken before 'Ward' — if column A is the right one, map Locality to it",
    ]);
    expect(r.issues.map((i) => `${i.severity}:${i.code}@${i.address}`)).toEqual([
      "warning:duplicate-column@A1",
      "warning:deprivation-column-missing@A1",
      "info:locality-rows-added@B2",
    ]);
  });

  it("reads the Locality column left of the Ward column as before, the Ward said as not read", () => {
    const r = read([
      ["Locality", "Ward", "Population 0-19", "Referrals"],
      ["North", "Abbey", 3000, 120],
      ["North", "Brook", 2500, 80],
      ["South", "Castle", 4000, 90],
    ]);
    expect(r.localities!.localities.map((l) => [l.name, l.population, l.demand])).toEqual([
      ["North", 5500, 200],
      ["South", 4000, 90],
    ]);
    expect(messages(r.issues.filter((i) => i.code === "duplicate-column"))).toEqual([
      "Wards!B1: Column B also looks like Locality; column A is used — if column B is the right one, map Locality to it",
    ]);
  });

  it("reads the Ward column when it is mapped", () => {
    const r = readLocalities(
      {
        grids: [
          grid("Wards", [
            ["Ward", "Locality", "Population 0-19", "Referrals"],
            ["Abbey", "North", 3000, 120],
            ["Brook", "North", 2500, 80],
          ]),
        ],
      },
      { mapping: { name: "Ward" } }
    );
    expect(r.localities!.localities.map((l) => l.name)).toEqual(["Abbey", "Brook"]);
    expect(r.issues.filter((i) => i.code === "duplicate-column")).toEqual([]);
  });
});
