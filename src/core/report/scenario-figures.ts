/**
 * The figures the Scenarios sheet compares, for the base and each scenario: the grant's
 * posts costed over the window (as the Grant Costing sheet costs them), the grant and its
 * headroom, the restructure's full-year effect and the locality shares. Posts are costed
 * once for every set of assumptions that costs them the same (costing/shared.ts).
 */
import {
  costingWindow,
  financialYearsWindow,
  postCostingKey,
  sharedCosting,
  type EstablishmentCosting,
  type SharedCosting,
} from "../costing";
import { annualCostOf, proposedVersusCurrent } from "../changes";
import { financialYearOf, type FinancialYear } from "../dates";
import type { Assumptions, Establishment, Localities, PayScales } from "../model";
import { grantPosts } from "../model";
import { roundPenny, sumMoney } from "../money";
import { SharesInputError } from "../shares";
import { BASE_NAME } from "../read";
import { localityShares } from "./locality-shares";

export interface ScenarioInputs {
  establishment: Establishment;
  localities?: Localities;
  payScales?: PayScales;
  base: Assumptions;
  /** The Assumptions sheet the scenarios' cells are on. */
  assumptionsSheet?: string;
  scenarios: ReadonlyArray<{
    name: string;
    assumptions: Assumptions;
    changed: Record<string, string | undefined>;
  }>;
}

export interface ScenarioFigures {
  name: string;
  assumptions: Assumptions;
  /** Settings changed, "Label value (cell)", for the sheet's note (empty for the base). */
  changed: Record<string, string | undefined>;
  /** The grant's posts over the window. */
  costing: EstablishmentCosting;
  /** Per FY: net cost after the vacancy factor, plus the exit-cost contingency in the last year. */
  commitment: number[];
  /** Per FY grant, when the grant is given by year. */
  grantByYear?: number[];
  /** The grant over the window, when one is given. */
  grantTotal?: number;
  /** Proposed less current at full-year effect, when the establishment has a proposed structure. */
  /** `uncosted`: posts left out of the figures, as the Restructure sheet's "Incomplete" says. */
  restructure?: { current: number; proposed: number; fullYearEffect: number; uncosted: number };
  /** FTE and cost per locality; a message when the share-out cannot be made. */
  shares?: { fte: number[]; cost?: number[] } | { problem: string };
}

/** The FY a restructure is costed in: the one it takes effect in, else the first FY. */
function restructureYear(a: Assumptions): FinancialYear {
  return a.implementationDate !== undefined ? financialYearOf(a.implementationDate) : a.firstYear;
}

function grantOf(a: Assumptions, years: readonly FinancialYear[]) {
  const byYear = a.grant.amountsByYear;
  const hasByYear = !!byYear && years.some((fy) => typeof byYear[fy] === "number");
  const grantByYear = hasByYear ? years.map((fy) => byYear?.[fy] ?? 0) : undefined;
  const grantTotal =
    typeof a.grant.amount === "number"
      ? a.grant.amount
      : grantByYear
        ? roundPenny(grantByYear.reduce((s, v) => s + v, 0))
        : undefined;
  return { grantByYear, grantTotal };
}

const totalFte = (est: Establishment) =>
  Math.round(est.posts.reduce((s, p) => s + p.fte, 0) * 1e6) / 1e6;

/** Memo of the restructure's full-year effect by what it reads. */
function restructureOf(input: ScenarioInputs, memo: Map<string, ScenarioFigures["restructure"]>) {
  return (a: Assumptions): ScenarioFigures["restructure"] => {
    if (input.establishment.columns.proposedFte === undefined) return undefined;
    const year = restructureYear(a);
    const key = JSON.stringify([
      postCostingKey(a, year),
      year,
      a.agencyWeeksPerYear,
      a.implementationDate,
    ]);
    if (memo.has(key)) return memo.get(key);
    const changes = proposedVersusCurrent(
      input.establishment.posts,
      a,
      annualCostOf(a, input.payScales, year)
    );
    // With posts it cannot cost, the figures are the costed posts' (as on the Restructure
    // sheet): a post with no proposed cost is not a saving of its current cost.
    const costed = changes.posts.filter((p) => p.noCost === undefined);
    const current = sumMoney(costed.map((p) => p.current.total));
    const proposed = sumMoney(costed.map((p) => p.proposed.total));
    const figures = {
      current,
      proposed,
      fullYearEffect: roundPenny(proposed - current),
      uncosted: changes.uncosted.length,
    };
    memo.set(key, figures);
    return figures;
  };
}

function sharesOf(
  input: ScenarioInputs,
  a: Assumptions,
  shared: SharedCosting
): ScenarioFigures["shares"] {
  const localities = input.localities;
  if (!localities) return undefined;
  const est = input.establishment;
  const fte = totalFte(est);
  const annual = shared.cost(est.posts, "all", a, financialYearsWindow(a.firstYear, 1));
  try {
    const s = localityShares({
      localities,
      assumptions: a,
      establishmentFte: fte,
      costPerFte: fte ? annual.netByYear[0] / fte : undefined,
      generatedAt: "",
      version: "",
    });
    return s.cost ? { fte: s.fte, cost: s.cost } : { fte: s.fte };
  } catch (e) {
    if (!(e instanceof SharesInputError)) throw e;
    return { problem: e.message };
  }
}

/** The base's figures first, then each scenario's, in sheet order. */
export function scenarioFigures(input: ScenarioInputs, shared = sharedCosting(input.payScales)) {
  const memo = new Map<string, ScenarioFigures["restructure"]>();
  const restructure = restructureOf(input, memo);
  const all = [{ name: BASE_NAME, assumptions: input.base, changed: {} }, ...input.scenarios];
  return all.map((s): ScenarioFigures => {
    const a = s.assumptions;
    const posts = grantPosts(input.establishment, a.grant.name);
    const costing = shared.cost(posts, `grant:${a.grant.name ?? ""}`, a, costingWindow(a));
    const n = costing.years.length;
    const commitment = costing.netByYear.map((v, y) =>
      y === n - 1 ? roundPenny(v + costing.exitCost) : v
    );
    return {
      name: s.name,
      assumptions: a,
      changed: s.changed,
      costing,
      commitment,
      ...grantOf(a, costing.years),
      restructure: restructure(a),
      shares: sharesOf(input, a, shared),
    };
  });
}
