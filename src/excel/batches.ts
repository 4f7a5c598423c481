/**
 * Queued work split into syncs by payload size. Each sync's request stays under the
 * byte budget, so the number of syncs grows with the bytes written (one more per
 * budget's worth), never with the number of rows or requests.
 */
export interface Step {
  /** Estimated request bytes: the JSON of what this step sends. */
  bytes: number;
  queue: () => void;
}

/** Room for the framing Office.js puts around each request (object paths, action ids). */
export const STEP_OVERHEAD_BYTES = 200;

export class Batches {
  readonly batches: Step[][] = [[]];
  private used = 0;

  constructor(readonly budget: number) {}

  private get current(): Step[] {
    return this.batches[this.batches.length - 1];
  }

  /** Bytes still free in the batch being filled. */
  get room(): number {
    return this.budget - this.used;
  }

  get isCurrentEmpty(): boolean {
    return this.current.length === 0;
  }

  /** Starts the next sync's batch. */
  next(): void {
    if (this.isCurrentEmpty) return;
    this.batches.push([]);
    this.used = 0;
  }

  add(step: Step): void {
    const bytes = step.bytes + STEP_OVERHEAD_BYTES;
    if (bytes > this.budget) {
      throw new Error(`one request of ${bytes} bytes is over the ${this.budget}-byte limit`);
    }
    if (bytes > this.room) this.next();
    this.current.push(step);
    this.used += bytes;
  }

  /** The batches that hold something. */
  get filled(): Step[][] {
    return this.batches.filter((b) => b.length > 0);
  }
}

export interface RowCost {
  /** Bytes always sent for the row (its values and formats). */
  bytes: number;
  /** Bytes of its formulas row, when it has formulas. */
  formulaBytes?: number;
}

/**
 * Cuts rows [0, count) into chunks that fill each sync up to the budget. A chunk sends
 * three arrays (formats, values, formulas); the formulas array is sent only when some
 * row in the chunk has a formula, and then every row in it costs at least a row of nulls.
 */
export function chunkRows(
  batches: Batches,
  count: number,
  rowCost: (row: number) => RowCost,
  nullFormulaRowBytes: number,
  makeStep: (start: number, end: number, bytes: number) => Step
): void {
  const fixed = 3 * STEP_OVERHEAD_BYTES;
  let start = 0;
  let bytes = 0;
  let withFormulas = false;
  const close = (end: number): void => {
    if (end > start) batches.add(makeStep(start, end, bytes + 2 * STEP_OVERHEAD_BYTES));
  };
  for (let row = 0; row < count; row++) {
    const cost = rowCost(row);
    let extra = cost.bytes;
    if (withFormulas) extra += cost.formulaBytes ?? nullFormulaRowBytes;
    else if (cost.formulaBytes !== undefined) {
      extra += (row - start) * nullFormulaRowBytes + cost.formulaBytes;
    }
    if (bytes + extra + fixed > batches.room) {
      close(row);
      batches.next();
      start = row;
      bytes = 0;
      withFormulas = false;
      extra = cost.bytes + (cost.formulaBytes ?? 0);
      if (extra + fixed > batches.budget) {
        throw new Error(`row ${row + 1} alone is over the ${batches.budget}-byte request limit`);
      }
    }
    bytes += extra;
    if (cost.formulaBytes !== undefined) withFormulas = true;
  }
  close(count);
}
