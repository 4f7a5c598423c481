/**
 * A need measure that is zero for every locality, with weight on it, is shared equally
 * (shares/need-index.ts): a guess, said at the measure's heading so the CLI and task pane
 * list it with the other issues, not only on the sheet.
 */
import { fromA1, parseRangeA1, toA1, type Issue } from "../grid";
import type { Localities, LocalityWeights } from "../model";

const MEASURES = [
  { key: "population", words: "population", setting: "Weight: population" },
  { key: "deprivation", words: "deprivation-weighted population", setting: "Weight: deprivation" },
  { key: "demand", words: "demand", setting: "Weight: demand" },
] as const;

/** One warning per measure that is zero everywhere and carries weight (the weights as used). */
export function zeroMeasureIssues(localities: Localities, weights: LocalityWeights): Issue[] {
  const list = localities.localities;
  if (list.length === 0) return [];
  const header = parseRangeA1(localities.range).start;
  return MEASURES.flatMap(({ key, words, setting }) => {
    const values = list.map((l) => (key === "deprivation" ? l.population * l.deprivation : l[key]));
    if (weights[key] <= 0 || values.some((v) => v !== 0)) return [];
    const cell = list[0].cells[key === "deprivation" ? "deprivation" : key];
    const column = cell ? fromA1(cell).column : header.column;
    return [
      {
        severity: "warning" as const,
        code: "shares-measure-all-zero",
        sheet: localities.sheet,
        address: toA1({ row: header.row, column }),
        message: `Every locality's ${words} is zero, so the ${words} share was taken as equal (1/${list.length}) for each`,
        fix: `enter each locality's figures in this column, or set '${setting}' to 0% on the Assumptions sheet`,
      },
    ];
  });
}
