/**
 * No function in src/core over 120 lines: a sheet is a list of short sections. The few
 * builders not yet split into sections are listed by name; each must still be long (so
 * the list only shrinks) and nothing else may grow past the limit.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const CORE = path.join(__dirname, "../../src/core");
const LIMIT = 120;

/** Still to be split: none (issue 16); a builder that grows past the limit is split into sections. */
const NOT_YET_SPLIT = new Set<string>([]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function longFunctions(file: string): Array<{ name: string; lines: number }> {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Array<{ name: string; lines: number }> = [];
  const visit = (node: ts.Node, owner: string) => {
    let name = owner;
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node))
      name = node.name?.getText(sf) ?? owner;
    else if (ts.isVariableDeclaration(node)) name = node.name.getText(sf);
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > LIMIT) out.push({ name, lines: end - start + 1 });
    }
    ts.forEachChild(node, (child) => visit(child, name));
  };
  visit(sf, "(module)");
  return out;
}

describe("src/core functions", () => {
  const long = sources(CORE).flatMap((f) =>
    longFunctions(f).map((x) => ({ ...x, at: `${path.relative(CORE, f)}:${x.name}` }))
  );

  it(`are at most ${LIMIT} lines, but for the builders not yet split into sections`, () => {
    expect(long.filter((x) => !NOT_YET_SPLIT.has(x.at))).toEqual([]);
  });

  it("lists only builders that are still long", () => {
    const still = new Set(long.map((x) => x.at));
    expect([...NOT_YET_SPLIT].filter((at) => !still.has(at))).toEqual([]);
  });
});
