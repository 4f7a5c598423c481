import type { CellValue } from "../grid";

/**
 * Header and setting names are compared after this: lower case, "&" as "and", dots and
 * apostrophes dropped, every other run of punctuation or spaces as one space. "No. of
 * Staff" and "no of staff" are the same.
 */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.'’]/g, "") // "F.T.E." is "fte", "No." is "no"
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Levenshtein distance, for "did you mean" on misspelt setting names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate nearest to text by edit distance on normalised labels (first on ties). */
export function closestLabel(text: string, candidates: readonly string[]): string | undefined {
  // The distance costs length × length: past a setting name's length, more text tells nothing.
  const target = normaliseLabel(text.slice(0, 100));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(target, normaliseLabel(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** How a cell value reads in a message: text in quotes, numbers as they are. */
export function describeValue(value: CellValue): string {
  if (typeof value === "string") {
    const short = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `'${short}'`;
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** 192.43 → "192.43", 7 → "7": figures in messages, without float noise. */
export function formatFigure(n: number): string {
  return String(Number(n.toFixed(4)));
}
