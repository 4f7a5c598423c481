/**
 * One error mechanism for the ESTAB functions. Inside Excel a failure must come back as
 * a CustomFunctions.Error (CustomFunctionsRuntime 1.2) with a message on hover; in Node
 * tests and in HyperFormula the global does not exist, so the same call builds a plain
 * EstabFunctionError with the same code and message.
 */

/** Why a function refuses its inputs: the wrong kind of value, or a number out of range. */
export type EstabErrorCode = "invalidValue" | "invalidNumber";

/** The CustomFunctions.ErrorCode values whose custom message Excel shows in the cell's error menu. */
export type ExcelErrorCode = "invalidValue" | "notAvailable";

/**
 * The Excel error each failure is shown as: the one place this is decided. Excel shows a
 * custom message only with #VALUE! and #N/A (CustomFunctions.ErrorCode: #NUM!, #DIV/0!
 * and the rest drop it), and every ESTAB error is a message the user must read to fix the
 * cell. So a number out of range is #VALUE! too ("a value in the formula is wrong"); #N/A
 * would say "not available", which is not what happened.
 */
export const EXCEL_ERROR: Record<EstabErrorCode, ExcelErrorCode> = {
  invalidValue: "invalidValue",
  invalidNumber: "invalidValue",
};

/** Excel's display text for each code it shows a message with. */
export const EXCEL_ERROR_TEXT: Record<ExcelErrorCode, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
};

/** What the cell shows for each failure, for docs and for engines that show the error. */
export const ERROR_TEXT: Record<EstabErrorCode, string> = {
  invalidValue: EXCEL_ERROR_TEXT[EXCEL_ERROR.invalidValue],
  invalidNumber: EXCEL_ERROR_TEXT[EXCEL_ERROR.invalidNumber],
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
  ErrorCode: Record<ExcelErrorCode, string>;
}

function runtime(): CustomFunctionsRuntime | undefined {
  const g = globalThis as unknown as { CustomFunctions?: CustomFunctionsRuntime };
  return g.CustomFunctions?.Error && g.CustomFunctions.ErrorCode ? g.CustomFunctions : undefined;
}

/** An error for Excel when running in Excel, otherwise an EstabFunctionError; always with the message. */
export function functionError(code: EstabErrorCode, message: string): Error {
  const cf = runtime();
  return cf
    ? new cf.Error(cf.ErrorCode[EXCEL_ERROR[code]], message)
    : new EstabFunctionError(code, message);
}

/** Thrown by argument checks; turned into functionError by `guard`. */
export function fail(code: EstabErrorCode, message: string): never {
  throw new EstabFunctionError(code, message);
}

/**
 * The core's input errors as function errors: SharesInputError and RangeError say a
 * number is out of range ("invalidNumber", shown as EXCEL_ERROR says), with a message
 * written for users. Anything else is
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
