/**
 * A grade as people write it, reduced to one spelling, so the establishment, the pay
 * scales and the restructure match however each was typed: case and spaces do not matter
 * ("ss08" is "SS 08"), nor leading zeros in a number ("SS08" is "SS8"), nor the word grade
 * and its usual shortenings in front of a number ("Grade 8", "Gr 8", "Gr. 8", "GR8" and
 * "G8" are one grade). Anything else stays as typed: "Band 8a" is not "Band 8".
 */
export function gradeKey(grade: string): string {
  // Asked for every post by several sheets, of a few distinct grades: each is reduced once.
  let key = gradeKeys.get(grade);
  if (key === undefined) {
    if (gradeKeys.size > 10_000) gradeKeys.clear();
    gradeKeys.set(grade, (key = reduceGrade(grade)));
  }
  return key;
}

const gradeKeys = new Map<string, string>();

function reduceGrade(grade: string): string {
  const compact = grade.toLowerCase().replace(/\s+/g, "");
  const named = /^(?:grade|gr\.?|g)[-:.]?(\d.*)$/.exec(compact);
  return (named ? `grade${named[1]}` : compact).replace(/(^|\D)0+(?=\d)/g, "$1");
}
