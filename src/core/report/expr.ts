/**
 * One definition per figure. A calculated cell is an expression over named inputs (a
 * source cell, an assumption's cell, another calculated cell, a literal, a core call),
 * rendered two ways from the one tree: `value()` evaluates it (the shareable value) and
 * `formula()` prints it (the live formula). An ESTAB call evaluates through the same core
 * function the cell function calls, so the value and the formula cannot disagree, and no
 * pass has to find a column again by its header.
 */
import { columnLetters, fromA1, quoteSheetName } from "../grid";
import { roundTo } from "../money";

/** A cell's value as a formula sees it; null is a blank cell. */
export type Scalar = number | string | boolean | null;
/** A range or an array: rows of cells. */
export type Matrix = Scalar[][];
export type Value = Scalar | Matrix;

/** Where a referenced cell lives, and what kind of input it is. */
export type RefKind = "source" | "assumption" | "calculated";

export type Expr =
  | { kind: "lit"; value: Scalar | Matrix }
  /** An argument left out: `=ESTAB.POSTCOST(A5,B5,"2024/25",,,,,"ni")`. */
  | { kind: "omitted" }
  | {
      kind: "ref";
      ref: RefKind;
      /** Undefined: the sheet the formula is written on. */
      sheet?: string;
      /** "C4", "$B$5" or a range "C2:C5". */
      address: string;
      /** What the cell holds now: a source's value, or a calculated cell's expression. */
      value: Value | Expr;
    }
  | { kind: "op"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr }
  | { kind: "neg"; arg: Expr }
  | { kind: "cmp"; op: ">" | "="; left: Expr; right: Expr }
  | {
      kind: "call";
      /** "ROUND", "ESTAB.POSTCOST". */
      name: string;
      args: Expr[];
      /** The core function the spreadsheet function is: the same arithmetic, the same reading of inputs. */
      run: (args: Value[]) => Value;
      /** Its value, kept on the node (see `memoOf`). */
      memo?: CallMemo;
    };

/**
 * A call's value, kept with the call: a post's pay is one subtree shared by its figures. Kept on the node (a WeakMap of some 100,000 calls made the live
 * build spend its time in the map and the collector), valid while `args` is the array it
 * was made for, so a copy with other arguments ({ ...call, args }) does not reuse it.
 */
interface CallMemo {
  args: Expr[];
  value?: Value;
}

/** An input that cannot be evaluated as the spreadsheet would (text in arithmetic, #DIV/0!). */
export class ExprError extends Error {}

export const lit = (value: Scalar | Matrix): Expr => ({ kind: "lit", value });
export const omitted: Expr = { kind: "omitted" };

/** A cell (or range) of a source table or of the Assumptions sheet, holding `value` now. */
export const sourceRef = (sheet: string, address: string, value: Value): Expr => ({
  kind: "ref",
  ref: "source",
  sheet,
  address,
  value,
});

export const assumptionRef = (sheet: string, address: string, value: Value): Expr => ({
  kind: "ref",
  ref: "assumption",
  sheet,
  address,
  value,
});

/** Another calculated cell, on this sheet (no `sheet`) or on another calculated sheet. */
export const cellRef = (address: string, expr: Expr, sheet?: string): Expr => ({
  kind: "ref",
  ref: "calculated",
  sheet,
  address,
  value: expr,
});

export const add = (left: Expr, right: Expr): Expr => ({ kind: "op", op: "+", left, right });
export const sub = (left: Expr, right: Expr): Expr => ({ kind: "op", op: "-", left, right });
export const mul = (left: Expr, right: Expr): Expr => ({ kind: "op", op: "*", left, right });
export const div = (left: Expr, right: Expr): Expr => ({ kind: "op", op: "/", left, right });
export const neg = (arg: Expr): Expr => ({ kind: "neg", arg });

/** A call to a spreadsheet function implemented by `run`. */
export const call = (name: string, run: (args: Value[]) => Value, ...args: Expr[]): Expr =>
  callOf(name, run, args);

/** A call over an arguments array made by the caller (no rest array: ESTAB.POSTCOST is most cells). */
export const callOf = (name: string, run: (args: Value[]) => Value, args: Expr[]): Expr => ({
  kind: "call",
  name,
  args,
  run,
  memo: undefined,
});

type Call = Extract<Expr, { kind: "call" }>;
function memoOf(e: Call): CallMemo {
  let m = e.memo;
  if (m === undefined || m.args !== e.args) e.memo = m = { args: e.args, value: undefined };
  return m;
}

const isMatrix = (v: Value): v is Matrix => Array.isArray(v);

/** A value as a number, as Excel's arithmetic reads it: blank 0, TRUE 1, numeric text its number. */
export function toNumber(v: Value): number {
  if (isMatrix(v)) {
    if (v.length === 1 && v[0].length === 1) return toNumber(v[0][0]);
    throw new ExprError("a range where one number is due");
  }
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v.trim());
  if (v.trim() !== "" && Number.isFinite(n)) return n;
  throw new ExprError(`text "${v}" in arithmetic`);
}

function arith(op: "+" | "-" | "*" | "/", x: number, y: number): number {
  if (op === "+") return x + y;
  if (op === "-") return x - y;
  if (op === "*") return x * y;
  if (y === 0) throw new ExprError("#DIV/0!");
  return x / y;
}

/** Element by element when either side is an array (array arithmetic, as Excel does inside a function). */
function arithValue(op: "+" | "-" | "*" | "/", x: Value, y: Value): Value {
  if (!isMatrix(x) && !isMatrix(y)) return arith(op, toNumber(x), toNumber(y));
  const xs = isMatrix(x) ? x : [[x]];
  const ys = isMatrix(y) ? y : [[y]];
  const rows = Math.max(xs.length, ys.length);
  const cols = Math.max(xs[0]?.length ?? 0, ys[0]?.length ?? 0);
  const at = (m: Matrix, r: number, c: number): Scalar =>
    m[m.length === 1 ? 0 : r]?.[m[0].length === 1 ? 0 : c] ?? null;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) =>
      arith(op, toNumber(at(xs, r, c)), toNumber(at(ys, r, c)))
    )
  );
}

/** The expression's value: what a spreadsheet gives for formula(expr). */
export function value(e: Expr): Value {
  switch (e.kind) {
    case "lit":
      return e.value;
    case "omitted":
      return null;
    case "ref":
      return isExpr(e.value) ? value(e.value) : e.value;
    case "op":
      return arithValue(e.op, value(e.left), value(e.right));
    case "neg": {
      const v = value(e.arg);
      return isMatrix(v) ? arithValue("*", v, -1) : -toNumber(v);
    }
    case "cmp": {
      const x = toNumber(scalarArg(value(e.left)));
      const y = toNumber(scalarArg(value(e.right)));
      return e.op === ">" ? x > y : x === y;
    }
    case "call": {
      // A post's pay is one subtree shared by its six figures: evaluate it once.
      const m = memoOf(e);
      if (m.value === undefined)
        m.value = e.run(e.name === "IF" ? ifArgs(e.args) : valuesOf(e.args));
      return m.value;
    }
  }
}

/**
 * A call's argument values, in an array kept for calls at this depth of nesting: a live
 * sheet evaluates some 150,000 calls and no run keeps the array it is given (the ESTAB
 * memos copy what they keep), so one array per depth serves them all.
 */
function valuesOf(args: Expr[]): Value[] {
  // By arity too: setting an array's length is a slow path, and INDEX tells 2 arguments from 3 by it.
  const n = args.length;
  const out = ((argValues[depth] ??= [])[n] ??= new Array<Value>(n).fill(null));
  depth++;
  try {
    for (let i = 0; i < args.length; i++) out[i] = value(args[i]);
  } finally {
    depth--;
  }
  return out;
}
const argValues: Value[][][] = [];
let depth = 0;

/**
 * IF's arguments as a spreadsheet evaluates them: the test, then only the branch it takes
 * (the other, blank here, may be #DIV/0!: IF(N(fte)=0,"",headcount*fte2/fte)).
 */
function ifArgs([test, then, otherwise]: Expr[]): Value[] {
  const t = value(test);
  const taken = truthOf(scalarArg(t)) ? 1 : 2;
  return [t, taken === 1 ? value(then) : null, taken === 2 ? value(otherwise) : null];
}

const truthOf = (s: Scalar): boolean => (typeof s === "boolean" ? s : toNumber(s) !== 0);

/** The value as one number (a 1×1 result unwrapped); a non-number is an error. */
export function numberValue(e: Expr): number {
  const v = value(e);
  const n = isMatrix(v) && v.length === 1 && v[0].length === 1 ? v[0][0] : v;
  if (typeof n !== "number") throw new ExprError(`not a number: ${JSON.stringify(n)}`);
  return n;
}

function isExpr(v: Value | Expr): v is Expr {
  return v !== null && typeof v === "object" && !Array.isArray(v) && "kind" in v;
}

/**
 * A number as formula text: JavaScript's shortest round-trip form, which Excel reads back
 * exactly, with a tiny number written out (0.000000001, not 1e-9) as a reader expects.
 */
export function numberText(x: number): string {
  const s = String(x);
  // Most numbers have no exponent: only those are matched (every figure prints some).
  const m = s.includes("e-") ? /^-?(\d)(?:\.(\d+))?e-(\d+)$/.exec(s) : null;
  return m ? x.toFixed(Math.min(100, Number(m[3]) + (m[2]?.length ?? 0))) : s;
}
const quoted = (s: string): string => `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;

function scalarText(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return quoted(v);
}

/** "'Staff List'!": a sheet has few names and many references, so each is quoted once. */
const prefixes = new Map<string, string>();
function sheetPrefix(sheet: string): string {
  let p = prefixes.get(sheet);
  if (p === undefined) {
    if (prefixes.size > 1000) prefixes.clear();
    prefixes.set(sheet, (p = `${quoteSheetName(sheet)}!`));
  }
  return p;
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

/**
 * The expression as formula text (no leading "="), written on sheet `on`: references to
 * another sheet are qualified with its quoted name, references to `on` are not.
 */
export function formula(e: Expr, on?: string): string {
  return printed(e, on, "");
}

/**
 * The expression as a cell's formula ("=" and its text), in one flat string: a live sheet
 * keeps some 150,000 formulas, and text made by concatenation is kept as a tree of its
 * pieces until read.
 */
export const cellFormula = (e: Expr, on?: string): string => printed(e, on, "=");

/**
 * The text is its pieces (names, addresses, the sheets' prefixes, punctuation: strings
 * that exist already) put in one array and joined once, so printing makes no string but
 * the formula itself and the numbers' and texts' own.
 */
const pieces: string[] = [];
/** How many of `pieces` the text has: the array is never shortened (that frees and regrows it). */
let count = 0;
function put(piece: string): void {
  pieces[count++] = piece;
}

function printed(e: Expr, on: string | undefined, lead: string): string {
  count = 0;
  if (lead) put(lead);
  print(e, on, 0);
  return pieces.slice(0, count).join("");
}

function print(e: Expr, on: string | undefined, outer: number): void {
  switch (e.kind) {
    case "lit":
      if (isMatrix(e.value)) printMatrix(e.value);
      else printScalar(e.value);
      return;
    case "omitted":
      return;
    case "ref":
      if (e.sheet !== undefined && e.sheet !== on) put(sheetPrefix(e.sheet));
      put(e.address);
      return;
    case "op": {
      const p = PRECEDENCE[e.op];
      // Left-associative: the right operand of - and / needs brackets at equal precedence.
      if (p < outer) put("(");
      print(e.left, on, p);
      put(e.op);
      print(e.right, on, p + 1);
      if (p < outer) put(")");
      return;
    }
    case "neg":
      put("-");
      print(e.arg, on, 3);
      return;
    case "cmp":
      print(e.left, on, 1);
      put(e.op);
      print(e.right, on, 1);
      return;
    case "call": {
      // Trailing omitted arguments are left out: =ESTAB.POSTCOST(A5,B5,"2024/25").
      let n = e.args.length;
      while (n > 0 && e.args[n - 1].kind === "omitted") n--;
      put(e.name);
      put("(");
      for (let i = 0; i < n; i++) {
        if (i > 0) put(",");
        print(e.args[i], on, 0);
      }
      put(")");
      return;
    }
  }
}

function printMatrix(m: Matrix): void {
  put("{");
  for (let r = 0; r < m.length; r++) {
    if (r > 0) put(";");
    for (let c = 0; c < m[r].length; c++) {
      if (c > 0) put(",");
      printScalar(m[r][c]);
    }
  }
  put("}");
}

function printScalar(v: Scalar): void {
  if (typeof v !== "string" || v.includes('"')) return put(scalarText(v));
  put('"');
  put(v);
  put('"');
}

/** Whether the expression reads anything outside the sheet it is written on, or calls an ESTAB function. */
export function needsSource(e: Expr, on?: string): boolean {
  switch (e.kind) {
    case "lit":
    case "omitted":
      return false;
    case "ref":
      return (e.sheet !== undefined && e.sheet !== on) || e.ref !== "calculated";
    case "op":
    case "cmp":
      return needsSource(e.left, on) || needsSource(e.right, on);
    case "neg":
      return needsSource(e.arg, on);
    case "call":
      return e.name.startsWith("ESTAB.") || e.args.some((a) => needsSource(a, on));
  }
}

// Native functions, as Excel computes them.

const scalarArg = (v: Value): Scalar => {
  if (!isMatrix(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  throw new ExprError("a range where one value is due");
};

export const SUM = (...args: Expr[]): Expr =>
  call("SUM", (vs) => fold(vs, 0, (s, x) => s + x), ...args);

/** The numbers of every value, as SUM, MAX and MIN read them, folded without a list of them. */
function fold(vs: Value[], from: number, f: (acc: number, x: number) => number): number {
  let acc = from;
  for (const v of vs) {
    if (!isMatrix(v)) acc = f(acc, typeof v === "number" ? v : toNumber(v));
    else for (const row of v) for (const x of row) if (typeof x === "number") acc = f(acc, x);
  }
  return acc;
}

/**
 * A small whole number as one literal node for every call that passes it (ROUND's digits,
 * INDEX's row and column): a literal is never changed and keeps no memo, so calls share it.
 */
const smallInts: Expr[] = [];
export function intLit(n: number): Expr {
  if (!Number.isInteger(n) || n < 0 || n > 64) return lit(n);
  return (smallInts[n] ??= lit(n));
}

// Each function's run is one function for all its calls, not a closure per call: the live
// sheets make some 150,000 calls, and one run keeps the evaluator's call sites monomorphic.

/** ROUND, half away from zero as Excel rounds. */
export const ROUND = (x: Expr, digits: number): Expr =>
  callOf("ROUND", runRound, [x, intLit(digits)]);

// Indexed rather than destructured: ROUND is in most figures, and destructuring goes through an iterator.
function runRound(args: Value[]): Value {
  const v = args[0];
  const d = toNumber(args[1]);
  return isMatrix(v) ? arithMap(v, (n) => roundTo(n, d)) : roundTo(toNumber(v), d);
}

function arithMap(m: Matrix, f: (n: number) => number): Matrix {
  return m.map((row) => row.map((c) => f(toNumber(c))));
}

function runRoundUp(args: Value[]): Value {
  const s = 10 ** toNumber(args[1]);
  const n = toNumber(args[0]);
  return (Math.sign(n) * Math.ceil(Math.abs(n) * s - 1e-9)) / s;
}
export const ROUNDUP = (x: Expr, digits: number): Expr =>
  callOf("ROUNDUP", runRoundUp, [x, intLit(digits)]);

const runMax = (vs: Value[]): Value => fold(vs, -Infinity, Math.max);
export const MAX = (...args: Expr[]): Expr => callOf("MAX", runMax, args);

const runMin = (vs: Value[]): Value => fold(vs, Infinity, Math.min);
export const MIN = (...args: Expr[]): Expr => callOf("MIN", runMin, args);

const runAbs = (args: Value[]): Value => Math.abs(toNumber(args[0]));
export const ABS = (x: Expr): Expr => callOf("ABS", runAbs, [x]);

function runN(args: Value[]): Value {
  const s = scalarArg(args[0]);
  return typeof s === "number" ? s : s === true ? 1 : 0;
}
/** N(): a number stays, anything else is 0. */
export const N = (x: Expr): Expr => callOf("N", runN, [x]);

function runLen(args: Value[]): Value {
  const s = scalarArg(args[0]);
  return s === null ? 0 : typeof s === "boolean" ? (s ? 4 : 5) : String(s).length;
}
export const LEN = (x: Expr): Expr => callOf("LEN", runLen, [x]);

const runIf = (args: Value[]): Value => (truthOf(scalarArg(args[0])) ? args[1] : args[2]);
/** IF(test, then, else): a number test is true unless 0. */
export const IF = (test: Expr, then: Expr, otherwise: Expr): Expr =>
  callOf("IF", runIf, [test, then, otherwise]);

/** Comparisons for IF tests, over numbers: IF(cell>0, …). */
export const GT = (left: Expr, right: Expr): Expr => ({ kind: "cmp", op: ">", left, right });
export const EQ = (left: Expr, right: Expr): Expr => ({ kind: "cmp", op: "=", left, right });

/** OR(test, …): true when any test is (a number is true unless 0). */
export const OR = (...tests: Expr[]): Expr =>
  call("OR", (vs) => vs.some((v) => truthOf(scalarArg(v))), ...tests);

function runIndex(args: Value[]): Value {
  const m = args[0];
  const rows = isMatrix(m) ? m : [[m]];
  const i = toNumber(args[1]) - 1;
  // No column argument: the run is given no third value.
  const c = args.length > 2 ? args[2] : undefined;
  const j = c === undefined || c === null ? 0 : toNumber(c) - 1;
  const v = rows[i]?.[j];
  if (v === undefined) throw new ExprError("#REF!: INDEX outside the array");
  return v;
}
/** INDEX(array, row, [column]), 1-based. */
export const INDEX = (array: Expr, row: number, column?: number): Expr =>
  callOf(
    "INDEX",
    runIndex,
    column === undefined ? [array, intLit(row)] : [array, intLit(row), intLit(column)]
  );

/** "C4" → "$C$4": an absolute reference, for cells every row's formula points at. */
export function absolute(address: string): string {
  return address
    .split(":")
    .map((a) => {
      const { row, column } = fromA1(a.replace(/\$/g, ""));
      return `$${columnLetters(column)}$${row + 1}`;
    })
    .join(":");
}
