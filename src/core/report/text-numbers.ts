/**
 * Source cells that hold numbers as text ("1.0", "£36.50"): the functions read them as the
 * reader does, but arithmetic over them would not, so a figure computed that way stays a
 * value and says which cell to retype.
 */
import { quoteSheetName } from "../grid";
import type { Establishment, Post, PostField } from "../model";
import { numberText } from "./expr";

/** Whether a source cell holds text ("£33,366"). */
export type TextCell = (sheet: string, address: string) => boolean;

/** A source cell a live formula uses as a number, with what it is and what the reader read. */
export interface NumberUse {
  sheet: string;
  /** Its address; undefined (no cell) is skipped. */
  address: string | undefined;
  /** What the cell is, for the reason: "FTE", "population". */
  what: string;
  /** The number the reader took from it. */
  value?: number;
}

/**
 * Why a formula cannot be live while a source cell it uses as a number holds text
 * ("1.0", "£36.50", "14,820"), naming the first such cell and the fix; undefined when none
 * does. Arithmetic over text is #VALUE! outside Excel's own locale coercion, N() and SUM
 * read it as 0, and a plain `=cell` shows the text. Check every cell a formula uses that
 * way; a cell passed straight to an ESTAB function needs no check (the functions read
 * text as the reader does). There is no function that reads a plain number as the reader
 * does (ESTAB.SALARY reads money), so the figure stays a value until the cell is a number.
 */
export function textNumberReason(
  textCell: TextCell | undefined,
  uses: readonly NumberUse[]
): string | undefined {
  if (!textCell) return undefined;
  const hit = uses.find((u) => u.address !== undefined && textCell(u.sheet, u.address));
  if (!hit) return undefined;
  const read =
    hit.value !== undefined && Number.isFinite(hit.value)
      ? ` (read as ${numberText(hit.value)})`
      : "";
  return `${quoteSheetName(hit.sheet)}!${hit.address} holds the ${hit.what} as text${read}: type it as a number to make this figure live`;
}

/** What each of a post's number fields is called in a reason. */
const NUMBER_FIELDS: Partial<Record<PostField, [string, (p: Post) => number | undefined]>> = {
  fte: ["FTE", (p) => p.fte],
  currentFte: ["FTE", (p) => p.fte],
  headcount: ["headcount", (p) => p.headcount],
  proposedFte: ["proposed FTE", (p) => p.proposedFte],
  hoursPerWeek: ["hours a week", (p) => p.hoursPerWeek],
  agencyHourlyRate: ["agency rate", (p) => p.agencyHourlyRate],
};

/** textNumberReason for a post's own cells of `fields` (the first of "fte", "currentFte" it has). */
export function postTextReason(
  textCell: TextCell | undefined,
  est: Establishment,
  post: Post,
  ...fields: PostField[]
): string | undefined {
  if (!textCell) return undefined;
  // Asked by every live figure of every post: the reason is made only for a cell that holds text.
  for (const f of fields) {
    const field = f === "fte" && !post.cells.fte ? "currentFte" : f;
    const address = post.cells[field];
    if (address === undefined || !textCell(est.sheet, address)) continue;
    const [what, value] = NUMBER_FIELDS[field] ?? [field, () => undefined];
    return textNumberReason(textCell, [{ sheet: est.sheet, address, what, value: value(post) }]);
  }
  return undefined;
}
