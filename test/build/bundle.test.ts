/**
 * The production add-in build and the browser preview build, as shipped. Each is built
 * first when missing or stale (test/support/builds.ts), so a fresh clone tests them too.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import webpack from "webpack";
import { ADDIN_BUILD, PREVIEW_BUILD, ROOT, ensureBuilt } from "../support/builds";
import { checkManifest } from "../manifest/manifest-check";
import { MIN_EXCEL_API } from "../../src/excel/run";

/** A fresh clone builds with webpack here: minutes on a loaded two-core machine. */
const BUILD_TIMEOUT = 600_000;

/** The task pane's JavaScript budget in Excel: everything taskpane.html loads, gzipped. */
const BUDGET_GZIP_BYTES = 400 * 1024;
/** Text only ExcelJS carries: it must never reach the bundle Excel loads. */
const EXCELJS_MARKER = "xl/sharedStrings.xml";
/**
 * Text of core modules both the task pane and the functions use (core/changes/agency.ts,
 * core/shares): it must be in the shared chunk, once, and in neither entry.
 */
const CORE_MARKERS = ["The agency ", "Every share is zero"];
/** What taskpane.html loads, in order: one webpack runtime, the shared core, the two entries. */
const PAGE_SCRIPTS = ["runtime.js", "shared.js", "taskpane.js", "functions.js"];
/** The base URL the production build is made for (ESTAB_BASE_URL unset). */
const BASE_URL = process.env.ESTAB_BASE_URL || "https://estab.example.org/";

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe("production build", () => {
  let dist = "";
  let bundles: string[] = [];
  beforeAll(() => {
    dist = path.dirname(ensureBuilt(ADDIN_BUILD).marker);
    bundles = readdirSync(dist).filter((f) => f.endsWith(".js"));
  }, BUILD_TIMEOUT);

  it("is the four bundles of the one shared-runtime page, and no lazy chunk", () => {
    expect(bundles.sort()).toEqual([...PAGE_SCRIPTS].sort());
  });

  it("has no eval or Function constructor in any bundle", () => {
    for (const file of bundles) {
      const code = readFileSync(path.join(dist, file), "utf8");
      expect({ file, evals: code.match(/\beval\(|new Function\(/g) ?? [] }).toEqual({
        file,
        evals: [],
      });
    }
  });

  it("loads the core once: its modules are in shared.js only", () => {
    for (const marker of CORE_MARKERS) {
      const holders = bundles.filter((f) =>
        readFileSync(path.join(dist, f), "utf8").includes(marker)
      );
      expect({ marker, holders }).toEqual({ marker, holders: ["shared.js"] });
    }
  });

  it("generates functions.json with the ESTAB functions associated in the runtime", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: Array<{ id: string; helpUrl?: string }>;
    };
    const code = readFileSync(path.join(dist, "functions.js"), "utf8");
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions)
      expect(code).toContain(`CustomFunctions.associate("${f.id}"`);
  });

  it("points every function's helpUrl at its section of the deployed help.html", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: Array<{ id: string; helpUrl?: string }>;
    };
    const help = readFileSync(path.join(dist, "help.html"), "utf8");
    for (const f of metadata.functions) {
      const anchor = `estab-${f.id.toLowerCase()}`;
      expect(f.helpUrl).toBe(`${BASE_URL}help.html#${anchor}`);
      // The build minifies HTML: attribute quotes may be gone.
      expect(help).toMatch(new RegExp(`id="?${anchor}[" >]`));
    }
  });

  it("rewrites the manifest to the HTTPS production URL and keeps it sound", () => {
    const manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`<SupportUrl DefaultValue="${BASE_URL}help.html#support" />`);
    expect(
      checkManifest(manifest, { assetsDir: path.join(dist, "assets"), excelApi: MIN_EXCEL_API })
    ).toEqual([]);
  });

  it("loads the runtime, the shared core and both entries in the one shared-runtime page", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)]
      .map((m) => m[1])
      .filter((src) => !src.startsWith("https://"));
    expect(scripts).toEqual(PAGE_SCRIPTS);
    // help.html, the support page, is served beside it.
    expect(readFileSync(path.join(dist, "help.html"), "utf8")).toContain(
      "<title>Establishment Costing: help</title>"
    );
  });

  it(`keeps what the page loads under ${BUDGET_GZIP_BYTES / 1024} KiB gzipped, without ExcelJS`, () => {
    const sizes = Object.fromEntries(PAGE_SCRIPTS.map((f) => [f, gzipped(path.join(dist, f))]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.log(
      `Production bundles, gzipped: ${PAGE_SCRIPTS.map((f) => `${f} ${kib(sizes[f])}`).join(", ")} ` +
        `(all four load in the shared runtime: ${kib(total)})`
    );
    expect(total).toBeLessThan(BUDGET_GZIP_BYTES);
    for (const f of PAGE_SCRIPTS)
      expect(readFileSync(path.join(dist, f), "utf8")).not.toContain(EXCELJS_MARKER);
  });
});

/**
 * The build fails on a metadata error: the add-in's own webpack config, with the functions
 * entry and the metadata plugin's input swapped for a file the generator rejects, built
 * (the small entry alone) into a scratch folder.
 */
describe("a custom functions metadata error", () => {
  it(
    "fails the production build",
    async () => {
      // webpack.config.js is CommonJS outside the TypeScript project: load it as webpack does.
      const makeConfig = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as (
        env: Record<string, unknown>,
        argv: { mode: string }
      ) => Promise<webpack.Configuration>;
      const config = await makeConfig({}, { mode: "production" });
      const bad = path.join(ROOT, "test/functions/fixtures/bad-functions.ts");
      const out = mkdtempSync(path.join(tmpdir(), "estab-bad-metadata-"));
      const plugins = (config.plugins ?? []).filter(
        (p) => p !== null && typeof p === "object" && p.constructor.name !== "HtmlWebpackPlugin"
      );
      const metadata = plugins.findIndex(
        (p) => p?.constructor.name === "CustomFunctionsMetadataPlugin"
      );
      expect(metadata).toBeGreaterThanOrEqual(0);
      plugins[metadata] = new CustomFunctionsMetadataPlugin({
        input: bad,
        output: "functions.json",
      });
      const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
        webpack(
          {
            ...config,
            context: ROOT,
            entry: { functions: bad },
            output: { ...config.output, path: out, clean: true },
            plugins,
          },
          (err, result) => (err ? reject(err) : resolve(result))
        )
      );
      rmSync(out, { recursive: true, force: true });
      expect(stats?.hasErrors()).toBe(true);
      const errors = stats?.toJson({ all: false, errors: true }).errors ?? [];
      expect(errors.map((e) => e.message).join("\n")).toMatch(/does not support type "Date"/);
    },
    BUILD_TIMEOUT
  );
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
