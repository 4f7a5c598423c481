import { readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest } from "./manifest-check";

const root = path.join(__dirname, "..", "..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
const assets = path.join(root, "assets");

describe("manifest.xml", () => {
  it("passes the offline check", () => {
    expect(checkManifest(manifest, assets)).toEqual([]);
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
});
