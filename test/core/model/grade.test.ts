import { gradeKey } from "../../../src/core/model";

describe("gradeKey: one spelling for a grade however it is typed", () => {
  it("reads the word grade and its shortenings in front of a number as one grade", () => {
    const spellings = [
      "Grade 8",
      "grade8",
      "G8",
      "g 8",
      "Gr 8",
      "GR8",
      "Gr. 8",
      "Grade 08",
      "GRADE-8",
    ];
    expect(new Set(spellings.map(gradeKey))).toEqual(new Set(["grade8"]));
  });

  it("ignores case, spaces and leading zeros, and nothing else", () => {
    expect(gradeKey("SS08")).toBe(gradeKey(" ss 8 "));
    expect(gradeKey("PO1")).toBe(gradeKey("po 01"));
    expect(gradeKey("Band 8a")).toBe("band8a");
    expect(gradeKey("Band 8a")).not.toBe(gradeKey("Band 8"));
    expect(gradeKey("SS02")).not.toBe(gradeKey("SS05"));
    expect(gradeKey("SO1/2")).not.toBe(gradeKey("SO12"));
    // "G" only as grade's shortening before a number: "GS8" is its own code.
    expect(gradeKey("GS8")).toBe("gs8");
    expect(gradeKey("Grade 10")).toBe("grade10");
    expect(gradeKey("Grade 10")).not.toBe(gradeKey("Grade 1"));
  });
});
