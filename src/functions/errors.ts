/**
 * One error mechanism for the ESTAB functions. Inside Excel a failure must come back as
 * a CustomFunctions.Error (#VALUE! or #NUM! with a message on hover); in Node tests and
 * in HyperFormula the global does not exist, so the same call builds a plain
 * EstabFunctionError with the same code and message.
 */

/** The two Excel errors the functions give: #VALUE! (wrong kind of input) and #NUM! (a number out of range). */
export type EstabErrorCode = "invalidValue" | "invalidNumber";

/** Excel's display text for each code, for docs and for engines that show the error. */
export const ERROR_TEXT: Record<EstabErrorCode, string> = {
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
};

/** The error a function gives outside Excel: the code and the message users read. */
export class EstabFunctionError extends Error {
  constructor(
    readonly code: EstabErrorCode,
    message: string
  ) {
    super(message);
    this.name = "EstabFunctionError";
  }
}

/** The slice of the Excel custom functions runtime we use, read from globalThis when present. */
interface CustomFunctionsRuntime {
  // Typed as Error: the runtime's class derives from it, though its typings do not say so.
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<EstabErrorCode, string>;
}

function runtime(): CustomFunctionsRuntime | undefined {
  const g = globalThis as unknown as { CustomFunctions?: CustomFunctionsRuntime };
  return g.CustomFunctions?.Error && g.CustomFunctions.ErrorCode ? g.CustomFunctions : undefined;
}

/** An error for Excel when running in Excel, otherwise an EstabFunctionError; always with the message. */
export function functionError(code: EstabErrorCode, message: string): Error {
  const cf = runtime();
  return cf ? new cf.Error(cf.ErrorCode[code], message) : new EstabFunctionError(code, message);
}

/** Thrown by argument checks; turned into functionError by `guard`. */
export function fail(code: EstabErrorCode, message: string): never {
  throw new EstabFunctionError(code, message);
}

/**
 * The core's input errors as function errors: SharesInputError and RangeError say a
 * number is out of range (#NUM!), with a message written for users. Anything else is
 * not an input error and is returned unchanged (a bug should not look like bad input).
 */
export function asInputError(e: unknown): unknown {
  if (e instanceof EstabFunctionError) return e;
  if (e instanceof RangeError || (e instanceof Error && e.name === "SharesInputError"))
    return new EstabFunctionError("invalidNumber", e.message);
  return e;
}

/** Any failure as the error Excel shows: input errors keep their code, anything else is #VALUE! with its message. */
export function toFunctionError(e: unknown): Error {
  const cf = runtime();
  if (cf && e instanceof cf.Error) return e;
  const input = asInputError(e);
  if (input instanceof EstabFunctionError) return functionError(input.code, input.message);
  const message = input instanceof Error ? input.message : String(input);
  return functionError("invalidValue", message || "The calculation failed");
}
