import { gradeKey } from "../model";

/** A grade of the pay scales, as matched: its spelling there and its points. */
export interface ScaleGrade {
  name: string;
  points: ReadonlySet<number>;
}

/** How a grade the pay scales do not have as typed was matched to one they have. */
export interface GradeMatch {
  grade: string;
  /** Why, for the note at the grade's cell. */
  why: string;
  /** Said once, at the first post so matched, for every post of the grade as typed. */
  once?: true;
}

/** A grade that names more than one of the pay scales' grades in the same way: not guessed. */
export interface GradeAmbiguous {
  among: string[];
}

/** More grades than this in "PO1-PO12" is not a span of grades but something else. */
const MAX_SPAN = 12;

/**
 * The pay-scale grade a grade names when it is not one as typed: "Grade 7 (SCP 23-26)" is
 * Grade 7 (a bracket says its points, it is not part of the grade); a combined grade
 * ("SO1/2", "PO3-PO5") is the one of its grades that has the post's spinal point. Nothing
 * else is guessed: with no point, or a point in none or several, there is no match.
 */
export function matchGrade(
  typed: string,
  scales: ReadonlyMap<string, ScaleGrade>,
  point: number | undefined
): GradeMatch | GradeAmbiguous | undefined {
  if (scales.has(gradeKey(typed))) return undefined;
  const bare = typed.replace(/\s*\([^)]*\)\s*$/, "");
  const plain = bare !== typed ? scales.get(gradeKey(bare)) : undefined;
  if (plain)
    return {
      grade: plain.name,
      why: `read as grade '${plain.name}' of the pay scales (the bracket is not part of the grade)`,
    };
  const banded = sameNumber(bare, scales);
  if (banded.length > 1) return { among: banded.map((g) => g.name) };
  if (banded.length === 1)
    return {
      grade: banded[0].name,
      why: `read as '${banded[0].name}' of the pay scales`,
      once: true,
    };
  const named = combinedGrades(bare, scales);
  if (point === undefined || named.length < 2) return undefined;
  const having = named.filter((g) => g.points.has(point));
  if (having.length !== 1) return undefined;
  return {
    grade: having[0].name,
    why: `costed as grade '${having[0].name}', the one of ${list(
      named.map((g) => g.name),
      "and"
    )} in the pay scales that has the post's spinal point ${point}`,
  };
}

/**
 * The number of a band or grade with the word in front taken off: "Band 6", "AfC 6", "AfC
 * Band 6", "NHS Band 6", "Grade 6" and "6" are 6; "Band 8a" is 8a. Undefined for anything
 * else ("SS08", "PO3": letters that are part of the grade).
 */
function gradeNumber(grade: string): string | undefined {
  return /^(?:nhs|afc|agendaforchange)?(?:band|grade)?[-:.]?(\d+[a-z]?)$/.exec(
    gradeKey(grade)
  )?.[1];
}

/**
 * The pay-scale grades that are the typed grade's number under another word or none: an
 * NHS establishment types "6" or "AfC 6" for the pay scales' "Band 6" (or the reverse).
 */
function sameNumber(typed: string, scales: ReadonlyMap<string, ScaleGrade>): ScaleGrade[] {
  const number = gradeNumber(typed);
  if (number === undefined) return [];
  // Asked for every post: the pay scales' grades are grouped by number once.
  let byNumber = numbered.get(scales);
  if (!byNumber) {
    byNumber = new Map();
    for (const g of scales.values()) {
      const n = gradeNumber(g.name);
      if (n !== undefined) byNumber.set(n, [...(byNumber.get(n) ?? []), g]);
    }
    numbered.set(scales, byNumber);
  }
  return byNumber.get(number) ?? [];
}

const numbered = new WeakMap<ReadonlyMap<string, ScaleGrade>, Map<string, ScaleGrade[]>>();

/**
 * The pay-scale grades a combined grade names: "SO1/2" is SO1 and SO2, "PO3-PO5" is PO3,
 * PO4 and PO5 (every grade between). Fewer than two in the pay scales: none.
 */
export function combinedGrades(
  typed: string,
  scales: ReadonlyMap<string, ScaleGrade>
): ScaleGrade[] {
  const parts = gradeKey(typed)
    .split(/\/|-|\bto\b|&/)
    .filter((p) => p !== "");
  if (parts.length !== 2) return [];
  const first = /^(.*?)(\d+)$/.exec(parts[0]);
  // The second may leave out the letters: "SO1/2" is SO1/SO2.
  const second = /^(.*?)(\d+)$/.exec(
    /^\d+$/.test(parts[1]) && first ? first[1] + parts[1] : parts[1]
  );
  if (!first || !second || first[1] !== second[1]) return [];
  const [from, to] = [Number(first[2]), Number(second[2])];
  // "SO1/3" names two grades, "PO3-PO5" the grades from one to the other.
  const between = typed.includes("/") ? [from, to] : span(from, to);
  const found = between.flatMap((n) => scales.get(gradeKey(`${first[1]}${n}`)) ?? []);
  return found.length >= 2 ? found : [];
}

function span(from: number, to: number): number[] {
  if (!(to > from) || to - from + 1 > MAX_SPAN) return [from, to];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** "'SO1' and 'SO2'", "'PO3', 'PO4' or 'PO5'". */
export function list(names: readonly string[], last: "and" | "or"): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} ${last} ${quoted[quoted.length - 1]}`;
}
