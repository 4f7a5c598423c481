import type { Issue } from "../grid";
import type {
  Assumptions,
  AssumptionsSource,
  Establishment,
  Localities,
  PayScales,
  PostField,
} from "../model";
import type { WorkbookGrids } from "../workbook/types";
import { readAssumptions, type ReadAssumptionsOptions } from "./assumptions";
import type { ColumnMapping, TableCandidate } from "./detect";
import { readEstablishment } from "./establishment";
import { readLocalities } from "./localities";
import { readPayScales } from "./pay-scales";

export interface ReadWorkbookOptions extends ReadAssumptionsOptions {
  /** Sheet or Excel Table name of the establishment, when not the best-scoring table. */
  establishment?: string;
  mapping?: ColumnMapping<PostField>;
}

export interface WorkbookInputs {
  establishment?: Establishment;
  establishmentCandidates: TableCandidate<PostField>[];
  assumptions: Assumptions;
  assumptionsSource: AssumptionsSource;
  localities?: Localities;
  payScales?: PayScales;
  /** Every issue from every reader, establishment first. */
  issues: Issue[];
}

/**
 * Reads everything a build needs, in the right order: pay scales first, so posts costed
 * by grade alone can be checked against them.
 */
export function readWorkbook(
  workbook: WorkbookGrids,
  options: ReadWorkbookOptions = {}
): WorkbookInputs {
  const pay = readPayScales(workbook);
  const est = readEstablishment(workbook, {
    choice: options.establishment,
    mapping: options.mapping,
    payScales: pay.payScales,
  });
  const assumptions = readAssumptions(workbook, options);
  const localities = readLocalities(workbook, {
    weights: assumptions.assumptions.localityWeights,
  });
  const inputs: WorkbookInputs = {
    establishmentCandidates: est.candidates,
    assumptions: assumptions.assumptions,
    assumptionsSource: assumptions.source,
    issues: [...est.issues, ...assumptions.issues, ...pay.issues, ...localities.issues],
  };
  if (est.establishment) inputs.establishment = est.establishment;
  if (localities.localities) inputs.localities = localities.localities;
  if (pay.payScales) inputs.payScales = pay.payScales;
  return inputs;
}
