import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BUILD_OUTPUT, describeWith } from "../support/requirements";

/** The task pane's JavaScript budget in Excel: what taskpane.html loads, gzipped. */
const BUDGET_GZIP_BYTES = 400 * 1024;
/** Text only ExcelJS carries: it must never reach the bundle Excel loads. */
const EXCELJS_MARKER = "xl/sharedStrings.xml";

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describeWith([BUILD_OUTPUT], "task pane bundle (production build)", ([taskpaneHtml]) => {
  const dist = path.dirname(taskpaneHtml);

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
    expect(
      readdirSync(dist)
        .filter((f) => f.endsWith(".js"))
        .sort()
    ).toEqual(["functions.js", "taskpane.js"]);
  });
});

const previewDir = path.resolve(__dirname, "../../dist-preview");

(existsSync(path.join(previewDir, "taskpane.html")) ? describe : describe.skip)(
  "preview bundle (dist-preview)",
  () => {
    it("loads ExcelJS only in its own lazy chunk", () => {
      expect(readFileSync(path.join(previewDir, "taskpane.js"), "utf8")).not.toContain(
        EXCELJS_MARKER
      );
      expect(readFileSync(path.join(previewDir, "exceljs.js"), "utf8")).toContain(EXCELJS_MARKER);
      console.log(
        `Preview bundles, gzipped: taskpane.js ${kib(gzipped(path.join(previewDir, "taskpane.js")))}, ` +
          `preview.js ${kib(gzipped(path.join(previewDir, "preview.js")))}, ` +
          `xlsx.js ${kib(gzipped(path.join(previewDir, "xlsx.js")))}, ` +
          `exceljs.js ${kib(gzipped(path.join(previewDir, "exceljs.js")))}`
      );
    });
  }
);
