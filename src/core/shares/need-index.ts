import type { LocalityWeights } from "../model";
import { SharesInputError } from "./errors";

/**
 * The need index of each locality: a weighted mix of its share of the 0–19 population,
 * its share of deprivation-weighted population (population × deprivation rate), its share
 * of demand, and an equal share (1/n). The indices add up to 1, so they can be used as
 * the shares staff are allocated by. See docs/methodology-restructure-and-shares.md.
 */

export interface NeedInputs {
  /** 0–19 population per locality. */
  population: readonly number[];
  /** Deprivation rate per locality (e.g. IDACI 0.20). */
  deprivation: readonly number[];
  /** Recent demand per locality (referrals, open cases). */
  demand: readonly number[];
}

export interface NeedAnalysis {
  /** Population × deprivation rate. */
  deprivationWeighted: number[];
  populationShare: number[];
  deprivationShare: number[];
  demandShare: number[];
  equalShare: number[];
  needIndex: number[];
  /** The weights as given. */
  weightsGiven: LocalityWeights;
  /** The weights used: the given ones scaled to add up to 1. */
  weights: LocalityWeights;
  /** Things the user should know: weights rescaled, a measure with no data. */
  warnings: string[];
}

const WEIGHT_KEYS = ["population", "deprivation", "demand", "equal"] as const;
const WEIGHT_LABELS: Record<(typeof WEIGHT_KEYS)[number], string> = {
  population: "population",
  deprivation: "deprivation",
  demand: "demand",
  equal: "equal share",
};

/** Weights that do not add up to 1 within this are rescaled, with a warning. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

function checkValues(values: readonly number[], what: string): void {
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0) {
      throw new SharesInputError(
        "need-input-not-valid",
        `${what} for locality ${i + 1} must be a number, zero or more (was ${v})`
      );
    }
  });
}

/**
 * Checks weights and scales them to add up to 1. Weights adding up to, say, 0.9 or 90
 * are most likely "percentages that don't quite add up" or "percent typed as whole
 * numbers"; scaling keeps their proportions, which is what the user meant in both cases.
 */
export function normaliseWeights(weights: LocalityWeights): {
  weights: LocalityWeights;
  warnings: string[];
} {
  for (const k of WEIGHT_KEYS) {
    const w = weights[k];
    if (!Number.isFinite(w) || w < 0) {
      throw new SharesInputError(
        "weight-not-valid",
        `The ${WEIGHT_LABELS[k]} weight must be zero or more (was ${w})`
      );
    }
  }
  const sum = WEIGHT_KEYS.reduce((s, k) => s + weights[k], 0);
  if (sum <= 0) {
    throw new SharesInputError(
      "weights-all-zero",
      "The need weights are all zero; give at least one of population, deprivation, demand or equal share a weight"
    );
  }
  if (Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE) return { weights: { ...weights }, warnings: [] };
  const scaled = {
    population: weights.population / sum,
    deprivation: weights.deprivation / sum,
    demand: weights.demand / sum,
    equal: weights.equal / sum,
  };
  const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`;
  return {
    weights: scaled,
    warnings: [
      `The need weights add up to ${pct(sum)}, not 100%; they were scaled to keep their proportions: ` +
        WEIGHT_KEYS.map((k) => `${WEIGHT_LABELS[k]} ${pct(scaled[k])}`).join(", "),
    ],
  };
}

/** f(i) for each i below n: a plain loop, which runs faster than map on a million values. */
function tabulate(n: number, f: (i: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(f(i));
  return out;
}

/**
 * Each value's share of the total. A measure whose total is zero (no demand recorded
 * anywhere) has no shares to give: it falls back to equal shares, with a warning, so the
 * index still adds up to 1 — but only matters when the measure carries weight.
 */
function sharesOf(
  values: readonly number[],
  label: string,
  weight: number,
  warnings: string[]
): number[] {
  const total = values.reduce((s, v) => s + v, 0);
  // Shares are value ÷ total: an infinite total would make every share 0.
  if (!Number.isFinite(total))
    throw new SharesInputError(
      "need-input-too-large",
      `The ${label} figures add up to more than a number can hold; check them`
    );
  if (total > 0) return tabulate(values.length, (i) => values[i] / total);
  if (weight > 0) {
    warnings.push(
      `Every locality's ${label} is zero, so the ${label} share was taken as equal (1/${values.length}) for each`
    );
  }
  return tabulate(values.length, () => 1 / values.length);
}

/** Everything the locality shares sheet shows: each share, the weights used, the need index. */
export function analyseNeed(inputs: NeedInputs, weightsGiven: LocalityWeights): NeedAnalysis {
  const { population, deprivation, demand } = inputs;
  const n = population.length;
  if (n === 0)
    throw new SharesInputError("no-localities", "There are no localities to share out to");
  if (deprivation.length !== n || demand.length !== n) {
    throw new SharesInputError(
      "need-lengths-differ",
      `Population (${n}), deprivation (${deprivation.length}) and demand (${demand.length}) must have one value per locality`
    );
  }
  checkValues(population, "Population");
  checkValues(deprivation, "Deprivation");
  checkValues(demand, "Demand");
  const { weights, warnings } = normaliseWeights(weightsGiven);

  const deprivationWeighted = tabulate(n, (i) => population[i] * deprivation[i]);
  const populationShare = sharesOf(population, "population", weights.population, warnings);
  const deprivationShare = sharesOf(
    deprivationWeighted,
    "deprivation-weighted population",
    weights.deprivation,
    warnings
  );
  const demandShare = sharesOf(demand, "demand", weights.demand, warnings);
  const equalShare = tabulate(n, () => 1 / n);
  const needIndex = tabulate(
    n,
    (i) =>
      weights.population * populationShare[i] +
      weights.deprivation * deprivationShare[i] +
      weights.demand * demandShare[i] +
      weights.equal * equalShare[i]
  );
  return {
    deprivationWeighted,
    populationShare,
    deprivationShare,
    demandShare,
    equalShare,
    needIndex,
    weightsGiven: { ...weightsGiven },
    weights,
    warnings,
  };
}

/** The need index per locality (adds up to 1). For cell functions; see analyseNeed. */
export function needIndex(
  population: readonly number[],
  deprivation: readonly number[],
  demand: readonly number[],
  weights: LocalityWeights
): number[] {
  return analyseNeed({ population, deprivation, demand }, weights).needIndex;
}
