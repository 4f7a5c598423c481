import { fundingKey } from "../../../src/core/model";

describe("fundingKey: one spelling for a grant's name", () => {
  it("reads case, spacing, punctuation, a year and the word grant at the end as the same", () => {
    const spellings = [
      "Supporting Families",
      "supporting families",
      "Supporting  Families ",
      "Supporting-Families",
      "Supporting Families Grant",
      "Supporting Families 2025/26",
      "Supporting Families (2025-26)",
      "Supporting Families grant 2025/26",
      "SUPPORTING FAMILIES FY2025/26",
    ];
    expect(new Set(spellings.map(fundingKey))).toEqual(new Set(["supporting families"]));
  });

  it("keeps everything else apart", () => {
    expect(fundingKey("Family Hubs")).not.toBe(fundingKey("Families Hub"));
    expect(fundingKey("Supporting Familes")).not.toBe(fundingKey("Supporting Families"));
    expect(fundingKey("Grant")).toBe("grant");
    expect(fundingKey("2025")).toBe("2025");
    expect(fundingKey("Public Health & Wellbeing")).toBe(fundingKey("public health and wellbeing"));
  });
});
