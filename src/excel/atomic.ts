import type { CellValue } from "../core/grid";
import { Batches } from "./batches";
import { jsonBytes, TEXT_FORMAT } from "./cells";
import type { ExcelRun } from "./run";

/**
 * All or nothing, the one mechanism behind every write path (writeSheets, updateOwnedCells,
 * makeShareable): first read what the write will change, then change it; if any sync of
 * the write fails, put back what was read, in a second Excel.run. Real Excel can apply
 * part of a failed batch, so a restore never assumes which part ran: it writes everything
 * it read back.
 */
export interface AllOrNothing<B, T> {
  /** Reads what the write will change (and whatever the write needs); changes nothing. */
  before(context: Excel.RequestContext): Promise<B>;
  /** Makes the changes. */
  write(context: Excel.RequestContext, before: B): Promise<T>;
  /** Puts back what `before` read. Runs in a fresh Excel.run. */
  restore(context: Excel.RequestContext, before: B): Promise<void>;
  /** What the user may find if the restore fails too. */
  leftover(before: B): string;
}

/**
 * Runs `steps`. An error before the write starts (reading, a refusal such as NotOwnedError)
 * is thrown as it is: nothing was changed. An error once it has started is thrown as
 * "<what went wrong>. The workbook is as it was." after the restore, or says that the
 * restore failed too, and what may be left. What was being done is the caller's to say
 * ("“Grant Costing” could not be made shareable: …"), so it is not said twice.
 */
export async function allOrNothing<B, T>(run: ExcelRun, steps: AllOrNothing<B, T>): Promise<T> {
  let before: { value: B } | undefined;
  try {
    return await run(async (context) => {
      const read = await steps.before(context);
      before = { value: read };
      return steps.write(context, read);
    });
  } catch (error) {
    if (before === undefined) throw error;
    const was = before.value;
    try {
      await run((context) => steps.restore(context, was));
    } catch (cleanupError) {
      throw failure(
        error,
        ` Tidying up failed too (${message(cleanupError)}): ${steps.leftover(was)}`
      );
    }
    throw failure(error, " The workbook is as it was.");
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function failure(error: unknown, after: string): Error {
  return new Error(`${message(error).replace(/\.$/, "")}.${after}`, { cause: error });
}

/** A rectangle of cells as it was: what `restoreCells` writes back. */
export interface CellsBefore {
  /** On the sheet itself: "B4" or "A5:G5". */
  address: string;
  /** `Range.formulas`: the formula where there is one, else the value. */
  formulas: unknown[][];
  values: CellValue[][];
  numberFormat: string[][];
}

/** Loads what `cellsBefore` needs of a range; read its properties after the sync. */
export function loadCells(range: Excel.Range): Excel.Range {
  return range.load("formulas,values,numberFormat");
}

export function cellsBefore(address: string, range: Excel.Range): CellsBefore {
  return {
    address,
    formulas: range.formulas as unknown[][],
    values: range.values as CellValue[][],
    numberFormat: range.numberFormat as string[][],
  };
}

/** A formula cell: `formulas` differs from the value it shows (text reads the same in both). */
const isFormula = (formula: unknown, value: CellValue): formula is string =>
  typeof formula === "string" && formula.startsWith("=") && formula !== value;

/**
 * Writes `cells` back where they differ from how they are now, chunked to `budget` bytes
 * a sync: first their formulas and formats are read as they are now (the failed batch
 * may have run partly, or not at all), then only the cells that changed are written
 * (null leaves a cell alone), so a cell the write never reached is never touched — a
 * locked cell on a protected sheet, say. Text goes in under the text format first, so it
 * stays text ("00123", "=oops"), then each cell gets its old format back; formulas go
 * through `formulas`, everything else through `values`.
 */
export async function restoreCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cells: readonly CellsBefore[],
  budget: number
): Promise<void> {
  const reads = new Batches(budget);
  const now: Excel.Range[] = [];
  cells.forEach((c, i) =>
    reads.add({
      bytes: jsonBytes(c.formulas) + jsonBytes(c.numberFormat),
      queue: () => {
        now[i] = sheet.getRange(c.address).load("formulas,numberFormat");
      },
    })
  );
  for (const batch of reads.filled) {
    batch.forEach((step) => step.queue());
    // One sync per budget's worth of cells, as for the write being undone.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }

  const writes = new Batches(budget);
  cells.forEach((c, i) => {
    const formulasNow = now[i].formulas as unknown[][];
    const formatsNow = now[i].numberFormat as string[][];
    const changed = c.formulas.map((row, r) =>
      row.map((f, k) => f !== formulasNow[r][k] || c.numberFormat[r][k] !== formatsNow[r][k])
    );
    if (!changed.some((row) => row.includes(true))) return;
    const only = <T>(pick: (r: number, k: number) => T | null): (T | null)[][] =>
      c.formulas.map((row, r) => row.map((_f, k) => (changed[r][k] ? pick(r, k) : null)));
    const formula = (r: number, k: number): boolean => isFormula(c.formulas[r][k], c.values[r][k]);
    const textFirst = only((r, k) =>
      typeof c.values[r][k] === "string" && !formula(r, k) ? TEXT_FORMAT : null
    );
    const values = only((r, k) => (formula(r, k) ? null : c.values[r][k]));
    const formulas = only((r, k) => (formula(r, k) ? (c.formulas[r][k] as string) : null));
    const hasFormula = formulas.some((row) => row.some((f) => f !== null));
    const formats = only((r, k) => c.numberFormat[r][k]);
    writes.add({
      bytes:
        jsonBytes(textFirst) +
        jsonBytes(values) +
        jsonBytes(formats) +
        (hasFormula ? jsonBytes(formulas) : 0),
      queue: () => {
        const range = sheet.getRange(c.address);
        range.numberFormat = textFirst;
        range.values = values;
        if (hasFormula) range.formulas = formulas;
        range.numberFormat = formats;
      },
    });
  });
  for (const batch of writes.filled) {
    batch.forEach((step) => step.queue());
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}

/**
 * Puts a worksheet custom property back: its old value, or none if it had none. Two
 * syncs: whether it exists now (the failed batch may or may not have added it), then the
 * change.
 */
export async function restoreProperty(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  key: string,
  value: string | undefined
): Promise<void> {
  const now = sheet.customProperties.getItemOrNullObject(key);
  now.load("value");
  await context.sync();
  if (value !== undefined) {
    if (now.isNullObject || now.value !== value) sheet.customProperties.add(key, value);
  } else if (!now.isNullObject) {
    now.delete();
  }
  await context.sync();
}
