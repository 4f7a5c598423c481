import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

describe("a SAP HR export (tryout3 mk-12)", () => {
  it("reads Capacity Utilisation Level as FTE %, Pay Scale Group as the grade and Pay Scale Level as the point", () => {
    const r = readEstablishment({
      grids: [
        grid("SAP HR", [
          [
            "Personnel Number",
            "Position",
            "Pay Scale Group",
            "Pay Scale Level",
            "Capacity Utilisation Level",
            "Annual Salary",
          ],
          ["50001", "Care Manager", "SS09", "30", 80, 40000],
          ["50002", "Care Manager", "SS09", "30", 100, 40000],
        ]),
      ],
    });
    const e = r.establishment!;
    expect(e.columns).toMatchObject({ grade: 2, spinalPoint: 3, fte: 4, salary: 5 });
    expect(e.posts.map((p) => [p.fte, p.grade, p.spinalPoint])).toEqual([
      [0.8, "SS09", 30],
      [1, "SS09", 30],
    ]);
    expect(where(r.issues)).toEqual(["info:column-unit-converted@E1"]);
  });
});
