/**
 * The ESTAB functions registered in HyperFormula (a real formula engine, GPLv3, dev
 * dependency only) from the same table Excel's functions come from (src/functions/
 * definitions.ts). Used by the function tests, the live-sheet tests and the benchmark.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { FUNCTIONS, runFunction, type FunctionDef } from "../../src/functions/definitions";
import type { ArgValue, CellInput, FunctionResult } from "../../src/functions/args";
import { ERROR_TEXT, EstabFunctionError } from "../../src/functions/errors";

/** The cell error HyperFormula shows for the error Excel shows (src/functions/errors.ts decides which). */
const CELL_ERROR: Record<string, ErrorType> = { "#VALUE!": ErrorType.VALUE, "#N/A": ErrorType.NA };

/** The little of HyperFormula's AST the size predictors read (its types are not exported). */
interface AstNode {
  type: string;
  value?: unknown;
  args: AstNode[];
}
/** HyperFormula's interpreter state, passed through untouched. */
type State = unknown;

/** A HyperFormula value as a function argument: EmptyValue → null, rich numbers → numbers. */
function cellOf(v: unknown): CellInput {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof CellError) throw v;
  const rich = v as { val?: unknown };
  if (typeof rich.val === "number") return rich.val;
  throw new CellError(ErrorType.VALUE, "Unreadable value");
}

function argOf(v: unknown): ArgValue {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(cellOf));
  return cellOf(v);
}

function resultOf(result: FunctionResult): number | string | SimpleRangeValue {
  if (!Array.isArray(result)) return result;
  return SimpleRangeValue.onlyValues(result);
}

/** Evaluates one definition on HyperFormula's arguments; failures become the cell error Excel would show. */
function evaluate(
  def: FunctionDef,
  args: unknown[]
): number | string | SimpleRangeValue | CellError {
  try {
    return resultOf(runFunction(def.name, args.map(argOf)));
  } catch (e) {
    if (e instanceof CellError) return e;
    if (e instanceof EstabFunctionError)
      return new CellError(CELL_ERROR[ERROR_TEXT[e.code]], e.message);
    // Anything else is a bug in a function: let the test see it rather than a tidy error.
    throw e;
  }
}

export class EstabPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  callEstab(id: string, ast: AstNode, state: State): unknown {
    const def = DEFS_BY_ID.get(id) as FunctionDef;
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata(id),
      (...args: unknown[]) => evaluate(def, args) as never
    );
  }

  sizeEstab(id: string, ast: AstNode, state: State): ArraySize {
    const def = DEFS_BY_ID.get(id) as FunctionDef;
    const size = def.spillSize?.({
      literal: (i) => {
        const node = ast.args[i];
        if (!node) return undefined;
        if (node.type === "NUMBER" && typeof node.value === "number") return node.value;
        if (node.type === "STRING" && typeof node.value === "string") return node.value;
        return undefined;
      },
      rangeSize: (i) => {
        const node = ast.args[i];
        if (!node) return undefined;
        const s = this.arraySizeForAst(node as never, state as never);
        return s.isScalar() && node.type !== "CELL_REFERENCE" && node.type !== "CELL_RANGE"
          ? { rows: 1, columns: 1 }
          : { rows: s.height, columns: s.width };
      },
    });
    // The result's size must be known when the formula is read; HyperFormula (unlike
    // Excel) cannot size a spill from a cell's value, so such a formula gives an error.
    return size ? new ArraySize(size.columns, size.rows) : ArraySize.error();
  }
}

const DEFS_BY_ID = new Map(FUNCTIONS.map((f) => [`ESTAB.${f.name}`, f]));

type Method = (this: EstabPlugin, ast: AstNode, state: State) => unknown;
const prototype = EstabPlugin.prototype as unknown as Record<string, Method>;

for (const def of FUNCTIONS) {
  const id = `ESTAB.${def.name}`;
  const method = `estab_${def.name}`;
  prototype[method] = function (ast, state) {
    return this.callEstab(id, ast, state);
  };
  EstabPlugin.implementedFunctions[id] = {
    method,
    parameters: def.params.map((p) => ({
      // NOERROR: an error in an argument cell propagates, as in Excel; blanks arrive as EmptyValue.
      argumentType: p.kind === "range" ? FunctionArgumentType.RANGE : FunctionArgumentType.NOERROR,
      optionalArg: p.optional === true,
    })),
    ...(def.result === "matrix"
      ? { sizeOfResultArrayMethod: `${method}_size`, vectorizationForbidden: true }
      : {}),
  };
  if (def.result === "matrix") {
    prototype[`${method}_size`] = function (ast, state) {
      return this.sizeEstab(id, ast, state);
    };
  }
}

let registered = false;

/** Registers the plugin once (with enGB names) and returns a HyperFormula builder config. */
export function registerEstab(): void {
  if (registered) return;
  const names = Object.fromEntries(FUNCTIONS.map((f) => [`ESTAB.${f.name}`, `ESTAB.${f.name}`]));
  HyperFormula.registerFunctionPlugin(EstabPlugin, { enGB: names });
  registered = true;
}

// smartRounding off: results are compared with the core to the last bit, not to 10 digits.
export const HF_CONFIG = { licenseKey: "gpl-v3", language: "enGB", smartRounding: false } as const;

/** A HyperFormula workbook of named sheets with the ESTAB functions available. */
export function estabWorkbook(
  sheets: Record<string, (string | number | boolean | null)[][]>
): HyperFormula {
  registerEstab();
  return HyperFormula.buildFromSheets(sheets, HF_CONFIG);
}
