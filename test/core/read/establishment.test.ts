import { hasErrors } from "../../../src/core/grid";
import type { PayScales } from "../../../src/core/model";
import { serialOf } from "../../../src/core/dates";
import { readEstablishment } from "../../../src/core/read";
import { cabinetReportGrid } from "./fixtures/cabinet-report";
import { grid, messages, where } from "./helpers";

const HEADER = ["Post ID", "Position", "Grade", "Salary", "FTE", "No of Staff"];

function readRows(rows: Array<Array<string | number | boolean>>, options = {}) {
  return readEstablishment({ grids: [grid("Sheet1", [HEADER, ...rows])] }, options);
}

describe("a cabinet-report table (title rows, £ text, spacer row, TOTAL)", () => {
  const result = readEstablishment({ grids: [cabinetReportGrid()] });
  const est = result.establishment!;

  it("finds the header below the title rows and reads the block down to the TOTAL", () => {
    expect(est.sheet).toBe("Staffing");
    expect(est.range).toBe("A3:F10");
    expect(est.headerRow).toBe(2);
    expect(est.columns).toEqual({
      title: 0,
      grade: 1,
      minSalary: 2,
      maxSalary: 3,
      fte: 4,
      headcount: 5,
    });
  });

  it("reads the five posts with money from £ text", () => {
    expect(
      est.posts.map((p) => [p.title, p.grade, p.minSalary, p.maxSalary, p.fte, p.headcount])
    ).toEqual([
      ["Family Support Worker", "SS08", 20862, 22546, 47.93, 61],
      ["Unit Manager", "SS11", 29531, 32440, 7, 7],
      ["Senior Practitioner", "SS10", 26999, 29531, 12.5, 14],
      ["Business Support Officer", "SS05", 17842, 18426, 6.6, 9],
      ["Service Manager", "SS14", 38890, 41881, 2, 2],
    ]);
    expect(est.posts[0].sourceRow).toBe(3);
    expect(est.posts[0].cells).toEqual({
      title: "A4",
      grade: "B4",
      minSalary: "C4",
      maxSalary: "D4",
      fte: "E4",
      headcount: "F4",
    });
  });

  it("keeps the TOTAL row out of the posts, as a totals row that reconciles", () => {
    expect(est.totals).toEqual([
      {
        sourceRow: 9,
        label: "TOTAL",
        kind: "total",
        fte: 76.03,
        headcount: 93,
        cells: { fte: "E10", headcount: "F10" },
      },
    ]);
    expect(result.issues.filter((i) => i.code === "total-mismatch")).toEqual([]);
  });

  it("notes the spacer row as information only (not a warning), and nothing blocks", () => {
    expect(where(result.issues)).toEqual(["info:blank-row@A9"]);
    expect(messages(result.issues)).toEqual([
      "Staffing!A9: Blank row inside the table, skipped — nothing to do if it is a spacer; if a post is missing, fill the row in",
    ]);
    expect(hasErrors(result.issues)).toBe(false);
  });

  it("offers itself as the single candidate", () => {
    expect(result.candidates.map((c) => [c.sheet, c.range])).toEqual([["Staffing", "A3:F10"]]);
  });
});

describe("totals and sub-totals", () => {
  it("warns with both figures when the TOTAL disagrees with the rows", () => {
    const r = readRows([
      ["P1", "Social Worker", "SS10", 30000, 1, 1],
      ["P2", "Social Worker", "SS10", 30000, 0.5, 1],
      ["", "TOTAL", "", "", 2, 3],
    ]);
    expect(messages(r.issues)).toEqual([
      "Sheet1!E4: TOTAL row says FTE 2 but the 2 rows it covers add up to 1.5 — check for missing, extra or double-counted rows; the rows are costed, not the total",
      "Sheet1!F4: TOTAL row says No of staff 3 but the 2 rows it covers add up to 2 — check for missing, extra or double-counted rows; the rows are costed, not the total",
    ]);
    expect(r.establishment!.posts).toHaveLength(2);
  });

  it("reconciles sub-totals against the rows since the previous sub-total, and the grand total against all", () => {
    const r = readRows([
      ["P1", "Family Worker", "SS08", 21000, 1, 1],
      ["P2", "Family Worker", "SS08", 21000, 1, 1],
      ["", "Sub-total", "", "", 2, 2],
      ["P3", "Team Manager", "SS12", 35000, 1, 1],
      ["", "Early Help total", "", "", 1.5, 1],
      ["", "Grand total", "", "", 3, 3],
    ]);
    expect(r.establishment!.totals.map((t) => [t.label, t.kind, t.fte])).toEqual([
      ["Sub-total", "subtotal", 2],
      ["Early Help total", "subtotal", 1.5],
      ["Grand total", "grand-total", 3],
    ]);
    expect(messages(r.issues)).toEqual([
      "Sheet1!E6: Early Help total row says FTE 1.5 but the 1 rows it covers add up to 1 — check for missing, extra or double-counted rows; the rows are costed, not the total",
    ]);
  });

  it("a total sums the rows since the previous total: sections each with a Total, then a Grand total", () => {
    const r = readRows([
      ["P1", "Worker A", "SS08", 21000, 1, 1],
      ["", "Total", "", "", 1, 1],
      ["P2", "Worker B", "SS08", 21000, 2, 2],
      ["", "Total", "", "", 2, 2],
      ["", "Grand Total", "", "", 3, 3],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.establishment!.posts.map((p) => p.title)).toEqual(["Worker A", "Worker B"]);
  });

  it("ends the table at a TOTAL followed by a note, so the note is not read as a post", () => {
    const r = readRows([
      ["P1", "Worker A", "SS08", 21000, 1, 1],
      ["", "TOTAL", "", "", 1, 1],
      ["", "", "", "", "", ""],
      ["Source: HR system, March 2024", "", "", "", "", ""],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.establishment!.range).toBe("A1:F3");
  });

  it("recognises a totals label in any text column", () => {
    const r = readRows([
      ["P1", "Worker A", "SS08", 21000, 1, 1],
      ["Total", "", "", "", 1, 1],
    ]);
    expect(r.establishment!.totals.map((t) => t.label)).toEqual(["Total"]);
    expect(r.establishment!.posts).toHaveLength(1);
  });
});

describe("validation with cell addresses", () => {
  it("FTE 'full time' is an error at its cell, in the users' words", () => {
    const r = readRows([
      ["P1", "Social Worker", "SS10", 30000, 1, 1],
      ["P2", "Social Worker", "SS10", 30000, 1, 1],
      ["P3", "Social Worker", "SS10", 30000, 1, 1],
      ["P4", "Social Worker", "SS10", 30000, 1, 1],
      ["P5", "Social Worker", "SS10", 30000, 1, 1],
      ["P6", "Social Worker", "SS10", 30000, "full time", 1],
    ]);
    const issue = r.issues.find((i) => i.code === "fte-not-number")!;
    expect(messages([issue])).toEqual([
      "Sheet1!E7: FTE 'full time' is not a number — enter e.g. 1 or 0.5",
    ]);
    expect(issue).toMatchObject({
      severity: "error",
      sheet: "Sheet1",
      address: "E7",
      value: "full time",
    });
    expect(r.establishment!.posts).toHaveLength(5);
  });

  it("missing title with data in the row, and missing FTE, are errors", () => {
    const r = readRows([
      ["P1", "", "SS10", 30000, 1, 1],
      ["P2", "Social Worker", "SS10", 30000, "", 1],
    ]);
    expect(messages(r.issues)).toEqual([
      "Sheet1!B2: Row 2 has data but no Position — enter the position; if the row is a subtotal or total, label it 'Subtotal' or 'Total' (it is then checked, not read as one); if it is another table beside this one, leave a blank column or row between them",
      "Sheet1!E3: FTE is blank for 'Social Worker' — enter e.g. 1 or 0.5",
    ]);
    expect(hasErrors(r.issues)).toBe(true);
    expect(r.establishment!.posts).toEqual([]);
  });

  it("a post with no salary information at all is an error", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Grade", "Salary", "FTE"],
          ["Admin Officer", "", "", 1],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual(["error:salary-missing@C2"]);
    expect(r.issues[0].message).toBe(
      "No salary information for 'Admin Officer': no salary, minimum or maximum salary, or grade"
    );
  });

  it("a grade alone is enough when the pay scales have it, and an error otherwise", () => {
    const values = [
      ["Position", "Grade", "FTE"],
      ["Admin Officer", "SS05", 1],
      ["Clerk", "SS02", 1],
    ];
    const payScales: PayScales = {
      sheet: "Pay",
      points: [
        { grade: "SS05", point: 10, salary: 17842 },
        { grade: "SS05", point: 11, salary: 18426 },
      ],
    };
    const withScales = readEstablishment({ grids: [grid("Sheet1", values)] }, { payScales });
    expect(messages(withScales.issues)).toEqual([
      "Sheet1!B3: No salary information for 'Clerk': no salary, and grade 'SS02' is not in the pay scales table — enter a salary (or minimum and maximum), or add the grade to a pay scales table",
    ]);
    const without = readEstablishment({ grids: [grid("Sheet1", values)] });
    expect(where(without.issues)).toEqual(["error:salary-missing@B2", "error:salary-missing@B3"]);
    expect(without.issues[0].message).toBe(
      "No salary information for 'Admin Officer': no salary, and no pay scales table to look up grade 'SS05'"
    );
  });

  it("matches a grade however the two tables spell it, and names a near one without using it", () => {
    const payScales: PayScales = {
      sheet: "Pay",
      points: [
        { grade: "Grade 8", point: 25, salary: 30000 },
        { grade: "Grade 8", point: 26, salary: 31000 },
        { grade: "SS05", point: 10, salary: 17842 },
      ],
    };
    const r = readEstablishment(
      {
        grids: [
          grid("Sheet1", [
            ["Position", "Grade", "FTE"],
            ["Social Worker", "G8", 1],
            ["Senior", "Gr. 8", 1],
            ["Lead", "Grade 8a", 1],
            ["Clerk", "SS02", 1],
          ]),
        ],
      },
      { payScales }
    );
    // G8 and Gr. 8 are Grade 8; Grade 8a is a different grade, named as the likely slip;
    // SS02 is not a slip for SS05 (the number differs).
    expect(messages(r.issues)).toEqual([
      "Sheet1!B4: No salary information for 'Lead': no salary, and grade 'Grade 8a' is not in the pay scales table — did you mean 'Grade 8'? Correct the grade, enter a salary (or minimum and maximum), or add 'Grade 8a' to the pay scales table",
      "Sheet1!B5: No salary information for 'Clerk': no salary, and grade 'SS02' is not in the pay scales table — enter a salary (or minimum and maximum), or add the grade to a pay scales table",
    ]);
  });

  it("reads an NHS-style 'Staff in post' beside WTE as the headcount, so NI is per person", () => {
    const r = readEstablishment({
      grids: [
        grid("Ward 7", [
          ["Post No", "Job Title", "Band", "Annual Salary", "WTE", "Staff in post"],
          ["N002", "Staff Nurse", "Band 5", "£29,970", 12.6, 15],
        ]),
      ],
    });
    expect(r.establishment!.columns).toMatchObject({ fte: 4, headcount: 5 });
    expect(r.establishment!.posts[0]).toMatchObject({ fte: 12.6, headcount: 15, salary: 29970 });
  });

  it("a table with no FTE column, or no pay column, is one error at the header", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Team"],
          ["Clerk", "Finance"],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual([
      "error:fte-column-missing@A1",
      "error:salary-column-missing@A1",
    ]);
  });

  it("says which heading looks like a missing column: 'Salery' is not read, did you mean Salary", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Team", "Salery", "FTE", "Cost centre"],
          ["Clerk", "Finance", 24000, 1, "F100"],
        ]),
      ],
    });
    expect(where(r.issues)).toEqual([
      "warning:header-near-miss@C1",
      "error:salary-column-missing@A1",
    ]);
    expect(messages(r.issues)).toEqual([
      "Sheet1!C1: Column C 'Salery' is not a heading the reader knows, so it was not read (did you mean 'Salary'?) — rename the heading to 'Salary', or map Salary to column C",
      "Sheet1!A1: The establishment has no salary information: no Salary, Minimum/Maximum salary or Grade column — column C 'Salery' is not a heading the reader knows, so it was not read (did you mean 'Salary'?): rename it, or add a Salary column, or Minimum and Maximum salary, or a Grade with a pay scales table",
    ]);
  });

  it("says a near-miss heading even when the table reads without it, and nothing for a heading it simply does not use", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "FTE", "Head count", "Notes", "Cost"],
          ["Clerk", 24000, 1, 1, "", 1],
        ]),
      ],
    });
    // "Head count" is read as Headcount; "Notes" and "Cost" are a slip from nothing it lacks.
    expect(where(r.issues)).toEqual([]);
    const slip = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "FTE", "Headcuont"],
          ["Clerk", 24000, 1, 1],
        ]),
      ],
    });
    expect(where(slip.issues)).toEqual(["warning:header-near-miss@D1"]);
    expect(slip.issues[0].message).toContain("(did you mean 'No of staff'?)");
  });

  it("warns on FTE above headcount, FTE > 1 for one person, min above max, salary outside grade", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Minimum salary", "Maximum salary", "Salary", "FTE", "Headcount"],
          ["Worker A", 20000, 22000, 21000, 3, 2],
          ["Worker B", 20000, 22000, 21000, 1.5, 1],
          ["Worker C", 25000, 22000, "", 1, 1],
          ["Worker D", 20000, 22000, 30000, 1, 1],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "Sheet1!E2: FTE 3 for 'Worker A' is more than its 2 staff — check the FTE and the No of staff",
      "Sheet1!E3: FTE 1.5 for 'Worker B' is more than one person can work — check the FTE and the No of staff",
      "Sheet1!B4: Minimum salary £25000 is above the maximum £22000 for 'Worker C' — swap them, or check the columns are mapped the right way round",
      "Sheet1!D5: Salary £30000 for 'Worker D' is outside its grade (£20000 to £22000) — check the salary and the grade",
    ]);
    expect(r.issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("warns on duplicate post IDs, naming the first cell", () => {
    const r = readRows([
      ["P1", "Worker A", "SS08", 21000, 1, 1],
      ["P1", "Worker B", "SS08", 21000, 1, 1],
    ]);
    expect(messages(r.issues)).toEqual([
      "Sheet1!A3: Post ID 'P1' is also used at A2: both rows are costed, 2 FTE on the one post (the table's 2 rows cost 2 FTE on 1 post) — if one row covers a post-holder who is away and only one is paid, give the unpaid row an end date or FTE 0; otherwise give each post its own ID",
    ]);
  });

  it("an error cell is a warning in an optional column and an error in FTE", () => {
    const r = readRows([
      ["P1", "Worker A", "SS08", "#REF!", 1, 1],
      ["P2", "Worker B", "SS08", 21000, "#DIV/0!", 1],
    ]);
    expect(where(r.issues)).toEqual(["error:error-cell@D2", "error:error-cell@E3"]);
    expect(r.issues[1].message).toBe("FTE is #DIV/0! (an Excel error)");
    const teamError = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Team", "Salary", "FTE"],
          ["Worker", "#N/A", 21000, 1],
        ]),
      ],
    });
    expect(messages(teamError.issues)).toEqual([
      "Sheet1!B2: Team is #N/A (an Excel error), read as blank — correct the formula or type the value",
    ]);
    expect(teamError.establishment!.posts[0].team).toBeUndefined();
  });

  it("an impossible date is an error; an unknown contract type is a warning read as 'other'", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "FTE", "Start date", "Contract type"],
          ["Worker", 21000, 1, "31/02/2024", "Apprentice"],
        ]),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "Sheet1!D2: Start date '31/02/2024' is not a valid date — enter a date as dd/mm/yyyy, e.g. 01/09/2024",
      "Sheet1!E2: Contract type 'Apprentice' is not a contract type I know — use Permanent, Temporary, Fixed-term, Agency or Secondment; read as 'other' for now",
    ]);
    expect(r.establishment!.posts[0].contractType).toBe("other");
  });

  it("a row with only a title is a section heading, noted (info) and skipped", () => {
    const r = readRows([
      ["", "Early Help", "", "", "", ""],
      ["P1", "Worker A", "SS08", 21000, 1, 1],
    ]);
    expect(where(r.issues)).toEqual(["info:section-heading@B2"]);
    expect(messages(r.issues)).toEqual([
      "Sheet1!B2: 'Early Help' has nothing else in its row, so it is read as a heading, not a post — if it is a post, fill in its other columns",
    ]);
    expect(r.establishment!.posts.map((p) => p.title)).toEqual(["Worker A"]);
  });

  it("addresses follow the grid's origin on the sheet", () => {
    const r = readEstablishment({
      grids: [
        grid(
          "Team data",
          [
            ["Position", "Salary", "FTE"],
            ["Worker", 21000, "half"],
          ],
          { row: 4, column: 2 }
        ),
      ],
    });
    expect(messages(r.issues)).toEqual([
      "'Team data'!E6: FTE 'half' is not a number — enter e.g. 1 or 0.5",
    ]);
    expect(r.establishment!.range).toBe("C5:E6");
    expect(r.establishment!.columns).toEqual({ title: 2, salary: 3, fte: 4 });
  });
});

describe("every optional column", () => {
  it("reads each field with its parser", () => {
    const header = [
      "Post number",
      "Job title",
      "Band",
      "Service",
      "Locality",
      "Cost centre",
      "WTE",
      "Staff",
      "Spinal point",
      "Actual salary",
      "Start date",
      "End date",
      "Funding source",
      "Contract",
      "Hours",
      "Proposed FTE",
      "Proposed grade",
      "Proposed salary",
      "Proposed contract",
      "Manager (Y/N)",
      "Pension %",
      "Agency hourly rate",
      "Notes",
    ];
    const row = [
      1001,
      "Social Worker",
      "Band 6",
      "Children's Services",
      "North",
      "CC123",
      0.8,
      1,
      "SCP 24",
      "£31,537",
      "01/09/2024",
      46477,
      "Supporting Families",
      "Agency",
      30,
      1,
      "Band 7",
      "£35,000",
      "Permanent",
      "N",
      "19.5%",
      "£38.50",
      "anything",
    ];
    const r = readEstablishment({ grids: [grid("Sheet1", [header, row])] });
    expect(r.issues).toEqual([]);
    const { cells, ...post } = r.establishment!.posts[0];
    expect(post).toEqual({
      sourceRow: 1,
      postId: "1001",
      title: "Social Worker",
      grade: "Band 6",
      team: "Children's Services",
      locality: "North",
      costCentre: "CC123",
      fte: 0.8,
      headcount: 1,
      spinalPoint: 24,
      salary: 31537,
      startDate: serialOf(2024, 9, 1),
      endDate: 46477,
      funding: "Supporting Families",
      contractType: "agency",
      hoursPerWeek: 30,
      proposedFte: 1,
      proposedGrade: "Band 7",
      proposedSalary: 35000,
      proposedContractType: "permanent",
      management: false,
      pensionRate: 0.195,
      agencyHourlyRate: 38.5,
    });
    expect(cells.agencyHourlyRate).toBe("V2");
    expect(r.candidates[0].headers.find((h) => h.text === "Notes")).toEqual({
      column: 22,
      address: "W1",
      text: "Notes",
      field: undefined,
    });
  });

  it("current and proposed FTE: a blank current is a new post (0), a blank proposed is no change", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "Current FTE", "Proposed FTE"],
          ["New post", 30000, "", 1],
          ["Unchanged post", 30000, 1, ""],
          ["Reduced post", 30000, 1, 0.5],
          ["Deleted post", 30000, 1, 0],
        ]),
      ],
    });
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.message])).toEqual([
      [
        "info",
        "proposed-fte-blank-unchanged",
        "D1",
        "1 post has a blank Proposed FTE, read as no change (proposed FTE = current FTE)",
      ],
    ]);
    expect(
      r.establishment!.posts.map((p) => [p.title, p.fte, p.proposedFte, p.proposedFteFrom])
    ).toEqual([
      ["New post", 0, 1, undefined],
      ["Unchanged post", 1, undefined, "blank: unchanged"],
      ["Reduced post", 1, 0.5, undefined],
      ["Deleted post", 1, 0, undefined],
    ]);
  });

  it("deletes a post by 0, 'deleted' in the Proposed FTE cell, or a Status of Deleted / Delete / Remove", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "Current FTE", "Proposed FTE", "Status"],
          ["A", 30000, 1, 0, ""],
          ["B", 30000, 1, "Deleted", ""],
          ["C", 30000, 1, "", "Deleted"],
          ["D", 30000, 2, "", "delete"],
          ["E", 30000, 1, "", "Remove"],
          ["F", 30000, 1, "", "Unchanged"],
          ["G", 30000, 1, "", ""],
          ["H", 30000, 1, 1, "Deleted"],
        ]),
      ],
    });
    expect(r.establishment!.posts.map((p) => [p.title, p.proposedFte, p.proposedFteFrom])).toEqual([
      ["A", 0, undefined],
      ["B", 0, "deleted typed"],
      ["C", 0, "status deleted"],
      ["D", 0, "status deleted"],
      ["E", 0, "status deleted"],
      ["F", undefined, "blank: unchanged"],
      ["G", undefined, "blank: unchanged"],
      ["H", 1, undefined],
    ]);
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["warning", "status-deleted-with-fte", "E9"],
      ["info", "proposed-fte-blank-unchanged", "D1"],
    ]);
    expect(r.issues[1].message).toMatch(/^2 posts have a blank Proposed FTE/);
  });

  it("reads a Status of contract words as the contract type when no column is headed Contract type", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "FTE", "Status"],
          ["A", 30000, 1, "Agency"],
          ["B", 30000, 1, "Permanent"],
        ]),
      ],
    });
    expect(r.issues).toEqual([]);
    expect(r.establishment!.posts.map((p) => p.contractType)).toEqual(["agency", "permanent"]);
  });

  it("a Proposed FTE that is neither a number nor a deletion word is an error at its cell", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "Current FTE", "Proposed FTE"],
          ["A", 30000, 1, "half"],
        ]),
      ],
    });
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["error", "proposed-fte-not-number", "D2"],
    ]);
  });
});

describe("agency hours: the whole row's, or each worker's?", () => {
  // As pasted: two title rows, then the header on row 3 (Hours in column H).
  const header = [
    "Post ID",
    "Position",
    "Grade",
    "Salary",
    "FTE",
    "No of staff",
    "Contract type",
    "Hours",
    "Agency hourly rate",
  ];
  const r = readEstablishment({
    grids: [
      grid("Establishment", [
        ["CHILDREN'S SOCIAL CARE - ESTABLISHMENT 2025/26"],
        [],
        header,
        ["SW010", "Social Worker (agency cover)", "SS12", 40476, 2, 2, "Agency", 37, "£36.00"],
        ["FS020", "Family Support Worker (agency)", "SS08", 24000, 1.5, 3, "Agency", 18.5, 28],
        ["FS021", "Family Support Worker (agency)", "SS08", 24000, 0.5, 1, "Agency", 18.5, 28],
        ["SW011", "Social Worker (agency cover)", "SS12", 40476, 1, 1, "Agency", 37, 36],
        ["SW012", "Social Worker (agency cover)", "SS12", 40476, 2, 2, "Agency", 74, 36],
        ["SW013", "Social Worker (agency cover)", "SS12", 40476, 2, 2, "Agency", "", 36],
        ["SW014", "Social Worker", "SS12", 40476, 2, 2, "Permanent", 37, ""],
        ["SW015", "Social Worker (agency, rate to follow)", "SS12", 40476, 2, 2, "Agency", 37, ""],
        ["SW016", "Senior Practitioner (agency)", "SS13", 43693, 1.5, "", "Agency", 37, 40],
        ["FS022", "Family Support Worker (agency)", "SS08", 24000, 0.5, 1, "Agency", 10, 28],
        ["SW017", "Social Worker (agency cover)", "SS12", 40476, 1.2, 2, "Agency", 37, 36],
      ]),
    ],
  });
  const ambiguous = r.issues.filter((i) => i.code === "agency-hours-ambiguous");

  it("warns at the Hours cell of 2 FTE with 37 hours: read as 1 FTE's worth, enter 74 if 37 each", () => {
    expect(ambiguous[0]).toEqual({
      severity: "warning",
      code: "agency-hours-ambiguous",
      sheet: "Establishment",
      address: "H4",
      value: 37,
      message:
        "Hours 37 for 2 FTE on row 4 ('Social Worker (agency cover)', agency) are read as the row's total hours a week (1 FTE's worth), so the agency cost is for 1 FTE, not 2",
      fix: "if it is 37 hours for each of the 2 workers, enter 74 (or leave Hours blank to use FTE × 37 = 74); if 37 is the row's total, nothing to do",
    });
  });

  it("warns when hours × headcount is FTE × 37 (each of 3 people on 18.5 hours)", () => {
    expect(messages(ambiguous.slice(1, 2))).toEqual([
      "Establishment!H5: Hours 18.5 for 1.5 FTE on row 5 ('Family Support Worker (agency)', agency) are read as the row's total hours a week (0.5 FTE's worth), so the agency cost is for 0.5 FTE, not 1.5 — if it is 18.5 hours for each of the 3 workers, enter 55.5 (or leave Hours blank to use FTE × 37 = 55.5); if 18.5 is the row's total, nothing to do",
    ]);
  });

  it("without a headcount and with a part FTE, asks for the row's total instead", () => {
    expect(messages(ambiguous.slice(2))).toEqual([
      "Establishment!H12: Hours 37 for 1.5 FTE on row 12 ('Senior Practitioner (agency)', agency) are read as the row's total hours a week (1 FTE's worth), so the agency cost is for 1 FTE, not 1.5 — if it is 37 hours for each worker, enter the whole row's hours a week (or leave Hours blank to use FTE × 37 = 55.5); if 37 is the row's total, nothing to do",
    ]);
  });

  it("leaves ordinary rows alone: part-time, full-time, totals given, blank hours, not agency, no rate", () => {
    // Rows 6 (0.5 FTE, 18.5 h), 7 (1 FTE, 37 h), 8 (2 FTE, 74 h), 9 (blank), 10 (permanent),
    // 11 (no hourly rate: hours unused), 13 (hours merely short of the FTE), 14 (1.2 FTE,
    // 37 h: less than 20% short) give nothing.
    expect(ambiguous.map((i) => i.address)).toEqual(["H4", "H5", "H12"]);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual(ambiguous);
    expect(hasErrors(r.issues)).toBe(false);
  });

  it("hours above 60 a week are unusual per person: 74 for 2 FTE is fine, 74 for 1 is not", () => {
    const h = readEstablishment({
      grids: [
        grid("Establishment", [
          ["Position", "Salary", "FTE", "No of staff", "Contract", "Hours", "Agency rate"],
          ["Social Worker", 40476, 2, 2, "Agency", 74, 36],
          ["Social Worker", 40476, 1, 1, "Agency", 74, 36],
          ["Social Worker", 40476, 1, 1, "Agency", 0, 36],
        ]),
      ],
    });
    expect(messages(h.issues)).toEqual([
      "Establishment!F3: Hours per week 74 for 'Social Worker' look wrong — enter weekly hours, e.g. 37",
      "Establishment!F4: Hours per week 0 for 'Social Worker' look wrong — enter weekly hours, e.g. 37",
    ]);
  });

  it("checks the proposed FTE when the post becomes agency", () => {
    const p = readEstablishment({
      grids: [
        grid("Establishment", [
          [
            "Position",
            "Salary",
            "FTE",
            "Proposed FTE",
            "Contract",
            "Proposed contract",
            "Hours",
            "Agency rate",
          ],
          ["Social Worker", 40476, 1, 2, "Permanent", "Agency", 37, 36],
          ["Social Worker", 40476, 2, 1, "Permanent", "Agency", 37, 36],
        ]),
      ],
    });
    expect(where(p.issues)).toEqual(["warning:agency-hours-ambiguous@G2"]);
    expect(p.issues[0].message).toContain("Hours 37 for 2 FTE on row 2");
  });
});

describe("agency rates as agencies quote them", () => {
  it("reads the period from the column heading or the cell: per hour, day, week or year", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          ["Position", "Salary", "FTE", "Contract type", "Agency hourly rate", "Agency day rate"],
          ["A", 38000, 1, "Agency", "£31.50/hr", ""],
          ["B", 38000, 1, "Agency", "£260 a day", ""],
          ["C", 38000, 1, "Agency", "£1,200 per week", ""],
          ["D", 38000, 1, "Agency", "£60,000 pa", ""],
          ["E", 38000, 1, "Agency", "", 250],
          ["F", 38000, 1, "Agency", 35, ""],
          ["G", 38000, 1, "Agency", "£35 ph", ""],
        ]),
      ],
    });
    expect(r.issues).toEqual([]);
    expect(r.establishment!.posts.map((p) => [p.title, p.agencyHourlyRate, p.agencyRate])).toEqual([
      ["A", 31.5, undefined],
      ["B", undefined, { amount: 260, unit: "day", field: "agencyHourlyRate" }],
      ["C", undefined, { amount: 1200, unit: "week", field: "agencyHourlyRate" }],
      ["D", undefined, { amount: 60000, unit: "year", field: "agencyHourlyRate" }],
      ["E", undefined, { amount: 250, unit: "day", field: "agencyDailyRate" }],
      ["F", 35, undefined],
      ["G", 35, undefined],
    ]);
  });

  it("checks a rate against its period's limit, and refuses what is no rate, at the cell", () => {
    const r = readEstablishment({
      grids: [
        grid("Sheet1", [
          [
            "Position",
            "Salary",
            "FTE",
            "Contract type",
            "Agency hourly rate",
            "Agency weekly rate",
          ],
          ["A", 38000, 1, "Agency", "£20,000/hr", ""],
          ["B", 38000, 1, "Agency", "£20,000 a week", ""],
          ["C", 38000, 1, "Agency", "ask HR", ""],
          ["D", 38000, 1, "Agency", 35, 1200],
        ]),
      ],
    });
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["error", "agency-hourly-rate-not-money", "E4"],
      ["error", "agency-hourly-rate-out-of-range", "E2"],
      ["warning", "agency-rate-twice", "F5"],
    ]);
    expect(r.issues[1].message).toBe(
      "Agency hourly rate £20,000 is out of range: it must be from £0 to £10,000"
    );
    expect(r.establishment!.posts[1].agencyRate).toEqual({
      amount: 20000,
      unit: "week",
      field: "agencyHourlyRate",
    });
  });
});
