/** The costing engine: posts month by month, rolled up into financial years. */
export {
  prepareCosting,
  costPost,
  costPostIn,
  costEstablishment,
  totalCosting,
  vacancyOn,
  peopleFor,
  addMonths,
  FIGURES,
  type CostFigures,
  type PostYearCost,
  type PostCosting,
  type YearTotal,
  type EstablishmentCosting,
  type CostingContext,
} from "./engine";
export {
  applyPayAward,
  salaryInYear,
  salaryAtPoint,
  gradePoints,
  costingPointIndex,
  midPair,
  indexPayScales,
  payLadderFor,
  ladderSalaries,
  isMoney,
  type LadderPoint,
  type PayLadder,
  type PaySource,
  type PayScaleIndex,
} from "./pay";
export { sharedCosting, postCostingKey, type SharedCosting } from "./shared";
export { costingWindow, financialYearsWindow, windowWarnings, type CostingWindow } from "./window";
export {
  niForPay,
  pensionForPay,
  levyForPay,
  postCostInYear,
  postCostProfile,
  postProfile,
  yearCostingContext,
  plainAssumptions,
  PLAIN_DEFAULTS,
  type NiOptions,
  type PlainPostInput,
  type PlainSettings,
  type ProfileInput,
} from "./figures";

// How grades match is the model's rule (one spelling for "G8", "Grade 8", "Gr 8").
export { gradeKey } from "../model";
