/**
 * An HR export of weekly hours with no FTE column: FTE is the hours ÷ the full-time week,
 * taken from the post's own Full-time hours cell or the Assumptions sheet's 'Full-time
 * hours a week', never guessed; said once at the Hours heading with a post's figures.
 */
import { readWorkbook } from "../../../src/core/read";
import type { CellValue } from "../../../src/core/grid";
import { grid } from "./helpers";

const read = (staff: CellValue[][], week?: number) =>
  readWorkbook({
    grids: [
      grid("Staff", staff),
      grid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2025/26"],
        ...(week === undefined ? [] : [["Full-time hours a week", week]]),
      ]),
    ],
  });

const errors = (r: ReturnType<typeof read>) => r.issues.filter((i) => i.severity === "error");

describe("weekly hours with the full-time week set on the Assumptions sheet", () => {
  const r = read(
    [
      ["Job title", "Annual salary", "Contracted hours"],
      ["Team Manager", 48000, 37],
      ["Family Support Worker", 28000, 18.5],
      ["Family Support Worker", 28000, 22.5],
    ],
    37
  );

  it("costs each post at its hours ÷ 37 FTE, unrounded, with no FTE cell", () => {
    expect(errors(r)).toEqual([]);
    const posts = r.establishment!.posts;
    expect(posts.map((p) => p.fte)).toEqual([1, 0.5, 22.5 / 37]);
    expect(posts.map((p) => p.cells.fte)).toEqual([undefined, undefined, undefined]);
    expect(posts.map((p) => p.hoursPerWeek)).toEqual([37, 18.5, 22.5]);
  });

  it("says so once, at the Hours heading, with the setting's cell and a post's figures", () => {
    const said = r.issues.filter((i) => i.code === "fte-from-hours");
    expect(said.map((i) => [i.severity, `${i.sheet}!${i.address}`, i.message])).toEqual([
      [
        "info",
        "Staff!C1",
        "No FTE column: each post's FTE is its weekly hours in column C 'Contracted hours' ÷ the full-time week of 37 hours ('Full-time hours a week' at Assumptions!B3), e.g. 'Family Support Worker' at C3: 18.5 ÷ 37 = 0.5 FTE",
      ],
    ]);
    expect(said[0].fix).toBe(
      "nothing to do if that is the full-time week; otherwise change 'Full-time hours a week', or add an FTE column"
    );
  });
});

describe("weekly hours beside each post's own full-time hours", () => {
  const staff = (fullTime: CellValue) => [
    ["Job title", "Annual salary", "Contracted hours", "Standard hours"],
    ["Team Manager", 48000, 37, 37],
    ["Family Support Worker", 28000, 22.5, 36],
    ["Business Support", 24000, 30, fullTime],
  ];

  it("divides by the post's own week, and by the setting where its cell is blank", () => {
    const r = read(staff(""), 37);
    expect(errors(r)).toEqual([]);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 22.5 / 36, 30 / 37]);
    expect(r.issues.find((i) => i.code === "fte-from-hours")?.message).toBe(
      "No FTE column: each post's FTE is its weekly hours in column C 'Contracted hours' ÷ the post's full-time hours in column D 'Standard hours' (blank: the full-time week of 37 hours ('Full-time hours a week' at Assumptions!B3)), e.g. 'Family Support Worker' at C3: 22.5 ÷ 36 = 0.625 FTE"
    );
  });

  it("with no setting, refuses the post whose full-time hours are blank, at that cell", () => {
    const r = read(staff(""));
    expect(errors(r).map((i) => [i.code, `${i.sheet}!${i.address}`, i.message, i.fix])).toEqual([
      [
        "fte-full-time-hours-missing",
        "Staff!D4",
        "Full-time hours are blank for 'Business Support', so its FTE cannot be worked out from its 30 hours",
        "enter the post's full-time week, e.g. 37, or set 'Full-time hours a week' on the Assumptions sheet for posts with none",
      ],
    ]);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 22.5 / 36]);
  });

  it("refuses full-time hours of 0 rather than divide by them", () => {
    const r = read(staff(0), 37);
    expect(errors(r).map((i) => [i.code, i.address])).toEqual([
      ["fte-full-time-hours-missing", "D4"],
    ]);
  });
});

describe("a table of hours that cannot give an FTE", () => {
  it("refuses a post with its hours blank, at the hours cell", () => {
    const r = read(
      [
        ["Job title", "Annual salary", "Contracted hours"],
        ["Team Manager", 48000, 37],
        ["Business Support", 24000, ""],
      ],
      37
    );
    expect(errors(r).map((i) => [i.code, `${i.sheet}!${i.address}`, i.message])).toEqual([
      [
        "fte-hours-missing",
        "Staff!C3",
        "Hours are blank for 'Business Support', so its FTE cannot be worked out (the table has no FTE column)",
      ],
    ]);
  });

  it("with no full-time week anywhere, is refused at the header as before", () => {
    const r = read([
      ["Job title", "Annual salary", "Contracted hours"],
      ["Team Manager", 48000, 37],
    ]);
    expect(errors(r).map((i) => [i.code, i.address])).toEqual([["fte-column-missing", "A1"]]);
  });
});

describe("an FTE column beside the hours", () => {
  it("is the FTE, whatever the full-time week: nothing is worked out from the hours", () => {
    const r = read(
      [
        ["Job title", "Annual salary", "Contracted hours", "FTE"],
        ["Family Support Worker", 28000, 18.5, 0.6],
      ],
      37
    );
    expect(r.establishment!.posts.map((p) => [p.fte, p.cells.fte])).toEqual([[0.6, "D2"]]);
    expect(r.issues.filter((i) => i.code === "fte-from-hours")).toEqual([]);
  });
});
