/**
 * The offline manifest check (`npm run validate`): what office-addin-manifest's online
 * validator cannot tell us here, and what breaks a shared-runtime add-in silently.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: () => false,
});

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Every object node below `node`, depth first, with the element name it hangs from. */
function* walk(node: unknown, name = ""): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child, name);
  } else if (node && typeof node === "object") {
    yield [name, node as Node];
    for (const [key, child] of Object.entries(node))
      if (!key.startsWith("@")) yield* walk(child, key);
  }
}

function resid(node: unknown): string | undefined {
  const r = (node as Node | undefined)?.["@resid"];
  return typeof r === "string" ? r : undefined;
}

/** Problems with the manifest, in words; empty when it is sound. */
export function checkManifest(xml: string, assetsDir?: string): string[] {
  const problems: string[] = [];
  const doc = parser.parse(xml) as Node;
  const app = doc["OfficeApp"] as Node | undefined;
  if (!app) return ["no <OfficeApp> root element"];

  const resources = ((app["VersionOverrides"] as Node)?.["Resources"] ?? {}) as Node;
  const entries = (group: string, item: string): Array<[string, string]> =>
    asArray((resources[group] as Node | undefined)?.[item] as Node | Node[]).map((n) => [
      String(n["@id"]),
      String(n["@DefaultValue"]),
    ]);
  const urlEntries = entries("Urls", "Url");
  const imageEntries = entries("Images", "Image");
  const stringEntries = [...entries("ShortStrings", "String"), ...entries("LongStrings", "String")];
  const urls = new Map(urlEntries);
  const images = new Map(imageEntries);
  const strings = new Map(stringEntries);

  // Ids must be unique across all resources: Office resolves resid by id alone.
  const allIds = [...urlEntries, ...imageEntries, ...stringEntries].map(([id]) => id);
  const dupes = allIds.filter((id, i) => allIds.indexOf(id) !== i);
  for (const id of new Set(dupes)) problems.push(`resource id '${id}' is defined more than once`);

  // Every resid must resolve.
  for (const [, node] of walk(app)) {
    const r = resid(node);
    if (r && !urls.has(r) && !images.has(r) && !strings.has(r))
      problems.push(`resid '${r}' has no resource`);
  }

  // Shared runtime: one long-lived runtime, and the task pane page, the functions page
  // and the command FunctionFile must all be that same page.
  const sets = asArray(((app["Requirements"] as Node)?.["Sets"] as Node)?.["Set"] as Node | Node[]);
  if (!sets.some((s) => s["@Name"] === "SharedRuntime"))
    problems.push("Requirements lack the SharedRuntime set");
  const host = (((app["VersionOverrides"] as Node)?.["Hosts"] as Node)?.["Host"] ?? {}) as Node;
  const runtimes = asArray((host["Runtimes"] as Node | undefined)?.["Runtime"] as Node | Node[]);
  if (runtimes.length !== 1) problems.push(`expected one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime["@lifetime"] !== "long")
    problems.push('the <Runtime> must have lifetime="long"');
  const runtimeId = resid(runtime);

  const cf = asArray(
    ((host["AllFormFactors"] as Node)?.["ExtensionPoint"] ?? []) as Node | Node[]
  ).find((e) => e["@type"] === "CustomFunctions");
  if (!cf) problems.push("no CustomFunctions extension point");
  const pageId = resid((cf?.["Page"] as Node | undefined)?.["SourceLocation"]);
  const functionFileId = resid((host["DesktopFormFactor"] as Node | undefined)?.["FunctionFile"]);
  const taskpaneActions = [...walk(host)].filter(
    ([name, n]) => name === "Action" && n["@type"] === "ShowTaskpane"
  );
  const taskpaneIds = taskpaneActions.map(([, n]) => resid(n["SourceLocation"]));
  for (const [what, id] of [
    ["custom functions <Page>", pageId],
    ["<FunctionFile>", functionFileId],
    ...taskpaneIds.map((id) => ["task pane action", id] as const),
  ] as const) {
    if (id !== runtimeId)
      problems.push(`${what} uses resid '${id}', not the shared runtime's '${runtimeId}'`);
  }
  if (taskpaneIds.length === 0) problems.push("no ribbon button opens the task pane");

  const namespaceId = resid(cf?.["Namespace"]);
  if (!namespaceId || strings.get(namespaceId) !== "ESTAB")
    problems.push(
      `custom functions namespace is '${namespaceId && strings.get(namespaceId)}', not 'ESTAB'`
    );

  // Every location must be HTTPS.
  const locations = [
    ...urls.values(),
    ...images.values(),
    ...[...walk(app)]
      .filter(([name]) =>
        ["SourceLocation", "IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(name)
      )
      .map(([, n]) => n["@DefaultValue"])
      .filter((v): v is string => typeof v === "string"),
  ];
  for (const url of locations)
    if (!url.startsWith("https://")) problems.push(`'${url}' is not HTTPS`);

  // Icons the manifest names must exist in assets/.
  if (assetsDir) {
    for (const url of [...images.values(), String((app["IconUrl"] as Node)?.["@DefaultValue"])]) {
      const file = path.join(assetsDir, path.basename(new URL(url).pathname));
      if (!existsSync(file)) problems.push(`icon ${url} has no file ${file}`);
    }
  }

  const id = String(app["Id"] ?? "");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`<Id> '${id}' is not a GUID`);
  return problems;
}
