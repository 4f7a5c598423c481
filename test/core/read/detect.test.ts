import {
  detectTables,
  ESTABLISHMENT_SCHEMA,
  fieldForHeader,
  LOCALITIES_SCHEMA,
  normaliseLabel,
  PAY_SCALES_SCHEMA,
  readEstablishment,
  type TableSchema,
} from "../../../src/core/read";
import { cabinetReportGrid } from "./fixtures/cabinet-report";
import { grid, messages, where } from "./helpers";

describe("header synonyms", () => {
  it.each([
    ["Position Name", "title"],
    ["Post", "title"],
    ["Role", "role"],
    ["Staff group", "role"],
    ["Job family", "role"],
    ["JOB TITLE", "title"],
    ["Grade", "grade"],
    ["Band", "grade"],
    ["Scale", "grade"],
    ["FTE", "fte"],
    ["WTE", "fte"],
    ["F.T.E.", "fte"],
    ["FTE (WTE)", "fte"],
    ["FTE 2024/25", "fte"],
    ["No. of Staff", "headcount"],
    ["No of staff", "headcount"],
    ["Headcount", "headcount"],
    ["Staff", "headcount"],
    ["Minimum Salary", "minSalary"],
    ["Min. salary (£)", "minSalary"],
    ["Maximum Salary", "maxSalary"],
    ["Salary", "salary"],
    ["Actual salary", "salary"],
    ["Salary (£ per annum)", "salary"],
    ["Spinal point", "spinalPoint"],
    ["SCP", "spinalPoint"],
    ["Team", "team"],
    ["Service", "team"],
    ["Locality", "locality"],
    ["Cost Centre", "costCentre"],
    ["Post ID", "postId"],
    ["Post number", "postId"],
    ["Start date", "startDate"],
    ["End date", "endDate"],
    ["Funding", "funding"],
    ["Grant", "funding"],
    ["Contract type", "contractType"],
    ["Hours", "hoursPerWeek"],
    ["Hours per week", "hoursPerWeek"],
    ["Current FTE", "currentFte"],
    ["Proposed FTE", "proposedFte"],
    ["Proposed grade", "proposedGrade"],
    ["Proposed salary", "proposedSalary"],
    ["Proposed contract", "proposedContractType"],
    ["Management", "management"],
    ["Manager? (Y/N)", "management"],
    ["Pension rate", "pensionRate"],
    ["Agency hourly rate", "agencyHourlyRate"],
  ])("%p maps to %p", (header, field) => {
    expect(fieldForHeader(ESTABLISHMENT_SCHEMA, header)).toBe(field);
  });

  it.each([
    ["Notes"],
    ["Post holder"],
    ["Employee name"],
    ["Comments on salary"],
    [""],
    ["Totally unrelated"],
  ])("%p maps to nothing", (header) => {
    expect(fieldForHeader(ESTABLISHMENT_SCHEMA, header)).toBeUndefined();
  });

  it("no synonym belongs to two fields of one schema", () => {
    const check = <F extends string>(schema: TableSchema<F>) => {
      const owners = new Map<string, F>();
      for (const spec of schema.fields)
        for (const s of spec.synonyms) {
          const key = normaliseLabel(s);
          expect([key, owners.get(key) ?? spec.field]).toEqual([key, spec.field]);
          owners.set(key, spec.field);
        }
    };
    check(ESTABLISHMENT_SCHEMA);
    check(LOCALITIES_SCHEMA);
    check(PAY_SCALES_SCHEMA);
  });
});

describe("finding tables", () => {
  const assumptions = grid("Assumptions", [
    ["Setting", "Value"],
    ["Employer pension rate", "19%"],
  ]);
  const payScales = grid("Pay scales", [
    ["Grade", "SCP", "Salary"],
    ["SS08", 12, 20862],
  ]);
  const smallList = grid("Vacancies", [
    ["Role", "Team"],
    ["Clerk", "Finance"],
  ]);

  it("ranks the fuller establishment first and ignores tables of other kinds", () => {
    const candidates = detectTables(
      { grids: [smallList, assumptions, payScales, cabinetReportGrid()] },
      ESTABLISHMENT_SCHEMA
    );
    expect(candidates.map((c) => [c.sheet, c.range, c.score])).toEqual([
      ["Staffing", "A3:F10", 14],
      ["Vacancies", "A1:B2", 5],
    ]);
  });

  it("prefers an Excel Table, dropping the used-range copy of it", () => {
    const used = grid("Staff", [
      ["Staffing list"],
      [],
      ["Position", "Salary", "FTE"],
      ["Clerk", 20000, 1],
    ]);
    const table = grid(
      "Staff",
      [
        ["Position", "Salary", "FTE"],
        ["Clerk", 20000, 1],
      ],
      { row: 2, column: 0 },
      "tblStaff"
    );
    const candidates = detectTables({ grids: [used, table] }, ESTABLISHMENT_SCHEMA);
    expect(candidates.map((c) => [c.sheet, c.table, c.range])).toEqual([
      ["Staff", "tblStaff", "A3:C4"],
    ]);
    const r = readEstablishment({ grids: [used, table] });
    expect(r.establishment!.table).toBe("tblStaff");
  });

  it("lets the caller pick by sheet or table name", () => {
    const other = grid("Proposed", [
      ["Position", "Salary", "FTE"],
      ["Manager", 40000, 1],
    ]);
    const workbook = { grids: [cabinetReportGrid(), other] };
    expect(readEstablishment(workbook).establishment!.sheet).toBe("Staffing");
    expect(
      readEstablishment(workbook, { choice: "proposed" }).establishment!.posts.map((p) => p.title)
    ).toEqual(["Manager"]);
    const missing = readEstablishment(workbook, { choice: "Nope" });
    expect(missing.establishment).toBeUndefined();
    expect(messages(missing.issues)).toEqual([
      "Staffing!A1: No establishment table found on a sheet or Excel Table named 'Nope' — pick one of: Staffing, Proposed",
    ]);
  });

  it("finds two tables stacked on one sheet", () => {
    const g = grid("Both", [
      ["Current structure"],
      ["Position", "Salary", "FTE"],
      ["Clerk", 20000, 1],
      [],
      [],
      ["Proposed structure"],
      ["Position", "Salary", "FTE"],
      ["Officer", 25000, 1],
    ]);
    expect(detectTables({ grids: [g] }, ESTABLISHMENT_SCHEMA).map((c) => c.range)).toEqual([
      "A2:C3",
      "A7:C8",
    ]);
  });

  it("says so, at A1 of the first sheet, when there is no establishment", () => {
    const r = readEstablishment({ grids: [assumptions] });
    expect(where(r.issues)).toEqual(["error:table-not-found@A1"]);
    expect(r.issues[0].sheet).toBe("Assumptions");
  });

  it("does not look for a header below the first 30 rows", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`note ${i}`]);
    const g = grid("Deep", [...rows, ["Position", "Salary", "FTE"], ["Clerk", 20000, 1]]);
    expect(detectTables({ grids: [g] }, ESTABLISHMENT_SCHEMA)).toEqual([]);
  });
});

describe("explicit column mapping", () => {
  const values = [
    ["Name of post", "Pay", "Hrs equiv", "Comments"],
    ["Clerk", 20000, 0.5, "x"],
  ];

  it("maps by header text or column letter, overriding synonyms", () => {
    const r = readEstablishment(
      { grids: [grid("Sheet1", values)] },
      { mapping: { title: "name of post", fte: "C", salary: "Pay" } }
    );
    expect(r.issues).toEqual([]);
    expect(r.establishment!.columns).toEqual({ title: 0, salary: 1, fte: 2 });
    expect(r.establishment!.posts.map((p) => [p.title, p.salary, p.fte])).toEqual([
      ["Clerk", 20000, 0.5],
    ]);
  });

  it("column letters are the sheet's, not the grid's", () => {
    const r = readEstablishment(
      { grids: [grid("Sheet1", values, { row: 0, column: 3 })] },
      { mapping: { title: "D", fte: "F" } }
    );
    expect(r.establishment!.columns).toEqual({ title: 3, salary: 4, fte: 5 });
  });

  it("an empty mapping unmaps a field; a mapping naming no column is an error", () => {
    const table = [
      ["Position", "Salary", "Actual salary", "FTE"],
      ["Clerk", 1500, 20000, 1],
    ];
    const r = readEstablishment(
      { grids: [grid("Sheet1", table)] },
      { mapping: { salary: "Actual salary" } }
    );
    expect(r.establishment!.posts[0].salary).toBe(20000);
    const unmapped = readEstablishment(
      { grids: [grid("Sheet1", table)] },
      { mapping: { salary: "" } }
    );
    expect(unmapped.establishment!.columns.salary).toBeUndefined();
    const bad = readEstablishment(
      { grids: [grid("Sheet1", table)] },
      { mapping: { grade: "Pay band" } }
    );
    expect(messages(bad.issues)).toEqual([
      "Sheet1!A1: Grade is mapped to 'Pay band', but the header row has no such column — pick one of: Position, Salary, Actual salary, FTE",
      "Sheet1!C1: Column C also looks like Salary; column B is used — if column C is the right one, map Salary to it",
      // Column B's £1,500 is what the wrong column gives: said at its cell.
      "Sheet1!B2: Salary £1500 for 'Clerk' is less than any full-time annual salary: it looks like a monthly figure (× 12 = £18000) — enter the full-time annual salary (it is costed as typed until you do)",
    ]);
  });
});

describe("two columns of one field: the earlier name in the field's list wins", () => {
  it("reads 'Post ID' right of 'Employee No' as the Post ID, and says why at the other", () => {
    const r = readEstablishment({
      grids: [
        grid("Staff", [
          ["Employee No", "Post ID", "Position", "Salary", "FTE"],
          ["E100", "P1", "Family Worker", 30000, 1],
        ]),
      ],
    });
    expect(r.establishment!.posts[0].postId).toBe("P1");
    expect(messages(r.issues)).toEqual([
      "Staff!A1: Column A also looks like Post ID; column B is used, as the heading 'Post ID' is taken before 'Employee No' — if column A is the right one, map Post ID to it",
    ]);
  });
});
