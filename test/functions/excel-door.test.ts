/**
 * The functions as Excel calls them (src/functions/functions.ts): omitted optional
 * arguments arrive as null, ranges as 2-D arrays, and every failure is thrown as
 * CustomFunctions.Error (#VALUE! with a message: the one error besides #N/A whose message
 * Excel shows) inside Excel, or as the same
 * EstabFunctionError outside it. Never a bare exception, never a silent 0.
 */
import * as estab from "../../src/functions/functions";
import { EXCEL_ERROR, EstabFunctionError, functionError } from "../../src/functions/errors";
import { niForPay, postCostInYear } from "../../src/core/costing";

/** Stand-in for Excel's runtime: the real one exists only inside Excel. */
class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}
const FAKE_RUNTIME = {
  Error: FakeCustomFunctionsError,
  // CustomFunctions.ErrorCode's values are the cell's error text.
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

describe("the Excel door, outside Excel", () => {
  it("takes null for omitted optional arguments, as Excel passes them", () => {
    expect(estab.employerNi(25000, "2024/25", null as never, null as never, null as never)).toBe(
      2194.75
    );
    expect(
      estab.postCost(
        25000,
        1,
        2024,
        1,
        null as never,
        null as never,
        0.19,
        null as never,
        null as never
      )
    ).toBe(postCostInYear({ salary: 25000, fte: 1, headcount: 1, pensionRate: 0.19 }, 2024).total);
  });

  it("reads text money and percentages as establishment tables hold them", () => {
    expect(estab.employerNi("£30,000", "2025/26", 3)).toBe(niForPay(30000, 2025, { people: 3 }));
    expect(estab.pension("25000", "19%")).toBe(4750);
  });

  it("takes ranges as rows of cells and spills rows of numbers", () => {
    expect(estab.allocate(10, [[0.37], [0.33], [0.3]], 0.5)).toEqual([[3.5], [3.5], [3]]);
    expect(estab.allocate(10, [[0.37, 0.33, 0.3]], 0.5)).toEqual([[3.5, 3.5, 3]]);
    expect(estab.salaryAt([[24000], [24600], [25200]], 1, 5)).toBe(25200);
    expect(estab.finYear(45536)).toBe("2024/25");
  });

  it("throws EstabFunctionError with why (wrong kind, or out of range) and a message", () => {
    const bad = thrown(() => estab.employerNi("lots", 2025));
    expect(bad).toBeInstanceOf(EstabFunctionError);
    expect(bad).toMatchObject({
      code: "invalidValue",
      message: 'pay must be a number (was "lots")',
    });
    expect(thrown(() => estab.allocate(10, [[0], [0]]))).toMatchObject({ code: "invalidNumber" });
    expect(thrown(() => estab.agencyCost(-1, 37, 52))).toMatchObject({
      code: "invalidNumber",
      message: expect.stringMatching(/hourly rate/),
    });
  });

  it("turns a value Excel cannot read inside a range into #VALUE!", () => {
    expect(thrown(() => estab.allocate(10, [[{ type: "Entity" }]]))).toMatchObject({
      code: "invalidValue",
    });
  });
});

/** The cell errors Excel shows a custom message with (CustomFunctions.ErrorCode docs). */
const SHOWS_MESSAGE = ["#VALUE!", "#N/A"];

describe("the Excel door, inside Excel", () => {
  const g = globalThis as { CustomFunctions?: unknown };
  const before = g.CustomFunctions;
  beforeAll(() => {
    g.CustomFunctions = FAKE_RUNTIME;
  });
  afterAll(() => {
    g.CustomFunctions = before;
  });

  it("throws CustomFunctions.Error with the Excel error code and the message", () => {
    const e = thrown(() => estab.postCost(25000, 1, "2024/26"));
    expect(e).toBeInstanceOf(FakeCustomFunctionsError);
    expect(e).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/financial year/) });
    // A number out of range is #VALUE! too: Excel drops the message of a #NUM!.
    expect(thrown(() => estab.allocate(10.05, [[1], [2]], 0.1))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/not a whole number of 0.1 FTE units/),
    });
    expect(thrown(() => estab.agencyCost(-1, 37, 52))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/hourly rate/),
    });
  });

  it("gives every failure as an error Excel shows a message with, the message intact", () => {
    // Argument checks, the core's RangeError and SharesInputError, and an unexpected error.
    const failures: Array<() => unknown> = [
      () => estab.employerNi("lots", 2025),
      () => estab.postCost(-1, 1, "2024/25"),
      () => estab.pension(25000, 190),
      () => estab.allocate(10, [[0], [0]]),
      () => estab.finYear(12),
      () => estab.postCost(25000, 1, "2024/25", null as never, 45658, 45413),
      () => estab.agencyCost(-35, 37, 52), // the core's RangeError
    ];
    for (const f of failures) {
      const e = thrown(f) as FakeCustomFunctionsError;
      expect(e).toBeInstanceOf(FakeCustomFunctionsError);
      expect(SHOWS_MESSAGE).toContain(e.code);
      expect(e.message.length).toBeGreaterThan(10);
    }
    for (const code of Object.values(EXCEL_ERROR))
      expect(["invalidValue", "notAvailable"]).toContain(code);
  });

  it("builds the same error through functionError", () => {
    expect(functionError("invalidNumber", "x")).toBeInstanceOf(FakeCustomFunctionsError);
  });
});
