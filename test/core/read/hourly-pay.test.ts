import { readEstablishment } from "../../../src/core/read";
import { grid } from "./helpers";

const read = (rateHeading: string, ...rows: (string | number)[][]) =>
  readEstablishment({
    grids: [
      grid("Staff", [
        ["Position", "Salary", "FTE", "Contract type", rateHeading, "Hours per week"],
        ...rows,
      ]),
    ],
  });

describe("an hourly rate on a casual or sessional row (tryout mk-05)", () => {
  it("is pay: the full-time salary that gives rate × hours × 52 at the row's FTE", () => {
    const r = read("Hourly rate", ["Relief Worker", "", 0.5, "Relief", 12, 18.5]);
    const [post] = r.establishment!.posts;
    // £12 × 18.5 × 52 = £11,544 a year at 0.5 FTE: £23,088 full time.
    expect(post.salary).toBe(23088);
    expect(post.agencyHourlyRate).toBeUndefined();
    expect(r.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
      ["info", "hourly-pay", "E2"],
    ]);
  });

  it("with no hours a week, says there is nothing to cost it by (and the salary is missing)", () => {
    const r = read("Hourly rate", ["Casual Worker", "", 0.2, "Zero hours", 13, ""]);
    expect(r.issues.map((i) => [i.code, i.address, i.message])).toEqual([
      [
        "hourly-pay",
        "E2",
        "'Casual Worker' (Zero hours) is paid by the hour, £13.00, but the row has no hours a week to cost it by",
      ],
      [
        "salary-missing",
        "B2",
        "No salary information for 'Casual Worker': no salary, minimum or maximum salary, or grade",
      ],
    ]);
  });

  it("stays an agency charge under an Agency hourly rate heading", () => {
    const r = read("Agency hourly rate", ["Casual Worker", "", 0.2, "Casual", 13, 7.4]);
    expect(r.establishment!.posts[0].agencyHourlyRate).toBe(13);
    expect(r.issues.map((i) => i.code)).toEqual(["agency-salary-missing"]);
  });
});
