/**
 * Every ESTAB function on hostile arguments: huge, tiny, negative, NaN-ish text, 32,767-
 * character text, empty and 1000×1000 ranges, errors inside ranges. Each call must give a
 * value (finite numbers only) or an EstabFunctionError with a message, and must come back:
 * the work is bounded by the arguments' checks, not by a timer. Jest's timeout is only the
 * backstop for a call that would never return; no test here measures speed
 * (bench/functions-ranges.bench.ts does).
 */
import fc from "fast-check";
import { FUNCTIONS, runFunction, type FunctionDef } from "../../src/functions/definitions";
import { toArg } from "../../src/functions/args";
import { EstabFunctionError } from "../../src/functions/errors";

/** An error value inside a range, as Excel hands one over: it passes through unchanged. */
class CellError extends Error {}
const REF = new CellError("#REF!");

const HOSTILE = [
  1e308,
  -1e308,
  1e300,
  5e-324,
  -5e-324,
  0,
  -0,
  1,
  -1,
  0.1,
  0.5,
  37,
  52,
  2024,
  2025,
  45536,
  2 ** 53 + 1,
  Number.MAX_VALUE,
  Infinity,
  -Infinity,
  NaN,
  "1e999",
  "-1e999",
  "1e308",
  "NaN",
  "Infinity",
  "£1e308",
  "£20,862",
  "(1,200)",
  "19%",
  "1e-320",
  "2025/26",
  "2024/26",
  "01/09/2024",
  "9".repeat(400),
  "1".repeat(32_767),
  `${"1".repeat(32_000)}x`,
  "x".repeat(32_767),
  "all",
  "total",
  "months",
  "Levy",
  "#N/A",
  "",
  " ",
  null,
  undefined,
  true,
  false,
];

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
);

/** A rectangular range of up to 5×5 cells, sometimes with an error value inside. */
const smallRange: fc.Arbitrary<unknown[][]> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, columns]) =>
    fc.array(
      fc.array(
        fc.oneof({ weight: 12, arbitrary: cell }, { weight: 1, arbitrary: fc.constant(REF) }),
        {
          minLength: columns,
          maxLength: columns,
        }
      ),
      { minLength: rows, maxLength: rows }
    )
  );

const range: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: smallRange },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], [[]], [[null]], [[""]]) },
  // A scalar where a range is due, and the other way round, as Excel allows.
  { weight: 2, arbitrary: cell }
);

const argsFor = (def: FunctionDef): fc.Arbitrary<unknown[]> =>
  fc
    .tuple(
      ...def.params.map((p) =>
        p.kind === "range"
          ? range
          : fc.oneof({ weight: 5, arbitrary: cell }, { weight: 1, arbitrary: smallRange })
      )
    )
    .chain((args) => fc.integer({ min: 0, max: args.length }).map((n) => args.slice(0, n)));

/** Calls a function as the Excel door does, and says what came back. */
function outcome(name: string, args: readonly unknown[]): "value" | "error" | "cell-error" {
  let result;
  try {
    result = runFunction(name, args.map(toArg));
  } catch (e) {
    if (e === REF) return "cell-error";
    // Anything but an EstabFunctionError with a message is a bug showing through.
    if (!(e instanceof EstabFunctionError)) throw e;
    expect(["invalidValue", "invalidNumber"]).toContain(e.code);
    expect(e.message.length).toBeGreaterThan(5);
    expect(e.message.length).toBeLessThan(400);
    return "error";
  }
  const numbers = Array.isArray(result) ? result.flat() : [result];
  expect(numbers.filter((x) => typeof x === "number" && !Number.isFinite(x))).toEqual([]);
  if (typeof result === "string") expect(result.length).toBeLessThan(100);
  return "value";
}

describe("the fourteen functions on hostile arguments", () => {
  it("are all here", () => {
    expect(FUNCTIONS.map((f) => f.name)).toHaveLength(14);
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    "%s gives a value or an error with a message, never anything else",
    (_name, def) => {
      fc.assert(
        fc.property(argsFor(def), (args) => {
          outcome(def.name, args);
        }),
        { numRuns: 300 }
      );
    }
  );
});

describe("hostile arguments from the issue", () => {
  it("ESTAB.ALLOCATE(1e300, {0.37;0.33;0.3}, 0.1) comes back with an error, not a hang", () => {
    expect(() => runFunction("ALLOCATE", [1e300, [[0.37], [0.33], [0.3]], 0.1])).toThrow(
      expect.objectContaining({
        code: "invalidNumber",
        message: expect.stringMatching(/more than the 10,000,000 units one share-out can count/),
      })
    );
  });

  it("arguments beyond the readers' limits are errors with the range, not nonsense figures", () => {
    const refused: Array<[string, unknown[], RegExp]> = [
      ["LEVY", [1e308, 2025], /pay must be from 0 to 100,000,000,000 \(was 1e\+308\)/],
      [
        "LEVY",
        [30000, 1e308],
        /fy must be a financial year such as "2024\/25" or 2024, or a date in it/,
      ],
      ["PENSION", ["1e999", 0.19], /pay is too large to be a figure/],
      ["POSTCOST", [30000, 20000, 2025], /fte must be from 0 to 10,000 \(was 20000\)/],
      ["POSTCOST", [1e8, 1, 2025], /salary must be from 0 to 10,000,000/],
      ["EMPLOYERNI", [30000, 2025, 1e6], /people must be more than 0, up to 100,000/],
      ["AGENCYCOST", [1e308, 37, 52], /hourlyRate must be 10,000 or less/],
      ["AGENCYSAVING", [35, 37, 52, Infinity], /permanentCost must be a finite number/],
      [
        "NEEDINDEX",
        [[[1e308]], [[0.2]], [[3]], [[0.5, 0.3, 0.2]]],
        /population value 1 must be from 0 to 100,000,000/,
      ],
      ["ALLOCATE", [10, [[1e308], [1e308]]], /shares add up to more than a number can hold/],
    ];
    for (const [name, args, message] of refused)
      expect(() => runFunction(name, args.map(toArg))).toThrow(
        expect.objectContaining({ code: "invalidNumber", message: expect.stringMatching(message) })
      );
  });

  it("a message quotes at most 40 characters of what was typed", () => {
    const long = "x".repeat(32_767);
    const calls: Array<[string, unknown[]]> = [
      ["POSTCOST", [30000, 1, 2025, null, null, null, null, null, [[long, 1]]]],
      ["POSTCOST", [long, 1, 2025]],
      ["POSTCOST", [30000, 1, 2025, null, null, null, null, long]],
      ["FINYEAR", [long]],
      ["LEVY", [30000, 2025, long]],
      ["PENSION", [30000, long]],
    ];
    for (const [name, args] of calls) {
      let message = "";
      try {
        runFunction(name, args.map(toArg));
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/x{37}\.\.\./);
      expect(message.length).toBeLessThan(400);
    }
  });

  it("a points range longer than a grade can be is refused by its size", () => {
    const points = Array.from({ length: 1001 }, (_, i) => [20_000 + i]);
    expect(() => runFunction("SALARY", [points, 1, 5])).toThrow(
      expect.objectContaining({
        message: "points has 1,001 cells; a grade has at most 1,000 points",
      })
    );
    expect(runFunction("SALARY", [points.slice(0, 1000), 1, 5])).toBe(20_005);
  });
});

describe("1000×1000 ranges in every range argument", () => {
  const side = 1000;
  const square = (f: (r: number, c: number) => unknown): unknown[][] =>
    Array.from({ length: side }, (_, r) => Array.from({ length: side }, (_, c) => f(r, c)));
  const big: Array<[string, unknown[][]]> = [
    ["figures", square((r, c) => ((r * 7 + c * 13) % 97) + 1)],
    ["blank", square(() => null)],
    ["huge", square(() => 1e308)],
    ["text", square(() => "1e999")],
    ["an error in the last cell", square((r, c) => (r === side - 1 && c === side - 1 ? REF : 1))],
  ];
  /** Ordinary values for every argument, so the big range is what is tested. */
  const typical: Record<string, unknown> = {
    date: 45536,
    start: null,
    end: null,
    fy: "2025/26",
    firstFy: "2025/26",
    baseFy: "2025/26",
    pay: 30000,
    salary: 30000,
    fte: 1,
    years: 3,
    point: 1,
    total: 100,
    unit: 0.1,
    hourlyRate: 35,
    hoursPerWeek: 37,
    weeks: 52,
    permanentCost: 40000,
  };

  const cases = FUNCTIONS.flatMap((def) =>
    def.params.flatMap((p, i) =>
      p.kind !== "range"
        ? []
        : big.map(([what, values]) => [`${def.name} ${p.name}: ${what}`, def, i, values] as const)
    )
  );

  it.each(cases)(
    "%s comes back with a value or an error",
    (_label, def, index, values) => {
      const args = def.params.map((p, i) => (i === index ? values : (typical[p.name] ?? null)));
      expect(["value", "error", "cell-error"]).toContain(outcome(def.name, args));
    },
    120_000
  );
});
