/**
 * The production add-in build and the browser preview build, as shipped. Each is built
 * first when missing or stale (test/support/builds.ts), so a fresh clone tests them too.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ADDIN_BUILD, PREVIEW_BUILD, ensureBuilt } from "../support/builds";
import { checkManifest } from "../manifest/manifest-check";

/** A fresh clone builds with webpack here: minutes on a loaded two-core machine. */
const BUILD_TIMEOUT = 600_000;

/** The task pane's JavaScript budget in Excel: what taskpane.html loads, gzipped. */
const BUDGET_GZIP_BYTES = 400 * 1024;
/** Text only ExcelJS carries: it must never reach the bundle Excel loads. */
const EXCELJS_MARKER = "xl/sharedStrings.xml";

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe("production build", () => {
  let dist = "";
  let bundles: string[] = [];
  beforeAll(() => {
    dist = path.dirname(ensureBuilt(ADDIN_BUILD).marker);
    bundles = readdirSync(dist).filter((f) => f.endsWith(".js"));
  }, BUILD_TIMEOUT);

  it("has no eval or Function constructor in any bundle", () => {
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    for (const file of bundles) {
      const code = readFileSync(path.join(dist, file), "utf8");
      expect({ file, evals: code.match(/\beval\(|new Function\(/g) ?? [] }).toEqual({
        file,
        evals: [],
      });
    }
  });

  it("generates functions.json with the ESTAB functions associated in the runtime", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: Array<{ id: string }>;
    };
    const code = readFileSync(path.join(dist, "functions.js"), "utf8");
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions)
      expect(code).toContain(`CustomFunctions.associate("${f.id}"`);
  });

  it("rewrites the manifest to the HTTPS production URL and keeps it sound", () => {
    const manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(checkManifest(manifest, path.join(dist, "assets"))).toEqual([]);
  });

  it("loads both bundles in the one shared-runtime page", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script[^>]+src="?functions\.js/);
    expect(html).toMatch(/<script[^>]+src="?taskpane\.js/);
  });

  it(`keeps the task pane's main bundle under ${BUDGET_GZIP_BYTES / 1024} KiB gzipped, without ExcelJS`, () => {
    const main = path.join(dist, "taskpane.js");
    const functions = path.join(dist, "functions.js");
    const sizes = { taskpane: gzipped(main), functions: gzipped(functions) };
    console.log(
      `Production bundles, gzipped: taskpane.js ${kib(sizes.taskpane)}, functions.js ${kib(sizes.functions)} ` +
        `(both load in the shared runtime: ${kib(sizes.taskpane + sizes.functions)})`
    );
    expect(sizes.taskpane).toBeLessThan(BUDGET_GZIP_BYTES);
    expect(readFileSync(main, "utf8")).not.toContain(EXCELJS_MARKER);
    // The add-in build has no preview: no lazy chunks at all.
    expect(bundles.sort()).toEqual(["functions.js", "taskpane.js"]);
  });
});

describe("preview build (dist-preview)", () => {
  let preview = "";
  beforeAll(() => {
    preview = path.dirname(ensureBuilt(PREVIEW_BUILD).marker);
  }, BUILD_TIMEOUT);

  it("loads ExcelJS only in its own lazy chunk", () => {
    expect(readFileSync(path.join(preview, "taskpane.js"), "utf8")).not.toContain(EXCELJS_MARKER);
    expect(readFileSync(path.join(preview, "exceljs.js"), "utf8")).toContain(EXCELJS_MARKER);
    console.log(
      `Preview bundles, gzipped: taskpane.js ${kib(gzipped(path.join(preview, "taskpane.js")))}, ` +
        `preview.js ${kib(gzipped(path.join(preview, "preview.js")))}, ` +
        `xlsx.js ${kib(gzipped(path.join(preview, "xlsx.js")))}, ` +
        `exceljs.js ${kib(gzipped(path.join(preview, "exceljs.js")))}`
    );
  });
});
