import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { BUILD_OUTPUT, describeWith } from "../support/requirements";
import { checkManifest } from "../manifest/manifest-check";

describeWith([BUILD_OUTPUT], "production build", ([taskpaneHtml]) => {
  const dist = path.dirname(taskpaneHtml);
  const bundles = readdirSync(dist).filter((f) => f.endsWith(".js"));

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
    const html = readFileSync(taskpaneHtml, "utf8");
    expect(html).toMatch(/<script[^>]+src="?functions\.js/);
    expect(html).toMatch(/<script[^>]+src="?taskpane\.js/);
  });
});
