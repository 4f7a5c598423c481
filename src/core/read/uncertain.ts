/**
 * Figures typed as officers draft them before the numbers are settled: "0.5?", "c. 0.5",
 * "approx 30000", "~30,000" (a figure, marked as uncertain), "?" or "TBC" (no figure yet),
 * and "nil" (nought). Each is read only as far as it is certain, and said at its cell
 * (docs/input-format.md, Value formats).
 */
import type { CellValue } from "../grid";

/** No figure yet: "?", "TBC", "to be confirmed", "unknown". */
const NOT_KNOWN =
  /^(?:\?+|tb[cad]|to be (?:confirmed|decided|agreed|advised)|unknown|not known|n\/?k)\.?$/i;

/** A marker in front of a figure that says it is approximate: "c. 0.5", "approx 30000", "~30,000". */
const BEFORE =
  /^(?:~|≈|c\.|c(?=\s)|ca\.|circa|approx(?:\.|imately)?|about|around|est(?:\.|imated)?)\s*/i;

/** The same after it: "0.5?", "30000 approx", "£30,000 (est.)". */
const AFTER = /\s*(?:\?+|\(?\s*(?:approx(?:\.|imately)?|est(?:\.|imated)?|circa)\s*\)?)$/i;

/** "nil", "Nil": nought, as accounts write it. */
const NIL = /^nil\.?$/i;

export type FigureWords =
  /** "?", "TBC": a figure still to be confirmed. */
  | { kind: "not known" }
  /** "nil": read as 0. */
  | { kind: "nil" }
  /** "c. 0.5": `figure` is the text left once `marker` is taken off. */
  | { kind: "marked"; figure: string; marker: string };

/** What a figure cell's words say, when they are one of the kinds above. */
export function figureWords(value: CellValue): FigureWords | undefined {
  if (typeof value !== "string" || value.length > 60) return undefined;
  const text = value.trim();
  if (NOT_KNOWN.test(text)) return { kind: "not known" };
  if (NIL.test(text)) return { kind: "nil" };
  const before = BEFORE.exec(text);
  const after = before ? null : AFTER.exec(text);
  const marker = (before ?? after)?.[0].trim();
  if (!marker) return undefined;
  const figure = before ? text.slice(before[0].length) : text.slice(0, after!.index);
  // The marker must mark a figure: "c." alone, or "about" before words, is not one.
  return /\d/.test(figure) ? { kind: "marked", figure: figure.trim(), marker } : undefined;
}
