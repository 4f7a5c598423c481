/**
 * What a one-table restructure says of one post: its Proposed FTE read with the Status (or
 * Delete (Y/N)) beside it. Officers fill only the rows that change, so a blank Proposed FTE
 * is no change; 0, "deleted" in the cell, a Status saying the post goes, or Y under a Delete
 * heading deletes it. A dash is nought, but beside a Status that keeps the post it is no
 * change; a dated Status ("Deleted from 01/10/2025") costs the post to (or from) its date.
 * Each reading that is not a plain figure, and each contradiction, is said at its cell.
 */
import type { CellValue, Grid, Issue } from "../grid";
import { columnLetters } from "../grid";
import type { PostField, ProposedFteFrom } from "../model";
import type { Serial } from "../dates";
import { flagField, issueAtAddress } from "./issues";
import type { TableRow } from "./table";
import { describeValue, formatFigure } from "./text";
import { DASH, DELETED, NOT_APPLICABLE, parseContractType } from "./values";
import {
  DELETION_WORDS_SAID,
  NO_CHANGE_WORDS_SAID,
  isDeletionWord,
  keepsPost,
  statusWord,
} from "./status-words";
import { datedStatus, longDate, type DatedStatus } from "./status-dates";

export interface RestructureRowContext {
  grid: Grid;
  issues: Issue[];
  /** Sheet column of Proposed FTE (absent: none), to quote a dash as typed ("—"). */
  proposedColumn?: number;
  /** Sheet rows (1-based) of the posts a Y under a Delete (Y/N) heading deleted. */
  deletedByColumn: number[];
}

/** The post's proposed side as the row gives it, and the dates a dated Status puts on it. */
export interface ProposedRead {
  proposedFte?: number;
  proposedFteFrom?: ProposedFteFrom;
  changeDate?: Serial;
  startDate?: Serial;
  endDate?: Serial;
}

/** What the row's Status (or Delete (Y/N)) says: deletes, keeps, or neither; with its date. */
interface StatusSaid {
  field: "status" | "toDelete";
  deletes: boolean;
  keeps: boolean;
  /** Read from a longer phrase ("Deleted - VR"), so said at the cell. */
  phrase: boolean;
  dated?: DatedStatus;
  /** "Deleted from Sep-25": words dating the change, with no date the reader reads. */
  undated?: string;
}

function statusOf(row: TableRow<PostField>): StatusSaid | undefined {
  const flag = row.values.toDelete;
  const status = row.values.status;
  if (flag === true) return { field: "toDelete", deletes: true, keeps: false, phrase: false };
  if (typeof status === "string" && status !== "") {
    const found = datedStatus(status);
    const dated = found && found.change !== "date not read" ? found : undefined;
    const word = statusWord(status);
    return {
      field: "status",
      deletes: dated ? dated.change !== "new" : isDeletionWord(status),
      keeps: keepsPost(status),
      phrase: word === "deleted, read",
      dated,
      undated: found?.change === "date not read" ? found.typed : undefined,
    };
  }
  return flag === false
    ? { field: "toDelete", deletes: false, keeps: true, phrase: false }
    : undefined;
}

const titleOf = (row: TableRow<PostField>) =>
  describeValue(typeof row.values.title === "string" ? row.values.title : "");
const currentFteOf = (row: TableRow<PostField>): number | undefined => {
  const v = row.values.fte ?? row.values.currentFte;
  return typeof v === "number" ? v : undefined;
};
const statusText = (row: TableRow<PostField>, s: StatusSaid) =>
  s.field === "toDelete"
    ? `Delete (Y/N) ${describeValue(row.values.toDelete ?? "")}`
    : `Status ${describeValue(row.values.status ?? "")}`;

/** The proposed FTE of a one-table restructure, and the dates a dated Status gives the post. */
export function readProposed(row: TableRow<PostField>, ctx: RestructureRowContext): ProposedRead {
  const status = statusOf(row);
  const read = proposedOf(row, ctx, status);
  if (status?.field === "toDelete" && status.deletes && read.proposedFte === 0)
    ctx.deletedByColumn.push(row.sourceRow + 1);
  if (status?.undated !== undefined && read.proposedFte === 0) undatedSaid(row, ctx, status);
  const change = read.proposedFte === 0 ? "deletes" : isNew(row, read) ? "new" : undefined;
  if (!status?.dated) return read;
  if (change === undefined) {
    dateNotUsed(row, ctx, status.dated, read);
    return read;
  }
  return { ...read, ...datesOf(row, ctx, status.dated) };
}

/** A post with no FTE now and some proposed. */
function isNew(row: TableRow<PostField>, read: ProposedRead): boolean {
  return !(currentFteOf(row)! > 0) && read.proposedFte !== undefined && read.proposedFte > 0;
}

function proposedOf(
  row: TableRow<PostField>,
  ctx: RestructureRowContext,
  status: StatusSaid | undefined
): ProposedRead {
  let cell = row.values.proposedFte;
  if (cell === DASH || cell === NOT_APPLICABLE) {
    if (status?.keeps) return unchangedByStatus(row, ctx, status);
    // "n/a" beside a Status that deletes the post is no guess: the Status says so.
    cell = cell === NOT_APPLICABLE && status?.deletes ? DELETED : nilSaid(row, ctx, cell);
  }
  if (typeof cell === "number") {
    contradiction(row, ctx, status, cell);
    return { proposedFte: cell, proposedFteFrom: "given" };
  }
  if (cell === DELETED) return { proposedFte: 0, proposedFteFrom: "deleted typed" };
  if (status?.deletes) {
    if (status.phrase && !status.dated && status.undated === undefined) deletedSaid(row, ctx);
    return { proposedFte: 0, proposedFteFrom: "status deleted" };
  }
  if (ctx.proposedColumn === undefined || row.unreadable.proposedFte) return {};
  const text = row.values.status ?? "";
  if (status?.field === "status" && statusWord(text) === "unknown" && !parseContractType(text))
    notReadSaid(row, ctx);
  return { proposedFteFrom: "blank: unchanged" };
}

/** "-" or "n/a" beside "No change": the post as it is, said at the Proposed FTE cell. */
function unchangedByStatus(
  row: TableRow<PostField>,
  ctx: RestructureRowContext,
  status: StatusSaid
): ProposedRead {
  const fte = currentFteOf(row);
  flagField(
    ctx,
    row,
    "info",
    "proposedFte",
    "proposed-fte-read-as",
    `Proposed FTE ${describeValue(rawProposed(row, ctx))} beside ${statusText(row, status)} is read as no change: ${titleOf(row)} keeps its ${formatFigure(fte ?? 0)} FTE`,
    "nothing to do if the post stays as it is; enter 0 (or 'deleted') if it is deleted"
  );
  return { proposedFteFrom: "status unchanged" };
}

/** A dash is nought, as accounts write it; "n/a" is taken as no post proposed (a guess). */
function nilSaid(row: TableRow<PostField>, ctx: RestructureRowContext, cell: string) {
  if (cell === DASH) {
    flagField(
      ctx,
      row,
      "info",
      "proposedFte",
      "proposed-fte-read-as",
      `Proposed FTE ${describeValue(rawProposed(row, ctx))} is read as 0 FTE (a dash is nought): the post is deleted`,
      "nothing to do if that is right; otherwise type the figure alone"
    );
    return 0;
  }
  flagField(
    ctx,
    row,
    "warning",
    "proposedFte",
    "proposed-fte-assumed-deleted",
    `Proposed FTE ${describeValue(rawProposed(row, ctx))} is read as deleted (proposed FTE 0): 'n/a' is taken as no post in the proposed structure`,
    "enter 0 to delete the post, or leave the cell blank if the post is unchanged"
  );
  return DELETED;
}

/** The dash ("-", "–", "—") or n/a as typed, for the message. */
function rawProposed(row: TableRow<PostField>, ctx: RestructureRowContext): CellValue {
  const c = ctx.proposedColumn;
  const typed =
    c === undefined ? undefined : ctx.grid.values[row.index]?.[c - ctx.grid.origin.column];
  return typeof typed === "string" ? typed.trim() : row.values.proposedFte === DASH ? "-" : "n/a";
}

/** A typed Proposed FTE the Status contradicts: the figure is costed, said at the Status. */
function contradiction(
  row: TableRow<PostField>,
  ctx: RestructureRowContext,
  status: StatusSaid | undefined,
  cell: number
): void {
  if (!status) return;
  if (cell > 0 && status.deletes)
    flagField(
      ctx,
      row,
      "warning",
      status.field,
      "status-deleted-with-fte",
      `${status.field === "status" ? `Status says ${describeValue(row.values.status ?? "")}` : "Delete (Y/N) says Y"} but Proposed FTE is ${formatFigure(cell)} for ${titleOf(row)}: the post is kept at ${formatFigure(cell)} FTE`,
      "enter 0 as the proposed FTE to delete the post, or change the status"
    );
  if (cell === 0 && status.keeps && currentFteOf(row)! > 0)
    flagField(
      ctx,
      row,
      "warning",
      status.field,
      "status-kept-with-fte-0",
      `${statusText(row, status)} says ${titleOf(row)} stays, but its Proposed FTE is 0: it is costed as deleted (proposed FTE 0), not as no change`,
      `enter the proposed FTE it keeps (or leave the cell blank for no change), or change the status if it is deleted`
    );
}

function deletedSaid(row: TableRow<PostField>, ctx: RestructureRowContext): void {
  flagField(
    ctx,
    row,
    "info",
    "status",
    "status-read-as-deleted",
    `Status ${describeValue(row.values.status ?? "")} is read as deleted: ${titleOf(row)} has a proposed FTE of 0`,
    "nothing to do if the post goes; otherwise enter its proposed FTE"
  );
}

function notReadSaid(row: TableRow<PostField>, ctx: RestructureRowContext): void {
  const fte = currentFteOf(row);
  flagField(
    ctx,
    row,
    "warning",
    "status",
    "status-not-read",
    `Status ${describeValue(row.values.status ?? "")} is not a status I read, and the Proposed FTE is blank, so ${titleOf(row)} is read as no change${fte === undefined ? "" : ` (proposed FTE = current FTE ${formatFigure(fte)})`}`,
    `enter the proposed FTE (0 if the post is deleted); statuses read as deleted: ${DELETION_WORDS_SAID}; as no change: ${NO_CHANGE_WORDS_SAID}`
  );
}

/** "Deleted from Sep-25": deleted, but with no date read, so for the whole year. */
function undatedSaid(row: TableRow<PostField>, ctx: RestructureRowContext, s: StatusSaid): void {
  flagField(
    ctx,
    row,
    "warning",
    "status",
    "status-date-not-read",
    `Status ${describeValue(row.values.status ?? "")} is read as deleted, but ${describeValue(s.undated ?? "")} is not a date I read, so no date is used: ${titleOf(row)} is costed as it is now for the whole year, and its part-year effect runs from the implementation date`,
    "type the date with its day, month and year, e.g. 01/10/2025 (Sep-25 could be September 2025 or 25 September)"
  );
}

/** A dated Status on a post it neither deletes nor makes new ("New from …" beside a current FTE). */
function dateNotUsed(
  row: TableRow<PostField>,
  ctx: RestructureRowContext,
  dated: DatedStatus,
  read: ProposedRead
): void {
  const fte = currentFteOf(row);
  const why =
    dated.change === "new"
      ? `the post has a current FTE of ${formatFigure(fte ?? 0)}, so it is not new`
      : `its Proposed FTE is ${formatFigure(read.proposedFte ?? 0)}, so it is not deleted`;
  flagField(
    ctx,
    row,
    "warning",
    "status",
    "status-date-not-used",
    `Status ${describeValue(row.values.status ?? "")} dates a change from ${longDate(dated.from)}, but ${why}: the date is not used, and the part-year effect of ${titleOf(row)} runs from the implementation date`,
    dated.change === "new"
      ? "leave the Current FTE blank for a new post, or take the date out of the status"
      : "enter 0 as the proposed FTE to delete the post, or take the date out of the status"
  );
}

/**
 * The dates a dated Status gives the post: deleted from a day, its last day in post the day
 * before (its End date); ended on a day, that day; new from a day, its Start date. A date
 * column of the post's own that disagrees wins (it is what the costing reads), with a warning.
 */
function datesOf(
  row: TableRow<PostField>,
  ctx: RestructureRowContext,
  dated: DatedStatus
): Pick<ProposedRead, "changeDate" | "startDate" | "endDate"> {
  const field = dated.change === "new" ? "startDate" : "endDate";
  const ours = dated.change === "new" ? dated.from : dated.from - 1;
  const own = row.values[field];
  if (typeof own === "number" && Math.abs(own - ours) > 1) {
    const from = field === "startDate" ? own : own + 1;
    differs(row, ctx, dated, field, own, from);
    return { changeDate: from };
  }
  const columnSays = typeof own === "number";
  datedSaid(row, ctx, dated, field, ours, columnSays);
  return columnSays ? { changeDate: dated.from } : { changeDate: dated.from, [field]: ours };
}

const DATE_LABEL = { startDate: "Start date", endDate: "End date" } as const;

function datedSaid(
  row: TableRow<PostField>,
  ctx: RestructureRowContext,
  dated: DatedStatus,
  field: "startDate" | "endDate",
  day: Serial,
  columnSays: boolean
): void {
  const what =
    dated.change === "new"
      ? `new from ${longDate(dated.from)}: ${titleOf(row)} has a Start date of ${longDate(day)}`
      : `${dated.change === "ends" ? `ending on ${longDate(day)}` : `deleted from ${longDate(dated.from)}`}: ${titleOf(row)} has a proposed FTE of 0 and an End date of ${longDate(day)}, so it is costed to then`;
  const own = columnSays ? ` (as its ${DATE_LABEL[field]} at ${row.cells[field]} says)` : "";
  const taken = dated.dayTaken
    ? ` ('${dated.typed}' has no day, so the ${dated.change === "ends" ? "last day of the month" : "1st"} is taken)`
    : "";
  flagField(
    ctx,
    row,
    dated.dayTaken ? "warning" : "info",
    "status",
    dated.change === "new" ? "status-read-as-new" : "status-read-as-deleted",
    `Status ${describeValue(row.values.status ?? "")} is read as ${what}${own}, and its part-year effect on the Restructure sheet runs from ${longDate(dated.from)}${taken}`,
    dated.dayTaken
      ? `type the day in the status if it is another, e.g. ${dated.change === "ends" ? "Ends 15/03/2026" : "New from 15/01/2026"}`
      : "nothing to do if that is the date; otherwise correct it"
  );
}

function differs(
  row: TableRow<PostField>,
  ctx: RestructureRowContext,
  dated: DatedStatus,
  field: "startDate" | "endDate",
  own: Serial,
  from: Serial
): void {
  const label = DATE_LABEL[field];
  flagField(
    ctx,
    row,
    "warning",
    "status",
    "status-date-differs",
    `Status ${describeValue(row.values.status ?? "")} dates the change from ${longDate(dated.from)}, but the ${label} of ${titleOf(row)} at ${row.cells[field]} is ${longDate(own)}: the ${label} is used, so the post is costed ${field === "startDate" ? "from" : "to"} ${longDate(own)} and its part-year effect runs from ${longDate(from)}`,
    `correct the date in the status or the ${label} so that they agree`
  );
}

/** Rows named in a note: "2, 4 and 7", the first ten then how many more. */
function rowsSaid(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).map(String);
  if (rows.length > 10) return `${shown.join(", ")} and ${rows.length - 10} more`;
  return shown.length <= 1
    ? shown.join("")
    : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/**
 * A Delete (Y/N) column ("Deleted?", "To delete") is read as a Status of Deleted where it
 * says Y: said once at its heading, with the posts it deletes, so a column of Ys never
 * deletes posts in silence (nor is left unread, keeping them).
 */
export function deleteColumnNote(
  grid: Grid,
  heading: { address: string; text: string; column: number } | undefined,
  hasProposed: boolean,
  deleted: readonly number[]
): Issue[] {
  if (!heading) return [];
  const n = deleted.length;
  const which =
    n === 0
      ? "no post is marked Y"
      : `${n === 1 ? "1 post is" : `${n} posts are`} deleted by it (row${n === 1 ? "" : "s"} ${rowsSaid(deleted)})`;
  const noSheet = hasProposed
    ? ""
    : "; the table has no Proposed FTE column, so no Restructure sheet is made";
  return [
    issueAtAddress(
      grid.sheet,
      heading.address,
      "info",
      "delete-column-read",
      `Column ${columnLetters(heading.column)} '${heading.text}' is read as a Status: Y deletes the post (proposed FTE 0), and N or a blank leaves it as it is; ${which}${noSheet}`,
      hasProposed
        ? "nothing to do if Y marks the posts the restructure deletes; for a post reduced rather than deleted, type its Proposed FTE"
        : "add a Proposed FTE column (left blank for no change) to cost the restructure on a Restructure sheet"
    ),
  ];
}
