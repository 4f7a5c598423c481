/**
 * Rendering a figure's definition into a sheet cell. Shareable: the core's value. Live:
 * the same value with the definition printed as its formula, where evaluating the
 * definition gives exactly that value; otherwise the value stays, and the reason is kept
 * for the build summary. Definitions are made only for live sheets (they are closures),
 * so a shareable build does no extra work.
 */
import { cellFormula, numberValue } from "./expr";
import { hasReason, type Definition } from "./post-inputs";
import { num, type CellStyle, type NumberCell, type NumberFormatName } from "./sheet-spec";

/** A live sheet being written: its name (formulas on it leave its own references bare) and what became live. */
export interface LiveBook {
  /** The sheet's name. */
  on: string;
  liveCells: number;
  notLive: string[];
}

export const liveBook = (on: string): LiveBook => ({ on, liveCells: 0, notLive: [] });

/** A number cell of `value`, live in a live book when its definition gives exactly `value`. */
export function figureCell(
  book: LiveBook | undefined,
  value: number,
  define: () => Definition,
  /** Which figure, for the build summary when it stays a value (made only then). */
  what: string | (() => string),
  format?: NumberFormatName,
  style?: CellStyle
): NumberCell {
  if (!book) return num(value, format, style);
  const d = define();
  // A literal is the value itself: nothing in the workbook for a formula to follow.
  if (!hasReason(d) && d.kind === "lit") return num(value, format, style);
  let reason: string | undefined;
  if (hasReason(d)) reason = d.reason;
  else {
    let got: number | undefined;
    try {
      got = numberValue(d);
    } catch (e) {
      reason = `the formula cannot be evaluated (${(e as Error).message})`;
    }
    if (got !== undefined && got !== value)
      reason = "the formula would not give the sheet's figure";
    if (reason === undefined) {
      book.liveCells++;
      // A literal, not { ...num(…), live }: a spread copy gets its own hidden class, which made
      // every later reader of the sheet's cells (print widths, the writers) polymorphic.
      // One flat string (see cellFormula): the formulas a large live sheet keeps (150,000
      // for 8,000 posts) would otherwise weigh on every collection as trees of their pieces.
      return { kind: "number", value, format, style, live: cellFormula(d, book.on) };
    }
  }
  book.notLive.push(`${typeof what === "string" ? what : what()}: ${reason}`);
  return num(value, format, style);
}
