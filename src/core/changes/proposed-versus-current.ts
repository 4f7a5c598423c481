import type {
  Assumptions,
  ContractType,
  Post,
  PostSource,
  ProposedFteFrom,
  StructureMatch,
} from "../model";
import {
  agencyAnnualCost,
  agencyWeekOf,
  hourlyAgencyRate,
  FULL_TIME_HOURS,
  type AgencyWeek,
  type HourlyAgencyRate,
} from "./agency";
import {
  CHANGE_KINDS,
  classifyPost,
  currentContractOf,
  isManagementGrade,
  isRegraded,
  proposedContractOf,
  proposedFteOf,
  type ChangeKind,
} from "./classify";
import { roundPenny, sumMoney } from "../money";
import { partYearFraction, type PartYear } from "./part-year";
import { financialYearFraction } from "../dates";

/** A post's cost for a whole year, to the penny. */
export interface AnnualCost {
  salary: number;
  onCosts: number;
  total: number;
}

/**
 * The costing engine's per-post annual cost (salary plus employer on-costs), passed in so
 * this module does not depend on how pay is worked out. It is called with the post as it
 * is now, and with a copy describing the post as proposed (proposed FTE, grade, salary,
 * contract; see proposedPostOf).
 */
export type CostOf = (post: Post) => AnnualCost;

/** How a side of a post was costed: as employed staff (costOf) or at the agency rate. */
export type CostBasis = "employed" | "agency" | "none";

export interface AgencyConversion {
  title: string;
  team: string;
  /** Per hour: as typed, or converted from the rate as quoted (quotedRate, conversion). */
  hourlyRate: number;
  /** The rate as the agency quoted it, when not hourly (£260 a day). */
  quotedRate?: HourlyAgencyRate["quoted"];
  /** How it was made hourly: "£260.00 a day ÷ 7.4 hours a day (37 hours a week over 5 days)". */
  conversion?: string;
  hoursPerWeek: number;
  weeks: number;
  /** The agency cost now (current FTE). */
  agencyCost: number;
  /** The post made permanent, as proposed: salary plus on-costs. */
  permanentCost: number;
  /** agencyCost − permanentCost; negative when converting costs more. */
  saving: number;
  /** The same per FTE: the figure councils quote ("£12k a year per social worker"). */
  savingPerFte: number;
  /** The FTE converted like for like: the smaller of the agency FTE now and the FTE proposed. */
  convertedFte: number;
  /**
   * The saving of the conversion itself, like for like: savingPerFte on the converted FTE
   * (1 agency FTE → 1.5 permanent: the saving on 1 FTE). With fteChangeCost it makes up
   * the net saving to the penny: saving = conversionSaving − fteChangeCost.
   */
  conversionSaving: number;
  /**
   * What the change of FTE costs apart from the conversion: growth at the permanent cost
   * per FTE (the extra 0.5 FTE), or (negative) the agency FTE not replaced, at the agency
   * cost per FTE.
   */
  fteChangeCost: number;
}

export interface PostChange {
  post: Post;
  title: string;
  team: string;
  currentGrade?: string;
  proposedGrade?: string;
  currentContract: ContractType;
  proposedContract: ContractType;
  currentFte: number;
  proposedFte: number;
  fteChange: number;
  current: AnnualCost;
  proposed: AnnualCost;
  currentBasis: CostBasis;
  proposedBasis: CostBasis;
  /** Full-year effect: proposed − current annual cost. */
  change: number;
  /** Part-year effect in the year of implementation; absent without an implementation date. */
  partYearChange?: number;
  classification: ChangeKind;
  changes: ChangeKind[];
  managementBefore: boolean;
  managementAfter: boolean;
  agencyConversion?: AgencyConversion;
  /** One-table form: the proposed FTE was not a typed figure (blank = unchanged, or a deletion word). */
  proposedFteFrom?: ProposedFteFrom;
  /** Two-list form: the team and funding the proposed list gives, where they differ. */
  proposedTeam?: string;
  proposedFunding?: string;
  /** Two-list form: the current and proposed row (sheet, 1-based row, title cell). */
  currentSource?: PostSource;
  proposedSource?: PostSource;
  /** Two-list form: how the pair was matched; absent for a new or deleted post. */
  matchedBy?: StructureMatch;
  /** Two-list form: paired in list order among posts sharing the key (a warning names them). */
  inOrder?: boolean;
  /**
   * The sides with FTE but no cost (no salary, no pay scale for the grade, no agency rate):
   * their £0 is missing, not free, so the post's change is left out of the costed figures.
   */
  noCost?: Array<"current" | "proposed">;
}

/** What the sheet says of a post's provenance: the fields of PostChange from the Post. */
function provenanceOf(post: Post): Partial<PostChange> {
  const out: Partial<PostChange> = {};
  if (post.proposedFteFrom !== undefined) out.proposedFteFrom = post.proposedFteFrom;
  if (post.proposedTeam !== undefined) out.proposedTeam = post.proposedTeam;
  if (post.proposedFunding !== undefined) out.proposedFunding = post.proposedFunding;
  const s = post.structure;
  if (s?.current) out.currentSource = s.current;
  if (s?.proposed) out.proposedSource = s.proposed;
  if (s?.matchedBy) out.matchedBy = s.matchedBy;
  if (s?.inOrder) out.inOrder = true;
  return out;
}

export interface ChangeTotals {
  posts: number;
  currentFte: number;
  proposedFte: number;
  fteChange: number;
  currentCost: number;
  proposedCost: number;
  /** Net additional resource (positive) or saving (negative) at full-year effect. */
  fullYearEffect: number;
  /** The same in the year of implementation: the sum of the posts' part-year effects. */
  partYearEffect?: number;
}

export interface TeamChange extends ChangeTotals {
  team: string;
}

export interface ManagementCost {
  before: number;
  after: number;
  change: number;
  /** change ÷ before; absent when there was no management cost before. */
  percentChange?: number;
  postsBefore: number;
  postsAfter: number;
}

export interface ProposedVersusCurrent {
  posts: PostChange[];
  teams: TeamChange[];
  totals: ChangeTotals;
  partYear?: PartYear;
  management: ManagementCost;
  agencyConversions: AgencyConversion[];
  /** Net: agency cost now less permanent cost proposed, over the conversions. */
  agencySaving: number;
  /** Like for like: the conversions' savings on the FTE converted, apart from any change of FTE. */
  agencyConversionSaving: number;
  /** The conversions' change of FTE: growth (positive) or agency FTE not replaced (negative). */
  agencyFteChangeCost: number;
  /** Posts per classification. */
  counts: Record<ChangeKind, number>;
  /** Posts kept as they are because their Proposed FTE was blank (one-table form). */
  unchangedByBlank: number;
  /** Posts with a side that has FTE but no cost (see PostChange.noCost): the figures are incomplete. */
  uncosted: PostChange[];
  /** The effect over the posts costed on both sides: the honest figure while some are uncosted. */
  costedEffect: { fullYear: number; partYear?: number };
  warnings: string[];
}

export type ChangesAssumptions = Pick<
  Assumptions,
  | "implementationDate"
  | "managementGrades"
  | "agencyWeeksPerYear"
  | "agencyHoursPerWeek"
  | "agencyDaysPerWeek"
>;

export interface ChangesOptions {
  /** Hours of one full-time post, for agency rows without hours per week (default: the agency hours per week, 37). */
  fullTimeHours?: number;
}

export const NO_TEAM = "No team";
const ZERO: AnnualCost = { salary: 0, onCosts: 0, total: 0 };
/** FTE figures are kept to 6 decimal places so that sums are clean. */
const fte6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;

function cleanCost(c: AnnualCost): AnnualCost {
  return {
    salary: roundPenny(c.salary),
    onCosts: roundPenny(c.onCosts),
    total: roundPenny(c.total),
  };
}

/**
 * The post as proposed, for costOf: proposed FTE, grade and contract. A regraded post's
 * current salary, spinal point and grade range no longer apply, so they are dropped
 * unless a proposed salary is given (the costing engine then prices the new grade). The
 * headcount scales with FTE, rounded up (3 people on 1.5 FTE becoming 1.0 FTE: 2 people),
 * which keeps employer NI thresholds per person roughly right.
 */
export function proposedPostOf(post: Post): Post {
  // Asked for by the post's classification, its costing and the live sheet's formulas: made once.
  let proposed = proposedPosts.get(post);
  if (!proposed) proposedPosts.set(post, (proposed = makeProposedPost(post)));
  return proposed;
}

/** Keyed by the post: a post is not changed once read. */
const proposedPosts = new WeakMap<Post, Post>();

function makeProposedPost(post: Post): Post {
  const fte = proposedFteOf(post);
  const regraded = isRegraded(post);
  const gradeChanged =
    regraded && post.proposedGrade !== undefined && post.proposedGrade.trim() !== "";
  let headcount = post.headcount;
  if (headcount !== undefined && Math.abs(fte - post.fte) > 1e-9) {
    headcount =
      post.fte > 0 ? Math.max(1, Math.ceil((headcount * fte) / post.fte - 1e-9)) : undefined;
  }
  return {
    ...post,
    fte,
    headcount,
    grade: gradeChanged ? post.proposedGrade : post.grade,
    salary: post.proposedSalary ?? (gradeChanged ? undefined : post.salary),
    spinalPoint: gradeChanged ? undefined : post.spinalPoint,
    minSalary: gradeChanged ? post.proposedMinSalary : post.minSalary,
    maxSalary: gradeChanged ? post.proposedMaxSalary : post.maxSalary,
    contractType: proposedContractOf(post),
  };
}

/** The row's weekly agency hours: as the table says, or FTE × full-time hours. */
function agencyHours(post: Post, fte: number, fullTimeHours: number): number {
  return post.hoursPerWeek ?? fte * fullTimeHours;
}

/** "row 5", or for a post of two lists "'Proposed structure' row 5": where to look. */
function rowOf(post: Post, side: "current" | "proposed"): string {
  const s = post.structure;
  const source = side === "proposed" ? (s?.proposed ?? s?.current) : (s?.current ?? s?.proposed);
  return source ? `'${source.sheet}' row ${source.row}` : `row ${post.sourceRow + 1}`;
}

/** What costing a side needs besides the post. */
interface SideContext {
  costOf: CostOf;
  week: AgencyWeek;
  fullTimeHours: number;
  warnings: string[];
}

function costSide(
  post: Post,
  fte: number,
  contract: ContractType,
  side: "current" | "proposed",
  ctx: SideContext
): { cost: AnnualCost; basis: CostBasis; hours?: number; rate?: HourlyAgencyRate } {
  if (fte <= 1e-9) return { cost: ZERO, basis: "none" };
  if (contract === "agency") {
    const rate = hourlyAgencyRate(post, ctx.week);
    if (rate !== undefined) {
      const hours = agencyHours(post, fte, ctx.fullTimeHours);
      const total = agencyAnnualCost(rate.hourly, hours, ctx.week.weeksPerYear);
      // The agency charge covers pay and the agency's own on-costs; there is no split.
      return { cost: { salary: total, onCosts: 0, total }, basis: "agency", hours, rate };
    }
    ctx.warnings.push(
      `${post.title} (${rowOf(post, side)}) is agency but has no agency rate: its ${side} cost is at employed rates`
    );
  }
  const input = side === "current" ? post : proposedPostOf(post);
  const cost = cleanCost(ctx.costOf(input));
  if (cost.total <= 0) {
    ctx.warnings.push(
      `${post.title} (${rowOf(post, side)}) has ${side} FTE but no ${side} cost: give a salary or a pay scale for its grade`
    );
  }
  return { cost, basis: "employed" };
}

type Side = ReturnType<typeof costSide>;

/** A side with FTE costed at nothing: no salary or pay scale (or agency rate) to cost it by. */
const uncostedSide = (side: Side, fte: number): boolean => fte > 1e-9 && side.cost.total <= 0;

/**
 * An agency post made employed: the net saving, and the same split into the conversion
 * like for like (per FTE, on the FTE converted) and the change of FTE apart from it.
 */
function agencyConversionOf(
  post: Post,
  team: string,
  now: Side,
  then: Side,
  fte: { current: number; proposed: number },
  weeks: number
): AgencyConversion | undefined {
  if (now.basis !== "agency" || then.basis !== "employed" || !now.rate) return undefined;
  // A permanent post with no cost is missing, not free: no saving to claim.
  if (then.cost.total <= 0) return undefined;
  const agencyPerFte = now.cost.total / fte.current;
  const permanentPerFte = then.cost.total / fte.proposed;
  const convertedFte = Math.min(fte.current, fte.proposed);
  const grown = fte.proposed - fte.current;
  const fteChangeCost = roundPenny(
    grown > 1e-9 ? grown * permanentPerFte : grown < -1e-9 ? grown * agencyPerFte : 0
  );
  const saving = roundPenny(now.cost.total - then.cost.total);
  const out: AgencyConversion = {
    title: post.title,
    team,
    hourlyRate: now.rate.hourly,
    hoursPerWeek: now.hours ?? 0,
    weeks,
    agencyCost: now.cost.total,
    permanentCost: then.cost.total,
    saving,
    savingPerFte: roundPenny(agencyPerFte - permanentPerFte),
    convertedFte: fte6(convertedFte),
    // The two parts add up to the net to the penny.
    conversionSaving: roundPenny(saving + fteChangeCost),
    fteChangeCost,
  };
  if (now.rate.quoted) out.quotedRate = now.rate.quoted;
  if (now.rate.conversion) out.conversion = now.rate.conversion;
  return out;
}

function totalsOf(posts: readonly PostChange[], withPartYear: boolean): ChangeTotals {
  const currentCost = sumMoney(posts.map((p) => p.current.total));
  const proposedCost = sumMoney(posts.map((p) => p.proposed.total));
  const currentFte = fte6(posts.reduce((s, p) => s + p.currentFte, 0));
  const proposedFte = fte6(posts.reduce((s, p) => s + p.proposedFte, 0));
  return {
    posts: posts.length,
    currentFte,
    proposedFte,
    fteChange: fte6(proposedFte - currentFte),
    currentCost,
    proposedCost,
    fullYearEffect: sumMoney(posts.map((p) => p.change)),
    partYearEffect: withPartYear ? sumMoney(posts.map((p) => p.partYearChange ?? 0)) : undefined,
  };
}

/**
 * The share of the year of implementation a post's change falls in: from the implementation
 * date, or from the post's own date when its Status gives one ("Deleted from 01/10/2025"),
 * all of the year for a date before it and none for one after.
 */
function partYearShare(post: Post, partYear: PartYear): number {
  return post.changeDate === undefined
    ? partYear.fraction
    : financialYearFraction(partYear.financialYear, post.changeDate);
}

/** One post costed now and as proposed, classified, with its agency conversion if any. */
function postChangeOf(
  post: Post,
  assumptions: ChangesAssumptions,
  ctx: SideContext,
  partYear: PartYear | undefined
): PostChange {
  const currentFte = post.fte;
  const proposedFte = proposedFteOf(post);
  const currentContract = currentContractOf(post);
  const proposedContract = proposedContractOf(post);
  const now = costSide(post, currentFte, currentContract, "current", ctx);
  const then = costSide(post, proposedFte, proposedContract, "proposed", ctx);
  const kinds = classifyPost(post);
  const change = roundPenny(then.cost.total - now.cost.total);
  const proposedGrade = proposedPostOf(post).grade;
  const team = post.team?.trim() ? post.team.trim() : NO_TEAM;
  const result: PostChange = {
    post,
    title: post.title,
    team,
    currentGrade: post.grade,
    proposedGrade,
    currentContract,
    proposedContract,
    currentFte,
    proposedFte,
    fteChange: fte6(proposedFte - currentFte),
    current: now.cost,
    proposed: then.cost,
    currentBasis: now.basis,
    proposedBasis: then.basis,
    change,
    partYearChange: partYear ? roundPenny(change * partYearShare(post, partYear)) : undefined,
    classification: kinds[0],
    changes: kinds,
    managementBefore:
      currentFte > 1e-9 &&
      (post.management === true || isManagementGrade(post.grade, assumptions.managementGrades)),
    managementAfter:
      proposedFte > 1e-9 &&
      (post.management === true || isManagementGrade(proposedGrade, assumptions.managementGrades)),
    ...provenanceOf(post),
  };
  const conversion = agencyConversionOf(
    post,
    team,
    now,
    then,
    { current: currentFte, proposed: proposedFte },
    ctx.week.weeksPerYear
  );
  if (conversion) result.agencyConversion = conversion;
  const noCost = (["current", "proposed"] as const).filter((side) =>
    uncostedSide(side === "current" ? now : then, side === "current" ? currentFte : proposedFte)
  );
  if (noCost.length > 0) result.noCost = noCost;
  return result;
}

/**
 * Proposed versus current: every post classified and costed before and after, with team
 * totals, the net additional resource (or saving) at full-year and part-year effect,
 * management cost before and after, and the agency conversions.
 */
export function proposedVersusCurrent(
  posts: readonly Post[],
  assumptions: ChangesAssumptions,
  costOf: CostOf,
  options: ChangesOptions = {}
): ProposedVersusCurrent {
  const warnings: string[] = [];
  const week = agencyWeekOf(assumptions);
  const ctx: SideContext = {
    costOf,
    week,
    fullTimeHours: options.fullTimeHours ?? assumptions.agencyHoursPerWeek ?? FULL_TIME_HOURS,
    warnings,
  };
  const partYear =
    assumptions.implementationDate !== undefined
      ? partYearFraction(assumptions.implementationDate)
      : undefined;
  if (partYear === undefined) {
    warnings.push(
      "No implementation date is set, so the part-year effect is not shown; set one in the assumptions"
    );
  }

  const changes = posts.map((post) => postChangeOf(post, assumptions, ctx, partYear));

  const teamNames: string[] = [];
  for (const c of changes) if (!teamNames.includes(c.team)) teamNames.push(c.team);
  const teams = teamNames.map((team) => ({
    team,
    ...totalsOf(
      changes.filter((c) => c.team === team),
      partYear !== undefined
    ),
  }));

  const before = sumMoney(changes.filter((c) => c.managementBefore).map((c) => c.current.total));
  const after = sumMoney(changes.filter((c) => c.managementAfter).map((c) => c.proposed.total));
  const managementChange = roundPenny(after - before);
  const management: ManagementCost = {
    before,
    after,
    change: managementChange,
    percentChange: before !== 0 ? managementChange / before : undefined,
    postsBefore: changes.filter((c) => c.managementBefore).length,
    postsAfter: changes.filter((c) => c.managementAfter).length,
  };

  const agencyConversions = changes.flatMap((c) =>
    c.agencyConversion ? [c.agencyConversion] : []
  );
  const uncosted = changes.filter((c) => c.noCost !== undefined);
  const costed = changes.filter((c) => c.noCost === undefined);
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.classification] += 1;

  return {
    posts: changes,
    teams,
    totals: totalsOf(changes, partYear !== undefined),
    partYear,
    management,
    agencyConversions,
    agencySaving: sumMoney(agencyConversions.map((a) => a.saving)),
    agencyConversionSaving: sumMoney(agencyConversions.map((a) => a.conversionSaving)),
    agencyFteChangeCost: sumMoney(agencyConversions.map((a) => a.fteChangeCost)),
    counts,
    unchangedByBlank: posts.filter((p) => p.proposedFteFrom === "blank: unchanged").length,
    uncosted,
    costedEffect: {
      fullYear: sumMoney(costed.map((p) => p.change)),
      ...(partYear ? { partYear: sumMoney(costed.map((p) => p.partYearChange ?? 0)) } : {}),
    },
    warnings,
  };
}
