/**
 * A strict model of the small Office.js surface the adapter uses. Like the real thing:
 * reads and writes are queued and happen at `context.sync()`; reading a property that
 * was not loaded and synced throws (Office.js's PropertyNotLoaded); *OrNullObject
 * getters give objects whose `isNullObject` is known only after a load and a sync;
 * strings written through `values` are typed in as a user would type them (a leading
 * "=", "+", "-" or "@" makes a formula, "00123" becomes a number) unless the cell is
 * text-formatted ("@"). A batch that fails on its own error applies nothing; real Excel
 * may have run part of it, which an injected failure models (`failAfterOperations`), and
 * the adapter's rollback does not rely on either.
 *
 * Instruments: sync count, bytes per request (UTF-8 JSON of what was queued) and per
 * response (UTF-8 JSON of what the loads return), a failure injectable at any sync,
 * Excel on the web's 5 MB limit on both.
 */
import { columnIndex, columnLetters, fromA1, quoteSheetName } from "../../../src/core/grid";
import type { CellValue } from "../../../src/core/grid";
import {
  cellKey,
  emptySheet,
  MAX_COLUMNS,
  FakeOfficeError,
  saveAndReopen,
  snapshot,
  Transaction,
} from "./state";
import type {
  Box,
  FakeCell,
  FakeChart,
  FakeChartSeries,
  FakeName,
  FakeSheet,
  FakeState,
  FakeTable,
  Visibility,
} from "./state";

export { FakeOfficeError } from "./state";

/** Excel on the web's limit on one request. */
export const WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
/** Excel on the web's limit on one response (the same 5 MB). */
export const WEB_RESPONSE_LIMIT = WEB_REQUEST_LIMIT;
/** Framing counted for each load's part of a response (object path, property names). */
export const RESPONSE_OVERHEAD_BYTES = 40;

interface Op {
  bytes: number;
  apply: (tx: Transaction, commits: Array<() => void>) => void;
}

export interface RequestRecord {
  sync: number;
  bytes: number;
  operations: number;
  /**
   * Bytes of the response: for each load, the UTF-8 JSON of the properties it returns
   * plus RESPONSE_OVERHEAD_BYTES. Changes count nothing. 0 when the sync failed before
   * anything ran.
   */
  responseBytes: number;
}

const utf8 = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");

// ---------------------------------------------------------------------------- typing in

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** What Excel stores when a string is entered into a cell with this number format. */
export function typeIn(
  input: CellValue,
  numberFormat: string
): { value: CellValue; formula?: string } {
  if (typeof input !== "string" || numberFormat === "@") return { value: input };
  const t = input.trim();
  if (t !== "" && NUMBER_TEXT.test(t)) return { value: Number(t) };
  if (/^(TRUE|FALSE)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  const date = UK_DATE.exec(t);
  if (date) return { value: Date.UTC(+date[3], +date[2] - 1, +date[1]) / 86400000 + 25569 };
  if (/^[=+\-@]/.test(input)) {
    return { value: 0, formula: input.startsWith("=") ? input : `=${input}` };
  }
  return { value: input };
}

// ---------------------------------------------------------------------------- addresses

function parseBox(address: string): Box | "columns" {
  const a = address.replace(/\$/g, "").trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (cols) return "columns";
  const [first, second] = a.split(":");
  const s = fromA1(first);
  const e = second === undefined ? s : fromA1(second);
  return {
    r0: Math.min(s.row, e.row),
    c0: Math.min(s.column, e.column),
    r1: Math.max(s.row, e.row),
    c1: Math.max(s.column, e.column),
  };
}

function columnsOf(address: string): [number, number] {
  const [a, b] = address.replace(/\$/g, "").split(":");
  return [columnIndex(a), columnIndex(b)];
}

const boxA1 = (b: Box): string => {
  const tl = `${columnLetters(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? tl : `${tl}:${columnLetters(b.c1)}${b.r1 + 1}`;
};

const key = (s: string): string => s.toLocaleUpperCase("en-GB");

// ---------------------------------------------------------------------------- the app

export interface FakeExcelOptions {
  /** Highest ExcelApi version this "Excel" supports, e.g. "1.18". */
  apiVersion?: string;
  /** The value a formula shows; default 0. */
  calculate?: (formula: string) => CellValue;
}

export class FakeExcel {
  state: FakeState;
  syncs = 0;
  requests: RequestRecord[] = [];
  /** The n-th sync (1-based, counted across runs) throws and applies nothing. */
  failAtSync?: number;
  /**
   * With failAtSync: apply this many operations of that batch first, then throw — as
   * real Excel does when an operation in the middle of a batch fails.
   */
  failAfterOperations?: number;
  readonly apiVersion: string;
  readonly calculate: (formula: string) => CellValue;

  constructor(options: FakeExcelOptions = {}, state?: FakeState) {
    this.apiVersion = options.apiVersion ?? "1.18";
    this.calculate = options.calculate ?? (() => 0);
    this.state = state ?? { sheets: [], tables: [], names: [], activeSheetId: "", nextId: 1 };
    if (state === undefined) this.addSheet("Sheet1");
  }

  /** Excel.run for the adapter. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending > 0) {
        throw new Error(`${context.pending} queued operation(s) were never synced`);
      }
      return result;
    } finally {
      context.closed = true;
    }
  };

  isSetSupported = (name: string, version: string): boolean => {
    if (name !== "ExcelApi") return false;
    const [a, b] = version.split(".").map(Number);
    const [x, y] = this.apiVersion.split(".").map(Number);
    return a < x || (a === x && b <= y);
  };

  /** Bytes of the largest request sent so far. */
  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  /** Bytes of the largest response received so far. */
  get largestResponse(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }

  resetCounters(): void {
    this.syncs = 0;
    this.requests = [];
  }

  snapshot(): unknown {
    return snapshot(this.state);
  }

  /** The same workbook after File > Save and opening it again. */
  saveAndReopen(): FakeExcel {
    return new FakeExcel(
      { apiVersion: this.apiVersion, calculate: this.calculate },
      saveAndReopen(this.state)
    );
  }

  // ---- set-up helpers for tests (outside any sync)

  newId(): string {
    return `{${String(this.state.nextId++).padStart(8, "0")}}`;
  }

  addSheet(name: string, rows: CellValue[][] = [], origin = "A1"): FakeSheet {
    const sheet = emptySheet(this.newId(), name);
    this.state.sheets.push(sheet);
    if (this.state.activeSheetId === "") this.state.activeSheetId = sheet.id;
    const o = fromA1(origin);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "") return;
        const typed =
          typeof v === "string" && v.startsWith("=")
            ? { value: this.calculate(v), formula: v }
            : { value: v };
        sheet.cells.set(cellKey(o.row + r, o.column + c), { ...typed, numberFormat: "General" });
      })
    );
    return sheet;
  }

  addTable(sheetName: string, name: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const box = parseBox(address);
    if (box === "columns") throw new Error("table over whole columns");
    this.state.tables.push({ id: this.newId(), name, sheetId: sheet.id, box });
  }

  /** Hides rows (1-based, as the user sees them), by hand or as a filter would. */
  hideRows(sheetName: string, ...rows: number[]): void {
    const sheet = this.sheet(sheetName);
    sheet.hiddenRows = [...(sheet.hiddenRows ?? []), ...rows.map((r) => r - 1)];
  }

  /** Merges an area (Home › Merge & Center): the cells other than its top-left must be empty. */
  merge(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const box = parseBox(address);
    if (box === "columns") throw new Error("merge over whole columns");
    for (const k of sheet.cells.keys()) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      const inside = r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1;
      if (inside && (r !== box.r0 || c !== box.c0))
        throw new Error(
          `fake: merging ${address} would drop the value at ${boxA1({ r0: r, c0: c, r1: r, c1: c })}`
        );
    }
    sheet.merges = [...(sheet.merges ?? []), box];
  }

  sheet(name: string): FakeSheet {
    const found = this.state.sheets.find((s) => key(s.name) === key(name));
    if (found === undefined) throw new Error(`no sheet ${name}`);
    return found;
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const p = fromA1(address);
    return this.sheet(sheetName).cells.get(cellKey(p.row, p.column));
  }

  /** Values of a sheet's rectangle, as Range.values would give them. */
  values(sheetName: string, address: string): CellValue[][] {
    const b = parseBox(address);
    if (b === "columns") throw new Error("columns");
    const sheet = this.sheet(sheetName);
    return rowsOf(b, (r, c) => valueOf(sheet.cells.get(cellKey(r, c))));
  }

  /** A workbook-level defined name, as the CLI's file would bring it (outside any sync). */
  addName(name: string, formula: string): void {
    this.state.names.push({ name, formula });
  }

  nameNamed(name: string): FakeName | undefined {
    return this.state.names.find((n) => key(n.name) === key(name));
  }

  tableNamed(name: string): FakeTable | undefined {
    return this.state.tables.find((t) => key(t.name) === key(name));
  }
}

function rowsOf<T>(b: Box, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: T[] = [];
    for (let c = b.c0; c <= b.c1; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

const valueOf = (cell: FakeCell | undefined): CellValue => (cell === undefined ? "" : cell.value);

// ---------------------------------------------------------------------------- context

export class FakeContext {
  readonly workbook: FakeWorkbook;
  closed = false;
  private queue: Op[] = [];
  /** Response bytes of the sync being applied. */
  private responseBytes = 0;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get state(): FakeState {
    return this.excel.state;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    if (this.closed)
      throw new FakeOfficeError("InvalidObjectPath", "object used after its Excel.run ended");
    this.queue.push(op);
  }

  /** While a sync applies: a load returns `data` (counted as UTF-8 JSON). */
  respond(data: unknown): void {
    this.responseBytes += utf8(data) + RESPONSE_OVERHEAD_BYTES;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "sync after Excel.run ended");
    await Promise.resolve();
    const ops = this.queue;
    this.queue = [];
    const excel = this.excel;
    const n = ++excel.syncs;
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    const record: RequestRecord = { sync: n, bytes, operations: ops.length, responseBytes: 0 };
    excel.requests.push(record);
    this.responseBytes = 0;
    if (excel.failAtSync === n) {
      const partly = excel.failAfterOperations;
      if (partly !== undefined) {
        // What ran stays done; nothing the batch loaded arrives, since the sync rejects.
        const tx = new Transaction(this.state);
        ops.slice(0, partly).forEach((op) => op.apply(tx, []));
      }
      throw new FakeOfficeError("GeneralException", `injected failure at sync ${n}`);
    }
    if (bytes > WEB_REQUEST_LIMIT) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${bytes} bytes`);
    }
    const tx = new Transaction(this.state);
    const commits: Array<() => void> = [];
    try {
      for (const op of ops) op.apply(tx, commits);
    } catch (error) {
      record.responseBytes = this.responseBytes;
      tx.rollback();
      throw error;
    }
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > WEB_RESPONSE_LIMIT) {
      // Like Excel on the web: the batch fails and nothing it loaded arrives.
      tx.rollback();
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${this.responseBytes} bytes`
      );
    }
    commits.forEach((c) => c());
  }

  // ---- lookups used while applying

  sheetById(id: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.id === id);
    if (s === undefined)
      throw new FakeOfficeError("ItemNotFound", `worksheet ${id} does not exist`);
    return s;
  }

  findSheet(k: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => s.id === k || key(s.name) === key(k));
  }
}

/** The load/sync discipline shared by every proxy. */
abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  private nullKnown?: boolean;

  constructor(readonly context: FakeContext) {}

  protected abstract readonly typeName: string;
  protected abstract readonly loadable: readonly string[];
  /** The model object, or null for a null object; throws ItemNotFound like Excel. */
  protected abstract locate(): unknown;
  protected abstract read(target: never, property: string): unknown;

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${property}' of ${this.typeName} is not available. Call load() and context.sync() before reading it.`
      );
    }
    return this.loaded.get(property) as T;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `isNullObject of ${this.typeName} is known only after load() and sync()`
      );
    }
    return this.nullKnown;
  }

  /** The properties a load() names, each one this fake can load (a real proxy would not throw, but a test should). */
  protected wantedProperties(properties?: string | string[]): string[] {
    const wanted = (Array.isArray(properties) ? properties : (properties ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    for (const p of wanted) {
      if (!this.loadable.includes(p)) throw new Error(`fake ${this.typeName} cannot load '${p}'`);
    }
    return wanted;
  }

  load(properties?: string | string[]): this {
    const wanted = this.wantedProperties(properties);
    if (wanted.length === 0)
      throw new Error(
        `fake ${this.typeName}: load() with no properties loads everything; name them`
      );
    this.context.enqueue({
      bytes: utf8(wanted) + 40,
      apply: (_tx, commits) => {
        const target = this.locate();
        const data = new Map<string, unknown>();
        if (target !== null) for (const p of wanted) data.set(p, this.read(target as never, p));
        this.context.respond(Object.fromEntries(data));
        commits.push(() => {
          this.nullKnown = target === null;
          for (const [p, v] of data) this.loaded.set(p, v);
        });
      },
    });
    return this;
  }

  /** Queues a change; `bytes` is what it sends. */
  protected queue(bytes: number, apply: (tx: Transaction, target: never) => void): void {
    this.context.enqueue({
      bytes: bytes + 40,
      apply: (tx) => {
        const target = this.locate();
        if (target === null)
          throw new FakeOfficeError("InvalidOperation", `${this.typeName} is a null object`);
        apply(tx, target as never);
      },
    });
  }

  /** For collection items, which arrive loaded. */
  preload(data: Map<string, unknown>): this {
    this.nullKnown = false;
    for (const [p, v] of data) this.loaded.set(p, v);
    return this;
  }
}

// ---------------------------------------------------------------------------- workbook

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.names = new FakeNamedItemCollection(context);
  }
}

const SHEET_PROPS = ["id", "name", "visibility", "position"] as const;

function readSheet(context: FakeContext, s: FakeSheet, p: string): unknown {
  switch (p) {
    case "id":
      return s.id;
    case "name":
      return s.name;
    case "visibility":
      return s.visibility;
    case "position":
      return context.state.sheets.indexOf(s);
    default:
      throw new Error(p);
  }
}

class FakeWorksheetCollection extends FakeObject {
  protected readonly typeName = "WorksheetCollection";
  protected readonly loadable = SHEET_PROPS.map((p) => `items/${p}`);

  protected locate(): unknown {
    return this.context.state.sheets;
  }

  protected read(): unknown {
    return undefined;
  }

  override load(properties?: string | string[]): this {
    const wanted = this.wantedProperties(properties);
    const props = wanted.map((p) => p.slice("items/".length));
    this.context.enqueue({
      bytes: utf8(wanted) + 40,
      apply: (_tx, commits) => {
        const items = this.context.state.sheets.map((s) => {
          const data = new Map<string, unknown>(
            props.map((p) => [p, readSheet(this.context, s, p)])
          );
          return { id: s.id, data };
        });
        this.context.respond(items.map((i) => Object.fromEntries(i.data)));
        commits.push(() => {
          this.preload(
            new Map([
              [
                "items",
                items.map((i) => new FakeWorksheet(this.context, { id: i.id }).preload(i.data)),
              ],
            ])
          );
        });
      },
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.get("items");
  }

  getItem(k: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { key: k, orNull: false });
  }

  getItemOrNullObject(k: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { key: k, orNull: true });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, { active: true });
  }

  add(name?: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, { pendingAdd: true });
    this.context.enqueue({
      bytes: utf8([name]) + 40,
      apply: (tx) => {
        const state = this.context.state;
        const finalName = name ?? `Sheet${state.sheets.length + 1}`;
        checkSheetName(state, finalName, undefined);
        const id = this.context.excel.newId();
        state.sheets.push(emptySheet(id, finalName));
        sheet.bind(id);
        void tx;
      },
    });
    return sheet;
  }
}

function checkSheetName(state: FakeState, name: string, self: FakeSheet | undefined): void {
  if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `'${name}' is not a valid sheet name`);
  }
  if (state.sheets.some((s) => s !== self && key(s.name) === key(name))) {
    throw new FakeOfficeError("ItemAlreadyExists", `a sheet named '${name}' already exists`);
  }
}

const escapeRegExp = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Excel keeps formulas pointing at a sheet through a rename, and turns references to a
 * deleted sheet into #REF!. (String literals are not special-cased: the tests avoid them.)
 */
function followRename(
  tx: Transaction,
  state: FakeState,
  oldName: string,
  newName: string | null
): void {
  const quoted = `'${oldName.replace(/'/g, "''")}'`;
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(oldName) ? `|${escapeRegExp(oldName)}` : "";
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_.'])(?:${escapeRegExp(quoted)}${plain})!(\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?)`,
    "gi"
  );
  for (const sheet of state.sheets) {
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === undefined || !pattern.test(cell.formula)) continue;
      pattern.lastIndex = 0;
      const formula = cell.formula.replace(pattern, (_m, ref: string) =>
        newName === null ? "#REF!" : `${quoteSheetName(newName)}!${ref}`
      );
      tx.setCell(sheet, k, { ...cell, formula });
    }
  }
  // Defined names follow too (the transaction's shell copy restores them on failure).
  for (const n of state.names) {
    pattern.lastIndex = 0;
    n.formula = n.formula.replace(pattern, (_m, ref: string) =>
      newName === null ? "#REF!" : `${quoteSheetName(newName)}!${ref}`
    );
  }
}

type SheetRef =
  { id: string } | { key: string; orNull: boolean } | { active: true } | { pendingAdd: true };

class FakeWorksheet extends FakeObject {
  protected readonly typeName = "Worksheet";
  protected readonly loadable = SHEET_PROPS;
  private boundId?: string;

  constructor(
    context: FakeContext,
    private readonly ref: SheetRef
  ) {
    super(context);
    if ("id" in ref) this.boundId = ref.id;
  }

  bind(id: string): void {
    this.boundId = id;
  }

  /** The sheet, resolved now: by id once bound, else by the path it was got by. */
  sheet(): FakeSheet | null {
    if (this.boundId !== undefined) return this.context.sheetById(this.boundId);
    const ref = this.ref;
    if ("active" in ref) {
      const s = this.context.sheetById(this.context.state.activeSheetId);
      this.boundId = s.id;
      return s;
    }
    if ("key" in ref) {
      const found = this.context.findSheet(ref.key);
      if (found === undefined) {
        if (ref.orNull) return null;
        throw new FakeOfficeError("ItemNotFound", `no worksheet '${ref.key}'`);
      }
      return found;
    }
    throw new FakeOfficeError("InvalidObjectPath", "worksheet was never created (its add failed)");
  }

  protected locate(): unknown {
    return this.sheet();
  }

  protected read(target: never, p: string): unknown {
    return readSheet(this.context, target as FakeSheet, p);
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.queue(utf8(value), (tx, s: FakeSheet) => {
      checkSheetName(this.context.state, value, s);
      const old = s.name;
      s.name = value;
      followRename(tx, this.context.state, old, value);
    });
  }
  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(value: Visibility) {
    this.queue(utf8(value), (_tx, s: FakeSheet) => {
      const state = this.context.state;
      if (value !== "Visible") {
        if (!state.sheets.some((x) => x !== s && x.visibility === "Visible")) {
          throw new FakeOfficeError(
            "InvalidOperation",
            "a workbook must keep at least one visible sheet"
          );
        }
        if (state.activeSheetId === s.id)
          throw new FakeOfficeError("InvalidOperation", "cannot hide the active sheet");
      }
      s.visibility = value;
    });
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.queue(utf8(value), (_tx, s: FakeSheet) => {
      const sheets = this.context.state.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) {
        throw new FakeOfficeError("InvalidArgument", `position ${value}`);
      }
      const next = sheets.filter((x) => x !== s);
      next.splice(value, 0, s);
      this.context.state.sheets = next;
    });
  }

  activate(): void {
    this.queue(0, (_tx, s: FakeSheet) => {
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "cannot activate a hidden sheet");
      this.context.state.activeSheetId = s.id;
    });
  }

  delete(): void {
    this.queue(0, (_tx, s: FakeSheet) => {
      const state = this.context.state;
      if (
        s.visibility === "Visible" &&
        !state.sheets.some((x) => x !== s && x.visibility === "Visible")
      ) {
        throw new FakeOfficeError("InvalidOperation", "cannot delete the last visible sheet");
      }
      state.sheets = state.sheets.filter((x) => x !== s);
      state.tables = state.tables.filter((t) => t.sheetId !== s.id);
      followRename(_tx, state, s.name, null);
      if (state.activeSheetId === s.id) {
        state.activeSheetId = (
          state.sheets.find((x) => x.visibility === "Visible") as FakeSheet
        ).id;
      }
    });
  }

  /** With no address, the whole sheet (A1:XFD1048576), as Office.js gives it. */
  getRange(address = `A1:${columnLetters(MAX_COLUMNS - 1)}${MAX_ROWS}`): FakeRange {
    return new FakeRange(this.context, this, { address });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, { used: valuesOnly });
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, this);
  }
  get customProperties(): FakeCustomProperties {
    return new FakeCustomProperties(this.context, this);
  }
  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.context, this);
  }
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this);
  }
  get notes(): FakeNotes {
    if (!this.context.excel.isSetSupported("ExcelApi", "1.18")) {
      throw new FakeOfficeError("ApiNotFound", "Worksheet.notes needs ExcelApi 1.18");
    }
    return new FakeNotes(this);
  }
  get charts(): FakeCharts {
    return new FakeCharts(this);
  }

  /** For sub-objects: a change on this sheet. */
  change(bytes: number, apply: (tx: Transaction, s: FakeSheet) => void): void {
    this.queue(bytes, (tx, s: FakeSheet) => apply(tx, s));
  }
}

// ---------------------------------------------------------------------------- ranges

type RangeRef = { address: string } | { used: boolean } | { table: FakeTableProxy };

class FakeRange extends FakeObject {
  protected readonly typeName = "Range";
  protected readonly loadable = ["values", "formulas", "numberFormat", "address"];
  private boundBox?: Box;

  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet | null,
    private readonly ref: RangeRef
  ) {
    super(context);
  }

  /** The sheet and cells this range covers, resolved now. */
  where(): { sheet: FakeSheet; box: Box } | null {
    const ref = this.ref;
    if ("table" in ref) {
      const t = ref.table.table();
      return { sheet: this.context.sheetById(t.sheetId), box: t.box };
    }
    const sheet = (this.worksheet as FakeWorksheet).sheet();
    if (sheet === null) return null;
    if ("address" in ref) {
      const box = parseBox(ref.address);
      if (box === "columns")
        throw new Error(`fake: whole-column range ${ref.address} only takes a column width`);
      return { sheet, box };
    }
    if (this.boundBox === undefined) {
      const used = usedBox(sheet, ref.used);
      if (used === null) return null;
      this.boundBox = used;
    }
    return { sheet, box: this.boundBox };
  }

  protected locate(): unknown {
    return this.where();
  }

  protected read(target: never, p: string): unknown {
    const { sheet, box } = target as { sheet: FakeSheet; box: Box };
    if (p !== "address" && boxCells(box) > RANGE_READ_LIMIT) {
      throw new FakeOfficeError(
        "InvalidOperation",
        `reading ${p} of ${boxA1(box)}: a range read is limited to ${RANGE_READ_LIMIT} cells`
      );
    }
    switch (p) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${boxA1(box)}`;
      case "values":
        return rowsOf(box, (r, c) => valueOf(sheet.cells.get(cellKey(r, c))));
      case "formulas":
        return rowsOf(box, (r, c) => {
          const cell = sheet.cells.get(cellKey(r, c));
          return cell?.formula ?? valueOf(cell);
        });
      case "numberFormat":
        return rowsOf(box, (r, c) => sheet.cells.get(cellKey(r, c))?.numberFormat ?? "General");
      default:
        throw new Error(p);
    }
  }

  get values(): CellValue[][] {
    return this.get("values");
  }
  set values(rows: (CellValue | null)[][]) {
    this.write(rows, (cell, v) => ({
      ...cell,
      formula: undefined,
      ...typeIn(v, cell.numberFormat),
    }));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(rows: (CellValue | null)[][]) {
    const calc = this.context.excel.calculate;
    this.write(rows, (cell, v) =>
      typeof v === "string" && v.startsWith("=")
        ? { ...cell, formula: v, value: calc(v) }
        : { ...cell, formula: undefined, ...typeIn(v, cell.numberFormat) }
    );
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(rows: (string | null)[][]) {
    this.write(rows, (cell, v) => ({ ...cell, numberFormat: v === "" ? "General" : String(v) }));
  }
  get address(): string {
    return this.get("address");
  }

  private write<V>(rows: (V | null)[][], update: (cell: FakeCell, v: V) => FakeCell): void {
    this.context.enqueue({
      bytes: utf8(rows) + 40,
      apply: (tx) => {
        const at = this.where();
        if (at === null) throw new FakeOfficeError("InvalidOperation", "range is a null object");
        const { sheet, box } = at;
        const height = box.r1 - box.r0 + 1;
        const width = box.c1 - box.c0 + 1;
        if (
          !Array.isArray(rows) ||
          rows.length !== height ||
          rows.some((r) => !Array.isArray(r) || r.length !== width)
        ) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `the array does not match the size of ${boxA1(box)} (${height}×${width})`
          );
        }
        rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null) return;
            if (typeof v === "string" && v.length > CELL_TEXT_LIMIT) {
              throw new FakeOfficeError(
                "InvalidArgument",
                `${boxA1({ r0: box.r0 + r, c0: box.c0 + c, r1: box.r0 + r, c1: box.c0 + c })}: a cell holds at most ${CELL_TEXT_LIMIT} characters`
              );
            }
            const k = cellKey(box.r0 + r, box.c0 + c);
            const old = sheet.cells.get(k) ?? { value: "", numberFormat: "General" };
            const next = update(old, v);
            if (next.formula === undefined) delete next.formula;
            tx.setCell(sheet, k, next);
          })
        );
      },
    });
  }

  /** Sets a look on every cell (creating empty cells to hold it). */
  style(bytes: number, patch: Partial<FakeCell>): void {
    this.context.enqueue({
      bytes: bytes + 40,
      apply: (tx) => {
        const at = this.where();
        if (at === null) throw new FakeOfficeError("InvalidOperation", "range is a null object");
        for (let r = at.box.r0; r <= at.box.r1; r++) {
          for (let c = at.box.c0; c <= at.box.c1; c++) {
            const k = cellKey(r, c);
            tx.setCell(at.sheet, k, {
              ...(at.sheet.cells.get(k) ?? { value: "", numberFormat: "General" }),
              ...patch,
            });
          }
        }
      },
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this, this.worksheet, "address" in this.ref ? this.ref.address : "");
  }

  /** range.dataValidation (ExcelApi 1.8): list rules on one cell, all this add-in sets. */
  get dataValidation(): FakeDataValidation {
    if (!this.context.excel.isSetSupported("ExcelApi", "1.8"))
      throw new FakeOfficeError("ApiNotFound", "Range.dataValidation needs ExcelApi 1.8");
    if (!this.worksheet || !("address" in this.ref))
      throw new Error("fake: dataValidation only on a worksheet range by address");
    return new FakeDataValidation(this.worksheet, this.ref.address);
  }

  /** The cells of a kind (ExcelApi 1.9); ItemNotFound at sync when there are none. */
  getSpecialCells(cellType: string, cellValueType?: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, specialKind(cellType, cellValueType), false);
  }

  /** The same, as a null object when there are none. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, specialKind(cellType, cellValueType), true);
  }

  /**
   * The merged areas whose top-left cell is in the range (ExcelApi 1.13), a null object
   * for none; more than 512 fails the sync, as Excel documents.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, "Merged", true);
  }

  select(): void {
    this.context.enqueue({
      bytes: 40,
      apply: () => {
        const at = this.where();
        if (at === null) throw new FakeOfficeError("InvalidOperation", "range is a null object");
        if (this.context.state.activeSheetId !== at.sheet.id) {
          throw new FakeOfficeError("InvalidOperation", "can only select on the active sheet");
        }
        this.context.state.selection = { sheetId: at.sheet.id, address: boxA1(at.box) };
      },
    });
  }
}

// ---------------------------------------------------------------------------- special cells

/** Excel's limit on the characters in one cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** Excel's documented limit on the cells of one range read (values, formulas, formats). */
export const RANGE_READ_LIMIT = 5_000_000;
const MAX_ROWS = 1_048_576;

const boxCells = (b: Box): number => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

type SpecialKind = "Constants" | "Formulas" | "Visible";
type AreasKind = SpecialKind | "Merged";

/** Excel's limit on the merged areas getMergedAreasOrNullObject lists. */
export const MERGED_AREAS_LIMIT = 512;

function specialKind(cellType: string, cellValueType?: string): SpecialKind {
  if (cellType === "Visible" && cellValueType === undefined) return cellType;
  if (cellType !== "Constants" && cellType !== "Formulas") {
    throw new Error(`fake: special cells of type ${cellType} are not modelled`);
  }
  if (cellValueType !== undefined && cellValueType !== "All") {
    throw new Error(`fake: special cells of value type ${cellValueType} are not modelled`);
  }
  return cellType;
}

/**
 * The cells of `kind` inside `box`, as rectangles: the runs of neighbouring cells in each
 * row, a run continued downwards while the next row has the same run. (Real Excel may cut
 * the same cells into other rectangles; the adapter must not depend on which.)
 */
export function specialAreas(sheet: FakeSheet, box: Box, kind: SpecialKind): Box[] {
  if (kind === "Visible") return visibleAreas(sheet, box);
  const hits: Array<[number, number]> = [];
  for (const [k, cell] of sheet.cells) {
    const r = Math.floor(k / MAX_COLUMNS);
    const c = k % MAX_COLUMNS;
    if (r < box.r0 || r > box.r1 || c < box.c0 || c > box.c1) continue;
    const isFormula = cell.formula !== undefined;
    if (kind === "Formulas" ? isFormula : !isFormula && cell.value !== "") hits.push([r, c]);
  }
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const done: Box[] = [];
  let open = new Map<string, Box>();
  let i = 0;
  while (i < hits.length) {
    const row = hits[i][0];
    const next = new Map<string, Box>();
    while (i < hits.length && hits[i][0] === row) {
      const c0 = hits[i][1];
      let c1 = c0;
      while (i + 1 < hits.length && hits[i + 1][0] === row && hits[i + 1][1] === c1 + 1) {
        i++;
        c1++;
      }
      i++;
      const k = `${c0}:${c1}`;
      const above = open.get(k);
      if (above !== undefined && above.r1 === row - 1) {
        above.r1 = row;
        open.delete(k);
        next.set(k, above);
      } else {
        next.set(k, { r0: row, c0, r1: row, c1 });
      }
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/** The box's runs of rows not hidden, each across the box (hidden columns are not modelled). */
function visibleAreas(sheet: FakeSheet, box: Box): Box[] {
  if (box.r0 === box.r1 && box.c0 === box.c1)
    throw new Error(
      "fake: a single cell's visible cells are the whole sheet's in Excel; not modelled"
    );
  const hidden = new Set(sheet.hiddenRows ?? []);
  const areas: Box[] = [];
  for (let r = box.r0; r <= box.r1; r++) {
    if (hidden.has(r)) continue;
    const last = areas[areas.length - 1];
    if (last !== undefined && last.r1 === r - 1) last.r1 = r;
    else areas.push({ r0: r, c0: box.c0, r1: r, c1: box.c1 });
  }
  return areas;
}

/** Merged areas whose top-left cell is in the box. */
function mergedAreas(sheet: FakeSheet, box: Box): Box[] {
  const areas = (sheet.merges ?? []).filter(
    (m) => m.r0 >= box.r0 && m.r0 <= box.r1 && m.c0 >= box.c0 && m.c0 <= box.c1
  );
  if (areas.length > MERGED_AREAS_LIMIT)
    throw new FakeOfficeError("GeneralException", `more than ${MERGED_AREAS_LIMIT} merged areas`);
  return areas.map((m) => ({ ...m }));
}

/** Several rectangles of one sheet (ExcelApi 1.9): special cells, or merged areas (1.13). */
class FakeRangeAreas extends FakeObject {
  protected readonly typeName = "RangeAreas";
  protected readonly loadable = ["address", "areaCount", "cellCount"];

  constructor(
    context: FakeContext,
    private readonly source: FakeRange,
    private readonly kind: AreasKind,
    private readonly orNull: boolean
  ) {
    super(context);
  }

  /** Resolved at sync, like every proxy: the areas as the cells are then. */
  found(): { sheet: FakeSheet; areas: Box[] } | null {
    const [api, version] =
      this.kind === "Merged"
        ? ["Range.getMergedAreasOrNullObject", "1.13"]
        : ["Range.getSpecialCells", "1.9"];
    if (!this.context.excel.isSetSupported("ExcelApi", version)) {
      throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}`);
    }
    const at = this.source.where();
    if (at === null) throw new FakeOfficeError("InvalidOperation", "range is a null object");
    const areas =
      this.kind === "Merged"
        ? mergedAreas(at.sheet, at.box)
        : specialAreas(at.sheet, at.box, this.kind);
    if (areas.length > 0) return { sheet: at.sheet, areas };
    if (this.orNull) return null;
    throw new FakeOfficeError("ItemNotFound", `no cells of type ${this.kind}`);
  }

  protected locate(): unknown {
    return this.found();
  }

  protected read(target: never, p: string): unknown {
    const { sheet, areas } = target as { sheet: FakeSheet; areas: Box[] };
    switch (p) {
      case "address":
        return areas.map((b) => `${quoteSheetName(sheet.name)}!${boxA1(b)}`).join(", ");
      case "areaCount":
        return areas.length;
      case "cellCount": {
        const cells = areas.reduce((n, b) => n + boxCells(b), 0);
        return cells > 2 ** 31 - 1 ? -1 : cells;
      }
      default:
        throw new Error(p);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get areas(): FakeRangeCollection {
    return new FakeRangeCollection(this.context, this);
  }
}

/** RangeAreas.areas: one Range per rectangle; only `items/address` is modelled. */
class FakeRangeCollection extends FakeObject {
  protected readonly typeName = "RangeCollection";
  protected readonly loadable = ["items/address"];

  constructor(
    context: FakeContext,
    private readonly owner: FakeRangeAreas
  ) {
    super(context);
  }

  protected locate(): unknown {
    return this.owner.found();
  }
  protected read(): unknown {
    return undefined;
  }

  override load(properties?: string | string[]): this {
    this.wantedProperties(properties);
    this.context.enqueue({
      bytes: utf8(properties) + 40,
      apply: (_tx, commits) => {
        const found = this.owner.found();
        if (found === null) throw new FakeOfficeError("InvalidOperation", "areas of a null object");
        const { sheet, areas } = found;
        const items = areas.map((b) => `${quoteSheetName(sheet.name)}!${boxA1(b)}`);
        this.context.respond(items.map((address) => ({ address })));
        commits.push(() => {
          const worksheet = new FakeWorksheet(this.context, { id: sheet.id });
          this.preload(
            new Map([
              [
                "items",
                areas.map((b, i) =>
                  new FakeRange(this.context, worksheet, { address: boxA1(b) }).preload(
                    new Map([["address", items[i]]])
                  )
                ),
              ],
            ])
          );
        });
      },
    });
    return this;
  }

  get items(): FakeRange[] {
    return this.get("items");
  }
}

function usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | null {
  let box: Box | null = null;
  for (const [k, cell] of sheet.cells) {
    const hasValue = cell.formula !== undefined || cell.value !== "";
    if (valuesOnly && !hasValue) continue;
    const r = Math.floor(k / 16384);
    const c = k % 16384;
    box =
      box === null
        ? { r0: r, c0: c, r1: r, c1: c }
        : {
            r0: Math.min(box.r0, r),
            c0: Math.min(box.c0, c),
            r1: Math.max(box.r1, r),
            c1: Math.max(box.c1, c),
          };
  }
  return box;
}

/**
 * A range's data validation. As in Excel, a rule is set on a range with none (clear()
 * first otherwise), and the error alert goes with the rule already there.
 */
class FakeDataValidation {
  constructor(
    private readonly worksheet: FakeWorksheet,
    private readonly address: string
  ) {}

  private cell(): string {
    const box = parseBox(this.address);
    if (box === "columns" || box.r0 !== box.r1 || box.c0 !== box.c1)
      throw new FakeOfficeError("InvalidCellAddress", this.address);
    return boxA1(box);
  }

  clear(): void {
    this.worksheet.change(utf8(this.address), (_tx, s) => {
      const a = this.cell();
      s.validations = s.validations.filter((v) => v.address !== a);
    });
  }

  set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
    this.worksheet.change(utf8([this.address, rule]), (_tx, s) => {
      const a = this.cell();
      if (!rule.list) throw new Error("fake: only list rules are modelled");
      if (!rule.list.source.startsWith("="))
        throw new Error("fake: this add-in's list source is a range formula");
      if (s.validations.some((v) => v.address === a))
        throw new FakeOfficeError("InvalidOperation", `${a} already has a validation rule`);
      s.validations.push({ address: a, ...rule.list });
    });
  }

  set errorAlert(alert: { showAlert: boolean; style: string; title: string; message: string }) {
    this.worksheet.change(utf8([this.address, alert]), (_tx, s) => {
      const a = this.cell();
      const v = s.validations.find((x) => x.address === a);
      if (!v) throw new FakeOfficeError("InvalidOperation", `${a} has no validation rule`);
      v.alertStyle = alert.style;
    });
  }
}

class FakeRangeFormat {
  constructor(
    private readonly range: FakeRange,
    private readonly worksheet: FakeWorksheet | null,
    private readonly address: string
  ) {}

  set columnWidth(points: number) {
    if (!/^[A-Za-z]{1,3}:[A-Za-z]{1,3}$/.test(this.address)) {
      throw new Error('fake: set column widths on whole columns ("A:C")');
    }
    const [c0, c1] = columnsOf(this.address);
    (this.worksheet as FakeWorksheet).change(utf8(points), (_tx, s) => {
      if (!(points >= 0 && points <= 255 * 7.5))
        throw new FakeOfficeError("InvalidArgument", `width ${points}`);
      for (let c = c0; c <= c1; c++) s.columnWidths.set(c, points);
    });
  }

  get font(): { bold: boolean; italic: boolean; size: number; color: string } {
    const range = this.range;
    return {
      set bold(v: boolean) {
        range.style(utf8(v), { bold: v });
      },
      set italic(v: boolean) {
        range.style(utf8(v), { italic: v });
      },
      set size(v: number) {
        range.style(utf8(v), { size: v });
      },
      set color(v: string) {
        range.style(utf8(v), { color: v });
      },
    } as { bold: boolean; italic: boolean; size: number; color: string };
  }

  get fill(): { color: string } {
    const range = this.range;
    return {
      set color(v: string) {
        range.style(utf8(v), { fill: v });
      },
    } as { color: string };
  }
}

// ---------------------------------------------------------------------------- tables

class FakeTableCollection extends FakeObject {
  protected readonly typeName = "TableCollection";
  protected readonly loadable = ["items/name", "items/id"];

  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet | null
  ) {
    super(context);
  }

  protected locate(): unknown {
    return null;
  }
  protected read(): unknown {
    return undefined;
  }

  override load(properties?: string | string[]): this {
    const wanted = this.wantedProperties(properties);
    this.context.enqueue({
      bytes: utf8(wanted) + 40,
      apply: (_tx, commits) => {
        const sheet = this.worksheet?.sheet();
        if (sheet === null)
          throw new FakeOfficeError("InvalidOperation", "tables of a null worksheet");
        const found = this.context.state.tables.filter(
          (t) => sheet === undefined || t.sheetId === sheet.id
        );
        const items = found.map((t) => ({
          id: t.id,
          data: new Map<string, unknown>(
            wanted.map((p) => [p.slice(6), p === "items/name" ? t.name : t.id])
          ),
        }));
        this.context.respond(items.map((i) => Object.fromEntries(i.data)));
        commits.push(() =>
          this.preload(
            new Map([
              ["items", items.map((i) => new FakeTableProxy(this.context, i.id).preload(i.data))],
            ])
          )
        );
      },
    });
    return this;
  }

  get items(): FakeTableProxy[] {
    return this.get("items");
  }

  add(address: string, hasHeaders: boolean): FakeTableProxy {
    if (this.worksheet === null) throw new Error("fake: add tables through a worksheet's tables");
    const worksheet = this.worksheet;
    const proxy = new FakeTableProxy(this.context, undefined);
    this.context.enqueue({
      bytes: utf8([address, hasHeaders]) + 40,
      apply: (tx) => {
        const sheet = worksheet.sheet();
        if (sheet === null) throw new FakeOfficeError("InvalidOperation", "null worksheet");
        const box = parseBox(address);
        if (box === "columns") throw new FakeOfficeError("InvalidArgument", address);
        const state = this.context.state;
        const overlaps = state.tables.some(
          (t) =>
            t.sheetId === sheet.id &&
            !(t.box.r1 < box.r0 || box.r1 < t.box.r0 || t.box.c1 < box.c0 || box.c1 < t.box.c0)
        );
        if (overlaps) throw new FakeOfficeError("InvalidOperation", "tables cannot overlap");
        if (!hasHeaders) throw new Error("fake: only tables with headers");
        // Excel gives blank or repeated headers names of its own.
        const seen = new Set<string>();
        for (let c = box.c0; c <= box.c1; c++) {
          const k = cellKey(box.r0, c);
          const cell = sheet.cells.get(k);
          let header =
            cell === undefined || cell.value === ""
              ? `Column${c - box.c0 + 1}`
              : String(cell.value);
          for (let n = 2; seen.has(key(header)); n++) header = `${header}${n}`;
          seen.add(key(header));
          if (cell === undefined || String(cell.value) !== header || cell.formula !== undefined) {
            tx.setCell(sheet, k, {
              ...(cell ?? { numberFormat: "General" }),
              value: header,
              formula: undefined,
            });
          }
        }
        let n = state.tables.length + 1;
        while (state.tables.some((t) => key(t.name) === key(`Table${n}`))) n++;
        const id = this.context.excel.newId();
        state.tables.push({ id, name: `Table${n}`, sheetId: sheet.id, box });
        proxy.bind(id);
      },
    });
    return proxy;
  }
}

class FakeTableProxy extends FakeObject {
  protected readonly typeName = "Table";
  protected readonly loadable = ["name", "id"];

  constructor(
    context: FakeContext,
    private tableId: string | undefined
  ) {
    super(context);
  }

  bind(id: string): void {
    this.tableId = id;
  }

  table(): FakeTable {
    const t = this.context.state.tables.find((x) => x.id === this.tableId);
    if (t === undefined) throw new FakeOfficeError("ItemNotFound", "table does not exist");
    return t;
  }

  protected locate(): unknown {
    return this.table();
  }
  protected read(target: never, p: string): unknown {
    const t = target as FakeTable;
    return p === "name" ? t.name : t.id;
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.queue(utf8(value), (_tx, t: FakeTable) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value) || value.length > 255) {
        throw new FakeOfficeError("InvalidArgument", `'${value}' is not a valid table name`);
      }
      if (this.context.state.tables.some((x) => x !== t && key(x.name) === key(value))) {
        throw new FakeOfficeError("InvalidArgument", `a table named '${value}' already exists`);
      }
      t.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, null, { table: this });
  }
}

// ---------------------------------------------------------------------------- sheet parts

class FakeCustomProperties {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet
  ) {}

  add(k: string, value: string): FakeCustomProperty {
    if (!this.context.excel.isSetSupported("ExcelApi", "1.12")) {
      throw new FakeOfficeError("ApiNotFound", "Worksheet.customProperties needs ExcelApi 1.12");
    }
    this.worksheet.change(utf8([k, value]), (_tx, s) => {
      if (k === "" || k.length > 255 || typeof value !== "string")
        throw new FakeOfficeError("InvalidArgument", k);
      s.properties.set(k, value);
    });
    return new FakeCustomProperty(this.context, this.worksheet, k);
  }

  getItemOrNullObject(k: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, this.worksheet, k);
  }
}

class FakeCustomProperty extends FakeObject {
  protected readonly typeName = "WorksheetCustomProperty";
  protected readonly loadable = ["key", "value"];

  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly k: string
  ) {
    super(context);
  }

  protected locate(): unknown {
    const sheet = this.worksheet.sheet();
    if (sheet === null) return null;
    const found = [...sheet.properties.entries()].find(([x]) => key(x) === key(this.k));
    return found === undefined ? null : { key: found[0], value: found[1] };
  }
  protected read(target: never, p: string): unknown {
    return (target as { key: string; value: string })[p as "key" | "value"];
  }
  get value(): string {
    return this.get("value");
  }
  get key(): string {
    return this.get("key");
  }

  /** ExcelApi 1.12; on a null object (no such property) it fails at sync, as Excel's does. */
  delete(): void {
    this.queue(0, (_tx, p: { key: string }) => {
      const sheet = this.worksheet.sheet();
      sheet?.properties.delete(p.key);
    });
  }
}

class FakeFreezePanes {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet
  ) {}

  freezeRows(count = 1): void {
    this.worksheet.change(utf8(count), (_tx, s) => (s.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.worksheet.change(utf8(count), (_tx, s) => (s.freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: string): void {
    if (typeof range !== "string") throw new Error("fake: freezeAt takes an address");
    const box = parseBox(range);
    if (box === "columns" || box.r0 !== 0 || box.c0 !== 0)
      throw new Error("fake: freezeAt from A1");
    this.worksheet.change(
      utf8(range),
      (_tx, s) => (s.freeze = { rows: box.r1 + 1, columns: box.c1 + 1 })
    );
    void this.context;
  }
}

class FakePageLayout {
  constructor(private readonly worksheet: FakeWorksheet) {}
  set orientation(value: string) {
    this.worksheet.change(utf8(value), (_tx, s) => {
      if (value !== "Landscape" && value !== "Portrait")
        throw new FakeOfficeError("InvalidArgument", value);
      s.page = { ...s.page, orientation: value };
    });
  }
  set zoom(value: Record<string, unknown>) {
    this.worksheet.change(utf8(value), (_tx, s) => (s.page = { ...s.page, zoom: { ...value } }));
  }
  set paperSize(value: string) {
    this.worksheet.change(utf8(value), (_tx, s) => {
      if (!PAPER_SIZES.has(value)) throw new FakeOfficeError("InvalidArgument", value);
      s.page = { ...s.page, paperSize: value };
    });
  }
  /** The range must span whole rows ("$5:$6", "5:5"), as Excel's must. */
  setPrintTitleRows(rows: string): void {
    if (typeof rows !== "string") throw new Error("fake: setPrintTitleRows takes an address");
    this.worksheet.change(utf8(rows), (_tx, s) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", rows);
      s.page = { ...s.page, printTitleRows: rows };
    });
  }
  /** The range must span whole columns ("$A:$B"). */
  setPrintTitleColumns(columns: string): void {
    if (typeof columns !== "string") throw new Error("fake: setPrintTitleColumns takes an address");
    this.worksheet.change(utf8(columns), (_tx, s) => {
      if (!/^\$?[A-Z]+:\$?[A-Z]+$/.test(columns))
        throw new FakeOfficeError("InvalidArgument", columns);
      s.page = { ...s.page, printTitleColumns: columns };
    });
  }
  get headersFooters(): { readonly defaultForAllPages: FakeHeaderFooter } {
    return { defaultForAllPages: new FakeHeaderFooter(this.worksheet) };
  }
}

/** Excel.PaperType's values (the common ones the typings list). */
const PAPER_SIZES = new Set(
  "Letter LetterSmall Tabloid Ledger Legal A3 A4 A4Small A5 B4 B5".split(" ")
);

/** A HeaderFooter (ExcelApi 1.9): the footers this add-in sets, as format-code strings. */
class FakeHeaderFooter {
  constructor(private readonly worksheet: FakeWorksheet) {}
  private set(side: "left" | "center" | "right", value: string): void {
    this.worksheet.change(utf8(value), (_tx, s) => {
      if (typeof value !== "string") throw new FakeOfficeError("InvalidArgument", String(value));
      s.page = { ...s.page, footer: { ...s.page.footer, [side]: value } };
    });
  }
  set leftFooter(value: string) {
    this.set("left", value);
  }
  set centerFooter(value: string) {
    this.set("center", value);
  }
  set rightFooter(value: string) {
    this.set("right", value);
  }
}

class FakeNotes {
  constructor(private readonly worksheet: FakeWorksheet) {}
  add(address: string, content: string): void {
    this.worksheet.change(utf8([address, content]), (_tx, s) => {
      const box = parseBox(address);
      if (box === "columns" || box.r0 !== box.r1 || box.c0 !== box.c1) {
        throw new FakeOfficeError("InvalidCellAddress", address);
      }
      const a = boxA1(box);
      if (s.notes.has(a)) throw new FakeOfficeError("InvalidOperation", `${a} already has a note`);
      s.notes.set(a, content);
    });
  }
}

/**
 * worksheet.charts (ExcelApi 1.1). Excel makes one series per row or column of the
 * source (seriesBy; Auto takes rows when the range is wider than tall), named Series1 ….
 */
class FakeCharts {
  constructor(private readonly worksheet: FakeWorksheet) {}
  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    let index = -1;
    this.worksheet.change(utf8([type, seriesBy]), (_tx, s) => {
      const at = source.where();
      if (at === null || at.sheet !== s)
        throw new FakeOfficeError("InvalidArgument", "chart data must be on the sheet");
      const { r0, c0, r1, c1 } = at.box;
      const byRows = seriesBy === "Rows" || ((seriesBy ?? "Auto") === "Auto" && c1 - c0 > r1 - r0);
      const series = byRows
        ? Array.from({ length: r1 - r0 + 1 }, (_, i) => boxA1({ r0: r0 + i, c0, r1: r0 + i, c1 }))
        : Array.from({ length: c1 - c0 + 1 }, (_, i) => boxA1({ r0, c0: c0 + i, r1, c1: c0 + i }));
      const chart: FakeChart = {
        type,
        source: boxA1(at.box),
        seriesBy,
        title: "",
        series: series.map((values, i) => ({ name: `Series${i + 1}`, values })),
        axisTitles: {},
      };
      s.charts = [...s.charts, chart];
      index = s.charts.length - 1;
    });
    return new FakeChartProxy(this.worksheet, () => index);
  }
}

type ChartPatch = (bytes: number, patch: (c: FakeChart) => FakeChart) => void;

/** A title object whose text is all the adapter sets (ChartTitle, ChartAxisTitle). */
function titleSetter(set: (v: string) => void): { text: string } {
  return {
    set text(v: string) {
      set(v);
    },
  } as { text: string };
}

class FakeChartProxy {
  constructor(
    private readonly worksheet: FakeWorksheet,
    private readonly index: () => number
  ) {}

  private readonly update: ChartPatch = (bytes, patch) => {
    this.worksheet.change(bytes, (_tx, s) => {
      const i = this.index();
      if (i < 0 || s.charts[i] === undefined) throw new FakeOfficeError("ItemNotFound", "chart");
      s.charts = s.charts.map((c, j) => (j === i ? patch(c) : c));
    });
  };

  private needs(version: string, what: string): void {
    if (!this.worksheet.context.excel.isSetSupported("ExcelApi", version))
      throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  get title(): { text: string } {
    return titleSetter((v) => this.update(utf8(v), (c) => ({ ...c, title: v })));
  }

  get legend(): { position: string } {
    const update = this.update;
    return {
      set position(v: string) {
        update(utf8(v), (c) => ({ ...c, legend: v }));
      },
    } as { position: string };
  }

  get axes(): {
    categoryAxis: FakeAxis;
    valueAxis: FakeAxis;
    getItem(type: string, group?: string): FakeAxis;
  } {
    return {
      categoryAxis: this.axis("Category"),
      valueAxis: this.axis("Value"),
      getItem: (type: string, group?: string) => {
        this.needs("1.7", "ChartAxes.getItem");
        if (type !== "Category" && type !== "Value")
          throw new FakeOfficeError("InvalidArgument", `axis type ${type}`);
        return this.axis(group === "Secondary" ? `${type} Secondary` : type);
      },
    };
  }

  private axis(key: string): FakeAxis {
    const update = this.update;
    const needs = this.needs.bind(this);
    return {
      title: titleSetter((v) =>
        update(utf8(v), (c) => ({ ...c, axisTitles: { ...c.axisTitles, [key]: v } }))
      ),
      set tickLabelPosition(v: string) {
        needs("1.8", "ChartAxis.tickLabelPosition");
        if (key !== "Category") throw new FakeOfficeError("InvalidArgument", "category axis only");
        update(utf8(v), (c) => ({ ...c, categoryLabels: v }));
      },
    } as FakeAxis;
  }

  get series(): { getItemAt(i: number): FakeSeriesProxy; add(name?: string): FakeSeriesProxy } {
    return {
      getItemAt: (i: number) => new FakeSeriesProxy(this.update, () => i, this.needs.bind(this)),
      add: (name?: string) => {
        this.needs("1.7", "ChartSeriesCollection.add");
        let at = -1;
        // Excel gives a new series no values until setValues; it is named as asked.
        this.update(utf8(name), (c) => {
          at = c.series.length;
          return { ...c, series: [...c.series, { name: name ?? `Series${at + 1}`, values: "" }] };
        });
        return new FakeSeriesProxy(this.update, () => at, this.needs.bind(this));
      },
    };
  }

  setPosition(start: string, end?: string): void {
    parseBox(start);
    if (end !== undefined) parseBox(end);
    this.update(utf8([start, end]), (c) => ({
      ...c,
      position: end === undefined ? [start] : [start, end],
    }));
  }
}

interface FakeAxis {
  title: { text: string };
  tickLabelPosition: string;
}

const SERIES_CHART_TYPES = new Set(["ColumnClustered", "Line", "LineMarkers", "BarClustered"]);

class FakeSeriesProxy {
  constructor(
    private readonly update: ChartPatch,
    private readonly index: () => number,
    private readonly needs: (version: string, what: string) => void
  ) {}

  private patch(bytes: number, change: (x: FakeChartSeries) => FakeChartSeries): void {
    this.update(bytes, (c) => {
      const i = this.index();
      if (c.series[i] === undefined) throw new FakeOfficeError("ItemNotFound", "chart series");
      return { ...c, series: c.series.map((x, j) => (j === i ? change(x) : x)) };
    });
  }

  private boxOf(range: FakeRange): string {
    const at = range.where();
    if (at === null) throw new FakeOfficeError("InvalidArgument", "series data must be a range");
    return boxA1(at.box);
  }

  set name(v: string) {
    this.patch(utf8(v), (x) => ({ ...x, name: v }));
  }

  setValues(range: FakeRange): void {
    this.needs("1.7", "ChartSeries.setValues");
    this.patch(utf8(1), (x) => ({ ...x, values: this.boxOf(range) }));
  }

  setXAxisValues(range: FakeRange): void {
    this.needs("1.7", "ChartSeries.setXAxisValues");
    this.patch(utf8(1), (x) => ({ ...x, xValues: this.boxOf(range) }));
  }

  set chartType(v: string) {
    this.needs("1.7", "ChartSeries.chartType");
    if (!SERIES_CHART_TYPES.has(v)) throw new FakeOfficeError("InvalidArgument", `chart type ${v}`);
    this.patch(utf8(v), (x) => ({ ...x, chartType: v }));
  }

  set axisGroup(v: string) {
    this.needs("1.8", "ChartSeries.axisGroup");
    if (v !== "Primary" && v !== "Secondary")
      throw new FakeOfficeError("InvalidArgument", `axis group ${v}`);
    this.patch(utf8(v), (x) => ({ ...x, axisGroup: v }));
  }
}

// ---------------------------------------------------------------------------- names

/** NamedItem.type as Excel reports it, for the kinds of formula the tests use. */
function nameType(formula: string): string {
  if (formula.includes("#REF!")) return "Error";
  if (
    /^=(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i.test(
      formula
    )
  )
    return "Range";
  return "String";
}

const NAME_PROPS = ["name", "formula", "type"] as const;

function readName(n: FakeName, p: string): unknown {
  return p === "name" ? n.name : p === "formula" ? n.formula : nameType(n.formula);
}

/** workbook.names: workbook-scoped names only (ExcelApi 1.1; add/delete/OrNullObject 1.4). */
class FakeNamedItemCollection extends FakeObject {
  protected readonly typeName = "NamedItemCollection";
  protected readonly loadable = NAME_PROPS.map((p) => `items/${p}`);

  protected locate(): unknown {
    return this.context.state.names;
  }
  protected read(): unknown {
    return undefined;
  }

  override load(properties?: string | string[]): this {
    const wanted = this.wantedProperties(properties);
    if (wanted.length === 0) throw new Error("fake NamedItemCollection: name what to load");
    const props = wanted.map((p) => p.slice("items/".length));
    this.context.enqueue({
      bytes: utf8(wanted) + 40,
      apply: (_tx, commits) => {
        const items = this.context.state.names.map((n) => ({
          name: n.name,
          data: new Map<string, unknown>(props.map((p) => [p, readName(n, p)])),
        }));
        this.context.respond(items.map((i) => Object.fromEntries(i.data)));
        commits.push(() =>
          this.preload(
            new Map([
              [
                "items",
                items.map((i) => new FakeNamedItem(this.context, i.name, false).preload(i.data)),
              ],
            ])
          )
        );
      },
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    return this.get("items");
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name, true);
  }

  /** `reference`: a Range (its sheet and cells, made absolute) or a formula ("=…"). */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    if (!this.context.excel.isSetSupported("ExcelApi", "1.4")) {
      throw new FakeOfficeError("ApiNotFound", "NamedItemCollection.add needs ExcelApi 1.4");
    }
    void comment;
    this.context.enqueue({
      bytes: utf8([name, typeof reference === "string" ? reference : "range"]) + 40,
      apply: () => {
        const state = this.context.state;
        if (
          !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) ||
          name.length > 255 ||
          /^[A-Za-z]{1,3}\d+$/.test(name) ||
          /^[RC]$/i.test(name)
        ) {
          throw new FakeOfficeError("InvalidArgument", `'${name}' is not a valid name`);
        }
        if (state.names.some((n) => key(n.name) === key(name))) {
          throw new FakeOfficeError("ItemAlreadyExists", `a name '${name}' already exists`);
        }
        let formula: string;
        if (typeof reference === "string") {
          if (!reference.startsWith("="))
            throw new FakeOfficeError("InvalidArgument", `'${reference}' is not a formula`);
          formula = reference;
        } else {
          const at = reference.where();
          if (at === null) throw new FakeOfficeError("InvalidArgument", "null range");
          const b = at.box;
          const abs = (r: number, c: number): string => `$${columnLetters(c)}$${r + 1}`;
          const cells =
            b.r0 === b.r1 && b.c0 === b.c1
              ? abs(b.r0, b.c0)
              : `${abs(b.r0, b.c0)}:${abs(b.r1, b.c1)}`;
          formula = `=${quoteSheetName(at.sheet.name)}!${cells}`;
        }
        state.names.push({ name, formula });
      },
    });
    return new FakeNamedItem(this.context, name, false);
  }
}

class FakeNamedItem extends FakeObject {
  protected readonly typeName = "NamedItem";
  protected readonly loadable = NAME_PROPS;

  constructor(
    context: FakeContext,
    private readonly itemName: string,
    private readonly orNull: boolean
  ) {
    super(context);
  }

  protected locate(): unknown {
    const found = this.context.state.names.find((n) => key(n.name) === key(this.itemName));
    if (found !== undefined) return found;
    if (this.orNull) return null;
    throw new FakeOfficeError("ItemNotFound", `no name '${this.itemName}'`);
  }
  protected read(target: never, p: string): unknown {
    return readName(target as FakeName, p);
  }

  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  get type(): string {
    return this.get("type");
  }

  delete(): void {
    this.queue(0, (_tx, n: FakeName) => {
      const state = this.context.state;
      state.names = state.names.filter((x) => x !== n);
    });
  }
}
