import fc from "fast-check";
import {
  agencyHoursAmbiguity,
  agencyAnnualCost,
  agencyVersusPermanent,
  classifyPost,
  describeChanges,
  hourlyAgencyRate,
  partYearFraction,
  proposedPostOf,
  proposedVersusCurrent,
} from "../../../src/core/changes";
import { sumMoney } from "../../../src/core/money";
import { serialOf } from "../../../src/core/dates";
import type { Post } from "../../../src/core/model";
import { assumptions, post, simpleCostOf } from "./fixtures";

describe("classification", () => {
  it("tells new, deleted, increased, reduced, regraded, contract changed and unchanged apart", () => {
    expect(classifyPost(post({ title: "A", fte: 0, proposedFte: 1 }))).toEqual(["new"]);
    expect(classifyPost(post({ title: "A", fte: 2, proposedFte: 0 }))).toEqual(["deleted"]);
    expect(classifyPost(post({ title: "A", fte: 0.5, proposedFte: 1 }))).toEqual(["increased"]);
    expect(classifyPost(post({ title: "A", fte: 1, proposedFte: 0.6 }))).toEqual(["reduced"]);
    expect(classifyPost(post({ title: "A", grade: "SS08", proposedGrade: "SS11" }))).toEqual([
      "regraded",
    ]);
    expect(classifyPost(post({ title: "A", salary: 30000, proposedSalary: 31000 }))).toEqual([
      "regraded",
    ]);
    expect(
      classifyPost(post({ title: "A", contractType: "agency", proposedContractType: "permanent" }))
    ).toEqual(["contract changed"]);
    expect(classifyPost(post({ title: "A", grade: "SS08" }))).toEqual(["unchanged"]);
  });

  it("does not call the same grade written differently a regrading", () => {
    expect(classifyPost(post({ title: "A", grade: "SS 08", proposedGrade: " ss  08 " }))).toEqual([
      "unchanged",
    ]);
    expect(classifyPost(post({ title: "A", salary: 30000, proposedSalary: 30000.001 }))).toEqual([
      "unchanged",
    ]);
  });

  it("reads a blank contract as permanent and a blank proposed FTE as no change", () => {
    expect(classifyPost(post({ title: "A", proposedContractType: "permanent" }))).toEqual([
      "unchanged",
    ]);
    expect(classifyPost(post({ title: "A", fte: 3 }))).toEqual(["unchanged"]);
  });

  it("lists every change, most important first", () => {
    const kinds = classifyPost(
      post({
        title: "A",
        grade: "SS08",
        proposedGrade: "SS09",
        fte: 1,
        proposedFte: 2,
        contractType: "temporary",
        proposedContractType: "permanent",
      })
    );
    expect(kinds).toEqual(["contract changed", "regraded", "increased"]);
    expect(describeChanges(kinds)).toBe("Contract changed, regraded, increased");
  });

  it("describes the proposed post for the costing engine", () => {
    const p = post({
      title: "A",
      grade: "SS08",
      proposedGrade: "SS11",
      salary: 22000,
      minSalary: 20862,
      maxSalary: 22546,
      spinalPoint: 12,
      fte: 1.5,
      proposedFte: 1,
      headcount: 3,
      contractType: "agency",
      proposedContractType: "permanent",
    });
    const q = proposedPostOf(p);
    expect(q).toMatchObject({ grade: "SS11", fte: 1, headcount: 2, contractType: "permanent" });
    expect(q.salary).toBeUndefined();
    expect(q.minSalary).toBeUndefined();
    expect(q.spinalPoint).toBeUndefined();
    expect(proposedPostOf({ ...p, proposedSalary: 30000 }).salary).toBe(30000);
    expect(proposedPostOf({ ...p, proposedGrade: undefined }).salary).toBe(22000);
  });
});

describe("part-year effect", () => {
  it("counts the days left in the year of implementation", () => {
    expect(partYearFraction(serialOf(2025, 10, 1))).toEqual({
      date: serialOf(2025, 10, 1),
      financialYear: 2025,
      daysRemaining: 182,
      daysInYear: 365,
      fraction: 182 / 365,
    });
    expect(partYearFraction(serialOf(2024, 4, 1)).fraction).toBe(1);
    expect(partYearFraction(serialOf(2024, 3, 31))).toMatchObject({
      financialYear: 2023,
      daysRemaining: 1,
      daysInYear: 366,
    });
  });
});

describe("agency conversion", () => {
  it("£35/h × 37h × 52 weeks = £67,340 against a permanent post", () => {
    expect(agencyAnnualCost(35, 37, 52)).toBe(67340);
    // Permanent: £38,000 salary + 25% on-costs from the stand-in engine = £47,500.
    const permanent = simpleCostOf(post({ title: "Social worker", salary: 38000 })).total;
    expect(permanent).toBe(47500);
    expect(agencyVersusPermanent(35, 37, 52, permanent)).toEqual({
      agencyCost: 67340,
      permanentCost: 47500,
      saving: 19840,
    });
    expect(() => agencyAnnualCost(-1, 37, 52)).toThrow(/hourly rate/);
  });
});

describe("agency rates made hourly", () => {
  const week = { hoursPerWeek: 37, daysPerWeek: 5, weeksPerYear: 52 };
  it("says how each was converted", () => {
    expect(hourlyAgencyRate({ agencyHourlyRate: 31.5 }, week)).toEqual({ hourly: 31.5 });
    const day = hourlyAgencyRate({ agencyRate: { amount: 260, unit: "day" } }, week)!;
    expect(day.hourly).toBeCloseTo(35.135135, 6);
    expect(day.conversion).toBe("£260.00 a day ÷ 7.4 hours a day (37 hours a week over 5 days)");
    expect(hourlyAgencyRate({ agencyRate: { amount: 1200, unit: "week" } }, week)).toMatchObject({
      conversion: "£1,200.00 a week ÷ 37 hours a week",
    });
    const year = hourlyAgencyRate({ agencyRate: { amount: 60000, unit: "year" } }, week)!;
    expect(year.conversion).toBe(
      "£60,000.00 a year ÷ 1,924 hours a year (37 hours a week × 52 weeks)"
    );
    expect(agencyAnnualCost(year.hourly, 37, 52)).toBe(60000);
    expect(hourlyAgencyRate({}, week)).toBeUndefined();
  });
});

describe("proposed versus current", () => {
  const posts = [
    post({ title: "Team Manager", team: "East", grade: "SS11", salary: 40000 }), // unchanged, management
    post({
      title: "Senior Practitioner",
      team: "East",
      grade: "SS10",
      salary: 36000,
      proposedFte: 0,
    }), // deleted
    post({
      title: "Family Worker",
      team: "East",
      grade: "SS08",
      salary: 24000,
      fte: 2,
      proposedFte: 3,
    }), // increased
    post({ title: "Admin", team: "West", grade: "SS05", salary: 20000, fte: 1, proposedFte: 0.5 }), // reduced
    post({
      title: "Practice Lead",
      team: "West",
      grade: "SS10",
      salary: 36000,
      proposedGrade: "SS11",
      proposedSalary: 40000,
    }), // regraded into management
    post({
      title: "Social Worker",
      team: "West",
      grade: "SS09",
      salary: 38000,
      contractType: "agency",
      proposedContractType: "permanent",
      agencyHourlyRate: 35,
      hoursPerWeek: 37,
    }),
    post({ title: "Youth Worker", grade: "SS07", salary: 22000, fte: 0, proposedFte: 1 }), // new, no team
  ];
  const r = proposedVersusCurrent(posts, assumptions, simpleCostOf);

  it("classifies and costs every post", () => {
    expect(r.posts.map((p) => p.classification)).toEqual([
      "unchanged",
      "deleted",
      "increased",
      "reduced",
      "regraded",
      "contract changed",
      "new",
    ]);
    expect(r.posts.map((p) => [p.current.total, p.proposed.total, p.change])).toEqual([
      [50000, 50000, 0],
      [45000, 0, -45000],
      [60000, 90000, 30000],
      [25000, 12500, -12500],
      [45000, 50000, 5000],
      [67340, 47500, -19840],
      [0, 27500, 27500],
    ]);
    expect(r.posts[5].currentBasis).toBe("agency");
    expect(r.posts[6].team).toBe("No team");
    expect(r.counts).toMatchObject({ new: 1, deleted: 1, unchanged: 1, "contract changed": 1 });
  });

  it("counts the posts taken as unchanged because their Proposed FTE was blank", () => {
    const blank = proposedVersusCurrent(
      [
        post({ title: "A", salary: 30000, proposedFteFrom: "blank: unchanged" }),
        post({ title: "B", salary: 30000, proposedFteFrom: "blank: unchanged", fte: 0.5 }),
        post({ title: "C", salary: 30000, proposedFte: 0, proposedFteFrom: "status deleted" }),
        post({ title: "D", salary: 30000, proposedFte: 1 }),
      ],
      assumptions,
      simpleCostOf
    );
    expect(blank.unchangedByBlank).toBe(2);
    expect(blank.posts.map((p) => [p.classification, p.proposedFte, p.change])).toEqual([
      ["unchanged", 1, 0],
      ["unchanged", 0.5, 0],
      ["deleted", 0, -37500],
      ["unchanged", 1, 0],
    ]);
  });

  it("gives the full-year and part-year effect (1 October 2025: 182/365)", () => {
    // Hand check: 0 − 45,000 + 30,000 − 12,500 + 5,000 − 19,840 + 27,500 = −14,840.
    expect(r.totals.fullYearEffect).toBe(-14840);
    expect(r.totals.currentCost).toBe(292340);
    expect(r.totals.proposedCost).toBe(277500);
    expect(r.totals.currentFte).toBe(7);
    expect(r.totals.proposedFte).toBe(7.5);
    // Per post, to the penny: −45,000 × 182/365 = −22,438.36; 30,000 → 14,958.90;
    // −12,500 → −6,232.88; 5,000 → 2,493.15; −19,840 → −9,892.82; 27,500 → 13,712.33.
    expect(r.posts.map((p) => p.partYearChange)).toEqual([
      0, -22438.36, 14958.9, -6232.88, 2493.15, -9892.82, 13712.33,
    ]);
    expect(r.totals.partYearEffect).toBe(-7399.68);
    expect(r.partYear?.fraction).toBe(182 / 365);
  });

  it("adds up by team", () => {
    expect(r.teams.map((t) => [t.team, t.currentFte, t.proposedFte, t.fullYearEffect])).toEqual([
      ["East", 4, 4, -15000],
      ["West", 3, 2.5, -27340],
      ["No team", 0, 1, 27500],
    ]);
    expect(sumMoney(r.teams.map((t) => t.fullYearEffect))).toBe(r.totals.fullYearEffect);
  });

  it("shows management cost before and after", () => {
    // Before: Team Manager (SS11) 50,000. After: Team Manager 50,000 + Practice Lead regraded to SS11 50,000.
    expect(r.management).toEqual({
      before: 50000,
      after: 100000,
      change: 50000,
      percentChange: 1,
      postsBefore: 1,
      postsAfter: 2,
    });
  });

  it("lists agency conversions with the saving per FTE", () => {
    expect(r.agencyConversions).toEqual([
      {
        title: "Social Worker",
        team: "West",
        hourlyRate: 35,
        hoursPerWeek: 37,
        weeks: 52,
        agencyCost: 67340,
        permanentCost: 47500,
        saving: 19840,
        savingPerFte: 19840,
        convertedFte: 1,
        conversionSaving: 19840,
        fteChangeCost: 0,
      },
    ]);
    expect(r.agencySaving).toBe(19840);
    expect(r.agencyConversionSaving).toBe(19840);
    expect(r.agencyFteChangeCost).toBe(0);
  });

  it("reports a conversion that also changes FTE as a saving like for like plus a growth cost", () => {
    // 1 agency FTE at £35 × 37 × 52 = £67,340 → 1.5 permanent at £38,000 + 25% = £71,250.
    // Net: −£3,910 (it costs more). Like for like on 1 FTE: £67,340 − £47,500 = £19,840
    // saved; the extra 0.5 FTE costs £23,750. £19,840 − £23,750 = −£3,910.
    const grown = proposedVersusCurrent(
      [
        post({
          title: "Social Worker",
          salary: 38000,
          contractType: "agency",
          proposedContractType: "permanent",
          agencyHourlyRate: 35,
          proposedFte: 1.5,
        }),
      ],
      assumptions,
      simpleCostOf
    );
    expect(grown.agencyConversions[0]).toMatchObject({
      agencyCost: 67340,
      permanentCost: 71250,
      saving: -3910,
      savingPerFte: 19840,
      convertedFte: 1,
      conversionSaving: 19840,
      fteChangeCost: 23750,
    });
    // 2 agency FTE → 1 permanent: 1 FTE converted (saving £19,840), 1 agency FTE not
    // replaced (−£67,340, a saving). Net £134,680 − £47,500 = £87,180 = 19,840 + 67,340.
    const shrunk = proposedVersusCurrent(
      [
        post({
          title: "Social Worker",
          salary: 38000,
          fte: 2,
          contractType: "agency",
          proposedContractType: "permanent",
          agencyHourlyRate: 35,
          proposedFte: 1,
        }),
      ],
      assumptions,
      simpleCostOf
    );
    expect(shrunk.agencyConversions[0]).toMatchObject({
      agencyCost: 134680,
      permanentCost: 47500,
      saving: 87180,
      convertedFte: 1,
      conversionSaving: 19840,
      fteChangeCost: -67340,
    });
    expect([shrunk.agencyConversionSaving, shrunk.agencyFteChangeCost]).toEqual([19840, -67340]);
  });

  it("costs agency rates quoted per day, week or year with the agency week of the assumptions", () => {
    const agency = (agencyRate: Post["agencyRate"]) =>
      post({ title: "Social Worker", salary: 38000, contractType: "agency", agencyRate });
    const r = proposedVersusCurrent(
      [
        agency({ amount: 260, unit: "day", field: "agencyDailyRate" }),
        agency({ amount: 1200, unit: "week", field: "agencyWeeklyRate" }),
        agency({ amount: 60000, unit: "year", field: "agencyAnnualRate" }),
      ],
      assumptions,
      simpleCostOf
    );
    // £260 a day × 5 days × 52 weeks; £1,200 × 52; a year's rate is a year's cost.
    expect(r.posts.map((p) => p.current.total)).toEqual([67600, 62400, 60000]);
    expect(r.posts.map((p) => p.currentBasis)).toEqual(["agency", "agency", "agency"]);
    // A 36-hour, 4.5-day week: £260 a day is per 8 hours, £32.50 an hour × 36 × 52.
    const short = proposedVersusCurrent(
      [agency({ amount: 260, unit: "day", field: "agencyDailyRate" })],
      { ...assumptions, agencyHoursPerWeek: 36, agencyDaysPerWeek: 4.5 },
      simpleCostOf
    );
    expect(short.posts[0].current.total).toBe(60840);
  });

  it("warns when there is no implementation date and leaves out the part-year effect", () => {
    const s = proposedVersusCurrent(
      posts,
      { ...assumptions, implementationDate: undefined },
      simpleCostOf
    );
    expect(s.totals.partYearEffect).toBeUndefined();
    expect(s.warnings.join()).toMatch(/No implementation date/);
  });

  it("costs agency hours as FTE × 37 when the row gives none, and warns about a missing rate", () => {
    const s = proposedVersusCurrent(
      [
        post({
          title: "Locum",
          fte: 0.5,
          salary: 38000,
          contractType: "agency",
          agencyHourlyRate: 40,
        }),
        post({ title: "No rate", salary: 38000, contractType: "agency" }),
      ],
      assumptions,
      simpleCostOf
    );
    expect(s.posts[0].current.total).toBe(40 * 18.5 * 52);
    expect(s.posts[1].current.total).toBe(47500);
    expect(s.warnings.join()).toMatch(/No rate .* no agency rate/);
  });

  it("percent change is absent with no management before", () => {
    const s = proposedVersusCurrent([post({ title: "A", salary: 1 })], assumptions, simpleCostOf);
    expect(s.management.percentChange).toBeUndefined();
  });
});

describe("properties", () => {
  const arbPost = fc.record({
    fte: fc.constantFrom(0, 0.5, 1, 1.5, 2, 0.6),
    proposedFte: fc.option(fc.constantFrom(0, 0.5, 1, 2.5), { nil: undefined }),
    salary: fc.integer({ min: 15000, max: 90000 }),
    team: fc.constantFrom("A", "B", undefined),
    grade: fc.constantFrom("SS08", "SS11"),
    proposedGrade: fc.option(fc.constantFrom("SS08", "SS11"), { nil: undefined }),
    contractType: fc.constantFrom("permanent" as const, "agency" as const, undefined),
    agencyHourlyRate: fc.option(fc.integer({ min: 20, max: 60 }), { nil: undefined }),
  });

  it("totals equal the sum of their parts, by post and by team", () => {
    fc.assert(
      fc.property(fc.array(arbPost, { maxLength: 20 }), (rows) => {
        const posts = rows.map((f, i) => post({ title: `P${i}`, proposedSalary: undefined, ...f }));
        const r = proposedVersusCurrent(posts, assumptions, simpleCostOf);
        expect(r.totals.fullYearEffect).toBe(sumMoney(r.posts.map((p) => p.change)));
        expect(r.totals.fullYearEffect).toBe(
          sumMoney([r.totals.proposedCost, -r.totals.currentCost])
        );
        expect(r.totals.partYearEffect).toBe(sumMoney(r.teams.map((t) => t.partYearEffect ?? 0)));
        expect(r.totals.currentCost).toBe(sumMoney(r.teams.map((t) => t.currentCost)));
        r.posts.forEach((p) => {
          expect(p.current.total).toBeGreaterThanOrEqual(0);
          expect(p.proposed.total).toBeGreaterThanOrEqual(0);
          expect(Math.abs(p.partYearChange ?? 0)).toBeLessThanOrEqual(Math.abs(p.change));
        });
        expect(Object.values(r.counts).reduce((s, n) => s + n, 0)).toBe(posts.length);
      })
    );
  });
});

describe("agencyHoursAmbiguity: is an agency row's Hours each worker's?", () => {
  it("fires on one full-time week for more than 1 FTE, at least 20% short of FTE × 37", () => {
    expect(agencyHoursAmbiguity(2, 37, 2)).toEqual({
      hours: 37,
      hoursFte: 1,
      fteHours: 74,
      workers: 2,
      perWorkerTotal: 74,
    });
    expect(agencyHoursAmbiguity(3, 37.5)).toMatchObject({ workers: 3, perWorkerTotal: 112.5 });
    expect(agencyHoursAmbiguity(1.25, 37)).toMatchObject({ fteHours: 46.25 });
    expect(agencyHoursAmbiguity(1.5, 37)).toEqual({ hours: 37, hoursFte: 1, fteHours: 55.5 });
  });

  it("fires when hours × headcount is FTE × 37 (each person's hours)", () => {
    expect(agencyHoursAmbiguity(1, 18.5, 2)).toMatchObject({ workers: 2, perWorkerTotal: 37 });
    expect(agencyHoursAmbiguity(1.5, 18.5, 3)).toMatchObject({ perWorkerTotal: 55.5 });
  });

  it("stays quiet on ordinary rows", () => {
    expect(agencyHoursAmbiguity(0.5, 18.5, 1)).toBeUndefined();
    expect(agencyHoursAmbiguity(1, 37, 1)).toBeUndefined();
    expect(agencyHoursAmbiguity(1, 37)).toBeUndefined();
    expect(agencyHoursAmbiguity(2, 74, 2)).toBeUndefined();
    expect(agencyHoursAmbiguity(1.2, 37, 2)).toBeUndefined(); // under 20% short
    expect(agencyHoursAmbiguity(0.5, 10, 1)).toBeUndefined(); // short, but not per person
    expect(agencyHoursAmbiguity(2, 30, 2)).toBeUndefined(); // not a full week, 60 ≠ 74
    expect(agencyHoursAmbiguity(0, 37)).toBeUndefined();
  });
});
