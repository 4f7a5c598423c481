import {
  costEstablishment,
  costingWindow,
  postCostingKey,
  sharedCosting,
} from "../../../src/core/costing";
import { defaultAssumptions } from "../../../src/core/read";
import type { Assumptions, Post } from "../../../src/core/model";

const posts: Post[] = [
  {
    sourceRow: 1,
    title: "Family Worker",
    fte: 1,
    headcount: 1,
    minSalary: 24000,
    maxSalary: 27000,
    cells: {},
  },
  { sourceRow: 2, title: "Team Manager", fte: 0.6, headcount: 1, salary: 41234.56, cells: {} },
];
/** The figures of a costing (its posts keep the assumptions they were costed with). */
const figures = (c: ReturnType<typeof costEstablishment>) => {
  const { posts: _posts, ...rest } = c;
  return { ...rest, posts: c.posts.map((p) => [p.total, p.years]) };
};

const base: Assumptions = {
  ...defaultAssumptions(2025),
  payAwards: [{ year: 2026, percent: 0.025 }],
  grant: { name: "Hubs", amount: 100000 },
};

describe("costing shared between scenarios", () => {
  it("costs the posts once for assumptions that differ only in what no post's costing reads", () => {
    const shared = sharedCosting();
    const w = costingWindow(base);
    shared.cost(posts, "p", base, w);
    const vacancies = { ...base, vacancyFactor: 0.05 };
    const cut = { ...base, grant: { ...base.grant, amount: 90000 } };
    // An award after the window's last year (2027/28) changes nothing in it.
    const later = { ...base, payAwards: [...base.payAwards, { year: 2028, percent: 0.04 }] };
    for (const a of [vacancies, cut, later])
      expect(figures(shared.cost(posts, "p", a, w))).toEqual(
        figures(costEstablishment(posts, a, w))
      );
    expect(shared.costings()).toBe(1);
    const pension = { ...base, pensionRate: 0.2 };
    expect(figures(shared.cost(posts, "p", pension, w))).toEqual(
      figures(costEstablishment(posts, pension, w))
    );
    expect(shared.costings()).toBe(2);
  });

  it("keys apart assumptions that cost a post differently", () => {
    const key = (a: Assumptions) => postCostingKey(a, 2027);
    expect(key({ ...base, niRate: 0.15 })).not.toBe(key(base));
    expect(key({ ...base, payAwards: [{ year: 2027, percent: 0.04 }] })).not.toBe(key(base));
    expect(key({ ...base, grant: { ...base.grant, start: 45900 } })).not.toBe(key(base));
    expect(key({ ...base, localityWeights: { ...base.localityWeights, equal: 1 } })).toBe(
      key(base)
    );
  });
});
