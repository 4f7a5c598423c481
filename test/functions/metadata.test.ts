/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts (by the same
 * generator the webpack plugin runs); the tests for HyperFormula use the table in
 * definitions.ts. This proves the two describe the same functions: names, parameters,
 * optional parameters, ranges, spilling results and help text.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS } from "../../src/functions/definitions";
import * as excelFunctions from "../../src/functions/functions";

interface Metadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters: Array<{
      name: string;
      description?: string;
      optional?: boolean;
      dimensionality?: string;
      type?: string;
    }>;
    result?: { dimensionality?: string; type?: string };
  }>;
}

const SOURCE = path.join(__dirname, "../../src/functions/functions.ts");

describe("generated functions.json against the definitions table", () => {
  let metadata: Metadata;
  let associate: Array<{ functionName: string; id: string }>;

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE);
    expect(result.errors).toEqual([]);
    metadata = JSON.parse(result.metadataJson) as Metadata;
    associate = result.associate;
  });

  it("has exactly the functions of the table", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    "ESTAB.%s: parameters, optional, ranges, spill and help",
    (_n, def) => {
      const meta = metadata.functions.find((f) => f.id === def.name);
      expect(meta).toBeDefined();
      expect(meta?.description).toBe(def.help);
      expect(meta?.parameters.map((p) => p.name)).toEqual(def.params.map((p) => p.name));
      expect(meta?.parameters.map((p) => p.optional === true)).toEqual(
        def.params.map((p) => p.optional === true)
      );
      expect(meta?.parameters.map((p) => p.dimensionality === "matrix")).toEqual(
        def.params.map((p) => p.kind === "range")
      );
      expect(meta?.parameters.map((p) => p.description)).toEqual(def.params.map((p) => p.help));
      expect(meta?.result?.dimensionality === "matrix").toBe(def.result === "matrix");
      // Optional parameters come last: Excel cannot skip to a required one.
      const firstOptional = def.params.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(def.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  );

  it("associates every id with a function functions.ts exports", () => {
    const exported = excelFunctions as Record<string, unknown>;
    expect(associate.map((a) => a.id).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const a of associate) expect(typeof exported[a.functionName]).toBe("function");
  });
});

describe("a JSDoc error", () => {
  it("is reported by the generator (the webpack plugin fails the build on it)", async () => {
    const result = await generateCustomFunctionsMetadata(
      path.join(__dirname, "fixtures/bad-functions.ts")
    );
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.join("\n")).toMatch(/does not support type "Date"/);
    expect(result.errors.join("\n")).toMatch(/duplicate/i);
  });
});
