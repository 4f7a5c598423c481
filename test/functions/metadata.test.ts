/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts (by the same
 * generator the webpack plugin runs); the tests for HyperFormula use the table in
 * definitions.ts. This proves the two describe the same functions: names, parameters,
 * optional parameters, ranges, spilling results and help text.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS } from "../../src/functions/definitions";
import * as excelFunctions from "../../src/functions/functions";

interface Metadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
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

/** An A1 (A1 to XFD1048576) or R1C1 cell reference: Excel would read the name as a cell. */
function isCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})([0-9]+)$/.exec(name);
  if (a1) {
    const column = [...a1[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    return column <= 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576;
  }
  return /^R[0-9]+C[0-9]+$/.test(name);
}

describe("the functions' names, as Excel's custom functions naming rules have them", () => {
  let metadata: Metadata;
  beforeAll(async () => {
    metadata = JSON.parse((await generateCustomFunctionsMetadata(SOURCE)).metadataJson) as Metadata;
  });

  it("start with a letter, are at least three characters, of A–Z, 0–9, _ and . only", () => {
    for (const f of metadata.functions) {
      expect({ id: f.id, ok: /^[A-Z][A-Z0-9_.]{2,}$/.test(f.id) }).toEqual({ id: f.id, ok: true });
      expect(f.name).toBe(f.id); // no aliases: the name Excel shows is the id
      expect(isCellReference(f.id)).toBe(false);
    }
    expect(isCellReference("FY1")).toBe(true);
    expect(isCellReference("R1C1")).toBe(true);
  });

  it("have no short ids left, not even as aliases (ESTAB.FY and ESTAB.NI were renamed)", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["FINYEAR", "EMPLOYERNI"]));
    expect(ids).not.toContain("FY");
    expect(ids).not.toContain("NI");
  });

  it("each have a helpUrl to their own section of the shipped help page", () => {
    const help = readFileSync(path.join(__dirname, "../../src/help/help.html"), "utf8");
    for (const f of metadata.functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#estab-${f.id.toLowerCase()}`);
      const section = new RegExp(
        `<section id="estab-${f.id.toLowerCase()}">[\\s\\S]*?<p class="signature">ESTAB\\.${f.id}\\(([^)]*)\\)</p>`
      ).exec(help);
      expect({ id: f.id, found: section !== null }).toEqual({ id: f.id, found: true });
      // The signature on the page lists the parameters Excel shows, optional ones in [ ].
      const shown = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      expect({ id: f.id, signature: section?.[1] }).toEqual({ id: f.id, signature: shown });
    }
  });

  it("are the only ESTAB functions any formula in src/ or the docs uses", () => {
    const known = new Set(FUNCTIONS.map((f) => f.name));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = path.join(dir, f);
        return statSync(p).isDirectory() ? files(p) : [p];
      });
    const root = path.join(__dirname, "../..");
    const sources = [
      ...files(path.join(root, "src")),
      ...files(path.join(root, "docs")).filter((f) => f.endsWith(".md")),
      path.join(root, "README.md"),
    ];
    const unknown: string[] = [];
    for (const file of sources.filter((f) => /\.(ts|tsx|md|html)$/.test(f)))
      for (const m of readFileSync(file, "utf8").matchAll(/ESTAB\.([A-Z][A-Z0-9_.]*)\(/g))
        if (!known.has(m[1])) unknown.push(`${path.relative(root, file)}: ESTAB.${m[1]}`);
    expect(unknown).toEqual([]);
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
