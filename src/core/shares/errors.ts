/**
 * A problem with the figures given to a share-out: a negative population, weights that are
 * all zero, a total that is not a whole number of units. The message says what to change;
 * cell functions turn it into #VALUE! with the message, the sheet builders into an issue.
 */
export class SharesInputError extends Error {
  constructor(
    /** Stable machine-readable kind, e.g. "unit-not-whole". */
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "SharesInputError";
  }
}
