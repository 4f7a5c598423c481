/**
 * The words a restructure's Status column (or its Proposed FTE cell) uses to say what happens
 * to a post. Officers write them many ways ("Deleted - VR", "Disestablish", "Redundancy"), and
 * a status the reader does not know, beside a blank Proposed FTE, is said at its cell: a
 * deletion read as no change would be a silent wrong saving (docs/input-format.md).
 */
import type { CellValue } from "../grid";

/** Plain deletion words: read as deleted with no note, as they say nothing else. */
const DELETION_WORDS = new Set([
  "deleted",
  "delete",
  "del",
  "remove",
  "removed",
  "deletion",
  "to be deleted",
  "to delete",
  "post deleted",
  "post to be deleted",
  "delete post",
  "deleted post",
]);

/** A word inside a longer status that says the post goes. */
const GOES =
  /\b(?:delet\w*|del|disestablish\w*|remov\w*|redundan\w*|vr|cease[ds]?|ceasing|abolish\w*|abolition|discontinu\w*)\b/;

/** A word that turns a deletion word round or makes it uncertain: "Not deleted", "At risk of redundancy". */
const BUT =
  /\b(?:not|no|never|cancel\w*|withdr\w*|revers\w*|avoid\w*|risk|retain\w*|kept|keep|instead|unless|if|hold|deferr?\w*|postpon\w*|paused)\b/;

/**
 * Statuses that say the post stays, compared as the no-change words are: a dash beside one is no
 * change, and a Proposed FTE of 0 beside one a contradiction. Not the words that only say
 * who is in post (Vacant, Filled) or nothing (n/a, None, OK): a vacant post is often the one
 * deleted.
 */
const KEEPS_WORDS = new Set([
  "no change",
  "no changes",
  "unchanged",
  "same",
  "as is",
  "existing",
  "retained",
  "retain",
  "remains",
  "remain",
  "continue",
  "continues",
  "continuing",
  "ringfenced",
  "ring fenced",
  "slotted in",
  "slot in",
  "assimilated",
  "matched",
  "regraded",
  "regrade",
  "re graded",
  "renamed",
  "retitled",
]);

/**
 * Statuses that leave the post as it is (those that keep it, and those that say only who is
 * in post or nothing), compared on the status or its part before a
 * separator ("No change (vacant)", "Ringfenced - J Smith").
 */
const NO_CHANGE_WORDS = new Set([
  ...KEEPS_WORDS,
  "",
  "vacant",
  "filled",
  "occupied",
  "n a",
  "na",
  "none",
  "nil",
  "ok",
]);

/** Statuses longer than this are not looked into for words (they are notes, not statuses). */
const LONGEST_STATUS = 200;

function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** What a Status cell says of a post. */
export type StatusWord =
  /** A plain deletion word: Deleted, Delete, Deletion, Remove, To delete… */
  | "deleted"
  /** A longer status that says the post goes: "Deleted - VR", "Disestablish", "Redundancy". */
  | "deleted, read"
  /** "No change", "Unchanged", "Ringfenced", "Vacant", "Regraded"…: the post is kept as it is. */
  | "no change"
  /** Anything else: the reader cannot tell what happens to the post. */
  | "unknown";

export function statusWord(value: CellValue): StatusWord | undefined {
  if (typeof value !== "string") return undefined;
  const all = words(value);
  if (DELETION_WORDS.has(all)) return "deleted";
  if (NO_CHANGE_WORDS.has(all)) return "no change";
  if (value.length <= LONGEST_STATUS && GOES.test(all) && !BUT.test(all)) return "deleted, read";
  const first = words(value.split(/\s[-–—]\s|[(),;:/]/)[0] ?? "");
  return NO_CHANGE_WORDS.has(first) ? "no change" : "unknown";
}

/** "Deleted", "Delete", "Remove", "Deleted - VR", "Redundancy": a post the restructure deletes. */
export function isDeletionWord(value: CellValue): boolean {
  const word = statusWord(value);
  return word === "deleted" || word === "deleted, read";
}

/** "No change", "Retained", "Same", "Ringfenced (J Smith)": a status that keeps the post. */
export function keepsPost(value: CellValue): boolean {
  if (typeof value !== "string" || statusWord(value) !== "no change") return false;
  return (
    KEEPS_WORDS.has(words(value)) ||
    KEEPS_WORDS.has(words(value.split(/\s[-–—]\s|[(),;:/]/)[0] ?? ""))
  );
}

/** The words read as deleted, for the messages that list them. */
export const DELETION_WORDS_SAID =
  "Deleted, Delete, Deletion, Disestablish, Remove, Redundancy, VR, Cease, Abolish (or a status starting or containing one, such as 'Deleted - VR')";

/** The words read as no change, for the messages that list them. */
export const NO_CHANGE_WORDS_SAID =
  "No change, Unchanged, Ringfenced, Slotted in, Vacant, Regraded";

/** "-", "–", "—": a dash in a finance sheet is nought. */
export function isDash(value: CellValue): boolean {
  return typeof value === "string" && /^\s*[-–—]\s*$/.test(value);
}

/** "n/a", "N/A", "NA", "n.a.": not applicable. */
export function isNotApplicable(value: CellValue): boolean {
  return typeof value === "string" && /^\s*n\s*[/.]?\s*a\.?\s*$/i.test(value);
}
