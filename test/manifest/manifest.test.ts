import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { checkManifest, parseManifest, versionNumber, type Element } from "./manifest-check";
import { MERGED_AREAS_EXCEL_API, MIN_EXCEL_API, NOTES_EXCEL_API } from "../../src/excel/run";

const root = path.join(__dirname, "..", "..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
const assets = path.join(root, "assets");
const help = readFileSync(path.join(root, "src", "help", "help.html"), "utf8");

describe("manifest.xml", () => {
  it("passes the offline check", () => {
    expect(checkManifest(manifest, assets)).toEqual([]);
    expect(checkManifest(manifest, { assetsDir: assets, excelApi: MIN_EXCEL_API })).toEqual([]);
  });

  it("fails when the functions page is not the shared runtime's page", () => {
    const broken = manifest.replace(
      /<Page>\s*<SourceLocation resid="Taskpane.Url" \/>/,
      '<Page><SourceLocation resid="Functions.Script.Url" />'
    );
    expect(broken).not.toBe(manifest);
    expect(checkManifest(broken, assets)).toEqual([
      "custom functions <Page> uses resid 'Functions.Script.Url', not the shared runtime's 'Taskpane.Url'",
    ]);
  });

  it("fails when the FunctionFile leaves the shared runtime", () => {
    const broken = manifest.replace(
      '<FunctionFile resid="Taskpane.Url" />',
      '<FunctionFile resid="Functions.Script.Url" />'
    );
    expect(checkManifest(broken, assets)).toEqual([
      "<FunctionFile> uses resid 'Functions.Script.Url', not the shared runtime's 'Taskpane.Url'",
    ]);
  });

  it("fails without SharedRuntime, a long runtime, HTTPS or the ESTAB namespace", () => {
    const broken = manifest
      .replace('<Set Name="SharedRuntime" MinVersion="1.1" />', "")
      .replace('lifetime="long"', 'lifetime="short"')
      .replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json")
      .replace('DefaultValue="ESTAB"', 'DefaultValue="CONTOSO"');
    expect(checkManifest(broken, assets)).toEqual([
      "Requirements lack the SharedRuntime set",
      'the <Runtime> must have lifetime="long"',
      "custom functions namespace is 'CONTOSO', not 'ESTAB'",
      "'http://localhost:3000/functions.json' is not HTTPS",
    ]);
  });

  it("fails on a dangling resid, a duplicate id and a missing icon file", () => {
    const broken = manifest
      .replace('<Label resid="Group.Label" />', '<Label resid="Group.Missing" />')
      .replace(
        '<bt:String id="Group.Label" DefaultValue="Establishment" />',
        '<bt:String id="Group.Label" DefaultValue="Establishment" /><bt:String id="Group.Label" DefaultValue="Again" />'
      )
      .replace("assets/icon-80.png", "assets/icon-81.png");
    const problems = checkManifest(broken, assets);
    expect(problems).toContain("resource id 'Group.Label' is defined more than once");
    expect(problems).toContain("resid 'Group.Missing' has no resource");
    expect(
      problems.some((p) =>
        p.startsWith("icon https://localhost:3000/assets/icon-81.png has no file")
      )
    ).toBe(true);
  });

  it("keeps development URLs on https://localhost:3000 for the build to rewrite", () => {
    const urls = manifest.match(/https?:\/\/[^"]+/g) ?? [];
    const external = urls.filter(
      (u) =>
        !u.startsWith("https://localhost:3000/") &&
        !/^http:\/\/(schemas.microsoft.com|www.w3.org)\//.test(u)
    );
    expect(external).toEqual([]);
  });

  it("fails on elements out of the schemas' order, missing or not allowed", () => {
    const supportUrl = '  <SupportUrl DefaultValue="https://localhost:3000/help.html#support" />\n';
    expect(manifest).toContain(supportUrl);
    const late = manifest
      .replace(supportUrl, "")
      .replace("  <Permissions>", `${supportUrl}  <Permissions>`);
    expect(checkManifest(late, assets)).toEqual([
      "OfficeApp[TaskPaneApp]: <SupportUrl> is out of order (the schema's order is Id, AlternateId, Version, ProviderName, DefaultLocale, DisplayName, Description, IconUrl, HighResolutionIconUrl, SupportUrl, AppDomains, Hosts, Requirements, DefaultSettings, Permissions, Dictionary, VersionOverrides)",
    ]);
    const runtimesLast = manifest
      .replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "")
      .replace(
        "        </DesktopFormFactor>",
        '        </DesktopFormFactor>\n        <Runtimes><Runtime resid="Taskpane.Url" lifetime="long" /></Runtimes>'
      );
    expect(checkManifest(runtimesLast, assets)).toContain(
      "OfficeApp > VersionOverrides > Hosts > Host[Workbook]: <Runtimes> is out of order (the schema's order is Runtimes, AllFormFactors, DesktopFormFactor)"
    );
    const noPermissions = manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "");
    expect(checkManifest(noPermissions, assets)).toEqual([
      "OfficeApp[TaskPaneApp]: <Permissions> is required",
    ]);
    const noSupertip = manifest.replace(/<Supertip>[\s\S]*?<\/Supertip>/, "");
    expect(checkManifest(noSupertip, assets)).toContain(
      "OfficeApp > VersionOverrides > Hosts > Host > DesktopFormFactor > ExtensionPoint > OfficeTab > Group > Control[Button]: <Supertip> is required"
    );
    const stray = manifest.replace(
      '<Label resid="Group.Label" />',
      '<Label resid="Group.Label" /><Tooltip resid="Group.Label" />'
    );
    expect(checkManifest(stray, assets)).toContain(
      "OfficeApp > VersionOverrides > Hosts > Host > DesktopFormFactor > ExtensionPoint > OfficeTab > Group: <Tooltip> is not allowed here (allowed: Label, Icon, Control)"
    );
  });

  it("fails on a resid of the wrong kind, a long id, a missing size and a wrong-sized icon", () => {
    const wrongKind = manifest.replace(
      '<Label resid="Group.Label" />',
      '<Label resid="Taskpane.Url" />'
    );
    expect(checkManifest(wrongKind, assets)).toEqual([
      "OfficeApp > VersionOverrides > Hosts > Host > DesktopFormFactor > ExtensionPoint > OfficeTab > Group > Label: resid 'Taskpane.Url' is not in <ShortStrings>",
    ]);
    const longId = manifest.replaceAll("Group.Label", "Group.Label.For.The.Establishment.Costing");
    expect(checkManifest(longId, assets)).toEqual([
      "resource id 'Group.Label.For.The.Establishment.Costing' is longer than 32 characters",
    ]);
    const no80 = manifest.replace(
      /(<Group id="Estab.Group">[\s\S]*?)<bt:Image size="80" resid="Icon.80x80" \/>/,
      "$1"
    );
    expect(checkManifest(no80, assets)).toEqual([
      "OfficeApp > VersionOverrides > Hosts > Host > DesktopFormFactor > ExtensionPoint > OfficeTab > Group > Icon has no 80px image",
    ]);
    const wrongSize = manifest.replace("assets/icon-80.png", "assets/icon-64.png");
    expect(checkManifest(wrongSize, assets)).toEqual([
      `icon ${path.join(assets, "icon-64.png")} is 64×64, used at 80×80`,
    ]);
  });

  it("declares the requirement sets the add-in uses", () => {
    const oldRuntime = manifest.replace(
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.2" />',
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.1" />'
    );
    expect(checkManifest(oldRuntime, assets)).toEqual([
      "Requirements must declare CustomFunctionsRuntime 1.2 (CustomFunctions.Error), not 1.1",
    ]);
    const noExcelApi = manifest.replace('<Set Name="ExcelApi" MinVersion="1.12" />', "");
    expect(checkManifest(noExcelApi, { assetsDir: assets, excelApi: MIN_EXCEL_API })).toEqual([
      `Requirements must declare ExcelApi ${MIN_EXCEL_API}, not none`,
    ]);
  });

  it("opens the one shared-runtime task pane as the shared-runtime docs show it", () => {
    const app = parseManifest(manifest) as Element;
    const actions = [...walk(app)].filter(
      (e) => e.name === "Action" && e.attrs["type"] === "ShowTaskpane"
    );
    expect(actions).toHaveLength(1);
    expect(actions[0].children.map((c) => [c.name, c.text || c.attrs["resid"]])).toEqual([
      ["TaskpaneId", "ButtonId1"],
      ["SourceLocation", "Taskpane.Url"],
    ]);
    const unnamed = manifest.replace("<TaskpaneId>ButtonId1</TaskpaneId>", "");
    expect(checkManifest(unnamed, assets)).toEqual([
      "the task pane action has no <TaskpaneId>: it would open a second task pane",
    ]);
  });

  it("sends SupportUrl and LearnMoreUrl to sections of the shipped help page", () => {
    const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)?.[1];
    const learnMore = /<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="([^"]+)"/.exec(
      manifest
    )?.[1];
    for (const url of [support, learnMore]) {
      const u = new URL(String(url));
      expect(u.origin + u.pathname).toBe("https://localhost:3000/help.html");
      expect(help).toContain(`id="${u.hash.slice(1)}"`);
    }
  });
});

function* walk(e: Element): Generator<Element> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

/**
 * The ExcelApi set the adapter cannot work without is the highest set of any Office API
 * member it uses outside a run-time check. Each member's set is read from @types/office-js
 * (the lowest set any Excel class documents the name in), so a newer API creeping into
 * src/excel fails here until the manifest and MIN_EXCEL_API say so, or it is checked at
 * run time like notes.
 */
describe("the ExcelApi set src/excel needs", () => {
  /** Members gated by a run-time isSetSupported check (src/excel/run.ts). */
  const OPTIONAL: Record<string, string> = {
    notes: NOTES_EXCEL_API,
    getMergedAreasOrNullObject: MERGED_AREAS_EXCEL_API,
  };
  /** Our own names that happen to match an Excel member documented only in a newer set. */
  const NOT_OFFICE = new Set(["property", "message", "layout"]);
  /**
   * Members @types/office-js tags with a set only on a newer class: `items` of the
   * collections the adapter loads (worksheets, tables, names) is ExcelApi 1.1.
   */
  const DOCUMENTED_OLDER: Record<string, string> = { items: "1.1" };

  function excelApiSets(): Map<string, number> {
    const lines = readFileSync(
      path.join(root, "node_modules/@types/office-js/index.d.ts"),
      "utf8"
    ).split("\n");
    const sets = new Map<string, number>();
    let comment: string[] | undefined;
    let previous = "";
    let inExcel = false;
    for (const line of lines) {
      if (/^declare namespace /.test(line)) inExcel = /^declare namespace Excel \{/.test(line);
      if (!inExcel) continue;
      if (/^\s*\/\*\*/.test(line)) comment = [];
      if (comment) {
        comment.push(line);
        if (line.includes("*/")) {
          previous = comment.join("\n");
          comment = undefined;
        }
        continue;
      }
      const member = /^\s+(?:readonly\s+)?([A-Za-z_]\w*)\??\s*[:(<]/.exec(line);
      const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(previous);
      if (member && set) {
        const v = versionNumber(set[1]);
        if (!sets.has(member[1]) || (sets.get(member[1]) as number) > v) sets.set(member[1], v);
      }
      previous = "";
    }
    return sets;
  }

  it(`is ExcelApi ${MIN_EXCEL_API}, declared in the manifest`, () => {
    const sets = excelApiSets();
    for (const [m, set] of Object.entries(DOCUMENTED_OLDER)) sets.set(m, versionNumber(set));
    expect(sets.get("customProperties")).toBe(versionNumber("1.12"));
    const dir = path.join(root, "src", "excel");
    const used = new Map<string, string[]>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const code = readFileSync(path.join(dir, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      for (const m of code.matchAll(/\.([A-Za-z_]\w*)\b/g))
        if (sets.has(m[1]) && !NOT_OFFICE.has(m[1]))
          used.set(m[1], [...(used.get(m[1]) ?? []), file]);
    }
    const required = [...used.keys()].filter((m) => !(m in OPTIONAL));
    const highest = Math.max(...required.map((m) => sets.get(m) as number));
    const newest = required.filter((m) => sets.get(m) === highest);
    expect({ highest, newest }).toEqual({
      highest: versionNumber(MIN_EXCEL_API),
      newest: ["customProperties"],
    });
    for (const [m, set] of Object.entries(OPTIONAL))
      if (used.has(m)) expect(sets.get(m)).toBe(versionNumber(set));
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API}" />`);
  });
});

describe("help.html", () => {
  it("is a static page under the task pane's rules: no script, nothing fetched from elsewhere", () => {
    const csp =
      /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(help)?.[1] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(help).not.toMatch(/<script/i);
    expect(help).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(help).not.toMatch(/url\(/i);
  });

  it("has every section its own links point at", () => {
    const ids = new Set([...help.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const [, target] of help.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(target);
  });
});
